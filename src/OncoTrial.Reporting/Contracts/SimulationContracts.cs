using System.Text.Json.Serialization;
using OncoTrial.Simulation;

namespace OncoTrial.Reporting.Contracts;

/// <summary><c>oncotrial simulate single-arm --format json</c>.</summary>
public sealed record SingleArmSimulationJson(
    string Design,
    string Generator,
    ulong Seed,
    long Trials,
    SimulatedHypothesis Under,
    SingleArmScenarioJson Scenario,
    int PatientsPerTrial,
    double MeanEvents,
    double MeanExposure,
    double MeanAnalysisTime,
    long TrialsWithoutEvents,
    long TrialsShortOfEventTarget,
    RejectionJson ExponentialTest,
    RejectionJson OneSampleLogrank,
    KmMedianJson KmMedian);

/// <summary>The simulated single-arm scenario.</summary>
public sealed record SingleArmScenarioJson(
    double Median0,
    double Median1,
    double Accrual,
    double FollowUp,
    int N,
    double Dropout,
    DropoutModel DropoutModel,
    double DropoutTime,
    double Alpha,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EventsAtAnalysis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AnalysisTime);

/// <summary>How often a test rejected, with Monte Carlo standard errors.</summary>
public sealed record RejectionJson(long Rejections, double Rate, double RateMcSe, long RejectionsTowardH1, double RateTowardH1, double RateTowardH1McSe, double CriticalValue);

/// <summary>The Kaplan-Meier medians of the fitted trials.</summary>
public sealed record KmMedianJson(long Fitted, long Reached, double? MedianOfMedians, double TrueMedian, double CiCoverage, double CiCoverageMcSe, string Ci);

/// <summary><c>oncotrial simulate two-arm --format json</c>.</summary>
public sealed record TwoArmSimulationJson(
    string Design,
    string Generator,
    ulong Seed,
    long Trials,
    SimulatedHypothesis Under,
    TwoArmScenarioJson Scenario,
    double RejectionRate,
    double RejectionRateMcSe,
    IReadOnlyList<double> RejectionRatePerStage,
    IReadOnlyList<double> RejectionRatePerStageMcSe,
    IReadOnlyList<double> FutilityStopRatePerStage,
    IReadOnlyList<double> StopRatePerStage,
    double ExpectedEvents,
    double ExpectedPatients,
    double ExpectedDuration,
    long TrialsShortOfEvents,
    double Seconds,
    double TrialsPerSecond);

/// <summary>The simulated two-arm scenario.</summary>
public sealed record TwoArmScenarioJson(
    double Hr,
    double ControlHazard,
    double Allocation,
    double Accrual,
    int N,
    double DropoutHazard,
    double Alpha,
    double DesignPower,
    IReadOnlyList<double> PlannedEvents,
    IReadOnlyList<double> CriticalValues,
    IReadOnlyList<double> FutilityBounds);
