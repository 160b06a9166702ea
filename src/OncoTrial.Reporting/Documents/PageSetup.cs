namespace OncoTrial.Reporting;

/// <summary>The paper a paged document (DOCX, RTF) is set on.</summary>
public enum PaperSize
{
    /// <summary>ISO A4, 210 × 297 mm (11906 × 16838 twips).</summary>
    A4,

    /// <summary>US Letter, 8.5 × 11 in (12240 × 15840 twips).</summary>
    Letter,
}

/// <summary>Which way the page is turned.</summary>
public enum PageOrientation
{
    /// <summary>Taller than wide.</summary>
    Portrait,

    /// <summary>Wider than tall: the usual setting of clinical tables (SAS ODS RTF TLFs).</summary>
    Landscape,
}

/// <summary>
/// How a paged renderer (DOCX, RTF) sets a document on pages: paper, orientation, margins, the font and its sizes, and
/// the running header; the footer always carries "Page x of y" (PAGE and NUMPAGES fields). Lengths in points (1/72
/// inch; a twip is 1/20 point).
/// </summary>
public sealed record PageSetup
{
    /// <summary>A4 landscape, 1-inch margins, Arial 9 pt (footnotes 8 pt): the usual clinical table page.</summary>
    public static PageSetup Default { get; } = new();

    /// <summary>The paper.</summary>
    public PaperSize Paper { get; init; } = PaperSize.A4;

    /// <summary>The orientation.</summary>
    public PageOrientation Orientation { get; init; } = PageOrientation.Landscape;

    /// <summary>Every margin in points (72 = 1 inch); &gt; 0 and less than a third of the shorter side.</summary>
    public double MarginPoints { get; init; } = 72;

    /// <summary>The font family of every text (a name Word and LibreOffice know: Arial, Courier New, Times New Roman).</summary>
    public string FontFamily { get; init; } = "Arial";

    /// <summary>The size of body text and table cells in points (6 to 24).</summary>
    public double FontSizePoints { get; init; } = 9;

    /// <summary>The size of footnotes in points (6 to 24).</summary>
    public double FootnoteSizePoints { get; init; } = 8;

    /// <summary>The running header at the top left of every page; the document's title when null.</summary>
    public string? Header { get; init; }

    /// <summary>The page width in twips, after the orientation.</summary>
    public int PageWidthTwips => Orientation == PageOrientation.Landscape ? LongSide : ShortSide;

    /// <summary>The page height in twips, after the orientation.</summary>
    public int PageHeightTwips => Orientation == PageOrientation.Landscape ? ShortSide : LongSide;

    /// <summary>Each margin in twips.</summary>
    public int MarginTwips => (int)Math.Round(MarginPoints * 20, MidpointRounding.AwayFromZero);

    /// <summary>The width between the margins in twips.</summary>
    public int TextWidthTwips => PageWidthTwips - (2 * MarginTwips);

    private int ShortSide => Paper == PaperSize.Letter ? 12240 : 11906;

    private int LongSide => Paper == PaperSize.Letter ? 15840 : 16838;

    /// <summary>Throws when a value is out of its range (margins, sizes, an empty font name).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A margin that leaves too little room, a font size outside 6-24 pt, or an empty font family.</exception>
    public void EnsureValid()
    {
        double shortSidePoints = ShortSide / 20.0;
        if (!(MarginPoints > 0 && MarginPoints < shortSidePoints / 3))
        {
            throw new ArgumentOutOfRangeException(nameof(MarginPoints), MarginPoints, $"Expected a margin > 0 and < {shortSidePoints / 3:0} points (a third of the paper's shorter side).");
        }

        foreach (var (name, size) in new[] { (nameof(FontSizePoints), FontSizePoints), (nameof(FootnoteSizePoints), FootnoteSizePoints) })
        {
            if (!(size >= 6 && size <= 24))
            {
                throw new ArgumentOutOfRangeException(name, size, "Expected a font size from 6 to 24 points.");
            }
        }

        if (string.IsNullOrWhiteSpace(FontFamily) || FontFamily.AsSpan().IndexOfAny("{};\\") >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FontFamily), FontFamily, "Expected a font family name without braces, semicolons or backslashes, e.g. Arial.");
        }
    }
}
