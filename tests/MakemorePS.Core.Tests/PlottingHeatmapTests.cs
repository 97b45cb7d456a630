using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using MakemorePS.Core.Models;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class PlottingHeatmapTests
    {
        private static HeatmapMatrix BundledCounts => HeatmapMatrix.FromCounts(BundledNames.Counts);

        private static (XDocument Document, int Size) Render(HeatmapMatrix matrix, string? title = null)
        {
            int size = BigramHeatmapChart.DefaultSize(matrix.Size);
            string svg = SvgChart.ToSvg(BigramHeatmapChart.Create(matrix, title), size, size);
            return (PlottingSvg.Parse(svg), size);
        }

        [Fact]
        public void AtTheSmallestAllowedSizeEveryFilledShapeLiesInsideThePicture()
        {
            int size = SvgChart.MinimumSize;
            XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(BigramHeatmapChart.Create(BundledCounts), size, size));
            XNamespace svg = "http://www.w3.org/2000/svg";
            var rects = document.Descendants(svg + "rect")
                .Where(r => r.Attribute("width") != null && ((string?)r.Attribute("style") ?? string.Empty).Contains("fill:rgb"))
                .Select(r => (X: Number(r, "x"), Y: Number(r, "y"), W: Number(r, "width"), H: Number(r, "height")))
                .ToList();
            Assert.True(rects.Count >= BundledCounts.Size * BundledCounts.Size, $"only {rects.Count} filled rectangles");
            Assert.All(rects, r => Assert.True(r.X >= 0 && r.Y >= 0 && r.X + r.W <= size + 0.5 && r.Y + r.H <= size + 0.5,
                $"a shape at ({r.X}, {r.Y}) of {r.W}×{r.H} leaves the {size}×{size} picture"));
        }

        private static double Number(XElement element, string attribute) =>
            double.Parse((string)element.Attribute(attribute)!, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

        [Fact]
        public void BundledCountsGiveExactlyVSquaredCellsLabelledWithTheirBigramAndCount()
        {
            HeatmapMatrix matrix = BundledCounts;
            Assert.Equal(27, matrix.Size);
            (XDocument document, int size) = Render(matrix);
            IReadOnlyList<SvgCell> cells = PlottingSvg.Cells(document, size);
            Assert.Equal(27 * 27, cells.Count);

            var expected = new HashSet<string>();
            for (int i = 0; i < 27; i++)
            {
                for (int j = 0; j < 27; j++)
                {
                    expected.Add(matrix.Vocabulary.GetSymbol(i) + matrix.Vocabulary.GetSymbol(j) + "\n" + BundledNames.Counts[i, j]);
                }
            }

            Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), cells.Select(c => c.Label).OrderBy(s => s, StringComparer.Ordinal));
            Assert.Contains(cells, c => c.Label == "n.\n6808");
        }

        [Fact]
        public void CellsSitInVocabularyOrderWithNextAlongTheTopAndCurrentDownTheLeft()
        {
            (XDocument document, int size) = Render(BundledCounts);
            var cells = PlottingSvg.Cells(document, size).ToDictionary(c => c.Label.Split('\n')[0]);
            Assert.True(cells["ab"].X > cells["aa"].X && Math.Abs(cells["ab"].Y - cells["aa"].Y) < 0.01);
            Assert.True(cells["ba"].Y > cells["aa"].Y && Math.Abs(cells["ba"].X - cells["aa"].X) < 0.01);
            Assert.True(cells[".."].X < cells[".a"].X && cells[".."].Y < cells["a."].Y);

            // The axis labels are the symbols, in order, along the top and down the left.
            IReadOnlyList<SvgText> texts = PlottingSvg.Texts(document);
            string[] top = texts.Where(t => t.Y < cells[".."].Y && t.Text.Length == 1).OrderBy(t => t.X).Select(t => t.Text).ToArray();
            string[] left = texts.Where(t => t.X < cells[".."].X && t.Text.Length == 1).OrderBy(t => t.Y).Select(t => t.Text).ToArray();
            string symbols = ".abcdefghijklmnopqrstuvwxyz";
            Assert.Equal(symbols, string.Concat(top));
            Assert.Equal(symbols, string.Concat(left));
        }

        [Fact]
        public void ColoursGetDarkerAsTheValueGrowsAndTheLargestCountIsTheDarkest()
        {
            HeatmapMatrix matrix = BundledCounts;
            (XDocument document, int size) = Render(matrix);
            var cells = PlottingSvg.Cells(document, size)
                .Select(c => (Value: long.Parse(c.Label.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture), c.Luminance, c.Label))
                .OrderBy(c => c.Value)
                .ToList();
            for (int k = 1; k < cells.Count; k++)
            {
                Assert.True(cells[k].Luminance <= cells[k - 1].Luminance, $"{cells[k].Label} is lighter than the smaller {cells[k - 1].Label}.");
            }

            Assert.True(cells[cells.Count - 1].Luminance < cells[0].Luminance - 150, "The scale runs from near white to dark blue.");
            Assert.Equal("n.\n6808", cells[cells.Count - 1].Label);

            // The darkest shade is the scale's last: ColorBrewer Blues' #08306B. Zero is its first, #F7FBFF.
            OxyColor darkest = BigramHeatmapChart.Blues.Colors[BigramHeatmapChart.PaletteSize - 1];
            Assert.Equal((darkest.R, darkest.G, darkest.B), ((byte)8, (byte)48, (byte)107));
        }

        [Fact]
        public void ProbabilitiesOfAModelAreDrawnWithThreeDecimals()
        {
            BigramModel model = BigramModel.FromCounts(BundledNames.Counts);
            HeatmapMatrix matrix = HeatmapMatrix.FromLanguageModel(model);
            Assert.Equal(HeatmapValueKind.Probabilities, matrix.Kind);
            for (int i = 0; i < 27; i++)
            {
                for (int j = 0; j < 27; j++)
                {
                    Assert.Equal(model.GetProbability(i, j), matrix[i, j], 12);
                }
            }

            int q = model.Vocabulary.IndexOf("q"), u = model.Vocabulary.IndexOf("u");
            (XDocument document, int size) = Render(matrix);
            var cells = PlottingSvg.Cells(document, size);
            Assert.Equal(27 * 27, cells.Count);
            Assert.Contains(cells, c => c.Label == "qu\n" + model.GetProbability(q, u).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(PlottingSvg.Texts(document), t => t.Text == "Bigram probabilities P(next | current)");
        }

        [Fact]
        public void AnMlpRowIsItsDistributionAfterBoundaryPaddingAndTheRowSymbol()
        {
            MlpModel mlp = MlpTrainer.Train(BundledNames.Names.Take(2000), new MlpTrainingOptions { Steps = 50, HiddenSize = 32, BlockSize = 3, DecayStep = 25 });
            HeatmapMatrix matrix = HeatmapMatrix.FromLanguageModel(mlp);
            int v = mlp.Vocabulary.Count;
            Assert.Equal(v, matrix.Size);
            var expected = new double[v];
            for (int i = 0; i < v; i++)
            {
                mlp.NextSymbolLogProbabilities(new[] { 0, 0, i }, 1, expected);
                double sum = 0;
                for (int j = 0; j < v; j++)
                {
                    Assert.Equal(Math.Exp(expected[j]), matrix[i, j], 12);
                    sum += matrix[i, j];
                }

                Assert.Equal(1.0, sum, 6);
            }

            Assert.Null(HeatmapMatrix.FromTrainingCounts(mlp));
            Assert.NotNull(HeatmapMatrix.FromTrainingCounts(BigramModel.FromCounts(BundledNames.Counts)));
        }

        [Fact]
        public void AnyNextSymbolDistributionCanBeDrawnAndBadOnesAreRefused()
        {
            Vocabulary vocabulary = Vocabulary.FromSymbols(new[] { "a", "b" });
            HeatmapMatrix uniform = HeatmapMatrix.FromNextSymbolDistributions(vocabulary, (current, row) => row.Fill(1.0 / 3));
            Assert.Equal(1.0 / 3, uniform[2, 1]);
            Assert.Throws<ArgumentException>(() => HeatmapMatrix.FromNextSymbolDistributions(vocabulary, (current, row) => row.Fill(double.NaN)));
            Assert.Throws<ArgumentException>(() => HeatmapMatrix.FromNextSymbolDistributions(vocabulary, (current, row) => row.Fill(1.5)));
        }

        [Fact]
        public void CountRecordsAddUpIntoTheirVocabularyWithMissingPairsAtZero()
        {
            var records = new[]
            {
                new BigramCountRecord(".", "b", 2), new BigramCountRecord("b", "a", 3), new BigramCountRecord("a", ".", 1), new BigramCountRecord("a", ".", 4),
            };
            HeatmapMatrix matrix = HeatmapMatrix.FromCountRecords(records);
            Assert.Equal(new[] { ".", "a", "b" }, matrix.Vocabulary.Symbols);
            Assert.Equal(5, matrix[1, 0]);
            Assert.Equal(0, matrix[0, 1]);
            Assert.Equal(3, matrix[2, 1]);
            Assert.Throws<ArgumentException>(() => HeatmapMatrix.FromCountRecords(new[] { new BigramCountRecord("ab", ".", 1) }));
            Assert.Throws<ArgumentException>(() => HeatmapMatrix.FromCountRecords(new[] { new BigramCountRecord("a", ".", -1) }));
        }

        [Fact]
        public void MarkupQuotesAndControlCharactersAreWrittenSafely()
        {
            string[] names = { "a<b", "c&d", "q\"'x", "e\u0007f", "g h", "z\u200By", "]]>" };
            BigramCounts counts = BigramCounter.CountNames(names);
            HeatmapMatrix matrix = HeatmapMatrix.FromCounts(counts);
            int size = BigramHeatmapChart.DefaultSize(matrix.Size);
            string svg = SvgChart.ToSvg(BigramHeatmapChart.Create(matrix, "Title <&> \"quoted\" \u0001 'single'"), size, size);

            XDocument document = PlottingSvg.Parse(svg); // Well formed, or this throws.
            Assert.DoesNotContain("\u0007", svg, StringComparison.Ordinal);
            Assert.DoesNotContain("\u0001", svg, StringComparison.Ordinal);
            IReadOnlyList<SvgText> texts = PlottingSvg.Texts(document);
            Assert.Contains(texts, t => t.Text == "Title <&> \"quoted\" U+0001 'single'");

            var labels = PlottingSvg.Cells(document, size).Select(c => c.Label).ToHashSet();
            Assert.Equal(matrix.Size * matrix.Size, labels.Count);
            Assert.Contains("a<\n1", labels);
            Assert.Contains("<b\n1", labels);
            Assert.Contains("c&\n1", labels);
            Assert.Contains("q\"\n1", labels);
            Assert.Contains("\"'\n1", labels);
            Assert.Contains("eU+0007\n1", labels);
            Assert.Contains("U+0007f\n1", labels);
            Assert.Contains("gU+0020\n1", labels);
            Assert.Contains("zU+200B\n1", labels);
            Assert.Contains("]]\n1", labels);
            Assert.Contains(">.\n1", labels);
        }

        [Fact]
        public void ChartTextKeepsPrintableTextAndNamesWhatXmlCannotHold()
        {
            Assert.Equal("two\nlines here", ChartText.Text("two\r\nlines\there"));
            Assert.Equal("a\uFFFDb", ChartText.Text("a\uD800b"));
            Assert.Equal("U+001BU+FFFE", ChartText.Text("\u001B\uFFFE"));
        }

        [Fact]
        public void AboveFortySymbolsTheCellsLoseTheirLabelsButTheAxesKeepTheirs()
        {
            string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
            var names = letters.Select(c => c + "a").ToArray();
            HeatmapMatrix matrix = HeatmapMatrix.FromCounts(BigramCounter.CountNames(names));
            Assert.Equal(53, matrix.Size);
            Assert.False(BigramHeatmapChart.HasCellLabels(matrix.Size));
            (XDocument document, int size) = Render(matrix);
            IReadOnlyList<SvgCell> cells = PlottingSvg.Cells(document, size);
            Assert.Equal(53 * 53, cells.Count);
            Assert.All(cells, c => Assert.Empty(c.Texts));
            var axisTexts = PlottingSvg.Texts(document).Select(t => t.Text).ToList();
            foreach (char c in letters)
            {
                Assert.Equal(2, axisTexts.Count(t => t == c.ToString()));
            }

            Assert.True(BigramHeatmapChart.HasCellLabels(BigramHeatmapChart.MaxLabelledSymbols));
        }

        [Fact]
        public void TheChartIsAnOxyPlotHeatMapOverTheMatrixWithAColourLegend()
        {
            HeatmapMatrix matrix = BundledCounts;
            PlotModel chart = BigramHeatmapChart.Create(matrix, "My title");
            Assert.Equal("My title", chart.Title);
            HeatMapSeries series = Assert.IsAssignableFrom<HeatMapSeries>(Assert.Single(chart.Series));
            Assert.Equal(HeatMapRenderMethod.Rectangles, series.RenderMethod);
            int n = matrix.Vocabulary.IndexOf("n");
            Assert.Equal(6808, series.Data[0, n]);
            LinearColorAxis colours = Assert.Single(chart.Axes.OfType<LinearColorAxis>());
            Assert.Equal(0, colours.Minimum);
            Assert.Equal(6808, colours.Maximum);
            Assert.Equal("count", colours.Title);
        }

        [Fact]
        public void SaveWritesTheWholeFileOrLeavesTheOldOneAlone()
        {
            string folder = Path.Combine(Path.GetTempPath(), "makemoreps-plot-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string file = Path.Combine(folder, "counts.svg");
                PlotModel chart = BigramHeatmapChart.Create(BundledCounts);
                SvgChart.Save(chart, file, 600, 600);
                PlottingSvg.Parse(File.ReadAllText(file));
                byte[] before = File.ReadAllBytes(file);

                Assert.Throws<ArgumentOutOfRangeException>(() => SvgChart.Save(chart, file, 50, 600));
                Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(file, stream =>
                {
                    SvgChart.Write(chart, stream, 600, 600);
                    throw new InvalidOperationException("disk full");
                }));
                Assert.Equal(before, File.ReadAllBytes(file));
                Assert.Equal(new[] { file }, Directory.GetFiles(folder));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
