using OncoTrial.Clinical.Protocol;

namespace OncoTrial.Reporting.Contracts;

/// <summary><c>oncotrial regimen show --format json</c>.</summary>
public sealed record RegimenJson(
    string Id, string Name, string Version, int CycleLengthDays, IReadOnlyList<RegimenDrugJson> Drugs, IReadOnlyList<RegimenPhaseJson> Phases,
    bool BaselineAssessment, int MaxDaysPerDelay, int MaxDelaysPerCycle, double DoseTolerance);

/// <summary>One drug of a regimen (days as ranges, e.g. "1-14").</summary>
public sealed record RegimenDrugJson(
    string Id, DrugRoute Route, double Dose, double? DoseMin, double? DoseMax, string Unit, DoseDistribution Distribution, string Days, bool ReductionAllowed, IReadOnlyList<double> DoseLevels, int? MaxDelayDays);

/// <summary>One phase of a regimen (drugs comma-separated).</summary>
public sealed record RegimenPhaseJson(string Id, string Name, int MinCycles, int? MaxCycles, int AssessmentEveryCycles, string Drugs);

/// <summary><c>oncotrial regimen schedule --format json</c>.</summary>
public sealed record ScheduleJson(string Regimen, DateOnly FirstDose, int CycleLengthDays, IReadOnlyList<ScheduleCycleJson> Cycles, IReadOnlyList<ScheduleAssessmentJson> Assessments);

/// <summary>One planned cycle.</summary>
public sealed record ScheduleCycleJson(int Cycle, string Phase, int CycleInPhase, DateOnly Day1, IReadOnlyList<string> Drugs);

/// <summary>One planned tumour assessment.</summary>
public sealed record ScheduleAssessmentJson(string Label, DateOnly Date, int AfterCycle);

/// <summary><c>oncotrial regimen dose --format json</c>: amounts rounded to 6 decimals.</summary>
public sealed record DoseJson(
    string Regimen, double HeightCm, double WeightKg, BsaFormula BsaFormula, double BsaM2Unrounded, double BsaM2, int BsaDecimals, double RoundMg, IReadOnlyList<DrugDoseJson> Drugs);

/// <summary>One drug's planned dose.</summary>
public sealed record DrugDoseJson(
    string Drug, double ProtocolDose, double? ProtocolDoseMin, double? ProtocolDoseMax, string ProtocolUnit, DoseDistribution Distribution, IReadOnlyList<int> Days, MgAmountJson PerAdministrationMg, MgAmountJson PerCycleMg);

/// <summary>An amount in mg with its protocol range.</summary>
public sealed record MgAmountJson(double Nominal, double? Min, double? Max);
