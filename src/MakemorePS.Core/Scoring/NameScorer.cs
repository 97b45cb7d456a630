using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>
    /// Scores names under a <see cref="BigramModel"/>: log-likelihood, NLL, mean NLL per bigram and perplexity, with
    /// '.' at both ends as in training. Precomputes the V×V table of ln P once; thread-safe, since it is immutable.
    /// </summary>
    /// <remarks>
    /// A name is scored as given: no trimming, and no change of case unless the scorer was made with lowerCase.
    /// A zero-probability bigram (only possible without smoothing) gives ln P = −∞ and so an infinite NLL, never NaN
    /// and never an exception. A name the model cannot score throws for that name alone, so callers can go on with
    /// the next: <see cref="UnknownCharacterException"/> for a symbol outside the vocabulary, and
    /// <see cref="InvalidNameException"/> for the boundary token '.' or an unpaired surrogate, which no name can hold.
    /// </remarks>
    public sealed class NameScorer : INameScorer
    {
        private readonly double[] _logProbabilities;
        private readonly int[] _asciiIndex;
        private readonly Vocabulary _vocabulary;
        private readonly int _size;

        /// <summary>Prepares to score names under <paramref name="model"/>.</summary>
        /// <param name="model">The model.</param>
        /// <param name="lowerCase">Lower-case every name (invariant culture) before scoring it, as training with lower-casing did.</param>
        public NameScorer(BigramModel model, bool lowerCase = false)
        {
            Model = model ?? throw new ArgumentNullException(nameof(model));
            LowerCase = lowerCase;
            _vocabulary = model.Vocabulary;
            _size = model.VocabularySize;
            _asciiIndex = _vocabulary.AsciiIndex;
            ReadOnlySpan<double> probabilities = model.Probabilities;
            _logProbabilities = new double[probabilities.Length];
            for (int i = 0; i < probabilities.Length; i++)
            {
                // Math.Log(0) is −∞: the honest score of an impossible bigram.
                _logProbabilities[i] = Math.Log(probabilities[i]);
            }
        }

        /// <summary>The model names are scored under.</summary>
        public BigramModel Model { get; }

        /// <summary>Whether names are lower-cased before scoring.</summary>
        public bool LowerCase { get; }

        /// <summary>ln P(next | current) as the scorer uses it.</summary>
        public double GetLogProbability(int current, int next) => _logProbabilities[(current * _size) + next];

        /// <summary>Scores one name.</summary>
        /// <param name="name">The name, scored as given (lower-cased first if <see cref="LowerCase"/>).</param>
        /// <param name="detailed">Also list every bigram with its probability and log-probability.</param>
        /// <exception cref="UnknownCharacterException">The name holds a symbol the model does not know.</exception>
        /// <exception cref="InvalidNameException">The name holds '.' or an unpaired surrogate.</exception>
        public NameScore Score(string name, bool detailed = false)
        {
            string scored = Prepare(name);
            if (!detailed)
            {
                double logLikelihood = LogLikelihoodOf(scored, out int bigramCount);
                return new NameScore(scored, logLikelihood, bigramCount);
            }

            List<int> indices = Encode(scored);
            var bigrams = new BigramScore[indices.Count + 1];
            double total = 0.0;
            int previous = Vocabulary.BoundaryIndex;
            for (int k = 0; k <= indices.Count; k++)
            {
                int next = k < indices.Count ? indices[k] : Vocabulary.BoundaryIndex;
                double logProbability = GetLogProbability(previous, next);
                bigrams[k] = new BigramScore(scored, _vocabulary.GetSymbol(previous), _vocabulary.GetSymbol(next),
                    Model.GetProbability(previous, next), logProbability);
                total += logProbability;
                previous = next;
            }

            return new NameScore(scored, total, bigrams.Length, bigrams);
        }

        /// <summary>
        /// The log-likelihood of one name and its number of bigrams, without building a <see cref="NameScore"/>
        /// (no allocation unless <see cref="LowerCase"/> has to change the name).
        /// </summary>
        /// <exception cref="UnknownCharacterException">The name holds a symbol the model does not know.</exception>
        /// <exception cref="InvalidNameException">The name holds '.' or an unpaired surrogate.</exception>
        public double GetLogLikelihood(string name, out int bigramCount) => LogLikelihoodOf(Prepare(name), out bigramCount);

        /// <summary>
        /// Scores many names into one summary (total NLL / total bigrams). A name that cannot be scored is left out
        /// and handed to <paramref name="onRejectedName"/> (the others are still scored); without a handler its
        /// exception is thrown.
        /// </summary>
        /// <param name="names">The names.</param>
        /// <param name="onRejectedName">Receives the <see cref="UnknownCharacterException"/> or <see cref="InvalidNameException"/> of each name left out.</param>
        public DatasetScore ScoreDataset(IEnumerable<string> names, Action<Exception>? onRejectedName = null)
        {
            if (names is null)
            {
                throw new ArgumentNullException(nameof(names));
            }

            var accumulator = new DatasetScoreAccumulator();
            foreach (string name in names)
            {
                double logLikelihood;
                int bigramCount;
                try
                {
                    logLikelihood = GetLogLikelihood(name, out bigramCount);
                }
                catch (Exception error) when (onRejectedName != null && (error is UnknownCharacterException || error is InvalidNameException))
                {
                    onRejectedName(error);
                    continue;
                }

                accumulator.Add(logLikelihood, bigramCount);
            }

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

        private unsafe double LogLikelihoodOf(string name, out int bigramCount)
        {
            int size = _size;
            int previous = Vocabulary.BoundaryIndex;
            double total = 0.0;
            int symbols = 0;
            fixed (double* logProbabilities = _logProbabilities)
            fixed (int* asciiIndex = _asciiIndex)
            fixed (char* text = name)
            {
                for (int i = 0; i < name.Length; symbols++)
                {
                    char c = text[i];
                    int next;
                    if (c < 128)
                    {
                        // ASCII fast path: one table read; '.' maps to index 0 and is rejected with the unknowns.
                        next = asciiIndex[c];
                        i++;
                    }
                    else
                    {
                        next = UnicodeScalars.TryRead(name, i, out int scalar, out int length) ? _vocabulary.IndexOf(scalar) : -1;
                        i += length;
                    }

                    if (next <= Vocabulary.BoundaryIndex)
                    {
                        throw Unscorable(name);
                    }

                    total += logProbabilities[(previous * size) + next];
                    previous = next;
                }

                total += logProbabilities[previous * size];
            }

            bigramCount = symbols + 1;
            return total;
        }

        private List<int> Encode(string name)
        {
            var indices = new List<int>(name.Length);
            if (!_vocabulary.TryEncode(name, indices, out _))
            {
                throw Unscorable(name);
            }

            return indices;
        }

        private Exception Unscorable(string name)
        {
            // Rare path: find out exactly why, for a message that names the problem.
            try
            {
                NameNormalizer.Validate(name);
            }
            catch (InvalidNameException invalid)
            {
                return invalid;
            }

            _vocabulary.TryEncode(name, new List<int>(), out string? unknownSymbol);
            return new UnknownCharacterException(name, unknownSymbol ?? string.Empty);
        }
    }
}
