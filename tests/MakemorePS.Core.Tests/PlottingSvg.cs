using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace MakemorePS.Core.Tests
{
    /// <summary>
    /// A text element of an SVG file: its content, the point its transform moves it to (its anchor), its font size in pixels,
    /// and how it sits on the anchor (text-anchor: start, middle or end; dominant-baseline: baseline, middle or hanging).
    /// </summary>
    internal sealed record SvgText(string Text, double X, double Y, double FontSize, string Anchor, string Baseline)
    {
        /// <summary>The box the text covers on screen, as <see cref="PlottingSvg.Box"/> works it out.</summary>
        public (double Left, double Top, double Right, double Bottom) Box => PlottingSvg.Box(this);
    }

    /// <summary>A heatmap cell as the SVG draws it: its rectangle, its fill and the texts placed inside it.</summary>
    internal sealed record SvgCell(double X, double Y, double Width, double Height, (int R, int G, int B) Fill, IReadOnlyList<SvgText> Texts)
    {
        public double Luminance => (0.2126 * Fill.R) + (0.7152 * Fill.G) + (0.0722 * Fill.B);

        public string Label => string.Join("\n", Texts.OrderBy(t => t.Y).Select(t => t.Text));
    }

    /// <summary>A polyline of an SVG file: its stroke colour as written ("black", "rgb(31,119,180)") and its points.</summary>
    internal sealed record SvgLine(string Stroke, IReadOnlyList<(double X, double Y)> Points);

    /// <summary>Reads the SVG documents the charts write, as XML (it must be well formed), for the tests.</summary>
    internal static class PlottingSvg
    {
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
        private static readonly Regex Translate = new Regex(@"translate\((?<x>[-0-9.eE]+),(?<y>[-0-9.eE]+)\)", RegexOptions.CultureInvariant);
        private static readonly OxyPlot.PdfRenderContext Measurer = new OxyPlot.PdfRenderContext(1, 1, OxyPlot.OxyColors.White);
        private static readonly Regex Rgb = new Regex(@"fill:rgb\((?<r>\d+),(?<g>\d+),(?<b>\d+)\)", RegexOptions.CultureInvariant);

        /// <summary>Parses the document; throws XmlException when it is not well formed. The DTD is never fetched.</summary>
        public static XDocument Parse(string svg)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, CheckCharacters = true };
            using var reader = XmlReader.Create(new StringReader(svg), settings);
            return XDocument.Load(reader);
        }

        public static IReadOnlyList<SvgText> Texts(XDocument document) => document.Descendants(Svg + "text")
            .Select(t =>
            {
                Match m = Translate.Match((string?)t.Attribute("transform") ?? string.Empty);
                return new SvgText(
                    t.Value, Number(m.Groups["x"].Value), Number(m.Groups["y"].Value), Number((string)t.Attribute("font-size")!),
                    (string?)t.Attribute("text-anchor") ?? "start", (string?)t.Attribute("dominant-baseline") ?? "baseline");
            })
            .ToList();

        /// <summary>
        /// The box a one-line text covers: its width from Helvetica's metrics (Arial has the same widths; OxyPlot's PDF fonts
        /// carry them, in points), its height Arial's ascent plus descent (1.117 em, 0.905 of it above the baseline), placed
        /// by its anchor and baseline.
        /// </summary>
        public static (double Left, double Top, double Right, double Bottom) Box(SvgText text)
        {
            const double PixelsPerPoint = 96.0 / 72.0, Ascent = 0.905, Descent = 0.212;
            double width;
            lock (Measurer)
            {
                width = Measurer.MeasureText(text.Text, "Arial", text.FontSize * PixelsPerPoint, 400).Width;
            }

            double height = (Ascent + Descent) * text.FontSize;
            double left = text.Anchor switch
            {
                "middle" => text.X - (width / 2),
                "end" => text.X - width,
                _ => text.X,
            };
            double top = text.Baseline switch
            {
                "middle" => text.Y - (height / 2),
                "hanging" => text.Y,
                _ => text.Y - (Ascent * text.FontSize),
            };
            return (left, top, left + width, top + height);
        }

        /// <summary>The points of every polyline (axis lines, tick marks, gridlines and curves), in document order.</summary>
        public static IReadOnlyList<IReadOnlyList<(double X, double Y)>> Polylines(XDocument document) => document.Descendants(Svg + "polyline")
            .Select(p => (IReadOnlyList<(double X, double Y)>)((string)p.Attribute("points")!)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(point => point.Split(','))
                .Select(xy => (Number(xy[0]), Number(xy[1])))
                .ToList())
            .ToList();

        /// <summary>
        /// The (nearly) square filled rectangles of the heat map: the cells. (The colour bar's bands are wide and flat, and the
        /// background is the whole picture.)
        /// </summary>
        public static IReadOnlyList<SvgCell> Cells(XDocument document, int pictureWidth)
        {
            IReadOnlyList<SvgText> texts = Texts(document);
            var cells = new List<SvgCell>();
            foreach (XElement rect in document.Descendants(Svg + "rect"))
            {
                Match fill = Rgb.Match((string?)rect.Attribute("style") ?? string.Empty);
                if (!fill.Success || rect.Attribute("width") is null)
                {
                    continue;
                }

                double x = Number((string)rect.Attribute("x")!), y = Number((string)rect.Attribute("y")!);
                double w = Number((string)rect.Attribute("width")!), h = Number((string)rect.Attribute("height")!);
                if (w < 4 || h < 4 || w > pictureWidth / 4.0 || w / h > 1.1 || h / w > 1.1)
                {
                    continue;
                }

                var inside = texts.Where(t => t.X > x && t.X < x + w && t.Y > y && t.Y < y + h).ToList();
                cells.Add(new SvgCell(x, y, w, h, (Int(fill, "r"), Int(fill, "g"), Int(fill, "b")), inside));
            }

            return cells;
        }

        /// <summary>Every polyline (curves, legend samples, axis lines, ticks and gridlines), in document order.</summary>
        public static IReadOnlyList<SvgLine> Lines(XDocument document) => document.Descendants(Svg + "polyline")
            .Select(line => new SvgLine(
                StrokeOf((string?)line.Attribute("style") ?? string.Empty),
                ((string)line.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(point => point.Split(','))
                    .Select(xy => (Number(xy[0]), Number(xy[1])))
                    .ToList()))
            .ToList();

        /// <summary>How the SVG writes a colour: "rgb(r,g,b)", or a name for black and white.</summary>
        public static string Stroke(OxyPlot.OxyColor color) =>
            color == OxyPlot.OxyColors.Black ? "black" : string.Format(CultureInfo.InvariantCulture, "rgb({0},{1},{2})", color.R, color.G, color.B);

        private static string StrokeOf(string style) => Regex.Match(style, @"stroke:(?<colour>[^;]+)", RegexOptions.CultureInvariant).Groups["colour"].Value;

        private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

        private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
