using System.Linq;
using OxyPlot;
using OxyPlot.Legends;

namespace MakemorePS.Core
{
    /// <summary>
    /// A plot whose legend stays outside the plot area, where it never hides the end of a curve: on the right, one entry
    /// under the other, while that takes at most a fifth of the picture's width; below the plot, its entries side by side
    /// (in rows as needed), in a picture too narrow for that, so the legend never squeezes the plot.
    /// </summary>
    internal sealed class AdaptiveLegendPlotModel : PlotModel
    {
        // The largest part of the picture's width a legend on the right may take.
        private const double MaximumWidthShare = 0.2;

        /// <inheritdoc/>
        protected override void RenderOverride(IRenderContext rc, OxyRect rect)
        {
            foreach (Legend legend in Legends.OfType<Legend>())
            {
                legend.LegendPlacement = LegendPlacement.Outside;
                legend.LegendPosition = LegendPosition.RightTop;
                legend.LegendOrientation = LegendOrientation.Vertical;
                if (legend.GetLegendSize(rc, new OxySize(rect.Width, rect.Height)).Width > MaximumWidthShare * rect.Width)
                {
                    legend.LegendPosition = LegendPosition.BottomCenter;
                    legend.LegendOrientation = LegendOrientation.Horizontal;
                }
            }

            base.RenderOverride(rc, rect);
        }
    }
}
