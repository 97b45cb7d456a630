using System;
using System.Collections.Generic;
using MakemorePS.Core.Models;

namespace MakemorePS.Core
{
    /// <summary>What the cells of a heatmap hold.</summary>
    public enum HeatmapValueKind
    {
        /// <summary>How often the column's symbol followed the row's symbol.</summary>
        Counts,

        /// <summary>P(column's symbol | row's symbol).</summary>
        Probabilities,
    }

    /// <summary>
    /// A V×V table over a vocabulary, row = current symbol, column = next symbol, in vocabulary order: what
    /// <see cref="BigramHeatmapChart"/> draws. Immutable.
    /// </summary>
    public sealed class HeatmapMatrix
    {
        private const double ProbabilityTolerance = 1e-9;

        private readonly double[] _values;

        private HeatmapMatrix(Vocabulary vocabulary, double[] values, HeatmapValueKind kind, int contextLength = 1)
        {
            Vocabulary = vocabulary;
            _values = values;
            Kind = kind;
            ContextLength = contextLength;
        }

        /// <summary>
        /// Fills a row: the distribution over the next symbol after the row's symbol, in vocabulary order.
        /// </summary>
        /// <param name="current">The index of the row's symbol.</param>
        /// <param name="destination">V probabilities to fill.</param>
        public delegate void NextSymbolDistribution(int current, Span<double> destination);

        /// <summary>The symbols of the rows and of the columns.</summary>
        public Vocabulary Vocabulary { get; }

        /// <summary>V.</summary>
        public int Size => Vocabulary.Count;

        /// <summary>Counts or probabilities.</summary>
        public HeatmapValueKind Kind { get; }

        /// <summary>
        /// How many symbols a row's context holds: 1 for a bigram table, where row i is P(next | i); for a longer context,
        /// row i is the distribution after ContextLength − 1 boundary tokens and then symbol i.
        /// </summary>
        public int ContextLength { get; }

        /// <summary>The value of row <paramref name="current"/>, column <paramref name="next"/>.</summary>
        public double this[int current, int next] => _values[(current * Size) + next];

        /// <summary>The largest value.</summary>
        public double Maximum
        {
            get
            {
                double max = 0.0;
                foreach (double value in _values)
                {
                    max = Math.Max(max, value);
                }

                return max;
            }
        }

        /// <summary>The bigram counts of a count table.</summary>
        public static HeatmapMatrix FromCounts(BigramCounts counts)
        {
            if (counts is null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            int v = counts.Size;
            var values = new double[v * v];
            for (int i = 0; i < v; i++)
            {
                ReadOnlySpan<long> row = counts.GetRow(i);
                for (int j = 0; j < v; j++)
                {
                    values[(i * v) + j] = row[j];
                }
            }

            return new HeatmapMatrix(counts.Vocabulary, values, HeatmapValueKind.Counts);
        }

        /// <summary>
        /// Count records (such as Get-BigramCounts emits): the vocabulary is the boundary token and every symbol the
        /// records name, pairs without a record count 0, and records of the same pair add up.
        /// </summary>
        /// <exception cref="ArgumentException">A record's symbol is not one Unicode scalar value, or a count is negative.</exception>
        public static HeatmapMatrix FromCountRecords(IEnumerable<BigramCountRecord> records)
        {
            if (records is null)
            {
                throw new ArgumentNullException(nameof(records));
            }

            var list = new List<BigramCountRecord>();
            var symbols = new List<string>();
            foreach (BigramCountRecord record in records)
            {
                if (record is null)
                {
                    throw new ArgumentException("A count record is null.", nameof(records));
                }

                if (record.Count < 0)
                {
                    throw new ArgumentException($"The count of '{record.First}{record.Second}' is negative ({record.Count}).", nameof(records));
                }

                list.Add(record);
                symbols.Add(record.First);
                symbols.Add(record.Second);
            }

            Vocabulary vocabulary = Vocabulary.FromSymbols(symbols);
            int v = vocabulary.Count;
            var values = new double[v * v];
            foreach (BigramCountRecord record in list)
            {
                values[(vocabulary.IndexOf(record.First) * v) + vocabulary.IndexOf(record.Second)] += record.Count;
            }

            return new HeatmapMatrix(vocabulary, values, HeatmapValueKind.Counts);
        }

        /// <summary>
        /// The training counts a model keeps as a bigram table (the bigram models do), or null when it keeps none.
        /// </summary>
        public static HeatmapMatrix? FromTrainingCounts(ILanguageModel model)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            return model is BigramModel bigram ? FromCounts(bigram.Counts) : null;
        }

        /// <summary>
        /// The next-symbol probabilities of any language model. Row i is P(next | a context of boundary tokens ending in
        /// symbol i): for a bigram model exactly P(next | i); for a model with a longer context, the distribution after a
        /// name that starts with symbol i (and, for row '.', the distribution of a name's first symbol).
        /// </summary>
        public static HeatmapMatrix FromLanguageModel(ILanguageModel model)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            Vocabulary vocabulary = model.Vocabulary;
            int v = vocabulary.Count;
            int length = model.ContextLength;
            var contexts = new int[v * length];
            for (int i = 0; i < v; i++)
            {
                // Boundary padding (index 0) then the row's symbol, as the context of the second symbol of a name.
                contexts[(i * length) + length - 1] = i;
            }

            var logProbabilities = new double[v * v];
            model.NextSymbolLogProbabilities(contexts, v, logProbabilities);
            return FromNextSymbolDistributions(
                vocabulary,
                (current, destination) =>
                {
                    ReadOnlySpan<double> row = logProbabilities.AsSpan(current * v, v);
                    for (int j = 0; j < v; j++)
                    {
                        destination[j] = Math.Exp(row[j]);
                    }
                },
                length);
        }

        /// <summary>
        /// The probabilities of any model that predicts the next symbol: row i is the distribution
        /// <paramref name="distribution"/> gives after symbol i. For a model with a longer context, the caller decides
        /// what context stands for "after symbol i" (MakemorePS uses boundary padding followed by symbol i: the
        /// distribution after a name that starts with that symbol).
        /// </summary>
        /// <param name="vocabulary">The symbols of the rows and of the columns.</param>
        /// <param name="distribution">Fills the row of each symbol.</param>
        /// <param name="contextLength">The model's context length (see <see cref="ContextLength"/>): 1 for a bigram model.</param>
        /// <exception cref="ArgumentException">A probability is NaN, negative or above 1.</exception>
        public static HeatmapMatrix FromNextSymbolDistributions(Vocabulary vocabulary, NextSymbolDistribution distribution, int contextLength = 1)
        {
            if (vocabulary is null)
            {
                throw new ArgumentNullException(nameof(vocabulary));
            }

            if (distribution is null)
            {
                throw new ArgumentNullException(nameof(distribution));
            }

            if (contextLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(contextLength), contextLength, "A context holds at least one symbol.");
            }

            int v = vocabulary.Count;
            var values = new double[v * v];
            for (int i = 0; i < v; i++)
            {
                Span<double> row = values.AsSpan(i * v, v);
                distribution(i, row);
                for (int j = 0; j < v; j++)
                {
                    // A softmax may overshoot 1 by a rounding error; anything further off is a bug upstream.
                    double p = row[j];
                    if (!(p >= 0.0 && p <= 1.0 + ProbabilityTolerance))
                    {
                        throw new ArgumentException($"The distribution after '{vocabulary.GetSymbol(i)}' holds {p}, which is not a probability.", nameof(distribution));
                    }

                    row[j] = Math.Min(p, 1.0);
                }
            }

            return new HeatmapMatrix(vocabulary, values, HeatmapValueKind.Probabilities, contextLength);
        }
    }
}
