using System;
using System.IO;
using OxyPlot;

namespace MakemorePS.Core
{
    /// <summary>Writes charts as standalone SVG documents with OxyPlot's SVG exporter.</summary>
    public static class SvgChart
    {
        /// <summary>The smallest width or height accepted, in pixels: below it the heatmap's axes and legend leave no room for its cells.</summary>
        public const int MinimumSize = 300;

        /// <summary>The largest width or height accepted, in pixels.</summary>
        public const int MaximumSize = 20000;

        /// <summary>Writes <paramref name="chart"/> to <paramref name="stream"/> as an SVG document of the given size.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A size is outside [<see cref="MinimumSize"/>, <see cref="MaximumSize"/>].</exception>
        public static void Write(PlotModel chart, Stream stream, int width, int height)
        {
            if (chart is null)
            {
                throw new ArgumentNullException(nameof(chart));
            }

            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            CheckSize(width, nameof(width));
            CheckSize(height, nameof(height));
            var exporter = new SvgExporter
            {
                Width = width,
                Height = height,
                IsDocument = true,
                TextMeasurer = new PixelTextMeasurer(width, height),
            };
            exporter.Export(chart, stream);
        }

        /// <summary>
        /// Lays <paramref name="chart"/> out as <see cref="Write"/> would at this size, drawing nothing: afterwards its axes
        /// and series hold the sizes they have in the picture.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A size is outside [<see cref="MinimumSize"/>, <see cref="MaximumSize"/>].</exception>
        internal static void Layout(PlotModel chart, int width, int height)
        {
            CheckSize(width, nameof(width));
            CheckSize(height, nameof(height));
            IPlotModel plot = chart;
            plot.Update(true);
            plot.Render(new LayoutRenderContext(new PixelTextMeasurer(width, height)), new OxyRect(0, 0, width, height));
        }

        /// <summary>The SVG document as a string.</summary>
        public static string ToSvg(PlotModel chart, int width, int height)
        {
            using (var stream = new MemoryStream())
            {
                Write(chart, stream, width, height);
                return System.Text.Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF');
            }
        }

        /// <summary>
        /// Writes the SVG file atomically: it is rendered completely into a temporary file beside the target, which then
        /// replaces the target, so a failure leaves no partial file and any existing file unchanged.
        /// </summary>
        public static void Save(PlotModel chart, string path, int width, int height)
        {
            if (chart is null)
            {
                throw new ArgumentNullException(nameof(chart));
            }

            CheckSize(width, nameof(width));
            CheckSize(height, nameof(height));
            AtomicFile.Write(path, stream => Write(chart, stream, width, height));
        }

        /// <summary>
        /// Measures text with the metrics of the standard PDF fonts (Helvetica has Arial's widths), in pixels. OxyPlot's
        /// default SVG measurer converts the font size from pixels to points but returns the size in points, so labels
        /// would get three quarters of the room they take in a browser.
        /// </summary>
        private sealed class PixelTextMeasurer : PdfRenderContext
        {
            private const double PixelsPerPoint = 96.0 / 72.0;

            public PixelTextMeasurer(double width, double height)
                : base(width, height, OxyColors.White)
            {
            }

            public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight) =>
                base.MeasureText(text, fontFamily, fontSize * PixelsPerPoint, fontWeight);
        }

        private static void CheckSize(int size, string name)
        {
            if (size < MinimumSize || size > MaximumSize)
            {
                throw new ArgumentOutOfRangeException(name, size, $"A chart's width and height must be between {MinimumSize} and {MaximumSize} pixels.");
            }
        }
    }
}
