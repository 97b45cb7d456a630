using System.IO;
using System.Linq;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class CountingBundledNamesTests
    {
        [Fact]
        public void NamesLoadFromTheEmbeddedResourceOnce()
        {
            Assert.NotEmpty(BundledNames.Names);
            Assert.Same(BundledNames.Names, BundledNames.Names);
            Assert.Same(BundledNames.Counts, BundledNames.Counts);
            Assert.All(BundledNames.Names, name => Assert.Equal(name.Trim(), name));
            Assert.All(BundledNames.Names, name => Assert.NotEqual(string.Empty, name));
        }

        [Fact]
        public void CountsAndDistinctNamesMatchTheList()
        {
            Assert.Equal(BundledNames.Names.Count, BundledNames.Counts.NameCount);
            Assert.Equal(BigramCounter.CountNames(BundledNames.Names).ToArray(), BundledNames.Counts.ToArray());
            Assert.Equal(BundledNames.Names.Distinct().ToArray(), BundledNames.Corpus.Names);
            Assert.Equal(0, BundledNames.Corpus.RejectedCount);
        }

        [Fact]
        public void BundledDataIsTheSsa2018ListInLowerCase()
        {
            // Figures from Data/README.md: SSA's revised 2018 release (makemore's original file has 32,033 lines).
            Assert.Equal(32257, BundledNames.Names.Count);
            Assert.Equal(29693, BundledNames.Corpus.Names.Count);
            Assert.Equal("emma", BundledNames.Names[0]);
            Assert.Equal(new[] { "emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn" }, BundledNames.Names.Take(10));
            Assert.All(BundledNames.Names, name => Assert.True(name.All(c => c >= 'a' && c <= 'z'), name));
            Assert.Equal(0, BundledNames.Counts.BlankLineCount);
        }

        [Fact]
        public void BundledVocabularyIsTheBoundaryAndTheAlphabet()
        {
            Vocabulary vocabulary = BundledNames.Counts.Vocabulary;
            Assert.Equal(27, vocabulary.Count);
            Assert.Equal(".abcdefghijklmnopqrstuvwxyz", vocabulary.ToString());
            Assert.Equal(BundledNames.Names.Sum(name => (long)name.Length + 1), BundledNames.Counts.TotalBigrams);
        }

        [Fact]
        public void TheStreamHoldsTheSameNames()
        {
            using (Stream stream = BundledNames.OpenStream())
            {
                var counter = new BigramCounter();
                counter.AddStream(stream);
                Assert.Equal(BundledNames.Counts.ToArray(), counter.ToCounts().ToArray());
            }
        }
    }
}
