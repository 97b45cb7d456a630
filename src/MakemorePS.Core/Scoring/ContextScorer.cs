using System;
using System.Collections.Generic;
using System.Text;
using MakemorePS.Core.Models;

namespace MakemorePS.Core
{
    /// <summary>
    /// Scores names under any <see cref="ILanguageModel"/>: each symbol and the final '.' given the
    /// <see cref="ILanguageModel.ContextLength"/> symbols before it (padded with '.' at the start), asked of the model
    /// in batches. Immutable, so thread-safe when the model is.
    /// </summary>
    /// <remarks>
    /// A name the model cannot score throws for that name alone (<see cref="UnknownCharacterException"/>,
    /// <see cref="InvalidNameException"/>). A position the model gives probability 0 makes the score −∞, never NaN.
    /// </remarks>
    public sealed class ContextScorer : INameScorer
    {
        // Positions asked of the model at once when scoring a dataset: large enough to amortize the call, small
        // enough that the buffers stay in cache.
        private const int DatasetBatchPositions = 2048;

        private readonly Vocabulary _vocabulary;
        private readonly int _contextLength;
        private readonly int _size;

        /// <summary>Prepares to score names under <paramref name="model"/>.</summary>
        /// <param name="model">The model.</param>
        /// <param name="lowerCase">Lower-case every name (invariant culture) before scoring it.</param>
        public ContextScorer(ILanguageModel model, bool lowerCase = false)
        {
            Model = model ?? throw new ArgumentNullException(nameof(model));
            LowerCase = lowerCase;
            _vocabulary = model.Vocabulary;
            _contextLength = model.ContextLength;
            _size = _vocabulary.Count;
            if (_contextLength < 1)
            {
                throw new ArgumentException($"A language model needs a context of at least one symbol; this one has {_contextLength}.", nameof(model));
            }
        }

        /// <summary>The model names are scored under.</summary>
        public ILanguageModel Model { get; }

        /// <inheritdoc/>
        public bool LowerCase { get; }

        /// <inheritdoc/>
        public NameScore Score(string name, bool detailed = false)
        {
            string scored = Prepare(name);
            int[] symbols = Encode(scored);
            int positions = symbols.Length + 1;
            var contexts = new int[positions * _contextLength];
            WriteContexts(symbols, contexts);
            var logProbabilities = new double[positions * _size];
            Model.NextSymbolLogProbabilities(contexts, positions, logProbabilities);

            double total = 0.0;
            IPositionScore[]? details = detailed ? new IPositionScore[positions] : null;
            for (int p = 0; p < positions; p++)
            {
                int next = p < symbols.Length ? symbols[p] : Vocabulary.BoundaryIndex;
                double logProbability = logProbabilities[(p * _size) + next];
                total += logProbability;
                if (details != null)
                {
                    details[p] = new ContextScore(scored, ContextText(contexts, p), _vocabulary.GetSymbol(next), Math.Exp(logProbability), logProbability);
                }
            }

            return new NameScore(scored, total, positions, details);
        }

        /// <inheritdoc/>
        public double GetLogLikelihood(string name, out int positionCount)
        {
            NameScore score = Score(name);
            positionCount = score.PositionCount;
            return score.LogLikelihood;
        }

        /// <inheritdoc/>
        public DatasetScore ScoreDataset(IEnumerable<string> names, Action<Exception>? onRejectedName = null)
        {
            if (names is null)
            {
                throw new ArgumentNullException(nameof(names));
            }

            var accumulator = new DatasetScoreAccumulator();
            var batch = new Batch(this);
            foreach (string name in names)
            {
                int[] symbols;
                try
                {
                    symbols = Encode(Prepare(name));
                }
                catch (Exception error) when (onRejectedName != null && (error is UnknownCharacterException || error is InvalidNameException))
                {
                    onRejectedName(error);
                    continue;
                }

                if (batch.Positions > 0 && batch.Positions + symbols.Length + 1 > DatasetBatchPositions)
                {
                    batch.Flush(accumulator);
                }

                batch.Add(symbols);
            }

            batch.Flush(accumulator);
            return accumulator.ToScore();
        }

        private string Prepare(string name)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            return LowerCase ? name.ToLowerInvariant() : name;
        }

        private int[] Encode(string name)
        {
            var indices = new List<int>(name.Length);
            if (_vocabulary.TryEncode(name, indices, out string? unknownSymbol))
            {
                return indices.ToArray();
            }

            // '.' and unpaired surrogates are invalid in any name; anything else is a symbol the model does not know.
            NameNormalizer.Validate(name);
            throw new UnknownCharacterException(name, unknownSymbol ?? string.Empty);
        }

        /// <summary>Writes the context of every position of a name (symbols + 1 of them) into <paramref name="destination"/>.</summary>
        private void WriteContexts(int[] symbols, Span<int> destination)
        {
            int k = _contextLength;
            for (int p = 0; p <= symbols.Length; p++)
            {
                Span<int> context = destination.Slice(p * k, k);
                for (int c = 0; c < k; c++)
                {
                    int source = p - k + c;
                    context[c] = source < 0 ? Vocabulary.BoundaryIndex : symbols[source];
                }
            }
        }

        private string ContextText(int[] contexts, int position)
        {
            var text = new StringBuilder(_contextLength);
            for (int c = 0; c < _contextLength; c++)
            {
                text.Append(_vocabulary.GetSymbol(contexts[(position * _contextLength) + c]));
            }

            return text.ToString();
        }

        /// <summary>Names gathered for one call of the model.</summary>
        private sealed class Batch
        {
            private readonly ContextScorer _scorer;
            private readonly List<int[]> _names = new List<int[]>();
            private int[] _contexts = Array.Empty<int>();
            private double[] _logProbabilities = Array.Empty<double>();

            public Batch(ContextScorer scorer) => _scorer = scorer;

            public int Positions { get; private set; }

            public void Add(int[] symbols)
            {
                _names.Add(symbols);
                Positions += symbols.Length + 1;
            }

            public void Flush(DatasetScoreAccumulator accumulator)
            {
                if (Positions == 0)
                {
                    return;
                }

                int k = _scorer._contextLength;
                int v = _scorer._size;
                if (_contexts.Length < Positions * k)
                {
                    _contexts = new int[Positions * k];
                    _logProbabilities = new double[Positions * v];
                }

                int offset = 0;
                foreach (int[] symbols in _names)
                {
                    _scorer.WriteContexts(symbols, _contexts.AsSpan(offset * k, (symbols.Length + 1) * k));
                    offset += symbols.Length + 1;
                }

                _scorer.Model.NextSymbolLogProbabilities(_contexts.AsSpan(0, Positions * k), Positions, _logProbabilities.AsSpan(0, Positions * v));

                offset = 0;
                foreach (int[] symbols in _names)
                {
                    double total = 0.0;
                    for (int p = 0; p <= symbols.Length; p++)
                    {
                        int next = p < symbols.Length ? symbols[p] : Vocabulary.BoundaryIndex;
                        total += _logProbabilities[((offset + p) * v) + next];
                    }

                    accumulator.Add(total, symbols.Length + 1);
                    offset += symbols.Length + 1;
                }

                _names.Clear();
                Positions = 0;
            }
        }
    }
}
