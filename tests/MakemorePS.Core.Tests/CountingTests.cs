using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class CountingTests
    {
        private static long Count(BigramCounts counts, string first, string second) =>
            counts[counts.Vocabulary.IndexOf(first), counts.Vocabulary.IndexOf(second)];

        [Fact]
        public void ThreeSymbolExampleGivesTheLectureCounts()
        {
            BigramCounts counts = BigramCounter.CountNames(new[] { "a", "ab", "b" });
            Assert.Equal(new[] { ".", "a", "b" }, counts.Vocabulary.Symbols);
            Assert.Equal(new long[] { 0, 2, 1 }, counts.GetRow(0).ToArray());
            Assert.Equal(new long[] { 0, 2, 1, 1, 0, 1, 2, 0, 0 }, counts.ToArray());
            Assert.Equal(3, counts.NameCount);
            Assert.Equal(7, counts.TotalBigrams);
        }

        [Fact]
        public void VocabularyIsSortedByScalarValueWithBoundaryFirstAndCaseKept()
        {
            BigramCounts counts = BigramCounter.CountNames(new[] { "Zoë", "bob", "Émile" });
            Assert.Equal(".", counts.Vocabulary.GetSymbol(0));
            int[] scalars = Enumerable.Range(1, counts.Size - 1).Select(counts.Vocabulary.GetScalar).ToArray();
            Assert.Equal(scalars.OrderBy(s => s).ToArray(), scalars);
            Assert.Contains("Z", counts.Vocabulary.Symbols);
            Assert.Contains("É", counts.Vocabulary.Symbols);
            Assert.Equal(1, Count(counts, ".", "Z"));
        }

        [Fact]
        public void AddTrimsCountsBlanksAndLowerCasesOnRequest()
        {
            var counter = new BigramCounter(new CountingOptions { LowerCase = true, CollectNames = true });
            Assert.True(counter.Add("  EMMA \t"));
            Assert.False(counter.Add("   "));
            Assert.False(counter.Add(null));
            Assert.False(counter.Add(string.Empty));
            Assert.True(counter.Add("ÉMILE"));
            BigramCounts counts = counter.ToCounts();
            Assert.Equal(2, counts.NameCount);
            Assert.Equal(3, counts.BlankLineCount);
            Assert.Equal(new[] { "emma", "émile" }, counter.Names);
            Assert.Equal(1, Count(counts, ".", "e"));
            Assert.Equal(1, Count(counts, ".", "é"));
            Assert.DoesNotContain("E", counts.Vocabulary.Symbols);
        }

        [Fact]
        public void CaseIsKeptByDefault()
        {
            BigramCounts counts = BigramCounter.CountUtf8(Encoding.UTF8.GetBytes("Emma\nemma\n"));
            Assert.Equal(1, Count(counts, ".", "E"));
            Assert.Equal(1, Count(counts, ".", "e"));
        }

        [Fact]
        public void BadNameThrowsAndLeavesTheCounterUnchanged()
        {
            var counter = new BigramCounter(new CountingOptions { CollectNames = true });
            counter.Add("ann");
            long[] before = counter.ToCounts().ToArray();
            var error = Assert.Throws<InvalidNameException>(() => counter.Add("j.r."));
            Assert.Equal("InvalidName", error.ErrorId);
            Assert.Equal(InvalidNameReason.ContainsBoundaryToken, error.Reason);
            Assert.Throws<InvalidNameException>(() => counter.Add("a\uD800"));
            Assert.Throws<InvalidNameException>(() => counter.AddNormalized(string.Empty));
            Assert.Equal(before, counter.ToCounts().ToArray());
            Assert.Equal(1, counter.NameCount);
            Assert.Equal(0, counter.BlankLineCount);
            Assert.Equal(new[] { "ann" }, counter.Names);
        }

        [Fact]
        public void AddNormalizedCountsExactlyWhatItIsGiven()
        {
            var counter = new BigramCounter(new CountingOptions { LowerCase = true });
            counter.AddNormalized(" Ab");
            BigramCounts counts = counter.ToCounts();
            Assert.Equal(1, Count(counts, ".", " "));
            Assert.Equal(1, Count(counts, " ", "A"));
        }

        [Fact]
        public void EmojiIsOneSymbolAndNeverSplit()
        {
            BigramCounts fromStrings = BigramCounter.CountNames(new[] { "a😀b", "😀" });
            BigramCounts fromBytes = BigramCounter.CountUtf8(Encoding.UTF8.GetBytes("a😀b\n😀\n"));
            foreach (BigramCounts counts in new[] { fromStrings, fromBytes })
            {
                Assert.Equal(new[] { ".", "a", "b", "😀" }, counts.Vocabulary.Symbols);
                Assert.Equal(1, Count(counts, "a", "😀"));
                Assert.Equal(1, Count(counts, "😀", "b"));
                Assert.Equal(1, Count(counts, ".", "😀"));
                Assert.Equal(1, Count(counts, "😀", "."));
                Assert.Equal(6, counts.TotalBigrams);
            }
        }

        [Fact]
        public void InteriorWhitespaceIsASymbolAndEdgesAreTrimmed()
        {
            byte[] text = Encoding.UTF8.GetBytes("  mary ann \t\r\n\tbo\tb\n");
            BigramCounts counts = BigramCounter.CountUtf8(text);
            Assert.Equal(2, counts.NameCount);
            Assert.Equal(1, Count(counts, "y", " "));
            Assert.Equal(1, Count(counts, " ", "a"));
            Assert.Equal(1, Count(counts, "n", "."));
            Assert.Equal(1, Count(counts, "o", "\t"));
            Assert.Equal(1, Count(counts, ".", "b"));
            Assert.Equal(0, Count(counts, ".", " "));
            Assert.Equal(counts.ToArray(), BigramCounter.CountNames(new[] { "  mary ann \t", "\tbo\tb" }).ToArray());
        }

        [Fact]
        public void LineEndingsBomAndMissingFinalNewlineAreHandled()
        {
            BigramCounts expected = BigramCounter.CountNames(new[] { "emma", "olivia", "ava" });
            string[] variants = { "emma\nolivia\nava\n", "emma\r\nolivia\r\nava\r\n", "emma\rolivia\rava", "\uFEFFemma\nolivia\r\nava" };
            foreach (string variant in variants)
            {
                BigramCounts counts = BigramCounter.CountUtf8(Encoding.UTF8.GetBytes(variant));
                Assert.Equal(expected.ToArray(), counts.ToArray());
                Assert.Equal(3, counts.NameCount);
                Assert.Equal(0, counts.BlankLineCount);
            }
        }

        [Fact]
        public void BlankLinesAreCountedLikeAReaderSeesThem()
        {
            BigramCounts counts = BigramCounter.CountUtf8(Encoding.UTF8.GetBytes("\nemma\r\n\r\n   \n\u00A0\nava\n\n"));
            Assert.Equal(2, counts.NameCount);
            Assert.Equal(5, counts.BlankLineCount);
        }

        [Fact]
        public void InvalidLinesInBulkInputAreReportedWithLineNumbersAndSkipped()
        {
            var seen = new List<NameRejection>();
            var counter = new BigramCounter(new CountingOptions { Rejected = seen.Add, CollectNames = true });
            byte[] text = Encoding.UTF8.GetBytes("emma\nj.r.\r\n").Concat(new byte[] { 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65, (byte)'\n' }).Concat(Encoding.UTF8.GetBytes("ava\n")).ToArray();
            counter.AddUtf8(text, "names.txt");
            Assert.Equal(2, counter.NameCount);
            Assert.Equal(new[] { "emma", "ava" }, counter.Names);
            Assert.Equal(2, counter.RejectedCount);
            Assert.Equal(seen, counter.Rejections);
            Assert.Equal(2, seen[0].LineNumber);
            Assert.Equal("j.r.", seen[0].Text);
            Assert.Equal("names.txt", seen[0].Source);
            Assert.Equal(InvalidNameReason.ContainsBoundaryToken, seen[0].Error.Reason);
            Assert.Equal(3, seen[1].LineNumber);
            Assert.Equal(InvalidNameReason.InvalidEncoding, seen[1].Error.Reason);
            Assert.Contains("UTF-8", seen[1].Message);
            Assert.Contains("0xE9", seen[1].Message);
            Assert.Equal("InvalidName", seen[1].Error.ErrorId);
            Assert.StartsWith("names.txt:3:", seen[1].ToString());
            Assert.DoesNotContain(".", counter.ToCounts().Vocabulary.Symbols.Skip(1));
        }

        [Fact]
        public void AddNamesReportsBadNamesByPosition()
        {
            var seen = new List<NameRejection>();
            var counter = new BigramCounter(new CountingOptions { Rejected = seen.Add });
            counter.AddNames(new[] { "ann", " ", "x.y", "bob" });
            Assert.Equal(2, counter.NameCount);
            Assert.Equal(1, counter.BlankLineCount);
            NameRejection rejection = Assert.Single(seen);
            Assert.Equal(3, rejection.LineNumber);
            Assert.Equal("x.y", rejection.Text);
        }

        [Fact]
        public void KeptRejectionsAreBoundedButAllAreCountedAndReported()
        {
            int reported = 0;
            var counter = new BigramCounter(new CountingOptions { MaxRejectionsKept = 3, Rejected = _ => reported++ });
            counter.AddUtf8(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("a.b\n", 10)) + "ok\n"));
            Assert.Equal(10, counter.RejectedCount);
            Assert.Equal(10, reported);
            Assert.Equal(3, counter.Rejections.Count);
            Assert.Equal(1, counter.NameCount);
        }

        [Fact]
        public void OverlongLinesAreRejectedInEveryPath()
        {
            var options = new CountingOptions { SegmentBytes = 64, MaxDegreeOfParallelism = 1 };
            string text = "emma\n" + new string('x', 200) + "\nava\n" + new string('y', 65) + "\r\nmia";
            foreach (Func<BigramCounter, BigramCounter> read in new Func<BigramCounter, BigramCounter>[]
            {
                c => { c.AddUtf8(Encoding.UTF8.GetBytes(text)); return c; },
                c => { c.AddStream(new MemoryStream(Encoding.UTF8.GetBytes(text))); return c; },
            })
            {
                BigramCounter counter = read(new BigramCounter(options));
                Assert.Equal(3, counter.NameCount);
                Assert.Equal(new long[] { 2, 4 }, counter.Rejections.Select(r => r.LineNumber).ToArray());
                Assert.All(counter.Rejections, r => Assert.Equal(InvalidNameReason.TooLong, r.Error.Reason));
                Assert.Equal(BigramCounter.CountNames(new[] { "emma", "ava", "mia" }).ToArray(), counter.ToCounts().ToArray());
            }
        }

        [Fact]
        public void StreamBufferGrowsWhenAFileIsLongerThanItSeemed()
        {
            string text = "emma\n" + new string('x', 5000) + "\nava\n";
            var counter = new BigramCounter(new CountingOptions { CollectNames = true });
            counter.AddStream(new ShrunkLengthStream(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(new[] { "emma", new string('x', 5000), "ava" }, counter.Names);
            Assert.Equal(0, counter.RejectedCount);
        }

        [Theory]
        [InlineData(0.2)]
        [InlineData(0.002)]
        [InlineData(0.0)]
        public void ByteFastPathsAgreeWithTheStringPath(double oddCharacterChance)
        {
            var rng = new Pcg32(12345);
            for (int round = 0; round < 40; round++)
            {
                List<string> lines = RandomLines(rng, 1 + (int)rng.NextUInt32(3000), oddCharacterChance);
                string text = JoinWithRandomLineEnds(rng, lines);
                foreach (bool lowerCase in new[] { false, true })
                {
                    var stringCounter = new BigramCounter(new CountingOptions { LowerCase = lowerCase, CollectNames = true, MaxRejectionsKept = 10000 });
                    stringCounter.AddNames(lines);

                    // Collecting names forces the line-by-line path; without, plain blocks take the branch-free path.
                    foreach (bool collect in new[] { true, false })
                    {
                        var bytesCounter = new BigramCounter(new CountingOptions { LowerCase = lowerCase, CollectNames = collect, MaxDegreeOfParallelism = 1, MaxRejectionsKept = 10000 });
                        bytesCounter.AddUtf8(Encoding.UTF8.GetBytes(text));
                        AssertSame(stringCounter, bytesCounter);
                    }
                }
            }
        }

        [Fact]
        public void BlockPathCountsBlankLinesAndLineEndingsExactly()
        {
            string[] texts =
            {
                "emma\n\nava\n", "\nemma\n", "emma\r\n\r\nava\r\n", "ab\rcd\n", "\r\r\n", "\n\n\n", "a\r\n\rb\n\r\n",
                "EMMA\nAva\n", "emma\nava", "\0x\u0001\n",
            };
            foreach (string text in texts)
            {
                foreach (bool lowerCase in new[] { false, true })
                {
                    var viaBlocks = new BigramCounter(new CountingOptions { LowerCase = lowerCase });
                    viaBlocks.AddUtf8(Encoding.UTF8.GetBytes(text));
                    var viaReader = new BigramCounter(new CountingOptions { LowerCase = lowerCase });
                    viaReader.AddReader(new StringReader(text));
                    AssertSame(viaReader, viaBlocks);
                }
            }
        }

        [Fact]
        public void ParallelCountingIsIdenticalToSerialCounting()
        {
            var rng = new Pcg32(2024);
            for (int round = 0; round < 30; round++)
            {
                List<string> lines = RandomLines(rng, 50 + (int)rng.NextUInt32(400), round % 2 == 0 ? 0.2 : 0.002);
                byte[] text = Encoding.UTF8.GetBytes(JoinWithRandomLineEnds(rng, lines));
                bool collect = round % 3 != 0;
                var serial = new BigramCounter(new CountingOptions { CollectNames = collect, MaxDegreeOfParallelism = 1, MaxRejectionsKept = 1000 });
                serial.AddUtf8(text, "f");
                foreach (int parallelism in new[] { 2, 3, 8 })
                {
                    int segment = 16 + (int)rng.NextUInt32(200);
                    var options = new CountingOptions { CollectNames = collect, MaxDegreeOfParallelism = parallelism, SegmentBytes = segment, MaxRejectionsKept = 1000 };
                    var fromSpan = new BigramCounter(options);
                    fromSpan.AddUtf8(text, "f");
                    AssertSame(serial, fromSpan);

                    var fromStream = new BigramCounter(options);
                    fromStream.AddStream(new TricklingStream(text, 1 + (int)rng.NextUInt32(40)), "f");
                    AssertSame(serial, fromStream);
                }
            }
        }

        [Fact]
        public void CountFileReadsUtf8AndBomMarkedUtf16Files()
        {
            string directory = Path.Combine(Path.GetTempPath(), "mmps-count-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                string utf8 = Path.Combine(directory, "utf8.txt");
                string utf16 = Path.Combine(directory, "utf16.txt");
                string body = "Zoë\r\n\r\nemma\r\nj.r.\r\n";
                File.WriteAllText(utf8, body, new UTF8Encoding(true));
                File.WriteAllText(utf16, body, Encoding.Unicode);
                foreach (string path in new[] { utf8, utf16 })
                {
                    var seen = new List<NameRejection>();
                    NameCorpus corpus = NameCorpus.FromFile(path, new CountingOptions { LowerCase = true, Rejected = seen.Add });
                    Assert.Equal(new[] { "zoë", "emma" }, corpus.Names);
                    Assert.Equal(2, corpus.NameCount);
                    Assert.Equal(1, corpus.BlankLineCount);
                    Assert.Equal(1, corpus.RejectedCount);
                    Assert.Equal(4, seen.Single().LineNumber);
                    Assert.Equal(path, seen.Single().Source);
                    Assert.Equal(BigramCounter.CountNames(new[] { "zoë", "emma" }).ToArray(), BigramCounter.CountFile(path, new CountingOptions { LowerCase = true }).ToArray());
                }

                Assert.Throws<FileNotFoundException>(() => BigramCounter.CountFile(Path.Combine(directory, "missing.txt")));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public void MergingCountersOrCountsEqualsCountingEverything()
        {
            string[] first = { "emma", "zoë", "ann" };
            string[] second = { "Bob", "😀x", "ann" };
            var a = new BigramCounter(new CountingOptions { CollectNames = true });
            a.AddNames(first);
            a.Add(" ");
            var b = new BigramCounter(new CountingOptions { CollectNames = true });
            b.AddNames(second);
            var all = new BigramCounter(new CountingOptions { CollectNames = true });
            all.AddNames(first.Concat(new[] { " " }).Concat(second));

            BigramCounts merged = BigramCounts.Merge(a.ToCounts(), b.ToCounts());
            a.Merge(b);
            BigramCounts expected = all.ToCounts();
            foreach (BigramCounts counts in new[] { merged, a.ToCounts() })
            {
                Assert.Equal(expected.Vocabulary, counts.Vocabulary);
                Assert.Equal(expected.ToArray(), counts.ToArray());
                Assert.Equal(6, counts.NameCount);
                Assert.Equal(1, counts.BlankLineCount);
            }

            Assert.Equal(new[] { "emma", "zoë", "ann", "Bob", "😀x" }, a.Names);
        }

        [Fact]
        public void EmptyInputGivesTheBoundaryOnlyVocabulary()
        {
            BigramCounts counts = BigramCounter.CountUtf8(ReadOnlySpan<byte>.Empty);
            Assert.Equal(1, counts.Size);
            Assert.Equal(0, counts.TotalBigrams);
            Assert.Empty(counts.EnumerateObserved());
        }

        [Fact]
        public void EnumerateObservedListsNonZeroPairsInVocabularyOrder()
        {
            BigramCounts counts = BigramCounter.CountNames(new[] { "a", "ab", "b" });
            BigramCountRecord[] records = counts.EnumerateObserved().ToArray();
            Assert.Equal(new[] { ".a:2", ".b:1", "a.:1", "ab:1", "b.:2" }, records.Select(r => r.First + r.Second + ":" + r.Count).ToArray());
            Assert.Equal(counts.TotalBigrams, records.Sum(r => r.Count));
        }

        [Fact]
        public void CorpusMakesAModelThatKnowsItsDistinctTrainingNames()
        {
            NameCorpus corpus = NameCorpus.FromNames(new[] { "ann", "bob", "ann", "", "x.y" });
            Assert.Equal(new[] { "ann", "bob" }, corpus.Names);
            Assert.Equal(3, corpus.NameCount);
            Assert.Equal(1, corpus.BlankLineCount);
            Assert.Equal(1, corpus.RejectedCount);
            BigramModel model = corpus.ToModel(0.5);
            Assert.Equal(0.5, model.Smoothing);
            Assert.True(model.IsTrainingName("bob"));
            Assert.Equal(corpus.Counts.ToArray(), model.Counts.ToArray());
        }

        [Fact]
        public void CutsNeverSplitALineOrACarriageReturnLineFeed()
        {
            byte[] data = Encoding.ASCII.GetBytes("ab\r\ncd\ref\n");
            Assert.Equal(4, BigramCounter.FindLastCut(data.AsSpan(0, 5), atEnd: false));
            Assert.Equal(0, BigramCounter.FindLastCut(data.AsSpan(0, 3), atEnd: false));
            Assert.Equal(3, BigramCounter.FindLastCut(data.AsSpan(0, 3), atEnd: true));
            Assert.Equal(7, BigramCounter.FindLastCut(data.AsSpan(0, 8), atEnd: false));
            Assert.Equal(4, BigramCounter.FindCutAtOrAfter(data, 3));
            Assert.Equal(4, BigramCounter.FindCutAtOrAfter(data, 1));
            Assert.Equal(7, BigramCounter.FindCutAtOrAfter(data, 5));
        }

        private static void AssertSame(BigramCounter expected, BigramCounter actual)
        {
            BigramCounts e = expected.ToCounts();
            BigramCounts a = actual.ToCounts();
            Assert.Equal(e.Vocabulary, a.Vocabulary);
            Assert.Equal(e.ToArray(), a.ToArray());
            Assert.Equal(e.NameCount, a.NameCount);
            Assert.Equal(e.BlankLineCount, a.BlankLineCount);
            if (expected.CollectsNames && actual.CollectsNames)
            {
                Assert.Equal(expected.Names, actual.Names);
            }

            Assert.Equal(expected.RejectedCount, actual.RejectedCount);
            Assert.Equal(
                expected.Rejections.Select(r => (r.LineNumber, r.Text, r.Error.Reason, r.Source)).ToArray(),
                actual.Rejections.Select(r => (r.LineNumber, r.Text, r.Error.Reason, r.Source)).ToArray());
        }

        /// <summary>Lines mixing plain ASCII, case, inner and edge whitespace, blanks, '.', accents and emoji.</summary>
        private static List<string> RandomLines(Pcg32 rng, int count, double oddCharacterChance = 0.2)
        {
            string[] pieces = { "E", "M", " ", "\t", ".", "é", "É", "😀", "ß", "\u00A0", "\u0001", "Q" };
            var lines = new List<string>(count);
            for (int i = 0; i < count; i++)
            {
                int length = (int)rng.NextUInt32(9);
                var line = new StringBuilder();
                for (int k = 0; k < length; k++)
                {
                    // Mostly plain letters, so the fast path does most of the work.
                    line.Append(rng.NextDouble() >= oddCharacterChance ? ((char)('a' + rng.NextUInt32(26))).ToString() : pieces[rng.NextUInt32((uint)pieces.Length)]);
                }

                lines.Add(line.ToString());
            }

            return lines;
        }

        private static string JoinWithRandomLineEnds(Pcg32 rng, List<string> lines)
        {
            string[] ends = { "\n", "\r\n", "\r" };
            var text = new StringBuilder();
            string previousEnd = string.Empty;
            for (int i = 0; i < lines.Count; i++)
            {
                text.Append(lines[i]);

                // An empty last line exists for a reader only when a line break ends it.
                if (i < lines.Count - 1 || lines[i].Length == 0 || rng.NextDouble() < 0.5)
                {
                    string end = ends[rng.NextUInt32(3)];
                    if (lines[i].Length == 0 && previousEnd == "\r" && end == "\n")
                    {
                        // CR then LF would be one CRLF, not an empty line.
                        end = "\r\n";
                    }

                    text.Append(end);
                    previousEnd = end;
                }
            }

            return text.ToString();
        }

        /// <summary>A seekable stream that claims to be short, like a file that grows while it is read.</summary>
        private sealed class ShrunkLengthStream : MemoryStream
        {
            public ShrunkLengthStream(byte[] data)
                : base(data, writable: false)
            {
            }

            public override long Length => 10;
        }

        /// <summary>A stream that hands out at most a few bytes per read, to cross every boundary.</summary>
        private sealed class TricklingStream : MemoryStream
        {
            private readonly int _maxRead;

            public TricklingStream(byte[] data, int maxRead)
                : base(data, writable: false) => _maxRead = maxRead;

            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _maxRead));
        }
    }
}
