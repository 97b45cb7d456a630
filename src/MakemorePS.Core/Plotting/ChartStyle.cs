namespace MakemorePS.Core
{
    /// <summary>What the charts share.</summary>
    internal static class ChartStyle
    {
        /// <summary>The font family the SVG asks for; every browser has one of these or a sans-serif fallback.</summary>
        internal const string FontFamily = "Arial, Helvetica, sans-serif";
    }
}
