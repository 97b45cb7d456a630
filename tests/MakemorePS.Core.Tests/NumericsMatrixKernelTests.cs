using System;
using System.Linq;
using MakemorePS.Core.Numerics;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class NumericsMatrixKernelTests
    {
        // The MLP's shapes (m, k, n) and odd ones that exercise every tile and tail path.
        public static readonly TheoryData<int, int, int> Shapes = new TheoryData<int, int, int>
        {
            { 32, 30, 200 }, { 32, 200, 27 }, { 200, 32, 27 }, { 30, 32, 200 }, { 32, 27, 200 }, { 32, 200, 30 },
            { 1, 1, 1 }, { 3, 5, 7 }, { 5, 17, 33 }, { 7, 9, 65 }, { 2, 31, 1 }, { 0, 4, 3 }, { 4, 0, 3 },
            { 4, 3, 16 }, { 5, 6, 17 }, { 9, 2, 31 }, { 6, 5, 32 }, { 11, 4, 47 }, { 3, 7, 48 }, { 13, 3, 49 }, { 2, 2, 15 },
        };

        private static float[] Values(int length, long seed) => TrainingTestData.Gaussian(length, seed, 2.0);

        // A float product of k terms in another order or with fused rounding: a few ulps of Σ|a·b|.
        private static void AssertProductsClose(float[] expected, float[] actual, float[] magnitudes)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                double tolerance = (1e-6 * magnitudes[i]) + 1e-30;
                Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance:R})");
            }
        }

        private static float[] Absolute(float[] x) => x.Select(Math.Abs).ToArray();

        [Theory]
        [MemberData(nameof(Shapes))]
        public void MatrixMultiplyEqualsItsScalarLoop(int m, int k, int n)
        {
            float[] a = Values(m * k, 1), b = Values(k * n, 2);
            var vectorized = new float[m * n];
            var scalar = new float[m * n];
            var magnitudes = new float[m * n];
            vectorized.AsSpan().Fill(float.NaN); // every element must be written
            Kernels.MatrixMultiply(a, b, m, k, n, vectorized);
            ScalarMlpKernels.MatrixMultiply(a, b, m, k, n, scalar);
            ScalarMlpKernels.MatrixMultiply(Absolute(a), Absolute(b), m, k, n, magnitudes);
            AssertProductsClose(scalar, vectorized, magnitudes);

            // The scalar loop is the textbook definition.
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = Enumerable.Range(0, k).Sum(q => (double)a[(i * k) + q] * b[(q * n) + j]);
                    Assert.Equal(sum, scalar[(i * n) + j], 1e-3);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void MatrixMultiplyTransposedAEqualsItsScalarLoop(int m, int k, int n)
        {
            float[] a = Values(m * k, 3), b = Values(m * n, 4);
            var vectorized = new float[k * n];
            var scalar = new float[k * n];
            var magnitudes = new float[k * n];
            vectorized.AsSpan().Fill(float.NaN);
            Kernels.MatrixMultiplyTransposedA(a, b, m, k, n, vectorized);
            ScalarMlpKernels.MatrixMultiplyTransposedA(a, b, m, k, n, scalar);
            ScalarMlpKernels.MatrixMultiplyTransposedA(Absolute(a), Absolute(b), m, k, n, magnitudes);
            AssertProductsClose(scalar, vectorized, magnitudes);

            // aᵀ·b is (explicit transpose of a)·b.
            var transposed = new float[k * m];
            for (int i = 0; i < m; i++)
            {
                for (int p = 0; p < k; p++)
                {
                    transposed[(p * m) + i] = a[(i * k) + p];
                }
            }

            var viaTranspose = new float[k * n];
            ScalarMlpKernels.MatrixMultiply(transposed, b, k, m, n, viaTranspose);
            AssertProductsClose(viaTranspose, scalar, magnitudes);
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void MatrixProductsGiveTheSameResultsOnTheWideAndPortablePaths(int m, int k, int n)
        {
            float[] a = Values(m * k, 20), b = Values(k * n, 21), bRows = Values(m * n, 22), aRows = Values(m * k, 23);
            var portable = new float[m * n];
            var wide = new float[m * n];
            var scalar = new float[m * n];
            var magnitudes = new float[m * n];
            portable.AsSpan().Fill(float.NaN);
            Kernels.MatrixMultiply(a, b, m, k, n, portable, wide: false);
            Kernels.MatrixMultiply(a, b, m, k, n, wide, wide: true);
            ScalarMlpKernels.MatrixMultiply(a, b, m, k, n, scalar);
            ScalarMlpKernels.MatrixMultiply(Absolute(a), Absolute(b), m, k, n, magnitudes);
            Assert.Equal(portable, wide);
            AssertProductsClose(scalar, portable, magnitudes);

            var portableT = new float[k * n];
            var wideT = new float[k * n];
            var scalarT = new float[k * n];
            var magnitudesT = new float[k * n];
            portableT.AsSpan().Fill(float.NaN);
            Kernels.MatrixMultiplyTransposedA(aRows, bRows, m, k, n, portableT, wide: false);
            Kernels.MatrixMultiplyTransposedA(aRows, bRows, m, k, n, wideT, wide: true);
            ScalarMlpKernels.MatrixMultiplyTransposedA(aRows, bRows, m, k, n, scalarT);
            ScalarMlpKernels.MatrixMultiplyTransposedA(Absolute(aRows), Absolute(bRows), m, k, n, magnitudesT);
            Assert.Equal(portableT, wideT);
            AssertProductsClose(scalarT, portableT, magnitudesT);
        }

        [Fact]
        public void MatrixProductsRefuseWrongShapesAndOverlap()
        {
            var a = new float[6];
            var b = new float[6];
            var d = new float[4];
            Assert.Throws<ArgumentException>(() => Kernels.MatrixMultiply(a, b, 2, 3, 3, d));
            Assert.Throws<ArgumentException>(() => Kernels.MatrixMultiplyTransposedA(a, b, 2, 3, 2, d));
            var shared = new float[12];
            Assert.Throws<ArgumentException>(() => Kernels.MatrixMultiply(shared.AsSpan(0, 4), b.AsSpan(0, 4), 2, 2, 2, shared.AsSpan(2, 4)));
            Kernels.MatrixMultiply(a, b, 2, 3, 2, d); // the right shapes are accepted
        }

        [Theory]
        [MemberData(nameof(NumericsKernelTests.OddLengths), MemberType = typeof(NumericsKernelTests))]
        public void TanhEqualsItsScalarLoopAndMathTanh(int length)
        {
            float[] x = Values(length, 7 + length);
            var vectorized = new float[length];
            var scalar = new float[length];
            Kernels.Tanh(x, vectorized);
            ScalarMlpKernels.Tanh(x, scalar);
            for (int i = 0; i < length; i++)
            {
                Assert.True(Math.Abs(scalar[i] - vectorized[i]) <= 4e-7, $"tanh({x[i]:R}): {vectorized[i]:R} vs {scalar[i]:R}");
                Assert.Equal(Math.Tanh(x[i]), scalar[i], 1e-7);
            }
        }

        [Fact]
        public void TanhIsStableForLargeInputs()
        {
            float[] x = { 1e4f, -1e4f, 88.8f, -88.8f, 3.4e38f, -3.4e38f, float.PositiveInfinity, float.NegativeInfinity, 20f, -20f, 1e-30f, 0f, 9.5f, -9.5f, 44f, -44f };
            var vectorized = new float[x.Length];
            var scalar = new float[x.Length];
            Kernels.Tanh(x, vectorized);
            ScalarMlpKernels.Tanh(x, scalar);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.False(float.IsNaN(vectorized[i]), $"tanh({x[i]:R}) is NaN");
                Assert.Equal(scalar[i], vectorized[i], 1e-6);
                Assert.InRange(vectorized[i], -1f, 1f);
            }

            Assert.Equal(1f, vectorized[0]);
            Assert.Equal(-1f, vectorized[1]);
        }

        [Theory]
        [MemberData(nameof(NumericsKernelTests.OddLengths), MemberType = typeof(NumericsKernelTests))]
        public void TanhBackwardEqualsItsScalarLoop(int length)
        {
            var h = new float[length];
            ScalarMlpKernels.Tanh(Values(length, 8 + length), h);
            float[] upstream = Values(length, 9 + length);
            var vectorized = new float[length];
            var scalar = new float[length];
            Kernels.TanhBackward(h, upstream, vectorized);
            ScalarMlpKernels.TanhBackward(h, upstream, scalar);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(scalar[i], vectorized[i], 1e-6);
                Assert.Equal((1.0 - ((double)h[i] * h[i])) * upstream[i], scalar[i], 1e-5 * (1 + Math.Abs(upstream[i])));
            }
        }

        [Theory]
        [InlineData(32, 200)]
        [InlineData(32, 27)]
        [InlineData(5, 9)]
        [InlineData(1, 1)]
        [InlineData(0, 7)]
        [InlineData(3, 8)]
        [InlineData(4, 31)]
        [InlineData(2, 32)]
        [InlineData(3, 33)]
        [InlineData(2, 65)]
        public void ColumnSumsEqualItsScalarLoop(int rows, int columns)
        {
            float[] matrix = Values(rows * columns, 10 + rows);
            var vectorized = new float[columns];
            var scalar = new float[columns];
            vectorized.AsSpan().Fill(float.NaN);
            Kernels.ColumnSums(matrix, vectorized);
            ScalarMlpKernels.ColumnSums(matrix, scalar);
            for (int j = 0; j < columns; j++)
            {
                double sum = Enumerable.Range(0, rows).Sum(i => (double)matrix[(i * columns) + j]);
                Assert.Equal(sum, scalar[j], 1e-4);
                Assert.Equal(scalar[j], vectorized[j], 1e-5);
            }

            Assert.Throws<ArgumentException>(() => Kernels.ColumnSums(new float[7], new float[3]));
        }

        // Row-by-column shapes: the MLP's, and column counts below, at and above one, two and four vectors (8 or 16 lanes).
        public static readonly TheoryData<int, int> ColumnShapes = new TheoryData<int, int>
        {
            { 32, 200 }, { 32, 27 }, { 5, 1 }, { 3, 7 }, { 4, 8 }, { 5, 9 }, { 2, 15 }, { 3, 16 }, { 7, 17 }, { 2, 31 }, { 3, 33 },
            { 4, 63 }, { 2, 64 }, { 3, 65 }, { 1, 129 }, { 0, 9 },
        };

        // Each column kernel does the scalar loop's float operations in the same order, so the results are identical.
        [Theory]
        [MemberData(nameof(ColumnShapes))]
        public void ColumnSumsWithProductsEqualsItsScalarLoop(int rows, int columns)
        {
            float[] x = Values(rows * columns, 40 + columns), y = Values(rows * columns, 41 + columns);
            float[] sums = Filled(columns), productSums = Filled(columns), scalarSums = new float[columns], scalarProducts = new float[columns];
            Kernels.ColumnSumsWithProducts(x, y, sums, productSums);
            ScalarMlpKernels.ColumnSumsWithProducts(x, y, scalarSums, scalarProducts);
            Assert.Equal(scalarSums, sums);
            Assert.Equal(scalarProducts, productSums);
            for (int j = 0; j < columns; j++)
            {
                Assert.Equal(Enumerable.Range(0, rows).Sum(i => (double)x[(i * columns) + j] * y[(i * columns) + j]), scalarProducts[j], 1e-4);
            }

            Assert.Throws<ArgumentException>(() => Kernels.ColumnSumsWithProducts(x, new float[x.Length + 1], sums, productSums));
        }

        [Theory]
        [MemberData(nameof(ColumnShapes))]
        public void CenterColumnsEqualsItsScalarLoopAlsoInPlace(int rows, int columns)
        {
            float[] matrix = Values(rows * columns, 42 + columns), mean = Values(columns, 43 + columns);
            float[] centered = Filled(rows * columns), squares = Filled(columns), scalarCentered = new float[rows * columns], scalarSquares = new float[columns];
            Kernels.CenterColumns(matrix, mean, centered, squares);
            ScalarMlpKernels.CenterColumns(matrix, mean, scalarCentered, scalarSquares);
            Assert.Equal(scalarCentered, centered);
            Assert.Equal(scalarSquares, squares);
            for (int j = 0; j < columns; j++)
            {
                Assert.Equal(Enumerable.Range(0, rows).Sum(i => Math.Pow(matrix[(i * columns) + j] - mean[j], 2)), scalarSquares[j], 1e-3);
            }

            float[] inPlace = (float[])matrix.Clone();
            Kernels.CenterColumns(inPlace, mean, inPlace, squares);
            Assert.Equal(scalarCentered, inPlace);
            Assert.Equal(scalarSquares, squares);
        }

        [Theory]
        [MemberData(nameof(ColumnShapes))]
        public void NormalizeColumnsEqualsItsScalarLoopAlsoInPlace(int rows, int columns)
        {
            float[] centered = Values(rows * columns, 44 + columns), inverse = Values(columns, 45 + columns);
            float[] gain = Values(columns, 46 + columns), bias = Values(columns, 47 + columns);
            float[] normalized = Filled(rows * columns), output = Filled(rows * columns), scalarNormalized = new float[rows * columns], scalarOutput = new float[rows * columns];
            Kernels.NormalizeColumns(centered, inverse, gain, bias, normalized, output);
            ScalarMlpKernels.NormalizeColumns(centered, inverse, gain, bias, scalarNormalized, scalarOutput);
            Assert.Equal(scalarNormalized, normalized);
            Assert.Equal(scalarOutput, output);
            if (rows * columns > 0)
            {
                int last = (rows * columns) - 1;
                Assert.Equal((centered[last] * inverse[columns - 1] * gain[columns - 1]) + bias[columns - 1], scalarOutput[last], 1e-4);
            }

            float[] inPlace = (float[])centered.Clone();
            Kernels.NormalizeColumns(inPlace, inverse, gain, bias, inPlace, output);
            Assert.Equal(scalarNormalized, inPlace);
            Assert.Equal(scalarOutput, output);
        }

        [Theory]
        [MemberData(nameof(ColumnShapes))]
        public void BatchNormInputGradientEqualsItsScalarLoopAlsoInPlace(int rows, int columns)
        {
            float[] upstream = Values(rows * columns, 48 + columns), normalized = Values(rows * columns, 49 + columns);
            float[] scale = Values(columns, 50 + columns), offset = Values(columns, 51 + columns), slope = Values(columns, 52 + columns);
            float[] gradient = Filled(rows * columns), scalar = new float[rows * columns];
            Kernels.BatchNormInputGradient(upstream, normalized, scale, offset, slope, gradient);
            ScalarMlpKernels.BatchNormInputGradient(upstream, normalized, scale, offset, slope, scalar);
            Assert.Equal(scalar, gradient);
            if (rows * columns > 0)
            {
                Assert.Equal((upstream[0] * scale[0]) + offset[0] + (normalized[0] * slope[0]), scalar[0], 1e-4);
            }

            float[] inPlace = (float[])upstream.Clone();
            Kernels.BatchNormInputGradient(inPlace, normalized, scale, offset, slope, inPlace);
            Assert.Equal(scalar, inPlace);
            Assert.Throws<ArgumentException>(() => Kernels.BatchNormInputGradient(upstream, normalized, scale, offset, new float[columns + 1], gradient));
        }

        [Theory]
        [MemberData(nameof(ColumnShapes))]
        public void AddToRowsEqualsItsScalarLoopAlsoInPlace(int rows, int columns)
        {
            float[] matrix = Values(rows * columns, 53 + columns), row = Values(columns, 54 + columns);
            float[] sum = Filled(rows * columns), scalar = new float[rows * columns];
            Kernels.AddToRows(matrix, row, sum);
            ScalarMlpKernels.AddToRows(matrix, row, scalar);
            Assert.Equal(scalar, sum);
            if (rows * columns > 0)
            {
                Assert.Equal(matrix[(rows * columns) - 1] + row[columns - 1], scalar[(rows * columns) - 1]);
            }

            Kernels.AddToRows(matrix, row, matrix);
            Assert.Equal(scalar, matrix);
            Assert.Throws<ArgumentException>(() => Kernels.AddToRows(matrix, row, new float[matrix.Length + 1]));
        }

        [Theory]
        [MemberData(nameof(NumericsKernelTests.OddLengths), MemberType = typeof(NumericsKernelTests))]
        public void BatchNormStdEqualsItsScalarLoopAndFlagsBadSigmas(int length)
        {
            float[] sums = Values(length, 55 + length).Select(v => v * v * 7f).ToArray();
            float[] std = Filled(length), inverse = Filled(length), scalarStd = new float[length], scalarInverse = new float[length];
            Assert.True(Kernels.BatchNormStd(sums, 1f / 31, 1e-5f, std, inverse));
            Assert.True(ScalarMlpKernels.BatchNormStd(sums, 1f / 31, 1e-5f, scalarStd, scalarInverse));
            Assert.Equal(scalarStd, std);
            Assert.Equal(scalarInverse, inverse);
            Assert.Equal(Math.Sqrt((sums[0] / 31.0) + 1e-5), scalarStd[0], 1e-5 * (1 + scalarStd[0]));

            float[] inPlace = (float[])sums.Clone();
            Assert.True(Kernels.BatchNormStd(inPlace, 1f / 31, 1e-5f, inPlace, inverse));
            Assert.Equal(scalarStd, inPlace);

            // A σ of 0, ∞ or NaN anywhere (in a vector or in the tail) makes the batch unusable.
            foreach (float bad in new[] { 0f, float.PositiveInfinity, float.NaN, float.MaxValue })
            {
                foreach (int position in new[] { 0, length / 2, length - 1 })
                {
                    float[] copy = (float[])sums.Clone();
                    copy[position] = bad;
                    float epsilon = bad == 0f ? 0f : 1e-5f;
                    bool expected = ScalarMlpKernels.BatchNormStd(copy, bad == float.MaxValue ? 2f : 1f / 31, epsilon, scalarStd, scalarInverse);
                    Assert.False(expected, $"{bad} at {position}");
                    Assert.Equal(expected, Kernels.BatchNormStd(copy, bad == float.MaxValue ? 2f : 1f / 31, epsilon, std, inverse));
                }
            }

            Assert.Throws<ArgumentException>(() => Kernels.BatchNormStd(sums, 1f, 0f, new float[length + 1], inverse));
        }

        // Every element must be written: a NaN left over fails the comparison.
        private static float[] Filled(int length) => Enumerable.Repeat(float.NaN, length).ToArray();

        [Theory]
        [MemberData(nameof(NumericsKernelTests.OddLengths), MemberType = typeof(NumericsKernelTests))]
        public void ElementwiseMultiplyEqualsItsScalarLoop(int length)
        {
            float[] x = Values(length, 11 + length), y = Values(length, 12 + length);
            var vectorized = new float[length];
            var scalar = new float[length];
            Kernels.Multiply(x, y, vectorized);
            ScalarMlpKernels.Multiply(x, y, scalar);
            Assert.Equal(scalar, vectorized);
            Assert.Equal(x.Zip(y, (a, b) => a * b).ToArray(), scalar);
        }

        [Theory]
        [InlineData(200, 27)]
        [InlineData(30, 200)]
        [InlineData(3, 5)]
        [InlineData(1, 9)]
        [InlineData(8, 8)]
        [InlineData(16, 24)]
        [InlineData(9, 17)]
        [InlineData(17, 9)]
        [InlineData(7, 33)]
        [InlineData(33, 7)]
        [InlineData(8, 15)]
        [InlineData(23, 8)]
        public void TransposeEqualsItsScalarLoop(int rows, int columns)
        {
            float[] source = Values(rows * columns, 14 + rows);
            var fast = new float[rows * columns];
            var scalar = new float[rows * columns];
            Kernels.Transpose(source, rows, columns, fast);
            ScalarMlpKernels.Transpose(source, rows, columns, scalar);
            Assert.Equal(scalar, fast);
            Assert.Equal(source[columns - 1], fast[(columns - 1) * rows]);
            Assert.Throws<ArgumentException>(() => Kernels.Transpose(source, rows, columns, new float[(rows * columns) + 1]));
        }

        [Theory]
        [MemberData(nameof(NumericsKernelTests.OddLengths), MemberType = typeof(NumericsKernelTests))]
        public void MaxMagnitudeEqualsItsScalarLoop(int length)
        {
            float[] x = Values(length, 15 + length);
            Assert.Equal(ScalarMlpKernels.MaxMagnitude(x), Kernels.MaxMagnitude(x));
            Assert.Equal(x.Max(v => Math.Abs(v)), Kernels.MaxMagnitude(x));
            Assert.Equal(0f, Kernels.MaxMagnitude(ReadOnlySpan<float>.Empty));
            foreach (int position in new[] { 0, length / 2, length - 1 })
            {
                float[] copy = (float[])x.Clone();
                copy[position] = float.NegativeInfinity;
                Assert.Equal(float.PositiveInfinity, Kernels.MaxMagnitude(copy));
                copy[(position + 1) % length] = float.NaN;
                Assert.True(float.IsNaN(Kernels.MaxMagnitude(copy)), "a NaN anywhere must show");
                if (length > 1)
                {
                    copy[position] = 1f; // the NaN alone, next to finite values
                    Assert.True(float.IsNaN(Kernels.MaxMagnitude(copy)), "a NaN anywhere must show");
                }
            }
        }
    }
}
