using System.IO;
using System.Reflection;

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
    // One job per file: this facade types ModelFile (which opens files, streams and text) for bigram models; ModelWriter.cs
    // writes the format, ModelReader.cs reads and validates it, ModelJson.cs holds the JSON helpers both share (reals,
    // required properties, JSON paths in messages).
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
        public static void Save(BigramModel model, string path, string? createdBy = null) => ModelFile.Save(model, path, createdBy);

        /// <summary>Writes a model as UTF-8 JSON to a stream (left open).</summary>
        /// <param name="model">The model.</param>
        /// <param name="stream">The destination.</param>
        /// <param name="createdBy">Recorded as "createdBy"; null means <see cref="DefaultCreatedBy"/>.</param>
        public static void Save(BigramModel model, Stream stream, string? createdBy = null) => ModelFile.Save(model, stream, createdBy);

        /// <summary>The model as JSON text.</summary>
        /// <param name="model">The model.</param>
        /// <param name="createdBy">Recorded as "createdBy"; null means <see cref="DefaultCreatedBy"/>.</param>
        public static string ToJson(BigramModel model, string? createdBy = null) => ModelFile.ToJson(model, createdBy);

        /// <summary>Loads a model file.</summary>
        /// <param name="path">The file.</param>
        /// <exception cref="ModelFormatException">The file is empty, not JSON, truncated, not a model, from a newer version, or of the wrong shape; the message names the file and says what is wrong.</exception>
        public static BigramModel Load(string path) => ModelFile.LoadFile(path, ModelReader.Read);

        /// <summary>Reads a model from a stream of UTF-8 JSON, to its end.</summary>
        /// <param name="stream">The source.</param>
        /// <exception cref="ModelFormatException">The content is not a valid model; the message says what is wrong.</exception>
        public static BigramModel Load(Stream stream) => ModelFile.LoadStream(stream, ModelReader.Read);

        /// <summary>Reads a model from JSON text.</summary>
        /// <param name="json">The text.</param>
        /// <exception cref="ModelFormatException">The text is not a valid model; the message says what is wrong.</exception>
        public static BigramModel FromJson(string json) => ModelFile.LoadText(json, ModelReader.Read);

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
