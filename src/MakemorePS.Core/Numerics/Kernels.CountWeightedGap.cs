using System;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>
        /// Σ_j counts[j]·(shift − x[j]), accumulated in double: a row's negative log-likelihood minus T·ln(row sum)
        /// when shift is the row's softmax shift. Each gap is formed in double before it is weighted, so an offset
        /// shared by the row and its shift cancels exactly instead of in a difference of two large sums.
        /// </summary>
        public static double CountWeightedGap(ReadOnlySpan<float> counts, float shift, ReadOnlySpan<float> x)
        {
            CheckLengths(counts.Length, x.Length, nameof(x));
            double sum = 0.0;
            for (int j = 0; j < counts.Length; j++)
            {
                float count = counts[j];
                if (count != 0f)
                {
                    sum += count * ((double)shift - x[j]);
                }
            }

            return sum;
        }
    }
}
