using System;
using OxyPlot;

namespace MakemorePS.Core
{
    /// <summary>
    /// A plot whose plot area is square in a picture of any shape, with its axes, their titles and the legend around it.
    /// OxyPlot gives the plot area all the room the axes leave; here the chart is first laid out without drawing, and the
    /// room a square plot area does not need, in the longer direction, becomes padding split between the two sides, so the
    /// whole chart sits together in the middle of the picture.
    /// </summary>
    internal sealed class SquarePlotModel : PlotModel
    {
        // A layout pass settles the plot area; another may follow when the new shape changes the axes' labels (the
        // colour bar's ticks, say), which shift the margins by a few pixels.
        private const int MaximumLayoutPasses = 4;

        // Close enough to square, in pixels: shared among a heatmap's rows and columns, it leaves no visible difference.
        private const double Tolerance = 0.5;

        /// <inheritdoc/>
        protected override void RenderOverride(IRenderContext rc, OxyRect rect)
        {
            OxyThickness padding = Padding;
            try
            {
                var layout = new LayoutRenderContext(rc);
                for (int pass = 0; pass < MaximumLayoutPasses; pass++)
                {
                    base.RenderOverride(layout, rect);
                    double excess = PlotArea.Width - PlotArea.Height;
                    if (Math.Abs(excess) < Tolerance || PlotArea.Width <= 0 || PlotArea.Height <= 0)
                    {
                        break;
                    }

                    double half = Math.Abs(excess) / 2;
                    Padding = excess > 0
                        ? new OxyThickness(Padding.Left + half, Padding.Top, Padding.Right + half, Padding.Bottom)
                        : new OxyThickness(Padding.Left, Padding.Top + half, Padding.Right, Padding.Bottom + half);
                }

                base.RenderOverride(rc, rect);
            }
            finally
            {
                // The padding fits this picture's size only.
                Padding = padding;
            }
        }
    }
}
