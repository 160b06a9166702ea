using OncoTrial.Statistics;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Simulation.Tests;

public class TwoArmSurvivalSimulationTests
{
    /// <summary>HR 0.7, control median 12, accrual 24 + follow-up 12, one-sided alpha 0.025, power 0.8, three-stage O'Brien-Fleming, 600 patients.</summary>
    internal static TwoArmSurvivalScenario Design(SimulatedHypothesis hypothesis, IReadOnlyList<double>? futility = null, double allocation = 1, double dropout = 0)
    {
        var options = TwoArmSurvivalOptions.Create(0.7, Math.Log(2) / 12, alpha: 0.025, sides: 1, power: 0.8, allocationRatio: allocation, dropoutRate: dropout);
        var design = TwoArmSurvivalDesign.ComputeGroupSequential(options, [1.0 / 3, 2.0 / 3, 1], LanDeMetsSpending.OBrienFleming, futilityBounds: futility);
        return TwoArmSurvivalScenario.FromDesign(design, 600, hypothesis);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0.1)]
    public void The_fast_log_rank_z_equals_LogRankTest_on_the_same_data(double allocation, double dropout)
    {
        var scenario = Design(SimulatedHypothesis.H1, allocation: allocation, dropout: dropout);
        var kernel = new TwoArmSurvivalSimulation.Kernel(scenario);
        var buffers = new TwoArmSurvivalSimulation.TrialBuffers(scenario.Patients);
        int checkedAnalyses = 0;
        for (long trial = 0; trial < 20; trial++)
        {
            kernel.Generate(7, trial, buffers);
            var times = new List<double> { 6, 12.5 }; // during accrual, too
            for (int k = 0; k < scenario.Stages; k++)
            {
                times.Add(kernel.AnalysisTime(buffers, k, out _));
            }

            times.Add((times[^1] + times[^2]) / 2);

            foreach (double t in times)
            {
                double fast = kernel.LogRankZ(buffers, t, out int events, out int enrolled);
                var (time, status, group) = kernel.ObservedData(buffers, t);
                var reference = LogRankTest.Compute(time, status, group, 2);
                double z = -reference.Score[1] / Math.Sqrt(reference.Variance[1][1]);
                Assert.InRange(Math.Abs(z - fast), 0, 1e-12);
                Assert.Equal(reference.Observed.Sum(), events);
                Assert.Equal(time.Length, enrolled);
                checkedAnalyses++;
            }
        }

        Assert.Equal(120, checkedAnalyses);
    }

    [Fact]
    public void The_fast_log_rank_z_equals_LogRankTest_when_times_are_tied()
    {
        // Entries and exits on a grid of 1/4 month: many tied exit times, ties between exits and censorings, and
        // several events at one analysis time; every sum is exact in binary.
        var scenario = Design(SimulatedHypothesis.H1, dropout: 0.2);
        var kernel = new TwoArmSurvivalSimulation.Kernel(scenario);
        var buffers = new TwoArmSurvivalSimulation.TrialBuffers(scenario.Patients);
        int checkedAnalyses = 0;
        for (long trial = 0; trial < 10; trial++)
        {
            kernel.Generate(11, trial, buffers);
            for (int j = 0; j < scenario.Patients; j++)
            {
                buffers.Entry[j] = Math.Round(buffers.Entry[j] * 4) / 4;
                buffers.Exit[j] = Math.Max(0.25, Math.Round(buffers.Exit[j] * 4) / 4);
            }

            kernel.Prepare(buffers);
            double last = kernel.AnalysisTime(buffers, scenario.Stages - 1, out _);
            foreach (double t in new[] { 6, 12.5, 18.25, last })
            {
                if (t > last)
                {
                    continue;
                }

                double fast = kernel.LogRankZ(buffers, t, out int events, out _);
                var (time, status, group) = kernel.ObservedData(buffers, t);
                Assert.True(time.Distinct().Count() < time.Length / 2); // heavily tied
                var reference = LogRankTest.Compute(time, status, group, 2);
                double z = -reference.Score[1] / Math.Sqrt(reference.Variance[1][1]);
                Assert.InRange(Math.Abs(z - fast), 0, 1e-12);
                Assert.Equal(reference.Observed.Sum(), events);
                checkedAnalyses++;
            }
        }

        Assert.True(checkedAnalyses >= 30);
    }

    [Fact]
    public void Each_analysis_has_exactly_the_planned_number_of_events()
    {
        var scenario = Design(SimulatedHypothesis.H0);
        var kernel = new TwoArmSurvivalSimulation.Kernel(scenario);
        var buffers = new TwoArmSurvivalSimulation.TrialBuffers(scenario.Patients);
        kernel.Generate(3, 0, buffers);
        for (int k = 0; k < scenario.Stages; k++)
        {
            double t = kernel.AnalysisTime(buffers, k, out bool reached);
            kernel.LogRankZ(buffers, t, out int events, out _);
            Assert.True(reached);
            Assert.Equal(scenario.PlannedEvents[k], events);
        }
    }

    [Fact]
    public void One_thread_and_several_threads_give_identical_results()
    {
        var scenario = Design(SimulatedHypothesis.H1, futility: [0, 0.5]);
        var one = TwoArmSurvivalSimulation.Run(scenario, 2500, seed: 5, maxThreads: 1);
        var three = TwoArmSurvivalSimulation.Run(scenario, 2500, seed: 5, maxThreads: 3);
        var all = TwoArmSurvivalSimulation.Run(scenario, 2500, seed: 5);
        foreach (var other in new[] { three, all })
        {
            Assert.Equal(one.RejectionsPerStage, other.RejectionsPerStage);
            Assert.Equal(one.FutilityStopsPerStage, other.FutilityStopsPerStage);
            Assert.Equal(one.StopsPerStage, other.StopsPerStage);
            Assert.Equal(one.ExpectedEvents, other.ExpectedEvents);
            Assert.Equal(one.ExpectedPatients, other.ExpectedPatients);
            Assert.Equal(one.ExpectedDuration, other.ExpectedDuration); // bit-identical, not just close
        }
    }

    [Fact]
    public void Under_H0_the_overall_rejection_rate_is_alpha_within_four_Monte_Carlo_standard_errors()
    {
        var r = TwoArmSurvivalSimulation.Run(Design(SimulatedHypothesis.H0), 4000, seed: 2);
        double se = Math.Sqrt(0.025 * 0.975 / r.Trials);
        Assert.InRange(r.RejectionRate, 0.025 - (4 * se), 0.025 + (4 * se));
    }

    [Fact]
    public void Under_H1_the_power_is_near_the_design_power()
    {
        var r = TwoArmSurvivalSimulation.Run(Design(SimulatedHypothesis.H1), 4000, seed: 3);
        Assert.InRange(r.RejectionRate, 0.8 - (4 * 0.0063), 0.8 + (4 * 0.0063));
        Assert.Equal(r.Trials, r.StopsPerStage.Sum());
    }

    [Fact]
    public void Seeded_results_are_exact()
    {
        // Pinned: Philox4x32-10 streams make these exact on every machine and thread count.
        var r = TwoArmSurvivalSimulation.Run(Design(SimulatedHypothesis.H1), 2048, seed: 1);
        Assert.Equal([84, 167, 250], r.Scenario.PlannedEvents);
        Assert.Equal([37L, 834L, 754L], r.RejectionsPerStage);
        Assert.Equal(213.201171875, r.ExpectedEvents, 12);
        Assert.Equal(543.26806640625, r.ExpectedPatients, 12);
        Assert.Equal(21.91237770126321, r.ExpectedDuration, 10);
        Assert.Equal(0, r.TrialsShortOfEvents);
    }

    [Fact]
    public void An_invalid_scenario_lists_every_problem()
    {
        var bad = Design(SimulatedHypothesis.H1) with { Patients = 100, CriticalValues = [2.0] };
        var e = Assert.Throws<ArgumentException>(() => TwoArmSurvivalSimulation.Run(bad, 10, 1));
        Assert.Contains("critical values", e.Message, StringComparison.Ordinal);
        Assert.Contains("planned events", e.Message, StringComparison.Ordinal);
    }
}
