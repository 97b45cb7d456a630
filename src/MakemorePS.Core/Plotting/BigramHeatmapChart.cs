using System;
using System.Globalization;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace MakemorePS.Core
{
    /// <summary>
    /// The lecture's picture of a bigram table: a V×V grid of cells shaded in sequential blues (white for 0, dark blue for
    /// the largest value), each labelled with its bigram and value, the next symbol along the top, the current symbol
    /// down the left, both in vocabulary order, and a colour bar as the legend.
    /// </summary>
    public static class BigramHeatmapChart
    {
        /// <summary>Above this many symbols the cells carry no labels (they would be too small to read); the axes keep theirs.</summary>
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

        /// <summary>Whether the cells of a V×V heatmap carry labels.</summary>
        public static bool HasCellLabels(int symbols) => symbols <= MaxLabelledSymbols;

        /// <summary>The text of a cell: the bigram (row symbol, then column symbol) on one line, the value on the next.</summary>
        public static string CellLabel(HeatmapMatrix matrix, int current, int next)
        {
            if (matrix is null)
            {
                throw new ArgumentNullException(nameof(matrix));
            }

            Vocabulary vocabulary = matrix.Vocabulary;
            return SymbolLabel.For(vocabulary.GetSymbol(current)) + SymbolLabel.For(vocabulary.GetSymbol(next)) + "\n" + FormatValue(matrix.Kind, matrix[current, next]);
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
            var model = new PlotModel
            {
                Title = string.IsNullOrEmpty(title)
                    ? (matrix.Kind == HeatmapValueKind.Counts ? "Bigram counts" : "Bigram probabilities P(next | current)")
                    : ChartText.Text(title),
                Background = OxyColors.White,
                DefaultFont = ChartStyle.FontFamily,
                PlotAreaBorderThickness = new OxyThickness(0),

                // Equal scales on both axes: square cells, as in the lecture's imshow.
                PlotType = PlotType.Cartesian,
            };

            double axisFontSize = v <= MaxLabelledSymbols ? 14 : Math.Max(7, 14 - ((v - MaxLabelledSymbols) / 10.0));
            model.Axes.Add(SymbolAxis(matrix, AxisPosition.Top, "next character", axisFontSize, reversed: false));
            model.Axes.Add(SymbolAxis(matrix, AxisPosition.Left, "current character", axisFontSize, reversed: true));
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

        private static LinearAxis SymbolAxis(HeatmapMatrix matrix, AxisPosition position, string title, double fontSize, bool reversed)
        {
            int v = matrix.Size;
            return new LinearAxis
            {
                Position = position,
                Title = title,
                Minimum = -0.5,
                Maximum = v - 0.5,
                MajorStep = 1,
                MinorStep = 1,
                TickStyle = TickStyle.None,
                FontSize = fontSize,
                AxisTitleDistance = 6,
                IsZoomEnabled = false,
                IsPanEnabled = false,
                StartPosition = reversed ? 1 : 0,
                EndPosition = reversed ? 0 : 1,
                LabelFormatter = value =>
                {
                    int index = (int)Math.Round(value);
                    return index >= 0 && index < v && Math.Abs(value - index) < 1e-6 ? SymbolLabel.For(matrix.Vocabulary.GetSymbol(index)) : string.Empty;
                },
            };
        }

        /// <summary>A heat map whose cell labels are the bigram and its value instead of the value alone.</summary>
        private sealed class LabelledHeatMapSeries : HeatMapSeries
        {
            private readonly HeatmapMatrix _matrix;

            public LabelledHeatMapSeries(HeatmapMatrix matrix)
            {
                _matrix = matrix;
            }

            // i indexes x (the next symbol), j indexes y (the current symbol).
            protected override string GetLabel(double v, int i, int j) => CellLabel(_matrix, j, i);
        }
    }
}
