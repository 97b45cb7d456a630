using System;
using System.Globalization;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>
    /// The MLP's training-mode forward and backward passes over one batch, written by hand (makemore part 4), with every
    /// buffer allocated once here so a step allocates nothing. Shapes: N batch, B block, d embedding, K = B·d, H hidden, V vocabulary.
    /// </summary>
    /// <remarks>
    /// Forward: embcat (N×K) = C[X]; hPre (N×H) = embcat·W1 (+ b1); with BatchNorm hAct = gain·(hPre − μ)/σ + bias, else
    /// hAct = hPre; h = tanh(hAct); logits (N×V) = h·W2 + b2; loss = cross-entropy. Backward runs the same layers in reverse.
    /// </remarks>
    internal sealed class MlpNetwork
    {
        private readonly MlpParameters _p;
        private readonly int _n;
        private readonly float[] _embcat, _hPre, _mean, _std, _inverseStd, _xhat, _hAct, _h, _logits, _logSumExps, _probabilities;
        private readonly float[] _dLogits, _dH, _dHAct, _dHPre, _dEmbcat, _scratch1, _scratch2, _scratch3, _w1Transposed, _w2Transposed;

        public MlpNetwork(MlpParameters parameters, int batchSize)
        {
            _p = parameters;
            _n = batchSize;
            Gradients = parameters.CreateLike();
            int h = parameters.HiddenSize, v = parameters.VocabularySize, k = parameters.InputWidth;
            _embcat = new float[batchSize * k];
            _hPre = new float[batchSize * h];
            _mean = new float[h];
            _std = new float[h];
            _inverseStd = new float[h];
            _xhat = new float[batchSize * h];
            _hAct = parameters.BatchNorm ? new float[batchSize * h] : _hPre;
            _h = new float[batchSize * h];
            _logits = new float[batchSize * v];
            _logSumExps = new float[batchSize];
            _probabilities = new float[batchSize * v];
            _dLogits = new float[batchSize * v];
            _dH = new float[batchSize * h];
            _dHAct = new float[batchSize * h];
            _dHPre = parameters.BatchNorm ? new float[batchSize * h] : _dHAct;
            _dEmbcat = new float[batchSize * k];
            _scratch1 = new float[h];
            _scratch2 = new float[h];
            _scratch3 = new float[h];
            _w1Transposed = new float[h * k];
            _w2Transposed = new float[v * h];
        }

        /// <summary>The batch size N the buffers hold.</summary>
        public int BatchSize => _n;

        /// <summary>The gradients of the last <see cref="Backward"/>, shaped like the parameters (running statistics unused).</summary>
        public MlpParameters Gradients { get; }

        /// <summary>The concatenated embeddings of the last forward pass (N×K).</summary>
        public ReadOnlySpan<float> Embcat => _embcat;

        /// <summary>The first layer's output before BatchNorm (N×H).</summary>
        public ReadOnlySpan<float> HiddenPreActivation => _hPre;

        /// <summary>BatchNorm's output, tanh's input (N×H); the same as <see cref="HiddenPreActivation"/> without BatchNorm.</summary>
        public ReadOnlySpan<float> HiddenActivationInput => _hAct;

        /// <summary>The tanh outputs (N×H).</summary>
        public ReadOnlySpan<float> Hidden => _h;

        /// <summary>The logits (N×V).</summary>
        public ReadOnlySpan<float> Logits => _logits;

        /// <summary>The batch mean μ (H) of the last BatchNorm forward pass.</summary>
        public ReadOnlySpan<float> BatchMean => _mean;

        /// <summary>The batch std σ (H) of the last BatchNorm forward pass.</summary>
        public ReadOnlySpan<float> BatchStd => _std;

        /// <summary>
        /// The training-mode forward pass over contexts (N×B) with targets (N): returns the mean cross-entropy. With
        /// BatchNorm, uses batch statistics (see <see cref="UpdateRunningStatistics"/> for the running ones).
        /// </summary>
        /// <param name="contexts">The contexts (N×B).</param>
        /// <param name="targets">The next symbols (N).</param>
        /// <param name="epsilon">BatchNorm's ε, added to the variance.</param>
        /// <param name="step">The step this pass belongs to, for the error; 0 reports no error.</param>
        /// <param name="learningRate">The step's learning rate, which the error names when the weights grew too large.</param>
        /// <exception cref="TrainingDivergedException">A BatchNorm σ is 0 or not finite (only reported when <paramref name="step"/> &gt; 0).</exception>
        public double Forward(ReadOnlySpan<int> contexts, ReadOnlySpan<int> targets, float epsilon, int step = 0, float learningRate = 0f)
        {
            MlpParameters p = _p;
            int h = p.HiddenSize, v = p.VocabularySize, k = p.InputWidth;
            EmbeddingLayer.Forward(contexts, p.C, p.EmbeddingSize, _embcat);                       // (N×K)
            LinearLayer.Forward(_embcat, p.W1, p.B1, _n, k, h, _hPre);                             // (N×K)·(K×H) → (N×H)
            if (p.BatchNorm)
            {
                if (!BatchNormLayer.Forward(_hPre, _n, p.Gain, p.Shift, epsilon, _mean, _std, _inverseStd, _xhat, _hAct) && step > 0)
                {
                    throw BatchStdFailure(step, learningRate);
                }
            }

            Kernels.Tanh(_hAct, _h);                                                                 // (N×H)
            LinearLayer.Forward(_h, p.W2, p.B2, _n, h, v, _logits);                                // (N×H)·(H×V) → (N×V)
            return SoftmaxCrossEntropy.Forward(_logits, targets, v, _logSumExps, _probabilities);
        }

        /// <summary>
        /// Why BatchNorm's batch std is unusable: 0 from a batch whose examples all give a unit the same (finite) value,
        /// or not finite because the first layer's outputs overflowed, which means the weights grew too large.
        /// </summary>
        private TrainingDivergedException BatchStdFailure(int step, float learningRate)
        {
            bool finite = Kernels.MaxMagnitude(_hPre) <= float.MaxValue && Kernels.MaxMagnitude(_std) <= float.MaxValue;
            if (finite)
            {
                return new TrainingDivergedException(step, double.NaN, string.Format(CultureInfo.InvariantCulture,
                    "Training stopped at step {0}: a BatchNorm unit has a batch std of 0, so (x − μ)/σ is undefined. This happens when all {1} examples of a batch give the unit the same value; use a larger batch size or a BatchNorm epsilon above 0.", step, _n));
            }

            return new TrainingDivergedException(step, double.NaN, nameof(MlpTrainingOptions.LearningRate), string.Format(CultureInfo.InvariantCulture,
                "Training diverged at step {0}: the first layer's outputs grew too large for float32, so BatchNorm's batch std is no longer finite; the weights have grown too large. Try a lower learning rate than {1}.", step, learningRate));
        }

        /// <summary>Moves BatchNorm's running mean and std towards the last forward pass's batch statistics (no gradient flows here).</summary>
        public void UpdateRunningStatistics(float momentum)
        {
            if (_p.BatchNorm)
            {
                BatchNormLayer.UpdateRunning(_mean, momentum, _p.RunningMean);
                BatchNormLayer.UpdateRunning(_std, momentum, _p.RunningStd);
            }
        }

        /// <summary>The backward pass of the last forward pass: fills <see cref="Gradients"/> with dLoss/dθ for every trained tensor.</summary>
        public void Backward(ReadOnlySpan<int> contexts, ReadOnlySpan<int> targets)
        {
            MlpParameters p = _p, g = Gradients;
            int h = p.HiddenSize, v = p.VocabularySize, k = p.InputWidth;
            SoftmaxCrossEntropy.Backward(_probabilities, targets, v, _dLogits);                     // (N×V)
            LinearLayer.Backward(_h, p.W2, _dLogits, _n, h, v, g.W2, g.B2, _dH, _w2Transposed);   // dW2 (H×V), db2 (V), dh (N×H)
            Kernels.TanhBackward(_h, _dH, _dHAct);                                                  // (N×H)
            if (p.BatchNorm)
            {
                BatchNormLayer.Backward(_dHAct, _xhat, _n, p.Gain, _inverseStd, g.Gain, g.Shift, _dHPre, _scratch1, _scratch2, _scratch3); // (N×H)
            }

            LinearLayer.Backward(_embcat, p.W1, _dHPre, _n, k, h, g.W1, g.B1, _dEmbcat, _w1Transposed); // dW1 (K×H), db1 (H), dembcat (N×K)
            EmbeddingLayer.Backward(contexts, _dEmbcat, p.EmbeddingSize, g.C);                      // dC (V×d)
        }
    }
}
