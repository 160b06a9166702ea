using System.Globalization;
using System.Text;

namespace OncoTrial.Reporting.Figures;

/// <summary>
/// Writes a <see cref="Figure"/> as SVG 1.1, byte for byte the same for the same figure on any machine and in any
/// culture: numbers invariant with two decimals (half away from zero, no "-0.00"), attributes in a fixed order, ids
/// made of the figure's id and the element's index in the figure, no timestamps, LF line ends. Text is written as
/// &lt;text&gt; in <see cref="BundledFont.FamilyStack"/>; its place was measured with the bundled font's metrics.
/// The user unit is the point; the root element says <c>width="…pt"</c>. Stateless and thread-safe.
/// </summary>
public static class SvgWriter
{
    /// <summary>The SVG of <paramref name="figure"/>.</summary>
    /// <param name="figure">The figure.</param>
    /// <returns>The SVG document, without an XML declaration (so it can be inlined in HTML), ending in a line feed.</returns>
    /// <exception cref="ArgumentException">The figure's id or size is invalid, or a coordinate is not finite.</exception>
    public static string Write(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        figure.Validated();
        var svg = new StringBuilder(16 * 1024);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(N(figure.Width)).Append("pt\" height=\"")
            .Append(N(figure.Height)).Append("pt\" viewBox=\"0 0 ").Append(N(figure.Width)).Append(' ').Append(N(figure.Height))
            .Append("\" font-family=\"").Append(BundledFont.FamilyStack).Append("\" role=\"img\" aria-labelledby=\"")
            .Append(figure.Id).Append("-title\">\n");
        svg.Append("<title id=\"").Append(figure.Id).Append("-title\">").Append(Escape(figure.Title)).Append("</title>\n");
        if (figure.Description is { Length: > 0 } description)
        {
            svg.Append("<desc>").Append(Escape(description)).Append("</desc>\n");
        }

        WriteClipPaths(svg, figure);
        svg.Append("<rect x=\"0.00\" y=\"0.00\" width=\"").Append(N(figure.Width)).Append("\" height=\"").Append(N(figure.Height))
            .Append("\" fill=\"#FFFFFF\"/>\n");
        for (int i = 0; i < figure.Elements.Count; i++)
        {
            switch (figure.Elements[i])
            {
                case Panel panel:
                    WritePanel(svg, figure.Id, i, panel);
                    break;
                case Axis axis:
                    WriteAxis(svg, axis);
                    break;
                case TextElement text:
                    WriteTextElement(svg, text);
                    break;
                case BoxElement box:
                    WriteBox(svg, box);
                    break;
                case PolylineElement line:
                    WritePolyline(svg, line.Points, line.Stroke, line.Head, line.HeadSize);
                    break;
                case RectElement rect:
                    WriteRect(svg, rect.Bounds, rect.Fill, rect.Stroke);
                    break;
                case LegendElement legend:
                    WriteLegend(svg, legend);
                    break;
                default:
                    throw new ArgumentException($"Argument 'figure' has an element of type {figure.Elements[i].GetType().Name}, which the SVG writer does not know.", nameof(figure));
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>A number as the writer writes it: invariant, two decimals, half away from zero, "0.00" for −0.</summary>
    /// <param name="value">A finite number.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The number is NaN or infinite.</exception>
    public static string N(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Argument 'value' must be a finite coordinate, but it is {value.ToString(CultureInfo.InvariantCulture)}; a figure builder let a missing value through.", nameof(value));
        }

        double rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("F2", CultureInfo.InvariantCulture);
    }

    /// <summary>The baseline y of text whose anchor y is <paramref name="y"/>.</summary>
    /// <param name="y">The anchor y.</param>
    /// <param name="baseline">Where y lies on the text.</param>
    /// <param name="size">Font size in points.</param>
    /// <param name="weight">Regular or Bold.</param>
    /// <returns>The baseline's y in points.</returns>
    public static double BaselineY(double y, TextBaseline baseline, double size, FontWeight weight) => baseline switch
    {
        TextBaseline.Middle => y + (TextMeasure.CapHeight(size, weight) / 2),
        TextBaseline.Top => y + TextMeasure.CapHeight(size, weight),
        _ => y,
    };

    private static void WriteClipPaths(StringBuilder svg, Figure figure)
    {
        bool any = false;
        for (int i = 0; i < figure.Elements.Count; i++)
        {
            if (figure.Elements[i] is not Panel { ClipMargin: { } margin } panel)
            {
                continue;
            }

            if (!any)
            {
                svg.Append("<defs>\n");
                any = true;
            }

            var clip = panel.Bounds.Inflate(margin);
            svg.Append("<clipPath id=\"").Append(ClipId(figure.Id, i)).Append("\"><rect x=\"").Append(N(clip.X)).Append("\" y=\"").Append(N(clip.Y))
                .Append("\" width=\"").Append(N(clip.Width)).Append("\" height=\"").Append(N(clip.Height)).Append("\"/></clipPath>\n");
        }

        if (any)
        {
            svg.Append("</defs>\n");
        }
    }

    private static string ClipId(string figureId, int index) => string.Create(CultureInfo.InvariantCulture, $"{figureId}-clip-{index}");

    private static void WritePanel(StringBuilder svg, string figureId, int index, Panel panel)
    {
        svg.Append(panel.ClipMargin is null ? "<g>\n" : $"<g clip-path=\"url(#{ClipId(figureId, index)})\">\n");
        foreach (var mark in panel.Marks)
        {
            switch (mark)
            {
                case LineMark line:
                    WriteLine(svg, panel, line);
                    break;
                case PolygonMark polygon when polygon.Points.Count >= 3:
                    svg.Append("<path d=\"");
                    for (int k = 0; k < polygon.Points.Count; k++)
                    {
                        svg.Append(k == 0 ? "M" : " L").Append(N(panel.MapX(polygon.Points[k].X))).Append(' ').Append(N(panel.MapY(polygon.Points[k].Y)));
                    }

                    svg.Append(" Z\"");
                    FillAttributes(svg, polygon.Fill);
                    svg.Append(" stroke=\"none\"/>\n");
                    break;
                case PointsMark points:
                    foreach (var p in points.Points)
                    {
                        WriteMarker(svg, panel.MapX(p.X), panel.MapY(p.Y) + points.OffsetY, points.Shape, points.Size, points.Fill, points.Stroke);
                    }

                    break;
                case RectMark rect:
                    double x0 = panel.MapX(rect.X0), x1 = panel.MapX(rect.X1), y0 = panel.MapY(rect.Y0), y1 = panel.MapY(rect.Y1);
                    WriteRect(svg, new FigureRect(Math.Min(x0, x1), Math.Min(y0, y1), Math.Abs(x1 - x0), Math.Abs(y1 - y0)), rect.Fill, rect.Stroke);
                    break;
                case RuleMark rule:
                    var b = panel.Bounds;
                    FigurePoint from = rule.Orientation == RuleOrientation.Horizontal
                        ? new(b.X, panel.MapY(rule.Value)) : new(panel.MapX(rule.Value), b.Y);
                    FigurePoint to = rule.Orientation == RuleOrientation.Horizontal
                        ? new(b.Right, panel.MapY(rule.Value)) : new(panel.MapX(rule.Value), b.Bottom);
                    WritePolyline(svg, [from, to], rule.Stroke, ArrowHead.None, 0);
                    break;
                case SegmentMark segment:
                    WritePolyline(
                        svg,
                        [new(panel.MapX(segment.From.X), panel.MapY(segment.From.Y)), new(panel.MapX(segment.To.X), panel.MapY(segment.To.Y))],
                        segment.Stroke,
                        segment.Head,
                        segment.HeadSize);
                    break;
                case TextMark text:
                    WriteText(svg, panel.MapX(text.Position.X) + text.OffsetX, panel.MapY(text.Position.Y) + text.OffsetY, text.Text, text.Style, text.Anchor, text.Baseline, 0);
                    break;
            }
        }

        svg.Append("</g>\n");
    }

    private static void WriteLine(StringBuilder svg, Panel panel, LineMark line)
    {
        if (line.Points.Count < 2)
        {
            return;
        }

        svg.Append("<path d=\"M").Append(N(panel.MapX(line.Points[0].X))).Append(' ').Append(N(panel.MapY(line.Points[0].Y)));
        for (int k = 1; k < line.Points.Count; k++)
        {
            var p = line.Points[k];
            if (line.Interpolation == LineInterpolation.StepAfter)
            {
                svg.Append(" H").Append(N(panel.MapX(p.X))).Append(" V").Append(N(panel.MapY(p.Y)));
            }
            else
            {
                svg.Append(" L").Append(N(panel.MapX(p.X))).Append(' ').Append(N(panel.MapY(p.Y)));
            }
        }

        svg.Append("\" fill=\"none\"");
        StrokeAttributes(svg, line.Stroke);
        svg.Append(" stroke-linejoin=\"round\"/>\n");
    }

    private static void WriteAxis(StringBuilder svg, Axis axis)
    {
        var b = axis.Panel.Bounds;
        svg.Append("<g>\n");
        var path = new StringBuilder();
        if (axis.ShowLine)
        {
            path.Append(axis.Side == AxisSide.Bottom
                ? $"M{N(b.X)} {N(b.Bottom)} H{N(b.Right)}"
                : $"M{N(b.X)} {N(b.Y)} V{N(b.Bottom)}");
        }

        if (axis.TickLength > 0)
        {
            foreach (var tick in axis.Ticks)
            {
                double at = axis.Position(tick);
                path.Append(path.Length > 0 ? " " : string.Empty).Append(axis.Side == AxisSide.Bottom
                    ? $"M{N(at)} {N(b.Bottom)} V{N(b.Bottom + axis.TickLength)}"
                    : $"M{N(b.X)} {N(at)} H{N(b.X - axis.TickLength)}");
            }
        }

        if (path.Length > 0)
        {
            svg.Append("<path d=\"").Append(path).Append("\" fill=\"none\"");
            StrokeAttributes(svg, axis.Line);
            svg.Append("/>\n");
        }

        double reach = Math.Max(axis.TickLength, 0) + Axis.LabelGap;
        foreach (var tick in axis.Ticks)
        {
            if (tick.Label.Length == 0)
            {
                continue;
            }

            double at = axis.Position(tick);
            if (axis.Side == AxisSide.Bottom)
            {
                WriteText(svg, at, b.Bottom + reach, tick.Label, axis.LabelStyle, TextAnchor.Middle, TextBaseline.Top, 0);
            }
            else
            {
                WriteText(svg, b.X - reach, at, tick.Label, axis.LabelStyle, TextAnchor.End, TextBaseline.Middle, 0);
            }
        }

        if (axis.Title.Length > 0)
        {
            if (axis.Side == AxisSide.Bottom)
            {
                WriteText(svg, b.CenterX, b.Bottom + axis.TitleOffset, axis.Title, axis.TitleStyle, TextAnchor.Middle, TextBaseline.Top, 0);
            }
            else
            {
                // Rotated −90°: the text's "top" faces left, so the baseline sits TitleOffset + cap height left of the axis.
                double x = b.X - axis.TitleOffset - TextMeasure.CapHeight(axis.TitleStyle.Size, axis.TitleStyle.Weight);
                WriteText(svg, x, b.CenterY, axis.Title, axis.TitleStyle, TextAnchor.Middle, TextBaseline.Alphabetic, -90);
            }
        }

        svg.Append("</g>\n");
    }

    private static void WriteTextElement(StringBuilder svg, TextElement text)
    {
        double y = text.Y;
        foreach (string line in text.Lines)
        {
            if (line.Length > 0)
            {
                WriteText(svg, text.X, y, line, text.Style, text.Anchor, text.Baseline, text.Rotation);
            }

            y += text.EffectiveLineHeight;
        }
    }

    private static void WriteBox(StringBuilder svg, BoxElement box)
    {
        WriteRect(svg, box.Bounds, box.Fill, box.Border);
        double lineHeight = BoxElement.LineHeightFor(box.Size);
        double ascent = TextMeasure.Ascent(box.Size), descent = TextMeasure.Descent(box.Size);
        double baseline = box.Bounds.Y + box.Padding + ((lineHeight - (ascent + descent)) / 2) + ascent;
        foreach (var line in box.Lines)
        {
            var style = new TextStyle(box.Size, line.Weight, box.Color);
            double x = box.Align == TextAnchor.Middle ? box.Bounds.CenterX : box.Bounds.X + box.Padding + line.Indent;
            if (line.Text.Length > 0)
            {
                WriteText(svg, x, baseline, line.Text, style, box.Align == TextAnchor.Middle ? TextAnchor.Middle : TextAnchor.Start, TextBaseline.Alphabetic, 0);
            }

            baseline += lineHeight;
        }
    }

    private static void WriteLegend(StringBuilder svg, LegendElement legend)
    {
        svg.Append("<g>\n");
        var rows = legend.Rows();
        for (int r = 0; r < rows.Count; r++)
        {
            double centerY = legend.Y + (r * legend.RowHeight) + (legend.RowHeight / 2);
            if (r == 0 && legend.Title is { } title)
            {
                WriteText(svg, legend.X, centerY, title, legend.Style with { Weight = FontWeight.Bold }, TextAnchor.Start, TextBaseline.Middle, 0);
            }

            foreach (var (entry, offset) in rows[r])
            {
                double x = legend.X + offset;
                double size = legend.Style.Size;
                switch (entry.Key)
                {
                    case LineKey line:
                        WritePolyline(svg, [new(x, centerY), new(x + LegendElement.KeyWidth, centerY)], line.Stroke, ArrowHead.None, 0);
                        break;
                    case MarkerKey marker:
                        WriteMarker(svg, x + (LegendElement.KeyWidth / 2), centerY, marker.Shape, size * 0.8, marker.Fill, marker.Stroke);
                        break;
                    case SwatchKey swatch:
                        double side = size * 0.9;
                        WriteRect(svg, new FigureRect(x + ((LegendElement.KeyWidth - side) / 2), centerY - (side / 2), side, side), swatch.Fill, swatch.Stroke);
                        break;
                    case ArrowKey arrow:
                        WritePolyline(svg, [new(x, centerY), new(x + LegendElement.KeyWidth, centerY)], arrow.Stroke, ArrowHead.End, size * 0.5);
                        break;
                }

                WriteText(svg, x + LegendElement.KeyWidth + LegendElement.KeyGap, centerY, entry.Label, legend.Style, TextAnchor.Start, TextBaseline.Middle, 0);
            }
        }

        svg.Append("</g>\n");
    }

    private static void WriteText(StringBuilder svg, double x, double y, string text, TextStyle style, TextAnchor anchor, TextBaseline baseline, double rotation)
    {
        double baselineY = BaselineY(y, baseline, style.Size, style.Weight);
        svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(baselineY)).Append('"');
        if (rotation != 0)
        {
            svg.Append(" transform=\"rotate(").Append(N(rotation)).Append(' ').Append(N(x)).Append(' ').Append(N(baselineY)).Append(")\"");
        }

        if (anchor != TextAnchor.Start)
        {
            svg.Append(" text-anchor=\"").Append(anchor == TextAnchor.Middle ? "middle" : "end").Append('"');
        }

        svg.Append(" font-size=\"").Append(N(style.Size)).Append('"');
        if (style.Weight == FontWeight.Bold)
        {
            svg.Append(" font-weight=\"bold\"");
        }

        if (style.Color != Rgb.Black)
        {
            svg.Append(" fill=\"").Append(style.Color.ToString()).Append('"');
        }

        svg.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    private static void WriteRect(StringBuilder svg, FigureRect rect, Fill fill, Stroke? stroke)
    {
        svg.Append("<rect x=\"").Append(N(rect.X)).Append("\" y=\"").Append(N(rect.Y)).Append("\" width=\"").Append(N(rect.Width))
            .Append("\" height=\"").Append(N(rect.Height)).Append('"');
        FillAttributes(svg, fill);
        if (stroke is not null)
        {
            StrokeAttributes(svg, stroke);
        }

        svg.Append("/>\n");
    }

    private static void WritePolyline(StringBuilder svg, IReadOnlyList<FigurePoint> points, Stroke stroke, ArrowHead head, double headSize)
    {
        if (points.Count < 2)
        {
            return;
        }

        var last = points[^1];
        var shaft = points.ToList();
        (FigurePoint Tip, FigurePoint Left, FigurePoint Right)? arrow = null;
        if (head == ArrowHead.End)
        {
            var before = points[^2];
            double dx = last.X - before.X, dy = last.Y - before.Y, length = Math.Sqrt((dx * dx) + (dy * dy));
            if (length > 0)
            {
                double ux = dx / length, uy = dy / length, size = Math.Min(headSize, length);
                var back = new FigurePoint(last.X - (ux * size), last.Y - (uy * size));
                shaft[^1] = back;
                arrow = (last, new(back.X - (uy * size * 0.45), back.Y + (ux * size * 0.45)), new(back.X + (uy * size * 0.45), back.Y - (ux * size * 0.45)));
            }
        }

        svg.Append("<path d=\"M").Append(N(shaft[0].X)).Append(' ').Append(N(shaft[0].Y));
        for (int k = 1; k < shaft.Count; k++)
        {
            svg.Append(" L").Append(N(shaft[k].X)).Append(' ').Append(N(shaft[k].Y));
        }

        svg.Append("\" fill=\"none\"");
        StrokeAttributes(svg, stroke);
        svg.Append("/>\n");
        if (arrow is { } a)
        {
            svg.Append("<path d=\"M").Append(N(a.Tip.X)).Append(' ').Append(N(a.Tip.Y)).Append(" L").Append(N(a.Left.X)).Append(' ').Append(N(a.Left.Y))
                .Append(" L").Append(N(a.Right.X)).Append(' ').Append(N(a.Right.Y)).Append(" Z\" fill=\"").Append(stroke.Color.ToString()).Append("\" stroke=\"none\"/>\n");
        }
    }

    /// <summary>Unit five-pointed star (outer radius 1, inner 0.382), from the top, clockwise; constants so no trigonometry enters the bytes.</summary>
    private static readonly double[] Star =
    [
        0, -1, 0.2245, -0.3090, 0.9511, -0.3090, 0.3633, 0.1180, 0.5878, 0.8090,
        0, 0.3820, -0.5878, 0.8090, -0.3633, 0.1180, -0.9511, -0.3090, -0.2245, -0.3090,
    ];

    private static void WriteMarker(StringBuilder svg, double cx, double cy, MarkerShape shape, double size, Fill? fill, Stroke? stroke)
    {
        double r = size / 2;
        switch (shape)
        {
            case MarkerShape.Circle:
                svg.Append("<circle cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(cy)).Append("\" r=\"").Append(N(r)).Append('"');
                break;
            case MarkerShape.Plus:
                svg.Append("<path d=\"M").Append(N(cx - r)).Append(' ').Append(N(cy)).Append(" H").Append(N(cx + r)).Append(" M").Append(N(cx)).Append(' ')
                    .Append(N(cy - r)).Append(" V").Append(N(cy + r)).Append('"');
                fill = null;
                break;
            case MarkerShape.Cross:
                double c = r * 0.8;
                svg.Append("<path d=\"M").Append(N(cx - c)).Append(' ').Append(N(cy - c)).Append(" L").Append(N(cx + c)).Append(' ').Append(N(cy + c))
                    .Append(" M").Append(N(cx - c)).Append(' ').Append(N(cy + c)).Append(" L").Append(N(cx + c)).Append(' ').Append(N(cy - c)).Append('"');
                fill = null;
                break;
            case MarkerShape.Square:
                double h = r * 0.85;
                svg.Append("<rect x=\"").Append(N(cx - h)).Append("\" y=\"").Append(N(cy - h)).Append("\" width=\"").Append(N(2 * h)).Append("\" height=\"")
                    .Append(N(2 * h)).Append('"');
                break;
            default:
                double[] unit = shape switch
                {
                    MarkerShape.Triangle => [0, -1, 1, 0.8, -1, 0.8],
                    MarkerShape.Diamond => [0, -1, 1, 0, 0, 1, -1, 0],
                    _ => Star,
                };
                double scale = shape == MarkerShape.Star ? r * 1.15 : r, shift = shape == MarkerShape.Triangle ? r * 0.1 : 0;
                svg.Append("<path d=\"");
                for (int k = 0; k < unit.Length; k += 2)
                {
                    svg.Append(k == 0 ? "M" : " L").Append(N(cx + (unit[k] * scale))).Append(' ').Append(N(cy + (unit[k + 1] * scale) + shift));
                }

                svg.Append(" Z\"");
                break;
        }

        if (fill is null)
        {
            svg.Append(" fill=\"none\"");
        }
        else
        {
            FillAttributes(svg, fill);
        }

        if (stroke is null)
        {
            svg.Append(" stroke=\"none\"");
        }
        else
        {
            StrokeAttributes(svg, stroke);
        }

        svg.Append("/>\n");
    }

    private static void FillAttributes(StringBuilder svg, Fill fill)
    {
        svg.Append(" fill=\"").Append(fill.Color.ToString()).Append('"');
        if (fill.Opacity < 1)
        {
            svg.Append(" fill-opacity=\"").Append(N(fill.Opacity)).Append('"');
        }
    }

    private static void StrokeAttributes(StringBuilder svg, Stroke stroke)
    {
        svg.Append(" stroke=\"").Append(stroke.Color.ToString()).Append("\" stroke-width=\"").Append(N(stroke.Width)).Append('"');
        if (stroke.Dash != LineDash.Solid)
        {
            double w = Math.Max(stroke.Width, 0.5);
            svg.Append(" stroke-dasharray=\"").Append(stroke.Dash == LineDash.Dashed ? $"{N(4 * w)} {N(3 * w)}" : $"{N(w)} {N(2 * w)}").Append('"');
        }
    }

    /// <summary>XML text escaping of &amp;, &lt;, &gt; and ".</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
