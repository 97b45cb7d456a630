using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class IOCsvExportTests
    {
        private static BigramCounts ThreeSymbolCounts() => BigramCounter.CountNames(new[] { "a", "ab", "b" });

        private static string ToCsv(Action<TextWriter> write)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture);
            write(writer);
            return writer.ToString();
        }

        [Fact]
        public void WideShapeHasAHeaderOfSymbolsAndOneRowPerCurrentSymbol()
        {
            string csv = ToCsv(w => CsvExport.Write(w, ThreeSymbolCounts(), CsvShape.Wide));
            Assert.Equal("First,.,a,b\r\n.,0,2,1\r\na,1,0,1\r\nb,2,0,0\r\n", csv);
        }

        [Fact]
        public void LongShapeListsEveryPair()
        {
            string csv = ToCsv(w => CsvExport.Write(w, ThreeSymbolCounts(), CsvShape.Long));
            string[] lines = csv.Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("First,Second,Count", lines[0]);
            Assert.Equal(10, lines.Length);
            Assert.Equal(".,a,2", lines[2]);
            Assert.Equal("b,.,2", lines[7]);
        }

        [Fact]
        public void ProbabilitiesAreCultureInvariantAndRoundTrip()
        {
            CultureInfo saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                BigramModel model = BigramModel.FromCounts(ThreeSymbolCounts(), 1.0);
                string csv = ToCsv(w => CsvExport.Write(w, model, CsvShape.Long));
                Assert.StartsWith("First,Second,Probability\r\n", csv);
                Assert.DoesNotContain(";", csv);
                string[] rows = csv.Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
                for (int k = 0; k < rows.Length; k++)
                {
                    string value = rows[k].Split(',')[2];
                    Assert.Equal(BitConverter.DoubleToInt64Bits(model.Probabilities[k]), BitConverter.DoubleToInt64Bits(double.Parse(value, CultureInfo.InvariantCulture)));
                }

                Assert.Contains(".,a,0.5\r\n", csv);
                string wide = ToCsv(w => CsvExport.Write(w, model, CsvShape.Wide));
                Assert.Contains("\r\n.,0.16666666666666666,0.5,0.3333333333333333\r\n", wide);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        [Theory]
        [InlineData("=1+1", "'=1+1")]
        [InlineData("+", "'+")]
        [InlineData("-", "'-")]
        [InlineData("@", "'@")]
        [InlineData("\t", "'\t")]
        [InlineData("\r", "\"'\r\"")]
        [InlineData(",", "\",\"")]
        [InlineData("\"", "\"\"\"\"")]
        [InlineData("\n", "\"\n\"")]
        [InlineData(" ", "\" \"")]
        [InlineData("a", "a")]
        [InlineData("ë", "ë")]
        public void FieldsAreQuotedAndFormulaCellsEscaped(string text, string expected)
        {
            Assert.Equal(expected, CsvExport.EscapeField(text));
        }

        [Fact]
        public void SymbolsThatLookLikeFormulasAreEscapedInBothShapes()
        {
            BigramCounts counts = BigramCounter.CountNames(new[] { "=-", "@+" });
            string wide = ToCsv(w => CsvExport.Write(w, counts, CsvShape.Wide));
            Assert.StartsWith("First,.,'+,'-,'=,'@\r\n", wide);
            string @long = ToCsv(w => CsvExport.Write(w, counts, CsvShape.Long));
            Assert.Contains("\r\n'=,'-,1\r\n", @long);
            Assert.DoesNotContain("\r\n=", @long);
        }

        [Fact]
        public void WideHeaderIsDistinctIgnoringCase()
        {
            BigramCounts counts = BigramCounter.CountNames(new[] { "Aa b" });
            string header = ToCsv(w => CsvExport.Write(w, counts, CsvShape.Wide)).Split('\r')[0];
            Assert.Equal("First,.,U+0020,U+0041,a,b", header);
        }

        [Fact]
        public void MatrixSizeMustFitTheVocabulary()
        {
            Assert.Throws<ArgumentException>(() => CsvExport.Write(new StringWriter(), Vocabulary.FromScalars(new[] { (int)'a' }), new long[3], CsvShape.Wide));
        }

        [Fact]
        public void FilesAreUtf8WithByteOrderMarkAndReplacedAtomically()
        {
            string directory = Path.Combine(Path.GetTempPath(), "mmps-csv-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                string path = Path.Combine(directory, "counts.csv");
                File.WriteAllText(path, "old");
                BigramCounts counts = BigramCounter.CountNames(new[] { "zoë" });
                CsvExport.Save(path, counts, CsvShape.Wide);
                byte[] bytes = File.ReadAllBytes(path);
                Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
                Assert.Equal(ToCsv(w => CsvExport.Write(w, counts, CsvShape.Wide)), new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));
                Assert.Equal(new[] { path }, Directory.GetFiles(directory));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
