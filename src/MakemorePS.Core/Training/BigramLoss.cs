using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>The loss of one forward pass of the neural bigram model: mean NLL + λ·mean(W²).</summary>
    public readonly struct BigramLoss
    {
        /// <summary>Creates a loss from its two parts.</summary>
        public BigramLoss(double negativeLogLikelihood, double regularization)
        {
            NegativeLogLikelihood = negativeLogLikelihood;
            Regularization = regularization;
        }

        /// <summary>The mean negative log-likelihood over the batch.</summary>
        public double NegativeLogLikelihood { get; }

        /// <summary>λ·mean(W²).</summary>
        public double Regularization { get; }

        /// <summary>The sum of both parts.</summary>
        public double Loss => NegativeLogLikelihood + Regularization;

        /// <summary>Whether the loss is a finite number (neither NaN nor ±∞).</summary>
        public bool IsFinite => !double.IsNaN(Loss) && !double.IsInfinity(Loss);

        /// <inheritdoc/>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "loss {0:R} (NLL {1:R} + regularization {2:R})", Loss, NegativeLogLikelihood, Regularization);
    }
}
