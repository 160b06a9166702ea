namespace OncoTrial.Reporting.Figures;

/// <summary>A mark drawn in the data coordinates of a <see cref="Panel"/>; the panel's scales place it.</summary>
public abstract record Mark;

/// <summary>How a <see cref="LineMark"/> joins its points.</summary>
public enum LineInterpolation
{
    /// <summary>Straight segments from point to point.</summary>
    Linear,

    /// <summary>A step function: across to the next x, then up or down to its y (a survival curve; R <c>type = "s"</c>).</summary>
    StepAfter,
}

/// <summary>A line through points in data coordinates.</summary>
/// <param name="Points">The points, in drawing order (at least two to show anything).</param>
/// <param name="Stroke">How the line is drawn.</param>
/// <param name="Interpolation">Straight segments or steps.</param>
public sealed record LineMark(IReadOnlyList<FigurePoint> Points, Stroke Stroke, LineInterpolation Interpolation = LineInterpolation.Linear) : Mark;

/// <summary>A filled polygon in data coordinates (a confidence band).</summary>
/// <param name="Points">The corners, in order; the polygon closes itself.</param>
/// <param name="Fill">How it is filled.</param>
public sealed record PolygonMark(IReadOnlyList<FigurePoint> Points, Fill Fill) : Mark;

/// <summary>Point markers at data coordinates (censor marks, response markers).</summary>
/// <param name="Points">Where the markers are centred.</param>
/// <param name="Shape">The marker's shape.</param>
/// <param name="Size">The marker's width in points.</param>
/// <param name="Fill">How a closed shape is filled (null: hollow); ignored for <see cref="MarkerShape.Plus"/> and <see cref="MarkerShape.Cross"/>.</param>
/// <param name="Stroke">The outline, or the lines of a plus or cross (null: none).</param>
/// <param name="OffsetY">A shift in points, negative upwards, applied after placing (a marker above a bar).</param>
public sealed record PointsMark(IReadOnlyList<FigurePoint> Points, MarkerShape Shape, double Size, Fill? Fill, Stroke? Stroke, double OffsetY = 0) : Mark;

/// <summary>A rectangle between two data corners (a bar, a lane segment, an annotation tile).</summary>
/// <param name="X0">One x edge.</param>
/// <param name="Y0">One y edge.</param>
/// <param name="X1">The other x edge.</param>
/// <param name="Y1">The other y edge.</param>
/// <param name="Fill">How it is filled.</param>
/// <param name="Stroke">The outline, or null.</param>
public sealed record RectMark(double X0, double Y0, double X1, double Y1, Fill Fill, Stroke? Stroke = null) : Mark;

/// <summary>Which way a <see cref="RuleMark"/> runs.</summary>
public enum RuleOrientation
{
    /// <summary>A horizontal line at a y value, across the panel.</summary>
    Horizontal,

    /// <summary>A vertical line at an x value, across the panel.</summary>
    Vertical,
}

/// <summary>A reference line across the whole panel at a data value (−30% and +20% lines, HR = 1).</summary>
/// <param name="Orientation">Horizontal (at a y value) or vertical (at an x value).</param>
/// <param name="Value">The data value.</param>
/// <param name="Stroke">How the line is drawn.</param>
public sealed record RuleMark(RuleOrientation Orientation, double Value, Stroke Stroke) : Mark;

/// <summary>A segment between data points, with an optional arrow head at its end (ongoing treatment, a CI cut at the axis).</summary>
/// <param name="From">Start.</param>
/// <param name="To">End.</param>
/// <param name="Stroke">How the line is drawn.</param>
/// <param name="Head">An arrow head at <paramref name="To"/>, or none.</param>
/// <param name="HeadSize">Length of the head in points.</param>
public sealed record SegmentMark(FigurePoint From, FigurePoint To, Stroke Stroke, ArrowHead Head = ArrowHead.None, double HeadSize = 5) : Mark;

/// <summary>Text at a data position (a count under a tick, a table cell aligned to a panel's row).</summary>
/// <param name="Position">The anchor point in data coordinates.</param>
/// <param name="Text">The text, one line.</param>
/// <param name="Style">Size, weight and colour.</param>
/// <param name="Anchor">Where x lies on the text.</param>
/// <param name="Baseline">Where y lies on the text.</param>
/// <param name="OffsetX">A shift in points after placing (positive to the right).</param>
/// <param name="OffsetY">A shift in points after placing (positive downwards).</param>
public sealed record TextMark(
    FigurePoint Position, string Text, TextStyle Style, TextAnchor Anchor = TextAnchor.Middle, TextBaseline Baseline = TextBaseline.Middle,
    double OffsetX = 0, double OffsetY = 0) : Mark;
