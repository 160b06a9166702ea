using System.Collections.ObjectModel;
using System.Globalization;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Exposure;

/// <summary>Which relative dose intensity is computed. Papers call both "RDI"; every result says which one it holds.</summary>
public enum RdiDefinition
{
    /// <summary>
    /// Relative dose intensity, cycle-day-1 anchored (Hryniuk &amp; Bush 1984): Σ actual ÷ (planned per cycle × D ÷ L) × 100,
    /// D = (day 1 of the last cycle − day 1 of the first cycle) + L. Delays lower it. The default; no admiral twin
    /// (admiral leaves the planned dose to the user); SAS: a DATA step over ADEX.
    /// </summary>
    DoseIntensityCycleDay1,

    /// <summary>
    /// Relative dose ("dose compliance"): Σ actual ÷ (planned per cycle × cycles started) × 100; ignores delays.
    /// admiral's <c>derive_param_doseint()</c> (TDOSINT = total administered ÷ total planned × 100).
    /// </summary>
    RelativeDose,
}

/// <summary>How long the last cycle counts in the duration D of the dose-intensity RDI.</summary>
public enum LastCycleLength
{
    /// <summary>A full cycle L (docs/reference/dosing-and-rdi.md §1.2, the default): D = (last day 1 − first day 1) + L.</summary>
    FullCycle,

    /// <summary>
    /// Up to the drug's last dose date, at most L: D = (last day 1 − first day 1) + min(L, last dose end − last day 1 + 1).
    /// Meant for continuous oral dosing that stops mid-cycle; for a day-1 drug the last cycle counts one day and RDI
    /// can exceed 100 %.
    /// </summary>
    TruncatedAtLastDose,
}

/// <summary>Which planned dose the RDI and the relative dose compare with.</summary>
public enum PlannedDoseBasis
{
    /// <summary>The protocol starting dose for every cycle (the default; RDI is normally against the starting dose).</summary>
    ProtocolStartingDose,

    /// <summary>The planned dose recorded for each cycle (EXPDOSE), i.e. after protocol-allowed reductions.</summary>
    CyclePlannedDose,
}

/// <summary>What "treatment duration" of a drug means.</summary>
public enum TreatmentDurationDefinition
{
    /// <summary>Last dose (EXENDTC, else EXSTDTC) − first dose + 1 day; admiral's TRTDURD (TRTEDT − TRTSDT + 1). The default.</summary>
    FirstToLastDose,

    /// <summary>Day 1 of the last cycle + L − first dose: the time covered by the cycles started (= D for a day-1 drug).</summary>
    FirstDoseToEndOfLastCycle,
}

/// <summary>Where a cycle's day 1 comes from.</summary>
public enum CycleDay1Anchor
{
    /// <summary>The subject's cycle: the earliest EXSTDTC of any drug with that EXCYCLE (the default).</summary>
    SubjectCycle,

    /// <summary>The drug's own first administration (EXSTDTC) in that cycle.</summary>
    DrugStart,
}

/// <summary>
/// Options of the exposure derivations (<see cref="ExposureDerivation"/>). <see cref="Default"/> is the seed trial:
/// 21-day cycles, anlotinib 14 daily doses per cycle (days 1-14), every other drug once per cycle. See
/// docs/methods/exposure.md and docs/decisions/0004-rdi.md.
/// </summary>
public sealed record ExposureOptions
{
    /// <summary>The seed trial's options.</summary>
    public static ExposureOptions Default { get; } = new();

    /// <summary>Cycle length L in days (&gt; 0); 21.</summary>
    public int CycleLengthDays { get; init; } = 21;

    /// <summary>Which RDI the summary reports; both are always computed.</summary>
    public RdiDefinition Rdi { get; init; } = RdiDefinition.DoseIntensityCycleDay1;

    /// <summary>Last-cycle handling in D.</summary>
    public LastCycleLength LastCycle { get; init; } = LastCycleLength.FullCycle;

    /// <summary>
    /// A ceiling (%) on each subject's RDI and relative dose, or null (the default) for none. Papers that print RDI
    /// ranges ending at 100 % cap it, often unsaid; with <see cref="LastCycleLength.TruncatedAtLastDose"/> a day-1 drug
    /// exceeds 100 % without one. The uncapped values stay on <see cref="DrugExposure"/> as the planned doses and
    /// totals they come from.
    /// </summary>
    public double? RdiCap { get; init; }

    /// <summary>Planned dose basis.</summary>
    public PlannedDoseBasis PlannedDose { get; init; } = PlannedDoseBasis.ProtocolStartingDose;

    /// <summary>Treatment duration definition.</summary>
    public TreatmentDurationDefinition Duration { get; init; } = TreatmentDurationDefinition.FirstToLastDose;

    /// <summary>Cycle day 1 anchor.</summary>
    public CycleDay1Anchor Day1Anchor { get; init; } = CycleDay1Anchor.SubjectCycle;

    /// <summary>Days per month for durations in months: 30.4375 (365.25 ÷ 12), as admiral's <c>compute_duration()</c>.</summary>
    public double DaysPerMonth { get; init; } = 30.4375;

    /// <summary>
    /// Planned administrations per cycle by drug (EXTRT, case-insensitive); a drug not listed is given once per cycle.
    /// Planned per cycle = planned dose per administration × this. Seed: ANLOTINIB 14 (days 1-14).
    /// </summary>
    public IReadOnlyDictionary<string, int> AdministrationsPerCycle { get; init; } =
        new ReadOnlyDictionary<string, int>(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["ANLOTINIB"] = 14 });

    /// <summary>
    /// Protocol starting dose per administration by drug (EXTRT, case-insensitive), in the drug's EXDOSU. A drug not
    /// listed takes EXPDOSE of its first cycle. Empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, double> StartingDoses { get; init; } =
        new ReadOnlyDictionary<string, double>(new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// A dose counts as reduced when it is below (1 − this) × the reference (0 ≤ value &lt; 1); 0.05, so rounding of
    /// BSA-based doses is not a reduction.
    /// </summary>
    public double ReductionTolerance { get; init; } = 0.05;

    /// <summary>A cycle is delayed when its day 1 is more than this many days (≥ 0) after the previous day 1 + L; 3.</summary>
    public int DelayToleranceDays { get; init; } = 3;

    /// <summary>The induction (initial therapy) cycle count the protocol asks for, from <see cref="MinInductionCycles"/>; 4.</summary>
    public int MinInductionCycles { get; init; } = 4;

    /// <summary>At most this many induction cycles; 6.</summary>
    public int MaxInductionCycles { get; init; } = 6;

    /// <summary>Planned administrations per cycle of the drug.</summary>
    public int AdministrationsOf(string drug) => AdministrationsPerCycle.TryGetValue(drug, out int n) ? n : 1;

    /// <summary>
    /// Every problem with the options (empty when valid), each named by its option: <c>cycle-days</c> &gt; 0,
    /// <c>days-per-month</c> finite and &gt; 0, <c>rdi-cap</c> &gt; 0 when set, <c>reduction-tolerance</c> in [0, 1), <c>delay-tolerance-days</c> ≥ 0,
    /// <c>min-induction-cycles</c> ≥ 1 and <c>max-induction-cycles</c> ≥ it, <c>administrations</c> ≥ 1 per cycle and
    /// <c>starting-dose</c> finite and &gt; 0 for every drug listed.
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (CycleLengthDays <= 0)
        {
            problems.Add(OptionProblems.WholeNumber("cycle-days", "a cycle length > 0 days", CycleLengthDays, "The seed protocol's cycles last 21 days."));
        }

        if (!(DaysPerMonth > 0 && double.IsFinite(DaysPerMonth)))
        {
            problems.Add(OptionProblems.Number("days-per-month", "a number of days > 0", DaysPerMonth, "Use 30.4375 (365.25 / 12)."));
        }

        if (!(ReductionTolerance >= 0 && ReductionTolerance < 1))
        {
            problems.Add(OptionProblems.Number("reduction-tolerance", "a fraction 0 <= tolerance < 1", ReductionTolerance, "Give 5 % as 0.05."));
        }

        if (DelayToleranceDays < 0)
        {
            problems.Add(OptionProblems.WholeNumber("delay-tolerance-days", "a number of days >= 0", DelayToleranceDays));
        }

        if (MinInductionCycles < 1)
        {
            problems.Add(OptionProblems.WholeNumber("min-induction-cycles", "at least 1 cycle", MinInductionCycles));
        }
        else if (MaxInductionCycles < MinInductionCycles)
        {
            problems.Add(OptionProblems.WholeNumber(
                "max-induction-cycles",
                string.Create(CultureInfo.InvariantCulture, $"at least --min-induction-cycles ({MinInductionCycles})"),
                MaxInductionCycles,
                code: OptionProblems.Conflict));
        }

        if (RdiCap is { } cap && !(cap > 0 && double.IsFinite(cap)))
        {
            problems.Add(OptionProblems.Number("rdi-cap", "a percentage > 0 (100 caps RDI at 100 %)", cap));
        }

        foreach (var (drug, n) in AdministrationsPerCycle.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (n < 1)
            {
                problems.Add(Problem.ForOption(
                    "administrations",
                    OptionProblems.Range,
                    "at least 1 administration per cycle",
                    string.Create(CultureInfo.InvariantCulture, $"{n} for {drug}")));
            }
        }

        foreach (var (drug, dose) in StartingDoses.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (!(dose > 0 && double.IsFinite(dose)))
            {
                problems.Add(Problem.ForOption(
                    "starting-dose",
                    OptionProblems.Range,
                    "a dose per administration > 0",
                    string.Create(CultureInfo.InvariantCulture, $"{dose:R} for {drug}")));
            }
        }

        return problems.AsReadOnly();
    }

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range; the message lists every problem of <see cref="Validate"/>, one per line.</exception>
    public void EnsureValid() => OptionProblems.ThrowIfAny(Validate(), "options");

    /// <summary>One line naming every choice, printed with each result.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"RDI: {Vocabulary.Token(Rdi)}; cycle {CycleLengthDays} d; last cycle: {Vocabulary.Token(LastCycle)}{(RdiCap is { } cap ? string.Create(CultureInfo.InvariantCulture, $"; capped at {cap:0.##} %") : string.Empty)}; planned dose: {Vocabulary.Token(PlannedDose)}; duration: {Vocabulary.Token(Duration)}; day 1: {Vocabulary.Token(Day1Anchor)}; month = {DaysPerMonth} d; reduction below {(1 - ReductionTolerance) * 100:0.##} % of planned; delay > {DelayToleranceDays} d")
        + string.Concat(AdministrationsPerCycle.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"; {p.Key} {p.Value} administrations/cycle")));
}
