using OncoTrial.Statistics;

namespace OncoTrial.Simulation;

/// <summary>How often one test rejected H0 over the simulated trials, with its Monte Carlo standard error.</summary>
/// <param name="Trials">Simulated trials R.</param>
/// <param name="Rejections">Trials with |z| &gt; z_{1−α/2} (two-sided rejection, either direction).</param>
/// <param name="RejectionsTowardH1">Trials that rejected in the direction of H1 (the usual "power").</param>
/// <param name="CriticalValue">z_{1−α/2}.</param>
public sealed record RejectionSummary(long Trials, long Rejections, long RejectionsTowardH1, double CriticalValue)
{
    /// <summary>Empirical two-sided rejection rate p = rejections / R.</summary>
    public double Rate => Trials == 0 ? 0 : (double)Rejections / Trials;

    /// <summary>Monte Carlo standard error √(p(1 − p)/R) of <see cref="Rate"/>.</summary>
    public double RateStandardError => McSe(Rate, Trials);

    /// <summary>Empirical rate of rejection toward H1.</summary>
    public double RateTowardH1 => Trials == 0 ? 0 : (double)RejectionsTowardH1 / Trials;

    /// <summary>Monte Carlo standard error of <see cref="RateTowardH1"/>.</summary>
    public double RateTowardH1StandardError => McSe(RateTowardH1, Trials);

    internal static double McSe(double p, long r) => r == 0 ? 0 : Math.Sqrt(p * (1 - p) / r);
}

/// <summary>Kaplan-Meier medians over the trials that were fitted.</summary>
/// <param name="Fitted">Trials with a Kaplan-Meier fit (see <see cref="SingleArmSurvivalScenario.KaplanMeierTrials"/>).</param>
/// <param name="Reached">Fitted trials whose curve reached 0.5.</param>
/// <param name="MedianOfMedians">Median over fitted trials of the KM median (a median not reached counts as +∞); null when more than half were not reached.</param>
/// <param name="CiContainsTrueMedian">Fitted trials whose median CI (a missing upper limit read as +∞, a missing lower as 0) contains the true median.</param>
/// <param name="Options">The Kaplan-Meier options (CI transform, confidence level, quantile rule).</param>
public sealed record MedianSummary(long Fitted, long Reached, double? MedianOfMedians, long CiContainsTrueMedian, KaplanMeierOptions Options)
{
    /// <summary>Empirical coverage of the true median by the KM median CI.</summary>
    public double Coverage => Fitted == 0 ? 0 : (double)CiContainsTrueMedian / Fitted;

    /// <summary>Monte Carlo standard error of <see cref="Coverage"/>.</summary>
    public double CoverageStandardError => RejectionSummary.McSe(Coverage, Fitted);
}

/// <summary>
/// The outcome of <see cref="SingleArmSurvivalSimulation.Run"/>: the scenario, seed and trial count that produced it,
/// rejection rates of the exponential test and of the one-sample log-rank test, and trial-level summaries.
/// Identical for any thread count.
/// </summary>
public sealed record SingleArmSurvivalSimulationResult
{
    /// <summary>The simulated scenario.</summary>
    public required SingleArmSurvivalScenario Scenario { get; init; }

    /// <summary>The seed (the Philox key).</summary>
    public required ulong Seed { get; init; }

    /// <summary>Simulated trials R.</summary>
    public required long Trials { get; init; }

    /// <summary>Exponential test on log hazard: z = (log λ̂ − log λ0)·√D, λ̂ = D / total exposure.</summary>
    public required RejectionSummary ExponentialTest { get; init; }

    /// <summary>Wu's one-sample log-rank test: z = (O − E)/√E, E = λ0 · total exposure (χ² = z²).</summary>
    public required RejectionSummary OneSampleLogRankTest { get; init; }

    /// <summary>Mean number of events at the analysis.</summary>
    public required double MeanEvents { get; init; }

    /// <summary>Mean total exposure (patient-months) at the analysis.</summary>
    public required double MeanExposure { get; init; }

    /// <summary>Mean calendar time of the analysis, months from the first enrolment.</summary>
    public required double MeanAnalysisTime { get; init; }

    /// <summary>Patients simulated per trial (the enrolment, or the evaluable patients under a fixed-fraction dropout).</summary>
    public required int PatientsPerTrial { get; init; }

    /// <summary>Trials with no event (neither test can reject; the exponential z is undefined).</summary>
    public required long TrialsWithoutEvents { get; init; }

    /// <summary>Event-driven analysis only: trials that never reached the event target.</summary>
    public required long TrialsShortOfEventTarget { get; init; }

    /// <summary>Kaplan-Meier median summary.</summary>
    public required MedianSummary KaplanMeierMedian { get; init; }
}
