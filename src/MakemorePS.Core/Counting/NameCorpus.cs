using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>
    /// What reading a set of names produced: the bigram counts, the distinct names in first-seen order, and what
    /// was skipped. Everything a count model or a trainer needs.
    /// </summary>
    public sealed class NameCorpus
    {
        internal NameCorpus(BigramCounts counts, IReadOnlyList<string> names, IReadOnlyList<NameRejection> rejections, long rejectedCount)
        {
            Counts = counts;
            Names = names;
            Rejections = rejections;
            RejectedCount = rejectedCount;
        }

        /// <summary>Reads names from a UTF-8 (or BOM-marked UTF-16/32) text file, one per line, keeping the distinct names.</summary>
        /// <param name="path">The file.</param>
        /// <param name="options">How to read; <see cref="CountingOptions.CollectNames"/> is switched on.</param>
        public static NameCorpus FromFile(string path, CountingOptions? options = null)
        {
            var counter = new BigramCounter(WithNames(options));
            counter.AddFile(path);
            return counter.ToCorpus();
        }

        /// <summary>Reads raw names (trimmed, blanks counted, invalid ones rejected and reported), keeping the distinct names.</summary>
        /// <param name="rawNames">The names.</param>
        /// <param name="options">How to read; <see cref="CountingOptions.CollectNames"/> is switched on.</param>
        public static NameCorpus FromNames(IEnumerable<string?> rawNames, CountingOptions? options = null)
        {
            var counter = new BigramCounter(WithNames(options));
            counter.AddNames(rawNames);
            return counter.ToCorpus();
        }

        /// <summary>The bigram counts; they also carry the name and blank-line counts.</summary>
        public BigramCounts Counts { get; }

        /// <summary>The distinct names in first-seen order; empty when names were not collected.</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>The symbols, boundary '.' first.</summary>
        public Vocabulary Vocabulary => Counts.Vocabulary;

        /// <summary>The number of names counted, duplicates included.</summary>
        public long NameCount => Counts.NameCount;

        /// <summary>The number of blank lines skipped.</summary>
        public long BlankLineCount => Counts.BlankLineCount;

        /// <summary>The number of lines or names rejected.</summary>
        public long RejectedCount { get; }

        /// <summary>The first rejections (up to <see cref="CountingOptions.MaxRejectionsKept"/>).</summary>
        public IReadOnlyList<NameRejection> Rejections { get; }

        /// <summary>A count model of these names: P = (N + k) / rowsum(N + k), knowing its training names.</summary>
        /// <param name="smoothing">k ≥ 0 (default 1).</param>
        public BigramModel ToModel(double smoothing = 1.0) => BigramModel.FromCounts(Counts, smoothing, Names);

        private static CountingOptions WithNames(CountingOptions? options)
        {
            CountingOptions copy = options?.Clone() ?? new CountingOptions();
            copy.CollectNames = true;
            return copy;
        }
    }
}
