using System;
using System.Linq;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class VocabularyTests
    {
        [Fact]
        public void BoundaryIsFirstAndSymbolsAreSortedByScalarValue()
        {
            Vocabulary vocabulary = Vocabulary.FromNames(new[] { "zoe", "ann", "Émile" });
            Assert.Equal(".", vocabulary.GetSymbol(0));
            int[] scalars = Enumerable.Range(1, vocabulary.Count - 1).Select(vocabulary.GetScalar).ToArray();
            Assert.Equal(scalars.OrderBy(s => s), scalars);
            Assert.Contains("É", vocabulary.Symbols);
        }

        [Fact]
        public void SurrogatePairIsOneSymbol()
        {
            Vocabulary vocabulary = Vocabulary.FromNames(new[] { "a😀b" });
            Assert.Equal(new[] { ".", "a", "b", "😀" }, vocabulary.Symbols);
            Assert.Equal(3, vocabulary.IndexOf("😀"));
        }

        [Fact]
        public void NameWithBoundaryTokenIsRejectedByName()
        {
            var error = Assert.Throws<InvalidNameException>(() => Vocabulary.FromNames(new[] { "ann", "j.r." }));
            Assert.Equal("j.r.", error.Name);
            Assert.Contains("'j.r.'", error.Message);
            Assert.Equal("InvalidName", error.ErrorId);
        }

        [Fact]
        public void NormalizerTrimsSkipsBlanksAndLowerCasesOnRequest()
        {
            Assert.False(NameNormalizer.TryNormalize("   ", false, out _));
            Assert.True(NameNormalizer.TryNormalize("  Ann ", false, out string? kept));
            Assert.Equal("Ann", kept);
            Assert.True(NameNormalizer.TryNormalize("  Ann ", true, out string? lowered));
            Assert.Equal("ann", lowered);
            Assert.Throws<InvalidNameException>(() => NameNormalizer.TryNormalize("a\uD800b", false, out _));
        }
    }

    public class CountModelTests
    {
        // Vocabulary {., a, b}; after '.', 'a' twice and 'b' once.
        private static BigramCounts ThreeSymbolCounts() =>
            new BigramCounts(Vocabulary.FromScalars(new int[] { 'a', 'b' }), new long[] { 0, 2, 1, 2, 0, 0, 1, 0, 0 }, nameCount: 3);

        [Fact]
        public void AddOneSmoothingGivesTheLectureProbabilities()
        {
            BigramModel model = BigramModel.FromCounts(ThreeSymbolCounts(), 1.0);
            Assert.Equal(new[] { 1 / 6.0, 3 / 6.0, 2 / 6.0 }, model.GetProbabilityRow(0).ToArray(), new ToleranceComparer(1e-15));
        }

        [Fact]
        public void UnsmoothedEmptyRowIsUniformNotNaN()
        {
            var counts = new BigramCounts(Vocabulary.FromScalars(new int[] { 'a', 'b' }), new long[] { 0, 1, 0, 1, 0, 0, 0, 0, 0 }, nameCount: 1);
            BigramModel model = BigramModel.FromCounts(counts, 0.0);
            Assert.All(model.GetProbabilityRow(2).ToArray(), p => Assert.Equal(1 / 3.0, p, 15));
            Assert.Equal(0.0, model.GetProbability(0, 2));
        }

        [Fact]
        public void NegativeSmoothingIsRejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => BigramModel.FromCounts(ThreeSymbolCounts(), -1));
        }
    }

    public class Pcg32Tests
    {
        [Fact]
        public void MatchesTheReferenceImplementationStream()
        {
            // pcg32-demo: pcg32_srandom(42, 54), first six outputs.
            var rng = new Pcg32(42, 54);
            uint[] expected = { 0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e };
            Assert.Equal(expected, Enumerable.Range(0, 6).Select(_ => rng.NextUInt32()).ToArray());
        }

        [Fact]
        public void BoundedValuesStayInRange()
        {
            var rng = new Pcg32(7);
            for (int i = 0; i < 10000; i++)
            {
                Assert.InRange(rng.NextUInt32(27), 0u, 26u);
                double d = rng.NextDouble();
                Assert.True(d >= 0.0 && d < 1.0);
            }
        }
    }

    internal sealed class ToleranceComparer : System.Collections.Generic.IEqualityComparer<double>
    {
        private readonly double _tolerance;

        public ToleranceComparer(double tolerance) => _tolerance = tolerance;

        public bool Equals(double x, double y) => Math.Abs(x - y) <= _tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
