using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace OncoTrial.Reporting;

/// <summary>
/// Renders a <see cref="Document"/> as a Word document (DOCX, Office Open XML) with the Open XML SDK: the title and
/// headings as styled paragraphs; each table as a real Word table set as clinical tables are (a rule above and below the
/// table and under the column headers, a rule under each spanning header, no vertical lines), its header rows marked as
/// repeated on every page (<c>w:tblHeader</c>), rows that do not split across pages, a group label kept with its rows,
/// its title above and its footnotes below, kept with its last row; pictures inline at their size; "Page x of y" (PAGE and NUMPAGES fields) in
/// the footer; the page set by <see cref="PageSetup"/>.
/// </summary>
/// <remarks>
/// The bytes are deterministic: the same document and setup give the same file on any machine, culture or time zone.
/// Relationship ids are fixed (<c>rIdMain</c>, <c>rIdStyles</c>, <c>rIdHeader</c>, <c>rIdFooter</c>, <c>rIdImage1</c>...), the package
/// has no core properties (no creation date), and the zip is written again with its entries in a fixed order, each
/// dated 1980-01-01 00:00. Hidden-in-text columns are left out, as in text output. Stateless and thread-safe.
/// </remarks>
public static class DocxRenderer
{
    private const string MainId = "rIdMain";
    private const string StylesId = "rIdStyles";
    private const string HeaderId = "rIdHeader";
    private const string FooterId = "rIdFooter";
    private const string BorderColour = "000000";
    private const int IndentTwipsPerLevel = 180;
    private const int CellMarginTwips = 60;
    private static readonly DateTimeOffset ZipDate = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the document as DOCX to <paramref name="output"/> (left open).</summary>
    /// <param name="document">The document.</param>
    /// <param name="output">A writable stream.</param>
    /// <param name="page">The page setup; <see cref="PageSetup.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The page setup is out of range (<see cref="PageSetup.EnsureValid"/>), or a picture has a size ≤ 0.</exception>
    public static void Render(Document document, Stream output, PageSetup? page = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        page ??= PageSetup.Default;
        page.EnsureValid();
        using var package = new MemoryStream();
        using (var word = WordprocessingDocument.Create(package, WordprocessingDocumentType.Document))
        {
            Build(word, document, page);
        }

        package.Position = 0;
        Repack(package, output);
    }

    /// <summary>The document as DOCX bytes.</summary>
    /// <param name="document">The document.</param>
    /// <param name="page">The page setup; <see cref="PageSetup.Default"/> when null.</param>
    public static byte[] Render(Document document, PageSetup? page = null)
    {
        using var stream = new MemoryStream();
        Render(document, stream, page);
        return stream.ToArray();
    }

    private static void Build(WordprocessingDocument word, Document document, PageSetup page)
    {
        // The package's relationship to the main part gets a fixed id (AddMainDocumentPart would draw a random one).
        var main = word.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", MainId);
        var styles = main.AddNewPart<StyleDefinitionsPart>(StylesId);
        styles.Styles = Styles(page);
        var header = main.AddNewPart<HeaderPart>(HeaderId);
        header.Header = new W.Header(Paragraph(page.Header ?? document.Title, "PageHeader"));
        var footer = main.AddNewPart<FooterPart>(FooterId);
        footer.Footer = new W.Footer(PageNumberParagraph());

        var body = new W.Body();
        body.Append(Paragraph(document.Title, "Title"));
        int images = 0;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    body.Append(Paragraph(h.Text, h.Level <= 1 ? "Heading1" : "Heading2"));
                    break;
                case Paragraph p:
                    foreach (string line in p.Text.Split('\n'))
                    {
                        var para = Paragraph(line, null);
                        if (p.Indent > 0)
                        {
                            para.ParagraphProperties ??= new W.ParagraphProperties();
                            para.ParagraphProperties.Indentation = new W.Indentation { Left = Twips(p.Indent * 2 * IndentTwipsPerLevel) };
                        }

                        body.Append(para);
                    }

                    break;
                case BlankLine:
                    body.Append(new W.Paragraph());
                    break;
                case TableBlock t:
                    AppendTable(body, t.Table, page);
                    break;
                case ImageBlock image:
                    body.Append(Image(main, image, ++images));
                    break;
                case PageBreak:
                    body.Append(new W.Paragraph(new W.Run(new W.Break { Type = W.BreakValues.Page })));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown block {block.GetType().Name}.");
            }
        }

        body.Append(new W.SectionProperties(
            new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = HeaderId },
            new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = FooterId },
            new W.PageSize
            {
                Width = (UInt32Value)(uint)page.PageWidthTwips,
                Height = (UInt32Value)(uint)page.PageHeightTwips,
                Orient = page.Orientation == PageOrientation.Landscape ? W.PageOrientationValues.Landscape : W.PageOrientationValues.Portrait,
            },
            new W.PageMargin
            {
                Top = page.MarginTwips,
                Bottom = page.MarginTwips,
                Left = (UInt32Value)(uint)page.MarginTwips,
                Right = (UInt32Value)(uint)page.MarginTwips,
                Header = (UInt32Value)(uint)(page.MarginTwips / 2),
                Footer = (UInt32Value)(uint)(page.MarginTwips / 2),
                Gutter = 0U,
            }));
        main.Document = new W.Document(body);
    }

    private static void AppendTable(W.Body body, ReportTable table, PageSetup page)
    {
        var layout = PagedTableLayout.Create(table);
        if (table.Title is not null)
        {
            body.Append(Paragraph(table.Title, "TableTitle"));
        }

        int n = layout.Leaves.Count;
        if (n > 0)
        {
            int[] widths = layout.ColumnWidths(page.TextWidthTwips, page.FontSizePoints, CellMarginTwips);
            var grid = new W.TableGrid();
            grid.Append(widths.Select(w => new W.GridColumn { Width = Twips(w) }));
            var properties = new W.TableProperties
            {
                TableWidth = new W.TableWidth { Width = Twips(widths.Sum()), Type = W.TableWidthUnitValues.Dxa },
                TableBorders = new W.TableBorders(
                    new W.TopBorder { Val = W.BorderValues.Single, Size = 8U, Space = 0U, Color = BorderColour },
                    new W.BottomBorder { Val = W.BorderValues.Single, Size = 8U, Space = 0U, Color = BorderColour }),
                TableLayout = new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                TableCellMarginDefault = new W.TableCellMarginDefault(
                    new W.TopMargin { Width = "0", Type = W.TableWidthUnitValues.Dxa },
                    new W.TableCellLeftMargin { Width = CellMarginTwips, Type = W.TableWidthValues.Dxa },
                    new W.BottomMargin { Width = "0", Type = W.TableWidthUnitValues.Dxa },
                    new W.TableCellRightMargin { Width = CellMarginTwips, Type = W.TableWidthValues.Dxa }),
            };
            var wordTable = new W.Table(properties, grid);

            for (int r = 0; r < layout.HeaderRows.Count; r++)
            {
                bool lastHeader = r == layout.HeaderRows.Count - 1;
                var row = new W.TableRow(new W.TableRowProperties(new W.CantSplit(), new W.TableHeader()));
                int next = 0;
                foreach (var slot in layout.HeaderRows[r])
                {
                    for (; next < slot.First; next++)
                    {
                        row.Append(Cell(string.Empty, widths[next], 1, ColumnAlignment.Left, 0, lastHeader, false, true));
                    }

                    var alignment = slot.IsLeaf ? (slot.First == 0 ? ColumnAlignment.Left : Centred(slot.Alignment)) : ColumnAlignment.Center;
                    row.Append(Cell(slot.Label, widths.Skip(slot.First).Take(slot.Span).Sum(), slot.Span, alignment, 0, lastHeader || !slot.IsLeaf, false, true));
                    next = slot.First + slot.Span;
                }

                for (; next < n; next++)
                {
                    row.Append(Cell(string.Empty, widths[next], 1, ColumnAlignment.Left, 0, lastHeader, false, true));
                }

                wordTable.Append(row);
            }

            foreach (var bodyRow in layout.Body)
            {
                var row = new W.TableRow(new W.TableRowProperties(new W.CantSplit()));
                if (bodyRow.IsGroupLabel)
                {
                    row.Append(Cell(bodyRow.Cells[0], widths.Sum(), n, ColumnAlignment.Left, 0, false, bodyRow.KeepWithNext, false));
                }
                else
                {
                    for (int k = 0; k < n; k++)
                    {
                        var alignment = k == 0 ? ColumnAlignment.Left : layout.Leaves[k].Alignment;
                        row.Append(Cell(bodyRow.Cells[k], widths[k], 1, alignment, k == 0 ? bodyRow.Indent : 0, false, bodyRow.KeepWithNext, false));
                    }
                }

                wordTable.Append(row);
            }

            body.Append(wordTable);
        }

        for (int i = 0; i < table.Footnotes.Count; i++)
        {
            var note = Paragraph(table.Footnotes[i], "TableNote");
            if (i < table.Footnotes.Count - 1)
            {
                note.ParagraphProperties!.KeepNext = new W.KeepNext();
            }

            body.Append(note);
        }

        body.Append(new W.Paragraph());
    }

    /// <summary>A header leaf over numbers is centred, as its cells are not (a right-aligned column keeps a right-aligned head).</summary>
    private static ColumnAlignment Centred(ColumnAlignment alignment) => alignment == ColumnAlignment.Left ? ColumnAlignment.Center : alignment;

    private static W.TableCell Cell(string text, int width, int span, ColumnAlignment alignment, int indent, bool ruleBelow, bool keepWithNext, bool header)
    {
        var properties = new W.TableCellProperties
        {
            TableCellWidth = new W.TableCellWidth { Width = Twips(width), Type = W.TableWidthUnitValues.Dxa },
        };
        if (span > 1)
        {
            properties.GridSpan = new W.GridSpan { Val = span };
        }

        if (ruleBelow)
        {
            properties.TableCellBorders = new W.TableCellBorders(new W.BottomBorder { Val = W.BorderValues.Single, Size = 4U, Space = 0U, Color = BorderColour });
        }

        if (header)
        {
            properties.TableCellVerticalAlignment = new W.TableCellVerticalAlignment { Val = W.TableVerticalAlignmentValues.Bottom };
        }

        var paragraphProperties = new W.ParagraphProperties
        {
            ParagraphStyleId = new W.ParagraphStyleId { Val = "TableText" },
        };
        if (keepWithNext || header)
        {
            paragraphProperties.KeepNext = new W.KeepNext();
        }

        if (indent > 0)
        {
            paragraphProperties.Indentation = new W.Indentation { Left = Twips(indent * IndentTwipsPerLevel) };
        }

        if (alignment != ColumnAlignment.Left)
        {
            paragraphProperties.Justification = new W.Justification { Val = alignment == ColumnAlignment.Right ? W.JustificationValues.Right : W.JustificationValues.Center };
        }

        var paragraph = new W.Paragraph(paragraphProperties);
        if (text.Length > 0)
        {
            paragraph.Append(Run(text));
        }

        return new W.TableCell(properties, paragraph);
    }

    private static W.Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new W.Paragraph();
        if (style is not null)
        {
            paragraph.ParagraphProperties = new W.ParagraphProperties { ParagraphStyleId = new W.ParagraphStyleId { Val = style } };
        }

        if (text.Length > 0)
        {
            paragraph.Append(Run(text));
        }

        return paragraph;
    }

    private static W.Run Run(string text) => new(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static W.Paragraph PageNumberParagraph()
    {
        static W.SimpleField Field(string instruction) => new(Run("1")) { Instruction = " " + instruction + " " };
        return new W.Paragraph(
            new W.ParagraphProperties { ParagraphStyleId = new W.ParagraphStyleId { Val = "PageFooter" } },
            Run("Page "),
            Field("PAGE"),
            Run(" of "),
            Field("NUMPAGES"));
    }

    private static W.Paragraph Image(MainDocumentPart main, ImageBlock image, int number)
    {
        if (!(image.WidthPoints > 0 && image.HeightPoints > 0 && double.IsFinite(image.WidthPoints) && double.IsFinite(image.HeightPoints)))
        {
            throw new ArgumentOutOfRangeException(nameof(image), string.Create(CultureInfo.InvariantCulture, $"Expected a picture size > 0 points, found {image.WidthPoints} x {image.HeightPoints}."));
        }

        string id = "rIdImage" + number.ToString(CultureInfo.InvariantCulture);
        var part = main.AddImagePart(ImagePartType.Png, id);
        using (var data = new MemoryStream(image.Png.ToArray()))
        {
            part.FeedData(data);
        }

        const long EmuPerPoint = 12700;
        long cx = (long)Math.Round(image.WidthPoints * EmuPerPoint, MidpointRounding.AwayFromZero);
        long cy = (long)Math.Round(image.HeightPoints * EmuPerPoint, MidpointRounding.AwayFromZero);
        string name = "Figure " + number.ToString(CultureInfo.InvariantCulture);
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = (UInt32Value)(uint)number, Name = name, Description = image.Description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture",
            }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new W.Paragraph(new W.Run(new W.Drawing(inline)));
    }

    private static W.Styles Styles(PageSetup page)
    {
        string size = HalfPoints(page.FontSizePoints);
        string noteSize = HalfPoints(page.FootnoteSizePoints);
        W.RunFonts Fonts() => new() { Ascii = page.FontFamily, HighAnsi = page.FontFamily, ComplexScript = page.FontFamily, EastAsia = page.FontFamily };
        W.Style ParagraphStyle(string id, string name, W.StyleParagraphProperties? paragraph, W.StyleRunProperties? run)
        {
            var style = new W.Style { Type = W.StyleValues.Paragraph, StyleId = id, StyleName = new W.StyleName { Val = name } };
            if (id != "Normal")
            {
                style.BasedOn = new W.BasedOn { Val = "Normal" };
            }

            if (paragraph is not null)
            {
                style.StyleParagraphProperties = paragraph;
            }

            if (run is not null)
            {
                style.StyleRunProperties = run;
            }

            return style;
        }

        var normal = ParagraphStyle("Normal", "Normal", null, null);
        normal.Default = true;
        normal.PrimaryStyle = new W.PrimaryStyle();
        return new W.Styles(
            new W.DocDefaults(
                new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle { RunFonts = Fonts(), FontSize = new W.FontSize { Val = size }, FontSizeComplexScript = new W.FontSizeComplexScript { Val = size } }),
                new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle { SpacingBetweenLines = new W.SpacingBetweenLines { Before = "0", After = "0" } })),
            normal,
            ParagraphStyle("Title", "Title", new W.StyleParagraphProperties { KeepNext = new W.KeepNext(), SpacingBetweenLines = new W.SpacingBetweenLines { After = "240" } }, new W.StyleRunProperties { Bold = new W.Bold(), FontSize = new W.FontSize { Val = HalfPoints(page.FontSizePoints + 5) } }),
            ParagraphStyle("Heading1", "heading 1", new W.StyleParagraphProperties { KeepNext = new W.KeepNext(), SpacingBetweenLines = new W.SpacingBetweenLines { Before = "240", After = "120" }, OutlineLevel = new W.OutlineLevel { Val = 0 } }, new W.StyleRunProperties { Bold = new W.Bold(), FontSize = new W.FontSize { Val = HalfPoints(page.FontSizePoints + 3) } }),
            ParagraphStyle("Heading2", "heading 2", new W.StyleParagraphProperties { KeepNext = new W.KeepNext(), SpacingBetweenLines = new W.SpacingBetweenLines { Before = "180", After = "60" }, OutlineLevel = new W.OutlineLevel { Val = 1 } }, new W.StyleRunProperties { Bold = new W.Bold(), FontSize = new W.FontSize { Val = HalfPoints(page.FontSizePoints + 1) } }),
            ParagraphStyle("TableTitle", "Table title", new W.StyleParagraphProperties { KeepNext = new W.KeepNext(), SpacingBetweenLines = new W.SpacingBetweenLines { Before = "120", After = "120" } }, new W.StyleRunProperties { Bold = new W.Bold() }),
            ParagraphStyle("TableText", "Table text", null, null),
            ParagraphStyle("TableNote", "Table note", null, new W.StyleRunProperties { FontSize = new W.FontSize { Val = noteSize }, FontSizeComplexScript = new W.FontSizeComplexScript { Val = noteSize } }),
            ParagraphStyle("PageHeader", "header", null, new W.StyleRunProperties { FontSize = new W.FontSize { Val = noteSize }, FontSizeComplexScript = new W.FontSizeComplexScript { Val = noteSize } }),
            ParagraphStyle("PageFooter", "footer", new W.StyleParagraphProperties { Justification = new W.Justification { Val = W.JustificationValues.Right } }, new W.StyleRunProperties { FontSize = new W.FontSize { Val = noteSize }, FontSizeComplexScript = new W.FontSizeComplexScript { Val = noteSize } }));
    }

    private static string HalfPoints(double points) => ((int)Math.Round(points * 2, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);

    private static string Twips(int twips) => twips.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the package's zip again: [Content_Types].xml, then _rels/.rels, then every other part by name; each entry dated 1980-01-01.</summary>
    private static void Repack(Stream package, Stream output)
    {
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        static int Rank(string name) => name switch
        {
            "[Content_Types].xml" => 0,
            "_rels/.rels" => 1,
            _ => 2,
        };
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries.OrderBy(e => Rank(e.FullName)).ThenBy(e => e.FullName, StringComparer.Ordinal))
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = ZipDate;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
