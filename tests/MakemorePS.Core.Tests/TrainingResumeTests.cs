using System.Linq;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    /// <summary>Any split of a run into pieces, through saved models, gives the uninterrupted run's weights bit for bit.</summary>
    public class TrainingResumeTests
    {
        private static readonly string[] Names = TrainingTestData.RandomNames(300, 9, seed: 77);

        private static BigramModel RoundTrip(BigramModel model) => ModelSerializer.FromJson(ModelSerializer.ToJson(model));

        [Theory]
        [InlineData(8, new[] { 10, 5 })]
        [InlineData(8, new[] { 1, 1, 13 })]
        [InlineData(64, new[] { 7, 30, 3 })]
        [InlineData(0, new[] { 4, 11 })]
        public void ResumingFromSavedModelsGivesTheUninterruptedWeights(int batchSize, int[] pieces)
        {
            BigramCounts counts = TrainingTestData.Count(Names);
            int total = pieces.Sum();
            BigramModel whole = BigramTrainer.Train(counts, new TrainingOptions { Steps = total, BatchSize = batchSize, LearningRate = 5f });

            BigramModel? model = null;
            foreach (int steps in pieces)
            {
                var options = new TrainingOptions { Steps = steps, BatchSize = batchSize, LearningRate = 5f };
                model = RoundTrip(new BigramTrainer(counts, options, model).Run().Model);
            }

            Assert.Equal(whole.GetWeights(), model!.GetWeights());
            Assert.Equal(whole.LossHistory.Select(r => r.Loss), model.LossHistory.Select(r => r.Loss));
            Assert.Equal(total, model.Steps);
        }

        [Fact]
        public void AnotherSeedOrBatchSizeStartsAFreshShuffle()
        {
            BigramCounts counts = TrainingTestData.Count(Names);
            BigramModel first = BigramTrainer.Train(counts, new TrainingOptions { Steps = 3, BatchSize = 8 });
            Assert.NotNull(first.ShuffleState);
            BigramModel reseeded = new BigramTrainer(counts, new TrainingOptions { Steps = 2, BatchSize = 8, Seed = 5 }, first).Run().Model;
            BigramModel fresh = new BigramTrainer(counts, new TrainingOptions { Steps = 2, BatchSize = 8, Seed = 5, Initialization = WeightInitialization.Random }, null).Run().Model;
            Assert.Equal(5, reseeded.ShuffleState!.Seed);
            Assert.Equal(fresh.ShuffleState!.Position, reseeded.ShuffleState.Position);
            Assert.Null(BigramTrainer.Train(counts, new TrainingOptions { Steps = 2 }).ShuffleState);
        }

        [Fact]
        public void AContinuedModelRecordsEveryRunOfItsTraining()
        {
            BigramCounts counts = TrainingTestData.Count(Names);
            BigramModel first = BigramTrainer.Train(counts, new TrainingOptions { Steps = 10, Initialization = WeightInitialization.Zeros, BatchSize = 8 });
            BigramModel second = RoundTrip(new BigramTrainer(counts, new TrainingOptions { Steps = 5, BatchSize = 8, LearningRate = 10f }, RoundTrip(first)).Run().Model);
            Assert.Equal(2, second.TrainingRuns.Count);
            Assert.Equal(WeightInitialization.Zeros, second.TrainingRuns[0].Settings.Initialization);
            Assert.Equal((1, 10), (second.TrainingRuns[0].FirstStep, second.TrainingRuns[0].StepCount));
            Assert.Equal((11, 5), (second.TrainingRuns[1].FirstStep, second.TrainingRuns[1].StepCount));
            Assert.Equal(10f, second.TrainingRuns[1].Settings.LearningRate);
            Assert.Equal(15, second.Steps);
            Assert.Equal(10f, second.TrainingSettings!.LearningRate);
        }
    }
}
