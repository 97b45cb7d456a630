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

        [Theory]
        [InlineData(300)]
        [InlineData(600)]
        [InlineData(800)]
        [InlineData(1162)] // the default size
        [InlineData(2000)]
        public void CellLabelsAreLegibleAndInsideTheirCellsOrLeftOutOfCellsTooSmallForThem(int size)
        {
            XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(BigramHeatmapChart.Create(BundledCounts), size, size));
            IReadOnlyList<SvgCell> cells = PlottingSvg.Cells(document, size);
            Assert.Equal(27 * 27, cells.Count);
            AssertCellLabelsFit(cells, size);
            if (size == SvgChart.MinimumSize)
            {
                Assert.All(cells, c => Assert.Empty(c.Texts));
            }

            if (size >= 800)
            {
                Assert.All(cells, c => Assert.Equal(2, c.Texts.Count));
            }
        }

        [Theory]
        [InlineData(300)]
        [InlineData(600)]
        [InlineData(1162)] // the default size
        public void AxisLabelsAreLegibleApartAndOverTheirOwnRowsAndColumns(int size)
        {
            HeatmapMatrix matrix = BundledCounts;
            XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(BigramHeatmapChart.Create(matrix), size, size));
            int step = AssertAxisLabelsLegible(document, size, matrix);
            if (size == BigramHeatmapChart.DefaultSize(matrix.Size))
            {
                Assert.Equal(1, step);
            }
        }

        [Theory]
        [InlineData(0)] // the default size
        [InlineData(300)]
        [InlineData(600)]
        public void InvisibleSymbolsAreLabelledByCodePointsThatFitTheirCellsAndAxes(int requestedSize)
        {
            string[] names = { "anna maria", "jo\tann", "Emma", "Zoe", "Mary Jane", "bob" };
            HeatmapMatrix matrix = HeatmapMatrix.FromCounts(BigramCounter.CountNames(names));
            int size = requestedSize == 0 ? BigramHeatmapChart.DefaultSize(matrix.Size) : requestedSize;
            XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(BigramHeatmapChart.Create(matrix), size, size));
            IReadOnlyList<SvgCell> cells = PlottingSvg.Cells(document, size);
            Assert.Equal(matrix.Size * matrix.Size, cells.Count);
            AssertCellLabelsFit(cells, size);
            int step = AssertAxisLabelsLegible(document, size, matrix);
            if (requestedSize == 0)
            {
                // At the default size every cell and every row and column is labelled; a symbol shown by its code point
                // has a line of its own.
                Assert.Equal(1, step);
                var labels = cells.Select(c => c.Label).ToHashSet();
                Assert.Equal(matrix.Size * matrix.Size, labels.Count);
                Assert.Contains("an\n3", labels);
                Assert.Contains("o\nU+0009\n1", labels);
                Assert.Contains("U+0009\na\n1", labels);
                Assert.Contains("y\nU+0020\n1", labels);
                Assert.Contains("U+0020\nJ\n1", labels);
                Assert.Contains("U+0009\nU+0020\n0", labels);
            }
        }

        [Theory]
        [InlineData(1200, 400)]
        [InlineData(2000, 700)]
        [InlineData(500, 1200)]
        [InlineData(300, 900)]
        [InlineData(1162, 1162)] // the default size
        public void InAPictureOfAnyShapeTheSymbolsAndTheColourBarSitNextToTheSquareCells(int width, int height)
        {
            // The labels sit 4 pixels from the cells (OxyPlot's distance from an axis to its labels), the colour bar 8.
            const double LabelGap = 4, BarGap = 8, Tolerance = 0.05;
            HeatmapMatrix matrix = BundledCounts;
            XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(BigramHeatmapChart.Create(matrix), width, height));
            IReadOnlyList<SvgCell> cells = PlottingSvg.Cells(document, width);
            Assert.Equal(27 * 27, cells.Count);
            Assert.All(cells, c => Assert.True(Math.Abs(c.Width - c.Height) < Tolerance, $"At {width}×{height} a cell is {c.Width}×{c.Height}."));
            double left = cells.Min(c => c.X), top = cells.Min(c => c.Y), right = cells.Max(c => c.X + c.Width), bottom = cells.Max(c => c.Y + c.Height);
            Assert.True(left >= 0 && top >= 0 && right <= width && bottom <= height, $"At {width}×{height} the cells leave the picture.");

            var symbols = matrix.Vocabulary.Symbols.Select(SymbolLabel.For).ToList();
            var texts = PlottingSvg.Texts(document).Where(t => symbols.Contains(t.Text)).ToList();
            var leftLabels = texts.Where(t => t.X < left).ToList();
            var topLabels = texts.Where(t => t.Y < top).ToList();
            Assert.NotEmpty(leftLabels);
            Assert.NotEmpty(topLabels);
            Assert.All(leftLabels, t => Assert.True(
                Math.Abs(left - t.Box.Right - LabelGap) < Tolerance,
                $"At {width}×{height} the row label '{t.Text}' ends {left - t.Box.Right:0.#} px left of the cells."));
            Assert.All(topLabels, t => Assert.True(
                Math.Abs(top - t.Y - LabelGap) < Tolerance,
                $"At {width}×{height} the column label '{t.Text}' stands {top - t.Y:0.#} px above the cells."));

            // The colour bar: the flat bands right of the cells, as tall together as the cells.
            XNamespace svg = "http://www.w3.org/2000/svg";
            var bands = document.Descendants(svg + "rect")
                .Where(r => ((string?)r.Attribute("style") ?? string.Empty).Contains("fill:rgb") && Number(r, "x") >= right)
                .Select(r => (X: Number(r, "x"), Y: Number(r, "y"), H: Number(r, "height")))
                .ToList();
            Assert.Equal(BigramHeatmapChart.PaletteSize, bands.Count);
            Assert.True(Math.Abs(bands.Min(b => b.X) - right - BarGap) < Tolerance, $"At {width}×{height} the colour bar starts {bands.Min(b => b.X) - right:0.#} px right of the cells.");
            Assert.True(Math.Abs(bands.Min(b => b.Y) - top) < 1 && Math.Abs(bands.Max(b => b.Y + b.H) - bottom) < 1, $"At {width}×{height} the colour bar is not as tall as the cells.");
        }

        [Theory]
        [InlineData(300, 300)]
        [InlineData(500, 500)]
        [InlineData(1200, 400)]
        [InlineData(700, 800)]
        [InlineData(1162, 1162)] // the default size
        public void MeasuringTheCellLabelsGivesTheCellAndLabelSizesOfThePictureAndTheCellSizeLabelsNeed(int width, int height)
        {
            const double Tolerance = 1e-3;
            PlotModel chart = BigramHeatmapChart.Create(BundledCounts);
            HeatmapCellLabels measured = BigramHeatmapChart.MeasureCellLabels(chart, width, height);
            XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(chart, width, height));
            IReadOnlyList<SvgCell> cells = PlottingSvg.Cells(document, width);
            Assert.Equal(27 * 27, cells.Count);
            Assert.True(Math.Abs(cells[0].Width - measured.CellSize) < Tolerance, $"At {width}×{height} the cells are {cells[0].Width} px, measured {measured.CellSize}.");
            var fontSizes = cells.SelectMany(c => c.Texts).Select(t => t.FontSize).Distinct().ToList();
            Assert.True(measured.LegibleCellSize > 0 && !double.IsInfinity(measured.LegibleCellSize), $"At {width}×{height} the labels need cells of {measured.LegibleCellSize} px.");
            if (measured.FontSize is double fontSize)
            {
                Assert.True(Math.Abs(Assert.Single(fontSizes) - fontSize) < Tolerance, $"At {width}×{height} the labels are {fontSizes[0]} px, measured {fontSize}.");
                Assert.True(measured.CellSize >= measured.LegibleCellSize, $"At {width}×{height} cells of {measured.CellSize} px are labelled, but labels need {measured.LegibleCellSize}.");
            }
            else
            {
                Assert.Empty(fontSizes);
                Assert.True(measured.CellSize < measured.LegibleCellSize, $"At {width}×{height} cells of {measured.CellSize} px are unlabelled, but labels need only {measured.LegibleCellSize}.");
            }

            if (width == 300 || height == 400)
            {
                Assert.Null(measured.FontSize);
            }

            if (width == 1162)
            {
                Assert.NotNull(measured.FontSize);
            }
        }

        [Fact]
        public void CellsOfMoreThanFortySymbolsNeverHaveRoomForLabels()
        {
            HeatmapMatrix matrix = HeatmapMatrix.FromCounts(BigramCounter.CountNames("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".Select(c => c + "a")));
            int size = BigramHeatmapChart.DefaultSize(matrix.Size);
            HeatmapCellLabels measured = BigramHeatmapChart.MeasureCellLabels(BigramHeatmapChart.Create(matrix), size, size);
            Assert.Null(measured.FontSize);
            Assert.True(double.IsPositiveInfinity(measured.LegibleCellSize));
            Assert.True(measured.CellSize > 10, $"The cells are {measured.CellSize} px.");
        }

        // The smallest font size, in pixels, that a person reads on screen without effort.
        private const double LegibleFontSize = 8;

        private static void AssertCellLabelsFit(IReadOnlyList<SvgCell> cells, int size)
        {
            const double Tolerance = 0.01;
            foreach (SvgCell cell in cells)
            {
                foreach (SvgText text in cell.Texts)
                {
                    Assert.True(text.FontSize >= LegibleFontSize, $"At {size}×{size} the label line '{text.Text}' is {text.FontSize} px high.");
                    var box = text.Box;
                    Assert.True(
                        box.Left >= cell.X - Tolerance && box.Right <= cell.X + cell.Width + Tolerance && box.Top >= cell.Y - Tolerance && box.Bottom <= cell.Y + cell.Height + Tolerance,
                        $"At {size}×{size} the label line '{text.Text}' covers ({box.Left:0.#}, {box.Top:0.#})–({box.Right:0.#}, {box.Bottom:0.#}), outside its cell ({cell.X:0.#}, {cell.Y:0.#}) of {cell.Width:0.#}×{cell.Height:0.#}.");
                }
            }
        }

        /// <summary>
        /// Checks the symbols along the top and down the left: legible, no two overlapping, each over the middle of its own
        /// column or row, and every step-th symbol labelled from the first on, for a step of 1 or more that the two axes
        /// share. Returns the step.
        /// </summary>
        private static int AssertAxisLabelsLegible(XDocument document, int size, HeatmapMatrix matrix)
        {
            IReadOnlyList<SvgCell> cells = PlottingSvg.Cells(document, size);
            double left = cells.Min(c => c.X), top = cells.Min(c => c.Y), cellSize = cells[0].Width;
            var symbols = matrix.Vocabulary.Symbols.Select(SymbolLabel.For).ToList();
            var texts = PlottingSvg.Texts(document).Where(t => symbols.Contains(t.Text)).ToList();
            var axes = new[]
            {
                (Name: "top", Labels: texts.Where(t => t.Y < top).OrderBy(t => t.X).ToList(), Horizontal: true),
                (Name: "left", Labels: texts.Where(t => t.X < left).OrderBy(t => t.Y).ToList(), Horizontal: false),
            };
            var steps = new List<int>();
            foreach ((string name, List<SvgText> labels, bool horizontal) in axes)
            {
                Assert.True(labels.Count >= 2, $"At {size}×{size} the {name} axis has {labels.Count} label(s).");
                int step = symbols.IndexOf(labels[1].Text);
                Assert.True(step >= 1, $"At {size}×{size} the {name} axis's second label is '{labels[1].Text}'.");
                Assert.Equal(symbols.Where((symbol, index) => index % step == 0), labels.Select(l => l.Text));
                for (int k = 0; k < labels.Count; k++)
                {
                    SvgText label = labels[k];
                    var box = label.Box;
                    double middle = (k * step + 0.5) * cellSize;
                    double offset = horizontal ? ((box.Left + box.Right) / 2) - left - middle : ((box.Top + box.Bottom) / 2) - top - middle;
                    Assert.True(label.FontSize >= LegibleFontSize, $"At {size}×{size} the {name} axis label '{label.Text}' is {label.FontSize} px high.");
                    Assert.True(Math.Abs(offset) < cellSize / 4, $"At {size}×{size} the {name} axis label '{label.Text}' is {offset:0.#} px off the middle of its {(horizontal ? "column" : "row")}.");
                    if (k > 0)
                    {
                        var previous = labels[k - 1].Box;
                        Assert.True(
                            horizontal ? box.Left >= previous.Right : box.Top >= previous.Bottom,
                            $"At {size}×{size} the {name} axis labels '{labels[k - 1].Text}' and '{label.Text}' overlap.");
                    }
                }

                steps.Add(step);
            }

            Assert.Equal(steps[0], steps[1]);
            return steps[0];
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
            Assert.Contains("e\nU+0007\n1", labels);
            Assert.Contains("U+0007\nf\n1", labels);
            Assert.Contains("g\nU+0020\n1", labels);
            Assert.Contains("z\nU+200B\n1", labels);
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
