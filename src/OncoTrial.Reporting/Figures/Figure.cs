using System.Text.RegularExpressions;

namespace OncoTrial.Reporting.Figures;

/// <summary>
/// A figure: a canvas of <see cref="Width"/> × <see cref="Height"/> points and the elements drawn on it, in order.
/// One layout for every back end: <see cref="SvgWriter"/> writes it, <see cref="PngRenderer"/> rasterises that SVG,
/// HTML and DOCX embed either. Immutable; thread-safe.
/// </summary>
/// <param name="Id">A name of lower-case letters, digits and hyphens (e.g. <c>km-pfs</c>); prefixes every id in the SVG so
/// several figures can share one page.</param>
/// <param name="Width">Width in points (1/72 inch), &gt; 0.</param>
/// <param name="Height">Height in points, &gt; 0.</param>
/// <param name="Elements">What is drawn, back to front.</param>
/// <param name="Title">The figure's title for screen readers and the SVG &lt;title&gt; (not drawn; the caption is the document's).</param>
/// <param name="Description">A longer description for the SVG &lt;desc&gt;, or null.</param>
public sealed partial record Figure(string Id, double Width, double Height, IReadOnlyList<FigureElement> Elements, string Title, string? Description = null)
{
    /// <summary>The panels of the figure, in drawing order.</summary>
    public IEnumerable<Panel> Panels => Elements.OfType<Panel>();

    /// <summary>Checks the id and the size.</summary>
    /// <returns>This figure.</returns>
    /// <exception cref="ArgumentException">The id has other characters than a-z, 0-9 and '-', or a size is not positive.</exception>
    public Figure Validated()
    {
        if (!IdPattern().IsMatch(Id))
        {
            throw new ArgumentException($"Argument 'Id' must be lower-case letters, digits and hyphens, starting with a letter, but it is \"{Id}\".", nameof(Id));
        }

        if (!(Width > 0) || !(Height > 0))
        {
            throw new ArgumentException($"Argument 'Width' and 'Height' must be > 0 points, but they are {Width} and {Height}.", nameof(Width));
        }

        return this;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}

/// <summary>Something drawn on a figure, in figure points (y down from the top-left corner).</summary>
public abstract record FigureElement;

/// <summary>
/// A plotting area: a rectangle of the figure with an x and a y <see cref="Scale"/>, and marks in data coordinates.
/// Two panels with the same <see cref="X"/> scale and the same horizontal bounds place a value at the same x, which is
/// how the numbers at risk sit under the ticks of the curve above them.
/// </summary>
/// <param name="Bounds">The data area in figure points.</param>
/// <param name="X">The horizontal scale (fraction 0 at the left edge).</param>
/// <param name="Y">The vertical scale (fraction 0 at the bottom edge).</param>
/// <param name="Marks">The marks, back to front.</param>
/// <param name="ClipMargin">Marks are clipped to the bounds grown by this many points (a censor mark at S = 1 stays whole);
/// null draws without clipping (tables of text).</param>
public sealed record Panel(FigureRect Bounds, Scale X, Scale Y, IReadOnlyList<Mark> Marks, double? ClipMargin = 4) : FigureElement
{
    /// <summary>The figure x of a data x.</summary>
    /// <param name="x">A data value on the x scale.</param>
    /// <returns>Points from the figure's left edge.</returns>
    public double MapX(double x) => Bounds.X + (X.Fraction(x) * Bounds.Width);

    /// <summary>The figure y of a data y (y grows upwards in data, downwards in the figure).</summary>
    /// <param name="y">A data value on the y scale.</param>
    /// <returns>Points from the figure's top edge.</returns>
    public double MapY(double y) => Bounds.Bottom - (Y.Fraction(y) * Bounds.Height);
}

/// <summary>Which side of a panel an axis runs along.</summary>
public enum AxisSide
{
    /// <summary>Below the panel, labels under the ticks.</summary>
    Bottom,

    /// <summary>Left of the panel, labels to the left of the ticks.</summary>
    Left,
}

/// <summary>A tick on an axis: a data value and its label.</summary>
/// <param name="Value">The data value on the axis' scale.</param>
/// <param name="Label">The label drawn beside the tick (empty for none).</param>
public sealed record AxisTick(double Value, string Label);

/// <summary>
/// An axis along one side of a panel: the axis line, ticks pointing outwards, tick labels and a title. Ticks are placed by
/// the panel's scale, so they line up with its marks.
/// </summary>
/// <param name="Panel">The panel the axis belongs to (its bounds and scale).</param>
/// <param name="Side">Bottom (the x scale) or left (the y scale).</param>
/// <param name="Ticks">The ticks.</param>
/// <param name="Title">The axis title, or empty.</param>
/// <param name="TitleOffset">Distance in points from the axis line to the title's near edge.</param>
/// <param name="LabelStyle">Tick label style.</param>
/// <param name="TitleStyle">Title style.</param>
/// <param name="Line">The axis line and ticks.</param>
/// <param name="TickLength">Tick length in points (outwards); 0 draws none.</param>
/// <param name="ShowLine">Whether the axis line is drawn.</param>
public sealed record Axis(
    Panel Panel, AxisSide Side, IReadOnlyList<AxisTick> Ticks, string Title, double TitleOffset, TextStyle LabelStyle, TextStyle TitleStyle,
    Stroke Line, double TickLength = 4, bool ShowLine = true) : FigureElement
{
    /// <summary>The gap in points between a tick's end and its label.</summary>
    public const double LabelGap = 2.5;

    /// <summary>The figure coordinate (x for a bottom axis, y for a left axis) of a tick.</summary>
    /// <param name="tick">A tick of this axis.</param>
    /// <returns>Points from the figure's left (bottom axis) or top (left axis) edge.</returns>
    public double Position(AxisTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        return Side == AxisSide.Bottom ? Panel.MapX(tick.Value) : Panel.MapY(tick.Value);
    }
}

/// <summary>Text placed in figure points (titles, notes, table headings), one line or several.</summary>
/// <param name="X">Anchor x.</param>
/// <param name="Y">Anchor y of the first line.</param>
/// <param name="Lines">The lines, drawn one under the other at <paramref name="LineHeight"/>.</param>
/// <param name="Style">Size, weight and colour.</param>
/// <param name="Anchor">Where x lies on each line.</param>
/// <param name="Baseline">Where y lies on the first line.</param>
/// <param name="LineHeight">Distance between baselines in points (0: 1.2 × the font size).</param>
/// <param name="Rotation">Degrees clockwise about (x, y); −90 for a y-axis title.</param>
public sealed record TextElement(
    double X, double Y, IReadOnlyList<string> Lines, TextStyle Style, TextAnchor Anchor = TextAnchor.Start,
    TextBaseline Baseline = TextBaseline.Alphabetic, double LineHeight = 0, double Rotation = 0) : FigureElement
{
    /// <summary>The distance between baselines that is used.</summary>
    public double EffectiveLineHeight => LineHeight > 0 ? LineHeight : Style.Size * 1.2;
}

/// <summary>A line of text in a <see cref="BoxElement"/>.</summary>
/// <param name="Text">The text.</param>
/// <param name="Weight">Regular or Bold.</param>
/// <param name="Indent">Points from the box's inner left edge (for a wrapped reason under its bullet).</param>
public sealed record BoxLine(string Text, FontWeight Weight = FontWeight.Regular, double Indent = 0);

/// <summary>A box with lines of text (a CONSORT box); the lines are already wrapped to the box's inner width.</summary>
/// <param name="Bounds">The box in figure points.</param>
/// <param name="Lines">The lines, top to bottom.</param>
/// <param name="Size">Font size in points.</param>
/// <param name="Color">Text colour.</param>
/// <param name="Fill">The box's fill.</param>
/// <param name="Border">The box's outline.</param>
/// <param name="Padding">Inner padding in points.</param>
/// <param name="Align">Start (left-aligned lines) or Middle (centred lines).</param>
public sealed record BoxElement(
    FigureRect Bounds, IReadOnlyList<BoxLine> Lines, double Size, Rgb Color, Fill Fill, Stroke Border, double Padding, TextAnchor Align) : FigureElement
{
    /// <summary>Distance between baselines: 1.25 × the font size.</summary>
    /// <param name="size">Font size in points.</param>
    /// <returns>The line height in points.</returns>
    public static double LineHeightFor(double size) => size * 1.25;

    /// <summary>The height a box needs for <paramref name="lineCount"/> lines.</summary>
    /// <param name="lineCount">Number of lines.</param>
    /// <param name="size">Font size in points.</param>
    /// <param name="padding">Inner padding in points.</param>
    /// <returns>The height in points.</returns>
    public static double HeightFor(int lineCount, double size, double padding) => (2 * padding) + (lineCount * LineHeightFor(size));
}

/// <summary>A line through figure points, optionally ending in an arrow head (a connector of a flow diagram, a table rule).</summary>
/// <param name="Points">The points, at least two.</param>
/// <param name="Stroke">How the line is drawn.</param>
/// <param name="Head">An arrow head at the last point, or none.</param>
/// <param name="HeadSize">Length of the head in points.</param>
public sealed record PolylineElement(IReadOnlyList<FigurePoint> Points, Stroke Stroke, ArrowHead Head = ArrowHead.None, double HeadSize = 6) : FigureElement;

/// <summary>A filled rectangle in figure points (a zebra stripe behind a table row, a background).</summary>
/// <param name="Bounds">The rectangle.</param>
/// <param name="Fill">How it is filled.</param>
/// <param name="Stroke">Its outline, or null.</param>
public sealed record RectElement(FigureRect Bounds, Fill Fill, Stroke? Stroke = null) : FigureElement;

/// <summary>What a legend entry shows beside its label.</summary>
public abstract record LegendKey;

/// <summary>A short line (a curve's colour and dash).</summary>
/// <param name="Stroke">The line.</param>
public sealed record LineKey(Stroke Stroke) : LegendKey;

/// <summary>A marker.</summary>
/// <param name="Shape">Its shape.</param>
/// <param name="Fill">Its fill, or null.</param>
/// <param name="Stroke">Its outline, or null.</param>
public sealed record MarkerKey(MarkerShape Shape, Fill? Fill, Stroke? Stroke) : LegendKey;

/// <summary>A filled square (a bar colour, a tile).</summary>
/// <param name="Fill">The fill.</param>
/// <param name="Stroke">Its outline, or null.</param>
public sealed record SwatchKey(Fill Fill, Stroke? Stroke = null) : LegendKey;

/// <summary>An arrow (ongoing at the cut-off).</summary>
/// <param name="Stroke">The arrow's line.</param>
public sealed record ArrowKey(Stroke Stroke) : LegendKey;

/// <summary>A legend entry.</summary>
/// <param name="Key">The key drawn at the left.</param>
/// <param name="Label">The label.</param>
public sealed record LegendEntry(LegendKey Key, string Label);

/// <summary>
/// A legend: entries in a row that wraps to <see cref="MaxWidth"/> (or one per line), each a key 16 points wide and its label.
/// Its size is measured with the bundled font (<see cref="Measure"/>), so a layout can reserve room for it.
/// </summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Entries">The entries.</param>
/// <param name="Style">Label style.</param>
/// <param name="MaxWidth">Widest a row may be; entries wrap onto a new row beyond it. 0 puts one entry per row.</param>
/// <param name="Title">A bold title before the entries (on the same row), or null.</param>
public sealed record LegendElement(double X, double Y, IReadOnlyList<LegendEntry> Entries, TextStyle Style, double MaxWidth, string? Title = null) : FigureElement
{
    /// <summary>Width of a key in points.</summary>
    public const double KeyWidth = 16;

    /// <summary>Gap between a key and its label, and after a title.</summary>
    public const double KeyGap = 4;

    /// <summary>Gap between entries on a row.</summary>
    public const double EntryGap = 12;

    /// <summary>Height of a row: 1.5 × the font size.</summary>
    public double RowHeight => Style.Size * 1.5;

    /// <summary>The rows of entries and the x offset of each entry from <see cref="X"/>.</summary>
    /// <returns>One list per row of (entry, x offset).</returns>
    public IReadOnlyList<IReadOnlyList<(LegendEntry Entry, double Offset)>> Rows()
    {
        var rows = new List<IReadOnlyList<(LegendEntry, double)>>();
        var row = new List<(LegendEntry, double)>();
        double start = Title is null ? 0 : TextMeasure.Width(Title, Style.Size, FontWeight.Bold) + EntryGap;
        double x = start;
        foreach (var entry in Entries)
        {
            double width = EntryWidth(entry);
            if (row.Count > 0 && (MaxWidth <= 0 || x + width > MaxWidth))
            {
                rows.Add(row);
                row = [];
                x = start;
            }

            row.Add((entry, x));
            x += width + EntryGap;
        }

        if (row.Count > 0)
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The legend's size in points.</summary>
    /// <returns>Width and height.</returns>
    public (double Width, double Height) Measure()
    {
        var rows = Rows();
        double width = 0;
        foreach (var row in rows)
        {
            var (entry, offset) = row[^1];
            width = Math.Max(width, offset + EntryWidth(entry));
        }

        return (width, rows.Count * RowHeight);
    }

    private double EntryWidth(LegendEntry entry) => KeyWidth + KeyGap + Style.Measure(entry.Label);
}
