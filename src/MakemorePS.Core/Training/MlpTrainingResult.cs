namespace MakemorePS.Core
{
    /// <summary>The outcome of <see cref="MlpTrainer.Train(System.Action{MlpTrainingRecord}, System.Threading.CancellationToken)"/>: the model and whether cancellation cut the run short.</summary>
    public sealed class MlpTrainingResult
    {
        /// <summary>Creates a result.</summary>
        public MlpTrainingResult(MlpModel model, bool cancelled, int stepsTaken)
        {
            Model = model;
            Cancelled = cancelled;
            StepsTaken = stepsTaken;
        }

        /// <summary>The model after the last completed step; it resumes exactly from there.</summary>
        public MlpModel Model { get; }

        /// <summary>Whether cancellation stopped training before <see cref="MlpTrainingOptions.Steps"/>.</summary>
        public bool Cancelled { get; }

        /// <summary>The steps this run took (not counting those of the model it resumed from).</summary>
        public int StepsTaken { get; }
    }
}
