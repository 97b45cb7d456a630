using System;
using System.Linq;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class ComparisonTests
    {
        // Vocabulary {., a, b}; rows: '.' → [0, 2, 1], 'a' → [2, 0, 0], 'b' → [1, 0, 0].
        private static BigramCounts ThreeSymbolCounts() =>
            new BigramCounts(Vocabulary.FromScalars(new int[] { 'a', 'b' }), new long[] { 0, 2, 1, 2, 0, 0, 1, 0, 0 }, nameCount: 3);

        [Fact]
        public void AModelMatchesItself()
        {
            BigramModel model = BigramModel.FromCounts(ThreeSymbolCounts(), 1.0);
            ModelComparison comparison = ModelComparison.Compare(model, model);
            Assert.Equal(0.0, comparison.MaxAbsoluteDifference);
            Assert.Equal(0.0, comparison.KLDivergence);
            Assert.Equal(new[] { ".", "a", "b" }, comparison.Rows.Select(r => r.Symbol));
        }

        [Fact]
        public void RowsAndOverallMatchHandComputedValues()
        {
            BigramModel unsmoothed = BigramModel.FromCounts(ThreeSymbolCounts(), 0.0);
            BigramModel addOne = BigramModel.FromCounts(ThreeSymbolCounts(), 1.0);
            ModelComparison comparison = ModelComparison.Compare(unsmoothed, addOne);

            // '.': [0, 2/3, 1/3] vs [1/6, 3/6, 2/6]; 'a': [1, 0, 0] vs [3/5, 1/5, 1/5]; 'b': [1, 0, 0] vs [2/4, 1/4, 1/4].
            double[] kl = { 2.0 / 3 * Math.Log(4.0 / 3), Math.Log(5.0 / 3), Math.Log(2.0) };
            double[] max = { 1.0 / 6, 2.0 / 5, 1.0 / 2 };
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(kl[i], comparison.Rows[i].KLDivergence, 1e-15);
                Assert.Equal(max[i], comparison.Rows[i].MaxAbsoluteDifference, 1e-15);
            }

            Assert.Equal(new long[] { 3, 2, 1 }, comparison.Rows.Select(r => r.ReferenceCount));
            Assert.Equal(0.5, comparison.MaxAbsoluteDifference, 1e-15);
            Assert.Equal(((3 * kl[0]) + (2 * kl[1]) + kl[2]) / 6, comparison.KLDivergence, 1e-15);
        }

        [Fact]
        public void AZeroWhereTheReferenceIsPositiveIsAnHonestInfinity()
        {
            BigramModel unsmoothed = BigramModel.FromCounts(ThreeSymbolCounts(), 0.0);
            BigramModel addOne = BigramModel.FromCounts(ThreeSymbolCounts(), 1.0);
            ModelComparison comparison = ModelComparison.Compare(addOne, unsmoothed);
            Assert.True(double.IsPositiveInfinity(comparison.KLDivergence));
            Assert.All(comparison.Rows, row => Assert.True(double.IsPositiveInfinity(row.KLDivergence)));
            Assert.False(double.IsNaN(comparison.MaxAbsoluteDifference));
        }

        [Fact]
        public void WithoutReferenceCountsTheOverallKlIsThePlainMeanOfTheRows()
        {
            Vocabulary vocabulary = Vocabulary.FromScalars(new int[] { 'a', 'b' });
            var empty = new BigramCounts(vocabulary, new long[9], nameCount: 0);
            BigramModel uniform = BigramModel.FromCounts(empty, 1.0);
            float[] weights = { 0f, 1f, 2f, 0f, 0f, 0f, 3f, 0f, 0f };
            BigramModel neural = BigramModel.FromWeights(empty, weights);
            ModelComparison comparison = ModelComparison.Compare(uniform, neural);
            Assert.Equal(comparison.Rows.Average(r => r.KLDivergence), comparison.KLDivergence, 1e-15);
            Assert.Equal(0.0, comparison.Rows[1].KLDivergence, 1e-15);
            Assert.True(comparison.KLDivergence > 0);
        }

        [Fact]
        public void DifferentVocabulariesAreRejected()
        {
            BigramModel a = BigramModel.FromCounts(ThreeSymbolCounts());
            BigramModel b = BigramModel.FromCounts(TrainingTestData.Count(new[] { "abc" }));
            var error = Assert.Throws<ArgumentException>(() => ModelComparison.Compare(a, b));
            Assert.Contains("different vocabularies", error.Message);
            Assert.Throws<ArgumentNullException>(() => ModelComparison.Compare(a, null!));
        }

        [Fact]
        public void TrainingWatchesTheNeuralModelMeetTheCountModel()
        {
            BigramCounts counts = TrainingTestData.Count(TrainingTestData.RandomNames(2000, 8, seed: 50));
            BigramModel countModel = BigramModel.FromCounts(counts, 1.0);
            var options = new TrainingOptions { Initialization = WeightInitialization.Zeros, Regularization = 0f, Steps = 10 };
            double early = ModelComparison.Compare(countModel, BigramTrainer.Train(counts, options)).KLDivergence;
            options.Steps = 400;
            double late = ModelComparison.Compare(countModel, BigramTrainer.Train(counts, options)).KLDivergence;
            Assert.True(late < early / 10, $"KL after 10 steps {early}, after 400 {late}");
        }
    }
}
