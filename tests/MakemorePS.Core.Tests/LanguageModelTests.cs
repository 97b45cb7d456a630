using System;
using System.Collections.Generic;
using System.Linq;
using MakemorePS.Core;
using MakemorePS.Core.Models;
using Xunit;

namespace MakemorePS.Core.Tests
{
    /// <summary>The shared abstraction: the bigram model as an ILanguageModel, and the generic sampler and scorer.</summary>
    public class LanguageModelTests
    {
        private static readonly BigramModel Lecture = SamplingTestModels.Model(SamplingTestModels.LectureNames);

        [Fact]
        public void BigramModelsSummarizeThemselvesInOneLine()
        {
            BigramModel counts = BigramModel.FromCounts(BigramCounter.CountNames(new[] { "emma", "ava" }), smoothing: 0.5);
            Assert.Equal("Counts (V=5, 2 names, 9 bigrams, smoothing 0.5)", counts.ToString());
            BigramModel neural = BigramTrainer.Train(counts.Counts, new TrainingOptions { Steps = 3 });
            Assert.Equal(FormattableString.Invariant($"Neural (V=5, 2 names, 9 bigrams, 3 steps, final loss {neural.FinalLoss:F4})"), neural.ToString());
        }

        [Fact]
        public void BigramModelGivesTheLogOfItsRows()
        {
            int v = Lecture.VocabularySize;
            int[] contexts = { 0, 3, 5 };
            var destination = new double[contexts.Length * v];
            Lecture.NextSymbolLogProbabilities(contexts, contexts.Length, destination);
            for (int i = 0; i < contexts.Length; i++)
            {
                for (int j = 0; j < v; j++)
                {
                    Assert.Equal(Math.Log(Lecture.GetProbability(contexts[i], j)), destination[(i * v) + j]);
                }
            }

            Assert.Equal(1, Lecture.ContextLength);
            Assert.Equal("Counts", Lecture.KindName);
            Assert.Throws<ArgumentOutOfRangeException>(() => Lecture.NextSymbolLogProbabilities(new[] { v }, 1, new double[v]));
        }

        [Fact]
        public void TheBigramModelKeepsItsFastSamplerAndScorer()
        {
            Assert.IsType<BigramSampler>(NameSampling.CreateSampler(Lecture, 0.5));
            Assert.IsType<NameScorer>(NameScoring.CreateScorer(Lecture));
            Assert.IsType<ContextSampler>(NameSampling.CreateSampler(new GenericView(Lecture)));
            Assert.IsType<ContextScorer>(NameScoring.CreateScorer(new GenericView(Lecture)));

            var options = new SampleOptions { Count = 300, Seed = 11, Prefix = "a", Temperature = 0.8 };
            Assert.Equal(new BigramSampler(Lecture, 0.8).Sample(options), NameSampling.Sample(Lecture, options));
        }

        [Fact]
        public void GenericScorerAgreesWithTheBigramTableScorer()
        {
            var table = new NameScorer(Lecture);
            var generic = new ContextScorer(new GenericView(Lecture));
            foreach (string name in SamplingTestModels.LectureNames.Concat(new[] { string.Empty, "ab", "mmmmm" }))
            {
                NameScore expected = table.Score(name, detailed: true);
                NameScore actual = generic.Score(name, detailed: true);
                Assert.Equal(expected.PositionCount, actual.PositionCount);
                Assert.Equal(expected.LogLikelihood, actual.LogLikelihood, 12);
                Assert.Equal(expected.GetBigrams().Select(b => b.Probability), actual.GetPositions().Select(p => p.Probability), new Tolerance(1e-12));
                Assert.Equal(expected.GetBigrams().Select(b => b.Second), actual.GetPositions().Cast<ContextScore>().Select(p => p.Next));
                Assert.Equal(expected.GetBigrams().Select(b => b.First), actual.GetPositions().Cast<ContextScore>().Select(p => p.Context));
                Assert.Empty(actual.GetBigrams());
            }

            string[] names = Enumerable.Range(0, 3000).Select(i => SamplingTestModels.LectureNames[i % 8] + (i % 3 == 0 ? "a" : string.Empty)).ToArray();
            DatasetScore expectedSummary = table.ScoreDataset(names);
            DatasetScore actualSummary = generic.ScoreDataset(names);
            Assert.Equal(expectedSummary.NameCount, actualSummary.NameCount);
            Assert.Equal(expectedSummary.PositionCount, actualSummary.PositionCount);
            Assert.Equal(expectedSummary.MeanNegativeLogLikelihood, actualSummary.MeanNegativeLogLikelihood, 12);
        }

        [Fact]
        public void GenericScorerAsksForEachPositionWithTheContextPaddedByTheBoundary()
        {
            var model = new RecordingModel(contextLength: 3);
            NameScore score = new ContextScorer(model).Score("emma", detailed: true);
            Assert.Equal(new[] { "...", "..e", ".em", "emm", "mma" }, score.GetPositions().Cast<ContextScore>().Select(p => p.Context));
            Assert.Equal(new[] { "e", "m", "m", "a", "." }, score.GetPositions().Cast<ContextScore>().Select(p => p.Next));
            Assert.Equal(new[] { "...", "..e", ".em", "emm", "mma" }, model.Asked);
            Assert.Equal(5 * Math.Log(1.0 / model.Vocabulary.Count), score.LogLikelihood, 12);
        }

        [Fact]
        public void GenericScorerRejectsOneNameAndScoresTheRest()
        {
            var scorer = new ContextScorer(new RecordingModel(contextLength: 2));
            Assert.Throws<UnknownCharacterException>(() => scorer.Score("ez"));
            Assert.Throws<InvalidNameException>(() => scorer.Score("e.a"));
            var rejected = new List<Exception>();
            DatasetScore summary = scorer.ScoreDataset(new[] { "emma", "ez", "ma" }, rejected.Add);
            Assert.Equal(2, summary.NameCount);
            Assert.Equal(8, summary.PositionCount);
            Assert.IsType<UnknownCharacterException>(Assert.Single(rejected));
        }

        [Fact]
        public void GenericSamplerIsSeededAndDrawsTheModelsDistribution()
        {
            var sampler = new ContextSampler(new GenericView(Lecture));
            var options = new SampleOptions { Count = 2000, Seed = 5 };
            string[] first = sampler.Sample(options).ToArray();
            Assert.Equal(first, sampler.Sample(options).ToArray());
            Assert.NotEqual(first, sampler.Sample(new SampleOptions { Count = 2000, Seed = 6 }).ToArray());
            Assert.All(first, name => Assert.Matches("^[a-z]+$", name));

            // The first letter follows the '.' row (empty names are redrawn, so renormalize without '.').
            double end = Lecture.GetProbability(0, 0);
            foreach (string letter in new[] { "a", "e", "i" })
            {
                double p = Lecture.GetProbability(0, Lecture.Vocabulary.IndexOf(letter)) / (1 - end);
                double observed = first.Count(n => n.StartsWith(letter, StringComparison.Ordinal)) / 2000.0;
                Assert.InRange(observed, p - (4 * Math.Sqrt(p * (1 - p) / 2000)), p + (4 * Math.Sqrt(p * (1 - p) / 2000)));
            }
        }

        [Fact]
        public void GenericSamplerGivesTheSameSequenceOfNamesWhateverTheCount()
        {
            // Counts on both sides of the 256 names drawn side by side, so the names span batches of every width.
            int[] counts = { 1, 5, 10, 300, 1000 };
            MlpModel mlp = MlpTrainer.Train(BundledNames.Names.Take(2000), new MlpTrainingOptions { Steps = 300, HiddenSize = 32, EmbeddingSize = 6 });
            var settings = new[]
            {
                new SampleOptions { Seed = 5 },
                new SampleOptions { Seed = 7, ExcludeTrainingNames = true },
                new SampleOptions { Seed = 8, Prefix = "ma", MaxLength = 5, Temperature = 1.5 },
                new SampleOptions { Seed = 9, Temperature = 0.7, MaxLength = 3, ExcludeTrainingNames = true },
            };
            foreach (ILanguageModel model in new ILanguageModel[] { mlp, new GenericView(Lecture) })
            {
                var sampler = new ContextSampler(model);
                foreach (SampleOptions setting in settings)
                {
                    SampleOptions longest = setting.Clone();
                    longest.Count = counts[counts.Length - 1];
                    string[] sequence = sampler.Sample(longest).ToArray();
                    Assert.Equal(longest.Count, sequence.Length);
                    foreach (int count in counts)
                    {
                        SampleOptions options = setting.Clone();
                        options.Count = count;
                        Assert.Equal(sequence.Take(count), sampler.Sample(options));
                    }
                }
            }
        }

        [Fact]
        public void GenericSamplerHonoursPrefixMaxLengthTemperatureAndExclusion()
        {
            var view = new GenericView(Lecture);
            var sampler = new ContextSampler(view);
            Assert.All(sampler.Sample(new SampleOptions { Count = 50, Prefix = "mi" }), n => Assert.StartsWith("mi", n, StringComparison.Ordinal));
            Assert.All(sampler.Sample(new SampleOptions { Count = 200, MaxLength = 3 }), n => Assert.InRange(n.Length, 1, 3));
            Assert.All(sampler.Sample(new SampleOptions { Count = 200, ExcludeTrainingNames = true }), n => Assert.False(view.IsTrainingName(n)));

            // Near zero temperature the draws follow the likeliest symbol: 'a' after '.', then '.' after 'a'.
            string mostLikelyFirst = Lecture.Vocabulary.GetSymbol(Enumerable.Range(1, Lecture.VocabularySize - 1).OrderByDescending(j => Lecture.GetProbability(0, j)).First());
            Assert.All(sampler.Sample(new SampleOptions { Count = 20, Temperature = 0.001, MaxLength = 1 }), n => Assert.Equal(mostLikelyFirst, n));

            Assert.Throws<UnknownCharacterException>(() => sampler.Sample(new SampleOptions { Prefix = "z" }));
            Assert.Throws<InvalidNameException>(() => sampler.Sample(new SampleOptions { Prefix = "a.b" }));
            Assert.Throws<ArgumentException>(() => sampler.Sample(new SampleOptions { Prefix = "emma", MaxLength = 3 }));
        }

        [Fact]
        public void GenericSamplerGivesUpWhenOnlyTrainingNamesCanBeDrawn()
        {
            BigramModel single = SamplingTestModels.Model(new[] { "a" }, smoothing: 0);
            var sampler = new ContextSampler(new GenericView(single));
            var error = Assert.Throws<NoNovelNamesException>(() => sampler.Sample(new SampleOptions { Count = 3, ExcludeTrainingNames = true, MaxAttempts = 50 }).ToArray());
            Assert.Equal(0, error.NamesProduced);
        }

        [Fact]
        public void GenericSamplerWithContextSeesTheLastSymbols()
        {
            var model = new RecordingModel(contextLength: 3);
            string name = new ContextSampler(model).Sample(new SampleOptions { Count = 1, Seed = 3, Prefix = "me", MaxLength = 4 }).Single();
            Assert.StartsWith("me", name, StringComparison.Ordinal);
            Assert.Equal(".me", model.Asked[0]);
            if (name.Length > 2)
            {
                Assert.Equal("me" + name[2], model.Asked[1]);
            }
        }

        /// <summary>A bigram model seen only through ILanguageModel, so the generic paths run.</summary>
        private sealed class GenericView : ILanguageModel
        {
            private readonly BigramModel _model;

            public GenericView(BigramModel model) => _model = model;

            public string KindName => "View";

            public Vocabulary Vocabulary => _model.Vocabulary;

            public int ContextLength => 1;

            public IReadOnlyList<string> TrainingNames => _model.TrainingNames;

            public bool IsTrainingName(string name) => _model.IsTrainingName(name);

            public void NextSymbolLogProbabilities(ReadOnlySpan<int> contexts, int count, Span<double> destination) =>
                _model.NextSymbolLogProbabilities(contexts, count, destination);
        }

        /// <summary>A uniform model over {., a, e, m} that records every context it is asked about.</summary>
        private sealed class RecordingModel : ILanguageModel
        {
            public RecordingModel(int contextLength) => ContextLength = contextLength;

            public List<string> Asked { get; } = new List<string>();

            public string KindName => "Recording";

            public Vocabulary Vocabulary { get; } = Vocabulary.FromSymbols(new[] { "a", "e", "m" });

            public int ContextLength { get; }

            public IReadOnlyList<string> TrainingNames => Array.Empty<string>();

            public bool IsTrainingName(string name) => false;

            public void NextSymbolLogProbabilities(ReadOnlySpan<int> contexts, int count, Span<double> destination)
            {
                for (int i = 0; i < count; i++)
                {
                    var text = new System.Text.StringBuilder();
                    for (int c = 0; c < ContextLength; c++)
                    {
                        text.Append(Vocabulary.GetSymbol(contexts[(i * ContextLength) + c]));
                    }

                    Asked.Add(text.ToString());
                }

                destination.Slice(0, count * Vocabulary.Count).Fill(Math.Log(1.0 / Vocabulary.Count));
            }
        }

        private sealed class Tolerance : IEqualityComparer<double>
        {
            private readonly double _epsilon;

            public Tolerance(double epsilon) => _epsilon = epsilon;

            public bool Equals(double x, double y) => Math.Abs(x - y) <= _epsilon;

            public int GetHashCode(double obj) => 0;
        }
    }
}
