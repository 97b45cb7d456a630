using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MakemorePS.Core.Models;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class IOMlpModelFileTests
    {
        private static readonly string[] Names = BundledNames.Names.Take(1500).ToArray();

        private static MlpTrainingOptions Options(int steps, bool batchNorm = true) => new MlpTrainingOptions { Steps = steps, HiddenSize = 24, EmbeddingSize = 5, BatchNorm = batchNorm, DecayStep = 100 };

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void AModelRoundTripsBitForBit(bool batchNorm)
        {
            MlpModel model = MlpTrainer.Train(Names, Options(150, batchNorm), BundledNames.Names.Skip(4000).Take(100));
            string json = ModelFile.ToJson(model);
            MlpModel loaded = Assert.IsType<MlpModel>(ModelFile.FromJson(json));
            Assert.Equal(model.ParameterNames, loaded.ParameterNames);
            foreach (string name in model.ParameterNames)
            {
                Assert.Equal(model.GetParameter(name, out int r, out int c), loaded.GetParameter(name, out int r2, out int c2));
                Assert.Equal((r, c), (r2, c2));
            }

            Assert.Equal(model.GetRunningMean(), loaded.GetRunningMean());
            Assert.Equal(model.GetRunningStd(), loaded.GetRunningStd());
            Assert.Equal(model.TrainingNames, loaded.TrainingNames);
            Assert.Equal(model.Vocabulary, loaded.Vocabulary);
            Assert.Equal((model.Steps, model.FinalLoss, model.DevLoss), (loaded.Steps, loaded.FinalLoss, loaded.DevLoss));
            Assert.Equal(model.TrainingSettings.ToString(), loaded.TrainingSettings.ToString());
            Assert.Equal(json, ModelFile.ToJson(loaded));

            int[] contexts = { 0, 0, 0, 0, 0, 5, 1, 13, 13 };
            var expected = new double[3 * model.VocabularySize];
            var actual = new double[3 * model.VocabularySize];
            model.NextSymbolLogProbabilities(contexts, 3, expected);
            loaded.NextSymbolLogProbabilities(contexts, 3, actual);
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void TheLossHistoryAndTheDiagnosticsRoundTrip()
        {
            MlpTrainingOptions options = Options(150);
            options.DevLossInterval = 40;
            options.DiagnosticsInterval = 50;
            MlpModel model = MlpTrainer.Train(Names, options, BundledNames.Names.Skip(4000).Take(100));
            string json = ModelFile.ToJson(model);
            var loaded = (MlpModel)ModelFile.FromJson(json);

            Assert.Equal(150, loaded.LossHistory.Count);
            Assert.Equal(new[] { 40, 80, 120, 150 }, loaded.LossHistory.Where(r => r.DevLoss.HasValue).Select(r => r.Step));
            Assert.Equal(model.LossHistory.Select(r => (r.Step, r.Loss, r.LearningRate, r.DevLoss)), loaded.LossHistory.Select(r => (r.Step, r.Loss, r.LearningRate, r.DevLoss)));
            Assert.Equal(15, loaded.ActivationStatistics.Count);
            Assert.Equal(model.ActivationStatistics.Select(a => (a.Step, a.Layer, a.Mean, a.Std, a.SaturatedFraction)), loaded.ActivationStatistics.Select(a => (a.Step, a.Layer, a.Mean, a.Std, a.SaturatedFraction)));
            Assert.Equal(18, loaded.GradientStatistics.Count);
            Assert.Equal(
                model.GradientStatistics.Select(g => (g.Step, g.Parameter, g.Shape, g.GradientMean, g.GradientStd, g.DataStd, g.GradientToDataRatio, g.UpdateToDataRatioLog10)),
                loaded.GradientStatistics.Select(g => (g.Step, g.Parameter, g.Shape, g.GradientMean, g.GradientStd, g.DataStd, g.GradientToDataRatio, g.UpdateToDataRatioLog10)));
            Assert.Equal(json, ModelFile.ToJson(loaded));
        }

        [Fact]
        public void AHistoryOf200000StepsKeepsTheFileSmall()
        {
            // The records of the lecture's run as the trainer keeps them, with a dev loss every 10,000 steps.
            var history = new ThinnedHistory<MlpTrainingRecord>(r => r.Step, r => r.DevLoss.HasValue);
            for (int step = 1; step <= 200_000; step++)
            {
                history.Add(new MlpTrainingRecord(step, 2.0 + (1.0 / step), step > 100_000 ? 0.01f : 0.1f, step % 10_000 == 0 ? 2.1 + (1.0 / step) : (double?)null));
            }

            MlpModel small = MlpTrainer.Train(Names, Options(1));
            MlpModel model = new MlpModel(small.Vocabulary, small.Parameters, small.TrainingSettings, small.TrainingNames, 200_000, 2.0, 2.1, TorchGeneratorState.Of(new TorchGenerator(2147483647)), history.ToArray());
            int bytes = Encoding.UTF8.GetByteCount(ModelFile.ToJson(model)) - Encoding.UTF8.GetByteCount(ModelFile.ToJson(small));
            Assert.Equal(1796, model.LossHistory.Count);
            Assert.True(bytes < 160_000, $"the history takes {bytes:N0} bytes");
        }

        [Theory]
        [InlineData("\"step\": [\n      1,\n      2,", "\"step\": [\n      2,\n      1,", "\"lossHistory.step\"[1] is 1")]
        [InlineData("\"learningRate\": [\n      0.1,", "\"learningRate\": [", "\"lossHistory.learningRate\" has 3 values but \"lossHistory.step\" has 4")]
        [InlineData("\"devLoss\": [\n      null,", "\"devLoss\": [\n      \"low\",", "\"lossHistory.devLoss\"[0] is \"low\"")]
        [InlineData("\"parameter\": [\n      \"C\",", "\"parameter\": [\n      \"W3\",", "\"W3\"; the model's parameters are C, W1, bngain, bnbias, W2, b2")]
        [InlineData("\"layer\": [\n      \"Embedding\",", "\"layer\": [\n      7,", "\"activationStatistics.layer\"[0] is 7")]
        [InlineData("\"lossHistory\": {", "\"lossHistory\": [], \"x\": {", "\"lossHistory\" is an array")]
        public void ADamagedHistoryIsRefusedWithAMessageThatNamesThePlace(string original, string damaged, string expected)
        {
            MlpTrainingOptions options = Options(4);
            options.DiagnosticsInterval = 2;
            string json = ModelFile.ToJson(MlpTrainer.Train(Names, options)).Replace("\r\n", "\n");
            Assert.Contains(original, json);
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(json.Replace(original, damaged)));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void AFileWhoseDevLossIsOfAnEarlierStepLoadsWithoutIt()
        {
            // Written before DevLoss meant the last step's: the dev loss of step 4 beside a model of 6 steps.
            MlpTrainingOptions options = Options(4);
            options.DevLossInterval = 0;
            MlpModel measured = MlpTrainer.Train(Names, options, BundledNames.Names.Skip(4000).Take(100));
            MlpModel continued = new MlpTrainer(null, Options(6), measured).Train().Model;
            string json = ModelFile.ToJson(continued);
            Assert.Contains("\"devLoss\": null,", json);
            string stale = json.Replace("\"devLoss\": null,", "\"devLoss\": " + measured.DevLoss!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ",");

            var loaded = (MlpModel)ModelFile.FromJson(stale);
            Assert.Null(loaded.DevLoss);
            Assert.Equal(measured.DevLoss, loaded.LossHistory[3].DevLoss);
            Assert.Equal(measured.DevLoss, ((MlpModel)ModelFile.FromJson(ModelFile.ToJson(measured))).DevLoss);
        }

        [Fact]
        public void AHistoryBeyondTheModelsStepsIsRefused()
        {
            string json = ModelFile.ToJson(MlpTrainer.Train(Names, Options(4)));
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(json.Replace("\"steps\": 4,\n    \"finalLoss\"".Replace("\n", Environment.NewLine), "\"steps\": 3,\n    \"finalLoss\"")));
            Assert.Contains("\"lossHistory.step\"[3] is 4; it must be a whole number from 4 to 3", error.Message);
        }

        [Fact]
        public void TrainingResumedFromASavedCheckpointIsBitIdentical()
        {
            MlpModel whole = MlpTrainer.Train(Names, Options(240));
            string path = Path.Combine(Path.GetTempPath(), $"mlp-checkpoint-{Guid.NewGuid():N}.json");
            try
            {
                ModelFile.Save(MlpTrainer.Train(Names, Options(240).With(o => o.Steps = 90)), path);
                var checkpoint = (MlpModel)ModelFile.Load(path);
                MlpModel resumed = new MlpTrainer(Names, Options(240), checkpoint).Train().Model;
                Assert.Equal(ModelFile.ToJson(whole), ModelFile.ToJson(resumed));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void AFileOfTheFirstMlpFormatStillLoadsAndTrainsOn()
        {
            // Written by MakemorePS 0.1.0 before models kept their history: 10 names (3 of them twice), 6 steps, H=4, d=2.
            var model = (MlpModel)ModelFile.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "mlp-format2.json"));
            Assert.Equal(6, model.Steps);
            Assert.Equal(2.3032248616218567, model.FinalLoss);
            Assert.Equal(2.2728919982910156, model.DevLoss);
            Assert.Equal(new[] { "emma", "ava", "olivia", "noah", "liam", "mia", "lena" }, model.TrainingNames);
            Assert.Equal(7, model.NameCount);
            Assert.Empty(model.LossHistory);
            Assert.Empty(model.ActivationStatistics);
            Assert.Empty(model.GradientStatistics);
            Assert.Equal((4, 2, 3, true), (model.HiddenSize, model.EmbeddingSize, model.BlockSize, model.BatchNorm));
            Assert.Equal(-0.9233714f, model.GetParameter("C", out _, out _)[0]);
            Assert.Equal(0.013390537f, model.GetParameter("b2", out _, out _)[0]);

            MlpModel reloaded = Assert.IsType<MlpModel>(ModelFile.FromJson(ModelFile.ToJson(model)));
            int[] contexts = { 0, 0, 0, 0, 1, 6 };
            var expected = new double[2 * model.VocabularySize];
            var actual = new double[2 * model.VocabularySize];
            model.NextSymbolLogProbabilities(contexts, 2, expected);
            reloaded.NextSymbolLogProbabilities(contexts, 2, actual);
            Assert.Equal(expected, actual);

            // It goes on with the PCG32 stream it was saved with, and says so when saved again: continuing in two legs
            // through a file draws exactly the batches of one leg.
            MlpTrainingOptions options = model.TrainingSettings.Clone();
            options.Steps = 9;
            MlpModel continued = new MlpTrainer(model.TrainingNames, options, model).Train().Model;
            Assert.Equal(9, continued.Steps);
            options.Steps = 7;
            string halfway = ModelFile.ToJson(new MlpTrainer(model.TrainingNames, options, model).Train().Model);
            Assert.Contains("\"generator\": \"Pcg32\"", halfway);
            options.Steps = 9;
            MlpModel inTwoLegs = new MlpTrainer(model.TrainingNames, options, (MlpModel)ModelFile.FromJson(halfway)).Train().Model;
            Assert.Equal(continued.GetParameter("W1", out _, out _), inTwoLegs.GetParameter("W1", out _, out _));
            Assert.Equal(continued.LossHistory.Select(r => r.Loss), inTwoLegs.LossHistory.Select(r => r.Loss));
            Assert.Equal(2.22123265266418, continued.FinalLoss!.Value, 12); // what MakemorePS before format 3 continued to, on this machine

            // A format 2 file whose PCG32 increment is even cannot be from a generator.
            string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "mlp-format2.json"));
            Match increment = Regex.Match(json, "\"generatorIncrement\": \"([0-9a-f]{15})([0-9a-f])\"");
            Assert.True(increment.Success);
            string even = json.Replace(increment.Value, $"\"generatorIncrement\": \"{increment.Groups[1].Value}{(Convert.ToInt32(increment.Groups[2].Value, 16) & ~1):x}\"");
            Assert.Contains("generatorIncrement", Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(even)).Message);
            string notHex = json.Replace(increment.Value, "\"generatorIncrement\": \"not hexadecimal!\"");
            Assert.Contains("16 hexadecimal digits", Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(notHex)).Message);
        }

        [Fact]
        public void AFileKeepsEveryTrainingNameSoALoadedCheckpointContinuesOnItsOwnNamesExactly()
        {
            string[] names = Names.Concat(Names.Take(500)).ToArray();
            MlpModel whole = MlpTrainer.Train(names, Options(240));
            var checkpoint = (MlpModel)ModelFile.FromJson(ModelFile.ToJson(MlpTrainer.Train(names, Options(90))));
            Assert.Equal(2000, checkpoint.NameCount);
            Assert.Equal(Names, checkpoint.TrainingNames);
            MlpModel continued = new MlpTrainer(null, Options(240), checkpoint).Train().Model;
            Assert.Equal(ModelFile.ToJson(whole), ModelFile.ToJson(continued));
        }

        [Fact]
        public void BigramFilesStillLoadAndTheBigramLoaderNamesAnMlpFile()
        {
            BigramModel counts = BigramModel.FromCounts(BundledNames.Counts, 1.0, Names);
            string bigramJson = ModelSerializer.ToJson(counts);
            Assert.Contains("\"formatVersion\": 1", bigramJson);
            ILanguageModel loaded = ModelFile.FromJson(bigramJson);
            Assert.Equal("Counts", loaded.KindName);
            Assert.Equal(counts.Probabilities.ToArray(), ((BigramModel)loaded).Probabilities.ToArray());
            Assert.Equal(bigramJson, ModelFile.ToJson(loaded));

            string mlpJson = ModelFile.ToJson(MlpTrainer.Train(Names, Options(2)));
            Assert.Contains("\"formatVersion\": 3", mlpJson);
            Assert.Contains("\"kind\": \"Mlp\"", mlpJson);
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelSerializer.FromJson(mlpJson));
            Assert.Contains("MLP", error.Message);
            Assert.Contains("ModelFile.Load", error.Message);
        }

        [Theory]
        [InlineData("\"formatVersion\": 3", "\"formatVersion\": 4", "newer MakemorePS")]
        [InlineData("\"formatVersion\": 3", "\"formatVersion\": 1", "format version 2 to 3")]
        [InlineData("\"formatVersion\": 3", "\"formatVersion\": 3.5", "must be a whole number")]
        [InlineData("\"formatVersion\": 3", "\"formatVersion\": 99999999999", "newer MakemorePS")]
        [InlineData("\"generatorIndex\": ", "\"generatorIndex\": 1000000000000, \"indexWas\": ", "from 0 to 624")]
        [InlineData("\"generator\": \"PyTorch\"", "\"generator\": \"NumPy\"", "trainingState.generator")]
        [InlineData("\"generatorIndex\": ", "\"generatorIndex\": 625, \"indexWas\": ", "generatorIndex")]
        [InlineData("\"generatorWords\": \"", "\"generatorWords\": \"!", "generatorWords")]
        [InlineData("\"generatorWords\": \"", "\"generatorWords\": \"AAAA", "generatorWords")]
        [InlineData("\"generator\": \"PyTorch\"", "\"generator\": \"Pcg32\"", "generatorState")]
        [InlineData("\"generatorSeed\": ", "\"generatorSeed\": 0.5, \"seedWas\": ", "generatorSeed")]
        [InlineData("\"hiddenSize\": 24", "\"hiddenSize\": 25", "parameters.W1")]
        [InlineData("\"batchNorm\": true", "\"batchNorm\": false", "parameters.b1")]
        [InlineData("\"parameters\": {", "\"parameterz\": {", "parameters")]
        [InlineData("\"blockSize\": 3", "\"blockSize\": 0", "BlockSize")]
        public void ADamagedMlpFileIsRefusedWithAMessageThatNamesThePlace(string original, string damaged, string expected)
        {
            string json = ModelFile.ToJson(MlpTrainer.Train(Names, Options(2)));
            Assert.Contains(original, json);
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(json.Replace(original, damaged)));
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void AGeneratorStateOfAllZeroBitsIsRefused()
        {
            string json = ModelFile.ToJson(MlpTrainer.Train(Names, Options(2)));
            Match words = Regex.Match(json, "\"generatorWords\": \"([^\"]+)\"");
            Assert.True(words.Success);
            string zero = json.Replace(words.Groups[1].Value, Convert.ToBase64String(new byte[4 * Mt19937.StateWords]));
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(zero));
            Assert.Contains("\"trainingState.generatorWords\" is all zero bits", error.Message);
            Assert.DoesNotContain("Parameter", error.Message);
        }

        [Fact]
        public void ADeviceThatNeverEndsIsRefusedFromItsFirstBytes()
        {
            // As /dev/zero reads: endless zero bytes. Reading it to its end would never finish.
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelFile.Load(new EndlessZeros()));
            Assert.Contains("0x00", error.Message);
        }

        private sealed class EndlessZeros : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                Array.Clear(buffer, offset, count);
                return count;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        [Fact]
        public void ANonFiniteWeightIsRefused()
        {
            string json = ModelFile.ToJson(MlpTrainer.Train(Names, Options(2)));
            int at = json.IndexOf("\"b2\": [", StringComparison.Ordinal);
            int value = json.IndexOf('[', at) + 1;
            int end = json.IndexOfAny(new[] { ',', ']' }, value);
            string damaged = json.Substring(0, value) + "\"NaN\"" + json.Substring(end);
            ModelFormatException error = Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(damaged));
            Assert.Contains("parameters.b2", error.Message);
        }

        [Fact]
        public void EmptyAndTruncatedFilesGetTheUsualMessages()
        {
            Assert.Contains("empty", Assert.Throws<ModelFormatException>(() => ModelFile.FromJson("  ")).Message);
            string json = ModelFile.ToJson(MlpTrainer.Train(Names, Options(2)));
            Assert.Contains("truncated", Assert.Throws<ModelFormatException>(() => ModelFile.FromJson(json.Substring(0, json.Length / 2))).Message);
        }
    }
}
