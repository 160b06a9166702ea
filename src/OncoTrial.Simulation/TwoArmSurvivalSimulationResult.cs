namespace OncoTrial.Simulation;

/// <summary>
/// The outcome of <see cref="TwoArmSurvivalSimulation.Run"/>: overall and per-stage rejection rates with Monte Carlo
/// standard errors, futility stops, and the expected events, patients and duration at the analysis where each trial stopped.
/// Identical for any thread count.
/// </summary>
public sealed record TwoArmSurvivalSimulationResult
{
    /// <summary>The simulated scenario.</summary>
    public required TwoArmSurvivalScenario Scenario { get; init; }

    /// <summary>The seed (the Philox key).</summary>
    public required ulong Seed { get; init; }

    /// <summary>Simulated trials R.</summary>
    public required long Trials { get; init; }

    /// <summary>Trials that rejected H0 (for benefit) at each stage, k = 1..K.</summary>
    public required IReadOnlyList<long> RejectionsPerStage { get; init; }

    /// <summary>Trials that stopped for futility at each interim look (zeros without futility bounds).</summary>
    public required IReadOnlyList<long> FutilityStopsPerStage { get; init; }

    /// <summary>Trials that stopped at each stage for any reason (the last stage takes every trial that reached it).</summary>
    public required IReadOnlyList<long> StopsPerStage { get; init; }

    /// <summary>Mean number of events at the analysis where the trial stopped.</summary>
    public required double ExpectedEvents { get; init; }

    /// <summary>Mean number of patients enrolled by the analysis where the trial stopped.</summary>
    public required double ExpectedPatients { get; init; }

    /// <summary>Mean calendar time of the analysis where the trial stopped (study duration).</summary>
    public required double ExpectedDuration { get; init; }

    /// <summary>Trials with fewer events than planned at some analysis (analysed when every patient was resolved, then stopped).</summary>
    public required long TrialsShortOfEvents { get; init; }

    /// <summary>Total rejections over all stages.</summary>
    public long Rejections => RejectionsPerStage.Sum();

    /// <summary>Overall rejection rate (power under H1, type I error under H0).</summary>
    public double RejectionRate => (double)Rejections / Trials;

    /// <summary>Monte Carlo standard error √(p(1 − p)/R) of <see cref="RejectionRate"/>.</summary>
    public double RejectionRateStandardError => RejectionSummary.McSe(RejectionRate, Trials);

    /// <summary>Rejection rate at stage k (0-based index).</summary>
    public double StageRejectionRate(int stage) => (double)RejectionsPerStage[stage] / Trials;

    /// <summary>Monte Carlo standard error of <see cref="StageRejectionRate"/>.</summary>
    public double StageRejectionRateStandardError(int stage) => RejectionSummary.McSe(StageRejectionRate(stage), Trials);
}
