using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace MakemorePS.Core
{
    /// <summary>What the charts over training steps (the loss chart, the diagnostic charts) start from.</summary>
    internal static class StepChart
    {
        /// <summary>
        /// A chart with the title, white background and font of the others, a legend outside the plot area (on the right,
        /// or below the plot in a narrow picture), so it never hides the end of a curve, where the last value is read, and
        /// the step axis along the bottom.
        /// </summary>
        internal static PlotModel Create(string title)
        {
            var model = new AdaptiveLegendPlotModel
            {
                Title = title,
                Background = OxyColors.White,
                DefaultFont = ChartStyle.FontFamily,
            };
            model.Legends.Add(new Legend());
            model.Axes.Add(new LinearAxis
            {
                Position = AxisPosition.Bottom,
                Title = "step",
                MajorGridlineStyle = LineStyle.Solid,
                MajorGridlineColor = ChartStyle.GridlineColor,
                MinimumPadding = 0,
                MaximumPadding = 0,

                // Steps are whole numbers: a run of a few steps would otherwise get ticks at 1.5, 2.5, ...
                MinimumMajorStep = 1,
                MinimumMinorStep = 1,
            });
            return model;
        }
    }
}
