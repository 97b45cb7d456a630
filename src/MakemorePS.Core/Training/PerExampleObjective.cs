using System;

namespace MakemorePS.Core
{
    /// <summary>
    /// Path (a): the loss and gradient of the neural bigram model computed example by example, as PyTorch does it:
    /// logits = one-hot(xs) @ W (a row lookup), probs = softmax(logits), loss = mean(−log probs[b, ys[b]]) + λ·mean(W²),
    /// dlogits = (probs − one-hot(ys))/B, dW = one-hot(xs)ᵀ @ dlogits + 2λ/V²·W.
    /// </summary>
    /// <remarks>
    /// Examples are processed in chunks of at most <see cref="ChunkSize"/> rows, so memory stays O(chunk·V) for any
    /// batch; the gradient is accumulated in double so that long batches agree with the count-matrix path to 1e-5.
    /// All buffers are allocated at construction. Not thread-safe.
    /// </remarks>
    public sealed class PerExampleObjective
    {
        /// <summary>The most examples <see cref="FromCounts"/> expands (about 512 MiB of indices); beyond it use path (b).</summary>
        public const long MaxExpandedExamples = 1L << 26;

        private readonly int _v;
        private readonly int[] _xs;
        private readonly int[] _ys;
        private readonly float[] _logits;
        private readonly float[] _probabilities;
        private readonly int[] _batchXs;
        private readonly int[] _batchYs;
        private readonly double[] _gradientSum;

        /// <summary>Prepares the objective for the examples (xs[b] → ys[b]).</summary>
        /// <param name="vocabularySize">V.</param>
        /// <param name="xs">The current symbol of each example (copied).</param>
        /// <param name="ys">The next symbol of each example (copied).</param>
        /// <param name="regularization">λ ≥ 0.</param>
        /// <param name="chunkSize">How many examples share one (chunk, V) logits buffer (default 1024).</param>
        /// <exception cref="ArgumentException">The lists differ in length, are empty, or hold an index outside [0, V).</exception>
        public PerExampleObjective(int vocabularySize, int[] xs, int[] ys, float regularization, int chunkSize = 1024)
        {
            if (xs is null)
            {
                throw new ArgumentNullException(nameof(xs));
            }

            if (ys is null)
            {
                throw new ArgumentNullException(nameof(ys));
            }

            if (vocabularySize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, "The vocabulary holds at least one symbol.");
            }

            if (chunkSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "The chunk size must be at least 1.");
            }

            if (xs.Length != ys.Length)
            {
                throw new ArgumentException($"There are {xs.Length} inputs but {ys.Length} targets; each example needs one of each.", nameof(ys));
            }

            if (xs.Length == 0)
            {
                throw new ArgumentException("There are no examples, so there is nothing to train on.", nameof(xs));
            }

            CountMatrixObjective.CheckRegularization(regularization);
            CheckIndices(xs, vocabularySize, nameof(xs));
            CheckIndices(ys, vocabularySize, nameof(ys));
            _v = vocabularySize;
            _xs = (int[])xs.Clone();
            _ys = (int[])ys.Clone();
            Regularization = regularization;
            ChunkSize = Math.Min(chunkSize, xs.Length);
            _logits = new float[ChunkSize * _v];
            _probabilities = new float[ChunkSize * _v];
            _batchXs = new int[ChunkSize];
            _batchYs = new int[ChunkSize];
            _gradientSum = new double[_v * _v];
        }

        /// <summary>Expands every counted bigram into an example, row by row in vocabulary order.</summary>
        /// <exception cref="ArgumentException">The counts hold no bigram, or more than <see cref="MaxExpandedExamples"/>.</exception>
        public static PerExampleObjective FromCounts(BigramCounts counts, float regularization, int chunkSize = 1024)
        {
            ExpandExamples(counts, out int[] xs, out int[] ys);
            return new PerExampleObjective(counts.Size, xs, ys, regularization, chunkSize);
        }

        /// <summary>V.</summary>
        public int VocabularySize => _v;

        /// <summary>The number of examples.</summary>
        public int ExampleCount => _xs.Length;

        /// <summary>λ in loss = mean NLL + λ·mean(W²).</summary>
        public float Regularization { get; }

        /// <summary>The most examples processed together.</summary>
        public int ChunkSize { get; }

        /// <summary>The current symbols of the examples.</summary>
        public ReadOnlySpan<int> Inputs => _xs;

        /// <summary>The next symbols of the examples.</summary>
        public ReadOnlySpan<int> Targets => _ys;

        /// <summary>The loss over every example at <paramref name="weights"/>; writes its gradient into <paramref name="gradient"/>.</summary>
        /// <exception cref="ArgumentException">A span does not hold V² elements.</exception>
        public BigramLoss Evaluate(ReadOnlySpan<float> weights, Span<float> gradient) => Evaluate(weights, ReadOnlySpan<int>.Empty, allExamples: true, gradient);

        /// <summary>The loss over the mini-batch of examples at <paramref name="exampleIndices"/>; writes its gradient into <paramref name="gradient"/>.</summary>
        /// <exception cref="ArgumentException">A span does not hold V² elements, the batch is empty, or an index is out of range.</exception>
        public BigramLoss Evaluate(ReadOnlySpan<float> weights, ReadOnlySpan<int> exampleIndices, Span<float> gradient)
        {
            if (exampleIndices.IsEmpty)
            {
                throw new ArgumentException("A mini-batch needs at least one example.", nameof(exampleIndices));
            }

            return Evaluate(weights, exampleIndices, allExamples: false, gradient);
        }

        internal static void ExpandExamples(BigramCounts counts, out int[] xs, out int[] ys)
        {
            if (counts is null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            if (counts.TotalBigrams > MaxExpandedExamples)
            {
                throw new ArgumentException($"The counts hold {counts.TotalBigrams} bigrams; the per-example path expands at most {MaxExpandedExamples}. Train with the full batch on the count-matrix path instead.", nameof(counts));
            }

            int total = (int)counts.TotalBigrams;
            xs = new int[total];
            ys = new int[total];
            int v = counts.Size;
            int b = 0;
            ReadOnlySpan<long> table = counts.AsSpan();
            for (int i = 0; i < v; i++)
            {
                for (int j = 0; j < v; j++)
                {
                    int end = b + (int)table[(i * v) + j];
                    xs.AsSpan(b, end - b).Fill(i);
                    ys.AsSpan(b, end - b).Fill(j);
                    b = end;
                }
            }
        }

        private BigramLoss Evaluate(ReadOnlySpan<float> weights, ReadOnlySpan<int> exampleIndices, bool allExamples, Span<float> gradient)
        {
            CountMatrixObjective.CheckShape(weights.Length, gradient.Length, _v);
            int batch = allExamples ? _xs.Length : exampleIndices.Length;
            float scale = 1f / batch;
            double nll = 0.0;
            Array.Clear(_gradientSum, 0, _gradientSum.Length);
            for (int start = 0; start < batch; start += ChunkSize)
            {
                int size = Math.Min(ChunkSize, batch - start);
                ReadOnlySpan<int> xs;
                ReadOnlySpan<int> ys;
                if (allExamples)
                {
                    xs = _xs.AsSpan(start, size);
                    ys = _ys.AsSpan(start, size);
                }
                else
                {
                    for (int b = 0; b < size; b++)
                    {
                        int example = exampleIndices[start + b];
                        if ((uint)example >= (uint)_xs.Length)
                        {
                            throw new ArgumentException($"Example index {example} is outside [0, {_xs.Length}).", nameof(exampleIndices));
                        }

                        _batchXs[b] = _xs[example];
                        _batchYs[b] = _ys[example];
                    }

                    xs = _batchXs.AsSpan(0, size);
                    ys = _batchYs.AsSpan(0, size);
                }

                Span<float> logits = _logits.AsSpan(0, size * _v);
                Span<float> probabilities = _probabilities.AsSpan(0, size * _v);

                // Forward: xs (C) -> logits (C,V) -> probs (C,V), NLL sum.
                BigramLayers.EmbedForward(weights, xs, _v, logits);
                nll += BigramLayers.SoftmaxCrossEntropyForward(logits, ys, _v, probabilities);

                // Backward: probs (C,V) -> dlogits (C,V), in place -> dW (V,V), accumulated in double.
                BigramLayers.SoftmaxCrossEntropyBackward(probabilities, ys, scale, _v, probabilities);
                BigramLayers.EmbedBackward(probabilities, xs, _v, _gradientSum);
            }

            for (int cell = 0; cell < gradient.Length; cell++)
            {
                gradient[cell] = (float)_gradientSum[cell];
            }

            double regularization = BigramLayers.RegularizationForward(weights, Regularization);
            BigramLayers.RegularizationBackward(weights, Regularization, gradient);
            return new BigramLoss(nll / batch, regularization);
        }

        private static void CheckIndices(int[] indices, int v, string parameterName)
        {
            for (int b = 0; b < indices.Length; b++)
            {
                if ((uint)indices[b] >= (uint)v)
                {
                    throw new ArgumentException($"Example {b} has symbol index {indices[b]}, outside the vocabulary [0, {v}).", parameterName);
                }
            }
        }
    }
}
