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
