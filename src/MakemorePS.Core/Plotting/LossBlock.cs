namespace MakemorePS.Core
{
    /// <summary>The means of a training run's loss and its parts over one block of steps (see <see cref="LossAverage"/>).</summary>
    public sealed class LossBlock
    {
        /// <summary>Creates a block.</summary>
        public LossBlock(long firstStep, long lastStep, double? loss, double? negativeLogLikelihood, double? regularization)
        {
            FirstStep = firstStep;
            LastStep = lastStep;
            Loss = loss;
            NegativeLogLikelihood = negativeLogLikelihood;
            Regularization = regularization;
        }

        /// <summary>The first step of the run in the block.</summary>
        public long FirstStep { get; }

        /// <summary>The last step of the run in the block.</summary>
        public long LastStep { get; }

        /// <summary>The middle of the block's steps, where the chart draws its means.</summary>
        public double Step => (FirstStep + LastStep) / 2.0;

        /// <summary>The mean loss; null when no step of the block has a finite one.</summary>
        public double? Loss { get; }

        /// <summary>The mean NLL part, when the records hold it.</summary>
        public double? NegativeLogLikelihood { get; }

        /// <summary>The mean regularization part, when the records hold it.</summary>
        public double? Regularization { get; }
    }
}
