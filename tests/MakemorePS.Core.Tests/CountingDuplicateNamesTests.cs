using System.Collections.Generic;
using System.Linq;
using System.Text;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    /// <summary>CountingOptions.KeepDuplicateNames: every name in input order, the training examples of the MLP.</summary>
    public class CountingDuplicateNamesTests
    {
        [Fact]
        public void KeepsEveryNameInInputOrderFromNames()
        {
            var counter = new BigramCounter(new CountingOptions { CollectNames = true, KeepDuplicateNames = true });
            counter.AddNames(new[] { "bo", "ann", "bo", " ", "ann", "cy" });
            Assert.Equal(new[] { "bo", "ann", "bo", "ann", "cy" }, counter.Names);

            var distinct = new BigramCounter(new CountingOptions { CollectNames = true });
            distinct.AddNames(new[] { "bo", "ann", "bo", " ", "ann", "cy" });
            Assert.Equal(new[] { "bo", "ann", "cy" }, distinct.Names);
        }

        [Fact]
        public void KeepsEveryNameInInputOrderWhenCountingInParallel()
        {
            var rng = new Pcg32(12);
            var names = new List<string>();
            for (int i = 0; i < 5000; i++)
            {
                names.Add(new string((char)('a' + (int)rng.NextUInt32(3)), 1 + (int)rng.NextUInt32(4)));
            }

            byte[] text = Encoding.UTF8.GetBytes(string.Join("\n", names) + "\n");
            foreach (int parallelism in new[] { 1, 2, 4 })
            {
                var counter = new BigramCounter(new CountingOptions { CollectNames = true, KeepDuplicateNames = true, MaxDegreeOfParallelism = parallelism, SegmentBytes = 256 });
                counter.AddUtf8(text, "names");
                Assert.Equal(names, counter.Names.ToList());
                Assert.Equal(names.Count, counter.NameCount);
            }
        }
    }
}
