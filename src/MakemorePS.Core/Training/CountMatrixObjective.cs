using System;

namespace MakemorePS.Core
{
    /// <summary>
    /// Path (b): the full-batch loss and gradient of the neural bigram model computed from the count matrix, a
    /// sufficient statistic, in O(V²) per evaluation however many bigrams the data holds.
    /// </summary>
    /// <remarks>
    /// For row i with counts N[i,:] and total T_i over B bigrams: NLL = Σ_i (T_i·logsumexp(W[i,:]) − N[i,:]·W[i,:]) / B and
    /// dW[i,:] = (T_i·softmax(W[i,:]) − N[i,:]) / B + 2λ/V²·W[i,:]. Everything is precomputed at construction, so
    /// <see cref="Evaluate"/> allocates nothing. Not thread-safe (it owns a scratch buffer).
    /// </remarks>
    public sealed class CountMatrixObjective
    {
        private readonly int _v;
        private readonly float[] _counts;
        private readonly double[] _rowTotals;
        private readonly float[] _rowTotalsOverTotal;
        private readonly float[] _negativeCountsOverTotal;
        private readonly float[] _exponentials;
        private readonly float[] _rowScales;
        private readonly float[] _shifts;
        private readonly float[] _rowSums;
        private readonly float[] _logSumExps;
        private readonly double _total;

        /// <summary>Prepares the objective for <paramref name="counts"/> with regularization strength λ.</summary>
        /// <exception cref="ArgumentException">The counts hold no bigram, or λ is negative or not finite.</exception>
        public CountMatrixObjective(BigramCounts counts, float regularization)
        {
            if (counts is null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            CheckRegularization(regularization);
            if (counts.TotalBigrams == 0)
            {
                throw new ArgumentException("The counts hold no bigram, so there is nothing to train on. Count at least one name first.", nameof(counts));
            }

            _v = counts.Size;
            Regularization = regularization;
            _total = counts.TotalBigrams;
            _counts = new float[_v * _v];
            _negativeCountsOverTotal = new float[_v * _v];
            _rowTotals = new double[_v];
            _rowTotalsOverTotal = new float[_v];
            _exponentials = new float[_v * _v];
            _rowScales = new float[_v * _v];
            _shifts = new float[_v];
            _rowSums = new float[_v];
            _logSumExps = new float[_v];
            ReadOnlySpan<long> table = counts.AsSpan();
            for (int cell = 0; cell < table.Length; cell++)
            {
                _counts[cell] = table[cell];
                _negativeCountsOverTotal[cell] = (float)(-table[cell] / _total);
            }

            for (int i = 0; i < _v; i++)
            {
                _rowTotals[i] = counts.GetRowTotal(i);
                _rowTotalsOverTotal[i] = (float)(_rowTotals[i] / _total);
            }
        }

        /// <summary>V.</summary>
        public int VocabularySize => _v;

        /// <summary>B: the number of bigrams, every one of them in each evaluation.</summary>
        public long ExampleCount => (long)_total;

        /// <summary>λ in loss = mean NLL + λ·mean(W²).</summary>
        public float Regularization { get; }

        /// <summary>logsumexp of every row of the weights of the last <see cref="Evaluate"/>: ln Σ_j exp(W[i,j]).</summary>
        public ReadOnlySpan<float> LastLogSumExps => _logSumExps;

        /// <summary>Computes the full-batch loss at <paramref name="weights"/> and writes its gradient into <paramref name="gradient"/>.</summary>
        /// <param name="weights">W, (V,V) row-major.</param>
        /// <param name="gradient">Receives dLoss/dW, (V,V) row-major (overwritten).</param>
        /// <exception cref="ArgumentException">A span does not hold V² elements.</exception>
        public BigramLoss Evaluate(ReadOnlySpan<float> weights, Span<float> gradient)
        {
            CheckShape(weights.Length, gradient.Length, _v);

            // Forward: W (V,V) -> E (V,V), row sums (V), NLL sum.
            double nll = BigramLayers.CountMatrixForward(weights, _counts, _rowTotals, _v, _exponentials, _shifts, _rowSums, _logSumExps) / _total;
            double regularization = BigramLayers.RegularizationForward(weights, Regularization);

            // Backward: E (V,V), row sums (V) -> dW (V,V), then + 2λ/V²·W.
            BigramLayers.CountMatrixBackward(_exponentials, _rowSums, _rowTotalsOverTotal, _negativeCountsOverTotal, _v, _rowScales, gradient);
            BigramLayers.RegularizationBackward(weights, Regularization, gradient);
            return new BigramLoss(nll, regularization);
        }

        internal static void CheckRegularization(float regularization)
        {
            if (!(regularization >= 0f) || float.IsInfinity(regularization))
            {
                throw new ArgumentOutOfRangeException(nameof(regularization), regularization, "The regularization strength must be a finite number of 0 or more.");
            }
        }

        internal static void CheckShape(int weights, int gradient, int v)
        {
            if (weights != v * v)
            {
                throw new ArgumentException($"A vocabulary of {v} symbols needs {v * v} weights, not {weights}.", nameof(weights));
            }

            if (gradient != v * v)
            {
                throw new ArgumentException($"The gradient must hold {v * v} elements, not {gradient}.", nameof(gradient));
            }
        }
    }
}
