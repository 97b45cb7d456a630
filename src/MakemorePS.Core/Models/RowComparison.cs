using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>How one row (the distribution after one symbol) of two models differs.</summary>
    public sealed class RowComparison
    {
        /// <summary>Creates a row comparison.</summary>
        public RowComparison(string symbol, double maxAbsoluteDifference, double klDivergence, long referenceCount)
        {
            Symbol = symbol;
            MaxAbsoluteDifference = maxAbsoluteDifference;
            KLDivergence = klDivergence;
            ReferenceCount = referenceCount;
        }

        /// <summary>The current symbol of the row.</summary>
        public string Symbol { get; }

        /// <summary>max_j |p_ref(j) − p_diff(j)|.</summary>
        public double MaxAbsoluteDifference { get; }

        /// <summary>KL(reference ‖ difference) = Σ_j p_ref(j)·ln(p_ref(j) / p_diff(j)) in nats; +∞ when the difference model gives 0 where the reference does not.</summary>
        public double KLDivergence { get; }

        /// <summary>The reference model's bigram count of the row: its weight in the overall KL divergence.</summary>
        public long ReferenceCount { get; }

        /// <inheritdoc/>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: max |Δp| {1:G6}, KL {2:G6}", Symbol, MaxAbsoluteDifference, KLDivergence);
    }
}
