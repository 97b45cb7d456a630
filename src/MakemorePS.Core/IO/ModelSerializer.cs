using System;
using System.IO;
using System.Reflection;
using System.Text;

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
    // One job per file: this facade opens files and streams; ModelWriter.cs writes the format, ModelReader.cs reads and
    // validates it, ModelJson.cs holds the JSON helpers both share (reals, required properties, JSON paths in messages).
    public static class ModelSerializer
    {
        /// <summary>The format version this code writes, and the highest it reads.</summary>
        public const int FormatVersion = 1;

        /// <summary>The value of the "format" property that marks a model file.</summary>
        public const string FormatName = "MakemorePS.BigramModel";

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

            ModelWriter.Write(stream, model, createdBy ?? DefaultCreatedBy);
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
                return ModelReader.Read(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
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

            return ModelReader.Read(Encoding.UTF8.GetBytes(json));
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
