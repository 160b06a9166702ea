using OncoTrial.Reporting;

namespace OncoTrial.Reporting.Tests.Rendering;

public class CellFormatTests
{
    [Theory]
    [InlineData(0.123456, "0.0000", "0.1235")]
    [InlineData(double.NaN, "0.0000", "NE")]
    [InlineData(double.PositiveInfinity, "0.0000", "NE")]
    [InlineData(13.0, "0.####", "13")]
    [InlineData(-0.5, "+0.0;-0.0;0.0", "-0.5")]
    public void A_number_is_formatted_with_its_pattern_and_NE_when_not_estimable(double value, string pattern, string expected) =>
        Assert.Equal(expected, CellFormat.Number(pattern).Render(value));

    [Fact]
    public void A_null_value_is_not_estimable() => Assert.Equal("NE", CellFormat.Number("0.0").Render(null));

    [Theory]
    [InlineData(0.00001, "<0.0001")]
    [InlineData(0.0653, "0.0653")]
    [InlineData(double.NaN, "NE")]
    public void A_p_value_below_one_in_ten_thousand_is_shown_as_a_bound(double p, string expected) => Assert.Equal(expected, CellFormat.PValue.Render(p));

    [Fact]
    public void Infinity_can_be_shown_for_hazard_ratios()
    {
        var f = CellFormat.NumberOrInfinity("0.####");
        Assert.Equal("Inf", f.Render(double.PositiveInfinity));
        Assert.Equal("-Inf", f.Render(double.NegativeInfinity));
        Assert.Equal("NE", f.Render(double.NaN));
    }

    [Fact]
    public void An_estimate_with_its_interval_is_scaled_and_missing_limits_are_NE()
    {
        Assert.Equal("72.0 (57.5-83.8)", CellFormat.EstimateWithInterval("0.0", 100).Render([0.72, 0.575, 0.838], null));
        Assert.Equal("103 (13, NE)", CellFormat.EstimateWithIntervalComma("0.####").Render([103, 13, null], null));
        Assert.Equal("NE (16, NE)", CellFormat.EstimateWithIntervalComma("0.####").Render([null, 16, null], null));
        Assert.Equal("NE", CellFormat.EstimateWithInterval("0.0").Render([null, null, null], null));
    }

    [Fact]
    public void Formatting_does_not_change_with_the_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            string invariant = CellFormat.Number("0.00").Render(1234.5);
            Assert.Equal("1234.50", invariant);
            Assert.Equal("2024-04-01", Formats.Date(new DateOnly(2024, 4, 1)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
