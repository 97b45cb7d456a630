using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MakemorePS.Core
{
    /// <summary>
    /// Saves and loads models as versioned JSON. A file holds everything a model is made of (vocabulary, kind,
    /// smoothing, counts, weights, training names, training settings, loss history), so a loaded model gives
    /// bit-identical probabilities. Files are written atomically.
    /// </summary>
    /// <remarks>
    /// Format version 1, an object with: "format" ("MakemorePS.BigramModel"), "formatVersion" (1), "createdBy" (optional
    /// text), "kind" ("Counts" or "Neural"), "vocabulary" (the symbols, '.' first, then by increasing scalar value),
    /// "smoothing" (count models), "nameCount", "blankLineCount", "counts" (V rows of V whole numbers), "weights" (neural
    /// models: V rows of V float32 values, written so they read back exactly), "trainingSettings" (neural models, when
    /// known), "lossHistory" (one object per step) and "trainingNames". Unknown properties are ignored; a file with a
    /// higher format version is refused rather than misread.
    /// </remarks>
    public static class ModelSerializer
    {
        /// <summary>The format version this code writes, and the highest it reads.</summary>
        public const int FormatVersion = 1;

        /// <summary>The value of the "format" property that marks a model file.</summary>
        public const string FormatName = "MakemorePS.BigramModel";

        private static readonly JsonWriterOptions s_writerOptions = new JsonWriterOptions
        {
            Indented = true,

            // Keeps names such as "zoë" readable; quotes and control characters are still escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>The default "createdBy" text: this library and its version.</summary>
        public static string DefaultCreatedBy { get; } = "MakemorePS " + LibraryVersion();

        /// <summary>Saves a model to a file atomically: an interrupted save leaves an existing file intact.</summary>
        /// <param name="model">The model.</param>
        /// <param name="path">The file; an existing one is replaced.</param>
        /// <param name="createdBy">Recorded as "createdBy"; null means <see cref="DefaultCreatedBy"/>.</param>
        public static void Save(BigramModel model, string path, string? createdBy = null)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            AtomicFile.Write(path, stream => Save(model, stream, createdBy));
        }

        /// <summary>Writes a model as UTF-8 JSON to a stream (left open).</summary>
        /// <param name="model">The model.</param>
        /// <param name="stream">The destination.</param>
        /// <param name="createdBy">Recorded as "createdBy"; null means <see cref="DefaultCreatedBy"/>.</param>
        public static void Save(BigramModel model, Stream stream, string? createdBy = null)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            using (var writer = new Utf8JsonWriter(stream, s_writerOptions))
            {
                Write(writer, model, createdBy ?? DefaultCreatedBy);
            }
        }

        /// <summary>The model as JSON text.</summary>
        /// <param name="model">The model.</param>
        /// <param name="createdBy">Recorded as "createdBy"; null means <see cref="DefaultCreatedBy"/>.</param>
        public static string ToJson(BigramModel model, string? createdBy = null)
        {
            using (var buffer = new MemoryStream())
            {
                Save(model, buffer, createdBy);
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }

        /// <summary>Loads a model file.</summary>
        /// <param name="path">The file.</param>
        /// <exception cref="ModelFormatException">The file is empty, not JSON, truncated, not a model, from a newer version, or of the wrong shape; the message names the file and says what is wrong.</exception>
        public static BigramModel Load(string path)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                try
                {
                    return Load(stream);
                }
                catch (ModelFormatException error)
                {
                    throw new ModelFormatException($"Cannot load the model file '{path}': {error.Message}", error.InnerException);
                }
            }
        }

        /// <summary>Reads a model from a stream of UTF-8 JSON, to its end.</summary>
        /// <param name="stream">The source.</param>
        /// <exception cref="ModelFormatException">The content is not a valid model; the message says what is wrong.</exception>
        public static BigramModel Load(Stream stream)
        {
            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            using (var buffer = new MemoryStream())
            {
                stream.CopyTo(buffer);
                return Read(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
            }
        }

        /// <summary>Reads a model from JSON text.</summary>
        /// <param name="json">The text.</param>
        /// <exception cref="ModelFormatException">The text is not a valid model; the message says what is wrong.</exception>
        public static BigramModel FromJson(string json)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            return Read(Encoding.UTF8.GetBytes(json));
        }

        private static void Write(Utf8JsonWriter writer, BigramModel model, string createdBy)
        {
            int v = model.VocabularySize;
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WriteString("createdBy", createdBy);
            writer.WriteString("kind", model.Kind.ToString());

            writer.WriteStartArray("vocabulary");
            foreach (string symbol in model.Vocabulary.Symbols)
            {
                writer.WriteStringValue(symbol);
            }

            writer.WriteEndArray();

            if (model.Kind == BigramModelKind.Counts)
            {
                writer.WriteNumber("smoothing", model.Smoothing!.Value);
            }

            writer.WriteNumber("nameCount", model.Counts.NameCount);
            writer.WriteNumber("blankLineCount", model.Counts.BlankLineCount);

            writer.WriteStartArray("counts");
            for (int i = 0; i < v; i++)
            {
                writer.WriteStartArray();
                foreach (long count in model.Counts.GetRow(i))
                {
                    writer.WriteNumberValue(count);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();

            if (model.Kind == BigramModelKind.Neural)
            {
                ReadOnlySpan<float> weights = model.Weights;
                writer.WriteStartArray("weights");
                for (int i = 0; i < v; i++)
                {
                    writer.WriteStartArray();
                    foreach (float weight in weights.Slice(i * v, v))
                    {
                        // The writer emits a float's shortest round-trip form (G9 on older runtimes): it reads back exactly.
                        writer.WriteNumberValue(weight);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndArray();

                if (model.TrainingSettings is TrainingOptions settings)
                {
                    writer.WriteStartObject("trainingSettings");
                    writer.WriteNumber("steps", settings.Steps);
                    writer.WriteNumber("learningRate", settings.LearningRate);
                    writer.WriteNumber("regularization", settings.Regularization);
                    writer.WriteNumber("seed", settings.Seed);
                    writer.WriteString("initialization", settings.Initialization.ToString());
                    writer.WriteNumber("initializationSmoothing", settings.InitializationSmoothing);
                    writer.WriteNumber("batchSize", settings.BatchSize);
                    writer.WriteString("gradientPath", settings.GradientPath.ToString());
                    writer.WriteEndObject();
                }

                writer.WriteStartArray("lossHistory");
                foreach (TrainingRecord record in model.LossHistory)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("step", record.Step);
                    WriteReal(writer, "loss", record.Loss);
                    WriteReal(writer, "negativeLogLikelihood", record.NegativeLogLikelihood);
                    WriteReal(writer, "regularization", record.Regularization);
                    WriteReal(writer, "gradientNorm", record.GradientNorm);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteStartArray("trainingNames");
            foreach (string name in model.TrainingNames)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        private static void WriteReal(Utf8JsonWriter writer, string property, double value)
        {
            // JSON has no NaN or infinity; write them as text so nothing is lost or refused.
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                writer.WriteString(property, value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNumber(property, value);
            }
        }

        private static BigramModel Read(ReadOnlyMemory<byte> utf8)
        {
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

            if (!root.TryGetProperty("format", out JsonElement format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            {
                throw new ModelFormatException($"The file holds JSON but not a MakemorePS model: it lacks \"format\": \"{FormatName}\".");
            }

            JsonElement versionElement = Required(root, "formatVersion", JsonValueKind.Number);
            if (!versionElement.TryGetInt32(out int version) || version < 1)
            {
                throw new ModelFormatException($"\"formatVersion\" is {versionElement.GetRawText()}; it must be a whole number of 1 or more.");
            }

            if (version > FormatVersion)
            {
                throw new ModelFormatException($"The file has format version {version}, written by a newer MakemorePS; this version reads format {FormatVersion} and older. Update MakemorePS to load it.");
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

            if (kind == BigramModelKind.Counts)
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
            return BigramModel.FromWeights(bigramCounts, weights, trainingNames, settings, history);
        }

        private static Vocabulary ReadVocabulary(JsonElement array)
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

        private static string[] ReadTrainingNames(JsonElement root)
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

        private static double ReadReal(JsonElement parent, string property, string where)
        {
            if (!parent.TryGetProperty(property, out JsonElement element))
            {
                throw new ModelFormatException($"\"{where}\" lacks \"{property}\".");
            }

            if (element.ValueKind == JsonValueKind.Number)
            {
                return element.GetDouble();
            }

            if (element.ValueKind == JsonValueKind.String)
            {
                switch (element.GetString())
                {
                    case "NaN":
                        return double.NaN;
                    case "Infinity":
                        return double.PositiveInfinity;
                    case "-Infinity":
                        return double.NegativeInfinity;
                }
            }

            throw new ModelFormatException($"\"{where}.{property}\" is {element.GetRawText()}; it must be a number.");
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

        private static JsonElement Required(JsonElement parent, string property, JsonValueKind kind, string? where = null)
        {
            string name = where is null ? property : where + "." + property;
            if (!parent.TryGetProperty(property, out JsonElement element))
            {
                throw new ModelFormatException($"The model lacks \"{name}\".");
            }

            if (element.ValueKind != kind)
            {
                throw new ModelFormatException($"\"{name}\" is {Describe(element.ValueKind)}; it must be {Describe(kind)}.");
            }

            return element;
        }

        private static void RequireAbsent(JsonElement root, string property, string reason)
        {
            if (root.TryGetProperty(property, out JsonElement element) && element.ValueKind != JsonValueKind.Null)
            {
                throw new ModelFormatException($"The model has \"{property}\", but {reason}.");
            }
        }

        private static string Quote(string where) => where.StartsWith("\"", StringComparison.Ordinal) ? where : "\"" + where + "\"";

        private static string Describe(JsonValueKind kind)
        {
            switch (kind)
            {
                case JsonValueKind.Object:
                    return "an object";
                case JsonValueKind.Array:
                    return "an array";
                case JsonValueKind.String:
                    return "a string";
                case JsonValueKind.Number:
                    return "a number";
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return "a true/false value";
                case JsonValueKind.Null:
                    return "null";
                default:
                    return "missing";
            }
        }

        private static string LibraryVersion()
        {
            Assembly assembly = typeof(ModelSerializer).Assembly;
            string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (!string.IsNullOrEmpty(informational))
            {
                // Drop the source revision the SDK appends ("0.1.0+abc123").
                int plus = informational!.IndexOf('+');
                return plus > 0 ? informational.Substring(0, plus) : informational;
            }

            return assembly.GetName().Version?.ToString() ?? "unknown";
        }
    }
}
