namespace MakemorePS.Core
{
    /// <summary>The outcome of <see cref="BigramTrainer.Run"/>: the model and whether cancellation cut the run short.</summary>
    public sealed class TrainingResult
    {
        /// <summary>Creates a result.</summary>
        public TrainingResult(BigramModel model, bool cancelled, int stepsTaken)
        {
            Model = model;
            Cancelled = cancelled;
            StepsTaken = stepsTaken;
        }

        /// <summary>The trained model: after the last completed step (the last good weights when cancelled).</summary>
        public BigramModel Model { get; }

        /// <summary>Whether cancellation stopped training before all requested steps ran.</summary>
        public bool Cancelled { get; }

        /// <summary>The steps this run took (not counting those of a model it continued from).</summary>
        public int StepsTaken { get; }
    }
}
