using System;

namespace MakemorePS.Core
{
    /// <summary>One layer's activation statistics at one step, as <see cref="ActivationChart"/> draws them.</summary>
    public readonly struct ActivationPoint
    {
        /// <summary>Creates a point.</summary>
        /// <param name="step">The step after which the statistics were taken.</param>
        /// <param name="layer">The layer's name, such as Tanh.</param>
        /// <param name="std">The std of the layer's outputs over the batch.</param>
        /// <param name="saturatedFraction">For a tanh layer, the fraction of outputs with |h| &gt; 0.97; null for other layers.</param>
        public ActivationPoint(int step, string layer, double std, double? saturatedFraction = null)
        {
            if (string.IsNullOrEmpty(layer))
            {
                throw new ArgumentException("A layer needs a name.", nameof(layer));
            }

            Step = step;
            Layer = layer;
            Std = std;
            SaturatedFraction = saturatedFraction;
        }

        /// <summary>The step after which the statistics were taken.</summary>
        public int Step { get; }

        /// <summary>The layer's name.</summary>
        public string Layer { get; }

        /// <summary>The std of the layer's outputs over the batch.</summary>
        public double Std { get; }

        /// <summary>For a tanh layer, the fraction of saturated outputs (|h| &gt; 0.97); null for other layers.</summary>
        public double? SaturatedFraction { get; }

        /// <summary>The point of an activation statistics record.</summary>
        public static ActivationPoint From(MlpActivationStatistics record) =>
            record is null
                ? throw new ArgumentNullException(nameof(record))
                : new ActivationPoint(record.Step, record.Layer, record.Std, record.SaturatedFraction);
    }
}
