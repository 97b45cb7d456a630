using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>One entry of a model's probability table: P(<see cref="Second"/> | <see cref="First"/>).</summary>
    public sealed class BigramProbabilityRecord
    {
        /// <summary>Creates a record.</summary>
        public BigramProbabilityRecord(string first, string second, double probability)
        {
            First = first;
            Second = second;
            Probability = probability;
        }

        /// <summary>The current symbol ('.' for the start of a name).</summary>
        public string First { get; }

        /// <summary>The next symbol ('.' for the end of a name).</summary>
        public string Second { get; }

        /// <summary>The probability that <see cref="Second"/> follows <see cref="First"/>.</summary>
        public double Probability { get; }

        /// <summary>"ab: 0.0123".</summary>
        public override string ToString() => First + Second + ": " + Probability.ToString("G6", CultureInfo.InvariantCulture);
    }
}
