using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BigGustave;
using OxyPlot;
using OxyPlot.Axes;
using Xunit;
using Xunit.Abstractions;

namespace MakemorePS.Core.Tests
{
    /// <summary>The diagnostic charts of a real training run as a person sees them: opened in headless Chromium.</summary>
    [Trait("Category", "Browser")]
    public sealed class PlottingDiagnosticBrowserTests : IDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "makemoreps-browser-" + Guid.NewGuid().ToString("N"));

        public PlottingDiagnosticBrowserTests(ITestOutputHelper output)
        {
            _output = output;
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void TheGuideLineCrossesThePlotAtMinusThreeBesideTheCurves()
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
    }
}
