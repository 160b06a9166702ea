namespace OncoTrial.Reporting;

/// <summary>
/// A rendered result before it is text, CSV or JSON: a title and blocks (headings, paragraphs, tables, blank lines)
/// in reading order. Views build documents from results; renderers turn them into bytes. A document holds no
/// numbers as text except inside paragraphs that a view formatted with <see cref="CellFormat"/>.
/// </summary>
/// <param name="Title">What the document is, for renderers that show a title (HTML, DOCX); text output does not print it.</param>
/// <param name="Blocks">The content, in order.</param>
public sealed record Document(string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>The tables of the document, in order (for CSV and table-level JSON).</summary>
    public IEnumerable<ReportTable> Tables => Blocks.OfType<TableBlock>().Select(b => b.Table);
}

/// <summary>One block of a <see cref="Document"/>.</summary>
public abstract record Block;

/// <summary>A heading line.</summary>
/// <param name="Text">The heading.</param>
/// <param name="Level">1 for a section, 2 for a subsection.</param>
public sealed record Heading(string Text, int Level = 1) : Block;

/// <summary>A line (or lines) of prose, optionally indented.</summary>
/// <param name="Text">The text; numbers in it were formatted by a <see cref="CellFormat"/>.</param>
/// <param name="Indent">Indent level (two spaces each in text).</param>
public sealed record Paragraph(string Text, int Indent = 0) : Block;

/// <summary>An empty line between sections.</summary>
public sealed record BlankLine : Block;

/// <summary>A table placed in the document.</summary>
/// <param name="Table">The table.</param>
/// <param name="Indent">Indent level of the whole table (two spaces each in text).</param>
public sealed record TableBlock(ReportTable Table, int Indent = 0) : Block;

/// <summary>
/// A picture placed as a block of its own (a figure rendered to PNG), at a size on the page. Renderers that cannot show
/// pictures print <see cref="Description"/> instead.
/// </summary>
/// <param name="Png">The PNG bytes.</param>
/// <param name="WidthPoints">Width on the page in points (1/72 inch), &gt; 0.</param>
/// <param name="HeightPoints">Height on the page in points, &gt; 0.</param>
/// <param name="Description">What the picture shows, in words (alternative text; the text renderer's line).</param>
public sealed record ImageBlock(ReadOnlyMemory<byte> Png, double WidthPoints, double HeightPoints, string Description) : Block;

/// <summary>A page break: what follows starts a new page in paged renderers (DOCX, RTF); text output ignores it.</summary>
public sealed record PageBreak : Block;

/// <summary>Builds a document block by block.</summary>
public sealed class DocumentBuilder(string title)
{
    private readonly List<Block> _blocks = [];

    /// <summary>Adds a heading.</summary>
    public DocumentBuilder Heading(string text, int level = 1)
    {
        _blocks.Add(new Heading(text, level));
        return this;
    }

    /// <summary>Adds a paragraph.</summary>
    public DocumentBuilder Paragraph(string text, int indent = 0)
    {
        _blocks.Add(new Paragraph(text, indent));
        return this;
    }

    /// <summary>Adds a blank line.</summary>
    public DocumentBuilder BlankLine()
    {
        _blocks.Add(new BlankLine());
        return this;
    }

    /// <summary>Adds a table.</summary>
    public DocumentBuilder Table(ReportTable table, int indent = 0)
    {
        _blocks.Add(new TableBlock(table, indent));
        return this;
    }

    /// <summary>Adds a picture (PNG bytes) at a size in points.</summary>
    public DocumentBuilder Image(ReadOnlyMemory<byte> png, double widthPoints, double heightPoints, string description)
    {
        _blocks.Add(new ImageBlock(png, widthPoints, heightPoints, description));
        return this;
    }

    /// <summary>Adds a page break.</summary>
    public DocumentBuilder PageBreak()
    {
        _blocks.Add(new PageBreak());
        return this;
    }

    /// <summary>The document.</summary>
    public Document Build() => new(title, _blocks.ToArray());
}
