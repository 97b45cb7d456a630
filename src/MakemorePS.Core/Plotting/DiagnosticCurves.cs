using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace MakemorePS.Core
{
    /// <summary>What the diagnostic charts share: one curve per parameter or layer over the steps.</summary>
    internal static class DiagnosticCurves
    {
        /// <summary>
        /// The points grouped by name, in the order the names first appear, each group in step order.
        /// </summary>
        /// <exception cref="ArgumentException">No point, or two points of one name at one step (two runs in one chart).</exception>
        internal static List<(string Name, List<T> Points)> ByName<T>(IEnumerable<T> points, Func<T, string> name, Func<T, int> step, string paramName)
        {
            if (points is null)
            {
                throw new ArgumentNullException(paramName);
            }

            var groups = new List<(string Name, List<T> Points)>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (T point in points)
            {
                string key = name(point);
                if (!index.TryGetValue(key, out int i))
                {
                    i = groups.Count;
                    index.Add(key, i);
                    groups.Add((key, new List<T>()));
                }

                groups[i].Points.Add(point);
            }

            if (groups.Count == 0)
            {
                throw new ArgumentException("There are no diagnostics to draw.", paramName);
            }

            foreach ((string key, List<T> group) in groups)
            {
                // A stable sort keeps a repeated step next to its twin, where the check below finds it.
                List<T> sorted = group.OrderBy(step).ToList();
                for (int i = 1; i < sorted.Count; i++)
                {
                    if (step(sorted[i]) == step(sorted[i - 1]))
                    {
                        throw new ArgumentException(
                            string.Format(CultureInfo.InvariantCulture, "{0} has two records at step {1}: a chart draws one training run.", key, step(sorted[i])),
                            paramName);
                    }
                }

                group.Clear();
                group.AddRange(sorted);
            }

            return groups;
        }

        /// <summary>A value axis on the left with horizontal gridlines, occupying <paramref name="start"/> to <paramref name="end"/> of the height.</summary>
        internal static LinearAxis ValueAxis(string key, string title, double start = 0, double end = 1) => new LinearAxis
        {
            Key = key,
            Position = AxisPosition.Left,
            Title = title,
            StartPosition = start,
            EndPosition = end,
            MajorGridlineStyle = LineStyle.Solid,
            MajorGridlineColor = ChartStyle.GridlineColor,

            // Room above and below, so no curve runs along the panel's edge.
            MinimumPadding = 0.05,
            MaximumPadding = 0.05,
        };

        /// <summary>
        /// A curve of <paramref name="points"/>, leaving out values that are missing or not finite. A curve of a single point
        /// is a dot, since a line needs two.
        /// </summary>
        internal static LineSeries Line(string title, OxyColor color, string axisKey, IEnumerable<(int Step, double? Value)> points)
        {
            var series = new LineSeries
            {
                Title = title,
                Color = color,
                YAxisKey = axisKey,
                StrokeThickness = 2,
            };
            foreach ((int step, double? value) in points)
            {
                if (value is double v && !double.IsNaN(v) && !double.IsInfinity(v))
                {
                    series.Points.Add(new DataPoint(step, v));
                }
            }

            if (series.Points.Count == 1)
            {
                series.MarkerType = MarkerType.Circle;
                series.MarkerFill = color;
                series.MarkerSize = 3;
            }

            // Long runs measured often keep their drawn shape with a few thousand points, as the loss chart's do.
            if (series.Points.Count > TrainingChart.DecimationThreshold)
            {
                series.Decimator = Decimator.Decimate;
                series.MinimumSegmentLength = 2;
            }

            return series;
        }

        /// <summary>The colour of the <paramref name="index"/>th curve.</summary>
        internal static OxyColor Color(int index) => ChartStyle.SeriesColors[index % ChartStyle.SeriesColors.Length];
    }
}
