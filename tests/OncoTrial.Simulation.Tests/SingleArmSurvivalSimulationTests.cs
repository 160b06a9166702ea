namespace OncoTrial.Simulation.Tests;

public class SingleArmSurvivalSimulationTests
{
    /// <summary>The paper's design: 5.7 vs 9.8 months, accrual 12 + follow-up 12, 48 enrolled, dropout 20%.</summary>
    internal static SingleArmSurvivalScenario Paper(SimulatedHypothesis hypothesis, DropoutModel dropout = DropoutModel.Exponential) => new()
    {
        MedianH0 = 5.7,
        MedianH1 = 9.8,
        Accrual = 12,
        FollowUp = 12,
        Enrolment = 48,
        Dropout = 0.2,
        DropoutModel = dropout,
        Alpha = 0.05,
        Hypothesis = hypothesis,
    };

    [Fact]
    public void One_thread_and_several_threads_give_identical_results()
    {
        var scenario = Paper(SimulatedHypothesis.H1);
        var one = SingleArmSurvivalSimulation.Run(scenario, 5000, seed: 11, maxThreads: 1);
        var four = SingleArmSurvivalSimulation.Run(scenario, 5000, seed: 11, maxThreads: 4);
        var all = SingleArmSurvivalSimulation.Run(scenario, 5000, seed: 11);
        Assert.Equal(one, four);
        Assert.Equal(one, all);
        Assert.Equal(one.MeanExposure, four.MeanExposure); // bit-identical, not just close
    }

    [Fact]
    public void Seeded_results_are_exact()
    {
        // Pinned: Philox4x32-10 streams make these exact on every machine and thread count.
        var r = SingleArmSurvivalSimulation.Run(Paper(SimulatedHypothesis.H1), 1000, seed: 1);
        Assert.Equal(848, r.ExponentialTest.Rejections);
        Assert.Equal(848, r.ExponentialTest.RejectionsTowardH1);
        Assert.Equal(851, r.OneSampleLogRankTest.Rejections);
        Assert.Equal(30.366, r.MeanEvents, 12);
        Assert.Equal(1000, r.KaplanMeierMedian.Reached);
        Assert.Equal(9.78272111581083, r.KaplanMeierMedian.MedianOfMedians!.Value, 12);
        Assert.Equal(Math.Sqrt(0.848 * 0.152 / 1000), r.ExponentialTest.RateTowardH1StandardError, 15);
    }

    [Fact]
    public void The_fast_path_without_Kaplan_Meier_gives_the_same_trials()
    {
        var full = SingleArmSurvivalSimulation.Run(Paper(SimulatedHypothesis.H0), 3000, seed: 8);
        var fast = SingleArmSurvivalSimulation.Run(Paper(SimulatedHypothesis.H0) with { KaplanMeierTrials = 0 }, 3000, seed: 8);
        Assert.Equal(full.ExponentialTest, fast.ExponentialTest);
        Assert.Equal(full.OneSampleLogRankTest, fast.OneSampleLogRankTest);
        Assert.Equal(full.MeanEvents, fast.MeanEvents);
        Assert.Equal(full.MeanExposure, fast.MeanExposure);
        Assert.Equal(0, fast.KaplanMeierMedian.Fitted);
    }

    [Fact]
    public void A_different_seed_gives_different_trials()
    {
        var scenario = Paper(SimulatedHypothesis.H1);
        var a = SingleArmSurvivalSimulation.Run(scenario, 2000, seed: 1);
        var b = SingleArmSurvivalSimulation.Run(scenario, 2000, seed: 2);
        Assert.NotEqual(a.MeanExposure, b.MeanExposure);
    }

    [Fact]
    public void Results_record_seed_trials_and_scenario()
    {
        var scenario = Paper(SimulatedHypothesis.H0);
        var r = SingleArmSurvivalSimulation.Run(scenario, 100, seed: 42);
        Assert.Same(scenario, r.Scenario);
        Assert.Equal(42UL, r.Seed);
        Assert.Equal(100, r.Trials);
        Assert.Equal(48, r.PatientsPerTrial);
        Assert.Equal(100, r.KaplanMeierMedian.Fitted);
    }

    [Fact]
    public void Fixed_fraction_dropout_simulates_the_evaluable_patients_only()
    {
        var scenario = Paper(SimulatedHypothesis.H1, DropoutModel.FixedFraction);
        Assert.Equal(38, scenario.EvaluablePatients);
        var r = SingleArmSurvivalSimulation.Run(scenario, 200, seed: 3);
        Assert.Equal(38, r.PatientsPerTrial);
    }

    [Fact]
    public void Without_dropout_and_with_long_follow_up_every_patient_has_an_event()
    {
        var scenario = Paper(SimulatedHypothesis.H1) with { Dropout = 0, FollowUp = 1e6 };
        var r = SingleArmSurvivalSimulation.Run(scenario, 300, seed: 5);
        Assert.Equal(48.0, r.MeanEvents);
        Assert.Equal(300, r.KaplanMeierMedian.Reached);
    }

    [Fact]
    public void An_event_driven_analysis_happens_at_the_target_event()
    {
        var scenario = Paper(SimulatedHypothesis.H1, DropoutModel.FixedFraction) with { EventsAtAnalysis = 27 };
        var r = SingleArmSurvivalSimulation.Run(scenario, 500, seed: 9);
        Assert.Equal(0, r.TrialsShortOfEventTarget);
        Assert.Equal(27.0, r.MeanEvents);
    }

    [Fact]
    public void An_unreachable_event_target_is_counted_and_all_patients_are_resolved()
    {
        var scenario = Paper(SimulatedHypothesis.H1, DropoutModel.FixedFraction) with { EventsAtAnalysis = 39 };
        var r = SingleArmSurvivalSimulation.Run(scenario, 50, seed: 9);
        Assert.Equal(50, r.TrialsShortOfEventTarget);
        Assert.Equal(38.0, r.MeanEvents);
    }

    [Fact]
    public void Type_I_error_under_H0_is_close_to_alpha()
    {
        // 4000 trials: MC SE of 0.05 is 0.0034; allow 4 SE. The design's reading (38 evaluable, no loss).
        var r = SingleArmSurvivalSimulation.Run(Paper(SimulatedHypothesis.H0, DropoutModel.FixedFraction), 4000, seed: 2024);
        double se = Math.Sqrt(0.05 * 0.95 / 4000);
        Assert.InRange(r.ExponentialTest.Rate, 0.05 - (4 * se), 0.05 + (4 * se));
        Assert.InRange(r.OneSampleLogRankTest.Rate, 0.05 - (4 * se), 0.05 + (4 * se));
        Assert.InRange(r.KaplanMeierMedian.MedianOfMedians!.Value, 5.7 - 0.5, 5.7 + 0.5);
        Assert.InRange(r.KaplanMeierMedian.Coverage, 0.90, 0.99);
    }

    [Fact]
    public void Power_under_H1_is_near_the_design_power()
    {
        var r = SingleArmSurvivalSimulation.Run(Paper(SimulatedHypothesis.H1, DropoutModel.FixedFraction), 4000, seed: 2025);
        Assert.InRange(r.ExponentialTest.RateTowardH1, 0.70, 0.90);
        Assert.InRange(r.KaplanMeierMedian.MedianOfMedians!.Value, 9.8 - 1.5, 9.8 + 1.5);
    }

    [Fact]
    public void Kaplan_Meier_fits_can_be_limited_to_the_first_trials()
    {
        var scenario = Paper(SimulatedHypothesis.H1) with { KaplanMeierTrials = 100 };
        var r = SingleArmSurvivalSimulation.Run(scenario, 3000, seed: 1);
        Assert.Equal(100, r.KaplanMeierMedian.Fitted);
        var full = SingleArmSurvivalSimulation.Run(Paper(SimulatedHypothesis.H1), 3000, seed: 1);
        Assert.Equal(full.ExponentialTest, r.ExponentialTest);
    }

    [Fact]
    public void Progress_reaches_one_and_cancellation_stops_the_run()
    {
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);
        SingleArmSurvivalSimulation.Run(Paper(SimulatedHypothesis.H1), 5000, seed: 1, progress: progress);
        Assert.Equal(5, reports.Count);
        Assert.Equal(1.0, reports.Max());

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SingleArmSurvivalSimulation.Run(Paper(SimulatedHypothesis.H1), 100_000, seed: 1, cancellationToken: cts.Token));
    }

    [Fact]
    public void An_invalid_scenario_lists_every_problem()
    {
        var scenario = Paper(SimulatedHypothesis.H1) with { MedianH0 = -1, Dropout = 1.5, Alpha = 0 };
        var ex = Assert.Throws<ArgumentException>(() => SingleArmSurvivalSimulation.Run(scenario, 10, seed: 1));
        Assert.Contains("median0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("dropout", ex.Message, StringComparison.Ordinal);
        Assert.Contains("alpha", ex.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
