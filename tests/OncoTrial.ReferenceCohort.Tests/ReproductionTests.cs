namespace OncoTrial.ReferenceCohort.Tests;

public class ReproductionTests
{
    [Theory]
    [InlineData(14.9, 1, 14.93, ReproductionVerdict.Exact)]
    [InlineData(14.9, 1, 14.85, ReproductionVerdict.Exact)]
    [InlineData(14.9, 1, 14.849, ReproductionVerdict.Differs)]
    [InlineData(14.9, 1, 14.95, ReproductionVerdict.Within)]
    [InlineData(72.0, 1, 72.0, ReproductionVerdict.Exact)]
    [InlineData(23, 0, 23, ReproductionVerdict.Exact)]
    [InlineData(23, 0, 22, ReproductionVerdict.Differs)]
    public void A_computed_value_is_exact_when_it_rounds_half_away_from_zero_to_the_printed_one(double published, int decimals, double computed, ReproductionVerdict expected)
    {
        var v = ReproducedValue.Compare("x", PublishedKind.Median, new PublishedNumber(published, decimals), computed);
        Assert.Equal(expected, v.Verdict);
    }

    [Fact]
    public void Not_estimable_is_exact_only_against_not_estimable()
    {
        Assert.Equal(ReproductionVerdict.Exact, ReproducedValue.Compare("os_median", PublishedKind.Median, new PublishedNumber(null, 0), null).Verdict);
        Assert.Equal(ReproductionVerdict.Differs, ReproducedValue.Compare("os_median", PublishedKind.Median, new PublishedNumber(null, 0), 30.1).Verdict);
        Assert.Equal(ReproductionVerdict.Differs, ReproducedValue.Compare("pfs_median/lower", PublishedKind.Median, new PublishedNumber(11.4, 1), null).Verdict);
    }

    [Fact]
    public void A_stated_tolerance_turns_a_near_miss_into_within_and_only_counts_make_the_run_fail()
    {
        var rate = ReproducedValue.Compare("rdi_anlotinib_median/min", PublishedKind.Percent, new PublishedNumber(64, 0), 62.0, "reason", tolerance: 3);
        Assert.Equal(ReproductionVerdict.Within, rate.Verdict);
        var count = ReproducedValue.Compare("bor_cr", PublishedKind.Count, new PublishedNumber(5, 0), 4);
        var percent = ReproducedValue.Compare("bor_cr/percent", PublishedKind.Count, new PublishedNumber(10, 0), 8);
        Assert.True(count.IsCount);
        Assert.False(percent.IsCount);
        Assert.True(new Reproduction("s", "m", [rate, count], []).AnyCountDiffers);
        Assert.False(new Reproduction("s", "m", [rate, percent], []).AnyCountDiffers);
    }
}
