using System.Globalization;

namespace OncoTrial.Reporting.Figures;

/// <summary>An opaque sRGB colour, written as <c>#RRGGBB</c>.</summary>
/// <param name="R">Red, 0-255.</param>
/// <param name="G">Green, 0-255.</param>
/// <param name="B">Blue, 0-255.</param>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>Black.</summary>
    public static Rgb Black => new(0, 0, 0);

    /// <summary>White.</summary>
    public static Rgb White => new(255, 255, 255);

    /// <summary>Reads <c>#RRGGBB</c> (the hash optional).</summary>
    /// <param name="hex">Six hexadecimal digits, optionally after a '#'.</param>
    /// <returns>The colour.</returns>
    /// <exception cref="FormatException">The text is not six hexadecimal digits.</exception>
    public static Rgb FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        string digits = hex.StartsWith('#') ? hex[1..] : hex;
        return digits.Length == 6 && int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int value)
            ? new Rgb((byte)(value >> 16), (byte)(value >> 8), (byte)value)
            : throw new FormatException($"Argument 'hex' must be a colour as #RRGGBB, but it is \"{hex}\".");
    }

    /// <summary>The colour as <c>#RRGGBB</c> in upper case.</summary>
    /// <returns>The hexadecimal form.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");
}

/// <summary>The dash pattern of a stroke, scaled by the stroke width.</summary>
public enum LineDash
{
    /// <summary>A continuous line.</summary>
    Solid,

    /// <summary>Dashes of 4 and gaps of 3 stroke widths (ggplot2 "dashed"; SAS PATTERN=DASH).</summary>
    Dashed,

    /// <summary>Dots of 1 and gaps of 2 stroke widths (ggplot2 "dotted").</summary>
    Dotted,
}

/// <summary>How a line is drawn.</summary>
/// <param name="Color">The colour.</param>
/// <param name="Width">Width in points, &gt; 0.</param>
/// <param name="Dash">Solid, dashed or dotted.</param>
public sealed record Stroke(Rgb Color, double Width = 1, LineDash Dash = LineDash.Solid);

/// <summary>How an area is filled.</summary>
/// <param name="Color">The colour.</param>
/// <param name="Opacity">Opacity, 0 &lt; opacity ≤ 1 (0.2 for a confidence band, as ggsurvfit).</param>
public sealed record Fill(Rgb Color, double Opacity = 1);

/// <summary>Where a text's x coordinate lies on the text (SVG text-anchor).</summary>
public enum TextAnchor
{
    /// <summary>x is the start (left edge) of the text.</summary>
    Start,

    /// <summary>x is the middle of the text.</summary>
    Middle,

    /// <summary>x is the end (right edge) of the text.</summary>
    End,
}

/// <summary>Where a text's y coordinate lies on the text; the writers turn it into the baseline with the font's cap height.</summary>
public enum TextBaseline
{
    /// <summary>y is the baseline.</summary>
    Alphabetic,

    /// <summary>y is the middle of the capital letters (the text is centred on y).</summary>
    Middle,

    /// <summary>y is the top of the capital letters (the text hangs from y).</summary>
    Top,
}

/// <summary>How text is set.</summary>
/// <param name="Size">Font size in points, &gt; 0.</param>
/// <param name="Weight">Regular or Bold.</param>
/// <param name="Color">The colour.</param>
public sealed record TextStyle(double Size, FontWeight Weight, Rgb Color)
{
    /// <summary>Regular black text of <paramref name="size"/> points.</summary>
    /// <param name="size">Font size in points.</param>
    /// <returns>The style.</returns>
    public static TextStyle Plain(double size) => new(size, FontWeight.Regular, Rgb.Black);

    /// <summary>Bold black text of <paramref name="size"/> points.</summary>
    /// <param name="size">Font size in points.</param>
    /// <returns>The style.</returns>
    public static TextStyle Strong(double size) => new(size, FontWeight.Bold, Rgb.Black);

    /// <summary>The width of <paramref name="text"/> in this style, in points.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The width from the bundled font's advance widths.</returns>
    public double Measure(string text) => TextMeasure.Width(text, Size, Weight);
}

/// <summary>The shape of a point marker.</summary>
public enum MarkerShape
{
    /// <summary>"+", stroked: the censor mark of survminer, ggsurvfit (shape 3) and SAS.</summary>
    Plus,

    /// <summary>"×", stroked.</summary>
    Cross,

    /// <summary>A circle.</summary>
    Circle,

    /// <summary>A triangle pointing up.</summary>
    Triangle,

    /// <summary>A five-pointed star.</summary>
    Star,

    /// <summary>A square.</summary>
    Square,

    /// <summary>A diamond (a square on its corner).</summary>
    Diamond,
}

/// <summary>Whether a line ends in an arrow head.</summary>
public enum ArrowHead
{
    /// <summary>No head.</summary>
    None,

    /// <summary>A filled head at the last point.</summary>
    End,
}

/// <summary>A point (in data coordinates on a panel, or in points on the figure).</summary>
/// <param name="X">Horizontal coordinate.</param>
/// <param name="Y">Vertical coordinate.</param>
public readonly record struct FigurePoint(double X, double Y);

/// <summary>A rectangle in figure points, y down from the top-left corner of the figure.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width, ≥ 0.</param>
/// <param name="Height">Height, ≥ 0.</param>
public readonly record struct FigureRect(double X, double Y, double Width, double Height)
{
    /// <summary>The right edge.</summary>
    public double Right => X + Width;

    /// <summary>The bottom edge.</summary>
    public double Bottom => Y + Height;

    /// <summary>The horizontal centre.</summary>
    public double CenterX => X + (Width / 2);

    /// <summary>The vertical centre.</summary>
    public double CenterY => Y + (Height / 2);

    /// <summary>Whether the two rectangles share interior points (touching edges do not count).</summary>
    /// <param name="other">The other rectangle.</param>
    /// <returns>True when they overlap.</returns>
    public bool Overlaps(FigureRect other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    /// <summary>This rectangle grown by <paramref name="margin"/> on every side.</summary>
    /// <param name="margin">The margin in points (negative shrinks).</param>
    /// <returns>The grown rectangle.</returns>
    public FigureRect Inflate(double margin) => new(X - margin, Y - margin, Width + (2 * margin), Height + (2 * margin));
}
