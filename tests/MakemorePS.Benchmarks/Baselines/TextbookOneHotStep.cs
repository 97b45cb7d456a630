using System;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Baselines
{
    /// <summary>
    /// The lecture's training step written out plainly, with no shortcut:
    /// <code>
    /// xenc = F.one_hot(xs, V).float()          # B×V
    /// logits = xenc @ W                        # B×V by V×V matrix product
    /// counts = logits.exp(); probs = counts / counts.sum(1, keepdims=True)
    /// loss = -probs[arange(B), ys].log().mean() + λ·(W**2).mean()
    /// loss.backward()                          # dW = xencᵀ @ (probs − onehot(ys))/B + 2λ/V²·W
    /// W -= lr·dW
    /// </code>
    /// The buffers are allocated once (PyTorch would allocate them each step), so what is timed is the arithmetic:
    /// two dense O(B·V²) products plus O(B·V) softmax work.
    /// </summary>
    internal sealed class TextbookOneHotStep
    {
        private readonly int _v;
        private readonly float[] _weights;
        private readonly float[] _xenc;
        private readonly float[] _probs;
        private readonly float[] _gradient;
        private readonly float _learningRate;
        private readonly float _regularization;

        /// <summary>Starts from W ~ N(0, 1) drawn from <see cref="Pcg32"/>, as the lecture's torch.randn with a fixed generator.</summary>
        public TextbookOneHotStep(int vocabularySize, int maxBatch, float learningRate, float regularization, long seed)
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

            _xenc = new float[maxBatch * _v];
            _probs = new float[maxBatch * _v];
            _gradient = new float[_v * _v];
        }

        /// <summary>The current weights (row-major V×V).</summary>
        public ReadOnlySpan<float> Weights => _weights;

        /// <summary>One gradient-descent step on the examples (xs[i] → ys[i]); returns the loss of the forward pass.</summary>
        public double Step(ReadOnlySpan<int> xs, ReadOnlySpan<int> ys)
        {
            int batch = xs.Length;
            int v = _v;

            // xenc = one_hot(xs)
            Array.Clear(_xenc, 0, batch * v);
            for (int b = 0; b < batch; b++)
            {
                _xenc[(b * v) + xs[b]] = 1f;
            }

            // logits = xenc @ W, then counts = exp(logits) and probs = counts / rowsum (no max subtraction, as in the lecture).
            double nll = 0;
            for (int b = 0; b < batch; b++)
            {
                int row = b * v;
                for (int j = 0; j < v; j++)
                {
                    float sum = 0f;
                    for (int k = 0; k < v; k++)
                    {
                        sum += _xenc[row + k] * _weights[(k * v) + j];
                    }

                    _probs[row + j] = MathF.Exp(sum);
                }

                float total = 0f;
                for (int j = 0; j < v; j++)
                {
                    total += _probs[row + j];
                }

                for (int j = 0; j < v; j++)
                {
                    _probs[row + j] /= total;
                }

                nll -= Math.Log(_probs[row + ys[b]]);
            }

            double squares = 0;
            for (int i = 0; i < _weights.Length; i++)
            {
                squares += _weights[i] * _weights[i];
            }

            double loss = (nll / batch) + (_regularization * squares / _weights.Length);

            // dlogits = (probs − onehot(ys)) / B, reusing the probs buffer.
            float inverseBatch = 1f / batch;
            for (int b = 0; b < batch; b++)
            {
                int row = b * v;
                _probs[row + ys[b]] -= 1f;
                for (int j = 0; j < v; j++)
                {
                    _probs[row + j] *= inverseBatch;
                }
            }

            // dW = xencᵀ @ dlogits + 2λ/V²·W: a V×B by B×V matrix product.
            float decay = 2f * _regularization / _weights.Length;
            for (int k = 0; k < v; k++)
            {
                for (int j = 0; j < v; j++)
                {
                    float sum = 0f;
                    for (int b = 0; b < batch; b++)
                    {
                        sum += _xenc[(b * v) + k] * _probs[(b * v) + j];
                    }

                    _gradient[(k * v) + j] = sum + (decay * _weights[(k * v) + j]);
                }
            }

            for (int i = 0; i < _weights.Length; i++)
            {
                _weights[i] -= _learningRate * _gradient[i];
            }

            return loss;
        }
    }
}
