using OncoTrial.Clinical.Protocol;

namespace OncoTrial.Clinical.Tests.Protocol;

public class CombinedPositiveScoreTests
{
    [Theory]
    [InlineData(0, 0, 200, 0.0, CpsCategory.BelowOne)]
    [InlineData(1, 0, 200, 0.5, CpsCategory.BelowOne)]
    [InlineData(1, 1, 200, 1.0, CpsCategory.OneToBelowTen)]
    [InlineData(10, 9, 200, 9.5, CpsCategory.OneToBelowTen)]
    [InlineData(10, 10, 200, 10.0, CpsCategory.TenOrMore)]
    [InlineData(150, 100, 200, 100.0, CpsCategory.TenOrMore)]
    public void The_score_is_positive_cells_over_viable_tumour_cells_times_100_capped_at_100(int tc, int ic, int viable, double expected, CpsCategory category)
    {
        var cps = CombinedPositiveScore.Compute(tc, ic, viable);
        Assert.Equal(expected, cps.Value, 12);
        Assert.Equal(category, cps.Category);
    }

    [Fact]
    public void The_uncapped_score_is_kept_and_the_cutoffs_are_inclusive()
    {
        var cps = CombinedPositiveScore.Compute(150, 100, 200);
        Assert.Equal(125, cps.Uncapped, 12);
        Assert.True(cps.IsAtLeast(10));
        Assert.True(CombinedPositiveScore.Compute(1, 0, 100).IsAtLeast(1));
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    public void A_specimen_needs_100_viable_tumour_cells_to_be_adequate(int viable, bool adequate)
    {
        Assert.Equal(adequate, CombinedPositiveScore.Compute(0, 0, viable).IsAdequate);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(-1, 0, 100)]
    [InlineData(0, -1, 100)]
    [InlineData(101, 0, 100)]
    public void Impossible_counts_are_refused(int tc, int ic, int viable)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CombinedPositiveScore.Compute(tc, ic, viable));
    }
}
