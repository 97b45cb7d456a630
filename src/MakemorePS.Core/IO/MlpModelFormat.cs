namespace MakemorePS.Core
{
    /// <summary>
    /// The JSON of an MLP model, format version 2 of the model file (bigram files stay at version 1, so every older
    /// MakemorePS refuses an MLP file as "written by a newer MakemorePS" instead of misreading it). An object with:
    /// "format" ("MakemorePS.BigramModel", the marker of every model file), "formatVersion" (2), "createdBy", "kind" ("Mlp"),
    /// "vocabulary", "architecture" {blockSize, embeddingSize, hiddenSize, batchNorm}, "parameters" {C: V rows of d,
    /// W1: B·d rows of H, b1 or bngain and bnbias: H values, W2: H rows of V, b2: V values; the lecture's layouts},
    /// "batchNormRunning" {mean, std: H values each; with BatchNorm only}, "trainingSettings" (every option),
    /// "trainingState" {steps, finalLoss, devLoss, generatorState, generatorIncrement (PCG32, 16 hex digits each)},
    /// "lossHistory" {step, loss, learningRate, devLoss (null where not measured)}, "activationStatistics" {step, layer,
    /// mean, std, saturatedFraction} and "gradientStatistics" {step, parameter, gradientMean, gradientStd, dataStd,
    /// gradientToDataRatio, updateToDataRatioLog10} (records column by column: one array per field; a gradient record's
    /// shape is its parameter's), and "trainingNames" (every training name in training order, duplicates included: the
    /// examples that continued training draws from). Float32 values are written in their shortest round-trip form, so a
    /// loaded model is bit-identical.
    /// </summary>
    /// <remarks>
    /// The history, the statistics and the repeated names came after the first MLP files, which lack the history and the
    /// statistics (they load with none) and hold each name once (their NameCount counts distinct names). Readers that
    /// predate them ignore the history and statistics and keep each name once, so the version stayed 2.
    /// </remarks>
    internal static class MlpModelFormat
    {
        /// <summary>The "kind" of an MLP file.</summary>
        internal const string Kind = "Mlp";

        /// <summary>The format version of MLP files.</summary>
        internal const int FormatVersion = 2;
    }
}
