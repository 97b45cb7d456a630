using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace MakemorePS.Core
{
    /// <summary>Which part of the loss a training-chart series shows.</summary>
    public enum LossComponent
    {
        /// <summary>The loss the optimizer minimized: mean NLL plus regularization.</summary>
        Loss,

        /// <summary>The mean negative log-likelihood part.</summary>
        NegativeLogLikelihood,

        /// <summary>The regularization part, λ·mean(W²).</summary>
        Regularization,

        /// <summary>The loss on held-out (dev) names.</summary>
        DevLoss,
    }

    /// <summary>
    /// The loss curve: loss against step, one colour per run. When a run's points hold a regularization term, its NLL part
    /// gets its own dashed series beside the total, and its regularization part a lighter dotted series on an axis of its
    /// own on the right. When they hold a dev loss, it is a darker dash-dot series with a marker at every measurement. A
    /// long noisy run (mini-batch training) is drawn as the mean over blocks of steps (<see cref="LossAverage"/>), as the
    /// lecture plots it. A series of a single point (a one-step run) is a dot. A legend names every series.
    /// </summary>
    public static class TrainingChart
    {
        /// <summary>The default width in pixels.</summary>
        public const int DefaultWidth = 800;

        /// <summary>The default height in pixels.</summary>
        public const int DefaultHeight = 500;

        /// <summary>Runs with more steps than this are thinned to the points that change the drawn line.</summary>
        public const int DecimationThreshold = 2000;

        /// <summary>The key of the left axis, which carries the loss and its NLL part.</summary>
        public const string LossAxisKey = "loss";

        /// <summary>The key of the right axis, which carries the regularization part.</summary>
        public const string RegularizationAxisKey = "regularization";

        // The radius, in pixels, of the dot that stands for a series of one point.
        private const double LonePointRadius = 4;

        // The radius, in pixels, of the markers at the steps the dev loss was measured.
        private const double DevLossMarkerRadius = 3.5;

        /// <summary>Builds the chart.</summary>
        /// <param name="runs">The runs, each with at least one point.</param>
        /// <param name="title">The title; null or empty for "Training loss".</param>
        /// <param name="logScale">Whether the loss axis is logarithmic (base 10), as the lecture plots long runs.</param>
        /// <param name="blockSize">
        /// The number of steps each point of the training loss averages: 1 draws every step; null averages the long noisy
        /// runs over <see cref="LossAverage.AutomaticBlockSize"/> steps and draws the others step by step.
        /// </param>
        /// <exception cref="ArgumentException">No run, or a run without records.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The block size is less than 1.</exception>
        public static PlotModel Create(IReadOnlyList<TrainingRun> runs, string? title = null, bool logScale = false, int? blockSize = null)
        {
            if (runs is null)
            {
                throw new ArgumentNullException(nameof(runs));
            }

            if (runs.Count == 0 || runs.Any(r => r is null || r.Points.Count == 0))
            {
                throw new ArgumentException("Every run needs at least one training step.", nameof(runs));
            }

            if (blockSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "A block holds at least one step.");
            }

            int automaticBlockSize = blockSize.HasValue ? 0 : LossAverage.AutomaticBlockSize(runs);

            PlotModel model = StepChart.Create(string.IsNullOrEmpty(title) ? "Training loss" : ChartText.Text(title));
            model.Axes.Add(LossAxis(LossAxisKey, AxisPosition.Left, "loss", logScale, gridlines: true));
            bool regularized = runs.Any(run => HasRegularization(run));
            if (regularized)
            {
                // The regularization term is about a hundredth of the loss: on the loss axis it would flatten the curves.
                model.Axes.Add(LossAxis(RegularizationAxisKey, AxisPosition.Right, "regularization", logScale, gridlines: false));
            }

            for (int r = 0; r < runs.Count; r++)
            {
                TrainingRun run = runs[r];
                OxyColor color = ChartStyle.SeriesColors[r % ChartStyle.SeriesColors.Length];
                int runBlockSize = blockSize ?? (LossAverage.IsNoisy(run) ? automaticBlockSize : 1);
                IReadOnlyList<LossBlock>? blocks = runBlockSize > 1 ? LossAverage.Average(run, runBlockSize) : null;
                LineSeries Training(LossComponent component) => blocks is null
                    ? CreateSeries(run, component, color, logScale, run.Points.Select(point => (point.Step + 0.0, Value(point, component))))
                    : CreateSeries(run, component, color, logScale, blocks.Select(block => (block.Step, Value(block, component))), runBlockSize);

                model.Series.Add(Training(LossComponent.Loss));
                if (run.Points.Any(point => point.DevLoss.HasValue))
                {
                    model.Series.Add(CreateSeries(run, LossComponent.DevLoss, color, logScale, run.Points.Select(point => (point.Step + 0.0, point.DevLoss))));
                }

                if (HasRegularization(run))
                {
                    model.Series.Add(Training(LossComponent.NegativeLogLikelihood));
                    model.Series.Add(Training(LossComponent.Regularization));
                }
            }

            // The plot's edge would cut a dot or marker at the end of an axis's range in half: the axes leave room for a whole one.
            if (model.Series.OfType<LineSeries>().Any(series => series.MarkerType != MarkerType.None))
            {
                foreach (Axis axis in model.Axes)
                {
                    axis.MinimumDataMargin = LonePointRadius;
                    axis.MaximumDataMargin = LonePointRadius;
                }
            }

            return model;
        }

        /// <summary>
        /// The legend entry of a series: the component, after the run's label when it has one, and the size of the blocks
        /// it averages when it averages any ("loss (1,000-step mean)").
        /// </summary>
        public static string SeriesTitle(string runLabel, LossComponent component, int blockSize = 1)
        {
            string part = component switch
            {
                LossComponent.Loss => "loss",
                LossComponent.NegativeLogLikelihood => "NLL",
                LossComponent.DevLoss => "dev loss",
                _ => "regularization",
            };
            if (blockSize > 1)
            {
                part += string.Format(CultureInfo.InvariantCulture, " ({0:N0}-step mean)", blockSize);
            }

            return string.IsNullOrEmpty(runLabel) ? part : ChartText.Text(runLabel) + ": " + part;
        }

        // A regularization term that is always 0 (or never recorded) would only repeat the loss as its NLL part.
        private static bool HasRegularization(TrainingRun run) => run.Points.Any(point => point.Regularization.HasValue && point.Regularization.Value != 0.0);

        private static Axis LossAxis(string key, AxisPosition position, string title, bool logScale, bool gridlines)
        {
            Axis axis = logScale
                ? new LogarithmicAxis { Base = 10, Title = title + " (log scale)" }
                : new LinearAxis { Title = title };
            axis.Key = key;
            axis.Position = position;
            if (gridlines)
            {
                axis.MajorGridlineStyle = LineStyle.Solid;
                axis.MajorGridlineColor = ChartStyle.GridlineColor;
                axis.MinorGridlineStyle = logScale ? LineStyle.Dot : LineStyle.None;
                axis.MinorGridlineColor = OxyColor.FromRgb(0xEE, 0xEE, 0xEE);
            }

            return axis;
        }

        private static double? Value(TrainingPoint point, LossComponent component) => component switch
        {
            LossComponent.Loss => point.Loss,
            LossComponent.NegativeLogLikelihood => point.NegativeLogLikelihood,
            LossComponent.DevLoss => point.DevLoss,
            _ => point.Regularization,
        };

        private static double? Value(LossBlock block, LossComponent component) => component switch
        {
            LossComponent.Loss => block.Loss,
            LossComponent.NegativeLogLikelihood => block.NegativeLogLikelihood,
            _ => block.Regularization,
        };

        private static LineSeries CreateSeries(TrainingRun run, LossComponent component, OxyColor color, bool logScale, IEnumerable<(double Step, double? Value)> values, int blockSize = 1)
        {
            var series = new LineSeries
            {
                Title = SeriesTitle(run.Label, component, blockSize),
                YAxisKey = component == LossComponent.Regularization ? RegularizationAxisKey : LossAxisKey,
                Color = component switch
                {
                    // The regularization part is lighter, so it never reads as the loss where the curves cross; the dev loss
                    // darker, so it stands out from the training loss it runs beside.
                    LossComponent.Regularization => OxyColor.Interpolate(color, OxyColors.White, 0.45),
                    LossComponent.DevLoss => OxyColor.Interpolate(color, OxyColors.Black, 0.5),
                    _ => color,
                },
                StrokeThickness = component == LossComponent.Loss ? 2 : 1.5,
                LineStyle = component switch
                {
                    LossComponent.Loss => LineStyle.Solid,
                    LossComponent.NegativeLogLikelihood => LineStyle.Dash,
                    LossComponent.DevLoss => LineStyle.DashDot,
                    _ => LineStyle.Dot,
                },
            };
            foreach ((double step, double? value) in values)
            {
                // A step without the measurement, NaN and infinity have no place on a chart, nor 0 on a logarithmic axis.
                if (!value.HasValue || double.IsNaN(value.Value) || double.IsInfinity(value.Value) || (logScale && value.Value <= 0.0))
                {
                    continue;
                }

                series.Points.Add(new DataPoint(step, value.Value));
            }

            // Long series keep the drawn shape (each pixel column's first, last, lowest and highest point, at whole pixels)
            // and write a few thousand points instead of one per step. Shorter ones keep every point, so their curves stay
            // smooth.
            bool decimated = series.Points.Count > DecimationThreshold;
            series.Decimator = decimated ? Decimator.Decimate : null;
            series.MinimumSegmentLength = decimated ? 2 : 0;

            if (component == LossComponent.DevLoss)
            {
                // A marker at every measurement: the dev loss is measured every few thousand steps, and the line between
                // two measurements is no measurement. The white edge keeps the markers apart from the curves under them.
                series.MarkerType = MarkerType.Circle;
                series.MarkerSize = series.Points.Count == 1 ? LonePointRadius : DevLossMarkerRadius;
                series.MarkerFill = series.Color;
                series.MarkerStroke = OxyColors.White;
                series.MarkerStrokeThickness = 1;
            }
            else if (series.Points.Count == 1)
            {
                // A line needs two points: a lone one (a one-step run, a single block) is drawn as a dot.
                series.MarkerType = MarkerType.Circle;
                series.MarkerSize = LonePointRadius;
                series.MarkerFill = series.Color;
            }

            return series;
        }
    }
}
