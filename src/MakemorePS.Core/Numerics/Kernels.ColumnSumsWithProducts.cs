using System;
using System.Numerics;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>
        /// sums[j] = Σ_i y[i, j] and productSums[j] = Σ_i x[i, j]·y[i, j], for row-major x and y of sums.Length columns, in
        /// one pass: BatchNorm's bias and gain gradients (y the upstream gradient, x the normalized input).
        /// </summary>
        /// <remarks>Each sum adds the rows in order from 0 (products rounded before they are added), as row-by-row loops would.</remarks>
        /// <exception cref="ArgumentException">x is not a whole number of rows, or the lengths differ.</exception>
        public static unsafe void ColumnSumsWithProducts(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> sums, Span<float> productSums)
        {
            int columns = sums.Length;
            CheckWholeRows(x.Length, columns);
            CheckLengths(x.Length, y.Length, nameof(y));
            CheckLengths(columns, productSums.Length, nameof(productSums));
            int rows = columns == 0 ? 0 : x.Length / columns;
            int width = Vector<float>.Count;
            fixed (float* px = x)
            fixed (float* py = y)
            fixed (float* ps = sums)
            fixed (float* pp = productSums)
            {
                int j = 0;
                for (; j + (2 * width) <= columns; j += 2 * width)
                {
                    Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero, p0 = Vector<float>.Zero, p1 = Vector<float>.Zero;
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        Vector<float> y0 = Load(py + at), y1 = Load(py + at + width);
                        s0 += y0;
                        s1 += y1;
                        p0 += Load(px + at) * y0;
                        p1 += Load(px + at + width) * y1;
                    }

                    Store(ps + j, s0);
                    Store(ps + j + width, s1);
                    Store(pp + j, p0);
                    Store(pp + j + width, p1);
                }

                for (; j + width <= columns; j += width)
                {
                    Vector<float> s = Vector<float>.Zero, p = Vector<float>.Zero;
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        Vector<float> yv = Load(py + at);
                        s += yv;
                        p += Load(px + at) * yv;
                    }

                    Store(ps + j, s);
                    Store(pp + j, p);
                }

                for (; j < columns; j++)
                {
                    float s = 0f, p = 0f;
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        s += py[at];
                        p += px[at] * py[at];
                    }

                    ps[j] = s;
                    pp[j] = p;
                }
            }
        }
    }
}
