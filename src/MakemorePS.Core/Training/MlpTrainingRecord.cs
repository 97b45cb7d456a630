using System;
using System.Collections.Generic;
using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>What one MLP training step saw: its mini-batch loss (before its update), its learning rate, and the dev loss when measured.</summary>
    public sealed class MlpTrainingRecord
    {
        private readonly IReadOnlyList<MlpActivationStatistics> _activations;
        private readonly IReadOnlyList<MlpGradientStatistics> _gradients;

        /// <summary>Creates a record.</summary>
        public MlpTrainingRecord(int step, double loss, float learningRate, double? devLoss = null,
            IReadOnlyList<MlpActivationStatistics>? activations = null, IReadOnlyList<MlpGradientStatistics>? gradients = null)
        {
            Step = step;
            Loss = loss;
            LearningRate = learningRate;
            DevLoss = devLoss;
            _activations = activations ?? Array.Empty<MlpActivationStatistics>();
            _gradients = gradients ?? Array.Empty<MlpGradientStatistics>();
        }

        /// <summary>The step number, from 1 (counting the steps of a model training resumed from).</summary>
        public int Step { get; }

        /// <summary>The mean cross-entropy of the step's mini-batch, from its forward pass before the update.</summary>
        public double Loss { get; }

        /// <summary>The learning rate of the step's update.</summary>
        public float LearningRate { get; }

        /// <summary>The mean negative log-likelihood of the validation names after this step, when measured here; otherwise null.</summary>
        public double? DevLoss { get; }

        /// <summary>Per-layer activation statistics after this step when diagnostics were measured here; otherwise empty.</summary>
        /// <remarks>Methods, not properties, so the record stays flat data for Export-Csv.</remarks>
        public IReadOnlyList<MlpActivationStatistics> GetActivationStatistics() => _activations;

        /// <summary>Per-parameter gradient statistics of this step when diagnostics were measured here; otherwise empty.</summary>
        public IReadOnlyList<MlpGradientStatistics> GetGradientStatistics() => _gradients;

        /// <inheritdoc/>
        public override string ToString() => DevLoss is double dev
            ? string.Format(CultureInfo.InvariantCulture, "step {0}: loss {1:F4}, dev loss {2:F4}", Step, Loss, dev)
            : string.Format(CultureInfo.InvariantCulture, "step {0}: loss {1:F4}", Step, Loss);
    }
}
