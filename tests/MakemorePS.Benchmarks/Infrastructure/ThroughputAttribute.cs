using System;

namespace MakemorePS.Benchmarks.Infrastructure
{
    /// <summary>What one benchmark operation processes, so the report can show a rate beside the time.</summary>
    public enum ThroughputUnit
    {
        /// <summary>The operation reads the whole UTF-8 corpus of its data set: MB/s (1 MB = 10^6 bytes).</summary>
        Megabytes,

        /// <summary>The operation reads its data set's names as strings: MB/s of their UTF-8 text, one line each.</summary>
        NameMegabytes,

        /// <summary>The operation produces one name (OperationsPerInvoke divides the batch): names/s.</summary>
        Names,

        /// <summary>The operation scores every bigram of its data set's names: bigrams/s.</summary>
        Bigrams,

        /// <summary>The operation scores every position (symbol and end) of its data set's names under a context model: positions/s.</summary>
        Positions,
    }

    /// <summary>Marks a benchmark whose rate the <see cref="ThroughputColumn"/> reports.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class ThroughputAttribute : Attribute
    {
        public ThroughputAttribute(ThroughputUnit unit) => Unit = unit;

        public ThroughputUnit Unit { get; }
    }
}
