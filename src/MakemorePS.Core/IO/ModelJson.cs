using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using MakemorePS.Core.Models;

namespace MakemorePS.Core
{
    /// <summary>
    /// JSON helpers of the model format: the object every model file holds, reals that may be NaN or infinite, required
    /// and forbidden properties, and the wording of error messages that name a JSON path.
    /// </summary>
    internal static class ModelJson
    {
        private static readonly JsonWriterOptions s_writerOptions = new JsonWriterOptions
        {
            Indented = true,

            // Keeps names such as "zoë" readable; quotes and control characters are still escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        /// <summary>
        /// Writes <paramref name="model"/> as one indented UTF-8 JSON object to a stream (left open): "format",
        /// "formatVersion", "createdBy", "kind" and "vocabulary" first, then what <paramref name="writeKindProperties"/>
        /// writes, then <paramref name="trainingNames"/> as "trainingNames".
        /// </summary>
        internal static void WriteModel(Stream stream, ILanguageModel model, int formatVersion, string kind, string createdBy,
            Action<Utf8JsonWriter> writeKindProperties, IEnumerable<string> trainingNames)
        {
            using (var writer = new Utf8JsonWriter(stream, s_writerOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("format", ModelSerializer.FormatName);
                writer.WriteNumber("formatVersion", formatVersion);
                writer.WriteString("createdBy", createdBy);
                writer.WriteString("kind", kind);
                WriteStrings(writer, "vocabulary", model.Vocabulary.Symbols);
                writeKindProperties(writer);
                WriteStrings(writer, "trainingNames", trainingNames);
                writer.WriteEndObject();
            }
        }

        internal static void WriteReal(Utf8JsonWriter writer, string property, double value)
        {
            writer.WritePropertyName(property);
            WriteRealValue(writer, value);
        }

        internal static void WriteRealValue(Utf8JsonWriter writer, double value)
        {
            // JSON has no NaN or infinity; write them as text so nothing is lost or refused.
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNumberValue(value);
            }
        }

        private static void WriteStrings(Utf8JsonWriter writer, string property, IEnumerable<string> values)
        {
            writer.WriteStartArray(property);
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        internal static double ReadReal(JsonElement parent, string property, string where)
        {
            if (!parent.TryGetProperty(property, out JsonElement element))
            {
                throw new ModelFormatException($"\"{where}\" lacks \"{property}\".");
            }

            return ReadRealValue(element, $"\"{where}.{property}\"");
        }

        /// <summary>A number written by <see cref="WriteRealValue"/>; <paramref name="where"/> names it, quoted, in the error.</summary>
        internal static double ReadRealValue(JsonElement element, string where)
        {
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

            throw new ModelFormatException($"{where} is {element.GetRawText()}; it must be a number.");
        }

        internal static JsonElement Required(JsonElement parent, string property, JsonValueKind kind, string? where = null)
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

        internal static void RequireAbsent(JsonElement root, string property, string reason)
        {
            if (root.TryGetProperty(property, out JsonElement element) && element.ValueKind != JsonValueKind.Null)
            {
                throw new ModelFormatException($"The model has \"{property}\", but {reason}.");
            }
        }

        internal static string Quote(string where) => where.StartsWith("\"", StringComparison.Ordinal) ? where : "\"" + where + "\"";

        internal static string Describe(JsonValueKind kind)
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
    }
}
