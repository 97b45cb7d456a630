using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>
    /// What one training step saw: the loss of its forward pass (before its update, as the lecture's loop prints it),
    /// the two parts of that loss, and the norm of the gradient it applied.
    /// </summary>
    public sealed class TrainingRecord
    {
        /// <summary>Creates a record.</summary>
        public TrainingRecord(int step, double loss, double negativeLogLikelihood, double regularization, double gradientNorm)
        {
            Step = step;
            Loss = loss;
            NegativeLogLikelihood = negativeLogLikelihood;
            Regularization = regularization;
            GradientNorm = gradientNorm;
        }

        /// <summary>The step number, from 1.</summary>
        public int Step { get; }

        /// <summary>Mean NLL plus the regularization term.</summary>
        public double Loss { get; }

        /// <summary>The mean negative log-likelihood part of the loss.</summary>
        public double NegativeLogLikelihood { get; }

        /// <summary>The λ·mean(W²) part of the loss.</summary>
        public double Regularization { get; }

        /// <summary>The Frobenius norm of the gradient.</summary>
        public double GradientNorm { get; }

        /// <inheritdoc/>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "step {0}: loss {1:F6}", Step, Loss);
    }
}
