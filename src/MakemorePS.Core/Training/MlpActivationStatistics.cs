using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>
    /// makemore part 3's activation diagnostic for one layer's output over a mini-batch: its mean, its std, and for tanh
    /// the fraction of saturated units (|h| &gt; 0.97), where the gradient all but vanishes.
    /// </summary>
    public sealed class MlpActivationStatistics
    {
        /// <summary>The |h| above which a tanh unit counts as saturated.</summary>
        public const double SaturationThreshold = 0.97;

        /// <summary>Creates a record.</summary>
        public MlpActivationStatistics(int step, string layer, double mean, double std, double? saturatedFraction)
        {
            Step = step;
            Layer = layer;
            Mean = mean;
            Std = std;
            SaturatedFraction = saturatedFraction;
        }

        /// <summary>The step after which the statistics were taken.</summary>
        public int Step { get; }

        /// <summary>Embedding, Linear1, BatchNorm, Tanh or Linear2 (the logits).</summary>
        public string Layer { get; }

        /// <summary>The mean of the layer's outputs over the batch.</summary>
        public double Mean { get; }

        /// <summary>The (unbiased) std of the layer's outputs over the batch.</summary>
        public double Std { get; }

        /// <summary>For the tanh layer, the fraction of outputs with |h| &gt; 0.97; null for other layers.</summary>
        public double? SaturatedFraction { get; }

        /// <inheritdoc/>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "step {0} {1}: mean {2:F4}, std {3:F4}", Step, Layer, Mean, Std);
    }
}
