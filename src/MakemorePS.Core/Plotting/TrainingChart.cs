using System;
using System.Collections.Generic;
using System.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
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
    /// own on the right. When they hold a dev loss, it is a dash-dot series beside the training loss. A series of a single
    /// point (a one-step run) is a dot. A legend names every series.
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

        /// <summary>Builds the chart.</summary>
        /// <param name="runs">The runs, each with at least one point.</param>
        /// <param name="title">The title; null or empty for "Training loss".</param>
        /// <param name="logScale">Whether the loss axis is logarithmic (base 10), as the lecture plots long runs.</param>
        /// <exception cref="ArgumentException">No run, or a run without records.</exception>
        public static PlotModel Create(IReadOnlyList<TrainingRun> runs, string? title = null, bool logScale = false)
        {
            if (runs is null)
            {
                throw new ArgumentNullException(nameof(runs));
            }

            if (runs.Count == 0 || runs.Any(r => r is null || r.Points.Count == 0))
            {
                throw new ArgumentException("Every run needs at least one training step.", nameof(runs));
            }

            // The legend is outside the plot area, so it never hides the end of a curve, where the final loss is read: on
            // the right, or below the plot in a narrow picture.
            var model = new AdaptiveLegendPlotModel
            {
                Title = string.IsNullOrEmpty(title) ? "Training loss" : ChartText.Text(title),
                Background = OxyColors.White,
                DefaultFont = ChartStyle.FontFamily,
            };
            model.Legends.Add(new Legend());
            model.Axes.Add(new LinearAxis
            {
                Position = AxisPosition.Bottom,
                Title = "step",
                MajorGridlineStyle = LineStyle.Solid,
                MajorGridlineColor = OxyColor.FromRgb(0xE6, 0xE6, 0xE6),
                MinimumPadding = 0,
                MaximumPadding = 0,

                // Steps are whole numbers: a short run would otherwise get ticks at 1.5, 2.5, ...
                MinimumMajorStep = 1,
                MinimumMinorStep = 1,
            });
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
                model.Series.Add(CreateSeries(run, LossComponent.Loss, color, logScale));
                if (run.Points.Any(point => point.DevLoss.HasValue))
                {
                    model.Series.Add(CreateSeries(run, LossComponent.DevLoss, color, logScale));
                }

                if (HasRegularization(run))
                {
                    model.Series.Add(CreateSeries(run, LossComponent.NegativeLogLikelihood, color, logScale));
                    model.Series.Add(CreateSeries(run, LossComponent.Regularization, color, logScale));
                }
            }

            // The plot's edge would cut a dot at the end of an axis's range in half: the axes leave room for a whole one.
            if (model.Series.OfType<LineSeries>().Any(series => series.Points.Count == 1))
            {
                foreach (Axis axis in model.Axes)
                {
                    axis.MinimumDataMargin = LonePointRadius;
                    axis.MaximumDataMargin = LonePointRadius;
                }
            }

            return model;
        }

        /// <summary>The legend entry of a series: the component, after the run's label when it has one.</summary>
        public static string SeriesTitle(string runLabel, LossComponent component)
        {
            string part = component switch
            {
                LossComponent.Loss => "loss",
                LossComponent.NegativeLogLikelihood => "NLL",
                LossComponent.DevLoss => "dev loss",
                _ => "regularization",
            };
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
                axis.MajorGridlineColor = OxyColor.FromRgb(0xE6, 0xE6, 0xE6);
                axis.MinorGridlineStyle = logScale ? LineStyle.Dot : LineStyle.None;
                axis.MinorGridlineColor = OxyColor.FromRgb(0xEE, 0xEE, 0xEE);
            }

            return axis;
        }

        private static LineSeries CreateSeries(TrainingRun run, LossComponent component, OxyColor color, bool logScale)
        {
            var series = new LineSeries
            {
                Title = SeriesTitle(run.Label, component),
                YAxisKey = component == LossComponent.Regularization ? RegularizationAxisKey : LossAxisKey,
                // The regularization part is lighter, so it never reads as the loss where the curves cross.
                Color = component == LossComponent.Regularization ? OxyColor.Interpolate(color, OxyColors.White, 0.45) : color,
                StrokeThickness = component == LossComponent.Loss ? 2 : 1.5,
                LineStyle = component switch
                {
                    LossComponent.Loss => LineStyle.Solid,
                    LossComponent.NegativeLogLikelihood => LineStyle.Dash,
                    LossComponent.DevLoss => LineStyle.DashDot,
                    _ => LineStyle.Dot,
                },

                // Long runs keep the drawn shape (each pixel column's first, last, lowest and highest point, at whole
                // pixels) and write a few thousand points instead of one per step. Short runs keep every point, so their
                // curves stay smooth.
                Decimator = run.Points.Count > DecimationThreshold ? Decimator.Decimate : null,
                MinimumSegmentLength = run.Points.Count > DecimationThreshold ? 2 : 0,
            };
            foreach (TrainingPoint point in run.Points)
            {
                double? value = component switch
                {
                    LossComponent.Loss => point.Loss,
                    LossComponent.NegativeLogLikelihood => point.NegativeLogLikelihood,
                    LossComponent.DevLoss => point.DevLoss,
                    _ => point.Regularization,
                };

                // A step without the measurement, NaN and infinity have no place on a chart, nor 0 on a logarithmic axis.
                if (!value.HasValue || double.IsNaN(value.Value) || double.IsInfinity(value.Value) || (logScale && value.Value <= 0.0))
                {
                    continue;
                }

                series.Points.Add(new DataPoint(point.Step, value.Value));
            }

            // A line needs two points: a lone one (a one-step run, a dev loss measured once) is drawn as a dot.
            if (series.Points.Count == 1)
            {
                series.MarkerType = MarkerType.Circle;
                series.MarkerSize = LonePointRadius;
                series.MarkerFill = series.Color;
            }

            return series;
        }
    }
}
