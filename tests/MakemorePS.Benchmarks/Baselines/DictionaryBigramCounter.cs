using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Baselines
{
    /// <summary>
    /// The textbook way to count bigrams, as in the lecture's <c>b[(ch1, ch2)] = b.get((ch1, ch2), 0) + 1</c>:
    /// decode every line to a string, pad it with '.', and bump a Dictionary entry per pair. Deliberately plain.
    /// </summary>
    internal static class DictionaryBigramCounter
    {
        /// <summary>Counts the names in a UTF-8 buffer, one name per line (trimmed, blank lines skipped).</summary>
        public static Dictionary<(char, char), int> CountUtf8(byte[] utf8)
        {
            using var reader = new StreamReader(new MemoryStream(utf8, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var counts = new Dictionary<(char, char), int>();
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                AddName(counts, line.Trim());
            }

            return counts;
        }

        /// <summary>Counts names given as strings.</summary>
        public static Dictionary<(char, char), int> CountNames(IEnumerable<string> names)
        {
            var counts = new Dictionary<(char, char), int>();
            foreach (string name in names)
            {
                AddName(counts, name.Trim());
            }

            return counts;
        }

        private static void AddName(Dictionary<(char, char), int> counts, string name)
        {
            if (name.Length == 0)
            {
                return;
            }

            char previous = Vocabulary.BoundaryToken;
            foreach (char c in name)
            {
                counts[(previous, c)] = counts.TryGetValue((previous, c), out int n) ? n + 1 : 1;
                previous = c;
            }

            counts[(previous, Vocabulary.BoundaryToken)] = counts.TryGetValue((previous, Vocabulary.BoundaryToken), out int last) ? last + 1 : 1;
        }

        /// <summary>
        /// Lays the dictionary out as core <see cref="BigramCounts"/> (UTF-16 code units as symbols, so only for
        /// names without surrogate pairs), which lets the benchmarks check that baseline and core agree.
        /// </summary>
        public static BigramCounts ToBigramCounts(Dictionary<(char, char), int> counts, long nameCount)
        {
            var vocabulary = Vocabulary.FromScalars(counts.Keys.SelectMany(pair => new int[] { pair.Item1, pair.Item2 }));
            int v = vocabulary.Count;
            var table = new long[v * v];
            foreach (KeyValuePair<(char, char), int> entry in counts)
            {
                table[(vocabulary.IndexOf(entry.Key.Item1) * v) + vocabulary.IndexOf(entry.Key.Item2)] += entry.Value;
            }

            return new BigramCounts(vocabulary, table, nameCount);
        }
    }
}
