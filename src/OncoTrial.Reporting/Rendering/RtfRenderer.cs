using System.Globalization;
using System.Text;

namespace OncoTrial.Reporting;

/// <summary>
/// Renders a <see cref="Document"/> as RTF 1.9 text, written here (no library): the page set by <see cref="PageSetup"/>
/// (<c>\paperw</c>, <c>\paperh</c>, margins, <c>\landscape</c>), the document title in the running header and "Page x of
/// y" in the footer (<c>\chpgn</c> and a NUMPAGES field); each table as RTF rows (<c>\trowd ... \cellx ... \row</c>) set
/// as clinical tables are: a rule above the table, under the column headers and under each spanning header, a rule
/// below the table, no vertical lines; header rows repeated on every page (<c>\trhdr</c>), rows kept on one page
/// (<c>\trkeep</c>), a group label kept with its rows (<c>\keepn</c>); its title above and its footnotes below, kept with its
/// last row; pictures as
/// <c>{\pict\pngblip ...}</c> at their size.
/// </summary>
/// <remarks>
/// Every character outside printable ASCII is written as <c>\uN</c> with the fallback "?" (signed 16-bit UTF-16 code
/// units; <c>\uc1</c>), so the file is pure ASCII: "≥" is <c>\u8805\'3f</c>, "±" <c>\u177\'3f</c>. The fallback is
/// written as the hex escape <c>\'3f</c> rather than a bare "?", as Word does: a reader that mishandles the bare form
/// (pandoc 2.17 drops the blank after "\u8805? ") reads the escape right. Numbers
/// are invariant; there is no creation date, so the same document gives the same text. A spanning header is one cell
/// whose right edge is that of its last sub-column (each RTF row sets its own cell edges). Hidden-in-text columns are left
/// out, as in text output. Stateless and thread-safe.
/// </remarks>
public static class RtfRenderer
{
    private const int IndentTwipsPerLevel = 180;
    private const int CellGapTwips = 60;
    private const string TableRule = @"\brdrs\brdrw15";
    private const string HeaderRule = @"\brdrs\brdrw10";

    /// <summary>The document as RTF text (ASCII, CRLF line ends as Word writes them).</summary>
    /// <param name="document">The document.</param>
    /// <param name="page">The page setup; <see cref="PageSetup.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The page setup is out of range (<see cref="PageSetup.EnsureValid"/>), or a picture has a size ≤ 0.</exception>
    public static string Render(Document document, PageSetup? page = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        page ??= PageSetup.Default;
        page.EnsureValid();
        var rtf = new RtfWriter();
        rtf.Raw(@"{\rtf1\ansi\ansicpg1252\deff0\uc1").Line();
        rtf.Raw(@"{\fonttbl{\f0\fnil\fcharset0 ").Raw(page.FontFamily).Raw(";}}").Line();
        rtf.Raw(@"{\colortbl;\red0\green0\blue0;}").Line();
        rtf.Raw(Invariant($@"\paperw{page.PageWidthTwips}\paperh{page.PageHeightTwips}\margl{page.MarginTwips}\margr{page.MarginTwips}\margt{page.MarginTwips}\margb{page.MarginTwips}"));
        if (page.Orientation == PageOrientation.Landscape)
        {
            rtf.Raw(@"\landscape");
        }

        rtf.Raw(@"\widowctrl\ftnbj").Line();
        rtf.Raw(Invariant($@"\sectd\pgwsxn{page.PageWidthTwips}\pghsxn{page.PageHeightTwips}\marglsxn{page.MarginTwips}\margrsxn{page.MarginTwips}\margtsxn{page.MarginTwips}\margbsxn{page.MarginTwips}\headery{page.MarginTwips / 2}\footery{page.MarginTwips / 2}"));
        if (page.Orientation == PageOrientation.Landscape)
        {
            rtf.Raw(@"\lndscpsxn");
        }

        rtf.Line();
        rtf.Raw(@"{\header\pard\plain").Font(page.FootnoteSizePoints).Raw(" ").Text(page.Header ?? document.Title).Raw(@"\par}").Line();
        rtf.Raw(@"{\footer\pard\plain\qr").Font(page.FootnoteSizePoints).Raw(@" Page \chpgn  of {\field{\*\fldinst NUMPAGES }{\fldrslt 1}}\par}").Line();

        rtf.Paragraph(document.Title, page.FontSizePoints + 5, bold: true, keepNext: true, spaceAfter: 240);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    rtf.Paragraph(h.Text, page.FontSizePoints + (h.Level <= 1 ? 3 : 1), bold: true, keepNext: true, spaceBefore: h.Level <= 1 ? 240 : 180, spaceAfter: h.Level <= 1 ? 120 : 60);
                    break;
                case Paragraph p:
                    foreach (string line in p.Text.Split('\n'))
                    {
                        rtf.Paragraph(line, page.FontSizePoints, indent: p.Indent * 2 * IndentTwipsPerLevel);
                    }

                    break;
                case BlankLine:
                    rtf.Paragraph(string.Empty, page.FontSizePoints);
                    break;
                case TableBlock t:
                    Table(rtf, t.Table, page);
                    break;
                case ImageBlock image:
                    Image(rtf, image);
                    break;
                case PageBreak:
                    rtf.Raw(@"\pard\plain\page").Line();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown block {block.GetType().Name}.");
            }
        }

        rtf.Raw("}").Line();
        return rtf.ToString();
    }

    /// <summary>Escapes text for RTF: <c>\</c>, <c>{</c> and <c>}</c> escaped, a tab as <c>\tab</c>, a line end as <c>\line</c>, every other character outside printable ASCII as <c>\uN\'3f</c> (fallback "?").</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            switch (c)
            {
                case '\\':
                    sb.Append(@"\\");
                    break;
                case '{':
                    sb.Append(@"\{");
                    break;
                case '}':
                    sb.Append(@"\}");
                    break;
                case '\t':
                    sb.Append(@"\tab ");
                    break;
                case '\n':
                    sb.Append(@"\line ");
                    break;
                case >= ' ' and <= '~':
                    sb.Append(c);
                    break;
                default:
                    sb.Append(@"\u").Append(((short)c).ToString(CultureInfo.InvariantCulture)).Append(@"\'3f");
                    break;
            }
        }

        return sb.ToString();
    }

    private static void Table(RtfWriter rtf, ReportTable table, PageSetup page)
    {
        var layout = PagedTableLayout.Create(table);
        if (table.Title is not null)
        {
            rtf.Paragraph(table.Title, page.FontSizePoints, bold: true, keepNext: true, spaceBefore: 120, spaceAfter: 120);
        }

        int n = layout.Leaves.Count;
        if (n > 0)
        {
            int[] widths = layout.ColumnWidths(page.TextWidthTwips, page.FontSizePoints, CellGapTwips);
            var edges = new int[n];
            for (int k = 0, x = 0; k < n; k++)
            {
                x += widths[k];
                edges[k] = x;
            }

            bool first = true;
            for (int r = 0; r < layout.HeaderRows.Count; r++)
            {
                bool lastHeader = r == layout.HeaderRows.Count - 1;
                var cells = new List<(string Text, int Right, ColumnAlignment Alignment, bool Top, bool Bottom)>();
                int next = 0;
                foreach (var slot in layout.HeaderRows[r])
                {
                    for (; next < slot.First; next++)
                    {
                        cells.Add((string.Empty, edges[next], ColumnAlignment.Left, first, lastHeader));
                    }

                    var alignment = !slot.IsLeaf ? ColumnAlignment.Center : slot.First == 0 ? ColumnAlignment.Left : slot.Alignment == ColumnAlignment.Left ? ColumnAlignment.Center : slot.Alignment;
                    cells.Add((slot.Label, edges[slot.First + slot.Span - 1], alignment, first, lastHeader || !slot.IsLeaf));
                    next = slot.First + slot.Span;
                }

                for (; next < n; next++)
                {
                    cells.Add((string.Empty, edges[next], ColumnAlignment.Left, first, lastHeader));
                }

                rtf.Row(cells, header: true, keepNext: true, indent: 0, page.FontSizePoints);
                first = false;
            }

            for (int r = 0; r < layout.Body.Count; r++)
            {
                var row = layout.Body[r];
                bool bottom = r == layout.Body.Count - 1;
                var cells = row.IsGroupLabel
                    ? [(row.Cells[0], edges[^1], ColumnAlignment.Left, first, bottom)]
                    : Enumerable.Range(0, n).Select(k => (row.Cells[k], edges[k], k == 0 ? ColumnAlignment.Left : layout.Leaves[k].Alignment, first, bottom)).ToList();
                rtf.Row(cells, header: false, row.KeepWithNext, row.Indent * IndentTwipsPerLevel, page.FontSizePoints);
                first = false;
            }
        }

        for (int i = 0; i < table.Footnotes.Count; i++)
        {
            rtf.Paragraph(table.Footnotes[i], page.FootnoteSizePoints, keepNext: i < table.Footnotes.Count - 1);
        }

        rtf.Paragraph(string.Empty, page.FontSizePoints);
    }

    private static void Image(RtfWriter rtf, ImageBlock image)
    {
        if (!(image.WidthPoints > 0 && image.HeightPoints > 0 && double.IsFinite(image.WidthPoints) && double.IsFinite(image.HeightPoints)))
        {
            throw new ArgumentOutOfRangeException(nameof(image), string.Create(CultureInfo.InvariantCulture, $"Expected a picture size > 0 points, found {image.WidthPoints} x {image.HeightPoints}."));
        }

        int width = (int)Math.Round(image.WidthPoints * 20, MidpointRounding.AwayFromZero);
        int height = (int)Math.Round(image.HeightPoints * 20, MidpointRounding.AwayFromZero);
        rtf.Raw(@"\pard\plain\qc{\pict\pngblip").Raw(Invariant($@"\picw{width}\pich{height}\picwgoal{width}\pichgoal{height}")).Line();
        var bytes = image.Png.Span;
        var hex = new StringBuilder(128);
        for (int i = 0; i < bytes.Length; i++)
        {
            hex.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
            if (hex.Length == 128 || i == bytes.Length - 1)
            {
                rtf.Raw(hex.ToString()).Line();
                hex.Clear();
            }
        }

        rtf.Raw(@"}\par").Line();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The RTF text being written, with the control words of paragraphs and rows.</summary>
    private sealed class RtfWriter
    {
        private readonly StringBuilder _sb = new();

        public RtfWriter Raw(string text)
        {
            _sb.Append(text);
            return this;
        }

        public RtfWriter Line()
        {
            _sb.Append("\r\n");
            return this;
        }

        public RtfWriter Text(string text) => Raw(Escape(text));

        public RtfWriter Font(double points) => Raw(Invariant($@"\f0\fs{(int)Math.Round(points * 2, MidpointRounding.AwayFromZero)}"));

        public void Paragraph(string text, double points, bool bold = false, bool keepNext = false, int spaceBefore = 0, int spaceAfter = 0, int indent = 0)
        {
            Raw(@"\pard\plain");
            if (keepNext)
            {
                Raw(@"\keepn");
            }

            if (spaceBefore > 0)
            {
                Raw(Invariant($@"\sb{spaceBefore}"));
            }

            if (spaceAfter > 0)
            {
                Raw(Invariant($@"\sa{spaceAfter}"));
            }

            if (indent > 0)
            {
                Raw(Invariant($@"\li{indent}"));
            }

            Font(points);
            if (bold)
            {
                Raw(@"\b");
            }

            Raw(" ").Text(text).Raw(@"\par").Line();
        }

        public void Row(IReadOnlyList<(string Text, int Right, ColumnAlignment Alignment, bool Top, bool Bottom)> cells, bool header, bool keepNext, int indent, double points)
        {
            Raw(Invariant($@"\trowd\trgaph{CellGapTwips}\trleft0"));
            if (header)
            {
                Raw(@"\trhdr");
            }

            Raw(@"\trkeep");
            if (keepNext)
            {
                Raw(@"\trkeepfollow");
            }

            Line();
            foreach (var cell in cells)
            {
                if (cell.Top)
                {
                    Raw(@"\clbrdrt").Raw(TableRule);
                }

                if (cell.Bottom)
                {
                    Raw(@"\clbrdrb").Raw(header ? HeaderRule : TableRule);
                }

                Raw(header ? @"\clvertalb" : @"\clvertalt").Raw(Invariant($@"\cellx{cell.Right}")).Line();
            }

            for (int k = 0; k < cells.Count; k++)
            {
                var cell = cells[k];
                Raw(@"\pard\plain\intbl");
                if (keepNext)
                {
                    Raw(@"\keepn");
                }

                Raw(cell.Alignment switch { ColumnAlignment.Right => @"\qr", ColumnAlignment.Center => @"\qc", _ => @"\ql" });
                if (indent > 0 && k == 0)
                {
                    Raw(Invariant($@"\li{indent}"));
                }

                Font(points).Raw(" ").Text(cell.Text).Raw(@"\cell").Line();
            }

            Raw(@"\row").Line();
        }

        public override string ToString() => _sb.ToString();
    }
}
