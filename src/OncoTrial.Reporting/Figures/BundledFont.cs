using System.Reflection;

namespace OncoTrial.Reporting.Figures;

/// <summary>The weight of figure text: Liberation Sans Regular or Bold, the two faces that ship with the project.</summary>
public enum FontWeight
{
    /// <summary>Liberation Sans Regular (CSS font-weight 400).</summary>
    Regular,

    /// <summary>Liberation Sans Bold (CSS font-weight 700).</summary>
    Bold,
}

/// <summary>
/// The font every figure is laid out and drawn with: Liberation Sans (metric-compatible with Arial and Helvetica),
/// Regular and Bold, embedded in this assembly under the SIL Open Font License 1.1 (<see cref="License"/>). Text is
/// measured with its advance widths (<see cref="TextMeasure"/>) and the PNG renderer draws with it, so no layout or
/// pixel depends on the fonts of the host. Thread-safe.
/// </summary>
public static class BundledFont
{
    /// <summary>The CSS font-family stack written on every SVG text: the bundled face first, then its metric twins.</summary>
    public const string FamilyStack = "'Liberation Sans', Arial, Helvetica, sans-serif";

    /// <summary>The family name of the bundled face.</summary>
    public const string FamilyName = "Liberation Sans";

    private static readonly Lazy<byte[]> RegularBytes = new(() => ReadResource("LiberationSans-Regular.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => ReadResource("LiberationSans-Bold.ttf"));
    private static readonly Lazy<TrueTypeFont> RegularFont = new(() => TrueTypeFont.Read(RegularBytes.Value));
    private static readonly Lazy<TrueTypeFont> BoldFont = new(() => TrueTypeFont.Read(BoldBytes.Value));
    private static readonly Lazy<string> LicenseText = new(() => System.Text.Encoding.UTF8.GetString(ReadResource("OFL.txt")));

    /// <summary>The SIL Open Font License 1.1 text with the fonts' copyright notices; it travels with every copy of the fonts.</summary>
    public static string License => LicenseText.Value;

    /// <summary>A copy of the TrueType file of <paramref name="weight"/> (for a PNG typeface or an HTML @font-face).</summary>
    /// <param name="weight">Regular or Bold.</param>
    /// <returns>The bytes of LiberationSans-Regular.ttf or LiberationSans-Bold.ttf.</returns>
    public static byte[] GetBytes(FontWeight weight) => (byte[])Bytes(weight).Clone();

    internal static byte[] Bytes(FontWeight weight) => weight == FontWeight.Bold ? BoldBytes.Value : RegularBytes.Value;

    internal static TrueTypeFont Font(FontWeight weight) => weight == FontWeight.Bold ? BoldFont.Value : RegularFont.Value;

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(BundledFont).Assembly.GetManifestResourceStream("OncoTrial.Reporting.Fonts." + name)
            ?? throw new InvalidOperationException($"The embedded resource Fonts/{name} is missing from {typeof(BundledFont).Assembly.GetName().Name}; rebuild the project.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>
/// Text measured with the advance widths of the bundled font, in the units of the font size (points in a figure):
/// the layout of every figure comes from here, never from the host. Thread-safe.
/// </summary>
public static class TextMeasure
{
    /// <summary>The width of <paramref name="text"/> set in one line: the sum of its characters' advance widths.</summary>
    /// <param name="text">The text; a character the font lacks counts as the font's .notdef box.</param>
    /// <param name="size">Font size (em), &gt; 0.</param>
    /// <param name="weight">Regular or Bold.</param>
    /// <returns>The advance width in the units of <paramref name="size"/>.</returns>
    public static double Width(string text, double size, FontWeight weight = FontWeight.Regular)
    {
        ArgumentNullException.ThrowIfNull(text);
        var font = BundledFont.Font(weight);
        long units = 0;
        foreach (char c in text)
        {
            units += font.Advance(c);
        }

        return units * size / font.UnitsPerEm;
    }

    /// <summary>The height of capital letters above the baseline at <paramref name="size"/> (0.729 em for Liberation Sans).</summary>
    /// <param name="size">Font size (em).</param>
    /// <param name="weight">Regular or Bold.</param>
    /// <returns>The cap height in the units of <paramref name="size"/>.</returns>
    public static double CapHeight(double size, FontWeight weight = FontWeight.Regular)
    {
        var font = BundledFont.Font(weight);
        return font.CapHeight * size / font.UnitsPerEm;
    }

    /// <summary>The ascender above the baseline at <paramref name="size"/> (0.905 em for Liberation Sans).</summary>
    /// <param name="size">Font size (em).</param>
    /// <returns>The ascender in the units of <paramref name="size"/>.</returns>
    public static double Ascent(double size)
    {
        var font = BundledFont.Font(FontWeight.Regular);
        return font.Ascender * size / font.UnitsPerEm;
    }

    /// <summary>The descender below the baseline at <paramref name="size"/> (0.212 em for Liberation Sans), positive.</summary>
    /// <param name="size">Font size (em).</param>
    /// <returns>The descender in the units of <paramref name="size"/>.</returns>
    public static double Descent(double size)
    {
        var font = BundledFont.Font(FontWeight.Regular);
        return font.Descender * size / font.UnitsPerEm;
    }

    /// <summary>Whether the bundled font has a glyph for every character of <paramref name="text"/> (else a PNG would show boxes).</summary>
    /// <param name="text">The text.</param>
    /// <param name="weight">Regular or Bold.</param>
    /// <returns>True when every character has a glyph; spaces and line breaks count as covered.</returns>
    public static bool IsCovered(string text, FontWeight weight = FontWeight.Regular)
    {
        ArgumentNullException.ThrowIfNull(text);
        var font = BundledFont.Font(weight);
        foreach (char c in text)
        {
            if (!font.HasGlyph(c) && c is not ('\n' or '\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/>: greedy, at spaces, keeping
    /// words whole; a word wider than a line is cut between characters. Line breaks in the text are kept.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxWidth">The widest a line may be, in the units of <paramref name="size"/>; &gt; 0.</param>
    /// <param name="size">Font size (em).</param>
    /// <param name="weight">Regular or Bold.</param>
    /// <returns>The lines, at least one (empty for empty text).</returns>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, double size, FontWeight weight = FontWeight.Regular)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidth);
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            string line = string.Empty;
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = line.Length == 0 ? word : line + " " + word;
                if (Width(candidate, size, weight) <= maxWidth)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (Width(line, size, weight) > maxWidth && line.Length > 1)
                {
                    int cut = line.Length - 1;
                    while (cut > 1 && Width(line[..cut], size, weight) > maxWidth)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}
