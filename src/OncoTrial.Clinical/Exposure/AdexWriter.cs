using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Data;
using static OncoTrial.Clinical.Adam.AdamColumns;

namespace OncoTrial.Clinical.Exposure;

/// <summary>
/// The ADaM BDS dataset ADEX: one record per subject, drug (PARCAT1), phase (PARCAT2) and parameter. XPT-safe
/// (names ≤ 8 characters, labels ≤ 40).
/// </summary>
public static class AdexWriter
{
    /// <summary>The dataset name, ADEX.</summary>
    public const string DatasetName = "ADEX";

    /// <summary>PARCAT2 of the whole-treatment records.</summary>
    public const string OverallPhase = "OVERALL";

    /// <summary>The parameters, in output order: PARAMCD, PARAM and the unit ("" = the drug's dose unit).</summary>
    public static IReadOnlyList<(string Code, string Name, string Unit)> Parameters { get; } =
    [
        ("TDOSE", "Total Dose Administered", ""),
        ("PDOSE", "Total Planned Dose, Cycles Started", ""),
        ("PDOSEDUR", "Planned Dose over Day-1 Anchored Duration", ""),
        ("RDI", "Relative Dose Intensity, Day-1 Anchored (%)", "%"),
        ("TDOSINT", "Relative Dose, Cycles Started (%)", "%"),
        ("INTDURD", "Dose-Intensity Duration D (days)", "days"),
        ("TRTDURD", "Treatment Duration (days)", "days"),
        ("TRTDURM", "Treatment Duration (months)", "months"),
        ("NCYCLE", "Number of Cycles Started", "cycles"),
        ("NCYCRED", "Number of Cycles with a Dose Reduction", "cycles"),
        ("NCYCDLY", "Number of Delayed Cycles", "cycles"),
    ];

    /// <summary>PARCAT2 for a phase: the EPOCH value, or <see cref="OverallPhase"/>.</summary>
    /// <param name="phase">The phase, or null for the whole treatment.</param>
    public static string PhaseName(TreatmentPhase? phase) => phase switch
    {
        TreatmentPhase.Induction => ExposureReader.InductionEpoch,
        TreatmentPhase.Maintenance => ExposureReader.MaintenanceEpoch,
        _ => OverallPhase,
    };

    /// <summary>
    /// The ADEX dataset. Columns STUDYID, USUBJID, ASEQ, PARAMCD, PARAM, PARCAT1 (drug), PARCAT2 (phase or OVERALL),
    /// AVAL, AVALU, ASTDT (first dose), AENDT (last dose), ASTDY, AENDY (from <paramref name="referenceDates"/>).
    /// AVAL is missing for RDI, TDOSINT, PDOSE and PDOSEDUR when the planned dose is unknown.
    /// </summary>
    /// <param name="studyId">STUDYID.</param>
    /// <param name="exposures">From <see cref="ExposureDerivation.DeriveDrugExposures"/>.</param>
    /// <param name="referenceDates">Day 1 per subject (first dose of any drug); a subject without one gets null study days.</param>
    public static Dataset ToDataset(string studyId, IEnumerable<DrugExposure> exposures, IReadOnlyDictionary<string, DateOnly>? referenceDates = null)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        var list = exposures.OrderBy(e => e.Subject, StringComparer.Ordinal).ThenBy(e => e.Drug, StringComparer.Ordinal).ThenBy(e => e.Phase is null ? -1 : (int)e.Phase).ToList();
        referenceDates ??= list.GroupBy(e => e.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(e => e.FirstDose), StringComparer.Ordinal);
        var rows = new List<(DrugExposure E, string Code, string Name, string Unit, double? Value)>();
        foreach (var e in list)
        {
            foreach (var (code, name, unit) in Parameters)
            {
                double? value = code switch
                {
                    "TDOSE" => e.CumulativeDose,
                    "PDOSE" => e.PlannedDoseForCycles,
                    "PDOSEDUR" => e.PlannedDoseForDuration,
                    "RDI" => e.RelativeDoseIntensity,
                    "TDOSINT" => e.RelativeDose,
                    "INTDURD" => e.IntensityDays,
                    "TRTDURD" => e.DurationDays,
                    "TRTDURM" => e.DurationMonths,
                    "NCYCLE" => e.CyclesStarted,
                    "NCYCRED" => e.ReducedCycles,
                    _ => e.DelayedCycles,
                };
                rows.Add((e, code, name, unit.Length == 0 ? e.Unit : unit, value));
            }
        }

        int n = rows.Count;
        var seq = new double[n];
        for (int i = 0; i < n; i++)
        {
            seq[i] = i == 0 || !string.Equals(rows[i].E.Subject, rows[i - 1].E.Subject, StringComparison.Ordinal) ? 1 : seq[i - 1] + 1;
        }

        double Day(DrugExposure e, DateOnly d) => referenceDates.TryGetValue(e.Subject, out var r) ? StudyDays.Compute(d, r) : double.NaN;
        DatasetColumn[] columns =
        [
            Text("STUDYID", "Study Identifier", [.. Enumerable.Repeat(studyId, n)]),
            Text("USUBJID", "Unique Subject Identifier", [.. rows.Select(r => r.E.Subject)]),
            Integer("ASEQ", "Analysis Sequence Number", seq),
            Text("PARAMCD", "Parameter Code", [.. rows.Select(r => r.Code)]),
            Text("PARAM", "Parameter", [.. rows.Select(r => r.Name)]),
            Text("PARCAT1", "Parameter Category 1 (Drug)", [.. rows.Select(r => r.E.Drug)]),
            Text("PARCAT2", "Parameter Category 2 (Phase)", [.. rows.Select(r => PhaseName(r.E.Phase))]),
            Double("AVAL", "Analysis Value", [.. rows.Select(r => Number(r.Value))]),
            Text("AVALU", "Analysis Value Unit", [.. rows.Select(r => r.Unit)]),
            Date("ASTDT", "Analysis Start Date", [.. rows.Select(r => SasDate(r.E.FirstDose))]),
            Date("AENDT", "Analysis End Date", [.. rows.Select(r => SasDate(r.E.LastDose))]),
            Integer("ASTDY", "Analysis Start Relative Day", [.. rows.Select(r => Day(r.E, r.E.FirstDose))]),
            Integer("AENDY", "Analysis End Relative Day", [.. rows.Select(r => Day(r.E, r.E.LastDose))]),
        ];
        return new Dataset(DatasetName, "Exposure Analysis Dataset", columns);
    }
}
