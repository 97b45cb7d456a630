using System.Collections.Generic;
using OxyPlot;

namespace MakemorePS.Core
{
    /// <summary>
    /// A render context that draws nothing and measures text as another context does. OxyPlot lays a chart out only while
    /// rendering it, so rendering into this one gives the chart's layout (plot area, axis scales, label sizes) without a picture.
    /// </summary>
    internal sealed class LayoutRenderContext : RenderContextBase
    {
        private readonly IRenderContext _textMeasurer;
        private int _clipCount;

        public LayoutRenderContext(IRenderContext textMeasurer)
        {
            _textMeasurer = textMeasurer;
            RendersToScreen = false;
        }

        public override int ClipCount => _clipCount;

        public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight) =>
            _textMeasurer.MeasureText(text, fontFamily, fontSize, fontWeight);

        public override void DrawLine(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin)
        {
        }

        public override void DrawPolygon(IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin)
        {
        }

        public override void DrawText(ScreenPoint p, string text, OxyColor fill, string fontFamily, double fontSize, double fontWeight, double rotate, HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize)
        {
        }

        public override void PushClip(OxyRect clippingRectangle) => _clipCount++;

        public override void PopClip() => _clipCount--;
    }
}
