using System;

namespace MakemorePS.Core
{
    /// <summary>
    /// The summary over many names, as the lecture computes it: total NLL / total bigrams, not a mean of per-name means.
    /// </summary>
    /// <remarks>
    /// With no names (so no bigrams) the NLL is 0, the mean NLL 0 and the perplexity 1 (the empty sum and product),
    /// so the summary never holds NaN. One zero-probability bigram anywhere makes the totals infinite.
    /// </remarks>
    public sealed class DatasetScore
    {
        /// <summary>Creates the summary from its totals.</summary>
        /// <param name="nameCount">The number of names scored.</param>
        /// <param name="bigramCount">The total number of bigrams.</param>
        /// <param name="logLikelihood">The total log-likelihood: 0 or less, −∞ allowed.</param>
        /// <exception cref="ArgumentOutOfRangeException">A count is negative, or the log-likelihood is NaN or +∞.</exception>
        public DatasetScore(long nameCount, long bigramCount, double logLikelihood)
        {
            if (nameCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(nameCount), nameCount, "The number of names cannot be negative.");
            }

            if (bigramCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bigramCount), bigramCount, "The number of bigrams cannot be negative.");
            }

            if (double.IsNaN(logLikelihood) || double.IsPositiveInfinity(logLikelihood))
            {
                throw new ArgumentOutOfRangeException(nameof(logLikelihood), logLikelihood, "A log-likelihood must be a number, and not +∞.");
            }

            NameCount = nameCount;
            BigramCount = bigramCount;
            LogLikelihood = logLikelihood;
            NegativeLogLikelihood = 0.0 - logLikelihood;
            MeanNegativeLogLikelihood = bigramCount == 0 ? 0.0 : NegativeLogLikelihood / bigramCount;
            Perplexity = Math.Exp(MeanNegativeLogLikelihood);
        }

        /// <summary>The number of names scored.</summary>
        public long NameCount { get; }

        /// <summary>The total number of bigrams.</summary>
        public long BigramCount { get; }

        /// <summary>Σ over all names of their log-likelihoods.</summary>
        public double LogLikelihood { get; }

        /// <summary>−<see cref="LogLikelihood"/>.</summary>
        public double NegativeLogLikelihood { get; }

        /// <summary><see cref="NegativeLogLikelihood"/> / <see cref="BigramCount"/>: the lecture's loss over the dataset.</summary>
        public double MeanNegativeLogLikelihood { get; }

        /// <summary>exp(<see cref="MeanNegativeLogLikelihood"/>).</summary>
        public double Perplexity { get; }

        /// <summary>The mean NLL and counts, for display.</summary>
        public override string ToString() => FormattableString.Invariant($"{NameCount} names, {BigramCount} bigrams, mean NLL {MeanNegativeLogLikelihood:G6}");
    }
}
