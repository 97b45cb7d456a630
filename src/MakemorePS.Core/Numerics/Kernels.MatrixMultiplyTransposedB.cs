using System;
using System.Numerics;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination (m×n) = a · bᵀ, where a is m×k and b is n×k, all row-major: the input gradient of a linear layer.</summary>
        /// <remarks>Each element is a dot product of two rows, vectorized with <see cref="Vector{T}"/>, four rows of b at a time. For small k, transposing b once and calling MatrixMultiply is faster.</remarks>
        /// <exception cref="ArgumentException">A span does not hold its matrix, or destination overlaps an input.</exception>
        public static unsafe void MatrixMultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int k, int n, Span<float> destination)
        {
            CheckProduct(a, m, k, b, n, k, destination, m, n);
            int width = Vector<float>.Count;

            // The last k mod w elements are read as one vector at k − w whose lanes already summed are masked to 0.
            int vectorEnd = k - (k % width);
            bool maskedTail = k > width && vectorEnd != k;
            float* maskLanes = stackalloc float[width];
            for (int lane = 0; lane < width; lane++)
            {
                maskLanes[lane] = lane >= vectorEnd + width - k ? 1f : 0f;
            }

            Vector<float> mask = Load(maskLanes);
            int tailStart = maskedTail ? k : vectorEnd;
            fixed (float* pa = a)
            fixed (float* pb = b)
            fixed (float* pd = destination)
            {
                for (int i = 0; i < m; i++)
                {
                    float* row = pa + ((long)i * k);
                    float* output = pd + ((long)i * n);
                    Vector<float> tail = maskedTail ? Load(row + k - width) * mask : Vector<float>.Zero;
                    int j = 0;
                    for (; j + 4 <= n; j += 4)
                    {
                        float* b0 = pb + ((long)j * k);
                        float* b1 = b0 + k;
                        float* b2 = b1 + k;
                        float* b3 = b2 + k;
                        Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero, s2 = Vector<float>.Zero, s3 = Vector<float>.Zero;
                        for (int q = 0; q < vectorEnd; q += width)
                        {
                            Vector<float> x = Load(row + q);
                            s0 = MultiplyAddVector(x, Load(b0 + q), s0);
                            s1 = MultiplyAddVector(x, Load(b1 + q), s1);
                            s2 = MultiplyAddVector(x, Load(b2 + q), s2);
                            s3 = MultiplyAddVector(x, Load(b3 + q), s3);
                        }

                        if (maskedTail)
                        {
                            int q = k - width;
                            s0 = MultiplyAddVector(tail, Load(b0 + q), s0);
                            s1 = MultiplyAddVector(tail, Load(b1 + q), s1);
                            s2 = MultiplyAddVector(tail, Load(b2 + q), s2);
                            s3 = MultiplyAddVector(tail, Load(b3 + q), s3);
                        }

                        float t0 = Vector.Dot(s0, Vector<float>.One), t1 = Vector.Dot(s1, Vector<float>.One);
                        float t2 = Vector.Dot(s2, Vector<float>.One), t3 = Vector.Dot(s3, Vector<float>.One);
                        for (int q = tailStart; q < k; q++)
                        {
                            float x = row[q];
                            t0 += x * b0[q];
                            t1 += x * b1[q];
                            t2 += x * b2[q];
                            t3 += x * b3[q];
                        }

                        output[j] = t0;
                        output[j + 1] = t1;
                        output[j + 2] = t2;
                        output[j + 3] = t3;
                    }

                    for (; j < n; j++)
                    {
                        float* bj = pb + ((long)j * k);
                        Vector<float> s = Vector<float>.Zero;
                        for (int q = 0; q < vectorEnd; q += width)
                        {
                            s = MultiplyAddVector(Load(row + q), Load(bj + q), s);
                        }

                        if (maskedTail)
                        {
                            s = MultiplyAddVector(tail, Load(bj + k - width), s);
                        }

                        float t = Vector.Dot(s, Vector<float>.One);
                        for (int q = tailStart; q < k; q++)
                        {
                            t += row[q] * bj[q];
                        }

                        output[j] = t;
                    }
                }
            }
        }
    }
}
