using System;
using System.Globalization;
using System.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace MakemorePS.Core
{
    /// <summary>
    /// The lecture's picture of a bigram table: a V×V grid of cells shaded in sequential blues (white for 0, dark blue for
    /// the largest value), each labelled with its bigram and value where the cells are drawn large enough to read them, the
    /// next symbol along the top, the current symbol down the left, both in vocabulary order, and a colour bar as the legend.
    /// </summary>
    public static class BigramHeatmapChart
    {
        /// <summary>Above this many symbols the cells carry no labels, however large the picture (there would be too many to read); the axes keep theirs.</summary>
        public const int MaxLabelledSymbols = 40;

        /// <summary>The number of shades in the colour scale.</summary>
        public const int PaletteSize = 256;

        private const double LabelledCellSize = 36;
        private const double UnlabelledCellSize = 16;
        private const double MarginForAxesAndLegend = 190;

        // ColorBrewer's sequential "Blues" (the scale matplotlib's cmap='Blues' uses), light to dark.
        private static readonly OxyColor[] BluesAnchors =
        {
            OxyColor.FromRgb(0xF7, 0xFB, 0xFF), OxyColor.FromRgb(0xDE, 0xEB, 0xF7), OxyColor.FromRgb(0xC6, 0xDB, 0xEF),
            OxyColor.FromRgb(0x9E, 0xCA, 0xE1), OxyColor.FromRgb(0x6B, 0xAE, 0xD6), OxyColor.FromRgb(0x42, 0x92, 0xC6),
            OxyColor.FromRgb(0x21, 0x71, 0xB5), OxyColor.FromRgb(0x08, 0x51, 0x9C), OxyColor.FromRgb(0x08, 0x30, 0x6B),
        };

        /// <summary>The colour scale, light to dark.</summary>
        public static OxyPalette Blues { get; } = OxyPalette.Interpolate(PaletteSize, BluesAnchors);

        /// <summary>A width and height (in pixels, equal) that give each cell room for its label.</summary>
        /// <param name="symbols">V.</param>
        public static int DefaultSize(int symbols) =>
            (int)Math.Ceiling((Math.Max(symbols, 2) * (symbols <= MaxLabelledSymbols ? LabelledCellSize : UnlabelledCellSize)) + MarginForAxesAndLegend);

        /// <summary>Whether the cells of a V×V heatmap carry labels where they are drawn large enough for legible ones.</summary>
        public static bool HasCellLabels(int symbols) => symbols <= MaxLabelledSymbols;

        /// <summary>How the cells of <paramref name="chart"/> (made by <see cref="Create"/>) are labelled in a picture of this size.</summary>
        /// <exception cref="ArgumentException">The chart is not a heatmap made by <see cref="Create"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A size is outside what <see cref="SvgChart"/> draws.</exception>
        public static HeatmapCellLabels MeasureCellLabels(PlotModel chart, int width, int height)
        {
            if (chart is null)
            {
                throw new ArgumentNullException(nameof(chart));
            }

            if (!(chart.Series.OfType<LabelledHeatMapSeries>().SingleOrDefault() is LabelledHeatMapSeries cells))
            {
                throw new ArgumentException("The chart is not a bigram heatmap.", nameof(chart));
            }

            SvgChart.Layout(chart, width, height);
            return new HeatmapCellLabels(Math.Abs(cells.XAxis.Scale), cells.ActualLabelFontSize, cells.LegibleCellSize);
        }

        /// <summary>
        /// The text of a cell: the bigram (row symbol, then column symbol) on one line, the value on the next. A bigram with a
        /// symbol shown by its code point (such as U+0020) puts each symbol on a line of its own, so it is as narrow as a code.
        /// </summary>
        public static string CellLabel(HeatmapMatrix matrix, int current, int next)
        {
            if (matrix is null)
            {
                throw new ArgumentNullException(nameof(matrix));
            }

            Vocabulary vocabulary = matrix.Vocabulary;
            string first = vocabulary.GetSymbol(current), second = vocabulary.GetSymbol(next);
            string separator = SymbolLabel.IsHardToRead(first) || SymbolLabel.IsHardToRead(second) ? "\n" : string.Empty;
            return SymbolLabel.For(first) + separator + SymbolLabel.For(second) + "\n" + FormatValue(matrix.Kind, matrix[current, next]);
        }

        /// <summary>A value as the cells show it: counts as integers, probabilities with three decimals.</summary>
        public static string FormatValue(HeatmapValueKind kind, double value) =>
            kind == HeatmapValueKind.Counts
                ? value.ToString("0", CultureInfo.InvariantCulture)
                : value.ToString("0.000", CultureInfo.InvariantCulture);

        /// <summary>Builds the chart.</summary>
        /// <param name="matrix">The values to draw.</param>
        /// <param name="title">The title; null or empty for a default that says what the cells hold.</param>
        public static PlotModel Create(HeatmapMatrix matrix, string? title = null)
        {
            if (matrix is null)
            {
                throw new ArgumentNullException(nameof(matrix));
            }

            int v = matrix.Size;
            string valueName = matrix.Kind == HeatmapValueKind.Counts ? "count" : "probability";
            // A square plot area in a picture of any shape: V columns and V rows over it make square cells, as in the
            // lecture's imshow, with the symbols along the top and down the left next to them.
            var model = new SquarePlotModel
            {
                Title = string.IsNullOrEmpty(title)
                    ? (matrix.Kind == HeatmapValueKind.Counts ? "Bigram counts" : "Bigram probabilities P(next | current)")
                    : ChartText.Text(title),
                Background = OxyColors.White,
                DefaultFont = ChartStyle.FontFamily,
                PlotAreaBorderThickness = new OxyThickness(0),
            };

            model.Axes.Add(new SymbolAxis(matrix.Vocabulary, AxisPosition.Top, "next character", reversed: false));
            model.Axes.Add(new SymbolAxis(matrix.Vocabulary, AxisPosition.Left, "current character", reversed: true));
            double maximum = matrix.Maximum;
            model.Axes.Add(new LinearColorAxis
            {
                Position = AxisPosition.Right,
                Palette = Blues,
                Minimum = 0,
                Maximum = maximum > 0 ? maximum : 1,
                Title = valueName,

                // OxyPlot draws the colour bar MajorTickSize - 2 pixels wide beside the labels; the ticks would cross the
                // bar, so they are invisible and the labels say where the values are.
                MajorTickSize = 22,
                MinorTickSize = 0,
                TicklineColor = OxyColors.Transparent,
                AxisDistance = 8,
            });

            var data = new double[v, v];
            for (int current = 0; current < v; current++)
            {
                for (int next = 0; next < v; next++)
                {
                    // OxyPlot indexes the data [x, y]: the column (next symbol) first.
                    data[next, current] = matrix[current, next];
                }
            }

            model.Series.Add(new LabelledHeatMapSeries(matrix)
            {
                X0 = 0,
                X1 = v - 1,
                Y0 = 0,
                Y1 = v - 1,
                Data = data,
                Interpolate = false,
                RenderMethod = HeatMapRenderMethod.Rectangles,
                LabelFontSize = HasCellLabels(v) ? 0.27 : 0,
                Title = valueName,
            });

            return model;
        }
    }
}
