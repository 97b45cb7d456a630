using System;
using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>How the weights of the neural model start.</summary>
    public enum WeightInitialization
    {
        /// <summary>Seeded standard normal, as in the lecture (default).</summary>
        Random,

        /// <summary>All zeros: every row starts uniform, so the first loss is ln V.</summary>
        Zeros,

        /// <summary>log(N + k): starts at the count model's solution.</summary>
        LogCounts,
    }

    /// <summary>Which implementation computes the loss and gradient of a step.</summary>
    public enum GradientPath
    {
        /// <summary>Count matrix for full batches, per example for mini-batches.</summary>
        Auto,

        /// <summary>Per example, as PyTorch does it: O(B·V) per step.</summary>
        PerExample,

        /// <summary>From the count matrix, a sufficient statistic: O(V²) per full-batch step.</summary>
        CountMatrix,
    }

    /// <summary>The settings of gradient-descent training; saved with a trained model.</summary>
    public sealed class TrainingOptions
    {
        /// <summary>How many gradient steps to take (default 100).</summary>
        public int Steps { get; set; } = 100;

        /// <summary>The step size (default 50, as in the lecture).</summary>
        public float LearningRate { get; set; } = 50f;

        /// <summary>λ in loss = mean NLL + λ·mean(W²) (default 0.01).</summary>
        public float Regularization { get; set; } = 0.01f;

        /// <summary>Seeds weight initialization and mini-batch shuffling (default 2147483647, as in the lecture).</summary>
        public long Seed { get; set; } = 2147483647L;

        /// <summary>How the weights start (default <see cref="WeightInitialization.Random"/>).</summary>
        public WeightInitialization Initialization { get; set; } = WeightInitialization.Random;

        /// <summary>k in log(N + k) for <see cref="WeightInitialization.LogCounts"/> (default 1).</summary>
        public double InitializationSmoothing { get; set; } = 1.0;

        /// <summary>Examples per step; 0 means the full batch (default 0).</summary>
        public int BatchSize { get; set; }

        /// <summary>Which implementation computes each step (default <see cref="GradientPath.Auto"/>).</summary>
        public GradientPath GradientPath { get; set; } = GradientPath.Auto;

        /// <summary>A copy of these settings.</summary>
        public TrainingOptions Clone() => (TrainingOptions)MemberwiseClone();

        /// <summary>Checks every setting.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message says which and why.</exception>
        public void Validate()
        {
            if (Steps < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Steps must be 0 or more.");
            }

            if (!(LearningRate > 0f) || float.IsInfinity(LearningRate))
            {
                throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be a finite number greater than 0.");
            }

            if (!(Regularization >= 0f) || float.IsInfinity(Regularization))
            {
                throw new ArgumentOutOfRangeException(nameof(Regularization), Regularization, "The regularization strength must be a finite number of 0 or more.");
            }

            if (!(InitializationSmoothing >= 0.0) || double.IsInfinity(InitializationSmoothing))
            {
                throw new ArgumentOutOfRangeException(nameof(InitializationSmoothing), InitializationSmoothing, "Smoothing must be a finite number of 0 or more.");
            }

            if (BatchSize < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be 0 (full batch) or more.");
            }

            if (GradientPath == GradientPath.CountMatrix && BatchSize > 0)
            {
                throw new ArgumentOutOfRangeException(nameof(GradientPath), GradientPath, "The count-matrix path computes full-batch steps only; use Auto or PerExample with a batch size.");
            }
        }

        /// <inheritdoc/>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "Steps={0}, LearningRate={1}, Regularization={2}, Seed={3}, Initialization={4}, BatchSize={5}", Steps, LearningRate, Regularization, Seed, Initialization, BatchSize);
    }
}
