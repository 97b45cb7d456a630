using System;

namespace MakemorePS.Core
{
    /// <summary>
    /// The summary over many names, as the lecture computes it: total NLL / total scored positions (bigrams, for a
    /// bigram model), not a mean of per-name means.
    /// </summary>
    /// <remarks>
    /// With no names (so no positions) the NLL is 0, the mean NLL 0 and the perplexity 1 (the empty sum and product),
    /// so the summary never holds NaN. One zero-probability position anywhere makes the totals infinite.
    /// </remarks>
    public sealed class DatasetScore
    {
        /// <summary>Creates the summary from its totals.</summary>
        /// <param name="nameCount">The number of names scored.</param>
        /// <param name="positionCount">The total number of scored positions.</param>
        /// <param name="logLikelihood">The total log-likelihood: 0 or less, −∞ allowed.</param>
        /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the log-likelihood is NaN or +∞.</exception>
        public DatasetScore(long nameCount, long positionCount, double logLikelihood)
        {
            if (nameCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(nameCount), nameCount, "The number of names cannot be negative.");
            }

            if (positionCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(positionCount), positionCount, "The number of positions cannot be negative.");
            }

            if (double.IsNaN(logLikelihood) || double.IsPositiveInfinity(logLikelihood))
            {
                throw new ArgumentOutOfRangeException(nameof(logLikelihood), logLikelihood, "A log-likelihood must be a number, and not +∞.");
            }

            NameCount = nameCount;
            PositionCount = positionCount;
            LogLikelihood = logLikelihood;
            NegativeLogLikelihood = 0.0 - logLikelihood;
            MeanNegativeLogLikelihood = positionCount == 0 ? 0.0 : NegativeLogLikelihood / positionCount;
            Perplexity = Math.Exp(MeanNegativeLogLikelihood);
        }

        /// <summary>The number of names scored.</summary>
        public long NameCount { get; }

        /// <summary>The total number of scored positions: each name's symbols + 1 (for a bigram model, its bigrams).</summary>
        /// <remarks>Named BigramCount before models with longer contexts; the module keeps that name as a hidden alias.</remarks>
        public long PositionCount { get; }

        /// <summary>Σ over all names of their log-likelihoods.</summary>
        public double LogLikelihood { get; }

        /// <summary>−<see cref="LogLikelihood"/>.</summary>
        public double NegativeLogLikelihood { get; }

        /// <summary><see cref="NegativeLogLikelihood"/> / <see cref="PositionCount"/>: the lecture's loss over the dataset.</summary>
        public double MeanNegativeLogLikelihood { get; }

        /// <summary>exp(<see cref="MeanNegativeLogLikelihood"/>).</summary>
        public double Perplexity { get; }

        /// <summary>The mean NLL and counts, for display.</summary>
        public override string ToString() => FormattableString.Invariant($"{NameCount} names, {PositionCount} positions, mean NLL {MeanNegativeLogLikelihood:G6}");
    }
}
