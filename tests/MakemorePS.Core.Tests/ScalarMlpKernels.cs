using System;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core.Tests
{
    /// <summary>Plain scalar loops, the references the MLP's vectorized kernels in <see cref="Kernels"/> are checked against.</summary>
    internal static class ScalarMlpKernels
    {
        /// <summary>destination (m×n) = a (m×k) · b (k×n).</summary>
        internal static void MatrixMultiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int k, int n, Span<float> destination)
        {
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    float sum = 0f;
                    for (int q = 0; q < k; q++)
                    {
                        sum += a[(i * k) + q] * b[(q * n) + j];
                    }

                    destination[(i * n) + j] = sum;
                }
            }
        }

        /// <summary>destination (k×n) = aᵀ · b, a m×k, b m×n.</summary>
        internal static void MatrixMultiplyTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int k, int n, Span<float> destination)
        {
            for (int p = 0; p < k; p++)
            {
                for (int j = 0; j < n; j++)
                {
                    float sum = 0f;
                    for (int i = 0; i < m; i++)
                    {
                        sum += a[(i * k) + p] * b[(i * n) + j];
                    }

                    destination[(p * n) + j] = sum;
                }
            }
        }

        internal static void Tanh(ReadOnlySpan<float> x, Span<float> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (float)Math.Tanh(x[i]);
            }
        }

        internal static void TanhBackward(ReadOnlySpan<float> h, ReadOnlySpan<float> upstream, Span<float> destination)
        {
            for (int i = 0; i < h.Length; i++)
            {
                destination[i] = (1f - (h[i] * h[i])) * upstream[i];
            }
        }

        internal static void ColumnSums(ReadOnlySpan<float> matrix, Span<float> destination)
        {
            int columns = destination.Length;
            for (int j = 0; j < columns; j++)
            {
                float sum = 0f;
                for (int start = j; start < matrix.Length; start += columns)
                {
                    sum += matrix[start];
                }

                destination[j] = sum;
            }
        }

        internal static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = x[i] * y[i];
            }
        }

        internal static void ColumnSumsWithProducts(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> sums, Span<float> productSums)
        {
            int columns = sums.Length;
            for (int j = 0; j < columns; j++)
            {
                float s = 0f, p = 0f;
                for (int start = j; start < x.Length; start += columns)
                {
                    s += y[start];
                    p += x[start] * y[start];
                }

                sums[j] = s;
                productSums[j] = p;
            }
        }

        internal static void CenterColumns(ReadOnlySpan<float> matrix, ReadOnlySpan<float> mean, Span<float> centered, Span<float> sumsOfSquares)
        {
            int columns = mean.Length;
            for (int j = 0; j < columns; j++)
            {
                float s = 0f;
                for (int start = j; start < matrix.Length; start += columns)
                {
                    float d = matrix[start] - mean[j];
                    centered[start] = d;
                    s += d * d;
                }

                sumsOfSquares[j] = s;
            }
        }

        internal static void NormalizeColumns(ReadOnlySpan<float> centered, ReadOnlySpan<float> inverseStd, ReadOnlySpan<float> gain, ReadOnlySpan<float> bias,
            Span<float> normalized, Span<float> destination)
        {
            int columns = inverseStd.Length;
            for (int i = 0; i < centered.Length; i++)
            {
                int j = i % columns;
                float xhat = centered[i] * inverseStd[j];
                normalized[i] = xhat;
                destination[i] = (xhat * gain[j]) + bias[j];
            }
        }

        internal static void BatchNormInputGradient(ReadOnlySpan<float> upstream, ReadOnlySpan<float> normalized, ReadOnlySpan<float> scale,
            ReadOnlySpan<float> offset, ReadOnlySpan<float> slope, Span<float> destination)
        {
            int columns = scale.Length;
            for (int i = 0; i < upstream.Length; i++)
            {
                int j = i % columns;
                float affine = (upstream[i] * scale[j]) + offset[j];
                destination[i] = (normalized[i] * slope[j]) + affine;
            }
        }

        internal static void AddToRows(ReadOnlySpan<float> matrix, ReadOnlySpan<float> row, Span<float> destination)
        {
            for (int i = 0; i < matrix.Length; i++)
            {
                destination[i] = matrix[i] + row[i % row.Length];
            }
        }

        internal static bool BatchNormStd(ReadOnlySpan<float> sumsOfSquares, float scale, float epsilon, Span<float> std, Span<float> inverseStd)
        {
            bool valid = true;
            for (int j = 0; j < sumsOfSquares.Length; j++)
            {
                float sigma = (float)Math.Sqrt((sumsOfSquares[j] * scale) + epsilon);
                std[j] = sigma;
                inverseStd[j] = 1f / sigma;
                valid &= sigma > 0f && !float.IsInfinity(sigma);
            }

            return valid;
        }

        internal static float MaxMagnitude(ReadOnlySpan<float> x)
        {
            float max = 0f;
            foreach (float value in x)
            {
                max = Math.Max(max, Math.Abs(value));
            }

            return max;
        }

        internal static void Transpose(ReadOnlySpan<float> source, int rows, int columns, Span<float> destination)
        {
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < columns; j++)
                {
                    destination[(j * rows) + i] = source[(i * columns) + j];
                }
            }
        }
    }
}
