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
            int width = Vector<float>.Count;
            int vectorEnd = columns - (columns % width);
            fixed (float* pc = centered)
            fixed (float* pi = inverseStd)
            fixed (float* pg = gain)
            fixed (float* pb = bias)
            fixed (float* pn = normalized)
            fixed (float* pd = destination)
            {
                for (long start = 0; start < centered.Length; start += columns)
                {
                    int j = 0;
                    for (; j < vectorEnd; j += width)
                    {
                        Vector<float> xhat = Load(pc + start + j) * Load(pi + j);
                        Store(pn + start + j, xhat);
                        Store(pd + start + j, (xhat * Load(pg + j)) + Load(pb + j));
                    }

                    for (; j < columns; j++)
                    {
                        float xhat = pc[start + j] * pi[j];
                        pn[start + j] = xhat;
                        pd[start + j] = (xhat * pg[j]) + pb[j];
                    }
                }
            }
        }
    }
}
