namespace MakemorePS.Core
{
    /// <summary>
    /// One step of a training run as the loss chart draws it: the loss, and the parts and measurements that some
    /// trainers record (null where a trainer records none).
    /// </summary>
    public readonly struct TrainingPoint
    {
        /// <summary>Creates a point.</summary>
        public TrainingPoint(int step, double loss, double? negativeLogLikelihood = null, double? regularization = null, double? devLoss = null)
        {
            Step = step;
            Loss = loss;
            NegativeLogLikelihood = negativeLogLikelihood;
            Regularization = regularization;
            DevLoss = devLoss;
        }

        /// <summary>The step number.</summary>
        public int Step { get; }

        /// <summary>The loss the optimizer minimized.</summary>
        public double Loss { get; }

        /// <summary>The mean negative log-likelihood part of the loss, when the trainer records it.</summary>
        public double? NegativeLogLikelihood { get; }

        /// <summary>The regularization part of the loss, when the trainer records it.</summary>
        public double? Regularization { get; }

        /// <summary>The loss on held-out (dev) names, when the trainer measured it at this step.</summary>
        public double? DevLoss { get; }

        /// <summary>The point of a bigram training step.</summary>
        public static TrainingPoint From(TrainingRecord record) =>
            new TrainingPoint(record.Step, record.Loss, record.NegativeLogLikelihood, record.Regularization);

        /// <summary>The point of an MLP training step.</summary>
        public static TrainingPoint From(MlpTrainingRecord record) =>
            new TrainingPoint(record.Step, record.Loss, devLoss: record.DevLoss);
    }
}
