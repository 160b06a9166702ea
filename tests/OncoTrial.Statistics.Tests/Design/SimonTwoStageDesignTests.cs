using OncoTrial.Statistics.Design;

namespace OncoTrial.Statistics.Tests.Design;

public class SimonTwoStageDesignTests
{
    // docs/reference/survival-conventions.md §7: p0, p1, alpha, beta; optimal r1, n1, r, n, EN0, PET0, alpha, power; minimax r1, n1, r, n, EN0, PET0.
    public static IEnumerable<object[]> Table =>
    [
        [0.05, 0.25, 0.05, 0.20, 0, 9, 2, 17, 11.96, 0.630, 0.0466, 0.8122, 0, 12, 2, 16, 13.84, 0.540],
        [0.10, 0.30, 0.05, 0.20, 1, 10, 5, 29, 15.01, 0.736, 0.0471, 0.8051, 1, 15, 5, 25, 19.51, 0.549],
        [0.20, 0.40, 0.05, 0.20, 3, 13, 12, 43, 20.58, 0.747, 0.0496, 0.8002, 4, 18, 10, 33, 22.25, 0.716],
        [0.30, 0.50, 0.05, 0.20, 5, 15, 18, 46, 23.63, 0.722, 0.0499, 0.8032, 6, 19, 16, 39, 25.69, 0.666],
        [0.40, 0.60, 0.05, 0.20, 7, 16, 23, 46, 24.52, 0.716, 0.0486, 0.8006, 17, 34, 20, 39, 34.44, 0.913],
        [0.10, 0.30, 0.10, 0.10, 1, 12, 5, 35, 19.84, 0.659, 0.0977, 0.9014, 1, 16, 4, 25, 20.37, 0.515],
        [0.20, 0.40, 0.10, 0.10, 3, 17, 10, 37, 26.02, 0.549, 0.0948, 0.9033, 3, 19, 10, 36, 28.26, 0.455],
    ];

    private static void Near(double expected, double actual, int digits) =>
        Assert.True(Math.Abs(expected - actual) <= 0.5 * Math.Pow(10, -digits) + 1e-12, $"expected {expected}, found {actual}");

    [Theory]
    [MemberData(nameof(Table))]
    public void The_optimal_and_minimax_designs_match_the_reference_table(
        double p0, double p1, double alpha, double beta,
        int r1, int n1, int r, int n, double en, double pet, double actualAlpha, double power,
        int mr1, int mn1, int mr, int mn, double men, double mpet)
    {
        var o = SimonTwoStageDesign.Find(p0, p1, alpha, 1 - beta, SimonCriterion.Optimal);
        Assert.NotNull(o);
        Assert.Equal((r1, n1, r, n), (o.R1, o.N1, o.R, o.N));
        Near(en, o.ExpectedSampleSize0, 2);
        Near(pet, o.EarlyTerminationProbability0, 3);
        Near(actualAlpha, o.Alpha, 4);
        Near(power, o.Power, 4);
        Assert.Equal(SimonCriterion.Optimal, o.Criterion);

        var m = SimonTwoStageDesign.Find(p0, p1, alpha, 1 - beta, SimonCriterion.Minimax);
        Assert.NotNull(m);
        Assert.Equal((mr1, mn1, mr, mn), (m.R1, m.N1, m.R, m.N));
        Near(men, m.ExpectedSampleSize0, 2);
        Near(mpet, m.EarlyTerminationProbability0, 3);
        Assert.True(m.Alpha <= alpha && m.Power >= 1 - beta);
    }

    [Fact]
    public void The_extra_design_2_of_18_6_of_35_has_the_documented_operating_characteristics()
    {
        var d = SimonTwoStageDesign.Evaluate(0.10, 0.30, 2, 18, 6, 35);
        Near(0.0474, d.Alpha, 4);
        Near(0.9016, d.Power, 4);
        Near(22.53, d.ExpectedSampleSize0, 2);
        Near(0.734, d.EarlyTerminationProbability0, 3);
    }

    [Fact]
    public void The_extra_design_7_of_18_22_of_46_has_the_documented_operating_characteristics()
    {
        var d = SimonTwoStageDesign.Evaluate(0.40, 0.60, 7, 18, 22, 46);
        Near(0.0952, d.Alpha, 4);
        Near(0.9004, d.Power, 4);
        Near(30.22, d.ExpectedSampleSize0, 2);
    }

    [Fact]
    public void The_p0_40_search_finishes_with_the_default_limit()
    {
        Assert.NotNull(SimonTwoStageDesign.Find(0.40, 0.60, 0.05, 0.80, SimonCriterion.Optimal));
    }

    [Fact]
    public void No_design_within_a_too_small_limit_is_null()
    {
        Assert.Null(SimonTwoStageDesign.Find(0.10, 0.30, 0.05, 0.80, SimonCriterion.Minimax, maxN: 20));
    }

    [Fact]
    public void A_desirable_rate_below_the_uninteresting_one_is_refused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SimonTwoStageDesign.Find(0.3, 0.1, 0.05, 0.8, SimonCriterion.Optimal));
        Assert.StartsWith("--p1: expected a response rate above p0 (0.3), found 0.1.", ex.Message, StringComparison.Ordinal);
    }
}
