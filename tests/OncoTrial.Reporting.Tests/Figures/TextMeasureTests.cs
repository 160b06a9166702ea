using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Tests.Figures;

public class TextMeasureTests
{
    // Liberation Sans is metric-compatible with Arial: advance widths in units of 2048 per em, as Arial's hmtx.
    [Theory]
    [InlineData("0", FontWeight.Regular, 1139)]
    [InlineData("A", FontWeight.Regular, 1366)]
    [InlineData(" ", FontWeight.Regular, 569)]
    [InlineData("i", FontWeight.Regular, 455)]
    [InlineData("A", FontWeight.Bold, 1479)]
    [InlineData("0123456789", FontWeight.Bold, 11390)]
    public void Widths_come_from_the_bundled_fonts_advance_widths(string text, FontWeight weight, int units)
    {
        Assert.Equal(units / 2048.0 * 10, TextMeasure.Width(text, 10, weight), 12);
    }

    [Fact]
    public void The_vertical_metrics_are_the_fonts()
    {
        Assert.Equal(1409 / 2048.0 * 10, TextMeasure.CapHeight(10), 12);
        Assert.Equal(1854 / 2048.0 * 10, TextMeasure.Ascent(10), 12);
        Assert.Equal(434 / 2048.0 * 10, TextMeasure.Descent(10), 12);
    }

    [Theory]
    [InlineData("\u2265 \u2264 \u2013 \u2212 \u2022 \u2190 \u2192 \u00A0 \u00B1 \u00D7 \u03B1")]
    [InlineData("Progression-free survival (%)")]
    public void The_symbols_the_figures_use_have_glyphs(string text)
    {
        Assert.True(TextMeasure.IsCovered(text));
        Assert.True(TextMeasure.IsCovered(text, FontWeight.Bold));
    }

    [Fact]
    public void A_character_the_font_lacks_is_reported()
    {
        Assert.False(TextMeasure.IsCovered("\u4E2D")); // a CJK ideograph
    }

    [Theory]
    [InlineData(60)]
    [InlineData(120)]
    [InlineData(300)]
    public void Wrapped_lines_never_exceed_the_width_and_keep_every_word(double width)
    {
        const string Text = "Other reasons (investigator decision before the first dose) and an unbreakablewordthatislongerthanaline";
        var lines = TextMeasure.Wrap(Text, width, 9);
        Assert.All(lines, l => Assert.True(TextMeasure.Width(l, 9) <= width, $"\"{l}\" is wider than {width}"));
        Assert.Equal(Text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void The_licence_of_the_font_ships_with_it()
    {
        Assert.Contains("SIL OPEN FONT LICENSE", BundledFont.License, StringComparison.Ordinal);
        Assert.Contains("Reserved Font Name Liberation", BundledFont.License, StringComparison.Ordinal);
        Assert.Equal(0x00010000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(BundledFont.GetBytes(FontWeight.Bold)));
    }
}
