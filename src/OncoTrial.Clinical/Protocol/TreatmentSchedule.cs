using System.Globalization;
using OncoTrial.Statistics;

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
    /// <exception cref="ArgumentException">A cycle count outside its phase's range, or more counts than phases (the problems of <see cref="Validate"/>, one per line).</exception>
    public static TreatmentSchedule Create(Regimen regimen, DateOnly firstDose, IReadOnlyList<int>? cyclesPerPhase = null)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        cyclesPerPhase ??= [];
        OptionProblems.ThrowArgumentIfAny(Validate(regimen, cyclesPerPhase), nameof(cyclesPerPhase));
        var counts = new List<int>();
        for (int p = 0; p < regimen.Phases.Count; p++)
        {
            var phase = regimen.Phases[p];
            counts.Add(p < cyclesPerPhase.Count ? cyclesPerPhase[p] : phase.MaxCycles ?? phase.MinCycles);
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

    /// <summary>
    /// Every problem with the cycle counts of <see cref="Create"/> (empty when valid): each within its phase's range
    /// (<see cref="TreatmentPhase.MinCycles"/> to <see cref="TreatmentPhase.MaxCycles"/>), and at most one count per
    /// phase. The count of the first phase is option <c>induction-cycles</c>, of the second <c>maintenance-cycles</c>
    /// (of a third and later, <c>phase-N-cycles</c>), e.g. "--induction-cycles: expected 4 to 6 (the regimen's range for
    /// INDUCTION), found 7.".
    /// </summary>
    /// <param name="regimen">The regimen.</param>
    /// <param name="cyclesPerPhase">Cycles in each phase, in phase order; a missing entry means the phase's default.</param>
    public static IReadOnlyList<Problem> Validate(Regimen regimen, IReadOnlyList<int> cyclesPerPhase)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(cyclesPerPhase);
        var problems = new List<Problem>();
        for (int p = 0; p < regimen.Phases.Count; p++)
        {
            var phase = regimen.Phases[p];
            int n = p < cyclesPerPhase.Count ? cyclesPerPhase[p] : phase.MaxCycles ?? phase.MinCycles;
            if (n < phase.MinCycles || (phase.MaxCycles is { } max && n > max) || n < 0)
            {
                string range = phase.MaxCycles is { } m
                    ? string.Create(CultureInfo.InvariantCulture, $"{phase.MinCycles} to {m}")
                    : string.Create(CultureInfo.InvariantCulture, $"{phase.MinCycles} or more");
                problems.Add(OptionProblems.WholeNumber(PhaseOption(p), $"{range} (the regimen's range for {phase.Id})", n));
            }
        }

        if (cyclesPerPhase.Count > regimen.Phases.Count)
        {
            problems.Add(OptionProblems.WholeNumber(
                PhaseOption(regimen.Phases.Count),
                string.Create(CultureInfo.InvariantCulture, $"at most {regimen.Phases.Count} counts (one per phase of {regimen.Id})"),
                cyclesPerPhase.Count));
        }

        return problems.AsReadOnly();
    }

    /// <summary>The option of the cycle count of phase <paramref name="index"/> (0-based).</summary>
    private static string PhaseOption(int index) => index switch
    {
        0 => "induction-cycles",
        1 => "maintenance-cycles",
        _ => string.Create(CultureInfo.InvariantCulture, $"phase-{index + 1}-cycles"),
    };
}
