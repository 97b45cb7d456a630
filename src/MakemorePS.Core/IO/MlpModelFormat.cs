using System;
using System.Buffers.Binary;

namespace MakemorePS.Core
{
    /// <summary>
    /// The JSON of an MLP model, format version 3 of the model file (bigram files stay at version 1, so every older
    /// MakemorePS refuses an MLP file as "written by a newer MakemorePS" instead of misreading it). An object with:
    /// "format" ("MakemorePS.BigramModel", the marker of every model file), "formatVersion" (3), "createdBy", "kind" ("Mlp"),
    /// "vocabulary", "architecture" {blockSize, embeddingSize, hiddenSize, batchNorm}, "parameters" {C: V rows of d,
    /// W1: B·d rows of H, b1 or bngain and bnbias: H values, W2: H rows of V, b2: V values; the lecture's layouts},
    /// "batchNormRunning" {mean, std: H values each; with BatchNorm only}, "trainingSettings" (every option),
    /// "trainingState" {steps, finalLoss, devLoss (measured at the last step, else null), generator ("PyTorch": generatorSeed,
    /// generatorWords, the engine's 624 MT19937 words as base64 of their little-endian bytes, and generatorIndex, its
    /// position in them; "Pcg32", models first saved in format 2: generatorState and generatorIncrement, 16 hex digits
    /// each)},
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
    /// predate them ignore the history and statistics and keep each name once, so the version stayed 2. Files written
    /// before "devLoss" meant the last step's may hold an earlier step's; readers take it from the history instead when
    /// the history reaches the last step. Format 3 came with PyTorch's generator: format 2 files, whose "trainingState"
    /// holds PCG32's state without a "generator", still load and continue with PCG32.
    /// </remarks>
    internal static class MlpModelFormat
    {
        /// <summary>The "kind" of an MLP file.</summary>
        internal const string Kind = "Mlp";

        /// <summary>The format version of the MLP files written now.</summary>
        internal const int FormatVersion = 3;

        /// <summary>The first format version of MLP files, which this version still reads.</summary>
        internal const int FirstFormatVersion = 2;

        /// <summary>"trainingState.generator" of models whose batches come from PyTorch's generator.</summary>
        internal const string TorchGenerator = "PyTorch";

        /// <summary>"trainingState.generator" of models first saved in format 2, whose batches come from PCG32.</summary>
        internal const string Pcg32Generator = "Pcg32";

        /// <summary>The little-endian bytes of MT19937 state words, as "generatorWords" holds them in base64.</summary>
        internal static byte[] WordBytes(ReadOnlySpan<uint> words)
        {
            var bytes = new byte[4 * words.Length];
            for (int i = 0; i < words.Length; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), words[i]);
            }

            return bytes;
        }

        /// <summary>The words whose little-endian bytes <paramref name="bytes"/> holds: the inverse of <see cref="WordBytes"/>.</summary>
        internal static uint[] WordsFromBytes(ReadOnlySpan<byte> bytes)
        {
            var words = new uint[bytes.Length / 4];
            for (int i = 0; i < words.Length; i++)
            {
                words[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(4 * i));
            }

            return words;
        }
    }
}
