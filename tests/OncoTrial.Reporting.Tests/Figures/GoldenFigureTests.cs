using System.Globalization;
using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Tests.Figures;

public class GoldenFigureTests
{
    public static TheoryData<string> Names => new(Gallery.All.Keys);

    private static string GoldenPath(string name) =>
        RepositoryPaths.File("tests", "OncoTrial.Reporting.Tests", "Figures", "Golden", name + ".verified.svg");

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_figure_matches_its_golden_SVG(string name)
    {
        string svg = SvgWriter.Write(Gallery.All[name]());
        Golden.Verify(GoldenPath(name), svg);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Two_renders_of_a_figure_give_the_same_bytes(string name)
    {
        string first = SvgWriter.Write(Gallery.All[name]());
        string second = SvgWriter.Write(Gallery.All[name]());
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_culture_with_a_decimal_comma_and_other_separators_gives_the_same_bytes(string name)
    {
        // Given: the invariant render, then a culture that writes 1.234,5 and a different minus sign
        string invariant = SvgWriter.Write(Gallery.All[name]());
        var before = CultureInfo.CurrentCulture;
        var beforeUi = CultureInfo.CurrentUICulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        comma.NumberFormat.NegativeSign = "\u2212";
        comma.NumberFormat.PercentSymbol = "pct";
        try
        {
            CultureInfo.CurrentCulture = comma;
            CultureInfo.CurrentUICulture = comma;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the culture is in force

            // When
            string local = SvgWriter.Write(Gallery.All[name]());

            // Then
            Assert.Equal(invariant, local);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_text_of_every_figure_has_glyphs_in_the_bundled_font(string name)
    {
        var texts = Texts(Gallery.All[name]()).ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.True(TextMeasure.IsCovered(t), $"\"{t}\" has a character without a glyph in Liberation Sans"));
    }

    [Fact]
    public void The_SVG_names_the_bundled_font_first_and_prefixes_every_id_with_the_figure_id()
    {
        string svg = SvgWriter.Write(FigureSamples.KaplanMeierTwoArms());
        Assert.Contains("font-family=\"'Liberation Sans', Arial, Helvetica, sans-serif\"", svg, StringComparison.Ordinal);
        var ids = System.Text.RegularExpressions.Regex.Matches(svg, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("km-aml-", id, StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    internal static IEnumerable<string> Texts(Figure figure)
    {
        foreach (var element in figure.Elements)
        {
            switch (element)
            {
                case Panel panel:
                    foreach (var mark in panel.Marks.OfType<TextMark>())
                    {
                        yield return mark.Text;
                    }

                    break;
                case Axis axis:
                    yield return axis.Title;
                    foreach (var tick in axis.Ticks)
                    {
                        yield return tick.Label;
                    }

                    break;
                case TextElement text:
                    foreach (string line in text.Lines)
                    {
                        yield return line;
                    }

                    break;
                case BoxElement box:
                    foreach (var line in box.Lines)
                    {
                        yield return line.Text;
                    }

                    break;
                case LegendElement legend:
                    if (legend.Title is { } title)
                    {
                        yield return title;
                    }

                    foreach (var entry in legend.Entries)
                    {
                        yield return entry.Label;
                    }

                    break;
            }
        }
    }
}
