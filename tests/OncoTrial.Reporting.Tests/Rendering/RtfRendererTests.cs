using System.Globalization;
using System.Text.RegularExpressions;
using OncoTrial.Reporting.Tables;
using OncoTrial.Reporting.Tests.Tables;

namespace OncoTrial.Reporting.Tests.Rendering;

public class RtfRendererTests
{
    private static readonly string GoldenFolder = RepositoryPaths.File("tests", "OncoTrial.Reporting.Tests", "Rendering", "Golden");

    private static readonly Lazy<IReadOnlyList<ReportTable>> SingleArm = new(() => TrialTables.Create(TableStudy.Results()));
    private static readonly Lazy<IReadOnlyList<ReportTable>> TwoArms = new(() => TrialTables.Create(TableStudy.Results(twoArms: true)));

    public static TheoryData<string> Names => TrialTablesTests.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_table_as_RTF_matches_its_golden_file(string name)
    {
        string rtf = RtfRenderer.Render(DocxRendererTests.OneTable(DocxRendererTests.Table(SingleArm.Value, name)));
        Assert.True(Balanced(rtf));
        Golden.Verify(GoldenFolder, "single-arm." + name, "rtf", rtf);
    }

    [Fact]
    public void The_two_arm_AE_table_as_RTF_matches_its_golden_file()
    {
        string rtf = RtfRenderer.Render(DocxRendererTests.OneTable(DocxRendererTests.Table(TwoArms.Value, "adverse-events")));
        Golden.Verify(GoldenFolder, "two-arms.adverse-events", "rtf", rtf);
    }

    [Fact]
    public void The_page_is_set_header_rows_repeat_and_the_footer_counts_pages()
    {
        // Given: three header rows in the two-arm AE table
        string rtf = RtfRenderer.Render(DocxRendererTests.OneTable(DocxRendererTests.Table(TwoArms.Value, "adverse-events")));

        // Then
        Assert.Contains(@"\paperw16838\paperh11906\margl1440\margr1440\margt1440\margb1440\landscape", rtf, StringComparison.Ordinal);
        Assert.Contains(@"\lndscpsxn", rtf, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(rtf, @"\\trhdr"));
        Assert.Contains(@"Page \chpgn  of {\field{\*\fldinst NUMPAGES }{\fldrslt 1}}", rtf, StringComparison.Ordinal);
        Assert.Contains(@"Grade \u8805\'3f 3", rtf, StringComparison.Ordinal);
    }

    [Fact]
    public void A_portrait_letter_page_has_no_landscape_words()
    {
        string rtf = RtfRenderer.Render(DocxRendererTests.OneTable(DocxRendererTests.Table(SingleArm.Value, "deaths")), new PageSetup { Paper = PaperSize.Letter, Orientation = PageOrientation.Portrait });
        Assert.Contains(@"\paperw12240\paperh15840", rtf, StringComparison.Ordinal);
        Assert.DoesNotContain("landscape", rtf, StringComparison.Ordinal);
        Assert.DoesNotContain("lndscpsxn", rtf, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_is_ASCII_with_balanced_braces_the_same_twice_and_under_another_culture()
    {
        var document = TrialTables.ToDocument(TableStudy.Results(twoArms: true));
        string first = RtfRenderer.Render(document);
        string second = RtfRenderer.Render(document);
        var culture = CultureInfo.CurrentCulture;
        string german;
        try
        {
            CultureInfo.CurrentCulture = DocxRendererTests.CommaCulture();
            german = RtfRenderer.Render(TrialTables.ToDocument(TableStudy.Results(twoArms: true)));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal(first, second);
        Assert.Equal(first, german);
        Assert.All(first, c => Assert.True(c < 128, $"non-ASCII character U+{(int)c:X4}"));
        Assert.True(Balanced(first));
        Assert.Equal(7, Regex.Count(first, @"\\page\b"));
    }

    [Theory]
    [InlineData("a{b}c\\d", @"a\{b\}c\\d")]
    [InlineData("≥ 3 ± 1", @"\u8805\'3f 3 \u177\'3f 1")]
    [InlineData("tab\there\nline", @"tab\tab here\line line")]
    [InlineData("\U0001F600", @"\u-10179\'3f\u-8704\'3f")]
    public void Text_is_escaped_with_unicode_code_units(string text, string expected) => Assert.Equal(expected, RtfRenderer.Escape(text));

    [Fact]
    public void A_picture_is_written_as_png_hex_at_its_size_in_twips()
    {
        string rtf = RtfRenderer.Render(new DocumentBuilder("Picture").Image(DocxRendererTests.Png, 144, 72, "dot").Build());
        Assert.Contains(@"{\pict\pngblip\picw2880\pich1440\picwgoal2880\pichgoal1440", rtf, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(DocxRendererTests.Png), rtf.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_font_name_that_would_break_the_font_table_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RtfRenderer.Render(new DocumentBuilder("x").Build(), new PageSetup { FontFamily = "Arial;}" }));

    /// <summary>Whether every unescaped brace is closed, in order.</summary>
    private static bool Balanced(string rtf)
    {
        int depth = 0;
        for (int i = 0; i < rtf.Length; i++)
        {
            if (rtf[i] == '\\')
            {
                i++;
                continue;
            }

            depth += rtf[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }
}
