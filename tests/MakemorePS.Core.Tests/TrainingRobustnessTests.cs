using System;
using System.Linq;
using MakemorePS.Core;
using MakemorePS.Core.Numerics;
using Xunit;

namespace MakemorePS.Core.Tests
{
    /// <summary>Divergence caught early, bounded loss history, LogCounts with the model's smoothing, exact losses.</summary>
    public class TrainingRobustnessTests
    {
        private static readonly string[] Names = TrainingTestData.RandomNames(400, 9, seed: 41);

        private static BigramCounts Counts() => TrainingTestData.Count(Names);

        private static TrainingDivergedException TrainUntilItDiverges(BigramTrainer trainer, int steps) =>
            Assert.Throws<TrainingDivergedException>(() =>
            {
                for (int step = 0; step < steps; step++)
                {
                    trainer.Step();
                }
            });

        [Fact]
        public void AHugeLearningRateIsCaughtWhileTheWeightsAreStillFinite()
        {
            var trainer = new BigramTrainer(Counts(), new TrainingOptions { LearningRate = 1e6f, Steps = 50 });
            TrainingDivergedException error = TrainUntilItDiverges(trainer, 50);
            Assert.True(error.Step <= 3, $"diverged at step {error.Step}, caught too late");
            Assert.Equal(nameof(TrainingOptions.LearningRate), error.Setting);
            Assert.Contains("-LearningRate", error.Message);
            BigramModel lastGood = trainer.ToModel();
            Assert.All(lastGood.GetWeights()!, w => Assert.True(float.IsFinite(w)));
            Assert.Equal(error.Step - 1, lastGood.Steps);
        }

        [Fact]
        public void AHugeRegularizationIsBlamedOnTheRegularization()
        {
            var trainer = new BigramTrainer(Counts(), new TrainingOptions { LearningRate = 50f, Regularization = 1e30f, Steps = 50 });
            TrainingDivergedException error = TrainUntilItDiverges(trainer, 50);
            Assert.Equal(nameof(TrainingOptions.Regularization), error.Setting);
            Assert.Contains("-Regularization", error.Message);
            Assert.DoesNotContain("-LearningRate", error.Message);
            Assert.All(trainer.ToModel().GetWeights()!, w => Assert.True(float.IsFinite(w)));
        }

        [Fact]
        public void TheLectureSettingsNeverTripTheDivergenceChecks()
        {
            BigramModel model = BigramTrainer.Train(Counts(), new TrainingOptions { Steps = 300 });
            Assert.Equal(300, model.Steps);
        }

        [Fact]
        public void TheLossHistoryKeepsRecentStepsInFullAndThinsTheRest()
        {
            var history = new LossHistory();
            for (int step = 1; step <= 100_000; step++)
            {
                history.Add(new TrainingRecord(step, 1.0 / step, 0, 0, 0));
            }

            TrainingRecord[] kept = history.ToArray();
            Assert.True(kept.Length <= LossHistory.RecentCapacity + LossHistory.ThinnedCapacity, $"{kept.Length} records kept");
            Assert.Equal(1, kept[0].Step);
            Assert.Equal(Enumerable.Range(100_000 - LossHistory.RecentCapacity + 1, LossHistory.RecentCapacity), kept.Skip(kept.Length - LossHistory.RecentCapacity).Select(r => r.Step));
            Assert.All(kept.Skip(1).Take(kept.Length - 1 - LossHistory.RecentCapacity), r => Assert.Equal(0, r.Step % history.Stride));
            Assert.True(kept.Zip(kept.Skip(1), (a, b) => a.Step < b.Step).All(x => x));
            Assert.True(kept.Length > LossHistory.RecentCapacity + (LossHistory.ThinnedCapacity / 2), "the thinned part should use most of its room");
        }

        [Fact]
        public void TheLossHistoryKeepsTheSameRecordsHoweverARunIsSplit()
        {
            var whole = new LossHistory();
            for (int step = 1; step <= 12_345; step++)
            {
                whole.Add(new TrainingRecord(step, step, 0, 0, 0));
            }

            var first = new LossHistory();
            for (int step = 1; step <= 4_321; step++)
            {
                first.Add(new TrainingRecord(step, step, 0, 0, 0));
            }

            var resumed = new LossHistory();
            foreach (TrainingRecord record in first.ToArray())
            {
                resumed.Add(record);
            }

            for (int step = 4_322; step <= 12_345; step++)
            {
                resumed.Add(new TrainingRecord(step, step, 0, 0, 0));
            }

            Assert.Equal(whole.ToArray().Select(r => r.Step), resumed.ToArray().Select(r => r.Step));
        }

        [Fact]
        public void ALongRunGivesASmallModelWhoseStepsCountEveryStep()
        {
            BigramCounts counts = TrainingTestData.Count(new[] { "ab", "ba" });
            BigramModel model = BigramTrainer.Train(counts, new TrainingOptions { Steps = 5_000, LearningRate = 1f });
            Assert.Equal(5_000, model.Steps);
            Assert.True(model.LossHistory.Count <= 2_000);
            Assert.Equal(5_000, model.LossHistory[model.LossHistory.Count - 1].Step);
            Assert.Equal(model.FinalLoss, model.LossHistory[model.LossHistory.Count - 1].Loss);

            // Continuing a thinned model numbers its steps on from the last one.
            var trainer = new BigramTrainer(counts, new TrainingOptions { Steps = 3, LearningRate = 1f }, model);
            Assert.Equal(5_001, trainer.Step().Step);
        }

        [Theory]
        [InlineData(0.5)]
        [InlineData(5.0)]
        [InlineData(1000.0)]
        public void LogCountsFromACountModelStartsAtThatModel(double smoothing)
        {
            BigramCounts counts = Counts();
            BigramModel start = BigramModel.FromCounts(counts, smoothing);
            var trainer = new BigramTrainer(counts, new TrainingOptions { Initialization = WeightInitialization.LogCounts, Steps = 0 }, start);
            BigramModel model = trainer.ToModel();
            double worst = 0.0;
            for (int cell = 0; cell < counts.Size * counts.Size; cell++)
            {
                worst = Math.Max(worst, Math.Abs(model.Probabilities[cell] - start.Probabilities[cell]));
            }

            Assert.True(worst < 1e-6, $"max difference {worst}");
        }

        [Theory]
        [InlineData(1e307)]
        [InlineData(double.MaxValue)]
        public void HugeSmoothingGivesUniformRowsNotZeros(double smoothing)
        {
            BigramModel model = BigramModel.FromCounts(Counts(), smoothing);
            double uniform = 1.0 / model.VocabularySize;
            Assert.All(model.GetProbabilities(), p => Assert.Equal(uniform, p, 1e-12));
            var sampler = new BigramSampler(model);
            Assert.Equal(5, sampler.Sample(new SampleOptions { Count = 5 }).Count());
        }

        [Theory]
        [InlineData(false, 1e-12)]
        [InlineData(true, 1e-7)]
        public void TheCountMatrixLossIgnoresAnOffsetOfTheWeights(bool perRow, double tolerance)
        {
            BigramCounts counts = Counts();
            int v = counts.Size;
            var objective = new CountMatrixObjective(counts, 0f);
            var gradient = new float[v * v];
            // Multiples of 1/64 in [-2, 2]: adding 100 or 200 to them is exact in float, so the model is unchanged.
            float[] weights = TrainingTestData.Gaussian(v * v, seed: 3).Select(w => MathF.Round(Math.Clamp(w, -2f, 2f) * 64f) / 64f).ToArray();
            // The same offset everywhere leaves every float exponential as it was; offsets that differ between rows
            // change which shift each row's exponentials use, so those agree to float precision only.
            float[] offset = weights.Select((w, cell) => w + (perRow ? 100f * ((cell / v) % 3) : 100f)).ToArray();
            double plain = objective.Evaluate(weights, gradient).Loss;
            double shifted = objective.Evaluate(offset, gradient).Loss;
            Assert.True(Math.Abs(shifted - plain) / plain < tolerance, $"loss {plain:R} vs {shifted:R} with offsets");
        }

        [Fact]
        public void CountWeightedGapWeighsEachGapInDouble()
        {
            Assert.Equal(10.0, Kernels.CountWeightedGap(new float[] { 1, 2, 0 }, 5f, new float[] { 1, 2, float.NaN }));
            float[] x = { 100.00001f, 99.99999f };
            double expected = (3.0 * (100.0 - x[0])) + (7.0 * (100.0 - x[1]));
            Assert.Equal(expected, Kernels.CountWeightedGap(new float[] { 3, 7 }, 100f, x));
        }

        [Fact]
        public void NamesLongerThanOneMebibyteAreRejected()
        {
            Assert.True(NameNormalizer.TryNormalize(new string('a', NameNormalizer.MaxNameBytes), false, out string? longest));
            Assert.Equal(NameNormalizer.MaxNameBytes, longest!.Length);
            InvalidNameException error = Assert.Throws<InvalidNameException>(() => NameNormalizer.TryNormalize(new string('a', NameNormalizer.MaxNameBytes + 1), false, out _));
            Assert.Equal(InvalidNameReason.TooLong, error.Reason);
            Assert.Throws<InvalidNameException>(() => NameNormalizer.TryNormalize(new string('é', (NameNormalizer.MaxNameBytes / 2) + 1), false, out _));
        }
    }
}
