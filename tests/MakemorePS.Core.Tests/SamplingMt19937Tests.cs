using System;
using System.Linq;
using Xunit;

namespace MakemorePS.Core.Tests
{
    /// <summary>
    /// Mt19937 against CPython 3.11's random module. Every expected value below was printed by
    /// <c>/usr/bin/python3</c> (Debian 12): <c>random.Random(seed).getrandbits(32)</c>, <c>_randbelow(n)</c> and
    /// <c>shuffle</c>; the split's names by <c>random.seed(42); random.shuffle(names)</c> on the bundled names.txt.
    /// </summary>
    public class SamplingMt19937Tests
    {
        [Theory]
        [InlineData(42L, new uint[] { 2746317213, 478163327, 107420369, 3184935163 })]
        [InlineData(0L, new uint[] { 3626764237, 1654615998, 3255389356, 3823568514 })]
        [InlineData(-42L, new uint[] { 2746317213, 478163327, 107420369, 3184935163 })]
        [InlineData(1099511627781L, new uint[] { 2166296868, 2220160828, 1153647273, 2850991874 })]
        [InlineData(long.MaxValue, new uint[] { 1359979423, 2819855560, 2711238091, 569878368 })]
        public void OutputsMatchPythonsRandomSeed(long seed, uint[] expected)
        {
            var generator = new Mt19937(seed);
            Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(_ => generator.NextUInt32()));
        }

        [Fact]
        public void OutputsStayInStepWithPythonAcrossManyTwists()
        {
            // random.Random(42): the 10,000th getrandbits(32), after 16 regenerations of the 624-word state.
            var generator = new Mt19937(42);
            for (int i = 0; i < 9999; i++)
            {
                generator.NextUInt32();
            }

            Assert.Equal(3981887252U, generator.NextUInt32());
        }

        [Fact]
        public void BoundedDrawsMatchPythonsRandbelow()
        {
            var generator = new Mt19937(42);
            Assert.Equal(new uint[] { 0, 0, 2, 281, 8024, 958682846 }, new uint[] { 1, 2, 3, 1000, 32257, 2147483649 }.Select(generator.NextBelow));
            Assert.Throws<ArgumentOutOfRangeException>(() => generator.NextBelow(0));
        }

        [Fact]
        public void ShuffleMatchesPythonsShuffle()
        {
            int[] items = Enumerable.Range(0, 20).ToArray();
            new Mt19937(42).Shuffle(items);
            Assert.Equal(new[] { 19, 5, 14, 4, 9, 13, 15, 18, 6, 12, 17, 10, 1, 11, 2, 16, 7, 8, 0, 3 }, items);

            int[] other = Enumerable.Range(0, 10).ToArray();
            new Mt19937(7).Shuffle(other);
            Assert.Equal(new[] { 8, 3, 1, 4, 7, 0, 9, 6, 2, 5 }, other);
        }

        [Fact]
        public void TheDefaultSplitIsTheLecturesShuffleOfTheBundledNames()
        {
            NameSplit split = NameSplit.Create(BundledNames.Names);
            Assert.Equal(new[] { "anaiza", "julyen", "lyberty", "dalen", "malick" }, split.Train.Take(5));
            Assert.Equal(new[] { "karliah", "calaya", "khameron", "shelby", "giulia" }, split.Dev.Take(5));
            Assert.Equal(new[] { "josiel", "brett", "varna", "fredrick", "kershaw" }, split.Test.Take(5));
            Assert.Equal("caidyn", split.Test[split.Test.Count - 1]);
        }
    }
}
