using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;
using Xunit;

namespace MakemorePS.Core.Tests
{
    public class PlottingTrainingChartTests
    {
        private static readonly Lazy<BigramModel> Trained = new Lazy<BigramModel>(() =>
            BigramTrainer.Train(BundledNames.Counts, new TrainingOptions { Steps = 50 }));

        private static TrainingRecord[] Records(params double[] losses) =>
            losses.Select((loss, i) => new TrainingRecord(i + 1, loss, loss - 0.01, 0.01, 0.1)).ToArray();

        private static List<LineSeries> Lines(PlotModel chart) => chart.Series.Cast<LineSeries>().ToList();

        [Fact]
        public void ARunOfAModelIsDrawnAsLossNllAndRegularizationSeriesHoldingEveryStep()
        {
            BigramModel model = Trained.Value;
            PlotModel chart = TrainingChart.Create(new[] { new TrainingRun(null, model.LossHistory) });
            List<LineSeries> lines = Lines(chart);
            Assert.Equal(new[] { "loss", "NLL", "regularization" }, lines.Select(s => s.Title));
            Assert.Equal(model.LossHistory.Select(r => new DataPoint(r.Step, r.Loss)), lines[0].Points);
            Assert.Equal(model.LossHistory.Select(r => new DataPoint(r.Step, r.NegativeLogLikelihood)), lines[1].Points);
            Assert.Equal(model.LossHistory.Select(r => new DataPoint(r.Step, r.Regularization)), lines[2].Points);
            Assert.Equal(50, lines[0].Points.Count);
            Assert.Equal(Enumerable.Range(1, 50).Select(i => (double)i), lines[0].Points.Select(p => p.X));

            // The regularization term is on an axis of its own, on the right; loss and NLL share the left one.
            Assert.Equal(TrainingChart.LossAxisKey, lines[0].YAxisKey);
            Assert.Equal(TrainingChart.LossAxisKey, lines[1].YAxisKey);
            Assert.Equal(TrainingChart.RegularizationAxisKey, lines[2].YAxisKey);
            Assert.Equal(AxisPosition.Right, chart.Axes.Single(a => a.Key == TrainingChart.RegularizationAxisKey).Position);
            Assert.Equal(LineStyle.Solid, lines[0].LineStyle);
            Assert.Equal(LineStyle.Dash, lines[1].LineStyle);
            Assert.Equal(LineStyle.Dot, lines[2].LineStyle);
        }

        [Fact]
        public void AxesHaveTitlesAndTheLegendNamesEverySeries()
        {
            PlotModel chart = TrainingChart.Create(new[] { new TrainingRun("", Records(3, 2.5, 2.4)) }, "My run");
            string svg = SvgChart.ToSvg(chart, TrainingChart.DefaultWidth, TrainingChart.DefaultHeight);
            XDocument document = PlottingSvg.Parse(svg);
            var texts = PlottingSvg.Texts(document).Select(t => t.Text).ToList();
            Assert.Contains("My run", texts);
            Assert.Contains("step", texts);
            Assert.Contains("loss", texts);
            Assert.Contains("NLL", texts);
            Assert.Contains("regularization", texts);
            Assert.Contains(texts, t => t == "3" || t == "2.5" || t == "2.6"); // loss-axis ticks
            Assert.Single(chart.Legends);
        }

        [Fact]
        public void WithoutRegularizationOnlyTheLossIsDrawn()
        {
            var records = new[] { new TrainingRecord(1, 3.0, 3.0, 0.0, 1.0), new TrainingRecord(2, 2.0, 2.0, 0.0, 1.0) };
            PlotModel chart = TrainingChart.Create(new[] { new TrainingRun("", records) });
            Assert.Equal("loss", Assert.Single(Lines(chart)).Title);
            Assert.DoesNotContain(chart.Axes, a => a.Key == TrainingChart.RegularizationAxisKey);
        }

        [Fact]
        public void LogScaleUsesBaseTenAxesAndLeavesOutValuesTheyCannotShow()
        {
            var records = new[] { new TrainingRecord(1, 3.0, 3.0, 0.0, 1.0), new TrainingRecord(2, 2.0, 1.99, 0.01, 1.0) };
            PlotModel chart = TrainingChart.Create(new[] { new TrainingRun("", records) }, logScale: true);
            LogarithmicAxis loss = Assert.IsType<LogarithmicAxis>(chart.Axes.Single(a => a.Key == TrainingChart.LossAxisKey));
            Assert.Equal(10, loss.Base);
            Assert.Equal("loss (log scale)", loss.Title);
            Assert.IsType<LogarithmicAxis>(chart.Axes.Single(a => a.Key == TrainingChart.RegularizationAxisKey));
            List<LineSeries> lines = Lines(chart);
            Assert.Equal(2, lines[0].Points.Count);
            Assert.Equal(new DataPoint(2, 0.01), Assert.Single(lines[2].Points)); // The 0 of step 1 has no place on a log axis.

            PlotModel linear = TrainingChart.Create(new[] { new TrainingRun("", records) });
            Assert.IsType<LinearAxis>(linear.Axes.Single(a => a.Key == TrainingChart.LossAxisKey));
            Assert.Equal(2, Lines(linear)[2].Points.Count);
        }

        [Fact]
        public void SeveralRunsGetTheirLabelsAndColoursOfTheirOwn()
        {
            var runs = new[] { new TrainingRun("η = 10", Records(3, 2.9)), new TrainingRun("η = 50", Records(3, 2.5, 2.4)) };
            PlotModel chart = TrainingChart.Create(runs);
            List<LineSeries> lines = Lines(chart);
            Assert.Equal(
                new[] { "η = 10: loss", "η = 10: NLL", "η = 10: regularization", "η = 50: loss", "η = 50: NLL", "η = 50: regularization" },
                lines.Select(s => s.Title));
            Assert.NotEqual(lines[0].Color, lines[3].Color);
            Assert.Equal(lines[0].Color, lines[1].Color);
            Assert.Equal(3, lines[3].Points.Count);
            Assert.Equal(new DataPoint(3, 2.4), lines[3].Points[2]);

            XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(chart, 800, 500));
            Assert.Contains(PlottingSvg.Texts(document), t => t.Text == "η = 50: loss");
        }

        [Fact]
        public void ADevLossIsDrawnWhereTheRecordsHoldOne()
        {
            var records = new[]
            {
                new MlpTrainingRecord(1, 3.3, 0.1f, devLoss: 3.2), new MlpTrainingRecord(2, 3.0, 0.1f), new MlpTrainingRecord(3, 2.8, 0.1f, devLoss: 2.9),
            };
            PlotModel chart = TrainingChart.Create(new[] { new TrainingRun("mlp", records.Select(TrainingPoint.From)) });
            List<LineSeries> lines = Lines(chart);
            Assert.Equal(new[] { "mlp: loss", "mlp: dev loss" }, lines.Select(s => s.Title));
            Assert.Equal(new[] { new DataPoint(1, 3.3), new DataPoint(2, 3.0), new DataPoint(3, 2.8) }, lines[0].Points);
            Assert.Equal(new[] { new DataPoint(1, 3.2), new DataPoint(3, 2.9) }, lines[1].Points);
            Assert.Equal(LineStyle.DashDot, lines[1].LineStyle);
        }

        [Fact]
        public void LongRunsAreThinnedInTheSvgButShortRunsKeepEveryPoint()
        {
            static int DrawnPoints(int steps)
            {
                var records = Enumerable.Range(1, steps).Select(i => new TrainingRecord(i, 2.0 + (1.0 / i) + (0.01 * Math.Sin(i)), 0, 0, 0));
                string svg = SvgChart.ToSvg(TrainingChart.Create(new[] { new TrainingRun("", records) }), 800, 500);
                XNamespace ns = "http://www.w3.org/2000/svg";
                return PlottingSvg.Parse(svg).Descendants(ns + "polyline")
                    .Where(p => ((string?)p.Attribute("style") ?? string.Empty).Contains("stroke:rgb(31,119,180)", StringComparison.Ordinal))
                    .Sum(p => ((string)p.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            }

            int longRun = DrawnPoints(50_000);
            Assert.InRange(longRun, 100, 4 * 800);
            Assert.Equal(500 + 2, DrawnPoints(500)); // every step, and the two ends of the legend's sample line
        }

        [Fact]
        public void TheStepAxisOfAShortRunMarksWholeStepsOnly()
        {
            BigramModel model = BigramTrainer.Train(BundledNames.Counts, new TrainingOptions { Steps = 5 });
            PlotModel chart = TrainingChart.Create(new[] { new TrainingRun(null, model.LossHistory) });
            foreach ((int width, int height) in new[] { (TrainingChart.DefaultWidth, TrainingChart.DefaultHeight), (SvgChart.MinimumSize, SvgChart.MinimumSize) })
            {
                XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(chart, width, height));

                // The step axis's labels are the lowest row of numbers.
                var numbers = PlottingSvg.Texts(document)
                    .Where(t => double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    .ToList();
                double bottom = numbers.Max(t => t.Y);
                var labels = numbers.Where(t => Math.Abs(t.Y - bottom) < 0.5)
                    .Select(t => (Step: double.Parse(t.Text, CultureInfo.InvariantCulture), t.X))
                    .OrderBy(l => l.X)
                    .ToList();
                Assert.True(labels.Count >= 2, $"At {width}×{height} the step axis has {labels.Count} label(s).");
                Assert.All(labels, l => Assert.True(l.Step == Math.Floor(l.Step) && l.Step >= 1 && l.Step <= 5, $"At {width}×{height} the step axis is labelled {l.Step}."));
                if (width == TrainingChart.DefaultWidth)
                {
                    Assert.Equal(new[] { 1.0, 2, 3, 4, 5 }, labels.Select(l => l.Step));
                }

                // Every vertical line (the step axis's tick marks and gridlines) stands at a whole step.
                double pixelsPerStep = (labels[labels.Count - 1].X - labels[0].X) / (labels[labels.Count - 1].Step - labels[0].Step);
                var verticals = PlottingSvg.Polylines(document).Where(p => p.Count == 2 && Math.Abs(p[0].X - p[1].X) < 1e-6).ToList();
                Assert.NotEmpty(verticals);
                Assert.All(verticals, line =>
                {
                    double step = labels[0].Step + ((line[0].X - labels[0].X) / pixelsPerStep);
                    Assert.True(Math.Abs(step - Math.Round(step)) < 0.01, $"At {width}×{height} a vertical line stands at step {step:0.###}.");
                });
            }
        }

        [Fact]
        public void ARunOfOneStepIsDrawnAsDotsAtItsStepAndValues()
        {
            BigramModel model = BigramTrainer.Train(BundledNames.Counts, new TrainingOptions { Steps = 1 });
            TrainingRecord record = Assert.Single(model.LossHistory);
            PlotModel chart = TrainingChart.Create(new[] { new TrainingRun(null, model.LossHistory) });
            foreach ((int width, int height) in new[] { (TrainingChart.DefaultWidth, TrainingChart.DefaultHeight), (SvgChart.MinimumSize, SvgChart.MinimumSize) })
            {
                XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(chart, width, height));
                IReadOnlyList<SvgText> texts = PlottingSvg.Texts(document);
                var plot = PlotArea(document);
                var dots = Dots(document).Where(d => d.X > plot.Left && d.X < plot.Right && d.Y > plot.Top && d.Y < plot.Bottom).ToList();

                // The dots stand over the step axis's only label, "1", whole inside the plot area.
                SvgText step = Assert.Single(texts, t => t.Text == "1");
                Assert.Equal(3, dots.Count);
                Assert.All(dots, d =>
                {
                    Assert.True(Math.Abs(d.X - step.X) < 0.01, $"At {width}×{height} a dot stands at x = {d.X}, not over step 1 at {step.X}.");
                    Assert.True(d.Radius >= 3, $"At {width}×{height} a dot has a radius of {d.Radius} px.");
                    Assert.True(d.Y - d.Radius >= plot.Top && d.Y + d.Radius <= plot.Bottom, $"At {width}×{height} a dot at y = {d.Y} is cut by the plot's edge.");
                });

                // Loss and NLL share the run's colour and stand at their values on the loss axis, read off its tick labels.
                var ticks = texts.Where(t => t.Anchor == "end" && double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    .Select(t => (Value: double.Parse(t.Text, CultureInfo.InvariantCulture), t.Y))
                    .OrderBy(t => t.Value)
                    .ToList();
                Assert.True(ticks.Count >= 2, $"At {width}×{height} the loss axis has {ticks.Count} label(s).");
                double pixelsPerLoss = (ticks[ticks.Count - 1].Y - ticks[0].Y) / (ticks[ticks.Count - 1].Value - ticks[0].Value);
                double LossY(double value) => ticks[0].Y + ((value - ticks[0].Value) * pixelsPerLoss);
                var lossDots = dots.Where(d => d.Fill == (31, 119, 180)).OrderBy(d => d.Y).ToList();
                Assert.Equal(2, lossDots.Count);
                Assert.True(Math.Abs(lossDots[0].Y - LossY(record.Loss)) < 0.5, $"At {width}×{height} the loss dot is at y = {lossDots[0].Y}, not {LossY(record.Loss):0.#}.");
                Assert.True(Math.Abs(lossDots[1].Y - LossY(record.NegativeLogLikelihood)) < 0.5, $"At {width}×{height} the NLL dot is at y = {lossDots[1].Y}, not {LossY(record.NegativeLogLikelihood):0.#}.");
            }
        }

        [Fact]
        public void ALonePointBesideALongerRunIsADotDrawnWhole()
        {
            var runs = new[] { new TrainingRun("one step", Records(3.1)), new TrainingRun("ten steps", Records(3.3, 3.0, 2.9, 2.8, 2.75, 2.7, 2.68, 2.66, 2.65, 2.64)) };
            XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(TrainingChart.Create(runs), TrainingChart.DefaultWidth, TrainingChart.DefaultHeight));
            var plot = PlotArea(document);

            // The one-step run's loss and NLL are dots in its colour (matplotlib's first) at the left edge of the step axis.
            var dots = Dots(document)
                .Where(d => d.Fill == (31, 119, 180) && d.X >= plot.Left && d.X <= plot.Right && d.Y >= plot.Top && d.Y <= plot.Bottom)
                .ToList();
            Assert.Equal(2, dots.Count);
            Assert.All(dots, d => Assert.True(
                d.X - d.Radius >= plot.Left && d.Y - d.Radius >= plot.Top && d.Y + d.Radius <= plot.Bottom,
                $"The dot at ({d.X}, {d.Y}) is cut by the plot's edge ({plot.Left}, {plot.Top})–({plot.Right}, {plot.Bottom})."));
        }

        [Theory]
        [InlineData(300, 300, false)]
        [InlineData(300, 800, false)]
        [InlineData(800, 500, true)] // the default size
        [InlineData(1600, 400, true)]
        public void TheLegendIsBesideThePlotInAWidePictureAndBelowItInANarrowOne(int width, int height, bool beside)
        {
            PlotModel chart = TrainingChart.Create(new[] { new TrainingRun("", Records(3, 2.5, 2.4)) });
            XDocument document = PlottingSvg.Parse(SvgChart.ToSvg(chart, width, height));
            var plot = PlotArea(document);
            IReadOnlyList<SvgText> texts = PlottingSvg.Texts(document);

            // The legend's entries are the words that start at their anchor (the right axis's numbers do too; the titles are
            // centred on theirs).
            bool IsNumber(SvgText t) => double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            var entries = texts.Where(t => t.Anchor == "start" && !IsNumber(t)).ToList();
            Assert.Equal(new[] { "NLL", "loss", "regularization" }, entries.Select(t => t.Text).OrderBy(t => t, StringComparer.Ordinal));
            Assert.All(entries, t => Assert.True(
                t.Box.Left >= 0 && t.Box.Right <= width && t.Box.Top >= 0 && t.Box.Bottom <= height,
                $"At {width}×{height} the legend entry '{t.Text}' leaves the picture."));
            if (beside)
            {
                // Right of the plot and of the regularization axis: its numbers, and its title (turned upright, its
                // baseline is its right edge).
                double axis = Math.Max(
                    texts.Where(t => IsNumber(t) && t.X > plot.Right).Max(t => t.Box.Right),
                    texts.Where(t => t.Text == "regularization" && t.Anchor == "middle").Max(t => t.X));
                Assert.All(entries, t => Assert.True(t.Box.Left > axis && t.Y >= plot.Top && t.Y <= plot.Bottom, $"At {width}×{height} the legend entry '{t.Text}' is not beside the plot."));
            }
            else
            {
                // Under the step axis's title, leaving the plot at least half the picture's width.
                SvgText step = Assert.Single(texts, t => t.Text == "step");
                Assert.All(entries, t => Assert.True(t.Box.Top >= step.Box.Bottom, $"At {width}×{height} the legend entry '{t.Text}' is not below the step axis."));
                Assert.True(plot.Right - plot.Left >= width / 2.0, $"At {width}×{height} the plot is {plot.Right - plot.Left:0} px wide.");
            }
        }

        // The circles the SVG draws: the centre, radius and fill of each.
        private static IReadOnlyList<(double X, double Y, double Radius, (int R, int G, int B) Fill)> Dots(XDocument document)
        {
            XNamespace svg = "http://www.w3.org/2000/svg";
            var rgb = new System.Text.RegularExpressions.Regex(@"fill:rgb\((\d+),(\d+),(\d+)\)");
            return document.Descendants(svg + "ellipse")
                .Select(e =>
                {
                    var fill = rgb.Match((string)e.Attribute("style")!).Groups;
                    return (Number(e, "cx"), Number(e, "cy"), Number(e, "rx"), (int.Parse(fill[1].Value, CultureInfo.InvariantCulture), int.Parse(fill[2].Value, CultureInfo.InvariantCulture), int.Parse(fill[3].Value, CultureInfo.InvariantCulture)));
                })
                .ToList();
        }

        // The plot area: the rectangle OxyPlot outlines in black around it.
        private static (double Left, double Top, double Right, double Bottom) PlotArea(XDocument document)
        {
            XNamespace svg = "http://www.w3.org/2000/svg";
            XElement border = document.Descendants(svg + "rect").Single(r => ((string?)r.Attribute("style") ?? string.Empty).StartsWith("fill:none;stroke:black", StringComparison.Ordinal));
            double x = Number(border, "x"), y = Number(border, "y");
            return (x, y, x + Number(border, "width"), y + Number(border, "height"));
        }

        private static double Number(XElement element, string attribute) =>
            double.Parse((string)element.Attribute(attribute)!, NumberStyles.Float, CultureInfo.InvariantCulture);

        [Fact]
        public void NaNAndInfinityAreLeftOutAndEmptyRunsAreRefused()
        {
            PlotModel chart = TrainingChart.Create(new[] { new TrainingRun("", Records(3, double.NaN, double.PositiveInfinity, 2)) });
            Assert.Equal(new[] { 1.0, 4.0 }, Lines(chart)[0].Points.Select(p => p.X));
            Assert.Throws<ArgumentException>(() => TrainingChart.Create(Array.Empty<TrainingRun>()));
            Assert.Throws<ArgumentException>(() => TrainingChart.Create(new[] { new TrainingRun("", Array.Empty<TrainingRecord>()) }));
        }
    }
}
