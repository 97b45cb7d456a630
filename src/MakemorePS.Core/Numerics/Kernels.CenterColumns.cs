using System;
using System.Numerics;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>
        /// centered[i, j] = matrix[i, j] − mean[j] and sumsOfSquares[j] = Σ_i centered[i, j]², for a row-major matrix of
        /// mean.Length columns, in one pass: BatchNorm's deviations from the batch mean and the numerator of its variance.
        /// </summary>
        /// <remarks>
        /// centered may be the same memory as matrix (in place). Each sum adds the rows in order from 0 (squares rounded
        /// before they are added), as a row-by-row loop would.
        /// </remarks>
        /// <exception cref="ArgumentException">The matrix is not a whole number of rows, or the lengths differ.</exception>
        public static unsafe void CenterColumns(ReadOnlySpan<float> matrix, ReadOnlySpan<float> mean, Span<float> centered, Span<float> sumsOfSquares)
        {
            int columns = mean.Length;
            CheckWholeRows(matrix.Length, columns);
            CheckLengths(matrix.Length, centered.Length, nameof(centered));
            CheckLengths(columns, sumsOfSquares.Length, nameof(sumsOfSquares));
            int rows = columns == 0 ? 0 : matrix.Length / columns;
            int width = Vector<float>.Count;
            fixed (float* px = matrix)
            fixed (float* pm = mean)
            fixed (float* pc = centered)
            fixed (float* ps = sumsOfSquares)
            {
                int j = 0;
                for (; j + (2 * width) <= columns; j += 2 * width)
                {
                    Vector<float> m0 = Load(pm + j), m1 = Load(pm + j + width);
                    Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero;
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        Vector<float> d0 = Load(px + at) - m0, d1 = Load(px + at + width) - m1;
                        Store(pc + at, d0);
                        Store(pc + at + width, d1);
                        s0 += d0 * d0;
                        s1 += d1 * d1;
                    }

                    Store(ps + j, s0);
                    Store(ps + j + width, s1);
                }

                for (; j + width <= columns; j += width)
                {
                    Vector<float> m = Load(pm + j), s = Vector<float>.Zero;
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        Vector<float> d = Load(px + at) - m;
                        Store(pc + at, d);
                        s += d * d;
                    }

                    Store(ps + j, s);
                }

                for (; j < columns; j++)
                {
                    float m = pm[j], s = 0f;
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        float d = px[at] - m;
                        pc[at] = d;
                        s += d * d;
                    }

                    ps[j] = s;
                }
            }
        }
    }
}
