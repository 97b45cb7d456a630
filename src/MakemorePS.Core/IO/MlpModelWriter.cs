using System;
using System.Collections.Generic;
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
            WriteModel(stream, model, MlpModelFormat.FormatVersion, MlpModelFormat.Kind, createdBy, writer => WriteKindProperties(writer, model), model.EveryTrainingName);

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
            if (model.Generator is Pcg32GeneratorState pcg32)
            {
                writer.WriteString("generator", MlpModelFormat.Pcg32Generator);
                writer.WriteString("generatorState", pcg32.State.ToString("x16", CultureInfo.InvariantCulture));
                writer.WriteString("generatorIncrement", pcg32.Increment.ToString("x16", CultureInfo.InvariantCulture));
            }
            else
            {
                var torch = (TorchGeneratorState)model.Generator;
                writer.WriteString("generator", MlpModelFormat.TorchGenerator);
                writer.WriteNumber("generatorSeed", torch.Seed);
                writer.WriteString("generatorWords", Convert.ToBase64String(MlpModelFormat.WordBytes(torch.Words)));
                writer.WriteNumber("generatorIndex", torch.Index);
            }

            writer.WriteEndObject();

            WriteRecords(writer, model);
        }

        /// <summary>What training recorded: the loss history and the diagnostics, column by column.</summary>
        private static void WriteRecords(Utf8JsonWriter writer, MlpModel model)
        {
            IReadOnlyList<MlpTrainingRecord> history = model.LossHistory;
            writer.WriteStartObject("lossHistory");
            WriteColumn(writer, "step", history, (w, r) => w.WriteNumberValue(r.Step));
            WriteColumn(writer, "loss", history, (w, r) => WriteRealValue(w, r.Loss));
            WriteColumn(writer, "learningRate", history, (w, r) => w.WriteNumberValue(r.LearningRate));
            WriteColumn(writer, "devLoss", history, (w, r) => WriteOptionalRealValue(w, r.DevLoss));
            writer.WriteEndObject();

            IReadOnlyList<MlpActivationStatistics> activations = model.ActivationStatistics;
            writer.WriteStartObject("activationStatistics");
            WriteColumn(writer, "step", activations, (w, a) => w.WriteNumberValue(a.Step));
            WriteColumn(writer, "layer", activations, (w, a) => w.WriteStringValue(a.Layer));
            WriteColumn(writer, "mean", activations, (w, a) => WriteRealValue(w, a.Mean));
            WriteColumn(writer, "std", activations, (w, a) => WriteRealValue(w, a.Std));
            WriteColumn(writer, "saturatedFraction", activations, (w, a) => WriteOptionalRealValue(w, a.SaturatedFraction));
            writer.WriteEndObject();

            // No shapes: a parameter's shape is the architecture's.
            IReadOnlyList<MlpGradientStatistics> gradients = model.GradientStatistics;
            writer.WriteStartObject("gradientStatistics");
            WriteColumn(writer, "step", gradients, (w, g) => w.WriteNumberValue(g.Step));
            WriteColumn(writer, "parameter", gradients, (w, g) => w.WriteStringValue(g.Parameter));
            WriteColumn(writer, "gradientMean", gradients, (w, g) => WriteRealValue(w, g.GradientMean));
            WriteColumn(writer, "gradientStd", gradients, (w, g) => WriteRealValue(w, g.GradientStd));
            WriteColumn(writer, "dataStd", gradients, (w, g) => WriteRealValue(w, g.DataStd));
            WriteColumn(writer, "gradientToDataRatio", gradients, (w, g) => WriteOptionalRealValue(w, g.GradientToDataRatio));
            WriteColumn(writer, "updateToDataRatioLog10", gradients, (w, g) => WriteOptionalRealValue(w, g.UpdateToDataRatioLog10));
            writer.WriteEndObject();
        }

        // One field of every record, as one array: the records' property names are written once, not once per record.
        private static void WriteColumn<TRecord>(Utf8JsonWriter writer, string name, IReadOnlyList<TRecord> records, Action<Utf8JsonWriter, TRecord> writeValue)
        {
            writer.WriteStartArray(name);
            foreach (TRecord record in records)
            {
                writeValue(writer, record);
            }

            writer.WriteEndArray();
        }

        private static void WriteOptionalRealValue(Utf8JsonWriter writer, double? value)
        {
            if (value is double real)
            {
                WriteRealValue(writer, real);
            }
            else
            {
                writer.WriteNullValue();
            }
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
            writer.WritePropertyName(property);
            WriteOptionalRealValue(writer, value);
        }
    }
}
