using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using static MakemorePS.Core.ModelJson;

namespace MakemorePS.Core
{
    /// <summary>Reads and validates the MLP JSON that <see cref="MlpModelFormat"/> describes; refusals name the JSON path at fault.</summary>
    internal static class MlpModelReader
    {
        /// <summary>Reads an MLP model from the root object of a file whose "format" has been checked.</summary>
        internal static MlpModel Read(JsonElement root)
        {
            JsonElement versionElement = Required(root, "formatVersion", JsonValueKind.Number);
            if (!versionElement.TryGetInt64(out long wholeVersion))
            {
                throw new ModelFormatException($"\"formatVersion\" is {versionElement.GetRawText()}; it must be a whole number.");
            }

            if (wholeVersion > MlpModelFormat.FormatVersion)
            {
                throw new ModelFormatException($"The file has format version {wholeVersion}, written by a newer MakemorePS; this version reads MLP models of format {MlpModelFormat.FirstFormatVersion} to {MlpModelFormat.FormatVersion}. Update MakemorePS to load it.");
            }

            if (wholeVersion < MlpModelFormat.FirstFormatVersion)
            {
                throw new ModelFormatException($"\"formatVersion\" is {wholeVersion}; an MLP model has format version {MlpModelFormat.FirstFormatVersion} to {MlpModelFormat.FormatVersion}.");
            }

            int version = (int)wholeVersion;

            Vocabulary vocabulary = ModelReader.ReadVocabulary(Required(root, "vocabulary", JsonValueKind.Array));
            JsonElement architecture = Required(root, "architecture", JsonValueKind.Object);
            var settings = new MlpTrainingOptions
            {
                BlockSize = ReadInt32(architecture, "blockSize", "architecture"),
                EmbeddingSize = ReadInt32(architecture, "embeddingSize", "architecture"),
                HiddenSize = ReadInt32(architecture, "hiddenSize", "architecture"),
                BatchNorm = ReadBoolean(architecture, "batchNorm", "architecture"),
            };
            ReadSettings(Required(root, "trainingSettings", JsonValueKind.Object), settings);
            try
            {
                settings.Validate();
            }
            catch (ArgumentOutOfRangeException error)
            {
                throw new ModelFormatException($"\"architecture\" or \"trainingSettings\" are invalid: {error.Message}", error);
            }

            var p = new MlpParameters(vocabulary.Count, settings.BlockSize, settings.EmbeddingSize, settings.HiddenSize, settings.BatchNorm);
            JsonElement parameters = Required(root, "parameters", JsonValueKind.Object);
            foreach ((string name, float[] values, int rows, int columns) in p.Trained())
            {
                ReadTensor(Required(parameters, name, JsonValueKind.Array, "parameters"), "parameters." + name, values, rows, columns);
            }

            if (settings.BatchNorm)
            {
                JsonElement running = Required(root, "batchNormRunning", JsonValueKind.Object);
                ReadTensor(Required(running, "mean", JsonValueKind.Array, "batchNormRunning"), "batchNormRunning.mean", p.RunningMean, 1, p.HiddenSize);
                ReadTensor(Required(running, "std", JsonValueKind.Array, "batchNormRunning"), "batchNormRunning.std", p.RunningStd, 1, p.HiddenSize);
                for (int j = 0; j < p.HiddenSize; j++)
                {
                    if (!(p.RunningStd[j] > 0f))
                    {
                        throw new ModelFormatException($"\"batchNormRunning.std\"[{j}] is {p.RunningStd[j].ToString(CultureInfo.InvariantCulture)}; a running std must be greater than 0.");
                    }
                }
            }
            else
            {
                RequireAbsent(root, "batchNormRunning", "the model has no BatchNorm");
            }

            JsonElement state = Required(root, "trainingState", JsonValueKind.Object);
            int steps = ReadInt32(state, "steps", "trainingState");
            if (steps < 0)
            {
                throw new ModelFormatException($"\"trainingState.steps\" is {steps}; it must be 0 or more.");
            }

            MlpGeneratorState generator = ReadGenerator(state, version);
            MlpTrainingRecord[] history = ReadLossHistory(root, steps);
            return new MlpModel(vocabulary, p, settings, ModelReader.ReadTrainingNames(root), steps,
                ReadOptionalReal(state, "finalLoss"), ReadDevLoss(state, history, steps), generator,
                history, ReadActivationStatistics(root, steps), ReadGradientStatistics(root, steps, p));
        }

        // Format 2 files hold PCG32's state only; format 3 says which generator.
        private static MlpGeneratorState ReadGenerator(JsonElement state, int version)
        {
            string generator = version < 3 ? MlpModelFormat.Pcg32Generator : Required(state, "generator", JsonValueKind.String, "trainingState").GetString()!;
            if (generator == MlpModelFormat.TorchGenerator)
            {
                JsonElement seed = Required(state, "generatorSeed", JsonValueKind.Number, "trainingState");
                long seedValue = seed.TryGetInt64(out long value) ? value : throw new ModelFormatException($"\"trainingState.generatorSeed\" is {seed.GetRawText()}; it must be a whole number.");
                string text = Required(state, "generatorWords", JsonValueKind.String, "trainingState").GetString()!;
                byte[] bytes = TryFromBase64(text) ?? throw new ModelFormatException("\"trainingState.generatorWords\" is not base64.");
                if (bytes.Length != 4 * Mt19937.StateWords)
                {
                    throw new ModelFormatException($"\"trainingState.generatorWords\" holds {bytes.Length} bytes; an MT19937 state is {4 * Mt19937.StateWords}.");
                }

                uint[] words = MlpModelFormat.WordsFromBytes(bytes);
                JsonElement indexElement = Required(state, "generatorIndex", JsonValueKind.Number, "trainingState");
                if (!indexElement.TryGetInt32(out int index) || index < 0 || index > Mt19937.StateWords)
                {
                    throw new ModelFormatException($"\"trainingState.generatorIndex\" is {indexElement.GetRawText()}; it must be a whole number from 0 to {Mt19937.StateWords}.");
                }

                try
                {
                    return new TorchGeneratorState(seedValue, words, index);
                }
                catch (ArgumentException error)
                {
                    // The lengths and the index are checked above: what is left is a state of all zero bits.
                    throw new ModelFormatException("\"trainingState.generatorWords\" is all zero bits, which no generator reaches.", error);
                }
            }

            if (generator != MlpModelFormat.Pcg32Generator)
            {
                throw new ModelFormatException($"\"trainingState.generator\" is \"{generator}\"; it must be \"{MlpModelFormat.TorchGenerator}\" or \"{MlpModelFormat.Pcg32Generator}\".");
            }

            ulong generatorState = ReadHex(state, "generatorState");
            ulong generatorIncrement = ReadHex(state, "generatorIncrement");
            return (generatorIncrement & 1UL) == 1
                ? new Pcg32GeneratorState(generatorState, generatorIncrement)
                : throw new ModelFormatException("\"trainingState.generatorIncrement\" is even; a PCG32 increment is always odd.");
        }

        private static byte[]? TryFromBase64(string text)
        {
            try
            {
                return Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        // Files written before "devLoss" meant the dev loss at the last step may hold an earlier step's: the history,
        // when it reaches the last step, says whether that step was measured.
        private static double? ReadDevLoss(JsonElement state, MlpTrainingRecord[] history, int steps)
        {
            MlpTrainingRecord? last = history.Length > 0 ? history[history.Length - 1] : null;
            return last is not null && last.Step == steps ? last.DevLoss : ReadOptionalReal(state, "devLoss");
        }

        // Absent from files written before models kept their history: then empty.
        private static MlpTrainingRecord[] ReadLossHistory(JsonElement root, int steps)
        {
            JsonColumns table = JsonColumns.Read(root, "lossHistory", "step", "loss", "learningRate", "devLoss");
            var records = new MlpTrainingRecord[table.Count];
            for (int i = 0; i < records.Length; i++)
            {
                int step = table.Step("step", i, i == 0 ? 1 : records[i - 1].Step + 1, steps);
                records[i] = new MlpTrainingRecord(step, table.Real("loss", i), table.Single("learningRate", i), table.OptionalReal("devLoss", i));
            }

            return records;
        }

        private static MlpActivationStatistics[] ReadActivationStatistics(JsonElement root, int steps)
        {
            JsonColumns table = JsonColumns.Read(root, "activationStatistics", "step", "layer", "mean", "std", "saturatedFraction");
            var records = new MlpActivationStatistics[table.Count];
            for (int i = 0; i < records.Length; i++)
            {
                int step = table.Step("step", i, i == 0 ? 1 : records[i - 1].Step, steps);
                records[i] = new MlpActivationStatistics(step, table.Text("layer", i), table.Real("mean", i), table.Real("std", i), table.OptionalReal("saturatedFraction", i));
            }

            return records;
        }

        private static MlpGradientStatistics[] ReadGradientStatistics(JsonElement root, int steps, MlpParameters parameters)
        {
            var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((string name, _, int rows, int columns) in parameters.Trained())
            {
                shapes.Add(name, MlpGradientStatistics.FormatShape(rows, columns));
            }

            JsonColumns table = JsonColumns.Read(root, "gradientStatistics",
                "step", "parameter", "gradientMean", "gradientStd", "dataStd", "gradientToDataRatio", "updateToDataRatioLog10");
            var records = new MlpGradientStatistics[table.Count];
            for (int i = 0; i < records.Length; i++)
            {
                int step = table.Step("step", i, i == 0 ? 1 : records[i - 1].Step, steps);
                string parameter = table.Text("parameter", i);
                if (!shapes.TryGetValue(parameter, out string? shape))
                {
                    throw new ModelFormatException($"\"gradientStatistics.parameter\"[{i}] is \"{parameter}\"; the model's parameters are {string.Join(", ", shapes.Keys)}.");
                }

                records[i] = new MlpGradientStatistics(step, parameter, shape, table.Real("gradientMean", i), table.Real("gradientStd", i),
                    table.Real("dataStd", i), table.OptionalReal("gradientToDataRatio", i), table.OptionalReal("updateToDataRatioLog10", i));
            }

            return records;
        }

        private static void ReadSettings(JsonElement element, MlpTrainingOptions settings)
        {
            const string Where = "trainingSettings";
            string initialization = Required(element, "initialization", JsonValueKind.String, Where).GetString()!;
            settings.Initialization = initialization == nameof(MlpInitialization.Scaled) ? MlpInitialization.Scaled
                : initialization == nameof(MlpInitialization.Gaussian) ? MlpInitialization.Gaussian
                : throw new ModelFormatException($"\"trainingSettings.initialization\" is \"{initialization}\"; it must be Scaled or Gaussian.");
            settings.Steps = ReadInt32(element, "steps", Where);
            settings.BatchSize = ReadInt32(element, "batchSize", Where);
            settings.LearningRate = ReadSingle(element, "learningRate", Where);
            settings.DecayedLearningRate = ReadSingle(element, "decayedLearningRate", Where);
            settings.DecayStep = ReadInt32(element, "decayStep", Where);
            settings.BatchNormMomentum = ReadSingle(element, "batchNormMomentum", Where);
            settings.BatchNormEpsilon = ReadSingle(element, "batchNormEpsilon", Where);
            JsonElement seed = Required(element, "seed", JsonValueKind.Number, Where);
            settings.Seed = seed.TryGetInt64(out long value) ? value : throw new ModelFormatException($"\"trainingSettings.seed\" is {seed.GetRawText()}; it must be a whole number.");
            settings.DevLossInterval = ReadInt32(element, "devLossInterval", Where);
            settings.DiagnosticsInterval = ReadInt32(element, "diagnosticsInterval", Where);
        }

        private static void ReadTensor(JsonElement array, string where, float[] destination, int rows, int columns)
        {
            if (rows == 1)
            {
                ReadRow(array, where, destination.AsSpan(0, columns));
                return;
            }

            if (array.GetArrayLength() != rows)
            {
                throw new ModelFormatException($"\"{where}\" has {array.GetArrayLength()} rows; the architecture needs {rows}.");
            }

            int i = 0;
            foreach (JsonElement row in array.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array)
                {
                    throw new ModelFormatException($"\"{where}\"[{i}] is {Describe(row.ValueKind)}; each row must be an array.");
                }

                ReadRow(row, $"{where}[{i}]", destination.AsSpan(i * columns, columns));
                i++;
            }
        }

        private static void ReadRow(JsonElement row, string where, Span<float> destination)
        {
            if (row.GetArrayLength() != destination.Length)
            {
                throw new ModelFormatException($"\"{where}\" has {row.GetArrayLength()} values; the architecture needs {destination.Length}.");
            }

            int j = 0;
            foreach (JsonElement cell in row.EnumerateArray())
            {
                if (cell.ValueKind != JsonValueKind.Number || !cell.TryGetSingle(out float value) || float.IsNaN(value) || float.IsInfinity(value))
                {
                    throw new ModelFormatException($"\"{where}\"[{j}] is {cell.GetRawText()}; weights must be finite numbers.");
                }

                destination[j++] = value;
            }
        }

        private static int ReadInt32(JsonElement parent, string property, string where)
        {
            JsonElement element = Required(parent, property, JsonValueKind.Number, where);
            return element.TryGetInt32(out int value) ? value : throw new ModelFormatException($"\"{where}.{property}\" is {element.GetRawText()}; it must be a whole number.");
        }

        private static float ReadSingle(JsonElement parent, string property, string where)
        {
            JsonElement element = Required(parent, property, JsonValueKind.Number, where);
            return element.TryGetSingle(out float value) ? value : throw new ModelFormatException($"\"{where}.{property}\" is {element.GetRawText()}; it must be a number.");
        }

        private static bool ReadBoolean(JsonElement parent, string property, string where)
        {
            if (parent.TryGetProperty(property, out JsonElement element) && (element.ValueKind == JsonValueKind.True || element.ValueKind == JsonValueKind.False))
            {
                return element.GetBoolean();
            }

            throw new ModelFormatException($"\"{where}.{property}\" must be true or false.");
        }

        private static ulong ReadHex(JsonElement state, string property)
        {
            string text = Required(state, property, JsonValueKind.String, "trainingState").GetString()!;
            return text.Length == 16 && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value)
                ? value
                : throw new ModelFormatException($"\"trainingState.{property}\" is \"{text}\"; it must be 16 hexadecimal digits.");
        }

        private static double? ReadOptionalReal(JsonElement state, string property)
        {
            if (!state.TryGetProperty(property, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return ReadReal(state, property, "trainingState");
        }
    }
}
