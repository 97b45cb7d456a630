using System;
using System.Numerics;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>
        /// normalized[i, j] = centered[i, j]·inverseStd[j] and destination[i, j] = normalized[i, j]·gain[j] + bias[j], for a
        /// row-major matrix of inverseStd.Length columns: BatchNorm's x̂ and its output.
        /// </summary>
        /// <remarks>normalized may be the same memory as centered (in place). Products are rounded before the bias is added.</remarks>
        /// <exception cref="ArgumentException">The matrix is not a whole number of rows, or the lengths differ.</exception>
        public static unsafe void NormalizeColumns(ReadOnlySpan<float> centered, ReadOnlySpan<float> inverseStd, ReadOnlySpan<float> gain, ReadOnlySpan<float> bias,
            Span<float> normalized, Span<float> destination)
        {
            int columns = inverseStd.Length;
            CheckWholeRows(centered.Length, columns);
            CheckLengths(columns, gain.Length, nameof(gain));
            CheckLengths(columns, bias.Length, nameof(bias));
            CheckLengths(centered.Length, normalized.Length, nameof(normalized));
            CheckLengths(centered.Length, destination.Length, nameof(destination));
            int rows = columns == 0 ? 0 : centered.Length / columns;
            int width = Vector<float>.Count;
            fixed (float* pc = centered)
            fixed (float* pi = inverseStd)
            fixed (float* pg = gain)
            fixed (float* pb = bias)
            fixed (float* pn = normalized)
            fixed (float* pd = destination)
            {
                // Two column vectors at a time, their coefficients held in registers down all the rows.
                int j = 0;
                for (; j + (2 * width) <= columns; j += 2 * width)
                {
                    Vector<float> i0 = Load(pi + j), i1 = Load(pi + j + width), g0 = Load(pg + j), g1 = Load(pg + j + width);
                    Vector<float> b0 = Load(pb + j), b1 = Load(pb + j + width);
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        Vector<float> x0 = Load(pc + at) * i0, x1 = Load(pc + at + width) * i1;
                        Store(pn + at, x0);
                        Store(pn + at + width, x1);
                        Store(pd + at, (x0 * g0) + b0);
                        Store(pd + at + width, (x1 * g1) + b1);
                    }
                }

                for (; j + width <= columns; j += width)
                {
                    Vector<float> i0 = Load(pi + j), g0 = Load(pg + j), b0 = Load(pb + j);
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        Vector<float> x0 = Load(pc + at) * i0;
                        Store(pn + at, x0);
                        Store(pd + at, (x0 * g0) + b0);
                    }
                }

                for (; j < columns; j++)
                {
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        float xhat = pc[at] * pi[j];
                        pn[at] = xhat;
                        pd[at] = (xhat * pg[j]) + pb[j];
                    }
                }
            }
        }
    }
}
