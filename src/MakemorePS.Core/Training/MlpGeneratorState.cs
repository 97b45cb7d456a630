namespace MakemorePS.Core
{
    /// <summary>A saved <see cref="MlpBatchGenerator"/> position: what a model keeps so that resumed training draws the batches it would have drawn.</summary>
    internal abstract class MlpGeneratorState
    {
        /// <summary>A generator that continues from this position.</summary>
        public abstract MlpBatchGenerator Resume();
    }
}
