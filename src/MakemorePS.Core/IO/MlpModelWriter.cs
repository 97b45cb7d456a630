using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using static MakemorePS.Core.ModelJson;

namespace MakemorePS.Core
{
    /// <summary>Writes an MLP model in the JSON format that <see cref="MlpModelFormat"/> describes.</summary>
    internal static class MlpModelWriter
    {
        /// <summary>Writes the model as indented UTF-8 JSON to a stream (left open).</summary>
        internal static void Write(Stream stream, MlpModel model, string createdBy) =>
            WriteModel(stream, model, MlpModelFormat.FormatVersion, MlpModelFormat.Kind, createdBy, writer => WriteKindProperties(writer, model));

        private static void WriteKindProperties(Utf8JsonWriter writer, MlpModel model)
        {
            MlpParameters p = model.Parameters;
            writer.WriteStartObject("architecture");
            writer.WriteNumber("blockSize", p.BlockSize);
            writer.WriteNumber("embeddingSize", p.EmbeddingSize);
            writer.WriteNumber("hiddenSize", p.HiddenSize);
            writer.WriteBoolean("batchNorm", p.BatchNorm);
            writer.WriteEndObject();

            writer.WriteStartObject("parameters");
            foreach ((string name, float[] values, int rows, int columns) in p.Trained())
            {
                WriteTensor(writer, name, values, rows, columns);
            }

            writer.WriteEndObject();

            if (p.BatchNorm)
            {
                writer.WriteStartObject("batchNormRunning");
                WriteTensor(writer, "mean", p.RunningMean, 1, p.HiddenSize);
                WriteTensor(writer, "std", p.RunningStd, 1, p.HiddenSize);
                writer.WriteEndObject();
            }

            MlpTrainingOptions o = model.TrainingSettings;
            writer.WriteStartObject("trainingSettings");
            writer.WriteString("initialization", o.Initialization.ToString());
            writer.WriteNumber("steps", o.Steps);
            writer.WriteNumber("batchSize", o.BatchSize);
            writer.WriteNumber("learningRate", o.LearningRate);
            writer.WriteNumber("decayedLearningRate", o.DecayedLearningRate);
            writer.WriteNumber("decayStep", o.DecayStep);
            writer.WriteNumber("batchNormMomentum", o.BatchNormMomentum);
            writer.WriteNumber("batchNormEpsilon", o.BatchNormEpsilon);
            writer.WriteNumber("seed", o.Seed);
            writer.WriteNumber("devLossInterval", o.DevLossInterval);
            writer.WriteNumber("diagnosticsInterval", o.DiagnosticsInterval);
            writer.WriteEndObject();

            writer.WriteStartObject("trainingState");
            writer.WriteNumber("steps", model.Steps);
            WriteOptionalReal(writer, "finalLoss", model.FinalLoss);
            WriteOptionalReal(writer, "devLoss", model.DevLoss);
            writer.WriteString("generatorState", model.GeneratorState.ToString("x16", CultureInfo.InvariantCulture));
            writer.WriteString("generatorIncrement", model.GeneratorIncrement.ToString("x16", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        // A vector (one row) as a flat array, a matrix as an array of rows.
        private static void WriteTensor(Utf8JsonWriter writer, string name, float[] values, int rows, int columns)
        {
            writer.WriteStartArray(name);
            for (int i = 0; i < rows; i++)
            {
                if (rows > 1)
                {
                    writer.WriteStartArray();
                }

                foreach (float value in values.AsSpan(i * columns, columns))
                {
                    writer.WriteNumberValue(value);
                }

                if (rows > 1)
                {
                    writer.WriteEndArray();
                }
            }

            writer.WriteEndArray();
        }

        private static void WriteOptionalReal(Utf8JsonWriter writer, string property, double? value)
        {
            if (value is double real)
            {
                WriteReal(writer, property, real);
            }
            else
            {
                writer.WriteNull(property);
            }
        }
    }
}
