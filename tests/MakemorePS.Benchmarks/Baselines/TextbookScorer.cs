using System;
using System.Collections.Generic;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Baselines
{
    /// <summary>
    /// The lecture's evaluation loop: <c>stoi</c> as a Dictionary, then for each pair
    /// <c>log_likelihood += log(P[stoi[ch1], stoi[ch2]])</c>, and NLL / n at the end.
    /// </summary>
    internal sealed class TextbookScorer
    {
        private readonly Dictionary<char, int> _stoi = new Dictionary<char, int>();
        private readonly double[] _probabilities;
        private readonly int _v;

        public TextbookScorer(BigramModel model)
        {
            _v = model.VocabularySize;
            _probabilities = model.GetProbabilities();
            for (int i = 0; i < _v; i++)
            {
                string symbol = model.Vocabulary.GetSymbol(i);
                if (symbol.Length == 1)
                {
                    _stoi[symbol[0]] = i;
                }
            }
        }

        /// <summary>Mean negative log-likelihood per bigram over all names, and the bigram count.</summary>
        public (double MeanNll, long Bigrams) Score(IReadOnlyList<string> names)
        {
            double logLikelihood = 0;
            long n = 0;
            for (int w = 0; w < names.Count; w++)
            {
                string name = names[w];
                int previous = _stoi[Vocabulary.BoundaryToken];
                for (int c = 0; c <= name.Length; c++)
                {
                    int next = c < name.Length ? _stoi[name[c]] : _stoi[Vocabulary.BoundaryToken];
                    logLikelihood += Math.Log(_probabilities[(previous * _v) + next]);
                    n++;
                    previous = next;
                }
            }

            return (-logLikelihood / n, n);
        }
    }
}
