using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>
    /// An immutable V×V table of 64-bit bigram counts, row = current symbol, column = next symbol,
    /// with the number of names and blank lines that produced it.
    /// </summary>
    public sealed class BigramCounts
    {
        private readonly long[] _counts;
        private readonly long[] _rowTotals;

        /// <summary>Wraps a row-major V×V count table. The array is copied.</summary>
        /// <exception cref="ArgumentException">The table is not V×V, or a count is negative.</exception>
        public BigramCounts(Vocabulary vocabulary, long[] counts, long nameCount, long blankLineCount = 0)
            : this(vocabulary, (long[])(counts ?? throw new ArgumentNullException(nameof(counts))).Clone(), nameCount, blankLineCount, owned: true)
        {
        }

        internal BigramCounts(Vocabulary vocabulary, long[] counts, long nameCount, long blankLineCount, bool owned)
        {
            Vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
            int v = vocabulary.Count;
            if (counts.Length != v * v)
            {
                throw new ArgumentException($"A vocabulary of {v} symbols needs {v * v} counts, not {counts.Length}.", nameof(counts));
            }

            if (nameCount < 0 || blankLineCount < 0)
            {
                throw new ArgumentException("Name and blank-line counts cannot be negative.");
            }

            _counts = counts;
            _rowTotals = new long[v];
            long total = 0;
            for (int i = 0; i < v; i++)
            {
                long rowTotal = 0;
                for (int j = 0; j < v; j++)
                {
                    long c = counts[(i * v) + j];
                    if (c < 0)
                    {
                        throw new ArgumentException($"The count at ({i}, {j}) is negative.", nameof(counts));
                    }

                    rowTotal = checked(rowTotal + c);
                }

                _rowTotals[i] = rowTotal;
                total = checked(total + rowTotal);
            }

            TotalBigrams = total;
            NameCount = nameCount;
            BlankLineCount = blankLineCount;
        }

        /// <summary>The symbols that index rows and columns.</summary>
        public Vocabulary Vocabulary { get; }

        /// <summary>V, the number of rows and of columns.</summary>
        public int Size => Vocabulary.Count;

        /// <summary>The number of names counted (duplicates included).</summary>
        public long NameCount { get; }

        /// <summary>The number of blank lines skipped while counting.</summary>
        public long BlankLineCount { get; }

        /// <summary>The number of bigrams counted: the sum of all cells.</summary>
        public long TotalBigrams { get; }

        /// <summary>How often <paramref name="next"/> followed <paramref name="current"/>.</summary>
        public long this[int current, int next] => _counts[(current * Size) + next];

        /// <summary>The counts of the symbols that followed <paramref name="current"/>.</summary>
        public ReadOnlySpan<long> GetRow(int current) => _counts.AsSpan(current * Size, Size);

        /// <summary>How many bigrams start with <paramref name="current"/>.</summary>
        public long GetRowTotal(int current) => _rowTotals[current];

        /// <summary>The whole table, row-major, read-only.</summary>
        public ReadOnlySpan<long> AsSpan() => _counts;

        /// <summary>A row-major copy of the table.</summary>
        public long[] ToArray() => (long[])_counts.Clone();

        /// <summary>Every bigram that occurred at least once, row by row in vocabulary order.</summary>
        public IEnumerable<BigramCountRecord> EnumerateObserved()
        {
            int v = Size;
            for (int i = 0; i < v; i++)
            {
                for (int j = 0; j < v; j++)
                {
                    long count = _counts[(i * v) + j];
                    if (count != 0)
                    {
                        yield return new BigramCountRecord(Vocabulary.GetSymbol(i), Vocabulary.GetSymbol(j), count);
                    }
                }
            }
        }

        /// <summary>The same counts laid out over a larger vocabulary that holds every symbol of this one.</summary>
        /// <exception cref="ArgumentException">The target lacks a symbol of this vocabulary.</exception>
        public BigramCounts ExpandTo(Vocabulary target)
        {
            if (target is null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            if (target.Equals(Vocabulary))
            {
                return this;
            }

            int v = Size;
            var map = new int[v];
            for (int i = 0; i < v; i++)
            {
                map[i] = target.IndexOf(Vocabulary.GetScalar(i));
                if (map[i] < 0)
                {
                    throw new ArgumentException($"The target vocabulary lacks '{Vocabulary.GetSymbol(i)}'.", nameof(target));
                }
            }

            int w = target.Count;
            var expanded = new long[w * w];
            for (int i = 0; i < v; i++)
            {
                for (int j = 0; j < v; j++)
                {
                    expanded[(map[i] * w) + map[j]] = _counts[(i * v) + j];
                }
            }

            return new BigramCounts(target, expanded, NameCount, BlankLineCount, owned: true);
        }

        /// <summary>Adds two count tables over the union of their vocabularies.</summary>
        public static BigramCounts Merge(BigramCounts first, BigramCounts second)
        {
            if (first is null)
            {
                throw new ArgumentNullException(nameof(first));
            }

            if (second is null)
            {
                throw new ArgumentNullException(nameof(second));
            }

            Vocabulary union = first.Vocabulary.Union(second.Vocabulary);
            BigramCounts a = first.ExpandTo(union);
            BigramCounts b = second.ExpandTo(union);
            var sum = new long[a._counts.Length];
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] = checked(a._counts[i] + b._counts[i]);
            }

            return new BigramCounts(union, sum, checked(first.NameCount + second.NameCount), checked(first.BlankLineCount + second.BlankLineCount), owned: true);
        }
    }
}
