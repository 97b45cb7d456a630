using System;
using System.IO;
using System.Text.Json;
using static MakemorePS.Core.ModelJson;

namespace MakemorePS.Core
{
    /// <summary>Writes a model in the JSON format that <see cref="ModelSerializer"/> describes.</summary>
    internal static class ModelWriter
    {
        /// <summary>Writes a model as indented UTF-8 JSON to a stream (left open).</summary>
        internal static void Write(Stream stream, BigramModel model, string createdBy) =>
            WriteModel(stream, model, ModelSerializer.FormatVersion, model.Kind.ToString(), createdBy, writer => WriteKindProperties(writer, model), model.TrainingNames);

        private static void WriteKindProperties(Utf8JsonWriter writer, BigramModel model)
        {
            int v = model.VocabularySize;
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
                WriteNeuralParts(writer, model);
            }
        }

        /// <summary>The parts only a neural model has: its weights, training settings and loss history.</summary>
        private static void WriteNeuralParts(Utf8JsonWriter writer, BigramModel model)
        {
            int v = model.VocabularySize;
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
                WriteSettings(writer, settings);
                writer.WriteEndObject();
            }

            if (model.TrainingRuns.Count > 0)
            {
                writer.WriteStartArray("trainingRuns");
                foreach (TrainingRunSummary run in model.TrainingRuns)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("firstStep", run.FirstStep);
                    writer.WriteNumber("stepCount", run.StepCount);
                    WriteSettings(writer, run.Settings);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (model.ShuffleState is ShuffleState shuffle)
            {
                writer.WriteStartObject("shuffleState");
                writer.WriteNumber("seed", shuffle.Seed);
                writer.WriteNumber("batchSize", shuffle.BatchSize);
                writer.WriteNumber("exampleCount", shuffle.ExampleCount);
                // Strings: 64-bit values that readers parsing JSON numbers as doubles would round.
                writer.WriteString("generatorState", shuffle.GeneratorState.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("generatorIncrement", shuffle.GeneratorIncrement.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteNumber("position", shuffle.Position);
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

        private static void WriteSettings(Utf8JsonWriter writer, TrainingOptions settings)
        {
            writer.WriteNumber("steps", settings.Steps);
            writer.WriteNumber("learningRate", settings.LearningRate);
            writer.WriteNumber("regularization", settings.Regularization);
            writer.WriteNumber("seed", settings.Seed);
            writer.WriteString("initialization", settings.Initialization.ToString());
            writer.WriteNumber("initializationSmoothing", settings.InitializationSmoothing);
            writer.WriteNumber("batchSize", settings.BatchSize);
            writer.WriteString("gradientPath", settings.GradientPath.ToString());
        }
    }
}
