using System;
using System.Collections.Generic;
using OxyPlot;

namespace MakemorePS.Core
{
    /// <summary>Chooses the font size of labels that must fit the room the chart's layout leaves them.</summary>
    internal static class LabelFit
    {
        /// <summary>The smallest font size, in pixels, the charts write labels in: smaller text cannot be read.</summary>
        internal const double MinimumFontSize = 8;

        // Text grows in proportion to its font size, so one measurement at this size gives the size at any other.
        private const double ReferenceFontSize = 100;

        /// <summary>The width of the widest and the height of the tallest of <paramref name="labels"/>, per pixel of font size.</summary>
        internal static OxySize SizePerFontPixel(IRenderContext rc, IEnumerable<string> labels, string font, double fontWeight)
        {
            double width = 0, height = 0;
            foreach (string label in labels)
            {
                OxySize size = rc.MeasureText(label, font, ReferenceFontSize, fontWeight);
                width = Math.Max(width, size.Width / ReferenceFontSize);
                height = Math.Max(height, size.Height / ReferenceFontSize);
            }

            return new OxySize(width, height);
        }

        /// <summary>
        /// The font size at which labels of <paramref name="sizePerFontPixel"/> fit <paramref name="width"/> ×
        /// <paramref name="height"/> pixels: <paramref name="preferred"/> if they fit at it, else the largest that fits, but
        /// never less than <see cref="MinimumFontSize"/>; null when they do not fit even at that.
        /// </summary>
        internal static double? FontSize(OxySize sizePerFontPixel, double width, double height, double preferred)
        {
            double fitting = Math.Min(
                sizePerFontPixel.Width > 0 ? width / sizePerFontPixel.Width : double.PositiveInfinity,
                sizePerFontPixel.Height > 0 ? height / sizePerFontPixel.Height : double.PositiveInfinity);
            if (!(fitting >= MinimumFontSize))
            {
                return null;
            }

            return Math.Max(MinimumFontSize, Math.Min(preferred, fitting));
        }
    }
}
