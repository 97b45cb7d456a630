using System;
using System.Collections.Generic;
using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>
    /// How far one model's probabilities are from a reference model's, per row and overall: the maximum absolute
    /// difference and the KL divergence KL(reference ‖ difference). Use it to watch a neural model meet the count model.
    /// </summary>
    public sealed class ModelComparison
    {
        private readonly RowComparison[] _rows;

        private ModelComparison(RowComparison[] rows, double maxAbsoluteDifference, double klDivergence)
        {
            _rows = rows;
            MaxAbsoluteDifference = maxAbsoluteDifference;
            KLDivergence = klDivergence;
        }

        /// <summary>The largest absolute difference of any probability (the maximum over the rows).</summary>
        public double MaxAbsoluteDifference { get; }

        /// <summary>
        /// The rows' KL divergences averaged with the reference model's row bigram counts as weights, which is the
        /// expected per-bigram KL on the reference's training data; the plain mean of the rows when the reference
        /// counts nothing. +∞ when a row that carries weight is infinite.
        /// </summary>
        public double KLDivergence { get; }

        /// <summary>One comparison per row, in vocabulary order.</summary>
        public IReadOnlyList<RowComparison> Rows => _rows;

        /// <summary>Compares <paramref name="difference"/> with <paramref name="reference"/>.</summary>
        /// <exception cref="ArgumentException">The models have different vocabularies.</exception>
        public static ModelComparison Compare(BigramModel reference, BigramModel difference)
        {
            if (reference is null)
            {
                throw new ArgumentNullException(nameof(reference));
            }

            if (difference is null)
            {
                throw new ArgumentNullException(nameof(difference));
            }

            if (!reference.Vocabulary.Equals(difference.Vocabulary))
            {
                throw new ArgumentException("The models have different vocabularies, so their rows cannot be compared. Compare models built from the same names.", nameof(difference));
            }

            int v = reference.VocabularySize;
            var rows = new RowComparison[v];
            double maxAbsolute = 0.0;
            double weightedKl = 0.0;
            double plainKl = 0.0;
            double totalWeight = 0.0;
            for (int i = 0; i < v; i++)
            {
                ReadOnlySpan<double> p = reference.GetProbabilityRow(i);
                ReadOnlySpan<double> q = difference.GetProbabilityRow(i);
                double rowMax = 0.0;
                double kl = 0.0;
                for (int j = 0; j < v; j++)
                {
                    rowMax = Math.Max(rowMax, Math.Abs(p[j] - q[j]));
                    if (p[j] > 0.0)
                    {
                        // 0·ln 0 = 0 by convention; p > 0 with q = 0 is an honest +∞.
                        kl += q[j] > 0.0 ? p[j] * Math.Log(p[j] / q[j]) : double.PositiveInfinity;
                    }
                }

                // Rounding can leave a tiny negative sum for identical rows; KL is never below 0.
                kl = Math.Max(0.0, kl);
                long weight = reference.Counts.GetRowTotal(i);
                rows[i] = new RowComparison(reference.Vocabulary.GetSymbol(i), rowMax, kl, weight);
                maxAbsolute = Math.Max(maxAbsolute, rowMax);
                plainKl += kl;
                if (weight > 0)
                {
                    // Rows with no weight are left out rather than multiplied, so 0·∞ never makes NaN.
                    weightedKl += weight * kl;
                    totalWeight += weight;
                }
            }

            double overall = totalWeight > 0.0 ? weightedKl / totalWeight : plainKl / v;
            return new ModelComparison(rows, maxAbsolute, overall);
        }

        /// <inheritdoc/>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "max |Δp| {0:G6}, KL {1:G6}", MaxAbsoluteDifference, KLDivergence);
    }
}
