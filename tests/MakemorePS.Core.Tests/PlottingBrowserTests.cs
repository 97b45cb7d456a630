using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using BigGustave;
using OxyPlot;
using OxyPlot.Axes;
using Xunit;
using Xunit.Abstractions;

namespace MakemorePS.Core.Tests
{
    /// <summary>
    /// The charts of the bundled names as a person sees them: written as SVG files, opened in headless Chromium, and
    /// judged from the screenshot's pixels.
    /// </summary>
    [Trait("Category", "Browser")]
    public sealed class PlottingBrowserTests : IDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "makemoreps-browser-" + Guid.NewGuid().ToString("N"));

        public PlottingBrowserTests(ITestOutputHelper output)
        {
            _output = output;
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void TheCountHeatmapIsDarkestAtNThenEnd()
        {
            HeatmapMatrix matrix = HeatmapMatrix.FromCounts(BundledNames.Counts);
            int size = BigramHeatmapChart.DefaultSize(matrix.Size);
            string file = Path.Combine(_folder, "counts.svg");
            SvgChart.Save(BigramHeatmapChart.Create(matrix), file, size, size);

            Png png = HeadlessChromium.Screenshot(file, size, size);
            Assert.Equal((size, size), (png.Width, png.Height));
            AssertNotBlank(png);

            // Sample each cell's colour in its corner, away from its centred label, where the SVG says the cell is.
            IReadOnlyList<SvgCell> cells = PlottingSvg.Cells(PlottingSvg.Parse(File.ReadAllText(file)), size);
            Assert.Equal(27 * 27, cells.Count);
            var seen = cells.Select(c => (c.Label, Pixel: png.GetPixel((int)(c.X + 3), (int)(c.Y + 3))))
                .Select(c => (c.Label, c.Pixel, Luminance: (0.2126 * c.Pixel.R) + (0.7152 * c.Pixel.G) + (0.0722 * c.Pixel.B)))
                .OrderBy(c => c.Luminance)
                .ToList();
            _output.WriteLine($"Screenshot {png.Width}×{png.Height}; darkest cell {seen[0].Label.Replace('\n', ' ')} rgb({seen[0].Pixel.R},{seen[0].Pixel.G},{seen[0].Pixel.B}); next {seen[1].Label.Replace('\n', ' ')}.");
            Assert.Equal("n.\n6808", seen[0].Label);
            Assert.True(seen[0].Luminance < seen[1].Luminance, "n. must be darker than every other cell on screen.");
            Assert.True(seen[0].Pixel.B > seen[0].Pixel.R + 50 && seen[0].Luminance < 80, "The darkest cell is dark blue.");
            Assert.True(seen[seen.Count - 1].Luminance > 240, "A cell of 0 is near white.");
        }

        [Fact]
        public void TheLossCurveGoesDownFromLeftToRight()
        {
            BigramModel model = BigramTrainer.Train(BundledNames.Counts, new TrainingOptions { Steps = 200 });
            string file = Path.Combine(_folder, "loss.svg");
            int width = TrainingChart.DefaultWidth, height = TrainingChart.DefaultHeight;
            SvgChart.Save(TrainingChart.Create(new[] { new TrainingRun(null, model.LossHistory) }), file, width, height);

            Png png = HeadlessChromium.Screenshot(file, width, height);
            Assert.Equal((width, height), (png.Width, png.Height));
            AssertNotBlank(png);

            // The loss is the solid line in the run's colour (matplotlib's first, #1F77B4); its NLL part runs just below
            // it and the lighter regularization line has another colour, so the topmost such pixel of a column is the loss.
            var tops = new List<(int X, int Y)>();
            for (int x = 0; x < png.Width; x++)
            {
                for (int y = 0; y < png.Height; y++)
                {
                    Pixel p = png.GetPixel(x, y);
                    if (Math.Abs(p.R - 0x1F) <= 24 && Math.Abs(p.G - 0x77) <= 24 && Math.Abs(p.B - 0xB4) <= 24)
                    {
                        tops.Add((x, y));
                        break;
                    }
                }
            }

            // The curve is the first block of columns from the left; the legend's sample line sits apart, right of it.
            var curve = new List<(int X, int Y)> { tops[0] };
            for (int i = 1; i < tops.Count && tops[i].X - curve[curve.Count - 1].X <= 3; i++)
            {
                curve.Add(tops[i]);
            }

            _output.WriteLine($"Screenshot {png.Width}×{png.Height}; curve from ({curve[0].X}, {curve[0].Y}) to ({curve[curve.Count - 1].X}, {curve[curve.Count - 1].Y}) over {curve.Count} columns.");
            Assert.True(curve.Count > png.Width / 2, $"The curve spans only {curve.Count} columns.");
            Assert.True(curve[curve.Count - 1].Y - curve[0].Y > png.Height / 3, "The loss falls by much more than a third of the picture's height.");
            int highest = curve[0].Y;
            foreach ((int x, int y) in curve)
            {
                Assert.True(y >= highest - 2, $"At x = {x} the curve rises to y = {y}, above its earlier {highest}.");
                highest = Math.Max(highest, y);
            }
        }

        [Fact]
        public void TheUpdateRatioGuideLineCrossesThePlotAtMinusThreeBesideTheCurves()
        {
            var options = new MlpTrainingOptions { Steps = 400, HiddenSize = 40, EmbeddingSize = 4, DecayStep = 200, DiagnosticsInterval = 20 };
            var records = new List<MlpTrainingRecord>();
            new MlpTrainer(BundledNames.Names.Take(2000), options).Train(records.Add);
            PlotModel chart = UpdateRatioChart.Create(records.SelectMany(r => r.GetGradientStatistics()).Select(UpdateRatioPoint.From));
            int width = UpdateRatioChart.DefaultWidth, height = UpdateRatioChart.DefaultHeight;
            string file = Path.Combine(_folder, "ratio.svg");
            SvgChart.Save(chart, file, width, height);
            Png png = HeadlessChromium.Screenshot(file, width, height);
            Assert.Equal((width, height), (png.Width, png.Height));
            AssertNotBlank(png);

            // Saving laid the chart out: the axis says where −3 is on screen.
            Axis ratio = chart.Axes.Single(a => a.Key == UpdateRatioChart.RatioAxisKey);
            int guide = (int)Math.Round(ratio.Transform(UpdateRatioChart.GuideValue));
            OxyRect area = chart.PlotArea;
            int dark = 0;
            for (int x = (int)area.Left + 2; x < (int)area.Right - 2; x++)
            {
                if (Enumerable.Range(guide - 1, 3).Any(y => IsDark(png.GetPixel(x, y))))
                {
                    dark++;
                }
            }

            // C's curve, in matplotlib's first colour, is drawn inside the plot.
            int blue = 0;
            for (int y = (int)area.Top; y < (int)area.Bottom; y++)
            {
                for (int x = (int)area.Left; x < (int)area.Right; x++)
                {
                    Pixel p = png.GetPixel(x, y);
                    blue += Math.Abs(p.R - 0x1F) <= 24 && Math.Abs(p.G - 0x77) <= 24 && Math.Abs(p.B - 0xB4) <= 24 ? 1 : 0;
                }
            }

            _output.WriteLine($"Screenshot {png.Width}×{png.Height}; guide at y = {guide}, dark over {dark} of {(int)area.Width - 4} columns; {blue} pixels of C's colour.");
            Assert.True(dark > 0.95 * (area.Width - 4), $"The guide line at y = {guide} is dark over only {dark} columns.");
            Assert.True(blue > 200, $"Only {blue} pixels of C's curve are on screen.");
        }

        private static bool IsDark(Pixel p) => p.R < 90 && p.G < 90 && p.B < 90;

        private static void AssertNotBlank(Png png)
        {
            var colours = new HashSet<(byte, byte, byte)>();
            int nonWhite = 0;
            for (int y = 0; y < png.Height; y += 2)
            {
                for (int x = 0; x < png.Width; x += 2)
                {
                    Pixel p = png.GetPixel(x, y);
                    colours.Add((p.R, p.G, p.B));
                    if (p.R < 235 || p.G < 235 || p.B < 235)
                    {
                        nonWhite++;
                    }
                }
            }

            Assert.True(colours.Count > 20, $"The screenshot has only {colours.Count} colours: blank.");
            Assert.True(nonWhite > png.Width * png.Height / 4 / 100, $"Only {nonWhite} sampled pixels are not white: blank.");
        }
    }
}
