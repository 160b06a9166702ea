using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using OncoTrial.Reporting.Tables;
using OncoTrial.Reporting.Tests.Tables;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace OncoTrial.Reporting.Tests.Rendering;

public class DocxRendererTests
{
    private static readonly string GoldenFolder = RepositoryPaths.File("tests", "OncoTrial.Reporting.Tests", "Rendering", "Golden");

    /// <summary>A 1 × 1 PNG.</summary>
    internal static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static readonly Lazy<IReadOnlyList<ReportTable>> SingleArm = new(() => TrialTables.Create(TableStudy.Results()));
    private static readonly Lazy<IReadOnlyList<ReportTable>> TwoArms = new(() => TrialTables.Create(TableStudy.Results(twoArms: true)));

    public static TheoryData<string> Names => TrialTablesTests.Names;

    /// <summary>
    /// A culture that writes numbers as German does (decimal comma, dot grouping, a different negative sign): the
    /// project runs in globalization-invariant mode, where named cultures are not available, so it is built from the
    /// invariant one.
    /// </summary>
    internal static CultureInfo CommaCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.NegativeSign = "\u2212";
        return culture;
    }

    internal static Document OneTable(ReportTable table) => new DocumentBuilder("OncoTrial test study").Table(table).Build();

    internal static ReportTable Table(IReadOnlyList<ReportTable> tables, string name) => tables.Single(t => t.Id!.EndsWith("-" + name, StringComparison.Ordinal));

    internal static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return XDocument.Parse(reader.ReadToEnd()).ToString() + "\n";
    }

    private static List<ValidationErrorInfo> Validate(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word)];
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_table_as_DOCX_matches_its_golden_document_xml_and_passes_the_Open_XML_validator(string name)
    {
        // Given
        var document = OneTable(Table(SingleArm.Value, name));

        // When
        byte[] docx = DocxRenderer.Render(document);

        // Then
        Assert.Empty(Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Golden.Verify(GoldenFolder, "single-arm." + name + ".document", "xml", DocumentXml(docx));
    }

    [Fact]
    public void The_two_arm_AE_table_as_DOCX_matches_its_golden_document_xml()
    {
        byte[] docx = DocxRenderer.Render(OneTable(Table(TwoArms.Value, "adverse-events")));
        Assert.Empty(Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Golden.Verify(GoldenFolder, "two-arms.adverse-events.document", "xml", DocumentXml(docx));
    }

    [Fact]
    public void Every_table_of_both_studies_in_one_document_with_headings_a_picture_and_page_breaks_is_valid_in_portrait_letter_too()
    {
        var doc = new DocumentBuilder("All tables").Heading("Tables").Paragraph("Generated for the test.\nSecond line", 1);
        foreach (var table in SingleArm.Value.Concat(TwoArms.Value))
        {
            doc.Table(table).PageBreak();
        }

        doc.Heading("Figure", 2).Image(Png, 144, 72, "A one-pixel picture").BlankLine();
        var document = doc.Build();
        Assert.Empty(Validate(DocxRenderer.Render(document)).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Empty(Validate(DocxRenderer.Render(document, new PageSetup { Paper = PaperSize.Letter, Orientation = PageOrientation.Portrait, FontFamily = "Courier New" })).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public void Two_renders_give_the_same_bytes_and_so_does_another_culture()
    {
        // Given
        var document = TrialTables.ToDocument(TableStudy.Results(twoArms: true));
        byte[] first = DocxRenderer.Render(document);

        // When
        byte[] second = DocxRenderer.Render(document);
        var culture = CultureInfo.CurrentCulture;
        byte[] german;
        try
        {
            CultureInfo.CurrentCulture = CommaCulture();
            german = DocxRenderer.Render(TrialTables.ToDocument(TableStudy.Results(twoArms: true)));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        // Then
        Assert.Equal(first, second);
        Assert.Equal(first, german);
    }

    [Fact]
    public void The_zip_has_fixed_entry_dates_a_fixed_order_fixed_relationship_ids_and_no_creation_date()
    {
        byte[] docx = DocxRenderer.Render(new DocumentBuilder("Picture").Image(Png, 10, 10, "dot").Build());
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
        Assert.Equal("_rels/.rels", zip.Entries[1].FullName);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("core", StringComparison.OrdinalIgnoreCase));
        using var reader = new StreamReader(zip.GetEntry("word/_rels/document.xml.rels")!.Open());
        var ids = XDocument.Parse(reader.ReadToEnd()).Root!.Elements().Select(e => (string)e.Attribute("Id")!).Order(StringComparer.Ordinal);
        Assert.Equal(["rIdFooter", "rIdHeader", "rIdImage1", "rIdStyles"], ids);
    }

    [Fact]
    public void Header_rows_repeat_on_every_page_and_the_footer_counts_pages()
    {
        // Given: the two-arm AE table has three header rows (arm, AE / related, grade)
        byte[] docx = DocxRenderer.Render(OneTable(Table(TwoArms.Value, "adverse-events")));

        // When
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = word.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Single();
        var rows = table.Elements<W.TableRow>().ToList();
        var footer = word.MainDocumentPart.FooterParts.Single().Footer!;

        // Then
        Assert.Equal([true, true, true, false], rows.Take(4).Select(r => r.TableRowProperties?.GetFirstChild<W.TableHeader>() is not null));
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<W.CantSplit>()));
        Assert.Equal(["PAGE", "NUMPAGES"], footer.Descendants<W.SimpleField>().Select(f => f.Instruction!.Value!.Trim()));
        Assert.Equal("Page 1 of 1", footer.InnerText);
        var size = word.MainDocumentPart.Document.Body.Elements<W.SectionProperties>().Single().GetFirstChild<W.PageSize>()!;
        Assert.Equal((16838U, 11906U, W.PageOrientationValues.Landscape), (size.Width!.Value, size.Height!.Value, size.Orient!.Value));
        // the spanning arm headers cover their five... four visible columns
        var spans = rows[0].Elements<W.TableCell>().Select(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1).ToList();
        Assert.Equal([1, 4, 4, 4], spans);
    }

    [Fact]
    public void Footnotes_follow_the_table_and_a_group_label_is_kept_with_its_rows()
    {
        var source = Table(SingleArm.Value, "baseline");
        byte[] docx = DocxRenderer.Render(OneTable(source));
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var after = body.Elements<W.Table>().Single().ElementsAfter().OfType<W.Paragraph>().Select(p => p.InnerText).Take(source.Footnotes.Count);
        Assert.Equal(source.Footnotes, after);
        var label = body.Descendants<W.TableRow>().First(r => r.InnerText == "Age, years");
        Assert.NotNull(label.Descendants<W.KeepNext>().FirstOrDefault());
        Assert.Equal(2, label.Elements<W.TableCell>().Single().TableCellProperties!.GridSpan!.Val!.Value);
    }

    [Fact]
    public void A_page_setup_out_of_range_is_refused()
    {
        var document = OneTable(Table(SingleArm.Value, "deaths"));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocxRenderer.Render(document, new PageSetup { MarginPoints = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocxRenderer.Render(document, new PageSetup { FontSizePoints = 40 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocxRenderer.Render(document, new PageSetup { FontFamily = " " }));
    }
}
