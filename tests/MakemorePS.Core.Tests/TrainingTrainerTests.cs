using System;
using System.Linq;
using System.Threading;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class TrainingTrainerTests
    {
        private static readonly string[] Names = TrainingTestData.RandomNames(400, 9, seed: 40);

        private static BigramCounts Counts() => TrainingTestData.Count(Names);

        [Theory]
        [InlineData(GradientPath.CountMatrix)]
        [InlineData(GradientPath.PerExample)]
        public void ZeroWeightsMakeTheFirstLossLnV(GradientPath path)
        {
            BigramCounts counts = Counts();
            var trainer = new BigramTrainer(counts, new TrainingOptions { Initialization = WeightInitialization.Zeros, GradientPath = path });
            TrainingRecord first = trainer.Step();
            Assert.Equal(1, first.Step);
            Assert.Equal(Math.Log(counts.Size), first.Loss, 1e-6);
            Assert.Equal(0.0, first.Regularization);
            Assert.Equal(first.Loss, first.NegativeLogLikelihood);
            Assert.True(first.GradientNorm > 0);
        }

        [Fact]
        public void EachRecordHoldsTheLossOfItsForwardPassBeforeItsUpdate()
        {
            BigramCounts counts = Counts();
            var options = new TrainingOptions { Regularization = 0.05f };
            var trainer = new BigramTrainer(counts, options);
            var objective = new CountMatrixObjective(counts, options.Regularization);
            var gradient = new float[counts.Size * counts.Size];
            for (int step = 1; step <= 5; step++)
            {
                BigramLoss before = objective.Evaluate(trainer.Weights, gradient);
                float[] weightsBefore = trainer.Weights.ToArray();
                TrainingRecord record = trainer.Step();
                Assert.Equal(step, record.Step);
                Assert.Equal(before.Loss, record.Loss, 1e-12);
                Assert.Equal(before.NegativeLogLikelihood, record.NegativeLogLikelihood, 1e-12);
                Assert.Equal(before.Regularization, record.Regularization, 1e-12);
                Assert.Equal(TrainingTestData.Norm(gradient), record.GradientNorm, 1e-6 * record.GradientNorm);

                // W −= lr·gradient.
                for (int cell = 0; cell < gradient.Length; cell++)
                {
                    Assert.Equal(weightsBefore[cell] - (options.LearningRate * gradient[cell]), trainer.Weights[cell], 1e-5);
                }
            }

            Assert.True(trainer.History[4].Loss < trainer.History[0].Loss);
        }

        [Fact]
        public void RandomInitializationIsTheSeededGaussianStreamRowMajor()
        {
            BigramCounts counts = Counts();
            float[] weights = BigramTrainer.InitialWeights(counts, new TrainingOptions { Seed = 99 });
            var rng = new Pcg32(99);
            Assert.Equal(Enumerable.Range(0, weights.Length).Select(_ => (float)rng.NextGaussian()).ToArray(), weights);
            Assert.Equal(weights, BigramTrainer.InitialWeights(counts, new TrainingOptions { Seed = 99 }));
            Assert.NotEqual(weights, BigramTrainer.InitialWeights(counts, new TrainingOptions { Seed = 100 }));
            Assert.All(BigramTrainer.InitialWeights(counts, new TrainingOptions { Initialization = WeightInitialization.Zeros }), w => Assert.Equal(0f, w));
        }

        [Fact]
        public void LogCountsWithoutSmoothingNeedsEveryBigram()
        {
            BigramCounts counts = Counts();
            var options = new TrainingOptions { Initialization = WeightInitialization.LogCounts, InitializationSmoothing = 0 };
            var error = Assert.Throws<ArgumentException>(() => new BigramTrainer(counts, options));
            Assert.Contains("never", error.Message);
            Assert.Contains("smoothing above 0", error.Message);
        }

        [Fact]
        public void TrainingLowersTheLossAndKeepsTheHistoryInTheModel()
        {
            BigramCounts counts = Counts();
            var options = new TrainingOptions { Steps = 60 };
            var seen = new System.Collections.Generic.List<TrainingRecord>();
            BigramModel model = BigramTrainer.Train(counts, options, Names, seen.Add);
            Assert.Equal(BigramModelKind.Neural, model.Kind);
            Assert.Equal(60, model.Steps);
            Assert.Equal(seen, model.LossHistory);
            Assert.Equal(Enumerable.Range(1, 60), model.LossHistory.Select(r => r.Step));
            Assert.True(model.FinalLoss < model.LossHistory[0].Loss);
            Assert.Equal(options.Steps, model.TrainingSettings!.Steps);
            Assert.True(model.IsTrainingName(Names[0]));
        }

        [Fact]
        public void DivergenceNamesTheStepAndTheLearningRate()
        {
            BigramCounts counts = Counts();
            var options = new TrainingOptions { LearningRate = 1e30f, Regularization = 0.5f, Steps = 50 };
            var trainer = new BigramTrainer(counts, options);
            var error = Assert.Throws<TrainingDivergedException>(() =>
            {
                for (int step = 0; step < options.Steps; step++)
                {
                    trainer.Step();
                }
            });
            Assert.Equal("TrainingDiverged", error.ErrorId);
            Assert.Equal(trainer.StepsTaken + 1, error.Step);
            Assert.Contains($"step {error.Step}", error.Message);
            Assert.Contains("lower -LearningRate", error.Message);
            Assert.Equal(nameof(TrainingOptions.LearningRate), error.Setting);

            // The failed step was not recorded, and calling again fails the same way instead of continuing.
            Assert.Equal(error.Step - 1, trainer.History.Count);
            Assert.Equal(error.Step, Assert.Throws<TrainingDivergedException>(() => trainer.Step()).Step);
            Assert.Throws<TrainingDivergedException>(() => BigramTrainer.Train(counts, options));
        }

        [Fact]
        public void CancellationBetweenStepsKeepsTheLastGoodWeights()
        {
            BigramCounts counts = Counts();
            var options = new TrainingOptions { Steps = 100 };
            using var source = new CancellationTokenSource();
            var trainer = new BigramTrainer(counts, options);
            TrainingResult result = trainer.Run(record =>
            {
                if (record.Step == 3)
                {
                    source.Cancel();
                }
            }, source.Token);
            Assert.True(result.Cancelled);
            Assert.Equal(3, result.StepsTaken);
            Assert.Equal(3, result.Model.Steps);

            var reference = new BigramTrainer(counts, options);
            reference.Step();
            reference.Step();
            reference.Step();
            Assert.Equal(reference.Weights.ToArray(), result.Model.GetWeights());

            // The static entry point returns the model so far.
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            BigramModel untouched = BigramTrainer.Train(counts, options, cancellationToken: cancelled.Token);
            Assert.Equal(0, untouched.Steps);
            Assert.Equal(BigramTrainer.InitialWeights(counts, options), untouched.GetWeights());

            TrainingResult finished = new BigramTrainer(counts, new TrainingOptions { Steps = 4 }).Run();
            Assert.False(finished.Cancelled);
            Assert.Equal(4, finished.StepsTaken);
        }

        [Fact]
        public void MiniBatchesAreReproducibleFromTheSeed()
        {
            BigramCounts counts = Counts();
            var options = new TrainingOptions { BatchSize = 64, Steps = 200, LearningRate = 10f, Seed = 7 };
            var trainer = new BigramTrainer(counts, options);
            Assert.Equal(GradientPath.PerExample, trainer.Path);
            BigramModel first = trainer.Run().Model;
            BigramModel second = BigramTrainer.Train(counts, options);
            Assert.Equal(first.GetWeights(), second.GetWeights());
            Assert.Equal(first.LossHistory.Select(r => r.Loss), second.LossHistory.Select(r => r.Loss));

            options.Seed = 8;
            BigramModel other = BigramTrainer.Train(counts, options);
            Assert.NotEqual(first.LossHistory.Select(r => r.Loss), other.LossHistory.Select(r => r.Loss));

            // Noisy, but it learns: the last 20 batches are better on average than the first 20.
            Assert.True(first.LossHistory.Skip(180).Average(r => r.Loss) < first.LossHistory.Take(20).Average(r => r.Loss));
        }

        [Fact]
        public void ABatchAsLargeAsTheDataIsTheFullBatch()
        {
            BigramCounts counts = Counts();
            var trainer = new BigramTrainer(counts, new TrainingOptions { BatchSize = (int)counts.TotalBigrams });
            Assert.Equal(GradientPath.CountMatrix, trainer.Path);
            Assert.Equal(GradientPath.CountMatrix, new BigramTrainer(counts, new TrainingOptions()).Path);
            Assert.Throws<ArgumentOutOfRangeException>(() => new BigramTrainer(counts, new TrainingOptions { BatchSize = 10, GradientPath = GradientPath.CountMatrix }));
        }

        [Fact]
        public void BothPathsTrainToTheSameModel()
        {
            BigramCounts counts = Counts();
            BigramModel a = BigramTrainer.Train(counts, new TrainingOptions { Steps = 30, GradientPath = GradientPath.CountMatrix });
            BigramModel b = BigramTrainer.Train(counts, new TrainingOptions { Steps = 30, GradientPath = GradientPath.PerExample });
            for (int step = 0; step < 30; step++)
            {
                Assert.Equal(a.LossHistory[step].Loss, b.LossHistory[step].Loss, 1e-5 * a.LossHistory[step].Loss);
            }

            Assert.True(ModelComparison.Compare(a, b).MaxAbsoluteDifference < 1e-5);
        }

        [Fact]
        public void ContinuingFromANeuralModelEqualsOneLongRun()
        {
            BigramCounts counts = Counts();
            BigramModel ten = BigramTrainer.Train(counts, new TrainingOptions { Steps = 10 }, Names);
            var continued = new BigramTrainer(counts, new TrainingOptions { Steps = 5 }, ten);
            BigramModel fifteen = continued.Run().Model;
            BigramModel straight = BigramTrainer.Train(counts, new TrainingOptions { Steps = 15 });
            Assert.Equal(5, continued.StepsTaken);
            Assert.Equal(Enumerable.Range(1, 15), fifteen.LossHistory.Select(r => r.Step));
            Assert.Equal(straight.GetWeights(), fifteen.GetWeights());
            Assert.Equal(straight.LossHistory.Select(r => r.Loss), fifteen.LossHistory.Select(r => r.Loss));
            Assert.Equal(ten.TrainingNames, fifteen.TrainingNames);
        }

        [Fact]
        public void ACountModelStartUsesTheOptionsInitializationAndItsNames()
        {
            BigramCounts counts = Counts();
            BigramModel countModel = BigramModel.FromCounts(counts, 1.0, Names);
            var options = new TrainingOptions { Steps = 0, Initialization = WeightInitialization.LogCounts };
            BigramModel model = new BigramTrainer(counts, options, countModel).Run().Model;
            Assert.Equal(Names.Distinct(), model.TrainingNames);
            Assert.True(ModelComparison.Compare(countModel, model).MaxAbsoluteDifference < 1e-6);
        }

        [Fact]
        public void BadStartsAndCountsAreRejected()
        {
            BigramCounts counts = Counts();
            BigramModel foreign = BigramModel.FromCounts(TrainingTestData.Count(new[] { "xyz" }));
            Assert.Contains("vocabulary", Assert.Throws<ArgumentException>(() => new BigramTrainer(counts, new TrainingOptions(), foreign)).Message);
            var empty = new BigramCounts(counts.Vocabulary, new long[counts.Size * counts.Size], nameCount: 0);
            Assert.Contains("no bigram", Assert.Throws<ArgumentException>(() => new BigramTrainer(empty, new TrainingOptions())).Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => new BigramTrainer(counts, new TrainingOptions { LearningRate = 0f }));
            Assert.Throws<ArgumentNullException>(() => new BigramTrainer(counts, null!));
        }

        [Fact]
        public void ProbabilityRecordsCoverEveryPairInVocabularyOrder()
        {
            BigramModel model = BigramModel.FromCounts(Counts(), 1.0);
            BigramProbabilityRecord[] records = model.EnumerateProbabilities().ToArray();
            int v = model.VocabularySize;
            Assert.Equal(v * v, records.Length);
            for (int i = 0; i < v; i++)
            {
                for (int j = 0; j < v; j++)
                {
                    BigramProbabilityRecord record = records[(i * v) + j];
                    Assert.Equal(model.Vocabulary.GetSymbol(i), record.First);
                    Assert.Equal(model.Vocabulary.GetSymbol(j), record.Second);
                    Assert.Equal(model.GetProbability(i, j), record.Probability);
                }
            }

            Assert.Equal(".a: 0.5", new BigramProbabilityRecord(".", "a", 0.5).ToString());
        }
    }
}

namespace MakemorePS.Core.Tests
{
    public class TrainingLectureTests
    {
        [Fact]
        public void TheLecturesRunOnTheBundledNamesEndsNearTheCountModel()
        {
            // makemore part 1: 100 full-batch steps, lr 50, λ 0.01 from a seeded normal W end near loss 2.48,
            // just above the add-one count model's NLL of about 2.45.
            BigramCounts counts = BundledNames.Counts;
            Assert.Equal(27, counts.Size);
            BigramModel model = BigramTrainer.Train(counts, new TrainingOptions());
            Assert.Equal(100, model.Steps);
            Assert.InRange(model.LossHistory[0].Loss, 3.0, 4.5);
            Assert.InRange(model.FinalLoss!.Value, 2.46, 2.52);
            Assert.True(model.LossHistory.Zip(model.LossHistory.Skip(1), (a, b) => b.Loss < a.Loss).All(fell => fell), "the full-batch loss falls at every step");
            ModelComparison comparison = ModelComparison.Compare(BigramModel.FromCounts(counts, 1.0), model);
            Assert.InRange(comparison.KLDivergence, 0.0, 0.05);
        }
    }
}
