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

        /// <summary>destination (m×n) = a · bᵀ, a m×k, b n×k.</summary>
        internal static void MatrixMultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int k, int n, Span<float> destination)
        {
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    float sum = 0f;
                    for (int q = 0; q < k; q++)
                    {
                        sum += a[(i * k) + q] * b[(j * k) + q];
                    }

                    destination[(i * n) + j] = sum;
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

        internal static void Subtract(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = x[i] - y[i];
            }
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
