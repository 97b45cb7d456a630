using System;
using System.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace MakemorePS.Core
{
    /// <summary>
    /// The heatmap's cells, each labelled with its bigram and value instead of the value alone, in one font size for all
    /// cells that follows the size they are drawn at: <see cref="HeatMapSeries.LabelFontSize"/> times the cell's height when
    /// every label fits its cell at that, smaller when they must, and no labels at all when the cells are too small for
    /// legible ones.
    /// </summary>
    internal sealed class LabelledHeatMapSeries : HeatMapSeries
    {
        // The part of a cell's width and height its label may take, so labels of neighbouring cells stay apart.
        private const double LabelShare = 0.9;

        // OxyPlot's weight for heat map labels.
        private const double LabelFontWeight = 500;

        private readonly HeatmapMatrix _matrix;

        public LabelledHeatMapSeries(HeatmapMatrix matrix)
        {
            _matrix = matrix;
        }

        /// <summary>The font size of the cell labels at the last rendering; null when the cells were too small for legible ones.</summary>
        internal double? ActualLabelFontSize { get; private set; }

        /// <summary>The smallest side of a cell, in pixels, with room for every label at <see cref="LabelFit.MinimumFontSize"/>, as measured at the last rendering.</summary>
        internal double LegibleCellSize { get; private set; } = double.PositiveInfinity;

        /// <inheritdoc/>
        protected override void RenderLabels(IRenderContext rc, OxyRect rect)
        {
            int columns = Data.GetLength(0), rows = Data.GetLength(1);
            var labels = new string[columns, rows];
            for (int i = 0; i < columns; i++)
            {
                for (int j = 0; j < rows; j++)
                {
                    labels[i, j] = GetLabel(Data[i, j], i, j);
                }
            }

            double cellWidth = rect.Width / columns, cellHeight = rect.Height / rows;
            OxySize perPixel = LabelFit.SizePerFontPixel(rc, labels.Cast<string>(), ActualFont, LabelFontWeight);
            LegibleCellSize = LabelFit.MinimumFontSize * Math.Max(perPixel.Width, perPixel.Height) / LabelShare;
            ActualLabelFontSize = LabelFit.FontSize(perPixel, LabelShare * cellWidth, LabelShare * cellHeight, LabelFontSize * cellHeight);
            if (!(ActualLabelFontSize is double fontSize))
            {
                return;
            }

            double columnStep = columns > 1 ? (X1 - X0) / (columns - 1) : 0, rowStep = rows > 1 ? (Y1 - Y0) / (rows - 1) : 0;
            for (int i = 0; i < columns; i++)
            {
                for (int j = 0; j < rows; j++)
                {
                    string label = labels[i, j];
                    int lines = label.Split('\n').Length;
                    double lineHeight = rc.MeasureText(label, ActualFont, fontSize, LabelFontWeight).Height / lines;

                    // OxyPlot writes each further line one line height below the point it is given: starting half the other
                    // lines higher centres the label in its cell.
                    ScreenPoint middle = Transform(new DataPoint(X0 + (i * columnStep), Y0 + (j * rowStep)));
                    var first = new ScreenPoint(middle.X, middle.Y - ((lines - 1) * lineHeight / 2));
                    OxyColor textColor = ColorAxis.GetColor(Data[i, j]).ToHsv()[2] > 0.6 ? OxyColors.Black : OxyColors.White;
                    rc.DrawText(first, label, textColor, ActualFont, fontSize, LabelFontWeight, 0, HorizontalAlignment.Center, VerticalAlignment.Middle);
                }
            }
        }

        // i indexes x (the next symbol), j indexes y (the current symbol).
        protected override string GetLabel(double v, int i, int j) => BigramHeatmapChart.CellLabel(_matrix, j, i);
    }
}
