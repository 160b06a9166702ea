namespace OncoTrial.Clinical.Exposure;

/// <summary>Exposure per subject, drug and phase: cycles, duration, cumulative dose, RDI, reductions, delays.</summary>
public static class ExposureDerivation
{
    /// <summary>
    /// Relative dose intensity (%), cycle-day-1 anchored: 100 × Σ actual ÷ (planned per cycle × D ÷ L).
    /// </summary>
    /// <remarks>
    /// Hryniuk &amp; Bush, J Clin Oncol 1984;2:1281: RDI = actual dose intensity ÷ planned dose intensity, with the
    /// actual duration D = (day 1 of the last cycle − day 1 of the first cycle) + L (docs/reference/dosing-and-rdi.md §1.2).
    /// Worked vector A (docs/reference/dosing-and-rdi.md §2):
    /// 4800 ÷ (1200 × 91 ÷ 21) = 92.31 %. R: no package function (admiral leaves "planned" to the user); SAS: DATA step.
    /// </remarks>
    /// <param name="totalDose">Σ actual dose, ≥ 0.</param>
    /// <param name="plannedPerCycle">Planned dose per cycle, &gt; 0.</param>
    /// <param name="durationDays">D in days, &gt; 0.</param>
    /// <param name="cycleLengthDays">L in days, &gt; 0.</param>
    public static double ComputeRelativeDoseIntensity(double totalDose, double plannedPerCycle, int durationDays, int cycleLengthDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalDose);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(plannedPerCycle);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cycleLengthDays);
        return 100 * totalDose / (plannedPerCycle * durationDays / cycleLengthDays);
    }

    /// <summary>Relative dose (%): 100 × Σ actual ÷ (planned per cycle × cycles started); ignores delays.</summary>
    /// <remarks>admiral <c>derive_param_doseint()</c> (TDOSINT); vector B: 502 ÷ (140 × 4) = 89.64 %.</remarks>
    /// <param name="totalDose">Σ actual dose, ≥ 0.</param>
    /// <param name="plannedPerCycle">Planned dose per cycle, &gt; 0.</param>
    /// <param name="cycles">Cycles started, ≥ 1.</param>
    public static double ComputeRelativeDose(double totalDose, double plannedPerCycle, int cycles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalDose);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(plannedPerCycle);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cycles);
        return 100 * totalDose / (plannedPerCycle * cycles);
    }

    /// <summary>
    /// The exposure of every subject to every drug: one record over the whole treatment (Phase null) and one per phase
    /// the drug was given in, ordered by subject, drug and phase (whole treatment first). See docs/methods/exposure.md.
    /// </summary>
    /// <param name="administrations">EX records (<see cref="ExposureReader"/>).</param>
    /// <param name="options">Options; <see cref="ExposureOptions.Default"/> when null.</param>
    public static IReadOnlyList<DrugExposure> DeriveDrugExposures(IEnumerable<Administration> administrations, ExposureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(administrations);
        options ??= ExposureOptions.Default;
        options.EnsureValid();
        var result = new List<DrugExposure>();
        foreach (var subject in administrations.Where(a => TreatmentExposure.IsExposure(a.Dose, a.Drug)).GroupBy(a => a.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var subjectDay1 = Day1s(subject);
            foreach (var drug in subject.GroupBy(a => a.Drug, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var all = drug.OrderBy(a => a.Cycle).ThenBy(a => a.Start).ToList();
                var day1 = options.Day1Anchor == CycleDay1Anchor.SubjectCycle ? subjectDay1 : Day1s(all);
                var delays = Delays(day1, options.CycleLengthDays);
                double? starting = options.StartingDoses.TryGetValue(drug.Key, out double s) ? s : all.FirstOrDefault(a => a.PlannedDose is not null)?.PlannedDose;
                result.Add(Derive(subject.Key, drug.Key, null, all, day1, delays, starting, options));
                foreach (var phase in new[] { TreatmentPhase.Induction, TreatmentPhase.Maintenance })
                {
                    var inPhase = all.Where(a => a.Phase == phase).ToList();
                    if (inPhase.Count > 0)
                    {
                        result.Add(Derive(subject.Key, drug.Key, phase, inPhase, day1, delays, starting, options));
                    }
                }
            }
        }

        return result.AsReadOnly();
    }

    /// <summary>Day 1 of each cycle: the earliest start among the records.</summary>
    private static SortedDictionary<int, DateOnly> Day1s(IEnumerable<Administration> records)
    {
        var day1 = new SortedDictionary<int, DateOnly>();
        foreach (var a in records)
        {
            if (!day1.TryGetValue(a.Cycle, out var d) || a.Start < d)
            {
                day1[a.Cycle] = a.Start;
            }
        }

        return day1;
    }

    /// <summary>Days each cycle's day 1 came after the previous one's + L × (cycle number difference); never negative.</summary>
    private static Dictionary<int, int> Delays(SortedDictionary<int, DateOnly> day1, int cycleLength)
    {
        var delays = new Dictionary<int, int>();
        int? previous = null;
        DateOnly previousDay1 = default;
        foreach (var (cycle, d) in day1)
        {
            delays[cycle] = previous is { } p ? Math.Max(0, d.DayNumber - previousDay1.DayNumber - ((cycle - p) * cycleLength)) : 0;
            previous = cycle;
            previousDay1 = d;
        }

        return delays;
    }

    private static DrugExposure Derive(
        string subject,
        string drug,
        TreatmentPhase? phase,
        List<Administration> records,
        SortedDictionary<int, DateOnly> day1,
        Dictionary<int, int> delays,
        double? starting,
        ExposureOptions options)
    {
        int perCycle = options.AdministrationsOf(drug);
        double keep = 1 - options.ReductionTolerance;
        double firstGiven = records[0].Dose;
        var cycles = new List<CycleExposure>();
        foreach (var cycle in records.GroupBy(a => a.Cycle).OrderBy(g => g.Key))
        {
            double? cyclePlanned = cycle.FirstOrDefault(a => a.PlannedDose is not null)?.PlannedDose;
            double? plannedPerAdministration = options.PlannedDose == PlannedDoseBasis.CyclePlannedDose ? cyclePlanned ?? starting : starting;
            double reference = Math.Max(starting ?? cyclePlanned ?? firstGiven, cyclePlanned ?? 0);
            bool reduced = cycle.Any(a => a.Dose < keep * reference);
            int delay = delays[cycle.Key];
            cycles.Add(new CycleExposure(
                cycle.Key,
                cycle.First().Phase,
                day1[cycle.Key],
                cycle.Sum(a => a.Amount),
                plannedPerAdministration * perCycle,
                reduced,
                delay,
                delay > options.DelayToleranceDays));
        }

        int length = options.CycleLengthDays;
        DateOnly firstDose = records.Min(a => a.Start);
        DateOnly lastDose = records.Max(a => a.End);
        DateOnly firstDay1 = cycles[0].Day1;
        DateOnly lastDay1 = cycles[^1].Day1;
        int lastCycleDays = options.LastCycle == LastCycleLength.FullCycle ? length : Math.Clamp(lastDose.DayNumber - lastDay1.DayNumber + 1, 1, length);
        int intensityDays = lastDay1.DayNumber - firstDay1.DayNumber + lastCycleDays;
        int durationDays = options.Duration == TreatmentDurationDefinition.FirstToLastDose
            ? lastDose.DayNumber - firstDose.DayNumber + 1
            : lastDay1.DayNumber + length - firstDose.DayNumber;
        double total = cycles.Sum(c => c.Amount);
        double? plannedForCycles = cycles.All(c => c.PlannedPerCycle is not null) ? cycles.Sum(c => c.PlannedPerCycle!.Value) : null;
        double? plannedForDuration = plannedForCycles / cycles.Count * intensityDays / length;
        double? rdi = plannedForDuration is > 0 ? Cap(100 * total / plannedForDuration, options.RdiCap) : null;
        double? rd = plannedForCycles is > 0 ? Cap(100 * total / plannedForCycles, options.RdiCap) : null;
        return new DrugExposure(
            subject, drug, phase, records[0].Unit, cycles.AsReadOnly(), firstDose, lastDose, durationDays, total, starting, perCycle,
            intensityDays, plannedForCycles, plannedForDuration, rdi, rd, options);
    }

    private static double? Cap(double? value, double? cap) => cap is { } c && value is { } v ? Math.Min(v, c) : value;
}
