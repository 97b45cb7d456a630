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
            int width = Vector<float>.Count;
            int vectorEnd = columns - (columns % width);
            fixed (float* pu = upstream)
            fixed (float* pn = normalized)
            fixed (float* psc = scale)
            fixed (float* po = offset)
            fixed (float* psl = slope)
            fixed (float* pd = destination)
            {
                for (long start = 0; start < upstream.Length; start += columns)
                {
                    int j = 0;
                    for (; j < vectorEnd; j += width)
                    {
                        Vector<float> affine = (Load(pu + start + j) * Load(psc + j)) + Load(po + j);
                        Store(pd + start + j, (Load(pn + start + j) * Load(psl + j)) + affine);
                    }

                    for (; j < columns; j++)
                    {
                        float affine = (pu[start + j] * psc[j]) + po[j];
                        pd[start + j] = (pn[start + j] * psl[j]) + affine;
                    }
                }
            }
        }
    }
}
