using System;
using System.Linq;
using MakemorePS.Core.Models;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class MlpModelTests
    {
        private static readonly Lazy<MlpModel> Trained = new Lazy<MlpModel>(() =>
            MlpTrainer.Train(BundledNames.Names.Take(3000), new MlpTrainingOptions { Steps = 400, HiddenSize = 64, DecayStep = 200 }));

        [Fact]
        public void ContextWindowsArePaddedAndShiftedAsInTheLecture()
        {
            Vocabulary vocabulary = Vocabulary.FromNames(new[] { "emma" });
            var dataset = ContextWindowDataset.Create(new[] { "emma" }, vocabulary, 3);
            string Text(ReadOnlySpan<int> indices) => string.Concat(indices.ToArray().Select(vocabulary.GetSymbol));
            Assert.Equal(5, dataset.Count);
            Assert.Equal(new[] { "...", "..e", ".em", "emm", "mma" }, Enumerable.Range(0, 5).Select(i => Text(dataset.GetContext(i))));
            Assert.Equal("emma.", Text(dataset.Targets));
            Assert.Equal(2, ContextWindowDataset.Create(new[] { "emma", "a" }, vocabulary, 1).NameCount);
            Assert.Throws<UnknownCharacterException>(() => ContextWindowDataset.Create(new[] { "bob" }, vocabulary, 3));
        }

        [Fact]
        public void TheSplitIsSeededReproducibleAndCoversEveryName()
        {
            NameSplit a = NameSplit.Create(BundledNames.Names);
            NameSplit b = NameSplit.Create(BundledNames.Names);
            int n = BundledNames.Names.Count;
            Assert.Equal((int)(0.8 * n), a.Train.Count);
            Assert.Equal((int)(0.9 * n) - (int)(0.8 * n), a.Dev.Count);
            Assert.Equal(n, a.Train.Count + a.Dev.Count + a.Test.Count);
            Assert.Equal(a.Train, b.Train);
            Assert.Equal(a.Dev, b.Dev);
            Assert.Equal(BundledNames.Names.OrderBy(x => x, StringComparer.Ordinal), a.Train.Concat(a.Dev).Concat(a.Test).OrderBy(x => x, StringComparer.Ordinal));
            Assert.NotEqual(a.Train.Take(50), BundledNames.Names.Take(50));
            Assert.NotEqual(a.Train, NameSplit.Create(BundledNames.Names, seed: 43).Train);
            Assert.Throws<ArgumentOutOfRangeException>(() => NameSplit.Create(BundledNames.Names, 42, 0.8, 0.3));
        }

        [Fact]
        public void LogProbabilitiesMatchThePlainEvaluationModeReference()
        {
            MlpModel model = Trained.Value;
            ILanguageModel language = model;
            Assert.Equal("Mlp", language.KindName);
            Assert.Equal(3, language.ContextLength);
            var rng = new Pcg32(5);
            int count = 150, v = model.VocabularySize;
            int[] contexts = Enumerable.Range(0, count * 3).Select(_ => (int)rng.NextUInt32((uint)v)).ToArray();
            var actual = new double[count * v];
            language.NextSymbolLogProbabilities(contexts, count, actual);

            MlpReference reference = MlpReference.FromEngine(model.Parameters);
            double[] expected = reference.EvalLogProbabilities(contexts, count);
            for (int i = 0; i < actual.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 2e-5 * (1 + Math.Abs(expected[i])), $"{i}: {actual[i]:R} vs {expected[i]:R}");
            }

            for (int i = 0; i < count; i++)
            {
                Assert.Equal(1.0, actual.Skip(i * v).Take(v).Sum(Math.Exp), 1e-9);
            }

            // Cached rows give the same numbers as the first computation.
            var again = new double[count * v];
            language.NextSymbolLogProbabilities(contexts, count, again);
            Assert.Equal(actual, again);
        }

        [Fact]
        public void BadContextsAreRefused()
        {
            MlpModel model = Trained.Value;
            Assert.Throws<ArgumentOutOfRangeException>(() => model.NextSymbolLogProbabilities(new[] { 0, 0, 99 }, 1, new double[model.VocabularySize]));
            Assert.Throws<ArgumentException>(() => model.NextSymbolLogProbabilities(new[] { 0, 0 }, 1, new double[model.VocabularySize]));
            Assert.Throws<ArgumentException>(() => model.NextSymbolLogProbabilities(new[] { 0, 0, 0 }, 1, new double[3]));
        }

        [Fact]
        public void TheModelKeepsItsNamesAndParameters()
        {
            MlpModel model = Trained.Value;
            Assert.True(model.IsTrainingName("emma"));
            Assert.False(model.IsTrainingName("zzzzq"));
            Assert.Equal(new[] { "C", "W1", "bngain", "bnbias", "W2", "b2" }, model.ParameterNames);
            float[] w1 = model.GetParameter("W1", out int rows, out int columns);
            Assert.Equal((30, 64), (rows, columns));
            w1[0] = 1e9f; // a copy
            Assert.NotEqual(1e9f, model.GetParameter("W1", out _, out _)[0]);
            Assert.Equal(27 * 10 + 30 * 64 + 64 + 64 + 64 * 27 + 27, model.ParameterCount);
            Assert.Throws<ArgumentException>(() => model.GetParameter("b1", out _, out _));
            Assert.Equal(400, model.Steps);
        }
    }
}
