using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime;
using System.Threading;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class MlpTrainerTests
    {
        private static readonly string[] Names = BundledNames.Names.Take(2000).ToArray();

        private static MlpTrainingOptions Small(int steps = 300, bool batchNorm = true) => new MlpTrainingOptions
        {
            Steps = steps,
            HiddenSize = 40,
            EmbeddingSize = 4,
            BatchNorm = batchNorm,
            DecayStep = steps / 2,
            DevLossInterval = 100,
        };

        private static void AssertSameWeights(MlpModel expected, MlpModel actual)
        {
            Assert.Equal(expected.ParameterNames, actual.ParameterNames);
            foreach (string name in expected.ParameterNames)
            {
                Assert.Equal(expected.GetParameter(name, out _, out _), actual.GetParameter(name, out _, out _));
            }

            Assert.Equal(expected.GetRunningMean(), actual.GetRunningMean());
            Assert.Equal(expected.GetRunningStd(), actual.GetRunningStd());
            Assert.Equal(expected.Steps, actual.Steps);
        }

        [Fact]
        public void DefaultsAreTheLecturesPart3()
        {
            var options = new MlpTrainingOptions();
            Assert.Equal((3, 10, 200, true, 32, 200_000), (options.BlockSize, options.EmbeddingSize, options.HiddenSize, options.BatchNorm, options.BatchSize, options.Steps));
            Assert.Equal(MlpInitialization.Scaled, options.Initialization);
            Assert.Equal(0.1f, options.LearningRateAt(1));
            Assert.Equal(0.1f, options.LearningRateAt(100_000));
            Assert.Equal(0.01f, options.LearningRateAt(100_001));
            Assert.Equal(0.001f, options.BatchNormMomentum);
            Assert.Equal(2147483647L, options.Seed);
        }

        [Fact]
        public void ScaledInitializationStartsNearTheUniformLoss()
        {
            var trainer = new MlpTrainer(BundledNames.Names, new MlpTrainingOptions { Steps = 1 });
            double first = trainer.Step();
            Assert.InRange(first, Math.Log(27) - 0.1, Math.Log(27) + 0.1);

            var gaussian = new MlpTrainer(BundledNames.Names, new MlpTrainingOptions { Steps = 1, Initialization = MlpInitialization.Gaussian, BatchNorm = false });
            Assert.True(gaussian.Step() > 10.0, "part 2's plain Gaussian start is confidently wrong");
        }

        [Fact]
        public void TheSameSeedGivesTheSameWeightsAndAnotherSeedOthers()
        {
            MlpModel a = MlpTrainer.Train(Names, Small());
            MlpModel b = MlpTrainer.Train(Names, Small());
            AssertSameWeights(a, b);
            MlpTrainingOptions other = Small();
            other.Seed = 7;
            MlpModel c = MlpTrainer.Train(Names, other);
            Assert.NotEqual(a.GetParameter("W1", out _, out _), c.GetParameter("W1", out _, out _));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void ResumingFromCheckpointsIsBitIdenticalToOneRun(bool batchNorm)
        {
            MlpModel whole = MlpTrainer.Train(Names, Small(300, batchNorm));

            // Three pieces, the boundary inside the decay schedule, each resumed from the previous checkpoint.
            MlpModel piece = MlpTrainer.Train(Names, Small(300, batchNorm).With(o => o.Steps = 70));
            Assert.Equal(70, piece.Steps);
            piece = new MlpTrainer(Names, Small(300, batchNorm).With(o => o.Steps = 201), piece).Train().Model;
            piece = new MlpTrainer(Names, Small(300, batchNorm), piece).Train().Model;
            AssertSameWeights(whole, piece);
            Assert.Equal(whole.FinalLoss, piece.FinalLoss);
        }

        [Fact]
        public void CancellationStopsBetweenStepsAndTheModelResumesExactly()
        {
            using var cancellation = new CancellationTokenSource();
            var trainer = new MlpTrainer(Names, Small());
            MlpTrainingResult result = trainer.Train(record =>
            {
                if (record.Step == 123)
                {
                    cancellation.Cancel();
                }
            }, cancellation.Token);
            Assert.True(result.Cancelled);
            Assert.Equal(123, result.StepsTaken);
            Assert.Equal(123, result.Model.Steps);
            Assert.Equal(Enumerable.Range(1, 123), result.Model.LossHistory.Select(r => r.Step));

            MlpTrainingResult resumed = new MlpTrainer(Names, Small(), result.Model).Train();
            Assert.False(resumed.Cancelled);
            Assert.Equal(177, resumed.StepsTaken);
            AssertSameWeights(MlpTrainer.Train(Names, Small()), resumed.Model);
        }

        [Fact]
        public void RecordsHoldStepLossLearningRateAndDevLossAtItsInterval()
        {
            string[] dev = BundledNames.Names.Skip(5000).Take(300).ToArray();
            var records = new List<MlpTrainingRecord>();
            var trainer = new MlpTrainer(Names, Small(250), null, dev);
            MlpModel model = trainer.Train(records.Add).Model;
            Assert.Equal(Enumerable.Range(1, 250), records.Select(r => r.Step));
            Assert.All(records, r => Assert.True(r.Loss > 0 && r.Loss < 10));
            Assert.Equal(0.1f, records[124].LearningRate);
            Assert.Equal(0.01f, records[125].LearningRate);
            Assert.Equal(new[] { 100, 200, 250 }, records.Where(r => r.DevLoss.HasValue).Select(r => r.Step));
            Assert.True(records[249].DevLoss < records[99].DevLoss);

            // The dev loss is the model's own mean NLL over the dev positions (evaluation mode).
            var dataset = ContextWindowDataset.Create(dev, model.Vocabulary, 3);
            Assert.Equal(model.MeanNegativeLogLikelihood(dataset), records[249].DevLoss!.Value, 1e-9);
            Assert.Equal(records[249].DevLoss, model.DevLoss);
            Assert.Equal(records[249].Loss, model.FinalLoss);
        }

        [Fact]
        public void TheModelsDevLossIsThatOfItsLastStepAndTheHistoryKeepsTheEarlierOnes()
        {
            string[] dev = BundledNames.Names.Skip(5000).Take(300).ToArray();
            MlpModel trained = new MlpTrainer(Names, Small(250), null, dev).Train().Model;

            // Continued without validation names, the new weights were never measured.
            MlpModel unmeasured = new MlpTrainer(null, Small(260), trained).Train().Model;
            Assert.Null(unmeasured.DevLoss);
            Assert.Equal(new[] { 100, 200, 250 }, unmeasured.LossHistory.Where(r => r.DevLoss.HasValue).Select(r => r.Step));

            // With them, the last step is measured although 260 is no multiple of the interval.
            MlpModel measured = new MlpTrainer(null, Small(260), trained, dev).Train().Model;
            var dataset = ContextWindowDataset.Create(dev, measured.Vocabulary, 3);
            Assert.Equal(measured.MeanNegativeLogLikelihood(dataset), measured.DevLoss!.Value, 1e-9);
            Assert.Equal(new[] { 100, 200, 250, 260 }, measured.LossHistory.Where(r => r.DevLoss.HasValue).Select(r => r.Step));
            Assert.Equal(measured.DevLoss, measured.LossHistory[measured.LossHistory.Count - 1].DevLoss);
        }

        [Fact]
        public void ACancelledRunMeasuresTheDevLossOfItsLastStep()
        {
            string[] dev = BundledNames.Names.Skip(5000).Take(300).ToArray();
            using var cancellation = new CancellationTokenSource();
            MlpTrainingResult result = new MlpTrainer(Names, Small(), null, dev).Train(record =>
            {
                if (record.Step == 123)
                {
                    cancellation.Cancel();
                }
            }, cancellation.Token);

            // Cancelled after its record was made, the last step is measured all the same.
            MlpModel model = result.Model;
            Assert.Equal(123, model.Steps);
            var dataset = ContextWindowDataset.Create(dev, model.Vocabulary, 3);
            Assert.Equal(model.MeanNegativeLogLikelihood(dataset), model.DevLoss!.Value, 1e-9);
            Assert.Equal(new[] { 100, 123 }, model.LossHistory.Where(r => r.DevLoss.HasValue).Select(r => r.Step));

            // The dev loss measured after a step's record was made (as a stopped command does) goes into that record too.
            var trainer = new MlpTrainer(Names, Small(), null, dev);
            trainer.Step();
            trainer.Step();
            Assert.Null(trainer.ToModel().DevLoss);
            double measured = trainer.MeasureDevLoss()!.Value;
            Assert.Equal(measured, trainer.MeasureDevLoss());
            MlpModel stopped = trainer.ToModel();
            Assert.Equal(measured, stopped.DevLoss);
            Assert.Equal(new double?[] { null, measured }, stopped.LossHistory.Select(r => r.DevLoss));
        }

        [Fact]
        public void TheModelKeepsTheRecordsOfItsStepsWithoutTheirDiagnostics()
        {
            string[] dev = BundledNames.Names.Skip(5000).Take(300).ToArray();
            var options = Small(120);
            options.DiagnosticsInterval = 50;
            var records = new List<MlpTrainingRecord>();
            MlpModel model = new MlpTrainer(Names, options, null, dev).Train(records.Add).Model;

            Assert.Equal(records.Select(r => (r.Step, r.Loss, r.LearningRate, r.DevLoss)), model.LossHistory.Select(r => (r.Step, r.Loss, r.LearningRate, r.DevLoss)));
            Assert.All(model.LossHistory, r => Assert.Empty(r.GetActivationStatistics()));
            Assert.Equal(records.SelectMany(r => r.GetActivationStatistics()), model.ActivationStatistics);
            Assert.Equal(records.SelectMany(r => r.GetGradientStatistics()), model.GradientStatistics);
            Assert.Equal(new[] { 50, 100 }, model.GradientStatistics.Select(g => g.Step).Distinct());
            Assert.Empty(MlpTrainer.Train(Names, Small(3)).ActivationStatistics);

            // Steps taken one by one are kept too.
            var trainer = new MlpTrainer(Names, Small());
            double[] losses = { trainer.Step(), trainer.Step() };
            Assert.Equal(losses, trainer.ToModel().LossHistory.Select(r => r.Loss));
        }

        [Fact]
        public void ALongHistoryIsThinnedAsABigramModelsIsAndKeepsEveryDevLoss()
        {
            var options = new MlpTrainingOptions { Steps = 3000, HiddenSize = 8, EmbeddingSize = 2, BatchSize = 4, BatchNormEpsilon = 1e-5f, DevLossInterval = 77 };
            MlpModel model = new MlpTrainer(Names, options, null, BundledNames.Names.Skip(5000).Take(20)).Train().Model;
            var bigramRule = new LossHistory();
            for (int step = 1; step <= 3000; step++)
            {
                bigramRule.Add(new TrainingRecord(step, 0, 0, 0, 0));
            }

            int[] devSteps = Enumerable.Range(1, 3000).Where(step => step % 77 == 0 || step == 3000).ToArray();
            Assert.Equal(bigramRule.ToArray().Select(r => r.Step).Union(devSteps).OrderBy(step => step), model.LossHistory.Select(r => r.Step));
            Assert.Equal(devSteps, model.LossHistory.Where(r => r.DevLoss.HasValue).Select(r => r.Step));
        }

        [Fact]
        public void AContinuedModelGoesOnFromTheHistoryAndDiagnosticsItWasContinuedFrom()
        {
            MlpTrainingOptions Options(int steps) => Small(300).With(o =>
            {
                o.Steps = steps;
                o.DiagnosticsInterval = 40;
            });

            MlpModel whole = MlpTrainer.Train(Names, Options(300));
            MlpModel piece = MlpTrainer.Train(Names, Options(70));
            piece = new MlpTrainer(Names, Options(201), piece).Train().Model;
            piece = new MlpTrainer(Names, Options(300), piece).Train().Model;
            Assert.Equal(Enumerable.Range(1, 300), piece.LossHistory.Select(r => r.Step));
            Assert.Equal(whole.LossHistory.Select(r => (r.Loss, r.LearningRate)), piece.LossHistory.Select(r => (r.Loss, r.LearningRate)));
            Assert.Equal(new[] { 40, 80, 120, 160, 200, 240, 280 }, piece.ActivationStatistics.Select(a => a.Step).Distinct());
            Assert.Equal(whole.GradientStatistics.Select(g => (g.Step, g.Parameter, g.GradientStd)), piece.GradientStatistics.Select(g => (g.Step, g.Parameter, g.GradientStd)));
        }

        [Fact]
        public void TheModelCountsEveryTrainingNameAsABigramModelDoes()
        {
            string[] names = Names.Concat(Names.Take(300)).ToArray();
            var rejected = new List<Exception>();
            MlpModel model = new MlpTrainer(names.Append("a.b"), Small(2), null, null, rejected.Add).Train().Model;
            Assert.Single(rejected);
            var counter = new BigramCounter();
            counter.AddNames(names);
            Assert.Equal(2300, model.NameCount);
            Assert.Equal(counter.ToCounts().NameCount, model.NameCount);
            Assert.Equal(Names, model.TrainingNames);
        }

        [Fact]
        public void AModelContinuedWithoutNamesTrainsOnItsOwnExactly()
        {
            string[] names = Names.Take(1000).Concat(Names.Take(400)).ToArray();
            MlpModel whole = MlpTrainer.Train(names, Small());
            MlpModel piece = MlpTrainer.Train(names, Small().With(o => o.Steps = 100));
            MlpModel continued = new MlpTrainer(null, Small(), piece).Train().Model;
            AssertSameWeights(whole, continued);
            Assert.Equal(1400, continued.NameCount);
            Assert.Throws<ArgumentNullException>(() => new MlpTrainer(null, Small()));
        }

        [Fact]
        public void LossFallsOnTheBundledNames()
        {
            var records = new List<MlpTrainingRecord>();
            MlpTrainer.Train(BundledNames.Names, new MlpTrainingOptions { Steps = 3000, DecayStep = 3000 }, null, records.Add);
            double first = records.Take(10).Average(r => r.Loss);
            double last = records.Skip(2900).Average(r => r.Loss);
            Assert.True(first > 3.1, $"mean loss of the first 10 steps {first}");
            Assert.True(last < 2.45, $"mean loss of the last 100 steps {last}");
        }

        [Fact]
        public void DiagnosticsDescribeEveryLayerAndParameter()
        {
            var options = Small(20);
            options.DiagnosticsInterval = 10;
            var records = new List<MlpTrainingRecord>();
            new MlpTrainer(Names, options).Train(records.Add);
            Assert.Empty(records[8].GetActivationStatistics());
            IReadOnlyList<MlpActivationStatistics> activations = records[9].GetActivationStatistics();
            Assert.Equal(new[] { "Embedding", "Linear1", "BatchNorm", "Tanh", "Linear2" }, activations.Select(a => a.Layer));
            Assert.All(activations, a => Assert.Equal(10, a.Step));
            MlpActivationStatistics tanh = activations.Single(a => a.Layer == "Tanh");
            Assert.InRange(tanh.SaturatedFraction!.Value, 0.0, 0.5);
            Assert.Null(activations[0].SaturatedFraction);
            MlpActivationStatistics batchNorm = activations.Single(a => a.Layer == "BatchNorm");
            Assert.InRange(batchNorm.Std, 0.8, 1.2); // normalized, gain still near 1

            IReadOnlyList<MlpGradientStatistics> gradients = records[19].GetGradientStatistics();
            Assert.Equal(new[] { "C", "W1", "bngain", "bnbias", "W2", "b2" }, gradients.Select(g => g.Parameter));
            Assert.Equal("12x40", gradients[1].Shape);
            Assert.All(gradients, g => Assert.True(g.GradientStd > 0));
            Assert.All(gradients.Where(g => g.Parameter != "b2" && g.Parameter != "bnbias"), g => Assert.InRange(g.UpdateToDataRatioLog10!.Value, -6.0, -0.5));
        }

        [Fact]
        public void SaturatedPart2StartShowsInTheTanhDiagnostic()
        {
            var options = new MlpTrainingOptions { Steps = 1, Initialization = MlpInitialization.Gaussian, BatchNorm = false, DiagnosticsInterval = 1 };
            var records = new List<MlpTrainingRecord>();
            new MlpTrainer(Names, options).Train(records.Add);
            Assert.True(records[0].GetActivationStatistics().Single(a => a.Layer == "Tanh").SaturatedFraction > 0.5);
        }

        [Fact]
        public void AHugeLearningRateFailsWithAClearMessageAndKeepsTheLastGoodWeights()
        {
            var options = new MlpTrainingOptions { Steps = 200, LearningRate = float.MaxValue, BatchNorm = false };
            var trainer = new MlpTrainer(Names, options);
            TrainingDivergedException error = Assert.Throws<TrainingDivergedException>(() => trainer.Train());
            Assert.Equal("TrainingDiverged", error.ErrorId);
            Assert.Matches("step [0-9]+", error.Message);
            Assert.Matches("loss|(gradient|update) of (C|W1|b1|W2|b2)", error.Message);
            MlpModel model = trainer.ToModel();
            Assert.Equal(error.Step - 1, model.Steps);
            Assert.All(model.ParameterNames, name => Assert.True(model.GetParameter(name, out _, out _).All(w => !float.IsNaN(w) && !float.IsInfinity(w)), name));
        }

        [Fact]
        public void AHugeLearningRateWithBatchNormBlamesTheLearningRateNotTheBatchStd()
        {
            // The first update makes the weights about 1e29, so the next first-layer outputs overflow float32.
            var options = new MlpTrainingOptions { Steps = 10, LearningRate = 1e30f };
            TrainingDivergedException error = Assert.Throws<TrainingDivergedException>(() => new MlpTrainer(Names, options).Train());
            Assert.Equal(nameof(MlpTrainingOptions.LearningRate), error.Setting);
            Assert.Contains("lower learning rate than 1E+30", error.Message);
            Assert.DoesNotContain("batch size", error.Message);
            Assert.DoesNotContain("epsilon", error.Message);
        }

        [Fact]
        public void TheDevLossIsExactlyTheScorersMeanOverTheDevNames()
        {
            NameSplit split = NameSplit.Create(BundledNames.Names.Take(4000));
            foreach (MlpTrainingOptions options in new[] { new MlpTrainingOptions { Steps = 500 }, Small() })
            {
                MlpModel model = MlpTrainer.Train(split.Train, options, split.Dev);
                double scored = NameScoring.CreateScorer(model).ScoreDataset(split.Dev).MeanNegativeLogLikelihood;
                Assert.Equal(scored, model.DevLoss!.Value);
                Assert.Equal(scored, model.MeanNegativeLogLikelihood(ContextWindowDataset.Create(split.Dev, model.Vocabulary, model.BlockSize)));
            }
        }

        [Fact]
        public void AZeroBatchStdIsNamed()
        {
            // One name of one symbol: two examples, so a batch of 2 is often the same example twice.
            var options = new MlpTrainingOptions { Steps = 100, BatchSize = 2, HiddenSize = 8 };
            var trainer = new MlpTrainer(new[] { "a" }, options);
            TrainingDivergedException error = Assert.Throws<TrainingDivergedException>(() => trainer.Train());
            Assert.Contains("BatchNorm", error.Message);
            Assert.Contains("epsilon", error.Message);

            options.BatchNormEpsilon = 1e-5f;
            Assert.Equal(100, new MlpTrainer(new[] { "a" }, options).Train().Model.Steps);
        }

        [Fact]
        public void AStepAllocatesNothing()
        {
            var trainer = new MlpTrainer(Names, new MlpTrainingOptions { Steps = 1000 });

            // Tiered compilation swaps in optimized code in the background during the first steps, later on a loaded
            // machine, and installing it may allocate on this thread: measure the steady state, once the JIT is quiet
            // (or after 100 rounds, when parallel tests keep it busy).
            for (int round = 0; round < 100; round++)
            {
                long compiled = JitInfo.GetCompiledMethodCount();
                for (int i = 0; i < 50; i++)
                {
                    trainer.Step();
                }

                Thread.Sleep(20);
                if (JitInfo.GetCompiledMethodCount() == compiled)
                {
                    break;
                }
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++)
            {
                trainer.Step();
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void BadNamesAreReportedOneByOneAndTheRestTrain()
        {
            var rejected = new List<Exception>();
            var trainer = new MlpTrainer(new[] { "emma", "a.b", "ava" }, Small(5), null, new[] { "ema", "zoë" }, rejected.Add);
            Assert.Equal(2, trainer.TrainingSet.NameCount);
            Assert.Equal(1, trainer.ValidationSet!.NameCount);
            Assert.IsType<InvalidNameException>(rejected[0]);
            Assert.IsType<UnknownCharacterException>(rejected[1]);
            Assert.Equal(new[] { "emma", "ava" }, trainer.ToModel().TrainingNames);
            Assert.Throws<InvalidNameException>(() => new MlpTrainer(new[] { "a.b" }, Small()));
            Assert.Throws<ArgumentException>(() => new MlpTrainer(Array.Empty<string>(), Small()));
        }

        [Fact]
        public void OptionsAreValidatedAndAMismatchedStartModelIsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new MlpTrainer(Names, new MlpTrainingOptions { BatchSize = 1 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new MlpTrainer(Names, new MlpTrainingOptions { LearningRate = float.NaN }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new MlpTrainer(Names, new MlpTrainingOptions { BlockSize = 0 }));
            MlpModel model = MlpTrainer.Train(Names, Small(3));
            ArgumentException error = Assert.Throws<ArgumentException>(() => new MlpTrainer(Names, new MlpTrainingOptions(), model));
            Assert.Contains("HiddenSize", error.Message);
        }
    }

    internal static class MlpTrainingOptionsExtensions
    {
        public static MlpTrainingOptions With(this MlpTrainingOptions options, Action<MlpTrainingOptions> change)
        {
            change(options);
            return options;
        }
    }
}
