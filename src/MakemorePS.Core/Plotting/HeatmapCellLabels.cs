namespace MakemorePS.Core
{
    /// <summary>How the cells of a heatmap are labelled in a picture of one size (<see cref="BigramHeatmapChart.MeasureCellLabels"/>).</summary>
    public sealed class HeatmapCellLabels
    {
        internal HeatmapCellLabels(double cellSize, double? fontSize, double legibleCellSize)
        {
            CellSize = cellSize;
            FontSize = fontSize;
            LegibleCellSize = legibleCellSize;
        }

        /// <summary>The side of a cell, in pixels.</summary>
        public double CellSize { get; }

        /// <summary>The font size of the labels, in pixels; null when the cells carry none.</summary>
        public double? FontSize { get; }

        /// <summary>
        /// The smallest side of a cell, in pixels, that has room for every label at the smallest legible font size (8
        /// pixels); infinity when the cells carry no labels at any size (more than <see cref="BigramHeatmapChart.MaxLabelledSymbols"/> symbols).
        /// </summary>
        public double LegibleCellSize { get; }
    }
}
