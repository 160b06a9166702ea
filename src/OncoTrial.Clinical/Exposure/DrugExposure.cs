namespace OncoTrial.Clinical.Exposure;

/// <summary>One cycle of one drug for one subject.</summary>
/// <param name="Cycle">EXCYCLE.</param>
/// <param name="Phase">The cycle's phase, or null when unknown.</param>
/// <param name="Day1">The cycle's day 1 (<see cref="ExposureOptions.Day1Anchor"/>).</param>
/// <param name="Amount">Dose given in the cycle (Σ dose × administrations), in the drug's unit.</param>
/// <param name="PlannedPerCycle">Planned dose for the cycle (planned per administration × administrations per cycle), or null when unknown.</param>
/// <param name="IsReduced">True when an administration was below the reference dose (see docs/methods/exposure.md).</param>
/// <param name="DelayDays">Days day 1 came later than the previous day 1 + L (whole cycles for skipped cycle numbers); 0 when on time or early.</param>
/// <param name="IsDelayed">True when <see cref="DelayDays"/> exceeds <see cref="ExposureOptions.DelayToleranceDays"/>.</param>
public sealed record CycleExposure(int Cycle, TreatmentPhase? Phase, DateOnly Day1, double Amount, double? PlannedPerCycle, bool IsReduced, int DelayDays, bool IsDelayed);

/// <summary>
/// The exposure of one subject to one drug in one phase (or, with <see cref="Phase"/> null, over the whole treatment).
/// Carries the options that produced it.
/// </summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Drug">EXTRT.</param>
/// <param name="Phase">The phase, or null for the whole treatment.</param>
/// <param name="Unit">EXDOSU of the drug.</param>
/// <param name="Cycles">The cycles started (a dose &gt; 0 given), in order.</param>
/// <param name="FirstDose">Start of the first administration.</param>
/// <param name="LastDose">End of the last administration.</param>
/// <param name="DurationDays">Treatment duration in days (<see cref="ExposureOptions.Duration"/>).</param>
/// <param name="CumulativeDose">Σ actual dose, in <see cref="Unit"/>.</param>
/// <param name="StartingDose">Protocol starting dose per administration, or null when neither EXPDOSE nor the options give it.</param>
/// <param name="AdministrationsPerCycle">Planned administrations per cycle.</param>
/// <param name="IntensityDays">D = (last day 1 − first day 1) + L (or the truncated last cycle).</param>
/// <param name="PlannedDoseForCycles">Σ planned per cycle over the cycles started (the relative-dose denominator), or null.</param>
/// <param name="PlannedDoseForDuration">Mean planned per cycle × D ÷ L (the dose-intensity denominator), or null.</param>
/// <param name="RelativeDoseIntensity">100 × Σ actual ÷ <see cref="PlannedDoseForDuration"/> (%), or null.</param>
/// <param name="RelativeDose">100 × Σ actual ÷ <see cref="PlannedDoseForCycles"/> (%), or null.</param>
/// <param name="Options">The options that produced the record.</param>
public sealed record DrugExposure(
    string Subject,
    string Drug,
    TreatmentPhase? Phase,
    string Unit,
    IReadOnlyList<CycleExposure> Cycles,
    DateOnly FirstDose,
    DateOnly LastDose,
    int DurationDays,
    double CumulativeDose,
    double? StartingDose,
    int AdministrationsPerCycle,
    int IntensityDays,
    double? PlannedDoseForCycles,
    double? PlannedDoseForDuration,
    double? RelativeDoseIntensity,
    double? RelativeDose,
    ExposureOptions Options)
{
    /// <summary>Number of cycles started.</summary>
    public int CyclesStarted => Cycles.Count;

    /// <summary>Treatment duration in months (days ÷ <see cref="ExposureOptions.DaysPerMonth"/>).</summary>
    public double DurationMonths => DurationDays / Options.DaysPerMonth;

    /// <summary>Cycles with a dose reduction.</summary>
    public int ReducedCycles => Cycles.Count(c => c.IsReduced);

    /// <summary>Cycles whose day 1 was delayed.</summary>
    public int DelayedCycles => Cycles.Count(c => c.IsDelayed);

    /// <summary>True when at least one cycle had a dose reduction.</summary>
    public bool HasReduction => ReducedCycles > 0;

    /// <summary>True when at least one cycle was delayed.</summary>
    public bool HasDelay => DelayedCycles > 0;

    /// <summary>The RDI of that definition (%), or null when the planned dose is unknown.</summary>
    public double? Rdi(RdiDefinition definition) => definition == RdiDefinition.RelativeDose ? RelativeDose : RelativeDoseIntensity;
}
