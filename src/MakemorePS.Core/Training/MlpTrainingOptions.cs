using System;
using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>How the MLP's weights start.</summary>
    public enum MlpInitialization
    {
        /// <summary>
        /// makemore part 3 (default): C ~ N(0,1); W1 ~ N(0,1)·(5/3)/√(BlockSize·EmbeddingSize), tanh's gain over √fan-in;
        /// b1 ~ N(0,1)·0.01 (only without BatchNorm); W2 ~ N(0,1)·0.01; b2 = 0. The first loss is close to ln V.
        /// </summary>
        Scaled,

        /// <summary>makemore part 2: every parameter ~ N(0,1). Confidently wrong at first, with saturated tanh units.</summary>
        Gaussian,
    }

    /// <summary>
    /// The architecture and training settings of the MLP language model (Bengio et al. 2003, makemore parts 2 and 3);
    /// every default is the lecture's. Saved with a trained model.
    /// </summary>
    public sealed class MlpTrainingOptions
    {
        /// <summary>The default seed, the lecture's generator seed (2147483647).</summary>
        public const long DefaultSeed = 2147483647L;

        /// <summary>B, how many previous symbols the model sees (default 3).</summary>
        public int BlockSize { get; set; } = 3;

        /// <summary>d, the size of each symbol's embedding, a row of C (default 10).</summary>
        public int EmbeddingSize { get; set; } = 10;

        /// <summary>H, the number of tanh units (default 200).</summary>
        public int HiddenSize { get; set; } = 200;

        /// <summary>Whether BatchNorm1d follows the first linear layer, which then has no bias (default true, part 3).</summary>
        public bool BatchNorm { get; set; } = true;

        /// <summary>m in running = (1 − m)·running + m·batch, for BatchNorm's running mean and std (default 0.001).</summary>
        public float BatchNormMomentum { get; set; } = 0.001f;

        /// <summary>
        /// ε in std = √(var + ε) (default 0, as in the lecture's part 3). Raise it (for example to 1e-5) for tiny batches,
        /// where a hidden unit can have the same value across the whole batch.
        /// </summary>
        public float BatchNormEpsilon { get; set; }

        /// <summary>How the weights start (default <see cref="MlpInitialization.Scaled"/>, part 3's).</summary>
        public MlpInitialization Initialization { get; set; } = MlpInitialization.Scaled;

        /// <summary>The total number of steps the model has after training (default 200,000); a resumed run continues to it.</summary>
        public int Steps { get; set; } = 200_000;

        /// <summary>Examples per step, drawn uniformly with replacement as torch.randint does (default 32).</summary>
        public int BatchSize { get; set; } = 32;

        /// <summary>The learning rate up to and including step <see cref="DecayStep"/> (default 0.1).</summary>
        public float LearningRate { get; set; } = 0.1f;

        /// <summary>The learning rate after step <see cref="DecayStep"/> (default 0.01).</summary>
        public float DecayedLearningRate { get; set; } = 0.01f;

        /// <summary>The last step at <see cref="LearningRate"/> (default 100,000; 0 decays from the first step).</summary>
        public int DecayStep { get; set; } = 100_000;

        /// <summary>
        /// Seeds the one generator, PyTorch's (<see cref="TorchGenerator"/>; only the low 32 bits count), that draws the
        /// initial weights and then every mini-batch. The default, 2147483647, is the lecture's: the default run starts
        /// from the lecture's weights and draws its batches.
        /// </summary>
        public long Seed { get; set; } = DefaultSeed;

        /// <summary>Measure the loss on the validation names every this many steps, and at the last step (default 10,000; 0: only at the last step).</summary>
        public int DevLossInterval { get; set; } = 10_000;

        /// <summary>Measure activation and gradient statistics every this many steps (default 0: never).</summary>
        public int DiagnosticsInterval { get; set; }

        /// <summary>The learning rate of a step (numbered from 1).</summary>
        public float LearningRateAt(int step) => step <= DecayStep ? LearningRate : DecayedLearningRate;

        /// <summary>A copy of these options.</summary>
        public MlpTrainingOptions Clone() => (MlpTrainingOptions)MemberwiseClone();

        /// <summary>Checks every setting.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message says which and why.</exception>
        public void Validate()
        {
            RequireRange(BlockSize, 1, 64, nameof(BlockSize));
            RequireRange(EmbeddingSize, 1, 4096, nameof(EmbeddingSize));
            RequireRange(HiddenSize, 1, 65536, nameof(HiddenSize));
            RequireRange(Steps, 0, int.MaxValue, nameof(Steps));
            RequireRange(BatchSize, BatchNorm ? 2 : 1, 1 << 20, nameof(BatchSize));
            RequireRange(DecayStep, 0, int.MaxValue, nameof(DecayStep));
            RequireRange(DevLossInterval, 0, int.MaxValue, nameof(DevLossInterval));
            RequireRange(DiagnosticsInterval, 0, int.MaxValue, nameof(DiagnosticsInterval));
            RequirePositive(LearningRate, nameof(LearningRate));
            RequirePositive(DecayedLearningRate, nameof(DecayedLearningRate));
            if (!(BatchNormMomentum >= 0f && BatchNormMomentum <= 1f))
            {
                throw new ArgumentOutOfRangeException(nameof(BatchNormMomentum), BatchNormMomentum, "The BatchNorm momentum must be from 0 to 1.");
            }

            if (!(BatchNormEpsilon >= 0f) || float.IsInfinity(BatchNormEpsilon))
            {
                throw new ArgumentOutOfRangeException(nameof(BatchNormEpsilon), BatchNormEpsilon, "The BatchNorm epsilon must be a finite number of 0 or more.");
            }

            if (!Enum.IsDefined(typeof(MlpInitialization), Initialization))
            {
                throw new ArgumentOutOfRangeException(nameof(Initialization), Initialization, "The initialization must be Scaled or Gaussian.");
            }

            if ((long)BlockSize * EmbeddingSize > 65536)
            {
                throw new ArgumentOutOfRangeException(nameof(EmbeddingSize), EmbeddingSize, "BlockSize × EmbeddingSize, the first layer's input width, must be at most 65,536.");
            }
        }

        /// <summary>Whether <paramref name="other"/> describes the same network shape (block, embedding and hidden sizes, BatchNorm).</summary>
        public bool HasSameArchitecture(MlpTrainingOptions other) =>
            other != null && BlockSize == other.BlockSize && EmbeddingSize == other.EmbeddingSize && HiddenSize == other.HiddenSize && BatchNorm == other.BatchNorm;

        /// <inheritdoc/>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "BlockSize={0}, EmbeddingSize={1}, HiddenSize={2}, BatchNorm={3}, Initialization={4}, Steps={5}, BatchSize={6}, LearningRate={7}, DecayedLearningRate={8}, DecayStep={9}, Seed={10}",
            BlockSize, EmbeddingSize, HiddenSize, BatchNorm, Initialization, Steps, BatchSize, LearningRate, DecayedLearningRate, DecayStep, Seed);

        private static void RequireRange(int value, int minimum, int maximum, string name)
        {
            if (value < minimum || value > maximum)
            {
                throw new ArgumentOutOfRangeException(name, value, string.Format(CultureInfo.InvariantCulture, "{0} must be from {1} to {2}.", name, minimum, maximum));
            }
        }

        private static void RequirePositive(float value, string name)
        {
            if (!(value > 0f) || float.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number greater than 0.");
            }
        }
    }
}
