using System;
using System.Numerics;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>
        /// destination[i, j] = (upstream[i, j]·scale[j] + offset[j]) + normalized[i, j]·slope[j], for row-major matrices of
        /// scale.Length columns: BatchNorm's input gradient from its per-column coefficients.
        /// </summary>
        /// <remarks>Every product is rounded before it is added, in the order written. destination may be the same memory as upstream.</remarks>
        /// <exception cref="ArgumentException">The matrix is not a whole number of rows, or the lengths differ.</exception>
        public static unsafe void BatchNormInputGradient(ReadOnlySpan<float> upstream, ReadOnlySpan<float> normalized, ReadOnlySpan<float> scale,
            ReadOnlySpan<float> offset, ReadOnlySpan<float> slope, Span<float> destination)
        {
            int columns = scale.Length;
            CheckWholeRows(upstream.Length, columns);
            CheckLengths(upstream.Length, normalized.Length, nameof(normalized));
            CheckLengths(columns, offset.Length, nameof(offset));
            CheckLengths(columns, slope.Length, nameof(slope));
            CheckLengths(upstream.Length, destination.Length, nameof(destination));
            int rows = columns == 0 ? 0 : upstream.Length / columns;
            int width = Vector<float>.Count;
            fixed (float* pu = upstream)
            fixed (float* pn = normalized)
            fixed (float* psc = scale)
            fixed (float* po = offset)
            fixed (float* psl = slope)
            fixed (float* pd = destination)
            {
                // Two column vectors at a time, their coefficients held in registers down all the rows.
                int j = 0;
                for (; j + (2 * width) <= columns; j += 2 * width)
                {
                    Vector<float> c0 = Load(psc + j), c1 = Load(psc + j + width), o0 = Load(po + j), o1 = Load(po + j + width);
                    Vector<float> s0 = Load(psl + j), s1 = Load(psl + j + width);
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        Vector<float> a0 = (Load(pu + at) * c0) + o0, a1 = (Load(pu + at + width) * c1) + o1;
                        Store(pd + at, (Load(pn + at) * s0) + a0);
                        Store(pd + at + width, (Load(pn + at + width) * s1) + a1);
                    }
                }

                for (; j + width <= columns; j += width)
                {
                    Vector<float> c0 = Load(psc + j), o0 = Load(po + j), s0 = Load(psl + j);
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        Vector<float> a0 = (Load(pu + at) * c0) + o0;
                        Store(pd + at, (Load(pn + at) * s0) + a0);
                    }
                }

                for (; j < columns; j++)
                {
                    for (long at = j, end = j + ((long)rows * columns); at < end; at += columns)
                    {
                        float affine = (pu[at] * psc[j]) + po[j];
                        pd[at] = (pn[at] * psl[j]) + affine;
                    }
                }
            }
        }
    }
}
