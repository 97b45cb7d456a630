using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class SamplingTests
    {
        // Rows: '.', a, b, c; columns the same. Smoothed with k = 1, so every bigram is possible.
        private static readonly long[] PinnedCounts =
        {
            0, 5, 3, 2,
            4, 1, 2, 3,
            3, 2, 0, 1,
            5, 1, 1, 0,
        };

        private static readonly BigramModel Lecture = SamplingTestModels.Model(SamplingTestModels.LectureNames);

        private static SampleOptions Options(int count, long seed = 42) => new SampleOptions { Count = count, Seed = seed };

        [Fact]
        public void FixedModelAndSeedGiveThePinnedNames()
        {
            // Cross-platform regression: the same bits must come out everywhere. Confirmed independently by a
            // separate re-implementation of PCG32, the quantization and the alias construction (SamplingPinnedReference.py).
            BigramModel model = SamplingTestModels.Abc(PinnedCounts, 1.0);
            string[] names = new BigramSampler(model).Sample(Options(8, seed: 42)).ToArray();
            Assert.Equal(PinnedNames, names);
        }

        private static readonly string[] PinnedNames = { "ababa", "c", "a", "aab", "ab", "ac", "baaca", "abaac" };

        [Fact]
        public void InlinedDrawMatchesTheAliasTableReference()
        {
            // BigramSampler inlines BigramAliasTable.Next for speed; both must consume the stream identically.
            var sampler = new BigramSampler(Lecture);
            BigramAliasTable table = BigramAliasTable.Create(Lecture.Probabilities, Lecture.VocabularySize, 1.0);
            var fast = new Pcg32(17);
            var reference = new Pcg32(17);
            for (int n = 0; n < 2000; n++)
            {
                var expected = new System.Text.StringBuilder();
                int current = Vocabulary.BoundaryIndex;
                while (expected.Length < 64 && (current = table.Next(reference, current)) != Vocabulary.BoundaryIndex)
                {
                    expected.Append(Lecture.Vocabulary.GetSymbol(current));
                }

                Assert.Equal(expected.ToString(), sampler.SampleOne(fast));
            }
        }

        [Fact]
        public void NamesUseOnlyVocabularySymbolsAndEnd()
        {
            var sampler = new BigramSampler(Lecture);
            string[] names = sampler.Sample(Options(2000)).ToArray();
            Assert.Equal(2000, names.Length);
            foreach (string name in names)
            {
                Assert.NotEqual(string.Empty, name);
                Assert.InRange(UnicodeScalars.Count(name), 1, SampleOptions.DefaultMaxLength);
                Assert.All(UnicodeScalars.Enumerate(name), s => Assert.True(s != '.' && Lecture.Vocabulary.Contains(s)));
            }
        }

        [Fact]
        public void SameSeedReproducesExactlyAndOtherSeedsDiffer()
        {
            var sampler = new BigramSampler(Lecture);
            IEnumerable<string> lazy = sampler.Sample(Options(500, seed: 7));
            string[] first = lazy.ToArray();
            Assert.Equal(first, lazy.ToArray());
            Assert.Equal(first, new BigramSampler(Lecture).Sample(Options(500, seed: 7)).ToArray());
            Assert.Equal(first, BigramSampler.Sample(Lecture, Options(500, seed: 7)).ToArray());
            Assert.NotEqual(first, sampler.Sample(Options(500, seed: 8)).ToArray());
        }

        [Fact]
        public void SampleOneFollowsTheSameStreamAsSample()
        {
            var sampler = new BigramSampler(Lecture);
            var rng = new Pcg32(99);
            string[] oneByOne = Enumerable.Range(0, 300).Select(_ => sampler.SampleOne(rng)).Where(n => n.Length > 0).Take(100).ToArray();
            Assert.Equal(oneByOne, sampler.Sample(Options(100, seed: 99)).ToArray());
        }

        [Theory]
        [InlineData(1.0, 1.0)]
        [InlineData(0.0, 1.0)]
        [InlineData(1.0, 0.5)]
        [InlineData(0.0, 0.5)]
        [InlineData(1.0, 3.0)]
        [InlineData(0.0, 3.0)]
        public void AliasTablesReproduceTheTemperedProbabilities(double smoothing, double temperature)
        {
            BigramModel model = SamplingTestModels.Model(SamplingTestModels.LectureNames, smoothing);
            var sampler = new BigramSampler(model, temperature);
            int v = model.VocabularySize;
            double tolerance = (v + 1) * Math.Pow(2, -32) * 2;
            for (int i = 0; i < v; i++)
            {
                double[] expected = model.GetProbabilityRow(i).ToArray().Select(p => Math.Pow(p, 1.0 / temperature)).ToArray();
                double total = expected.Sum();
                for (int j = 0; j < v; j++)
                {
                    double p = expected[j] / total;
                    double actual = sampler.GetTableProbability(i, j);
                    if (p == 0.0)
                    {
                        Assert.Equal(0.0, actual);
                    }
                    else
                    {
                        Assert.True(Math.Abs(actual - p) <= tolerance, $"row {i} column {j}: table {actual}, model {p}");
                    }
                }
            }
        }

        [Fact]
        public void DrawsMatchTheModelDistribution()
        {
            // Chi-square goodness of fit per row, fixed seed, so the outcome is deterministic; the bound is the
            // 0.999 quantile (Wilson–Hilferty), which a correct sampler passes and a biased one fails.
            BigramModel model = SamplingTestModels.Model(SamplingTestModels.LectureNames, 0.5);
            int v = model.VocabularySize;
            BigramAliasTable table = BigramAliasTable.Create(model.Probabilities, v, 1.0);
            var rng = new Pcg32(2024);
            const int draws = 100_000;
            for (int i = 0; i < v; i++)
            {
                var observed = new int[v];
                for (int n = 0; n < draws; n++)
                {
                    observed[table.Next(rng, i)]++;
                }

                double chiSquare = 0.0;
                for (int j = 0; j < v; j++)
                {
                    double expected = draws * model.GetProbability(i, j);
                    chiSquare += (observed[j] - expected) * (observed[j] - expected) / expected;
                }

                int freedom = v - 1;
                double bound = freedom * Math.Pow(1 - (2.0 / (9 * freedom)) + (3.09 * Math.Sqrt(2.0 / (9 * freedom))), 3);
                Assert.True(chiSquare < bound, $"row {i}: chi-square {chiSquare} ≥ {bound}");
            }
        }

        [Fact]
        public void ZeroProbabilityBigramsAreNeverDrawn()
        {
            BigramModel model = SamplingTestModels.Model(SamplingTestModels.LectureNames, 0.0);
            var sampler = new BigramSampler(model);
            var indices = new List<int>();
            foreach (string name in sampler.Sample(Options(3000, seed: 5)))
            {
                Assert.True(model.Vocabulary.TryEncode(name, indices, out _));
                int previous = Vocabulary.BoundaryIndex;
                foreach (int index in indices.Append(Vocabulary.BoundaryIndex))
                {
                    Assert.True(model.Counts[previous, index] > 0, $"'{name}' holds an unseen bigram");
                    previous = index;
                }
            }
        }

        [Fact]
        public void SmallTemperatureIsNearlyGreedy()
        {
            // Row '.' prefers 'a' (6/14), row 'a' prefers '.' (5/14): the greedy name is "a".
            BigramModel model = SamplingTestModels.Abc(PinnedCounts, 1.0);
            var sampler = new BigramSampler(model, 0.01);
            // Exactly greedy but for the tables' resolution: every allowed symbol keeps at least one unit of 2^-32.
            Assert.True(sampler.GetTableProbability(0, 1) >= 1 - (4 * Math.Pow(2, -32)));
            Assert.All(sampler.Sample(new SampleOptions { Count = 200, Seed = 3, Temperature = 0.01 }), name => Assert.Equal("a", name));
        }

        [Fact]
        public void LargeTemperatureFlattensTowardsUniformOverAllowedSymbols()
        {
            BigramModel model = SamplingTestModels.Model(SamplingTestModels.LectureNames, 0.0);
            var flat = new BigramSampler(model, 1000);
            int v = model.VocabularySize;
            for (int i = 0; i < v; i++)
            {
                int allowed = Enumerable.Range(0, v).Count(j => model.GetProbability(i, j) > 0);
                for (int j = 0; j < v; j++)
                {
                    double expected = model.GetProbability(i, j) > 0 ? 1.0 / allowed : 0.0;
                    Assert.Equal(expected, flat.GetTableProbability(i, j), 2);
                }
            }
        }

        [Fact]
        public void EntropyGrowsWithTemperature()
        {
            double Entropy(BigramSampler sampler, int row) => -Enumerable.Range(0, Lecture.VocabularySize)
                .Select(j => sampler.GetTableProbability(row, j)).Where(p => p > 0).Sum(p => p * Math.Log(p));

            var cold = new BigramSampler(Lecture, 0.5);
            var normal = new BigramSampler(Lecture, 1.0);
            var hot = new BigramSampler(Lecture, 2.0);
            for (int i = 0; i < Lecture.VocabularySize; i++)
            {
                Assert.True(Entropy(cold, i) < Entropy(normal, i));
                Assert.True(Entropy(normal, i) < Entropy(hot, i));
            }
        }

        [Fact]
        public void OptionsTemperatureOverridesTheSamplersOwn()
        {
            var normal = new BigramSampler(Lecture, 1.0);
            var hot = new BigramSampler(Lecture, 2.0);
            var options = new SampleOptions { Count = 50, Seed = 11, Temperature = 2.0 };
            Assert.Equal(hot.Sample(options).ToArray(), normal.Sample(options).ToArray());
        }

        [Fact]
        public void PrefixIsKeptAndContinuedFromItsLastSymbol()
        {
            // k = 0: after 'c' only 'b' may follow, after 'b' only the end.
            long[] counts =
            {
                0, 1, 1, 1,
                1, 1, 0, 1,
                1, 0, 0, 0,
                0, 0, 1, 0,
            };
            BigramModel model = SamplingTestModels.Abc(counts, 0.0);
            var sampler = new BigramSampler(model);
            Assert.All(sampler.Sample(new SampleOptions { Count = 50, Prefix = "c" }), name => Assert.Equal("cb", name));
            Assert.All(sampler.Sample(new SampleOptions { Count = 50, Prefix = "ac" }), name => Assert.Equal("acb", name));
            string[] fromA = sampler.Sample(new SampleOptions { Count = 200, Prefix = "a" }).ToArray();
            Assert.All(fromA, name => Assert.StartsWith("a", name, StringComparison.Ordinal));
            Assert.Contains("a", fromA);
            Assert.Contains(fromA, name => name.StartsWith("aa", StringComparison.Ordinal));
            Assert.DoesNotContain(fromA, name => name.StartsWith("ab", StringComparison.Ordinal));
        }

        [Fact]
        public void MaxLengthCutsTheName()
        {
            // After 'a' only 'a' follows: names would never end.
            long[] counts =
            {
                0, 1, 0, 0,
                0, 1, 0, 0,
                0, 0, 0, 0,
                0, 0, 0, 0,
            };
            BigramModel model = SamplingTestModels.Abc(counts, 0.0);
            var sampler = new BigramSampler(model);
            Assert.All(sampler.Sample(new SampleOptions { Count = 5, MaxLength = 5 }), name => Assert.Equal("aaaaa", name));
            Assert.Equal(new string('a', 64), sampler.SampleOne(new Pcg32(1)));
            Assert.Equal("aa", sampler.SampleOne(new Pcg32(1), "aa", 2));
            Assert.Equal("a", sampler.SampleOne(new Pcg32(1), null, 1));
            Assert.Throws<ArgumentException>(() => sampler.Sample(new SampleOptions { Prefix = "aaa", MaxLength = 2 }));
        }

        [Fact]
        public void MaxLengthCountsSymbolsNotUtf16Units()
        {
            BigramModel model = SamplingTestModels.Model(new[] { "😀😀😀😀😀😀😀😀" }, 0.0);
            var sampler = new BigramSampler(model);
            Assert.Equal("😀😀😀", sampler.SampleOne(new Pcg32(1), null, 3));
        }

        [Fact]
        public void SurrogatePairSymbolsAreDrawnWhole()
        {
            BigramModel model = SamplingTestModels.Model(new[] { "a😀", "😀b", "𝒜ab" });
            foreach (string name in new BigramSampler(model).Sample(Options(500)))
            {
                Assert.All(UnicodeScalars.Enumerate(name), s => Assert.True(model.Vocabulary.Contains(s)));
            }
        }

        [Fact]
        public void ExclusionNeverReturnsATrainingName()
        {
            var sampler = new BigramSampler(Lecture);
            string[] all = sampler.Sample(Options(3000, seed: 1)).ToArray();
            Assert.Contains(all, Lecture.IsTrainingName);
            var options = new SampleOptions { Count = 3000, Seed = 1, ExcludeTrainingNames = true };
            string[] novel = sampler.Sample(options).ToArray();
            Assert.Equal(3000, novel.Length);
            Assert.DoesNotContain(novel, Lecture.IsTrainingName);
        }

        [Fact]
        public void ExclusionGivesUpWithNoNovelNames()
        {
            // The model can only produce "a", which is its training name.
            long[] counts =
            {
                0, 1, 0, 0,
                1, 0, 0, 0,
                0, 0, 0, 0,
                0, 0, 0, 0,
            };
            BigramModel model = SamplingTestModels.Abc(counts, 0.0, "a");
            var sampler = new BigramSampler(model);
            Assert.Equal(new[] { "a", "a" }, sampler.Sample(new SampleOptions { Count = 2 }).ToArray());
            var options = new SampleOptions { Count = 2, ExcludeTrainingNames = true, MaxAttempts = 50 };
            IEnumerable<string> lazy = sampler.Sample(options);
            var error = Assert.Throws<NoNovelNamesException>(() => lazy.ToArray());
            Assert.Equal("NoNovelNames", error.ErrorId);
            Assert.Equal(50, error.Attempts);
            Assert.Equal(0, error.NamesProduced);
            Assert.Contains("50 attempts", error.Message);
        }

        [Fact]
        public void EmptyDrawsAreSkippedBySampleButReturnedBySampleOne()
        {
            // From '.', the end and 'a' are equally likely; after 'a' the end.
            long[] counts =
            {
                1, 1, 0, 0,
                1, 0, 0, 0,
                0, 0, 0, 0,
                0, 0, 0, 0,
            };
            var sampler = new BigramSampler(SamplingTestModels.Abc(counts, 0.0));
            Assert.All(sampler.Sample(Options(200)), name => Assert.Equal("a", name));
            var rng = new Pcg32(4);
            string[] raw = Enumerable.Range(0, 200).Select(_ => sampler.SampleOne(rng)).ToArray();
            Assert.Contains(string.Empty, raw);
            Assert.Contains("a", raw);

            long[] onlyEmpty = { 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0 };
            var empty = new BigramSampler(SamplingTestModels.Abc(onlyEmpty, 0.0));
            Assert.Throws<NoNovelNamesException>(() => empty.Sample(new SampleOptions { Count = 1, MaxAttempts = 10 }).ToArray());
        }

        [Fact]
        public void ParallelSamplingWithSeparateSeedsEqualsSerial()
        {
            var sampler = new BigramSampler(Lecture, 0.8);
            var expected = Enumerable.Range(0, 64).Select(seed => sampler.Sample(new SampleOptions { Count = 200, Seed = seed, Temperature = 0.8 }).ToArray()).ToArray();
            var actual = new ConcurrentDictionary<int, string[]>();
            Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, seed =>
            {
                actual[seed] = sampler.Sample(new SampleOptions { Count = 200, Seed = seed, Temperature = 0.8 }).ToArray();
            });
            for (int seed = 0; seed < 64; seed++)
            {
                Assert.Equal(expected[seed], actual[seed]);
            }
        }

        [Fact]
        public void ZeroCountGivesNoNames()
        {
            Assert.Empty(new BigramSampler(Lecture).Sample(Options(0)));
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-1.0)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void TemperatureMustBePositiveAndFinite(double temperature)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new BigramSampler(Lecture, temperature));
            Assert.Throws<ArgumentOutOfRangeException>(() => new BigramSampler(Lecture).Sample(new SampleOptions { Temperature = temperature }));
        }

        [Fact]
        public void BadOptionsAreRejectedBeforeEnumeration()
        {
            var sampler = new BigramSampler(Lecture);
            Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Sample(new SampleOptions { Count = -1 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Sample(new SampleOptions { MaxLength = 0 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Sample(new SampleOptions { MaxLength = int.MaxValue }));
            Assert.Throws<ArgumentOutOfRangeException>(() => sampler.SampleOne(new Pcg32(1), null, int.MaxValue));
            Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Sample(new SampleOptions { MaxAttempts = 0 }));
            var unknown = Assert.Throws<UnknownCharacterException>(() => sampler.Sample(new SampleOptions { Prefix = "ez" }));
            Assert.Equal("z", unknown.Character);
            Assert.Equal("UnknownCharacter", unknown.ErrorId);
            Assert.Throws<InvalidNameException>(() => sampler.Sample(new SampleOptions { Prefix = "e.m" }));
            Assert.Throws<InvalidNameException>(() => sampler.SampleOne(new Pcg32(1), "e\uD800"));
        }
    }
}
