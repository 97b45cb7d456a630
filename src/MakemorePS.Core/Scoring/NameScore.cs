using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>
    /// How likely a model finds one name: the sum of ln P over its scored positions (each symbol and the final '.',
    /// given the symbols before it; for a bigram model, its bigrams).
    /// </summary>
    /// <remarks>
    /// A position the model gives probability 0 (possible only without smoothing) makes the log-likelihood −∞ and the
    /// NLL, mean NLL and perplexity +∞: an honest infinity, never NaN.
    /// </remarks>
    public sealed class NameScore
    {
        private static readonly BigramScore[] NoBigrams = Array.Empty<BigramScore>();

        private readonly IReadOnlyList<IPositionScore> _positions;

        /// <summary>Creates a score from a log-likelihood and the number of positions it sums over.</summary>
        /// <param name="name">The name as scored.</param>
        /// <param name="logLikelihood">Σ ln P over the positions: 0 or less, −∞ allowed.</param>
        /// <param name="positionCount">The number of scored positions (bigrams for a bigram model): the name's symbols + 1, so at least 1.</param>
        /// <param name="positions">The per-position breakdown (<see cref="BigramScore"/> or <see cref="ContextScore"/>), or null when not asked for.</param>
        /// <exception cref="ArgumentOutOfRangeException">The log-likelihood is NaN or +∞, or the count is below 1.</exception>
        public NameScore(string name, double logLikelihood, int positionCount, IReadOnlyList<IPositionScore>? positions = null)
        {
            if (double.IsNaN(logLikelihood) || double.IsPositiveInfinity(logLikelihood))
            {
                throw new ArgumentOutOfRangeException(nameof(logLikelihood), logLikelihood, "A log-likelihood must be a number, and not +∞.");
            }

            if (positionCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(positionCount), positionCount, "A name has at least one scored position (the empty name has its final '.').");
            }

            Name = name ?? throw new ArgumentNullException(nameof(name));
            LogLikelihood = logLikelihood;
            PositionCount = positionCount;
            _positions = positions ?? NoBigrams;

            // 0.0 − x rather than −x, so a certain name reports +0 rather than −0.
            NegativeLogLikelihood = 0.0 - logLikelihood;
            MeanNegativeLogLikelihood = NegativeLogLikelihood / positionCount;
            Perplexity = Math.Exp(MeanNegativeLogLikelihood);
        }

        /// <summary>The name as scored.</summary>
        public string Name { get; }

        /// <summary>Σ ln P(next | context) over the name's positions; −∞ when one of them has probability 0.</summary>
        public double LogLikelihood { get; }

        /// <summary>−<see cref="LogLikelihood"/>; +∞ when a position has probability 0.</summary>
        public double NegativeLogLikelihood { get; }

        /// <summary><see cref="NegativeLogLikelihood"/> / <see cref="PositionCount"/>, the lecture's loss for this name.</summary>
        public double MeanNegativeLogLikelihood { get; }

        /// <summary>exp(<see cref="MeanNegativeLogLikelihood"/>): as if the model chose uniformly among this many symbols at each step.</summary>
        public double Perplexity { get; }

        /// <summary>
        /// The number of scored positions: symbols + 1 ('.' at both ends). For a bigram model these are its bigrams;
        /// for a model with a longer context, each symbol and the final '.' given the symbols before it.
        /// </summary>
        /// <remarks>Named BigramCount before models with longer contexts; the module keeps that name as a hidden alias.</remarks>
        public int PositionCount { get; }

        /// <summary>The per-bigram breakdown of a bigram model's score in order when it was asked for; otherwise empty.</summary>
        /// <remarks>A method, not a property, so the record stays flat data for Export-Csv and ConvertTo-Json.</remarks>
        public IReadOnlyList<BigramScore> GetBigrams() => _positions as IReadOnlyList<BigramScore> ?? NoBigrams;

        /// <summary>
        /// The per-position breakdown in order when it was asked for, whatever the model: <see cref="BigramScore"/>
        /// records for a bigram model, <see cref="ContextScore"/> records for a model with a longer context; otherwise empty.
        /// </summary>
        public IReadOnlyList<IPositionScore> GetPositions() => _positions;

        /// <summary>The name and its mean NLL, for display.</summary>
        public override string ToString() => $"{Name}: {MeanNegativeLogLikelihood.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
