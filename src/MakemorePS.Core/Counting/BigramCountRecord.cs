using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>One observed bigram and how often it occurred: <see cref="Second"/> followed <see cref="First"/> <see cref="Count"/> times.</summary>
    public sealed class BigramCountRecord
    {
        /// <summary>Creates a record.</summary>
        public BigramCountRecord(string first, string second, long count)
        {
            First = first;
            Second = second;
            Count = count;
        }

        /// <summary>The current symbol ('.' for the start of a name).</summary>
        public string First { get; }

        /// <summary>The next symbol ('.' for the end of a name).</summary>
        public string Second { get; }

        /// <summary>How many times the pair occurred.</summary>
        public long Count { get; }

        /// <summary>"ab: 12".</summary>
        public override string ToString() => First + Second + ": " + Count.ToString(CultureInfo.InvariantCulture);
    }
}
