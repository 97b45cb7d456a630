using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class PlottingDiagnosticChartTests
    {
        // 60 steps of a small network with BatchNorm, diagnosed every 10 steps: 6 points per parameter and per layer.
        private static readonly Lazy<MlpTrainingRecord[]> Diagnosed = new Lazy<MlpTrainingRecord[]>(() =>
        {
            var options = new MlpTrainingOptions { Steps = 60, HiddenSize = 40, EmbeddingSize = 4, DecayStep = 30, DiagnosticsInterval = 10 };
            var records = new List<MlpTrainingRecord>();
            new MlpTrainer(BundledNames.Names.Take(2000), options).Train(records.Add);
            return records.Where(r => r.GetGradientStatistics().Count > 0).ToArray();
        });

        private static IEnumerable<MlpGradientStatistics> Gradients => Diagnosed.Value.SelectMany(r => r.GetGradientStatistics());

        private static IEnumerable<MlpActivationStatistics> Activations => Diagnosed.Value.SelectMany(r => r.GetActivationStatistics());

        private static List<LineSeries> Lines(PlotModel chart) => chart.Series.Cast<LineSeries>().ToList();

        private static XDocument Render(PlotModel chart, int width, int height) => PlottingSvg.Parse(SvgChart.ToSvg(chart, width, height));

        [Fact]
        public void TheUpdateRatioChartHasOneCurvePerParameterAndTheGuideLineAtMinusThree()
        {
            PlotModel chart = UpdateRatioChart.Create(Gradients.Select(UpdateRatioPoint.From));
            List<LineSeries> lines = Lines(chart);
            Assert.Equal(
                new[] { "C (27x4)", "W1 (12x40)", "bngain (1x40)", "bnbias (1x40)", "W2 (40x27)", "b2 (1x27)", UpdateRatioChart.GuideTitle },
                lines.Select(s => s.Title));
            foreach (LineSeries line in lines.Take(6))
            {
                string parameter = line.Title.Split(' ')[0];
                var expected = Gradients.Where(g => g.Parameter == parameter).Select(g => new DataPoint(g.Step, g.UpdateToDataRatioLog10!.Value));
                Assert.Equal(expected, line.Points);
            }

            Assert.Equal(new[] { 10.0, 20, 30, 40, 50, 60 }, lines[0].Points.Select(p => p.X));

            // The lecture plots the weight matrices; vectors (biases, BatchNorm's gain and bias) are dashed beside them.
            Assert.Equal(
                new[] { LineStyle.Solid, LineStyle.Solid, LineStyle.Dash, LineStyle.Dash, LineStyle.Solid, LineStyle.Dash },
                lines.Take(6).Select(s => s.LineStyle == LineStyle.Automatic ? LineStyle.Solid : s.LineStyle));
            Assert.Equal(6, lines.Take(6).Select(s => s.Color).Distinct().Count());

            // The guide is a black line at −3 across every step drawn.
            LineSeries guide = lines[6];
            Assert.Equal(OxyColors.Black, guide.Color);
            Assert.Equal(new[] { new DataPoint(10, -3), new DataPoint(60, -3) }, guide.Points);
        }

        [Fact]
        public void TheUpdateRatioChartNamesItsAxesAndEveryCurve()
        {
            PlotModel chart = UpdateRatioChart.Create(Gradients.Select(UpdateRatioPoint.From));
            var texts = PlottingSvg.Texts(Render(chart, UpdateRatioChart.DefaultWidth, UpdateRatioChart.DefaultHeight)).Select(t => t.Text).ToList();
            Assert.Contains("Update-to-data ratio", texts);
            Assert.Contains("step", texts);
            Assert.Contains("log10(lr · std(grad) / std(data))", texts);
            Assert.Contains("W1 (12x40)", texts);
            Assert.Contains("b2 (1x27)", texts);
            Assert.Contains(UpdateRatioChart.GuideTitle, texts);
            Assert.Contains("-3", texts); // a tick label at the guide
            Assert.Single(chart.Legends);

            var titled = UpdateRatioChart.Create(Gradients.Select(UpdateRatioPoint.From), "Part 3 <init>");
            Assert.Contains("Part 3 <init>", PlottingSvg.Texts(Render(titled, 800, 500)).Select(t => t.Text));
        }

        [Theory]
        [InlineData(UpdateRatioChart.DefaultWidth, UpdateRatioChart.DefaultHeight)]
        [InlineData(SvgChart.MinimumSize, SvgChart.MinimumSize)]
        public void EveryPointOfTheUpdateRatioChartIsInsideThePlot(int width, int height)
        {
            // Ratios far from −3 on both sides: the axis must reach the data and the guide.
            var points = new[]
            {
                new UpdateRatioPoint(1, "W", -0.5, "3x3"), new UpdateRatioPoint(2, "W", -1.0, "3x3"),
                new UpdateRatioPoint(1, "b", -6.5, "1x3"), new UpdateRatioPoint(2, "b", -5.0, "1x3"),
            };
            foreach (PlotModel chart in new[] { UpdateRatioChart.Create(points), UpdateRatioChart.Create(Gradients.Select(UpdateRatioPoint.From)) })
            {
                XDocument document = Render(chart, width, height);
                AssertCurvesInside(chart, document, width, height);
            }
        }

        [Fact]
        public void MissingAndNonFiniteRatiosAreLeftOutAndPointsAreDrawnInStepOrder()
        {
            var points = new[]
            {
                new UpdateRatioPoint(30, "b2", -2.5, "1x27"), new UpdateRatioPoint(10, "b2", null, "1x27"),
                new UpdateRatioPoint(20, "b2", -2.0, "1x27"), new UpdateRatioPoint(40, "b2", double.NaN, "1x27"),
                new UpdateRatioPoint(50, "b2", double.NegativeInfinity, "1x27"), new UpdateRatioPoint(60, "b2", -2.2),
            };
            List<LineSeries> lines = Lines(UpdateRatioChart.Create(points));
            Assert.Equal("b2 (1x27)", lines[0].Title); // the first point's shape names the parameter
            Assert.Equal(new[] { new DataPoint(20, -2.0), new DataPoint(30, -2.5), new DataPoint(60, -2.2) }, lines[0].Points);
            Assert.Equal(new[] { new DataPoint(10, -3), new DataPoint(60, -3) }, lines[1].Points);
        }

        [Fact]
        public void ACurveOfOneStepIsADotAndAShapelessParameterIsNamedAlone()
        {
            List<LineSeries> lines = Lines(UpdateRatioChart.Create(new[] { new UpdateRatioPoint(1000, "W1", -2.8) }));
            Assert.Equal("W1", lines[0].Title);
            Assert.Equal(MarkerType.Circle, lines[0].MarkerType);
            Assert.Equal(LineStyle.Solid, lines[0].LineStyle == LineStyle.Automatic ? LineStyle.Solid : lines[0].LineStyle);

            List<LineSeries> two = Lines(UpdateRatioChart.Create(new[] { new UpdateRatioPoint(1, "W1", -2.8), new UpdateRatioPoint(2, "W1", -2.9) }));
            Assert.Equal(MarkerType.None, two[0].MarkerType);
        }

        [Fact]
        public void IsVectorKnowsRowsAndColumnsFromMatrices()
        {
            Assert.True(UpdateRatioChart.IsVector("1x200"));
            Assert.True(UpdateRatioChart.IsVector("27x1"));
            Assert.False(UpdateRatioChart.IsVector("30x200"));
            Assert.False(UpdateRatioChart.IsVector("1x"));
            Assert.False(UpdateRatioChart.IsVector(""));
            Assert.False(UpdateRatioChart.IsVector(null));
        }

        [Fact]
        public void ADiagnosticChartDrawsOneRunAndNeedsAPoint()
        {
            Assert.Throws<ArgumentException>(() => UpdateRatioChart.Create(Array.Empty<UpdateRatioPoint>()));
            Assert.Throws<ArgumentNullException>(() => UpdateRatioChart.Create(null!));
            ArgumentException twice = Assert.Throws<ArgumentException>(() => UpdateRatioChart.Create(new[] { new UpdateRatioPoint(5, "W1", -3), new UpdateRatioPoint(5, "W1", -2) }));
            Assert.Contains("W1 has two records at step 5", twice.Message);

            Assert.Throws<ArgumentException>(() => ActivationChart.Create(Array.Empty<ActivationPoint>()));
            Assert.Throws<ArgumentException>(() => ActivationChart.Create(new[] { new ActivationPoint(5, "Tanh", 0.6), new ActivationPoint(5, "Tanh", 0.7) }));
            Assert.Throws<ArgumentException>(() => new UpdateRatioPoint(1, "", -3));
            Assert.Throws<ArgumentException>(() => new ActivationPoint(1, "", 1));
        }

        [Fact]
        public void TheActivationChartDrawsEveryLayersStdBelowAndTheTanhSaturationAbove()
        {
            PlotModel chart = ActivationChart.Create(Activations.Select(ActivationPoint.From));
            List<LineSeries> lines = Lines(chart);
            string[] layers = { "Embedding", "Linear1", "BatchNorm", "Tanh", "Linear2" };
            List<LineSeries> std = lines.Where(s => s.YAxisKey == ActivationChart.StdAxisKey).ToList();
            Assert.Equal(layers, std.Select(s => s.Title));
            foreach (LineSeries line in std)
            {
                Assert.Equal(Activations.Where(a => a.Layer == line.Title).Select(a => new DataPoint(a.Step, a.Std)), line.Points);
            }

            // The saturation, in percent, is the tanh layer's only: in its colour, named in the legend once.
            LineSeries saturated = Assert.Single(lines, s => s.YAxisKey == ActivationChart.SaturationAxisKey);
            Assert.Equal(Activations.Where(a => a.Layer == "Tanh").Select(a => new DataPoint(a.Step, a.SaturatedFraction!.Value * 100)), saturated.Points);
            Assert.Equal(std.Single(s => s.Title == "Tanh").Color, saturated.Color);
            Assert.False(saturated.RenderInLegend);
            Assert.Equal(5, std.Select(s => s.Color).Distinct().Count());

            // Two panels: the saturation on top, the std below, both from 0.
            LinearAxis top = Assert.IsType<LinearAxis>(chart.Axes.Single(a => a.Key == ActivationChart.SaturationAxisKey));
            LinearAxis bottom = Assert.IsType<LinearAxis>(chart.Axes.Single(a => a.Key == ActivationChart.StdAxisKey));
            Assert.True(top.StartPosition > bottom.EndPosition);
            Assert.Equal(0, top.Minimum);
            Assert.Equal(0, bottom.Minimum);

            var texts = PlottingSvg.Texts(Render(chart, ActivationChart.DefaultWidth, ActivationChart.DefaultHeight)).Select(t => t.Text).ToList();
            Assert.Contains("Activations", texts);
            Assert.Contains("step", texts);
            Assert.Contains("std", texts);
            Assert.Contains("tanh saturated (%)", texts);
            Assert.All(layers, layer => Assert.Single(texts, t => t == layer));
        }

        [Fact]
        public void WithoutASaturatedFractionTheStdPanelTakesTheWholeHeight()
        {
            var points = new[] { new ActivationPoint(1, "Linear1", 2.0), new ActivationPoint(2, "Linear1", 1.9) };
            PlotModel chart = ActivationChart.Create(points, "Mine");
            Assert.DoesNotContain(chart.Axes, a => a.Key == ActivationChart.SaturationAxisKey);
            Axis std = chart.Axes.Single(a => a.Key == ActivationChart.StdAxisKey);
            Assert.Equal((0.0, 1.0), (std.StartPosition, std.EndPosition));
            var texts = PlottingSvg.Texts(Render(chart, 800, 600)).Select(t => t.Text).ToList();
            Assert.Contains("Mine", texts);
            Assert.DoesNotContain("tanh saturated (%)", texts);
        }

        [Theory]
        [InlineData(ActivationChart.DefaultWidth, ActivationChart.DefaultHeight)]
        [InlineData(SvgChart.MinimumSize, SvgChart.MinimumSize)]
        public void EveryPointOfTheActivationChartIsInsideItsPanel(int width, int height)
        {
            // A fully saturated layer and a large std: both panels reach their extremes.
            var points = new[]
            {
                new ActivationPoint(1, "Linear1", 25.0), new ActivationPoint(2, "Linear1", 0.0),
                new ActivationPoint(1, "Tanh", 0.99, 1.0), new ActivationPoint(2, "Tanh", 0.5, 0.0),
            };
            foreach (PlotModel chart in new[] { ActivationChart.Create(points), ActivationChart.Create(Activations.Select(ActivationPoint.From)) })
            {
                XDocument document = Render(chart, width, height);
                AssertCurvesInside(chart, document, width, height);

                // The panels do not overlap: the saturation panel ends above the top of the std panel.
                Axis top = chart.Axes.Single(a => a.Key == ActivationChart.SaturationAxisKey);
                Axis bottom = chart.Axes.Single(a => a.Key == ActivationChart.StdAxisKey);
                Assert.True(top.Transform(top.ActualMinimum) < bottom.Transform(bottom.ActualMaximum),
                    $"At {width}×{height} the saturation panel reaches y = {top.Transform(top.ActualMinimum):0.#}, below the std panel's top at {bottom.Transform(bottom.ActualMaximum):0.#}.");
            }
        }

        [Theory]
        [InlineData(false, UpdateRatioChart.DefaultWidth, UpdateRatioChart.DefaultHeight, true)]
        [InlineData(false, SvgChart.MinimumSize, SvgChart.MinimumSize, false)]
        [InlineData(true, ActivationChart.DefaultWidth, ActivationChart.DefaultHeight, true)]
        [InlineData(true, SvgChart.MinimumSize, SvgChart.MinimumSize, false)]
        public void TheLegendIsBesideThePlotAtTheDefaultSizeAndBelowItInANarrowPicture(bool activations, int width, int height, bool beside)
        {
            PlotModel chart = activations ? ActivationChart.Create(Activations.Select(ActivationPoint.From)) : UpdateRatioChart.Create(Gradients.Select(UpdateRatioPoint.From));
            IReadOnlyList<SvgText> texts = PlottingSvg.Texts(Render(chart, width, height));
            OxyRect plot = chart.PlotArea;

            // The legend's entries are the texts that start at their anchor (the numbers end at theirs, the titles are
            // centred on theirs).
            var entries = texts.Where(t => t.Anchor == "start").ToList();
            Assert.Equal(Lines(chart).Where(s => s.RenderInLegend).Select(s => s.Title).OrderBy(t => t, StringComparer.Ordinal), entries.Select(t => t.Text).OrderBy(t => t, StringComparer.Ordinal));
            Assert.All(entries, t => Assert.True(
                t.Box.Left >= 0 && t.Box.Right <= width && t.Box.Top >= 0 && t.Box.Bottom <= height,
                $"At {width}×{height} the legend entry '{t.Text}' leaves the picture."));
            if (beside)
            {
                Assert.All(entries, t => Assert.True(t.Box.Left > plot.Right && t.Y >= plot.Top && t.Y <= plot.Bottom, $"At {width}×{height} the legend entry '{t.Text}' is not beside the plot."));
            }
            else
            {
                // Under the step axis's title, leaving the plot at least half the picture's width, as the loss chart does,
                // and no more than a fifth of it on the right.
                SvgText step = Assert.Single(texts, t => t.Text == "step");
                Assert.All(entries, t => Assert.True(t.Box.Top >= step.Box.Bottom, $"At {width}×{height} the legend entry '{t.Text}' is not below the step axis."));
                Assert.True(plot.Width >= width / 2.0, $"At {width}×{height} the plot is {plot.Width:0} px wide.");
                Assert.True(width - plot.Right <= width / 5.0, $"At {width}×{height} the plot ends at x = {plot.Right:0}.");
            }
        }

        // Every curve's points lie inside the plot area and inside its own axis's range (its panel): as the series places
        // them, and as the SVG draws them. Of the lines in a curve's colour, only the legend's samples (short horizontal
        // strokes) lie wholly outside the plot: right of it, or below it in a narrow picture.
        private static void AssertCurvesInside(PlotModel chart, XDocument document, int width, int height)
        {
            OxyRect area = chart.PlotArea;
            Assert.True(area.Width > 0 && area.Height > 0);
            var curves = Lines(chart).Where(s => s.Points.Count > 1).ToList();
            foreach (LineSeries series in curves)
            {
                (double top, double bottom) = Panel(chart, series);
                foreach (DataPoint point in series.Points)
                {
                    ScreenPoint screen = series.Transform(point);
                    Assert.True(screen.X >= area.Left - 0.5 && screen.X <= area.Right + 0.5 && screen.Y >= top - 0.5 && screen.Y <= bottom + 0.5,
                        $"At {width}×{height} {series.Title}'s point ({point.X}, {point.Y}) is placed at ({screen.X:0.#}, {screen.Y:0.#}), outside its panel.");
                }
            }

            // Black is also the axes' colour: the guide line is checked above only.
            IReadOnlyList<SvgLine> lines = PlottingSvg.Lines(document);
            foreach (IGrouping<OxyColor, LineSeries> colour in curves.Where(s => s.Color != OxyColors.Black).GroupBy(s => s.Color))
            {
                var panels = colour.Select(series => Panel(chart, series)).ToList();
                var drawn = lines.Where(l => l.Stroke == PlottingSvg.Stroke(colour.Key) && !IsLegendSample(l, area)).ToList();
                Assert.True(drawn.Count >= colour.Count(), $"At {width}×{height} {colour.First().Title} is not drawn.");
                Assert.All(drawn, line => Assert.True(
                    line.Points.All(p => p.X >= area.Left - 0.5 && p.X <= area.Right + 0.5)
                        && panels.Any(panel => line.Points.All(p => p.Y >= panel.Top - 0.5 && p.Y <= panel.Bottom + 0.5)),
                    $"At {width}×{height} a line of {colour.First().Title}'s colour leaves its panel: {string.Join(" ", line.Points.Select(p => $"({p.X:0.#}, {p.Y:0.#})"))}."));
            }
        }

        private static bool IsLegendSample(SvgLine line, OxyRect area) =>
            line.Points.Count == 2 && line.Points[0].Y == line.Points[1].Y && line.Points.All(p => p.X > area.Right || p.Y > area.Bottom);

        // The pixel rows of a series' axis, top to bottom.
        private static (double Top, double Bottom) Panel(PlotModel chart, LineSeries series)
        {
            Axis axis = chart.Axes.Single(a => a.Key == series.YAxisKey);
            double maximum = axis.Transform(axis.ActualMaximum), minimum = axis.Transform(axis.ActualMinimum);
            return (Math.Min(maximum, minimum), Math.Max(maximum, minimum));
        }
    }
}
