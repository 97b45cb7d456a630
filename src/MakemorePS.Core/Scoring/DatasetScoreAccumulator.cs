using System;

namespace MakemorePS.Core
{
    /// <summary>
    /// Adds up name scores one at a time (for streamed input) into a <see cref="DatasetScore"/>. Not thread-safe:
    /// use one per thread and <see cref="Add(DatasetScoreAccumulator)"/> them together.
    /// </summary>
    public sealed class DatasetScoreAccumulator
    {
        // Neumaier-compensated sum, so the total of many small terms does not drift with the number of names.
        private double _sum;
        private double _compensation;
        private bool _hasZeroProbability;

        /// <summary>The number of names added.</summary>
        public long NameCount { get; private set; }

        /// <summary>The number of scored positions added.</summary>
        public long PositionCount { get; private set; }

        /// <summary>The total log-likelihood so far (−∞ once a zero-probability bigram was added).</summary>
        public double LogLikelihood => _hasZeroProbability ? double.NegativeInfinity : _sum + _compensation;

        /// <summary>Adds one name's score.</summary>
        public void Add(NameScore score)
        {
            if (score is null)
            {
                throw new ArgumentNullException(nameof(score));
            }

            Add(score.LogLikelihood, score.PositionCount);
        }

        /// <summary>Adds one name given by its log-likelihood and number of scored positions.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The log-likelihood is NaN or +∞, or the count is below 1.</exception>
        public void Add(double logLikelihood, int positionCount)
        {
            if (double.IsNaN(logLikelihood) || double.IsPositiveInfinity(logLikelihood))
            {
                throw new ArgumentOutOfRangeException(nameof(logLikelihood), logLikelihood, "A log-likelihood must be a number, and not +∞.");
            }

            if (positionCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(positionCount), positionCount, "A name has at least one scored position.");
            }

            NameCount++;
            PositionCount += positionCount;
            AddToSum(logLikelihood);
        }

        /// <summary>Adds everything another accumulator holds.</summary>
        public void Add(DatasetScoreAccumulator other)
        {
            if (other is null)
            {
                throw new ArgumentNullException(nameof(other));
            }

            NameCount += other.NameCount;
            PositionCount += other.PositionCount;
            _hasZeroProbability |= other._hasZeroProbability;
            AddToSum(other._sum);
            AddToSum(other._compensation);
        }

        /// <summary>The summary of what was added so far.</summary>
        public DatasetScore ToScore() => new DatasetScore(NameCount, PositionCount, LogLikelihood);

        private void AddToSum(double value)
        {
            if (double.IsNegativeInfinity(value))
            {
                // Kept apart: compensation arithmetic on an infinity would give NaN.
                _hasZeroProbability = true;
                return;
            }

            double total = _sum + value;
            _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - total) + value : (value - total) + _sum;
            _sum = total;
        }
    }
}
