using OxyPlot;

namespace MakemorePS.Core
{
    /// <summary>What the charts share.</summary>
    internal static class ChartStyle
    {
        /// <summary>The font family the SVG asks for; every browser has one of these or a sans-serif fallback.</summary>
        internal const string FontFamily = "Arial, Helvetica, sans-serif";

        /// <summary>The colour of the major gridlines: light, so the curves stand out over them.</summary>
        internal static readonly OxyColor GridlineColor = OxyColor.FromRgb(0xE6, 0xE6, 0xE6);

        /// <summary>
        /// The colours of the series, in order: matplotlib's default cycle ("tab10"), so curves look as they would in the
        /// lecture's notebook.
        /// </summary>
        internal static readonly OxyColor[] SeriesColors =
        {
            OxyColor.FromRgb(0x1F, 0x77, 0xB4), OxyColor.FromRgb(0xFF, 0x7F, 0x0E), OxyColor.FromRgb(0x2C, 0xA0, 0x2C),
            OxyColor.FromRgb(0xD6, 0x27, 0x28), OxyColor.FromRgb(0x94, 0x67, 0xBD), OxyColor.FromRgb(0x8C, 0x56, 0x4B),
            OxyColor.FromRgb(0xE3, 0x77, 0xC2), OxyColor.FromRgb(0x7F, 0x7F, 0x7F), OxyColor.FromRgb(0xBC, 0xBD, 0x22),
            OxyColor.FromRgb(0x17, 0xBE, 0xCF),
        };
    }
}
