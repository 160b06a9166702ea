namespace OncoTrial.Statistics.Tests.Survival;

public sealed class SurvivalOptionValidationTests
{
    private static readonly double[] Time = [9, 13, 13, 18, 23, 5, 5, 8, 8, 12];
    private static readonly int[] Status = [1, 1, 0, 1, 1, 1, 1, 1, 1, 1];
    private static readonly int[] Group = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    private static readonly string[] Arms = ["A", "A", "A", "A", "A", "B", "B", "B", "B", "B"];

    // ---- LogRankOptions ----

    public static TheoryData<LogRankOptions> ValidLogRankOptions() =>
    [
        LogRankOptions.Default,
        new LogRankOptions(LogRankWeighting.GehanBreslow),
        new LogRankOptions(LogRankWeighting.FlemingHarrington, 1, 0),
        new LogRankOptions(LogRankWeighting.FlemingHarrington, 0, 0),
        new LogRankOptions(LogRankWeighting.FlemingHarrington, 0.5, 2),
    ];

    [Theory]
    [MemberData(nameof(ValidLogRankOptions))]
    public void Valid_log_rank_options_have_no_problem(LogRankOptions options)
    {
        ProblemAssert.Valid(options.Validate());
    }

    [Theory]
    [InlineData(-1.0, 0.0, "rho", "-1")]
    [InlineData(double.PositiveInfinity, 0.0, "rho", "Infinity")]
    [InlineData(0.0, double.NaN, "gamma", "NaN")]
    [InlineData(0.0, -0.5, "gamma", "-0.5")]
    public void A_bad_Fleming_Harrington_exponent_is_a_range_problem(double rho, double gamma, string option, string found)
    {
        ProblemAssert.One(new LogRankOptions(LogRankWeighting.FlemingHarrington, rho, gamma).Validate(), option, "OPTION_RANGE", found);
    }

    [Fact]
    public void Rho_with_another_weighting_is_a_conflict()
    {
        var p = ProblemAssert.One(new LogRankOptions(LogRankWeighting.LogRank, Rho: 1).Validate(), "rho", "OPTION_CONFLICT", "1 with --test logrank");
        Assert.Equal(
            "--rho: expected 0 unless --test fleming-harrington (rho and gamma apply only to Fleming-Harrington weights), found 1 with --test logrank. Use --test fleming-harrington (R survdiff(rho = 1) is fleming-harrington with rho 1, gamma 0), or set rho and gamma to 0.",
            p.ToString());
    }

    [Fact]
    public void Both_exponents_with_another_weighting_are_both_reported()
    {
        var problems = new LogRankOptions(LogRankWeighting.PetoPeto, 1, 2).Validate();
        ProblemAssert.Options(problems, "rho", "gamma");
        Assert.All(problems, p => Assert.Equal("OPTION_CONFLICT", p.Code));
    }

    [Fact]
    public void Both_bad_exponents_are_reported()
    {
        ProblemAssert.Options(new LogRankOptions(LogRankWeighting.FlemingHarrington, -1, double.NaN).Validate(), "rho", "gamma");
    }

    [Fact]
    public void An_undefined_weighting_is_a_problem_with_the_test_option()
    {
        var p = ProblemAssert.One(new LogRankOptions((LogRankWeighting)42).Validate(), "test", "OPTION_RANGE", "42");
        Assert.Contains("fleming-harrington", p.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_rank_test_throws_the_same_text()
    {
        var options = new LogRankOptions(LogRankWeighting.FlemingHarrington, -1, double.NaN);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogRankTest.Compute(Time, Status, Group, 2, options));
        ProblemAssert.HasText(e, options.Validate());
        Assert.Equal("options", e.ParamName);
    }

    // ---- CoxOptions ----

    [Fact]
    public void The_default_Cox_options_have_no_problem()
    {
        ProblemAssert.Valid(CoxOptions.Default.Validate());
        ProblemAssert.Valid((CoxOptions.Default with { Ties = CoxTies.Breslow, ConfidenceLevel = ConfidenceLevel.Create(0.9), MaxIterations = 0 }).Validate());
    }

    [Fact]
    public void Each_bad_Cox_option_is_reported()
    {
        ProblemAssert.One((CoxOptions.Default with { MaxIterations = -1 }).Validate(), "max-iterations", "OPTION_RANGE", "-1");
        ProblemAssert.One((CoxOptions.Default with { Tolerance = 0 }).Validate(), "tolerance", "OPTION_RANGE", "0");
        ProblemAssert.One((CoxOptions.Default with { Tolerance = double.NaN }).Validate(), "tolerance", "OPTION_RANGE", "NaN");
        ProblemAssert.One((CoxOptions.Default with { ConfidenceLevel = default }).Validate(), "conf-level", "OPTION_RANGE", "0");
        ProblemAssert.One((CoxOptions.Default with { Ties = (CoxTies)7 }).Validate(), "ties", "OPTION_RANGE", "7");
    }

    [Fact]
    public void Every_bad_Cox_option_is_reported_at_once_and_Fit_throws_the_same_text()
    {
        var options = CoxOptions.Default with { MaxIterations = -3, Tolerance = -1, ConfidenceLevel = default };
        var problems = options.Validate();
        ProblemAssert.Options(problems, "conf-level", "max-iterations", "tolerance");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CoxModel.Fit(Time, Status, [CoxCovariate.Categorical("arm", Arms)], options));
        ProblemAssert.HasText(e, problems);
    }

    // ---- KaplanMeierOptions ----

    [Fact]
    public void The_default_Kaplan_Meier_options_have_no_problem()
    {
        ProblemAssert.Valid(KaplanMeierOptions.Default.Validate());
    }

    [Fact]
    public void Every_bad_Kaplan_Meier_option_is_reported()
    {
        var options = KaplanMeierOptions.Default with
        {
            ConfidenceLevel = default,
            Transform = (SurvivalCiTransform)9,
            QuantileRule = (QuantileRule)9,
            LandmarkRule = (LandmarkRule)9,
        };
        var problems = options.Validate();
        ProblemAssert.Options(problems, "conf-level", "conf-type", "median-rule", "landmark-rule");
        ProblemAssert.Is(problems[1], "conf-type", "OPTION_RANGE", "9");
    }

    [Fact]
    public void Fit_throws_the_same_text()
    {
        var options = KaplanMeierOptions.Default with { ConfidenceLevel = default, Transform = (SurvivalCiTransform)9 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Fit(Time, Status, options: options));
        ProblemAssert.HasText(e, options.Validate());
        Assert.Equal("options", e.ParamName);
        ProblemAssert.HasText(Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.FitByGroup(Time, Status, Factor.Create(Arms), options: options)), options.Validate());
    }

    // ---- SurvivalAnalysisOptions ----

    [Fact]
    public void The_default_survival_analysis_options_have_no_problem()
    {
        ProblemAssert.Valid(SurvivalAnalysisOptions.Default.Validate());
        ProblemAssert.Valid((SurvivalAnalysisOptions.Default with { LandmarkTimes = [0, 180, 365], QuantileProbabilities = [0.1, 0.5] }).Validate());
    }

    [Fact]
    public void Landmark_times_must_be_finite_and_not_negative()
    {
        var problems = (SurvivalAnalysisOptions.Default with { LandmarkTimes = [12, -1, double.NaN, double.PositiveInfinity] }).Validate();
        ProblemAssert.Options(problems, "times", "times", "times");
        Assert.Equal(["-1", "NaN", "Infinity"], problems.Select(p => p.Found));
        Assert.Equal("--times: expected finite landmark times >= 0 (e.g. 180,365), found -1.", problems[0].ToString());
    }

    [Fact]
    public void Quantile_probabilities_must_be_strictly_between_0_and_1()
    {
        var problems = (SurvivalAnalysisOptions.Default with { QuantileProbabilities = [0, 0.5, 1, 25] }).Validate();
        ProblemAssert.Options(problems, "quantiles", "quantiles", "quantiles");
        Assert.Equal(["0", "1", "25"], problems.Select(p => p.Found));
    }

    [Fact]
    public void The_log_rank_and_Cox_problems_are_included_and_a_shared_level_is_reported_once()
    {
        var options = SurvivalAnalysisOptions.Default with
        {
            KaplanMeier = KaplanMeierOptions.Default with { ConfidenceLevel = default },
            LandmarkTimes = [-5],
            LogRank = new LogRankOptions(LogRankWeighting.LogRank, 0, 1),
            Cox = CoxOptions.Default with { ConfidenceLevel = default, MaxIterations = -1 },
        };
        ProblemAssert.Options(options.Validate(), "conf-level", "times", "gamma", "max-iterations");
    }

    [Fact]
    public void Run_throws_the_same_text_before_any_fit()
    {
        var options = SurvivalAnalysisOptions.Default with { LandmarkTimes = [-5], LogRank = new LogRankOptions(LogRankWeighting.LogRank, 1, 0) };
        var e = Assert.Throws<ArgumentException>(() => SurvivalAnalysis.Run(Time, Status, Arms, options: options));
        ProblemAssert.HasText(e, options.Validate());
        Assert.Equal("options", e.ParamName);
    }

    [Fact]
    public void With_a_single_group_Run_checks_only_the_options_it_uses()
    {
        var unused = SurvivalAnalysisOptions.Default with { LogRank = new LogRankOptions(LogRankWeighting.LogRank, 1, 0) };
        Assert.Null(SurvivalAnalysis.Run(Time, Status, options: unused).LogRank);
        var used = unused with { QuantileProbabilities = [1.5] };
        var e = Assert.Throws<ArgumentException>(() => SurvivalAnalysis.Run(Time, Status, options: used));
        ProblemAssert.HasText(e, [Assert.Single(used.Validate(), p => p.Option == "quantiles")]);
        Assert.DoesNotContain("--rho", e.Message, StringComparison.Ordinal);
    }
}
