using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Tests.Figures;

public class SvgWriterTests
{
    [Theory]
    [InlineData(0, "0.00")]
    [InlineData(-0.001, "0.00")]   // no "-0.00"
    [InlineData(1.125, "1.13")]    // half away from zero (1.125 is exact in binary)
    [InlineData(-1.125, "-1.13")]
    [InlineData(-2.5, "-2.50")]
    [InlineData(1234567.891, "1234567.89")]
    public void Numbers_are_invariant_with_two_decimals(double value, string expected)
    {
        Assert.Equal(expected, SvgWriter.N(value));
    }

    [Fact]
    public void A_coordinate_that_is_not_finite_is_refused_with_a_message()
    {
        var e = Assert.Throws<ArgumentException>(() => SvgWriter.N(double.NaN));
        Assert.Equal("Argument 'value' must be a finite coordinate, but it is NaN; a figure builder let a missing value through. (Parameter 'value')", e.Message);
    }

    [Fact]
    public void A_figure_id_must_be_lower_case_letters_digits_and_hyphens()
    {
        var figure = new Figure("KM pfs", 100, 100, [], "t");
        var e = Assert.Throws<ArgumentException>(() => SvgWriter.Write(figure));
        Assert.Equal("Argument 'Id' must be lower-case letters, digits and hyphens, starting with a letter, but it is \"KM pfs\". (Parameter 'Id')", e.Message);
    }

    [Fact]
    public void Text_is_escaped_and_placed_on_its_baseline()
    {
        var figure = new Figure("t", 100, 50, [new TextElement(10, 20, ["a < b & \"c\""], TextStyle.Plain(10), TextAnchor.Middle, TextBaseline.Top)], "x & y");
        string svg = SvgWriter.Write(figure);
        Assert.Contains("<title id=\"t-title\">x &amp; y</title>", svg, StringComparison.Ordinal);

        // Top baseline: y + cap height (1409/2048 em) = 20 + 6.88.
        Assert.Contains("<text x=\"10.00\" y=\"26.88\" text-anchor=\"middle\" font-size=\"10.00\">a &lt; b &amp; &quot;c&quot;</text>", svg, StringComparison.Ordinal);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100.00pt\" height=\"50.00pt\" viewBox=\"0 0 100.00 50.00\"", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>\n", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Ticks_are_nice_numbers_covering_the_range()
    {
        Assert.Equal([0.0, 20, 40, 60, 80, 100], Ticks.Nice(0, 100));
        Assert.Equal([-100.0, -50, 0, 50], Ticks.Nice(-100, 35, 5));
        Assert.Equal([0.0, 0.1, 0.2, 0.3], Ticks.Every(0.1, 0, 0.3));
        Assert.Equal([0.25, 0.5, 1, 2, 4], Ticks.Log(0.25, 4));
        Assert.Equal([0.2, 0.5, 1, 2, 5, 10], Ticks.Log(0.125, 16));
    }
}
