using System;
using System.Collections.Generic;
using System.Linq;
using MakemorePS.Common;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Module.Tests
{
    public class ColumnNamesTests
    {
        [Fact]
        public void PlainSymbolsKeepTheirText()
        {
            Vocabulary vocabulary = Vocabulary.FromNames(new[] { "emma", "zoë", "a😀", "x-y" });
            Assert.Equal(vocabulary.Symbols, ColumnNames.For(vocabulary));
        }

        [Fact]
        public void CaseCollisionsKeepOnlyTheLowerCaseMemberReadable()
        {
            Vocabulary vocabulary = Vocabulary.FromNames(new[] { "Aa", "B", "Éé" });
            IReadOnlyList<string> names = ColumnNames.For(vocabulary);
            Assert.Equal(".", names[vocabulary.IndexOf(".")]);
            Assert.Equal("U+0041", names[vocabulary.IndexOf("A")]);
            Assert.Equal("a", names[vocabulary.IndexOf("a")]);
            Assert.Equal("B", names[vocabulary.IndexOf("B")]);
            Assert.Equal("U+00C9", names[vocabulary.IndexOf("É")]);
            Assert.Equal("é", names[vocabulary.IndexOf("é")]);
        }

        [Fact]
        public void InvisibleSymbolsGetCodeNames()
        {
            Vocabulary vocabulary = Vocabulary.FromNames(new[] { "a b\tc\u00A0d\u200Be\u0001" });
            IReadOnlyList<string> names = ColumnNames.For(vocabulary);
            Assert.Equal("U+0020", names[vocabulary.IndexOf(" ")]);
            Assert.Equal("U+0009", names[vocabulary.IndexOf("\t")]);
            Assert.Equal("U+00A0", names[vocabulary.IndexOf("\u00A0")]);
            Assert.Equal("U+200B", names[vocabulary.IndexOf("\u200B")]);
            Assert.Equal("U+0001", names[vocabulary.IndexOf("\u0001")]);
        }

        [Fact]
        public void NamesAreDistinctIgnoringCaseNeverEmptyAndNeverFirst()
        {
            var rng = new Pcg32(99);
            for (int round = 0; round < 200; round++)
            {
                var scalars = new List<int>();
                int count = 1 + (int)rng.NextUInt32(40);
                for (int k = 0; k < count; k++)
                {
                    // Mix ASCII, Latin-1, Greek (case pairs), dotless/dotted i, Kelvin sign, controls and emoji.
                    int[] pool = { 'A', 'a', 'I', 'i', 0x131, 0x130, 0x212A, 'K', 'k', 0x3A3, 0x3C3, 0x3C2, 0xDF, 0x1E9E, 0x1C4, 0x1C5, 0x1C6, ' ', '\t', 0x1F600, 'F', 'f', 0xE000 };
                    scalars.Add(pool[rng.NextUInt32((uint)pool.Length)]);
                }

                Vocabulary vocabulary = Vocabulary.FromScalars(scalars);
                IReadOnlyList<string> names = ColumnNames.For(vocabulary);
                Assert.Equal(vocabulary.Count, names.Count);
                Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
                Assert.All(names, name => Assert.False(string.IsNullOrEmpty(name)));
                Assert.DoesNotContain(names, name => string.Equals(name, "First", StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
