using System;
using System.Collections.Generic;
using System.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace MakemorePS.Core
{
    /// <summary>
    /// makemore part 3's activation statistics over training, in two panels that share the step axis: on top the
    /// saturated percentage of each tanh layer (|h| &gt; 0.97, where the gradient all but vanishes), below the std of every
    /// layer's outputs. A layer has one colour in both panels. Records without a saturated fraction leave out the top panel.
    /// </summary>
    public static class ActivationChart
    {
        /// <summary>The default width in pixels.</summary>
        public const int DefaultWidth = 800;

        /// <summary>The default height in pixels: two panels need more than the loss chart's one.</summary>
        public const int DefaultHeight = 600;

        /// <summary>The key of the top panel's axis, the saturated percentage.</summary>
        public const string SaturationAxisKey = "saturation";

        /// <summary>The key of the bottom panel's axis, the std.</summary>
        public const string StdAxisKey = "std";

        // The panels' share of the height; the gap between them holds the top panel's lowest label.
        private const double SaturationPanelStart = 0.58;
        private const double StdPanelEnd = 0.42;

        /// <summary>Builds the chart.</summary>
        /// <param name="points">The points of one training run, in any order.</param>
        /// <param name="title">The title; null or empty for "Activations".</param>
        /// <exception cref="ArgumentException">No point, or two points of a layer at one step.</exception>
        public static PlotModel Create(IEnumerable<ActivationPoint> points, string? title = null)
        {
            List<(string Name, List<ActivationPoint> Points)> layers = DiagnosticCurves.ByName(points, p => p.Layer, p => p.Step, nameof(points));
            PlotModel model = StepChart.Create(string.IsNullOrEmpty(title) ? "Activations" : ChartText.Text(title));
            bool saturation = layers.Any(layer => layer.Points.Any(p => p.SaturatedFraction.HasValue));

            // One border around both panels would join them into one box: each axis draws its own line instead.
            model.PlotAreaBorderThickness = new OxyThickness(0);
            model.Axes.Single(axis => axis.Position == AxisPosition.Bottom).AxislineStyle = LineStyle.Solid;

            LinearAxis std = DiagnosticCurves.ValueAxis(StdAxisKey, "std", 0, saturation ? StdPanelEnd : 1);
            Panel(std, 0.1);
            model.Axes.Add(std);
            if (saturation)
            {
                LinearAxis saturated = DiagnosticCurves.ValueAxis(SaturationAxisKey, "tanh saturated (%)", SaturationPanelStart, 1);
                Panel(saturated, 1);
                saturated.AbsoluteMaximum = 100;
                model.Axes.Add(saturated);
            }

            for (int i = 0; i < layers.Count; i++)
            {
                (string name, List<ActivationPoint> run) = layers[i];
                OxyColor color = DiagnosticCurves.Color(i);
                model.Series.Add(DiagnosticCurves.Line(ChartText.Text(name), color, StdAxisKey, run.Select(p => (p.Step, (double?)p.Std))));
                if (run.Any(p => p.SaturatedFraction.HasValue))
                {
                    LineSeries saturated = DiagnosticCurves.Line(ChartText.Text(name), color, SaturationAxisKey,
                        run.Select(p => (p.Step, p.SaturatedFraction * 100)));

                    // The legend names the layer once, by its std curve, in the same colour.
                    saturated.RenderInLegend = false;
                    model.Series.Add(saturated);
                }
            }

            return model;
        }

        // Both statistics are at least 0: from 0 the panel shows how large they are, not only how they move.
        private static void Panel(LinearAxis axis, double minimumRange)
        {
            axis.AxislineStyle = LineStyle.Solid;
            axis.Minimum = 0;
            axis.AbsoluteMinimum = 0;
            axis.MinimumRange = minimumRange;
        }
    }
}
