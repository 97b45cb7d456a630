using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OxyPlot;
using OxyPlot.Series;

namespace MakemorePS.Core
{
    /// <summary>
    /// makemore part 3's update-to-data ratio plot: log10(lr·std(grad)/std(data)) of each parameter against the step, one
    /// colour per parameter, with the lecture's guide line at −3 (each update about a thousandth of the values). Weight
    /// matrices, the curves the lecture plots, are solid; vectors (biases, BatchNorm's gain and bias) are dashed.
    /// </summary>
    public static class UpdateRatioChart
    {
        /// <summary>The default width in pixels.</summary>
        public const int DefaultWidth = 800;

        /// <summary>The default height in pixels.</summary>
        public const int DefaultHeight = 500;

        /// <summary>Where the lecture draws its guide line: updates of about 1/1000 of the data.</summary>
        public const double GuideValue = -3;

        /// <summary>The guide line's entry in the legend.</summary>
        public const string GuideTitle = "guide: -3";

        /// <summary>The key of the ratio axis.</summary>
        public const string RatioAxisKey = "ratio";

        /// <summary>The legend entry of a parameter: its name, then its shape when known.</summary>
        public static string SeriesTitle(string parameter, string? shape) =>
            string.IsNullOrEmpty(shape) ? ChartText.Text(parameter) : ChartText.Text(parameter) + " (" + ChartText.Text(shape) + ")";

        /// <summary>Whether a shape such as "1x200" is a vector (one row or one column) rather than a matrix.</summary>
        public static bool IsVector(string? shape)
        {
            string[] sides = (shape ?? string.Empty).Split('x');
            return sides.Length == 2
                && int.TryParse(sides[0], NumberStyles.None, CultureInfo.InvariantCulture, out int rows)
                && int.TryParse(sides[1], NumberStyles.None, CultureInfo.InvariantCulture, out int columns)
                && (rows == 1 || columns == 1);
        }

        /// <summary>Builds the chart.</summary>
        /// <param name="points">The points of one training run, in any order; a parameter keeps its first point's shape.</param>
        /// <param name="title">The title; null or empty for "Update-to-data ratio".</param>
        /// <exception cref="ArgumentException">No point, or two points of a parameter at one step.</exception>
        public static PlotModel Create(IEnumerable<UpdateRatioPoint> points, string? title = null)
        {
            List<(string Name, List<UpdateRatioPoint> Points)> parameters = DiagnosticCurves.ByName(points, p => p.Parameter, p => p.Step, nameof(points));
            PlotModel model = StepChart.Create(string.IsNullOrEmpty(title) ? "Update-to-data ratio" : ChartText.Text(title));
            model.Axes.Add(DiagnosticCurves.ValueAxis(RatioAxisKey, "log10(lr · std(grad) / std(data))"));
            for (int i = 0; i < parameters.Count; i++)
            {
                (string name, List<UpdateRatioPoint> run) = parameters[i];
                string shape = run[0].Shape;
                LineSeries series = DiagnosticCurves.Line(SeriesTitle(name, shape), DiagnosticCurves.Color(i), RatioAxisKey,
                    run.Select(p => (p.Step, p.UpdateToDataRatioLog10)));
                if (IsVector(shape))
                {
                    series.LineStyle = LineStyle.Dash;
                    series.StrokeThickness = 1.5;
                }

                model.Series.Add(series);
            }

            // A series rather than an annotation: the legend names it, and the axis always reaches it.
            int first = parameters.Min(p => p.Points[0].Step);
            int last = parameters.Max(p => p.Points[p.Points.Count - 1].Step);
            model.Series.Add(new LineSeries
            {
                Title = GuideTitle,
                Color = OxyColors.Black,
                StrokeThickness = 1.5,
                YAxisKey = RatioAxisKey,
                Points = { new DataPoint(first, GuideValue), new DataPoint(last, GuideValue) },
            });
            return model;
        }
    }
}
