using OncoTrial.Statistics.Design;

namespace OncoTrial.Statistics.Tests.Design;

/// <summary>Properties of the Lan-DeMets group-sequential boundaries.</summary>
public class GroupSequentialDesignTests
{
    private static readonly double[] ThreeLooks = [1.0 / 3, 2.0 / 3, 1];

    [Fact]
    public void OBrien_Fleming_boundaries_decrease_over_the_stages()
    {
        var d = GroupSequentialDesign.Compute(ThreeLooks, spending: LanDeMetsSpending.OBrienFleming);
        Assert.True(d.CriticalValues[0] > d.CriticalValues[1]);
        Assert.True(d.CriticalValues[1] > d.CriticalValues[2]);
    }

    [Theory]
    [InlineData(LanDeMetsSpending.OBrienFleming)]
    [InlineData(LanDeMetsSpending.Pocock)]
    public void Cumulative_alpha_crossed_under_H0_equals_the_spending_function_at_each_look(LanDeMetsSpending spending)
    {
        double[] looks = [0.2, 0.45, 0.7, 1];
        var d = GroupSequentialDesign.Compute(looks, alpha: 0.025, spending: spending);
        double cumulative = 0;
        for (int k = 0; k < looks.Length; k++)
        {
            cumulative += d.RejectionProbabilitiesH0[k];
            double expected = GroupSequentialDesign.ComputeAlphaSpent(spending, 0.025, looks[k]);
            Assert.Equal(k == looks.Length - 1 ? 0.025 : expected, d.CumulativeAlphaSpent[k], 15);
            Assert.True(Math.Abs(cumulative - d.CumulativeAlphaSpent[k]) < 1e-12, $"look {k + 1}: crossed {cumulative}, spent {d.CumulativeAlphaSpent[k]}");
        }
    }

    [Fact]
    public void Both_spending_functions_spend_exactly_alpha_at_full_information()
    {
        Assert.Equal(0.025, GroupSequentialDesign.ComputeAlphaSpent(LanDeMetsSpending.OBrienFleming, 0.025, 1), 15);
        Assert.Equal(0.025, GroupSequentialDesign.ComputeAlphaSpent(LanDeMetsSpending.Pocock, 0.025, 1), 15);
    }

    [Fact]
    public void One_look_is_the_fixed_design_with_inflation_factor_one()
    {
        var d = GroupSequentialDesign.Compute([1.0], alpha: 0.025, beta: 0.2);
        Assert.Equal(1.959963984540054, d.CriticalValues[0], 10);
        Assert.Equal(1, d.InflationFactor, 10);
        Assert.Equal(0.8, d.Power, 10);
    }

    [Fact]
    public void Pocock_spending_inflates_the_maximum_more_and_stops_earlier_under_H1_than_OBrien_Fleming()
    {
        var obf = GroupSequentialDesign.Compute(ThreeLooks, spending: LanDeMetsSpending.OBrienFleming);
        var pocock = GroupSequentialDesign.Compute(ThreeLooks, spending: LanDeMetsSpending.Pocock);
        Assert.True(pocock.InflationFactor > obf.InflationFactor);
        Assert.True(pocock.ExpectedInformationH1 * pocock.InflationFactor < obf.ExpectedInformationH1 * obf.InflationFactor);
    }

    [Fact]
    public void The_default_integration_grid_is_converged_to_1e_9()
    {
        double[] looks = [0.25, 0.5, 0.8, 1];
        var coarse = GroupSequentialDesign.Compute(looks, gridPointsPerUnit: GroupSequentialDesign.DefaultGridPointsPerUnit);
        var fine = GroupSequentialDesign.Compute(looks, gridPointsPerUnit: 2 * GroupSequentialDesign.DefaultGridPointsPerUnit);
        for (int k = 0; k < looks.Length; k++)
        {
            Assert.True(Math.Abs(coarse.CriticalValues[k] - fine.CriticalValues[k]) < 1e-9, $"look {k + 1}: {coarse.CriticalValues[k]:R} vs {fine.CriticalValues[k]:R}");
            Assert.True(Math.Abs(coarse.RejectionProbabilitiesH1[k] - fine.RejectionProbabilitiesH1[k]) < 1e-9, $"look {k + 1}: {coarse.RejectionProbabilitiesH1[k]:R} vs {fine.RejectionProbabilitiesH1[k]:R}");
        }

        Assert.True(Math.Abs(coarse.InflationFactor - fine.InflationFactor) < 1e-9, $"{coarse.InflationFactor:R} vs {fine.InflationFactor:R}");
    }

    [Fact]
    public void Non_binding_futility_keeps_the_efficacy_bounds_and_raises_the_maximum_information()
    {
        var none = GroupSequentialDesign.Compute(ThreeLooks);
        var futile = GroupSequentialDesign.Compute(ThreeLooks, futilityBounds: [0, 0.5]);
        Assert.Equal(none.CriticalValues, futile.CriticalValues);
        Assert.True(futile.InflationFactor > none.InflationFactor);
        Assert.True(futile.ExpectedInformationH0 < none.ExpectedInformationH0);
        Assert.Equal(0.5, futile.FutilityProbabilitiesH0[0], 12);
        Assert.Equal(0.8, futile.Power, 10);
    }

    [Fact]
    public void Information_rates_must_increase_to_one()
    {
        var ex = Assert.Throws<ArgumentException>(() => GroupSequentialDesign.Compute([0.5, 0.4, 0.9]));
        Assert.Contains("found 0.4 at look 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected the last look at 1", ex.Message, StringComparison.Ordinal);
    }
}
