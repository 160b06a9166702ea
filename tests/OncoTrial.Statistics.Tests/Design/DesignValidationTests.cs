using OncoTrial.Statistics.Design;

namespace OncoTrial.Statistics.Tests.Design;

public sealed class DesignValidationTests
{
    private static SingleArmSurvivalInput Paper() => new(8.2, 9.8, 12, 12, 0.05, 0.8, 0.2);

    private static TwoArmSurvivalOptions TwoArm(int sides = 1, double alpha = 0.025, double power = 0.8) =>
        new(0.7, Math.Log(2) / 12, alpha, sides, power, 1, 24, 12, 0, 12, TwoArmEventsMethod.Schoenfeld);

    // ---- SingleArmSurvivalInput ----

    [Fact]
    public void The_paper_s_single_arm_inputs_have_no_problem()
    {
        ProblemAssert.Valid(Paper().Validate());
        ProblemAssert.Valid((Paper() with { Method = SingleArmSurvivalMethod.OneSampleLogRankWu2015, Shape = 1.5, Sidedness = Sidedness.OneSided, FollowUp = 0, Dropout = 0 }).Validate());
    }

    public static TheoryData<SingleArmSurvivalInput, string, string> BadSingleArmValues() => new()
    {
        { Paper() with { Median0 = -1 }, "median0", "-1" },
        { Paper() with { Median1 = 0 }, "median1", "0" },
        { Paper() with { Accrual = double.PositiveInfinity }, "accrual", "Infinity" },
        { Paper() with { FollowUp = -1 }, "follow-up", "-1" },
        { Paper() with { Alpha = 5 }, "alpha", "5" },
        { Paper() with { Power = 80 }, "power", "80" },
        { Paper() with { Dropout = 1 }, "dropout", "1" },
        { Paper() with { Method = SingleArmSurvivalMethod.OneSampleLogRankWu2015, Shape = 0 }, "shape", "0" },
    };

    [Theory]
    [MemberData(nameof(BadSingleArmValues))]
    public void Each_bad_single_arm_value_is_a_range_problem_with_its_option(SingleArmSurvivalInput input, string option, string found)
    {
        ProblemAssert.One(input.Validate(), option, "OPTION_RANGE", found);
    }

    [Fact]
    public void A_Weibull_shape_with_the_exponential_method_is_a_conflict()
    {
        var p = ProblemAssert.One((Paper() with { Shape = 1.2 }).Validate(), "shape", "OPTION_CONFLICT", "1.2");
        Assert.Contains("--method wu", p.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_medians_are_a_conflict_on_median1()
    {
        ProblemAssert.One((Paper() with { Median1 = 8.2 }).Validate(), "median1", "OPTION_CONFLICT", "8.2");
    }

    [Fact]
    public void Undefined_sides_and_method_are_reported()
    {
        var problems = (Paper() with { Sidedness = (Sidedness)5, Method = (SingleArmSurvivalMethod)9 }).Validate();
        ProblemAssert.Options(problems, "method", "sides");
    }

    [Fact]
    public void Every_bad_single_arm_value_is_reported_and_Compute_throws_the_same_text()
    {
        var input = Paper() with { Median0 = -1, FollowUp = -2, Alpha = 5, Dropout = 1.5 };
        var problems = input.Validate();
        ProblemAssert.Options(problems, "median0", "follow-up", "alpha", "dropout");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SingleArmSurvivalDesign.Compute(input));
        ProblemAssert.HasText(e, problems);
        Assert.Equal("median0", e.ParamName);
    }

    // ---- Simon and single-stage ----

    [Fact]
    public void Valid_rates_have_no_problem()
    {
        ProblemAssert.Valid(SimonTwoStageDesign.Validate(0.1, 0.3, 0.05, 0.8));
        ProblemAssert.Valid(SingleStageBinomialDesign.Validate(0.1, 0.3, 0.05, 0.8, 5000));
    }

    [Theory]
    [InlineData(0.0, 0.3, 0.05, 0.8, "p0", "0")]
    [InlineData(0.1, 1.0, 0.05, 0.8, "p1", "1")]
    [InlineData(0.1, 0.3, 5.0, 0.8, "alpha", "5")]
    [InlineData(0.1, 0.3, 0.05, 80.0, "power", "80")]
    public void Each_bad_rate_is_a_range_problem_with_its_option(double p0, double p1, double alpha, double power, string option, string found)
    {
        ProblemAssert.One(SimonTwoStageDesign.Validate(p0, p1, alpha, power), option, "OPTION_RANGE", found);
        ProblemAssert.One(SingleStageBinomialDesign.Validate(p0, p1, alpha, power), option, "OPTION_RANGE", found);
    }

    [Fact]
    public void The_alpha_problem_reads_as_the_command_line_printed_it()
    {
        Assert.Equal(
            "--alpha: expected a number strictly between 0 and 1, found 5. Give it as a fraction (0.05).",
            Assert.Single(SimonTwoStageDesign.Validate(0.1, 0.3, 5, 0.8)).ToString());
    }

    [Fact]
    public void A_desirable_rate_not_above_the_uninteresting_one_is_a_conflict()
    {
        ProblemAssert.One(SimonTwoStageDesign.Validate(0.3, 0.1, 0.05, 0.8), "p1", "OPTION_CONFLICT", "0.1");
        ProblemAssert.One(SingleStageBinomialDesign.Validate(0.3, 0.3, 0.05, 0.8), "p1", "OPTION_CONFLICT", "0.3");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1001)]
    public void A_Simon_max_n_outside_2_to_1000_is_a_problem(int maxN)
    {
        ProblemAssert.One(SimonTwoStageDesign.Validate(0.1, 0.3, 0.05, 0.8, maxN), "max-n", "OPTION_RANGE", maxN.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5001)]
    public void A_single_stage_max_n_outside_1_to_5000_is_a_problem(int maxN)
    {
        ProblemAssert.One(SingleStageBinomialDesign.Validate(0.1, 0.3, 0.05, 0.8, maxN), "max-n", "OPTION_RANGE", maxN.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_bad_rate_is_reported_and_Find_throws_the_same_text()
    {
        var simon = SimonTwoStageDesign.Validate(-0.1, 2, 0, 1, 5000);
        ProblemAssert.Options(simon, "p0", "p1", "alpha", "power", "max-n");
        ProblemAssert.HasText(Assert.Throws<ArgumentOutOfRangeException>(() => SimonTwoStageDesign.Find(-0.1, 2, 0, 1, SimonCriterion.Optimal, 5000)), simon);

        var single = SingleStageBinomialDesign.Validate(0.1, 2, 5, 0.8, 0);
        ProblemAssert.Options(single, "p1", "alpha", "max-n");
        ProblemAssert.HasText(Assert.Throws<ArgumentOutOfRangeException>(() => SingleStageBinomialDesign.Find(0.1, 2, 5, 0.8, 0)), single);
    }

    // ---- Two-arm survival ----

    [Fact]
    public void Valid_two_arm_inputs_have_no_problem()
    {
        ProblemAssert.Valid(TwoArmSurvivalOptions.Validate(0.7, 0.05, 0.05, 2, 0.9, 2, 24, 0, 0.05, 12, TwoArmEventsMethod.Freedman));
        ProblemAssert.Valid(TwoArmSurvivalOptions.ValidateMedians(12, 17));
    }

    public static TheoryData<double[], int, string, string> BadTwoArmValues() => new()
    {
        // hr, control hazard, alpha, power, allocation, accrual, follow-up, dropout, dropout time
        { [1, 0.05, 0.025, 0.8, 1, 24, 12, 0, 12], 1, "hr", "1" },
        { [0.7, -1, 0.025, 0.8, 1, 24, 12, 0, 12], 1, "median-control", "-1" },
        { [0.7, 0.05, 0, 0.8, 1, 24, 12, 0, 12], 1, "alpha", "0" },
        { [0.7, 0.05, 0.025, 0.8, 1, 24, 12, 0, 12], 3, "sides", "3" },
        { [0.7, 0.05, 0.025, 0.01, 1, 24, 12, 0, 12], 1, "power", "0.01" },
        { [0.7, 0.05, 0.025, 0.8, 0, 24, 12, 0, 12], 1, "allocation", "0" },
        { [0.7, 0.05, 0.025, 0.8, 1, 0, 12, 0, 12], 1, "accrual", "0" },
        { [0.7, 0.05, 0.025, 0.8, 1, 24, -1, 0, 12], 1, "follow-up", "-1" },
        { [0.7, 0.05, 0.025, 0.8, 1, 24, 12, 1, 12], 1, "dropout", "1" },
        { [0.7, 0.05, 0.025, 0.8, 1, 24, 12, 0, 0], 1, "dropout-time", "0" },
    };

    [Theory]
    [MemberData(nameof(BadTwoArmValues))]
    public void Each_bad_two_arm_value_is_a_range_problem_with_its_option(double[] v, int sides, string option, string found)
    {
        var problems = TwoArmSurvivalOptions.Validate(v[0], v[1], v[2], sides, v[3], v[4], v[5], v[6], v[7], v[8], TwoArmEventsMethod.Schoenfeld);
        ProblemAssert.One(problems, option, "OPTION_RANGE", found);
    }

    [Fact]
    public void An_undefined_events_method_is_a_problem()
    {
        ProblemAssert.One(TwoArmSurvivalOptions.Validate(0.7, 0.05, 0.025, 1, 0.8, 1, 24, 12, 0, 12, (TwoArmEventsMethod)4), "method", "OPTION_RANGE", "4");
    }

    [Fact]
    public void Every_bad_two_arm_value_is_reported_and_Create_throws_the_same_text()
    {
        var problems = TwoArmSurvivalOptions.Validate(1, -1, 2, 3, 0.8, 1, 24, 12, 1, 12, TwoArmEventsMethod.Schoenfeld);
        ProblemAssert.Options(problems, "hr", "median-control", "alpha", "sides", "power", "dropout");
        var e = Assert.Throws<ArgumentException>(() => TwoArmSurvivalOptions.Create(1, -1, alpha: 2, sides: 3, dropoutRate: 1));
        ProblemAssert.HasText(e, problems);
    }

    [Theory]
    [InlineData(0.0, 17.0, "median-control", "0")]
    [InlineData(12.0, double.NaN, "median-treatment", "NaN")]
    public void A_median_not_above_0_is_a_range_problem(double control, double treatment, string option, string found)
    {
        ProblemAssert.One(TwoArmSurvivalOptions.ValidateMedians(control, treatment), option, "OPTION_RANGE", found);
    }

    [Fact]
    public void Equal_medians_are_a_conflict_and_FromMedians_throws_the_same_text()
    {
        ProblemAssert.One(TwoArmSurvivalOptions.ValidateMedians(12, 12), "median-treatment", "OPTION_CONFLICT", "12");
        var both = TwoArmSurvivalOptions.ValidateMedians(-1, -2);
        ProblemAssert.Options(both, "median-control", "median-treatment");
        ProblemAssert.HasText(Assert.Throws<ArgumentException>(() => TwoArmSurvivalOptions.FromMedians(-1, -2)), both);
    }

    [Fact]
    public void A_valid_group_sequential_plan_has_no_problem()
    {
        ProblemAssert.Valid(TwoArmSurvivalDesign.ValidateGroupSequential(TwoArm(), [1.0 / 3, 2.0 / 3, 1], [0, 0.5]));
        ProblemAssert.Valid(TwoArmSurvivalDesign.ValidateGroupSequential(TwoArm(), [0.5, 1], [double.NegativeInfinity]));
        ProblemAssert.Valid(TwoArmSurvivalDesign.ValidateGroupSequential(TwoArm(), [1], null));
    }

    [Fact]
    public void A_two_sided_group_sequential_test_is_a_conflict_with_the_fix()
    {
        var p = ProblemAssert.One(TwoArmSurvivalDesign.ValidateGroupSequential(TwoArm(sides: 2, alpha: 0.05), [0.5, 1], null), "sides", "OPTION_CONFLICT", "2");
        Assert.Equal("Use --sides 1 with alpha halved (e.g. 0.025).", p.Fix);
    }

    [Fact]
    public void Futility_bounds_must_match_the_interim_looks()
    {
        var p = ProblemAssert.One(TwoArmSurvivalDesign.ValidateGroupSequential(TwoArm(), [1.0 / 3, 2.0 / 3, 1], [0, 0.5, 1]), "futility", "OPTION_CONFLICT", "3");
        Assert.Equal("--futility: expected one z value per interim look (2 for --stages 3), found 3.", p.ToString());
        ProblemAssert.One(TwoArmSurvivalDesign.ValidateGroupSequential(TwoArm(), [0.5, 1], [double.NaN]), "futility", "OPTION_RANGE", "NaN");
    }

    [Fact]
    public void Information_rates_must_increase_to_1_over_at_most_20_looks()
    {
        var problems = TwoArmSurvivalDesign.ValidateGroupSequential(TwoArm(), [0.5, 0.4, 0.9], null);
        ProblemAssert.Options(problems, "stages", "stages");
        Assert.Equal(["0.4 at look 2", "0.9"], problems.Select(p => p.Found));
        ProblemAssert.One(TwoArmSurvivalDesign.ValidateGroupSequential(TwoArm(), [.. Enumerable.Range(1, 21).Select(i => i / 21.0)], null), "stages", "OPTION_RANGE", "21");
    }

    [Fact]
    public void The_group_sequential_levels_are_checked()
    {
        ProblemAssert.One(TwoArmSurvivalDesign.ValidateGroupSequential(TwoArm(alpha: 0.6, power: 0.8), [0.5, 1], null), "alpha", "OPTION_RANGE", "0.6");
        ProblemAssert.One(TwoArmSurvivalDesign.ValidateGroupSequential(TwoArm(power: 1), [0.5, 1], null), "power", "OPTION_RANGE", "1");
    }

    [Fact]
    public void Every_group_sequential_problem_is_reported_and_the_design_throws_the_same_text()
    {
        var options = TwoArm(sides: 2, alpha: 0.05);
        var problems = TwoArmSurvivalDesign.ValidateGroupSequential(options, [0.6, 0.5], [0, 1]);
        ProblemAssert.Options(problems, "sides", "futility", "stages", "stages");
        var e = Assert.Throws<ArgumentException>(() => TwoArmSurvivalDesign.ComputeGroupSequential(options, [0.6, 0.5], futilityBounds: [0, 1]));
        ProblemAssert.HasText(e, problems);
    }
}
