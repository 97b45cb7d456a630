using System;
using System.Numerics.Tensors;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Baselines
{
    /// <summary>
    /// The training step as PyTorch users write the fast version: no one-hot matrix, a row gather forward and a
    /// scatter-add backward, every row operation vectorized (TensorPrimitives standing in for PyTorch's kernels):
    /// <code>
    /// logits = W[xs]                                   # gather: B rows of W
    /// loss = F.cross_entropy(logits, ys) + λ·(W**2).mean()
    /// dlogits = (softmax(logits) − onehot(ys)) / B     # what cross_entropy's backward computes
    /// dW = zeros_like(W).index_add_(0, xs, dlogits) + 2λ/V²·W
    /// W -= lr·dW
    /// </code>
    /// It computes what <see cref="TextbookOneHotStep"/> computes, in O(B·V) instead of O(B·V²); the buffers are
    /// allocated once, so what is timed is the arithmetic.
    /// </summary>
    internal sealed class GatherScatterStep
    {
        private readonly int _v;
        private readonly float[] _weights;
        private readonly float[] _logits;
        private readonly float[] _gradient;
        private readonly float _learningRate;
        private readonly float _regularization;

        /// <summary>Starts from W ~ N(0, 1) drawn from <see cref="Pcg32"/>, the same W as <see cref="TextbookOneHotStep"/>.</summary>
        public GatherScatterStep(int vocabularySize, int maxBatch, float learningRate, float regularization, long seed)
        {
            _v = vocabularySize;
            _learningRate = learningRate;
            _regularization = regularization;
            _weights = new float[_v * _v];
            var rng = new Pcg32(seed);
            for (int i = 0; i < _weights.Length; i++)
            {
                _weights[i] = (float)rng.NextGaussian();
            }

            _logits = new float[maxBatch * _v];
            _gradient = new float[_v * _v];
        }

        /// <summary>The current weights (row-major V×V).</summary>
        public ReadOnlySpan<float> Weights => _weights;

        /// <summary>One gradient-descent step on the examples (xs[i] → ys[i]); returns the loss of the forward pass.</summary>
        public double Step(ReadOnlySpan<int> xs, ReadOnlySpan<int> ys)
        {
            int batch = xs.Length;
            int v = _v;
            Span<float> weights = _weights;

            // logits = W[xs], then softmax in place with the maximum subtracted, as F.cross_entropy does.
            double nll = 0;
            for (int b = 0; b < batch; b++)
            {
                Span<float> row = _logits.AsSpan(b * v, v);
                weights.Slice(xs[b] * v, v).CopyTo(row);
                float max = TensorPrimitives.Max(row);
                TensorPrimitives.Subtract(row, max, row);
                float target = row[ys[b]];
                TensorPrimitives.Exp(row, row);
                float sum = TensorPrimitives.Sum(row);
                TensorPrimitives.Multiply(row, 1f / sum, row);
                nll -= target - Math.Log(sum);
            }

            double loss = (nll / batch) + (_regularization * (double)TensorPrimitives.SumOfSquares(weights) / weights.Length);

            // dW = 2λ/V²·W, then index_add_ of dlogits = (probs − onehot(ys))/B into the rows xs.
            float inverseBatch = 1f / batch;
            TensorPrimitives.Multiply(weights, 2f * _regularization / weights.Length, _gradient);
            for (int b = 0; b < batch; b++)
            {
                Span<float> row = _logits.AsSpan(b * v, v);
                row[ys[b]] -= 1f;
                Span<float> gradientRow = _gradient.AsSpan(xs[b] * v, v);
                TensorPrimitives.MultiplyAdd(row, inverseBatch, gradientRow, gradientRow);
            }

            // W -= lr·dW
            TensorPrimitives.MultiplyAdd(_gradient, -_learningRate, weights, weights);
            return loss;
        }
    }
}
