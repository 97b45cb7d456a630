using System;
using System.Linq;
using OxyPlot;
using OxyPlot.Axes;

namespace MakemorePS.Core
{
    /// <summary>
    /// An axis of the heatmap: one tick per symbol (at 0, 1, …, V − 1), labelled with the symbol. Its labels take their
    /// size from the cells: as large as <see cref="PreferredFontSize"/> when each fits its column and row, smaller when they
    /// must, and when even <see cref="LabelFit.MinimumFontSize"/> would not fit, only every second (third, …) symbol is
    /// labelled, so that no two labels touch.
    /// </summary>
    internal sealed class SymbolAxis : LinearAxis
    {
        /// <summary>The font size of the labels when the cells leave room for it.</summary>
        internal const double PreferredFontSize = 14;

        // The part of a column's width (a row's height) a label may take: the rest keeps neighbouring labels apart.
        private const double LabelShare = 0.9;

        private readonly string[] _labels;
        private int _labelStep = 1;

        public SymbolAxis(Vocabulary vocabulary, AxisPosition position, string title, bool reversed)
        {
            _labels = vocabulary.Symbols.Select(SymbolLabel.For).ToArray();
            Position = position;
            Title = title;
            Minimum = -0.5;
            Maximum = _labels.Length - 0.5;
            MajorStep = 1;
            MinorStep = 1;
            TickStyle = TickStyle.None;
            FontSize = PreferredFontSize;
            TitleFontSize = PreferredFontSize;
            AxisTitleDistance = 6;
            IsZoomEnabled = false;
            IsPanEnabled = false;
            StartPosition = reversed ? 1 : 0;
            EndPosition = reversed ? 0 : 1;
            LabelFormatter = Label;
        }

        /// <summary>
        /// Sizes the labels for the cells, then measures the axis. OxyPlot measures the axes again until the margins
        /// settle, each time after placing them, so the final labels match the final cells.
        /// </summary>
        public override void Measure(IRenderContext rc)
        {
            // The heatmap's cells end up square (SquarePlotModel): their side is the smaller of the two axes' scales.
            double cell = PlotModel.Axes.OfType<SymbolAxis>().Min(axis => Math.Abs(axis.Scale));
            if (cell > 0 && !double.IsInfinity(cell))
            {
                // Both axes compute the same size from the same labels, so the symbols look alike along the top and the left.
                int step = 0;
                double? size;
                do
                {
                    step++;
                    OxySize perPixel = LabelFit.SizePerFontPixel(rc, _labels.Where((label, index) => index % step == 0), ActualFont, ActualFontWeight);
                    size = LabelFit.FontSize(perPixel, LabelShare * step * cell, LabelShare * step * cell, PreferredFontSize);
                }
                while (size is null && step < _labels.Length);

                FontSize = size ?? LabelFit.MinimumFontSize;
                _labelStep = step;
            }

            base.Measure(rc);
        }

        private string Label(double value)
        {
            int index = (int)Math.Round(value);
            bool labelled = index >= 0 && index < _labels.Length && Math.Abs(value - index) < 1e-6 && index % _labelStep == 0;
            return labelled ? _labels[index] : string.Empty;
        }
    }
}
