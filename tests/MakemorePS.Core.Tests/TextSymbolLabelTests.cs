using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class SymbolLabelTests
    {
        [Fact]
        public void PrintableSymbolsKeepTheirText()
        {
            Assert.Equal("é", SymbolLabel.For("é"));
            Assert.Equal("😀", SymbolLabel.For("😀"));
            Assert.Equal("<", SymbolLabel.For("<"));
            Assert.Equal(string.Empty, SymbolLabel.For(string.Empty));
        }

        [Fact]
        public void InvisibleAndUnwritableSymbolsGetCodeNames()
        {
            Assert.Equal("U+0009", SymbolLabel.For("\t"));
            Assert.Equal("U+0020", SymbolLabel.For(" "));
            Assert.Equal("U+00A0", SymbolLabel.For("\u00A0"));
            Assert.Equal("U+200B", SymbolLabel.For("\u200B"));
            Assert.Equal("U+0085", SymbolLabel.For("\u0085"));
            Assert.Equal("U+E000", SymbolLabel.For("\uE000"));
            Assert.Equal("U+FFFF", SymbolLabel.For("\uFFFF"));
            Assert.True(SymbolLabel.IsHardToRead("\u0001"));
            Assert.False(SymbolLabel.IsHardToRead("a"));
            Assert.False(SymbolLabel.IsHardToRead(string.Empty));
        }

        [Fact]
        public void CodeNamesHaveAtLeastFourUpperCaseHexDigits()
        {
            Assert.Equal("U+0041", SymbolLabel.CodeName('A'));
            Assert.Equal("U+00C9", SymbolLabel.CodeName(0xC9));
            Assert.Equal("U+1F600", SymbolLabel.CodeName(0x1F600));
        }
    }
}
