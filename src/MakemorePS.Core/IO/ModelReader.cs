using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using static MakemorePS.Core.ModelJson;

namespace MakemorePS.Core
{
    /// <summary>Reads and validates the JSON format that <see cref="ModelSerializer"/> describes.</summary>
    internal static class ModelReader
    {
        /// <summary>
        /// UTF-16 text (with a byte order mark, or little-endian without one, as Windows PowerShell's Set-Content and
        /// Out-File write it) re-encoded as UTF-8; anything else unchanged.
        /// </summary>
        private static ReadOnlyMemory<byte> FromUtf16(ReadOnlyMemory<byte> data)
        {
            ReadOnlySpan<byte> bytes = data.Span;
            System.Text.Encoding? encoding = null;
            int skip = 0;
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                encoding = System.Text.Encoding.Unicode;
                skip = 2;
            }
            else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                encoding = System.Text.Encoding.BigEndianUnicode;
                skip = 2;
            }
            else if (bytes.Length >= 2 && bytes[0] != 0 && bytes[1] == 0)
            {
                // JSON starts with ASCII ('{' or white space), so a zero second byte means UTF-16LE.
                encoding = System.Text.Encoding.Unicode;
            }

            if (encoding == null)
            {
                return data;
            }

            string text = encoding.GetString(bytes.Slice(skip).ToArray());
            return System.Text.Encoding.UTF8.GetBytes(text);
        }

        /// <summary>Reads and validates a model; every refusal is a <see cref="ModelFormatException"/> whose message names the JSON path at fault.</summary>
        internal static BigramModel Read(ReadOnlyMemory<byte> utf8)
        {
            utf8 = FromUtf16(utf8);
            ReadOnlySpan<byte> bytes = utf8.Span;
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                utf8 = utf8.Slice(3);
                bytes = bytes.Slice(3);
            }

            bool blank = true;
            foreach (byte b in bytes)
            {
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                {
                    blank = false;
                    break;
                }
            }

            if (blank)
            {
                throw new ModelFormatException("The file is empty.");
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
            }
            catch (JsonException error)
            {
                string where = error.LineNumber is long line
                    ? string.Format(CultureInfo.InvariantCulture, " (at line {0}, byte {1})", line + 1, (error.BytePositionInLine ?? 0) + 1)
                    : string.Empty;
                throw new ModelFormatException($"The file is not complete, valid JSON{where}; it may be truncated or corrupt.", error);
            }

            using (document)
            {
                try
                {
                    return ReadModel(document.RootElement);
                }
                catch (OverflowException error)
                {
                    // Counts whose totals exceed Int64.MaxValue: a bad file like any other, reported per file.
                    throw new ModelFormatException("The counts add up to more than 9,223,372,036,854,775,807, the most a model can hold; the file is corrupt or was not written by MakemorePS.", error);
                }
                catch (ArgumentException error)
                {
                    // A constructor refused the parts (for example an invalid setting): still a bad file.
                    throw new ModelFormatException(error.Message, error);
                }
            }
        }

        private static BigramModel ReadModel(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ModelFormatException($"The file holds JSON but not a model: its top level is {Describe(root.ValueKind)}, not an object.");
            }

            if (!root.TryGetProperty("format", out JsonElement format) || format.ValueKind != JsonValueKind.String || format.GetString() != ModelSerializer.FormatName)
            {
                throw new ModelFormatException($"The file holds JSON but not a MakemorePS model: it lacks \"format\": \"{ModelSerializer.FormatName}\".");
            }

            if (root.TryGetProperty("kind", out JsonElement kindElement) && kindElement.ValueKind == JsonValueKind.String && kindElement.GetString() == MlpModelFormat.Kind)
            {
                throw new ModelFormatException("The file holds an MLP model (kind \"Mlp\"), not a bigram model; load it with ModelFile.Load, which reads every kind.");
            }

            JsonElement versionElement = Required(root, "formatVersion", JsonValueKind.Number);
            if (!versionElement.TryGetInt32(out int version) || version < 1)
            {
                throw new ModelFormatException($"\"formatVersion\" is {versionElement.GetRawText()}; it must be a whole number of 1 or more.");
            }

            if (version > ModelSerializer.FormatVersion)
            {
                throw new ModelFormatException($"The file has format version {version}, written by a newer MakemorePS; this version reads format {ModelSerializer.FormatVersion} and older. Update MakemorePS to load it.");
            }

            string kindText = Required(root, "kind", JsonValueKind.String).GetString()!;
            BigramModelKind kind;
            if (kindText == nameof(BigramModelKind.Counts))
            {
                kind = BigramModelKind.Counts;
            }
            else if (kindText == nameof(BigramModelKind.Neural))
            {
                kind = BigramModelKind.Neural;
            }
            else
            {
                throw new ModelFormatException($"\"kind\" is \"{kindText}\"; it must be \"Counts\" or \"Neural\".");
            }

            Vocabulary vocabulary = ReadVocabulary(Required(root, "vocabulary", JsonValueKind.Array));
            int v = vocabulary.Count;
            long nameCount = ReadCount(Required(root, "nameCount", JsonValueKind.Number), "nameCount");
            long blankLineCount = ReadCount(Required(root, "blankLineCount", JsonValueKind.Number), "blankLineCount");

            var counts = new long[v * v];
            ReadMatrix(Required(root, "counts", JsonValueKind.Array), "counts", v, (index, element, where) => counts[index] = ReadCount(element, where));
            var bigramCounts = new BigramCounts(vocabulary, counts, nameCount, blankLineCount);

            string[] trainingNames = ReadTrainingNames(root);

            return kind == BigramModelKind.Counts
                ? ReadCountModel(root, bigramCounts, trainingNames)
                : ReadNeuralModel(root, bigramCounts, trainingNames);
        }

        /// <summary>The parts only a count model has: its smoothing.</summary>
        private static BigramModel ReadCountModel(JsonElement root, BigramCounts bigramCounts, string[] trainingNames)
        {
            JsonElement smoothingElement = Required(root, "smoothing", JsonValueKind.Number);
            double smoothing = smoothingElement.GetDouble();
            if (!(smoothing >= 0.0) || double.IsInfinity(smoothing))
            {
                throw new ModelFormatException($"\"smoothing\" is {smoothingElement.GetRawText()}; it must be a finite number of 0 or more.");
            }

            RequireAbsent(root, "weights", "a count model has no weights");
            return BigramModel.FromCounts(bigramCounts, smoothing, trainingNames);
        }

        /// <summary>The parts only a neural model has: its weights, training settings and loss history.</summary>
        private static BigramModel ReadNeuralModel(JsonElement root, BigramCounts bigramCounts, string[] trainingNames)
        {
            int v = bigramCounts.Vocabulary.Count;
            RequireAbsent(root, "smoothing", "a neural model has no smoothing");
            var weights = new float[v * v];
            ReadMatrix(Required(root, "weights", JsonValueKind.Array), "weights", v, (index, element, where) =>
            {
                if (element.ValueKind != JsonValueKind.Number || !element.TryGetSingle(out float weight) || float.IsNaN(weight) || float.IsInfinity(weight))
                {
                    throw new ModelFormatException($"{where} is {element.GetRawText()}; weights must be finite numbers.");
                }

                weights[index] = weight;
            });

            TrainingOptions? settings = root.TryGetProperty("trainingSettings", out JsonElement settingsElement) && settingsElement.ValueKind != JsonValueKind.Null
                ? ReadSettings(settingsElement)
                : null;
            List<TrainingRecord> history = ReadHistory(root);
            List<TrainingRunSummary>? runs = ReadRuns(root);
            ShuffleState? shuffle = ReadShuffleState(root);
            return BigramModel.FromWeights(bigramCounts, weights, trainingNames, settings, history, runs, shuffle);
        }

        internal static Vocabulary ReadVocabulary(JsonElement array)
        {
            var symbols = new List<string>();
            foreach (JsonElement element in array.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    throw new ModelFormatException($"\"vocabulary\"[{symbols.Count}] is {Describe(element.ValueKind)}; every symbol must be a string.");
                }

                string symbol = element.GetString()!;
                if (symbol.Length == 0 || !UnicodeScalars.TryRead(symbol, 0, out _, out int length) || length != symbol.Length)
                {
                    throw new ModelFormatException($"\"vocabulary\"[{symbols.Count}] is \"{symbol}\"; every symbol must be exactly one character (one Unicode scalar value).");
                }

                symbols.Add(symbol);
            }

            Vocabulary vocabulary = Vocabulary.FromSymbols(symbols);
            if (!vocabulary.Symbols.SequenceEqual(symbols, StringComparer.Ordinal))
            {
                throw new ModelFormatException($"\"vocabulary\" must list '{Vocabulary.BoundaryToken}' first and then each other symbol once, in increasing Unicode order; it lists \"{string.Concat(symbols)}\".");
            }

            return vocabulary;
        }

        private static void ReadMatrix(JsonElement rows, string property, int v, Action<int, JsonElement, string> readCell)
        {
            int rowCount = rows.GetArrayLength();
            if (rowCount != v)
            {
                throw new ModelFormatException($"\"{property}\" has {rowCount} rows; the vocabulary of {v} symbols needs {v}.");
            }

            int i = 0;
            foreach (JsonElement row in rows.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array)
                {
                    throw new ModelFormatException($"\"{property}\"[{i}] is {Describe(row.ValueKind)}; each row must be an array.");
                }

                int columnCount = row.GetArrayLength();
                if (columnCount != v)
                {
                    throw new ModelFormatException($"\"{property}\"[{i}] has {columnCount} values; the vocabulary of {v} symbols needs {v}.");
                }

                int j = 0;
                foreach (JsonElement cell in row.EnumerateArray())
                {
                    readCell((i * v) + j, cell, $"\"{property}\"[{i}][{j}]");
                    j++;
                }

                i++;
            }
        }

        private static long ReadCount(JsonElement element, string where)
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out long value) || value < 0)
            {
                throw new ModelFormatException($"{Quote(where)} is {element.GetRawText()}; it must be a whole number of 0 or more.");
            }

            return value;
        }

        internal static string[] ReadTrainingNames(JsonElement root)
        {
            if (!root.TryGetProperty("trainingNames", out JsonElement array) || array.ValueKind == JsonValueKind.Null)
            {
                return Array.Empty<string>();
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new ModelFormatException($"\"trainingNames\" is {Describe(array.ValueKind)}; it must be an array of names.");
            }

            var names = new string[array.GetArrayLength()];
            int i = 0;
            foreach (JsonElement element in array.EnumerateArray())
            {
                string? name = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
                if (string.IsNullOrEmpty(name))
                {
                    throw new ModelFormatException($"\"trainingNames\"[{i}] is {element.GetRawText()}; every training name must be a non-empty string.");
                }

                try
                {
                    NameNormalizer.Validate(name!);
                }
                catch (InvalidNameException error)
                {
                    throw new ModelFormatException($"\"trainingNames\"[{i}]: {error.Message}", error);
                }

                names[i++] = name!;
            }

            return names;
        }

        /// <summary>"trainingRuns", when the file has them (files written before they existed have only "trainingSettings").</summary>
        private static List<TrainingRunSummary>? ReadRuns(JsonElement root)
        {
            if (!root.TryGetProperty("trainingRuns", out JsonElement array) || array.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new ModelFormatException($"\"trainingRuns\" is {Describe(array.ValueKind)}; it must be an array of runs.");
            }

            var runs = new List<TrainingRunSummary>();
            int index = 0;
            foreach (JsonElement run in array.EnumerateArray())
            {
                string where = $"trainingRuns[{index++}]";
                TrainingOptions settings = ReadSettings(run);
                JsonElement first = Required(run, "firstStep", JsonValueKind.Number, where);
                JsonElement count = Required(run, "stepCount", JsonValueKind.Number, where);
                if (!first.TryGetInt32(out int firstStep) || firstStep < 1 || !count.TryGetInt32(out int stepCount) || stepCount < 0)
                {
                    throw new ModelFormatException($"\"{where}\" has firstStep {first.GetRawText()} and stepCount {count.GetRawText()}; they must be whole numbers, 1 or more and 0 or more.");
                }

                runs.Add(new TrainingRunSummary(settings, firstStep, stepCount));
            }

            return runs;
        }

        /// <summary>"shuffleState", when mini-batch training saved one.</summary>
        private static ShuffleState? ReadShuffleState(JsonElement root)
        {
            if (!root.TryGetProperty("shuffleState", out JsonElement element) || element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new ModelFormatException($"\"shuffleState\" is {Describe(element.ValueKind)}; it must be an object.");
            }

            const string Where = "shuffleState";
            long seed = Required(element, "seed", JsonValueKind.Number, Where).TryGetInt64(out long s) ? s : throw new ModelFormatException("\"shuffleState.seed\" must be a whole number.");
            int batchSize = Required(element, "batchSize", JsonValueKind.Number, Where).TryGetInt32(out int b) && b > 0 ? b : throw new ModelFormatException("\"shuffleState.batchSize\" must be a whole number above 0.");
            int exampleCount = Required(element, "exampleCount", JsonValueKind.Number, Where).TryGetInt32(out int e) && e > 0 ? e : throw new ModelFormatException("\"shuffleState.exampleCount\" must be a whole number above 0.");
            int position = Required(element, "position", JsonValueKind.Number, Where).TryGetInt32(out int p) && p >= 0 && p <= exampleCount ? p : throw new ModelFormatException("\"shuffleState.position\" must be a whole number from 0 to exampleCount.");
            ulong state = ulong.TryParse(Required(element, "generatorState", JsonValueKind.String, Where).GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong st) ? st : throw new ModelFormatException("\"shuffleState.generatorState\" must be a whole number written as a string.");
            ulong increment = ulong.TryParse(Required(element, "generatorIncrement", JsonValueKind.String, Where).GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong inc) && (inc & 1) == 1 ? inc : throw new ModelFormatException("\"shuffleState.generatorIncrement\" must be an odd whole number written as a string.");
            return new ShuffleState(seed, batchSize, exampleCount, state, increment, position);
        }

        private static TrainingOptions ReadSettings(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new ModelFormatException($"\"trainingSettings\" is {Describe(element.ValueKind)}; it must be an object.");
            }

            var settings = new TrainingOptions
            {
                Steps = ReadInt32(element, "steps"),
                LearningRate = ReadSingle(element, "learningRate"),
                Regularization = ReadSingle(element, "regularization"),
                Seed = ReadInt64(element, "seed"),
                Initialization = ReadEnum<WeightInitialization>(element, "initialization"),
                InitializationSmoothing = Required(element, "initializationSmoothing", JsonValueKind.Number, "trainingSettings").GetDouble(),
                BatchSize = ReadInt32(element, "batchSize"),
                GradientPath = ReadEnum<GradientPath>(element, "gradientPath"),
            };

            try
            {
                settings.Validate();
            }
            catch (ArgumentOutOfRangeException error)
            {
                throw new ModelFormatException($"\"trainingSettings\" are invalid: {error.Message}", error);
            }

            return settings;
        }

        private static List<TrainingRecord> ReadHistory(JsonElement root)
        {
            var history = new List<TrainingRecord>();
            if (!root.TryGetProperty("lossHistory", out JsonElement array) || array.ValueKind == JsonValueKind.Null)
            {
                return history;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new ModelFormatException($"\"lossHistory\" is {Describe(array.ValueKind)}; it must be an array of steps.");
            }

            foreach (JsonElement record in array.EnumerateArray())
            {
                string where = $"lossHistory[{history.Count}]";
                if (record.ValueKind != JsonValueKind.Object)
                {
                    throw new ModelFormatException($"\"{where}\" is {Describe(record.ValueKind)}; each step must be an object.");
                }

                JsonElement stepElement = Required(record, "step", JsonValueKind.Number, where);
                if (!stepElement.TryGetInt32(out int step) || step < 1)
                {
                    throw new ModelFormatException($"\"{where}.step\" is {stepElement.GetRawText()}; it must be a whole number of 1 or more.");
                }

                history.Add(new TrainingRecord(
                    step,
                    ReadReal(record, "loss", where),
                    ReadReal(record, "negativeLogLikelihood", where),
                    ReadReal(record, "regularization", where),
                    ReadReal(record, "gradientNorm", where)));
            }

            return history;
        }

        private static int ReadInt32(JsonElement parent, string property)
        {
            JsonElement element = Required(parent, property, JsonValueKind.Number, "trainingSettings");
            return element.TryGetInt32(out int value) ? value : throw new ModelFormatException($"\"trainingSettings.{property}\" is {element.GetRawText()}; it must be a whole number.");
        }

        private static long ReadInt64(JsonElement parent, string property)
        {
            JsonElement element = Required(parent, property, JsonValueKind.Number, "trainingSettings");
            return element.TryGetInt64(out long value) ? value : throw new ModelFormatException($"\"trainingSettings.{property}\" is {element.GetRawText()}; it must be a whole number.");
        }

        private static float ReadSingle(JsonElement parent, string property)
        {
            JsonElement element = Required(parent, property, JsonValueKind.Number, "trainingSettings");
            return element.TryGetSingle(out float value) ? value : throw new ModelFormatException($"\"trainingSettings.{property}\" is {element.GetRawText()}; it must be a number.");
        }

        private static TEnum ReadEnum<TEnum>(JsonElement parent, string property)
            where TEnum : struct
        {
            string text = Required(parent, property, JsonValueKind.String, "trainingSettings").GetString()!;
            foreach (string name in Enum.GetNames(typeof(TEnum)))
            {
                if (name == text)
                {
                    return (TEnum)Enum.Parse(typeof(TEnum), name);
                }
            }

            throw new ModelFormatException($"\"trainingSettings.{property}\" is \"{text}\"; it must be one of {string.Join(", ", Enum.GetNames(typeof(TEnum)))}.");
        }
    }
}
