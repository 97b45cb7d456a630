using System;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core.Tests
{
    /// <summary>
    /// Plain scalar loops, the reference every vectorized kernel in <see cref="Kernels"/> is checked against.
    /// They live with the tests: the product runs one set of kernels (TensorPrimitives) on every target.
    /// </summary>
    internal static class ScalarKernels
    {
        /// <summary>Reference for <c>Add(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})</c>.</summary>
        internal static void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = x[i] + y[i];
            }
        }

        /// <summary>Reference for <c>AddWidened(ReadOnlySpan{float}, ReadOnlySpan{double}, Span{double})</c>.</summary>
        internal static void AddWidened(ReadOnlySpan<float> x, ReadOnlySpan<double> y, Span<double> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = x[i] + y[i];
            }
        }

        /// <summary>Reference for <c>ExpShifted(ReadOnlySpan{float}, float, Span{float})</c>.</summary>
        internal static void ExpShifted(ReadOnlySpan<float> x, float shift, Span<float> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (float)Math.Exp(x[i] - shift);
            }
        }

        /// <summary>Reference for <c>Log(ReadOnlySpan{float}, Span{float})</c>.</summary>
        internal static void Log(ReadOnlySpan<float> x, Span<float> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (float)Math.Log(x[i]);
            }
        }

        /// <summary>Reference for <c>Max(ReadOnlySpan{float})</c>.</summary>
        internal static float Max(ReadOnlySpan<float> x)
        {
            float max = x[0];
            for (int i = 1; i < x.Length; i++)
            {
                // NaN wins, as in TensorPrimitives.Max, so a bad weight cannot hide.
                max = float.IsNaN(x[i]) || x[i] > max ? x[i] : max;
            }

            return max;
        }

        /// <summary>Reference for <c>Multiply(ReadOnlySpan{float}, float, Span{float})</c>.</summary>
        internal static void Multiply(ReadOnlySpan<float> x, float scale, Span<float> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = x[i] * scale;
            }
        }

        /// <summary>Reference for <c>MultiplyAdd(ReadOnlySpan{float}, float, ReadOnlySpan{float}, Span{float})</c>.</summary>
        internal static void MultiplyAdd(ReadOnlySpan<float> x, float scale, ReadOnlySpan<float> addend, Span<float> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (x[i] * scale) + addend[i];
            }
        }

        /// <summary>Reference for <c>MultiplyAdd(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})</c>.</summary>
        internal static void MultiplyAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> addend, Span<float> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (x[i] * y[i]) + addend[i];
            }
        }

        /// <summary>Reference for <c>RowSums(ReadOnlySpan{float}, int, Span{float})</c>.</summary>
        internal static void RowSums(ReadOnlySpan<float> matrix, int columns, Span<float> destination)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                float sum = 0f;
                ReadOnlySpan<float> row = matrix.Slice(i * columns, columns);
                for (int j = 0; j < row.Length; j++)
                {
                    sum += row[j];
                }

                destination[i] = sum;
            }
        }

        /// <summary>Reference for <c>SoftmaxLogSumExp(ReadOnlySpan{float}, Span{float})</c>.</summary>
        internal static float SoftmaxLogSumExp(ReadOnlySpan<float> x, Span<float> destination)
        {
            float max = x[0];
            for (int i = 1; i < x.Length; i++)
            {
                // NaN must win, as it does in TensorPrimitives.Max, so a bad weight shows up as a NaN loss.
                max = float.IsNaN(x[i]) || x[i] > max ? x[i] : max;
            }

            float sum = 0f;
            for (int i = 0; i < x.Length; i++)
            {
                float e = (float)Math.Exp(x[i] - max);
                destination[i] = e;
                sum += e;
            }

            float inverse = 1f / sum;
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] *= inverse;
            }

            return max + (float)Math.Log(sum);
        }

        /// <summary>Reference for <c>SumOfSquares(ReadOnlySpan{float})</c>.</summary>
        internal static float SumOfSquares(ReadOnlySpan<float> x)
        {
            float sum = 0f;
            for (int i = 0; i < x.Length; i++)
            {
                sum += x[i] * x[i];
            }

            return sum;
        }
    }
}
