using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class CountingBundledNamesTests
    {
        [Fact]
        public void NamesAreTheLinesOfTheEmbeddedResource()
        {
            var lines = new List<string>();
            using (var reader = new StreamReader(BundledNames.OpenStream()))
            {
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    lines.Add(line);
                }
            }

            Assert.Equal(lines, BundledNames.Names);
            Assert.All(BundledNames.Names, name => Assert.Matches("^[a-z]+$", name));
        }

        [Fact]
        public void EveryThreadSharesOneLoadedList()
        {
            const int Threads = 8;
            var names = new IReadOnlyList<string>[Threads];
            var corpora = new NameCorpus[Threads];
            using (var start = new Barrier(Threads))
            {
                // Dedicated threads released together (the pool might run them one by one): if this is the first use, they race the load.
                Thread[] threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
                {
                    start.SignalAndWait();
                    names[i] = BundledNames.Names;
                    corpora[i] = BundledNames.Corpus;
                })).ToArray();
                Array.ForEach(threads, thread => thread.Start());
                Array.ForEach(threads, thread => thread.Join());
            }

            Assert.All(names, list => Assert.Same(names[0], list));
            Assert.All(corpora, corpus => Assert.Same(corpora[0], corpus));
            Assert.Same(corpora[0].Counts, BundledNames.Counts);
        }

        [Fact]
        public void TheSharedListCannotBeChangedByACaller()
        {
            var list = Assert.IsAssignableFrom<IList<string>>(BundledNames.Names);
            Assert.True(list.IsReadOnly);
            Assert.Throws<NotSupportedException>(() => list.Add("zzz"));
            Assert.Throws<NotSupportedException>(() => list[0] = "zzz");
            Assert.Equal("emma", BundledNames.Names[0]);
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
