using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using MakemorePS.Core.Models;

namespace MakemorePS.Core
{
    /// <summary>
    /// Saves and loads a model of any kind (Counts, Neural, Mlp) in the versioned JSON model file, atomically. Bigram
    /// models keep format version 1 (<see cref="ModelSerializer"/>); MLP models are format version 2 (see MlpModelFormat).
    /// Files written by older versions load unchanged.
    /// </summary>
    // The one place that opens model files, streams and text; ModelSerializer is the typed view for bigram models.
    public static class ModelFile
    {
        /// <summary>Saves a model to a file atomically: an interrupted save leaves an existing file intact.</summary>
        /// <param name="model">A <see cref="BigramModel"/> or an <see cref="MlpModel"/>.</param>
        /// <param name="path">The file; an existing one is replaced.</param>
        /// <param name="createdBy">Recorded as "createdBy"; null means <see cref="ModelSerializer.DefaultCreatedBy"/>.</param>
        /// <exception cref="ArgumentException">The model is of a kind this version cannot save.</exception>
        public static void Save(ILanguageModel model, string path, string? createdBy = null)
        {
            CheckSavable(model);
            AtomicFile.Write(path, stream => Save(model, stream, createdBy));
        }

        /// <summary>Writes a model as UTF-8 JSON to a stream (left open).</summary>
        public static void Save(ILanguageModel model, Stream stream, string? createdBy = null)
        {
            CheckSavable(model);
            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            if (model is MlpModel mlp)
            {
                MlpModelWriter.Write(stream, mlp, createdBy ?? ModelSerializer.DefaultCreatedBy);
            }
            else
            {
                ModelWriter.Write(stream, (BigramModel)model, createdBy ?? ModelSerializer.DefaultCreatedBy);
            }
        }

        /// <summary>The model as JSON text.</summary>
        public static string ToJson(ILanguageModel model, string? createdBy = null)
        {
            using (var buffer = new MemoryStream())
            {
                Save(model, buffer, createdBy);
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }

        /// <summary>Loads a model file of any kind.</summary>
        /// <exception cref="ModelFormatException">The file is empty, not JSON, truncated, not a model, from a newer version, or of the wrong shape; the message names the file and says what is wrong.</exception>
        public static ILanguageModel Load(string path) => LoadFile(path, Read);

        /// <summary>Reads a model of any kind from a stream of UTF-8 JSON, to its end.</summary>
        /// <exception cref="ModelFormatException">The content is not a valid model; the message says what is wrong.</exception>
        public static ILanguageModel Load(Stream stream) => LoadStream(stream, Read);

        /// <summary>Reads a model of any kind from JSON text.</summary>
        /// <exception cref="ModelFormatException">The text is not a valid model; the message says what is wrong.</exception>
        public static ILanguageModel FromJson(string json) => LoadText(json, Read);

        /// <summary>Opens <paramref name="path"/> and reads it with <paramref name="read"/>; a format error gets the file's name.</summary>
        internal static T LoadFile<T>(string path, Func<ReadOnlyMemory<byte>, T> read)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                try
                {
                    return LoadStream(stream, read);
                }
                catch (ModelFormatException error)
                {
                    throw new ModelFormatException($"Cannot load the model file '{path}': {error.Message}", error.InnerException);
                }
            }
        }

        /// <summary>Reads <paramref name="stream"/> to its end, then parses the bytes with <paramref name="read"/>.</summary>
        internal static T LoadStream<T>(Stream stream, Func<ReadOnlyMemory<byte>, T> read)
        {
            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            using (var buffer = new MemoryStream())
            {
                var chunk = new byte[81920];
                bool startChecked = false;
                int count;
                while ((count = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    buffer.Write(chunk, 0, count);
                    startChecked = startChecked || CheckJsonStart(buffer);
                }

                return read(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
            }
        }

        // Refuses, from its first byte, content that cannot be JSON text, so that a device such as /dev/zero, which never
        // ends, is not read forever. JSON text in UTF-8 or UTF-16 (what the readers accept) starts with a byte-order mark,
        // white space or the first character of a value. True once that byte was seen.
        private static bool CheckJsonStart(MemoryStream buffer)
        {
            if (buffer.Length == 0)
            {
                return false;
            }

            byte first = buffer.GetBuffer()[0];
            bool canStartJson = first == 0xEF || first == 0xFF || first == 0xFE
                || first == (byte)' ' || first == (byte)'\t' || first == (byte)'\n' || first == (byte)'\r'
                || first == (byte)'{' || first == (byte)'[' || first == (byte)'"' || first == (byte)'-'
                || (first >= (byte)'0' && first <= (byte)'9') || first == (byte)'t' || first == (byte)'f' || first == (byte)'n';
            return canStartJson
                ? true
                : throw new ModelFormatException(string.Format(CultureInfo.InvariantCulture,
                    "The file is not JSON, so not a model: it starts with the byte 0x{0:X2}, and a model file starts with '{{'.", first));
        }

        /// <summary>Parses JSON text with <paramref name="read"/>.</summary>
        internal static T LoadText<T>(string json, Func<ReadOnlyMemory<byte>, T> read)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            return read(Encoding.UTF8.GetBytes(json));
        }

        private static ILanguageModel Read(ReadOnlyMemory<byte> utf8)
        {
            ReadOnlyMemory<byte> content = utf8.Length >= 3 && utf8.Span[0] == 0xEF && utf8.Span[1] == 0xBB && utf8.Span[2] == 0xBF ? utf8.Slice(3) : utf8;
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 16 });
            }
            catch (JsonException)
            {
                // The bigram reader explains empty, truncated and corrupt files.
            }

            using (document)
            {
                JsonElement root = document?.RootElement ?? default;
                if (document != null && root.ValueKind == JsonValueKind.Object
                    && root.TryGetProperty("format", out JsonElement format) && format.ValueKind == JsonValueKind.String && format.GetString() == ModelSerializer.FormatName
                    && root.TryGetProperty("kind", out JsonElement kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == MlpModelFormat.Kind)
                {
                    try
                    {
                        return MlpModelReader.Read(root);
                    }
                    catch (ArgumentException error)
                    {
                        throw new ModelFormatException(error.Message, error);
                    }
                }
            }

            return ModelReader.Read(utf8);
        }

        private static void CheckSavable(ILanguageModel model)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            if (!(model is MlpModel) && !(model is BigramModel))
            {
                throw new ArgumentException($"A {model.KindName} model of type {model.GetType().Name} cannot be saved; model files hold Counts, Neural and Mlp models.", nameof(model));
            }
        }
    }
}
