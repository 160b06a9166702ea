using System.Text.Json.Serialization;
using OncoTrial.Statistics;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Reporting.Contracts;

/// <summary><c>oncotrial proportion --format json</c>.</summary>
public sealed record ProportionJson(
    int X, int N, double Estimate, double Lower, double Upper, BinomialCiMethod Method, double ConfLevel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BinomialTestJson? Test);

/// <summary>The exact binomial test.</summary>
public sealed record BinomialTestJson(double P0, BinomialAlternative Alternative, double P);

/// <summary><c>oncotrial design single-arm-survival --format json</c>.</summary>
public sealed record SingleArmSurvivalDesignJson(
    int Events,
    int Patients,
    int Enrolment,
    SingleArmSurvivalMethod Method,
    double Hazard0,
    double Hazard1,
    double HazardRatio,
    double LogHazardRatio,
    double ZAlpha,
    double ZBeta,
    double EventProbability,
    double EventsUnrounded,
    double PatientsUnrounded,
    double EnrolmentUnrounded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WuMomentsJson? Wu,
    SingleArmSurvivalOptionsJson Options);

/// <summary>Wu's (2015) moments.</summary>
public sealed record WuMomentsJson(double P0, double P1, double P00, double P01, double Omega, double Sigma);

/// <summary>The assumptions of a single-arm survival design.</summary>
public sealed record SingleArmSurvivalOptionsJson(double Median0, double Median1, double Accrual, double FollowUp, double Alpha, int Sides, double Power, double Dropout, double Shape);

/// <summary><c>oncotrial design simon --format json</c>.</summary>
public sealed record SimonDesignJson(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SimonStagesJson? Optimal,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SimonStagesJson? Minimax,
    RateDesignOptionsJson Options);

/// <summary>One Simon design.</summary>
public sealed record SimonStagesJson(int R1, int N1, int R, int N, double En0, double Pet0, double Alpha, double Power);

/// <summary><c>oncotrial design single-stage --format json</c>.</summary>
public sealed record SingleStageDesignJson(int N, int R, double Alpha, double Power, RateDesignOptionsJson Options);

/// <summary>The requirements of a response-rate design.</summary>
public sealed record RateDesignOptionsJson(double P0, double P1, double Alpha, double Power);

/// <summary><c>oncotrial design two-arm-survival --format json</c>.</summary>
public sealed record TwoArmSurvivalDesignJson(
    TwoArmEventsMethod Method,
    double HazardRatio,
    double ControlHazard,
    double Alpha,
    int Sides,
    double Power,
    double AllocationRatio,
    double AccrualTime,
    double FollowUpTime,
    double DropoutRate,
    double DropoutTime,
    double ZAlpha,
    double ZBeta,
    double EventProbabilityTreatment,
    double EventProbabilityControl,
    double EventProbability,
    double EventsExact,
    int Events,
    double PatientsExact,
    int Patients,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GroupSequentialJson? GroupSequential);

/// <summary>The group-sequential part of a two-arm design.</summary>
public sealed record GroupSequentialJson(
    LanDeMetsSpending Spending,
    int Stages,
    double InflationFactor,
    double MaxEventsExact,
    int MaxEvents,
    double MaxPatientsExact,
    int MaxPatients,
    double ExpectedEventsH0,
    double ExpectedEventsH1,
    IReadOnlyList<double> InformationRates,
    IReadOnlyList<double> EventsPerStage,
    IReadOnlyList<double> CriticalValues,
    IReadOnlyList<double> CumulativeAlphaSpent,
    IReadOnlyList<double> RejectionProbabilitiesH1,
    IReadOnlyList<double> FutilityBounds,
    IReadOnlyList<double> FutilityProbabilitiesH1);
