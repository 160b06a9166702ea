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

    [Theory]
    [InlineData(5, 8, 0, "5 (63)")] // 62.5 rounds away from zero (banker's rounding gives 62)
    [InlineData(1, 8, 0, "1 (13)")] // 12.5
    [InlineData(7, 13, 1, "7 (53.8)")]
    [InlineData(3, 2000, 1, "3 (0.2)")] // 0.15: the double 0.15 is just below, decimal arithmetic is exact
    [InlineData(0, 8, 0, "0")] // the paper prints a zero count alone
    [InlineData(36, 50, 0, "36 (72)")]
    public void A_count_shows_its_percentage_of_N_rounded_half_away_from_zero(int n, int total, int decimals, string expected) =>
        Assert.Equal(expected, CellFormat.CountPercent(decimals).Render([n, total], null));

    [Fact]
    public void A_count_without_a_denominator_is_shown_alone_and_a_missing_count_is_NE()
    {
        Assert.Equal("3", CellFormat.CountPercent(0).Render([3, 0], null));
        Assert.Equal("3", CellFormat.CountPercent(0).Render([3], null));
        Assert.Equal("NE", CellFormat.CountPercent(0).Render([null, 8], null));
    }

    [Fact]
    public void A_rate_is_shown_with_its_interval_and_over_a_subset_with_its_denominator()
    {
        Assert.Equal("36 (72.0; 57.5-83.8)", CellFormat.CountPercentInterval(1).Render([36, 50, 0.72, 0.5750, 0.8376], null));
        Assert.Equal("36/43 (83.7; 69.3-93.2)", CellFormat.FractionPercentInterval(1).Render([36, 43, 36.0 / 43, 0.6930, 0.9320], null));
        Assert.Equal("0/0 (NE)", CellFormat.FractionPercentInterval(1).Render([0, 0, null, null, null], null));
        Assert.Equal("4 (50.0; 15.7-NE)", CellFormat.CountPercentInterval(1).Render([4, 8, 0.5, 0.157, null], null));
    }

    [Theory]
    [InlineData(0.15, 1, "0.2")]
    [InlineData(2.5, 0, "3")]
    [InlineData(-2.5, 0, "-3")]
    [InlineData(-0.04, 1, "0.0")] // no negative zero
    [InlineData(14.949999, 1, "14.9")]
    public void Fixed_decimals_round_half_away_from_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, CellFormat.Fixed(decimals).Render(value));

    [Fact]
    public void An_interval_with_fixed_decimals_is_scaled_and_rounded()
    {
        Assert.Equal("58.5 (41.9-71.9)", CellFormat.Interval(1, 100).Render([0.585, 0.4185, 0.719], null));
        Assert.Equal("NE (13.2-NE)", CellFormat.Interval(1).Render([null, 13.2, null], null));
        Assert.Throws<ArgumentOutOfRangeException>(() => CellFormat.Interval(11));
    }
}
