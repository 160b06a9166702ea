namespace OncoTrial.Clinical.Protocol;

/// <summary>One planned cycle.</summary>
/// <param name="Cycle">Cycle number, 1-based across phases (EX.EXCYCLE).</param>
/// <param name="Phase">The phase.</param>
/// <param name="CycleInPhase">Cycle number within the phase, 1-based.</param>
/// <param name="Day1">Planned day 1.</param>
/// <param name="DrugIds">The drugs given in the cycle.</param>
public sealed record PlannedCycle(int Cycle, TreatmentPhase Phase, int CycleInPhase, DateOnly Day1, IReadOnlyList<string> DrugIds);

/// <summary>One planned tumour assessment.</summary>
/// <param name="Label">BASELINE, or the phase and the cycles completed (e.g. "INITIAL THERAPY after cycle 2").</param>
/// <param name="Date">Planned date: on or before the first dose for baseline; otherwise the day after the last completed cycle ends (the next cycle's planned day 1).</param>
/// <param name="Phase">The phase, or null for baseline.</param>
/// <param name="AfterCycle">The overall cycle number completed before it (0 for baseline).</param>
public sealed record PlannedAssessment(string Label, DateOnly Date, TreatmentPhase? Phase, int AfterCycle);

/// <summary>A subject's planned treatment and assessment calendar from the first dose, assuming no delays.</summary>
/// <param name="FirstDose">Cycle 1 day 1.</param>
/// <param name="Cycles">Planned cycles.</param>
/// <param name="Assessments">Planned assessments.</param>
/// <param name="CyclesPerPhase">The number of cycles planned in each phase, as used.</param>
public sealed record TreatmentSchedule(DateOnly FirstDose, IReadOnlyList<PlannedCycle> Cycles, IReadOnlyList<PlannedAssessment> Assessments, IReadOnlyList<int> CyclesPerPhase)
{
    /// <summary>
    /// Builds the calendar: cycle k starts (k − 1) × cycle length days after the first dose; within a phase that is
    /// assessed every n cycles, an assessment falls after its cycles n, 2n, …, dated the next cycle's planned day 1
    /// (a 21-day cycle assessed every 2 cycles gives weeks 6, 12, …). Maintenance counts its cycles from its own start.
    /// </summary>
    /// <param name="regimen">The regimen.</param>
    /// <param name="firstDose">Cycle 1 day 1.</param>
    /// <param name="cyclesPerPhase">Cycles in each phase, in phase order; a missing entry means the phase's maxCycles, or its minCycles when it has no maximum (0 for an open-ended maintenance); each within the phase's range.</param>
    /// <exception cref="ArgumentException">A cycle count outside its phase's range, or more counts than phases.</exception>
    public static TreatmentSchedule Create(Regimen regimen, DateOnly firstDose, IReadOnlyList<int>? cyclesPerPhase = null)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        cyclesPerPhase ??= [];
        if (cyclesPerPhase.Count > regimen.Phases.Count)
        {
            throw new ArgumentException($"cycles per phase: expected at most {regimen.Phases.Count} counts (one per phase), found {cyclesPerPhase.Count}.", nameof(cyclesPerPhase));
        }

        var counts = new List<int>();
        var problems = new List<string>();
        for (int p = 0; p < regimen.Phases.Count; p++)
        {
            var phase = regimen.Phases[p];
            int n = p < cyclesPerPhase.Count ? cyclesPerPhase[p] : phase.MaxCycles ?? phase.MinCycles;
            if (n < phase.MinCycles || (phase.MaxCycles is { } max && n > max) || n < 0)
            {
                string range = phase.MaxCycles is { } m ? $"{phase.MinCycles} to {m}" : $"{phase.MinCycles} or more";
                problems.Add($"{phase.Name.ToLowerInvariant()} cycles: expected {range} (the regimen's range for {phase.Id}), found {n}.");
            }

            counts.Add(n);
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(cyclesPerPhase));
        }

        var cycles = new List<PlannedCycle>();
        var assessments = new List<PlannedAssessment>();
        if (regimen.BaselineAssessment)
        {
            assessments.Add(new PlannedAssessment("BASELINE", firstDose, null, 0));
        }

        int overall = 0;
        for (int p = 0; p < regimen.Phases.Count; p++)
        {
            var phase = regimen.Phases[p];
            for (int c = 1; c <= counts[p]; c++)
            {
                var day1 = firstDose.AddDays(overall * regimen.CycleLengthDays);
                overall++;
                cycles.Add(new PlannedCycle(overall, phase, c, day1, phase.DrugIds));
                if (c % phase.AssessmentEveryCycles == 0)
                {
                    assessments.Add(new PlannedAssessment($"{phase.Name} after cycle {c}", firstDose.AddDays(overall * regimen.CycleLengthDays), phase, overall));
                }
            }
        }

        return new TreatmentSchedule(firstDose, cycles.AsReadOnly(), assessments.AsReadOnly(), counts.AsReadOnly());
    }
}
