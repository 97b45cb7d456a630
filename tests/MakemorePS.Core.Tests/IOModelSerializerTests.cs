using System;
using System.IO;
using System.Linq;
using System.Text;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public sealed class IOModelSerializerTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "mmps-io-" + Guid.NewGuid().ToString("N"));

        public IOModelSerializerTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private static BigramModel CountModel() =>
            NameCorpus.FromNames(new[] { "emma", "zoë", "a😀b", "Ann", "emma", " ", "ann \"q\"" }).ToModel(0.7);

        private static BigramModel NeuralModel()
        {
            BigramCounts counts = CountModel().Counts;
            int v = counts.Size;
            var rng = new Pcg32(5);
            float[] weights = Enumerable.Range(0, v * v).Select(_ => (float)rng.NextGaussian() * 3f).ToArray();

            // Values whose text form is easy to get wrong.
            weights[0] = -0.0f;
            weights[1] = float.Epsilon;
            weights[2] = 3.4028235e38f;
            weights[3] = 1.17549435e-38f;
            weights[4] = 0.1f;
            weights[5] = 16777217f;
            var settings = new TrainingOptions { Steps = 3, LearningRate = 0.1f, Regularization = 0.003f, Seed = -42, Initialization = WeightInitialization.LogCounts, InitializationSmoothing = 0.25, BatchSize = 7, GradientPath = GradientPath.PerExample };
            TrainingRecord[] history =
            {
                new TrainingRecord(1, 3.295836866004329, 3.2, 0.095836866004329, 1.0 / 3.0),
                new TrainingRecord(2, 2.5, 2.4, 0.1, double.PositiveInfinity),
                new TrainingRecord(3, 2.4000000000000004, 2.3, 0.1, 1e-300),
            };
            return BigramModel.FromWeights(counts, weights, new[] { "emma", "zoë" }, settings, history);
        }

        /// <summary>The JSON text with LF line ends whatever the platform, so tests can edit it.</summary>
        private static string Json(BigramModel model) => ModelSerializer.ToJson(model).Replace("\r\n", "\n");

        private static void AssertBitIdentical(BigramModel expected, BigramModel actual)
        {
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(expected.Vocabulary, actual.Vocabulary);
            Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
            Assert.Equal(expected.NameCount, actual.NameCount);
            Assert.Equal(expected.Counts.BlankLineCount, actual.Counts.BlankLineCount);
            Assert.Equal(expected.Smoothing, actual.Smoothing);
            Assert.Equal(expected.TrainingNames, actual.TrainingNames);
            Assert.Equal(expected.Weights.ToArray().Select(BitConverter.SingleToInt32Bits), actual.Weights.ToArray().Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(expected.Probabilities.ToArray().Select(BitConverter.DoubleToInt64Bits), actual.Probabilities.ToArray().Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(expected.LossHistory.Count, actual.LossHistory.Count);
            for (int k = 0; k < expected.LossHistory.Count; k++)
            {
                TrainingRecord e = expected.LossHistory[k];
                TrainingRecord a = actual.LossHistory[k];
                Assert.Equal((e.Step, e.Loss, e.NegativeLogLikelihood, e.Regularization, e.GradientNorm), (a.Step, a.Loss, a.NegativeLogLikelihood, a.Regularization, a.GradientNorm));
            }

            Assert.Equal(expected.TrainingSettings?.ToString(), actual.TrainingSettings?.ToString());
            Assert.Equal(expected.TrainingSettings?.InitializationSmoothing, actual.TrainingSettings?.InitializationSmoothing);
            Assert.Equal(expected.TrainingSettings?.GradientPath, actual.TrainingSettings?.GradientPath);
        }

        [Fact]
        public void CountModelRoundTripsBitExactly()
        {
            BigramModel model = CountModel();
            string path = Path.Combine(_directory, "counts.json");
            ModelSerializer.Save(model, path);
            AssertBitIdentical(model, ModelSerializer.Load(path));
        }

        [Fact]
        public void NeuralModelRoundTripsBitExactly()
        {
            BigramModel model = NeuralModel();
            string path = Path.Combine(_directory, "neural.json");
            ModelSerializer.Save(model, path, "MakemorePS test");
            BigramModel loaded = ModelSerializer.Load(path);
            AssertBitIdentical(model, loaded);
            Assert.True(BitConverter.SingleToInt32Bits(loaded.Weights[0]) == BitConverter.SingleToInt32Bits(-0.0f));
            Assert.Contains("\"createdBy\": \"MakemorePS test\"", File.ReadAllText(path));
        }

        [Fact]
        public void JsonIsVersionedReadableAndRoundTripsThroughText()
        {
            string json = Json(CountModel());
            Assert.Contains("\"format\": \"MakemorePS.BigramModel\"", json);
            Assert.Contains("\"formatVersion\": 1", json);
            Assert.Contains("\"createdBy\": \"MakemorePS ", json);
            Assert.Contains("\"zoë\"", json);
            AssertBitIdentical(CountModel(), ModelSerializer.FromJson(json));
        }

        [Fact]
        public void SavingReplacesAnExistingFile()
        {
            string path = Path.Combine(_directory, "m.json");
            File.WriteAllText(path, "old");
            ModelSerializer.Save(CountModel(), path);
            Assert.Equal(CountModel().Counts.ToArray(), ModelSerializer.Load(path).Counts.ToArray());
            Assert.Single(Directory.GetFiles(_directory));
        }

        [Fact]
        public void FailedWriteLeavesTheOldFileAndNoTemporaryFile()
        {
            string path = Path.Combine(_directory, "m.json");
            File.WriteAllText(path, "precious");
            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
            {
                stream.Write(new byte[1000], 0, 1000);
                throw new InvalidOperationException("interrupted");
            }));
            Assert.Equal("precious", File.ReadAllText(path));
            Assert.Equal(new[] { path }, Directory.GetFiles(_directory));
        }

        [Fact]
        public void SavingIntoAMissingDirectoryFailsWithoutCreatingAnything()
        {
            string path = Path.Combine(_directory, "missing", "m.json");
            Assert.ThrowsAny<IOException>(() => ModelSerializer.Save(CountModel(), path));
            Assert.Empty(Directory.GetFileSystemEntries(_directory));
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("   \r\n", "empty")]
        [InlineData("name,count\r\nemma,3", "not complete, valid JSON")]
        [InlineData("[1,2,3]", "top level is an array")]
        [InlineData("{\"hello\":1}", "not a MakemorePS model")]
        [InlineData("{\"format\":\"MakemorePS.BigramModel\"}", "lacks \"formatVersion\"")]
        [InlineData("{\"format\":\"MakemorePS.BigramModel\",\"formatVersion\":2,\"kind\":\"Future\"}", "format version 2")]
        [InlineData("{\"format\":\"MakemorePS.BigramModel\",\"formatVersion\":0}", "1 or more")]
        public void UnusableFilesAreRejectedWithAClearMessage(string content, string expected)
        {
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(content));
            Assert.Contains(expected, error.Message);
            Assert.Equal("InvalidModelFile", error.ErrorId);
        }

        [Fact]
        public void TruncatedFilesAreRejectedAtEveryCut()
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Json(NeuralModel()));
            for (int length = 0; length < bytes.Length; length += 1 + (length / 7))
            {
                var error = Assert.Throws<ModelFormatException>(() => ModelSerializer.Load(new MemoryStream(bytes, 0, length)));
                Assert.True(error.Message.Contains("truncated") || error.Message.Contains("empty"), error.Message);
            }
        }

        [Fact]
        public void NewerVersionIsRefusedEvenWhenOtherwiseValid()
        {
            string json = Json(CountModel()).Replace("\"formatVersion\": 1", "\"formatVersion\": 7");
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(json));
            Assert.Contains("newer", error.Message);
            Assert.Contains("Update MakemorePS", error.Message);
        }

        [Theory]
        [InlineData("\"kind\": \"Counts\"", "\"kind\": \"Bayes\"", "\"kind\" is \"Bayes\"")]
        [InlineData("\"smoothing\": 0.7", "\"smoothing\": -1", "\"smoothing\" is -1")]
        [InlineData("\"smoothing\": 0.7", "\"smoothing\": \"one\"", "\"smoothing\" is a string")]
        [InlineData("\"nameCount\": 6", "\"nameCount\": 6.5", "\"nameCount\" is 6.5")]
        [InlineData("\"vocabulary\": [\n    \".\",", "\"vocabulary\": [\n    \"..\",", "exactly one character")]
        public void WrongShapesAreRejectedWithAClearMessage(string find, string replacement, string expected)
        {
            string json = Json(CountModel());
            Assert.Contains(find, json);
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(json.Replace(find, replacement)));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void MatricesOfTheWrongSizeAreRejected()
        {
            BigramModel model = BigramModel.FromCounts(BigramCounter.CountNames(new[] { "ab", "ca" }));
            int v = model.VocabularySize;
            string json = Json(model);

            // Drop the last symbol: the matrices no longer fit the vocabulary.
            string lastSymbol = "\"" + model.Vocabulary.GetSymbol(v - 1) + "\"";
            string shorter = json.Replace("," + "\n    " + lastSymbol, string.Empty);
            Assert.NotEqual(json, shorter);
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(shorter));
            Assert.Contains($"needs {v - 1}", error.Message);

            // A negative count.
            string negative = json.Replace("\"counts\": [\n    [\n      0,", "\"counts\": [\n    [\n      -3,");
            Assert.NotEqual(json, negative);
            Assert.Contains("\"counts\"[0][0] is -3", Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(negative)).Message);
        }

        [Fact]
        public void UnsortedVocabularyIsRejected()
        {
            string json = Json(BigramModel.FromCounts(BigramCounter.CountNames(new[] { "ab" })));
            string swapped = json.Replace("\"a\",\n    \"b\"", "\"b\",\n    \"a\"");
            Assert.NotEqual(json, swapped);
            Assert.Contains("increasing Unicode order", Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(swapped)).Message);
        }

        [Fact]
        public void KindSpecificPartsMustMatchTheKind()
        {
            string neural = Json(NeuralModel());
            string noWeights = neural.Replace("\"weights\"", "\"weightz\"");
            Assert.Contains("lacks \"weights\"", Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(noWeights)).Message);
            string asCounts = neural.Replace("\"kind\": \"Neural\"", "\"kind\": \"Counts\",\n  \"smoothing\": 1");
            Assert.Contains("a count model has no weights", Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(asCounts)).Message);
            string badSetting = neural.Replace("\"batchSize\": 7", "\"batchSize\": -7");
            Assert.Contains("trainingSettings", Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(badSetting)).Message);
            string badName = neural.Replace("\"trainingNames\": [\n    \"emma\"", "\"trainingNames\": [\n    \"em.ma\"");
            Assert.NotEqual(neural, badName);
            Assert.Contains("trainingNames", Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(badName)).Message);
        }

        [Fact]
        public void LoadingAFileNamesItInTheMessage()
        {
            string path = Path.Combine(_directory, "broken.json");
            File.WriteAllText(path, "{\"format\":");
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelSerializer.Load(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("truncated", error.Message);
        }

        [Fact]
        public void UnknownPropertiesAndAByteOrderMarkAreAccepted()
        {
            string json = Json(CountModel()).Replace("\"createdBy\"", "\"comment\": {\"x\": [1, 2]},\n  \"createdBy\"");
            byte[] withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray();
            AssertBitIdentical(CountModel(), ModelSerializer.Load(new MemoryStream(withBom)));
        }
    }
}
