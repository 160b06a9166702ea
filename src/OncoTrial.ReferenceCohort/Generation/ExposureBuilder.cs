namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>A dose reduction an adverse event causes: the drug and the first cycle given at the lower dose.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Drug">EXTRT (ANLOTINIB, PACLITAXEL, CISPLATIN; benmelstobart is never reduced).</param>
/// <param name="FromCycle">The first cycle (1-based, across phases) at the reduced dose.</param>
internal sealed record DoseReduction(string Subject, string Drug, int FromCycle);

/// <summary>One administration record of the cohort (an EX record).</summary>
/// <param name="Drug">EXTRT.</param>
/// <param name="Dose">EXDOSE per administration.</param>
/// <param name="Unit">EXDOSU.</param>
/// <param name="Frequency">EXDOSFRQ (ONCE, or QD for a daily oral period).</param>
/// <param name="Route">EXROUTE.</param>
/// <param name="Form">EXDOSFRM.</param>
/// <param name="StartDay">Study day of EXSTDTC.</param>
/// <param name="EndDay">Study day of EXENDTC.</param>
/// <param name="IsMaintenance">True in maintenance (EPOCH MAINTENANCE THERAPY), false in induction (INITIAL THERAPY).</param>
/// <param name="Cycle">EXCYCLE, 1-based across phases.</param>
/// <param name="PlannedDose">EXPDOSE: the protocol's dose for the cycle at the current dose level.</param>
internal sealed record ExposureRecord(
    string Drug, double Dose, string Unit, string Frequency, string Route, string Form, int StartDay, int EndDay, bool IsMaintenance, int Cycle, double PlannedDose);

/// <summary>How one subject's treatment goes, cycle by cycle: the input of <see cref="ExposureBuilder"/>.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="InductionCycles">Induction cycles started (1-6).</param>
/// <param name="MaintenanceCycles">Maintenance cycles started (0 or more).</param>
/// <param name="Delays">Extra days before day 1 of a cycle (cycle number to days), beyond the 21-day rhythm.</param>
/// <param name="Omitted">Drugs left out of a cycle (drug, cycle): benmelstobart held for an immune-related AE, cisplatin stopped after some cycles, ...</param>
/// <param name="Reductions">Dose reductions from a cycle on.</param>
/// <param name="LastCycleAnlotinibDays">Days of anlotinib taken in the last cycle when it was stopped early (1-14), or null for the full 14 days.</param>
/// <param name="SplitPaclitaxel">True when the first paclitaxel infusion is split over days 1 and 3 (an infusion reaction).</param>
internal sealed record TreatmentCourse(
    string Subject,
    int InductionCycles,
    int MaintenanceCycles,
    IReadOnlyDictionary<int, int> Delays,
    IReadOnlySet<(string Drug, int Cycle)> Omitted,
    IReadOnlyList<DoseReduction> Reductions,
    int? LastCycleAnlotinibDays = null,
    bool SplitPaclitaxel = false);

/// <summary>
/// The administrations of the seed regimen (src/OncoTrial.Clinical/Protocol/seed-regimen.json) for a treatment course:
/// 21-day cycles; induction benmelstobart 1200 mg day 1, anlotinib 10 mg days 1-14, paclitaxel 135 mg/m² day 1,
/// cisplatin 75 mg/m² day 1; maintenance benmelstobart and anlotinib. Doses of BSA-based drugs are recorded in mg/m²
/// (EXDOSU mg/m²), as the protocol prescribes them, so relative dose intensity compares like with like. Anlotinib dose
/// levels 10, 8, 6 mg; a reduced chemotherapy dose is 80% of the starting dose.
/// </summary>
internal static class ExposureBuilder
{
    /// <summary>The cycle length of the regimen, in days.</summary>
    public const int CycleLength = 21;

    /// <summary>EXTRT of the four drugs.</summary>
    public const string Benmelstobart = "BENMELSTOBART", Anlotinib = "ANLOTINIB", Paclitaxel = "PACLITAXEL", Cisplatin = "CISPLATIN";

    private static readonly double[] AnlotinibLevels = [10, 8, 6];

    /// <summary>Day 1 of each cycle: 1, then 21 days apart plus the delays.</summary>
    public static IReadOnlyList<int> CycleDays(TreatmentCourse course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var days = new List<int>();
        int day = 1;
        for (int cycle = 1; cycle <= course.InductionCycles + course.MaintenanceCycles; cycle++)
        {
            if (cycle > 1)
            {
                day += CycleLength + course.Delays.GetValueOrDefault(cycle);
            }

            days.Add(day);
        }

        return days;
    }

    /// <summary>Every administration of the course, cycle by cycle, drug by drug.</summary>
    public static IReadOnlyList<ExposureRecord> Build(TreatmentCourse course)
    {
        ArgumentNullException.ThrowIfNull(course);
        var days = CycleDays(course);
        var records = new List<ExposureRecord>();
        int last = days.Count;
        for (int cycle = 1; cycle <= last; cycle++)
        {
            int d1 = days[cycle - 1];
            bool maintenance = cycle > course.InductionCycles;
            int Reductions(string drug) => course.Reductions.Count(r => r.Drug == drug && r.FromCycle <= cycle);
            bool Given(string drug) => !course.Omitted.Contains((drug, cycle));

            if (Given(Benmelstobart))
            {
                records.Add(new ExposureRecord(Benmelstobart, 1200, "mg", "ONCE", "INTRAVENOUS", "INJECTION, SOLUTION", d1, d1, maintenance, cycle, 1200));
            }

            if (Given(Anlotinib))
            {
                double level = AnlotinibLevels[Math.Min(Reductions(Anlotinib), AnlotinibLevels.Length - 1)];
                int days14 = cycle == last && course.LastCycleAnlotinibDays is { } n ? Math.Clamp(n, 1, 14) : 14;
                records.Add(new ExposureRecord(Anlotinib, level, "mg", "QD", "ORAL", "CAPSULE", d1, d1 + days14 - 1, maintenance, cycle, level));
            }

            if (maintenance)
            {
                continue;
            }

            if (Given(Paclitaxel))
            {
                double dose = Reductions(Paclitaxel) > 0 ? 108 : 135;
                if (course.SplitPaclitaxel && cycle == 1)
                {
                    records.Add(new ExposureRecord(Paclitaxel, dose / 3, "mg/m2", "ONCE", "INTRAVENOUS", "INJECTION, SOLUTION", d1, d1, false, cycle, dose));
                    records.Add(new ExposureRecord(Paclitaxel, dose - (dose / 3), "mg/m2", "ONCE", "INTRAVENOUS", "INJECTION, SOLUTION", d1 + 2, d1 + 2, false, cycle, dose));
                }
                else
                {
                    records.Add(new ExposureRecord(Paclitaxel, dose, "mg/m2", "ONCE", "INTRAVENOUS", "INJECTION, SOLUTION", d1, d1, false, cycle, dose));
                }
            }

            if (Given(Cisplatin))
            {
                double dose = Reductions(Cisplatin) > 0 ? 60 : 75;
                records.Add(new ExposureRecord(Cisplatin, dose, "mg/m2", "ONCE", "INTRAVENOUS", "INJECTION, SOLUTION", d1, d1, false, cycle, dose));
            }
        }

        return records;
    }
}
