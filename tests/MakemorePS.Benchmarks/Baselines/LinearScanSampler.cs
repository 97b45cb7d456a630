using System.Text;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Baselines
{
    /// <summary>
    /// The textbook sampler, torch.multinomial written out: draw u ∈ [0, 1) and walk the probability row,
    /// adding probabilities until the running sum passes u. O(V) per character.
    /// </summary>
    internal sealed class LinearScanSampler
    {
        private readonly double[] _probabilities;
        private readonly Vocabulary _vocabulary;
        private readonly int _v;
        private readonly int _maxLength;
        private readonly StringBuilder _builder = new StringBuilder();

        public LinearScanSampler(BigramModel model, int maxLength)
        {
            _probabilities = model.GetProbabilities();
            _vocabulary = model.Vocabulary;
            _v = model.VocabularySize;
            _maxLength = maxLength;
        }

        /// <summary>One name: start at '.', draw the next symbol until '.' comes back or the name reaches the maximum length.</summary>
        public string SampleOne(Pcg32 rng)
        {
            _builder.Clear();
            int current = Vocabulary.BoundaryIndex;
            for (int length = 0; length < _maxLength; length++)
            {
                double u = rng.NextDouble();
                int row = current * _v;
                int next = _v - 1;
                double cumulative = 0;
                for (int j = 0; j < _v; j++)
                {
                    cumulative += _probabilities[row + j];
                    if (u < cumulative)
                    {
                        next = j;
                        break;
                    }
                }

                if (next == Vocabulary.BoundaryIndex)
                {
                    break;
                }

                _builder.Append(_vocabulary.GetSymbol(next));
                current = next;
            }

            return _builder.ToString();
        }
    }
}
