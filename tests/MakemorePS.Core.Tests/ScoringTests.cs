using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class ScoringTests
    {
        // Vocabulary {., a, b}; after '.', 'a' twice and 'b' once; 'a' and 'b' always end (the names "a", "a", "b").
        private static BigramModel ThreeSymbolModel(double smoothing = 1.0) => BigramModel.FromCounts(
            new BigramCounts(Vocabulary.FromScalars(new int[] { 'a', 'b' }), new long[] { 0, 2, 1, 2, 0, 0, 1, 0, 0 }, nameCount: 3), smoothing);

        private static readonly BigramModel Lecture = SamplingTestModels.Model(SamplingTestModels.LectureNames);

        [Fact]
        public void HandComputedNameScore()
        {
            // Add-one: P(a|.) = 3/6, P(b|a) = 1/5, P(.|b) = 2/4, so the likelihood of "ab" is 0.05.
            NameScore score = new NameScorer(ThreeSymbolModel()).Score("ab");
            Assert.Equal("ab", score.Name);
            Assert.Equal(3, score.PositionCount);
            Assert.Equal(-2.995732273553991, score.LogLikelihood, 14);
            Assert.Equal(2.995732273553991, score.NegativeLogLikelihood, 14);
            Assert.Equal(0.9985774245179969, score.MeanNegativeLogLikelihood, 14);
            Assert.Equal(2.7144176165949063, score.Perplexity, 13);
            Assert.Empty(score.GetBigrams());
        }

        [Fact]
        public void DetailedBreakdownListsEveryBigramInOrder()
        {
            var scorer = new NameScorer(Lecture);
            NameScore detailed = scorer.Score("emma", detailed: true);
            Assert.Equal(new[] { ".e", "em", "mm", "ma", "a." }, detailed.GetBigrams().Select(b => b.First + b.Second));
            Assert.All(detailed.GetBigrams(), b => Assert.Equal("emma", b.Name));
            Assert.All(detailed.GetBigrams(), b => Assert.Equal(Math.Log(b.Probability), b.LogProbability));
            Vocabulary vocabulary = Lecture.Vocabulary;
            Assert.Equal(Lecture.GetProbability(vocabulary.IndexOf("m"), vocabulary.IndexOf("a")), detailed.GetBigrams()[3].Probability);
            Assert.Equal(detailed.GetBigrams().Sum(b => b.LogProbability), detailed.LogLikelihood, 14);
            Assert.Equal(scorer.Score("emma").LogLikelihood, detailed.LogLikelihood, 14);
        }

        [Fact]
        public void TrainingSetNllMatchesTheCountFormula()
        {
            // The lecture's loop: for each name, each bigram, add ln((N[i,j] + 1) / (rowsum(N[i]) + V)).
            BigramCounts counts = Lecture.Counts;
            int v = counts.Size;
            double expectedLogLikelihood = 0.0;
            long expectedBigrams = 0;
            foreach (string name in SamplingTestModels.LectureNames)
            {
                int previous = 0;
                foreach (char c in name + ".")
                {
                    int next = counts.Vocabulary.IndexOf(c);
                    expectedLogLikelihood += Math.Log((counts[previous, next] + 1.0) / (counts.GetRowTotal(previous) + v));
                    expectedBigrams++;
                    previous = next;
                }
            }

            DatasetScore summary = new NameScorer(Lecture).ScoreDataset(SamplingTestModels.LectureNames);
            Assert.Equal(SamplingTestModels.LectureNames.Length, summary.NameCount);
            Assert.Equal(expectedBigrams, summary.PositionCount);
            Assert.Equal(counts.TotalBigrams, summary.PositionCount);
            Assert.Equal(expectedLogLikelihood, summary.LogLikelihood, 12);
            Assert.Equal(-expectedLogLikelihood / expectedBigrams, summary.MeanNegativeLogLikelihood, 14);
            Assert.Equal(Math.Exp(summary.MeanNegativeLogLikelihood), summary.Perplexity);
        }

        [Theory]
        [InlineData(1.0, 2.4549509940268557)]
        [InlineData(0.0, 2.4543953286099947)]
        public void BundledNamesGiveTheLecturesDatasetNll(double smoothing, double expectedMeanNll)
        {
            // The lecture reports 2.4544 with add-one smoothing on makemore's names.txt; the bundled 2018 SSA list
            // is the same source and year with slightly different lines. Expected values computed separately (Python,
            // plain loops over the same file): 32,257 names, V = 27, 229,804 bigrams.
            string[] names = ReadBundledNames();
            BigramModel model = SamplingTestModels.Model(names, smoothing);
            var scorer = new NameScorer(model);
            DatasetScore summary = scorer.ScoreDataset(names);
            Assert.Equal(27, model.VocabularySize);
            Assert.Equal(32257, summary.NameCount);
            Assert.Equal(229804, summary.PositionCount);
            Assert.Equal(expectedMeanNll, summary.MeanNegativeLogLikelihood, 9);

            // The lecture's "andrejq": 'q' never follows 'j', so only smoothing keeps it finite.
            NameScore andrejq = scorer.Score("andrejq");
            if (smoothing == 0.0)
            {
                Assert.Equal(double.PositiveInfinity, andrejq.NegativeLogLikelihood);
            }
            else
            {
                Assert.Equal(-27.823791346121958, andrejq.LogLikelihood, 10);
            }
        }

        private static string[] ReadBundledNames()
        {
            using System.IO.Stream stream = typeof(Vocabulary).Assembly.GetManifestResourceStream("MakemorePS.Core.Data.names.txt")!;
            using var reader = new System.IO.StreamReader(stream);
            return reader.ReadToEnd().Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        }

        [Fact]
        public void SummaryIsTotalNllOverTotalBigramsNotAMeanOfMeans()
        {
            // "a": ln(1/2·3/5), "b": ln(1/3·1/2), "ab": ln(0.05); 2 + 2 + 3 bigrams.
            var scorer = new NameScorer(ThreeSymbolModel());
            string[] names = { "a", "b", "ab" };
            DatasetScore summary = scorer.ScoreDataset(names);
            Assert.Equal(3, summary.NameCount);
            Assert.Equal(7, summary.PositionCount);
            Assert.Equal(-5.991464547107983, summary.LogLikelihood, 14);
            Assert.Equal(0.8559235067297116, summary.MeanNegativeLogLikelihood, 14);

            NameScore[] scores = names.Select(n => scorer.Score(n)).ToArray();
            Assert.Equal(scores.Sum(s => s.NegativeLogLikelihood) / scores.Sum(s => s.PositionCount), summary.MeanNegativeLogLikelihood, 14);
            Assert.NotEqual(scores.Average(s => s.MeanNegativeLogLikelihood), summary.MeanNegativeLogLikelihood, 6);

            var accumulator = new DatasetScoreAccumulator();
            foreach (NameScore score in scores)
            {
                accumulator.Add(score);
            }

            Assert.Equal(summary.LogLikelihood, accumulator.ToScore().LogLikelihood, 14);
        }

        [Fact]
        public void ZeroProbabilityBigramGivesInfiniteNllNotNaN()
        {
            BigramModel unsmoothed = SamplingTestModels.Model(SamplingTestModels.LectureNames, 0.0);
            var scorer = new NameScorer(unsmoothed);
            Assert.True(double.IsFinite(scorer.Score("emma").NegativeLogLikelihood));

            NameScore impossible = scorer.Score("ae");
            Assert.Equal(double.NegativeInfinity, impossible.LogLikelihood);
            Assert.Equal(double.PositiveInfinity, impossible.NegativeLogLikelihood);
            Assert.Equal(double.PositiveInfinity, impossible.MeanNegativeLogLikelihood);
            Assert.Equal(double.PositiveInfinity, impossible.Perplexity);

            NameScore detailed = scorer.Score("ae", detailed: true);
            Assert.Equal(0.0, detailed.GetBigrams()[1].Probability);
            Assert.Equal(double.NegativeInfinity, detailed.GetBigrams()[1].LogProbability);
            Assert.Equal(double.PositiveInfinity, detailed.NegativeLogLikelihood);

            DatasetScore summary = scorer.ScoreDataset(new[] { "emma", "ae", "ava" });
            Assert.Equal(double.PositiveInfinity, summary.NegativeLogLikelihood);
            Assert.Equal(double.PositiveInfinity, summary.MeanNegativeLogLikelihood);
            Assert.Equal(double.PositiveInfinity, summary.Perplexity);
            Assert.Equal(3 + 5 + 4, summary.PositionCount);
        }

        [Fact]
        public void UnknownCharacterFailsThatNameOnly()
        {
            var scorer = new NameScorer(Lecture);
            var error = Assert.Throws<UnknownCharacterException>(() => scorer.Score("emmz"));
            Assert.Equal("emmz", error.Name);
            Assert.Equal("z", error.Character);
            Assert.Equal("UnknownCharacter", error.ErrorId);
            Assert.Equal("é", Assert.Throws<UnknownCharacterException>(() => scorer.Score("émma", detailed: true)).Character);
            Assert.Equal("😀", Assert.Throws<UnknownCharacterException>(() => scorer.GetLogLikelihood("em😀", out _)).Character);

            var rejected = new List<Exception>();
            DatasetScore summary = scorer.ScoreDataset(new[] { "emma", "zoe", "ava" }, rejected.Add);
            Assert.Equal(2, summary.NameCount);
            Assert.Equal(scorer.ScoreDataset(new[] { "emma", "ava" }).LogLikelihood, summary.LogLikelihood);
            Assert.Equal("zoe", Assert.IsType<UnknownCharacterException>(Assert.Single(rejected)).Name);

            Assert.Throws<UnknownCharacterException>(() => scorer.ScoreDataset(new[] { "emma", "zoe" }));
        }

        [Fact]
        public void BoundaryTokenAndBrokenSurrogatesAreInvalidNames()
        {
            var scorer = new NameScorer(Lecture);
            Assert.Equal(InvalidNameReason.ContainsBoundaryToken, Assert.Throws<InvalidNameException>(() => scorer.Score("em.ma")).Reason);
            Assert.Equal(InvalidNameReason.ContainsBoundaryToken, Assert.Throws<InvalidNameException>(() => scorer.Score("em.ma", detailed: true)).Reason);
            Assert.Equal(InvalidNameReason.UnpairedSurrogate, Assert.Throws<InvalidNameException>(() => scorer.Score("em\uD83Dma")).Reason);
            Assert.Throws<ArgumentNullException>(() => scorer.Score(null!));
        }

        [Fact]
        public void EmptyNameIsTheSingleBigramFromStartToEnd()
        {
            BigramModel model = ThreeSymbolModel();
            NameScore score = new NameScorer(model).Score(string.Empty, detailed: true);
            Assert.Equal(1, score.PositionCount);
            Assert.Equal(Math.Log(1 / 6.0), score.LogLikelihood, 15);
            Assert.Equal("..", Assert.Single(score.GetBigrams()).ToString());
        }

        [Fact]
        public void NonAsciiAndSurrogatePairNamesScoreLikeTheirBreakdown()
        {
            string[] names = { "a😀", "😀b", "éa", "𝒜é" };
            BigramModel model = SamplingTestModels.Model(names);
            var scorer = new NameScorer(model);
            foreach (string name in names)
            {
                NameScore fast = scorer.Score(name);
                NameScore detailed = scorer.Score(name, detailed: true);
                Assert.Equal(UnicodeScalars.Count(name) + 1, fast.PositionCount);
                Assert.Equal(detailed.GetBigrams().Count, fast.PositionCount);
                Assert.Equal(detailed.LogLikelihood, fast.LogLikelihood, 14);
            }

            Assert.Equal(new[] { ".😀", "😀b", "b." }, scorer.Score("😀b", detailed: true).GetBigrams().Select(b => b.ToString()));
        }

        [Fact]
        public void UniformNeuralModelScoresLnVPerBigram()
        {
            BigramCounts counts = SamplingTestModels.Count(SamplingTestModels.LectureNames);
            BigramModel model = BigramModel.FromWeights(counts, new float[counts.Size * counts.Size]);
            DatasetScore summary = new NameScorer(model).ScoreDataset(SamplingTestModels.LectureNames);
            Assert.Equal(Math.Log(counts.Size), summary.MeanNegativeLogLikelihood, 13);
            Assert.Equal(counts.Size, summary.Perplexity, 11);
        }

        [Fact]
        public void LowerCasingIsAnOption()
        {
            Assert.Equal("E", Assert.Throws<UnknownCharacterException>(() => new NameScorer(Lecture).Score("Emma")).Character);
            var lowering = new NameScorer(Lecture, lowerCase: true);
            NameScore score = lowering.Score("EMMA");
            Assert.Equal("emma", score.Name);
            Assert.Equal(new NameScorer(Lecture).Score("emma").LogLikelihood, score.LogLikelihood);
        }

        [Fact]
        public void EmptySummaryHasNoNaN()
        {
            DatasetScore empty = new DatasetScoreAccumulator().ToScore();
            Assert.Equal(0, empty.NameCount);
            Assert.Equal(0, empty.PositionCount);
            Assert.Equal(0.0, empty.NegativeLogLikelihood);
            Assert.Equal(0.0, empty.MeanNegativeLogLikelihood);
            Assert.Equal(1.0, empty.Perplexity);
        }

        [Fact]
        public void AccumulatorsMergeAndRejectNonsense()
        {
            var scorer = new NameScorer(Lecture);
            var whole = new DatasetScoreAccumulator();
            var first = new DatasetScoreAccumulator();
            var second = new DatasetScoreAccumulator();
            for (int i = 0; i < SamplingTestModels.LectureNames.Length; i++)
            {
                NameScore score = scorer.Score(SamplingTestModels.LectureNames[i]);
                whole.Add(score);
                (i % 2 == 0 ? first : second).Add(score);
            }

            first.Add(second);
            Assert.Equal(whole.NameCount, first.NameCount);
            Assert.Equal(whole.PositionCount, first.PositionCount);
            Assert.Equal(whole.LogLikelihood, first.LogLikelihood, 12);

            var infinite = new DatasetScoreAccumulator();
            infinite.Add(double.NegativeInfinity, 2);
            infinite.Add(-1.5, 3);
            first.Add(infinite);
            Assert.Equal(double.NegativeInfinity, first.LogLikelihood);
            Assert.False(double.IsNaN(first.ToScore().MeanNegativeLogLikelihood));

            Assert.Throws<ArgumentOutOfRangeException>(() => whole.Add(double.NaN, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => whole.Add(double.PositiveInfinity, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => whole.Add(-1.0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new NameScore("x", double.NaN, 2));
        }

        [Fact]
        public void CertainNameHasPositiveZeroNll()
        {
            // One symbol that always follows the start and always ends: P = 1 everywhere on the path.
            var counts = new BigramCounts(Vocabulary.FromScalars(new int[] { 'a' }), new long[] { 0, 4, 4, 0 }, nameCount: 4);
            NameScore score = new NameScorer(BigramModel.FromCounts(counts, 0.0)).Score("a");
            Assert.Equal(0.0, score.NegativeLogLikelihood);
            Assert.False(double.IsNegative(score.NegativeLogLikelihood));
            Assert.Equal(1.0, score.Perplexity);
        }

        [Fact]
        public void ParallelScoringEqualsSerial()
        {
            var scorer = new NameScorer(Lecture);
            string[] names = new BigramSampler(Lecture).Sample(new SampleOptions { Count = 4000, Seed = 3 }).ToArray();
            double[] serial = names.Select(n => scorer.GetLogLikelihood(n, out _)).ToArray();
            var parallel = new ConcurrentDictionary<int, double>();
            Parallel.For(0, names.Length, i => parallel[i] = scorer.Score(names[i]).LogLikelihood);
            for (int i = 0; i < names.Length; i++)
            {
                Assert.Equal(serial[i], parallel[i]);
            }
        }
    }
}
