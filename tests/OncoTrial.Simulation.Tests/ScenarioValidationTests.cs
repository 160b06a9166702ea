namespace OncoTrial.Simulation.Tests;

public sealed class ScenarioValidationTests
{
    private static SingleArmSurvivalScenario Paper() => SingleArmSurvivalSimulationTests.Paper(SimulatedHypothesis.H1);

    private static TwoArmSurvivalScenario Design() => TwoArmSurvivalSimulationTests.Design(SimulatedHypothesis.H1);

    // ---- Single arm ----

    [Fact]
    public void The_paper_s_single_arm_scenario_has_no_problem()
    {
        ProblemAssert.Valid(Paper().Validate());
        ProblemAssert.Valid((Paper() with { FollowUp = 0, Dropout = 0, EventsAtAnalysis = 1, KaplanMeierTrials = 0 }).Validate());
    }

    public static TheoryData<SingleArmSurvivalScenario, string, string> BadSingleArmValues() => new()
    {
        { Paper() with { MedianH0 = -1 }, "median0", "-1" },
        { Paper() with { MedianH1 = double.NaN }, "median1", "NaN" },
        { Paper() with { Accrual = 0 }, "accrual", "0" },
        { Paper() with { FollowUp = -1 }, "follow-up", "-1" },
        { Paper() with { Enrolment = 0 }, "n", "0" },
        { Paper() with { Dropout = 1.5 }, "dropout", "1.5" },
        { Paper() with { DropoutTime = 0 }, "dropout-time", "0" },
        { Paper() with { Alpha = 0 }, "alpha", "0" },
        { Paper() with { EventsAtAnalysis = 0 }, "events", "0" },
        { Paper() with { KaplanMeierTrials = -1 }, "km-trials", "-1" },
    };

    [Theory]
    [MemberData(nameof(BadSingleArmValues))]
    public void Each_bad_single_arm_value_is_a_range_problem_with_its_option(SingleArmSurvivalScenario scenario, string option, string found)
    {
        ProblemAssert.One(scenario.Validate(), option, "OPTION_RANGE", found);
    }

    [Fact]
    public void The_single_arm_problems_read_as_the_command_line_printed_them()
    {
        Assert.Equal("--median0: expected months > 0, found -1.", Assert.Single((Paper() with { MedianH0 = -1 }).Validate()).ToString());
        Assert.Equal("--dropout: expected a fraction 0 <= d < 1, found 1.5.", Assert.Single((Paper() with { Dropout = 1.5 }).Validate()).ToString());
    }

    [Fact]
    public void Equal_medians_are_a_conflict_on_median1()
    {
        ProblemAssert.One((Paper() with { MedianH1 = 5.7 }).Validate(), "median1", "OPTION_CONFLICT", "5.7");
    }

    [Fact]
    public void No_evaluable_patient_after_fixed_fraction_dropout_is_a_conflict_on_n()
    {
        var scenario = Paper() with { Enrolment = 1, Dropout = 0.9, DropoutModel = DropoutModel.FixedFraction };
        ProblemAssert.One(scenario.Validate(), "n", "OPTION_CONFLICT", "0");
    }

    [Fact]
    public void Every_bad_single_arm_value_is_reported_and_Run_throws_the_same_text()
    {
        var scenario = Paper() with { MedianH0 = -1, Dropout = 1.5, Alpha = 0 };
        var problems = scenario.Validate();
        ProblemAssert.Options(problems, "median0", "dropout", "alpha");
        var e = Assert.Throws<ArgumentException>(() => SingleArmSurvivalSimulation.Run(scenario, 10, seed: 1));
        ProblemAssert.HasText(e, problems);
        Assert.Equal("scenario", e.ParamName);
    }

    // ---- Two arm ----

    [Fact]
    public void A_scenario_from_a_design_has_no_problem()
    {
        ProblemAssert.Valid(Design().Validate());
        ProblemAssert.Valid(TwoArmSurvivalSimulationTests.Design(SimulatedHypothesis.H0, futility: [0, 0.5]).Validate());
    }

    public static TheoryData<TwoArmSurvivalScenario, string, string, string> BadTwoArmValues() => new()
    {
        { Design() with { HazardRatio = 0 }, "hr", "OPTION_RANGE", "0" },
        { Design() with { ControlHazard = -0.1 }, "median-control", "OPTION_RANGE", "-0.1" },
        { Design() with { AllocationRatio = 0 }, "allocation", "OPTION_RANGE", "0" },
        { Design() with { Accrual = double.NaN }, "accrual", "OPTION_RANGE", "NaN" },
        { Design() with { DropoutHazard = -1 }, "dropout", "OPTION_RANGE", "-1" },
        { Design() with { Hypothesis = (SimulatedHypothesis)5 }, "under", "OPTION_RANGE", "5" },
        { Design() with { CriticalValues = [2.0] }, "stages", "OPTION_CONFLICT", "1" },
        { Design() with { FutilityBounds = [0.0] }, "futility", "OPTION_CONFLICT", "1" },
        { Design() with { PlannedEvents = [84, 84, 250] }, "stages", "OPTION_RANGE", "84 at stage 2" },
        { Design() with { Patients = 200 }, "n", "OPTION_CONFLICT", "200 patients" },
    };

    [Theory]
    [MemberData(nameof(BadTwoArmValues))]
    public void Each_bad_two_arm_value_is_a_problem_with_its_option(TwoArmSurvivalScenario scenario, string option, string code, string found)
    {
        ProblemAssert.One(scenario.Validate(), option, code, found);
    }

    [Fact]
    public void Too_few_patients_for_the_planned_events_is_said_with_both_numbers()
    {
        Assert.Equal(
            "--n: expected at least the 250 planned events of the last analysis, found 200 patients.",
            Assert.Single((Design() with { Patients = 200 }).Validate()).ToString());
    }

    [Fact]
    public void Every_bad_two_arm_value_is_reported_and_Run_throws_the_same_text()
    {
        var scenario = Design() with { HazardRatio = -1, Patients = 100, CriticalValues = [2.0] };
        var problems = scenario.Validate();
        ProblemAssert.Options(problems, "hr", "stages", "n");
        var e = Assert.Throws<ArgumentException>(() => TwoArmSurvivalSimulation.Run(scenario, 10, 1));
        ProblemAssert.HasText(e, problems);
    }

    // ---- Run settings ----

    [Theory]
    [InlineData(1L, null)]
    [InlineData(100_000L, 1)]
    [InlineData(10L, 64)]
    public void At_least_one_trial_and_thread_have_no_problem(long trials, int? threads)
    {
        ProblemAssert.Valid(SimulationRun.Validate(trials, threads));
    }

    [Fact]
    public void No_trial_or_no_thread_is_a_problem_and_both_are_reported()
    {
        Assert.Equal("--trials: expected at least 1, found 0.", ProblemAssert.One(SimulationRun.Validate(0, null), "trials", "OPTION_RANGE", "0").ToString());
        Assert.Equal("--threads: expected at least 1, found -2.", ProblemAssert.One(SimulationRun.Validate(5, -2), "threads", "OPTION_RANGE", "-2").ToString());
        ProblemAssert.Options(SimulationRun.Validate(-1, 0), "trials", "threads");
    }

    [Fact]
    public void The_simulations_throw_the_run_problems_with_the_same_text()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SingleArmSurvivalSimulation.Run(Paper(), 0, seed: 1, maxThreads: 0));
        ProblemAssert.HasText(e, SimulationRun.Validate(0, 0));
        Assert.Equal("trials", e.ParamName);
        var two = Assert.Throws<ArgumentOutOfRangeException>(() => TwoArmSurvivalSimulation.Run(Design(), 10, 1, 0));
        ProblemAssert.HasText(two, SimulationRun.Validate(10, 0));
        Assert.Equal("maxThreads", two.ParamName);
    }

    [Fact]
    public void Scenario_and_run_problems_are_reported_together()
    {
        var scenario = Paper() with { Alpha = 2 };
        var e = Assert.Throws<ArgumentException>(() => SingleArmSurvivalSimulation.Run(scenario, 0, seed: 1));
        ProblemAssert.HasText(e, [.. scenario.Validate(), .. SimulationRun.Validate(0, null)]);
    }
}
