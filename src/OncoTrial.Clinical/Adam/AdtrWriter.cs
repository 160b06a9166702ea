using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Recist;
using static OncoTrial.Clinical.Adam.AdamColumns;

namespace OncoTrial.Clinical.Adam;

/// <summary>
/// The ADaM BDS dataset ADTR with the SDIAM parameter (sum of target-lesion diameters), one record per subject and
/// assessment, baseline included: the waterfall (ANL02FL) and spider plot (PCHG by ADY) source. XPT-safe.
/// </summary>
public static class AdtrWriter
{
    /// <summary>The dataset name, ADTR.</summary>
    public const string DatasetName = "ADTR";

    /// <summary>
    /// The ADTR dataset from RECIST time-point responses. Columns STUDYID, USUBJID, ASEQ, PARAMCD, PARAM, AVAL, AVALU,
    /// BASE, CHG, PCHG, NADIR, CHGNAD, PCHGNAD, ADT, ADTF (date imputation flag of a partial TRDTC: "D" or "M"), ADY,
    /// ABLFL, ANL01FL, ANL02FL.
    /// </summary>
    /// <remarks>
    /// Per subject with target lesions: a baseline record (ABLFL = "Y", ADT the baseline date, AVAL = BASE the baseline
    /// sum; CHG, PCHG, NADIR, CHGNAD and PCHGNAD null, as the admiralonco template derives them after baseline only),
    /// then one record per time point with a sum: AVAL the sum (mm), CHG = AVAL − BASE, PCHG = 100 × CHG / BASE, NADIR the
    /// smallest complete sum before the time point (baseline included), CHGNAD = AVAL − NADIR, PCHGNAD = 100 × CHGNAD /
    /// NADIR (null when the nadir is 0); all values as <see cref="TimePointResponse"/> carries them, unrounded.
    /// ANL01FL: the baseline and the time points whose sum is complete (every target assessed). ANL02FL: the ANL01FL
    /// post-baseline record with the smallest PCHG (the earliest on a tie), the waterfall's bar.
    /// </remarks>
    /// <param name="studyId">STUDYID.</param>
    /// <param name="timePoints">Time-point responses from <see cref="RecistDerivation.DeriveTimePointResponses"/>.</param>
    /// <param name="referenceDates">Day 1 per subject (first dose) for ADY; a subject without one gets a null ADY.</param>
    public static Dataset ToDataset(string studyId, IEnumerable<TimePointResponse> timePoints, IReadOnlyDictionary<string, DateOnly> referenceDates)
    {
        ArgumentNullException.ThrowIfNull(timePoints);
        ArgumentNullException.ThrowIfNull(referenceDates);
        var rows = new List<Row>();
        foreach (var subject in timePoints.GroupBy(t => t.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var points = subject.Where(t => t.SumOfDiametersMm is not null).OrderBy(t => t.Date).ToList();
            var first = subject.FirstOrDefault(t => t.BaselineSumMm is not null);
            if (first is null)
            {
                continue;
            }

            DateOnly? reference = referenceDates.TryGetValue(subject.Key, out var r) ? r : null;
            int? Day(DateOnly d) => reference is { } rf ? StudyDays.Compute(d, rf) : null;
            double baseline = first.BaselineSumMm!.Value;
            int seq = 0;
            rows.Add(new Row(subject.Key, ++seq, baseline, baseline, null, null, null, null, null, first.BaselineDate, first.BaselineDateFlag, Day(first.BaselineDate), true, true));
            int? best = null;
            foreach (var t in points)
            {
                double sum = t.SumOfDiametersMm!.Value;
                double? chgNadir = t.NadirMm is { } nadir ? sum - nadir : null;
                rows.Add(new Row(subject.Key, ++seq, sum, baseline, sum - baseline, t.PercentChangeFromBaseline, t.NadirMm, chgNadir, t.PercentChangeFromNadir, t.Date, t.DateFlag, Day(t.Date), false, t.IsSumComplete));
                if (t.IsSumComplete && t.PercentChangeFromBaseline is { } pchg && (best is null || pchg < rows[best.Value].Pchg))
                {
                    best = rows.Count - 1;
                }
            }

            if (best is { } b)
            {
                rows[b] = rows[b] with { Anl02 = true };
            }
        }

        int n = rows.Count;
        DatasetColumn[] columns =
        [
            Text("STUDYID", "Study Identifier", [.. Enumerable.Repeat(studyId, n)]),
            Text("USUBJID", "Unique Subject Identifier", [.. rows.Select(x => x.Subject)]),
            Integer("ASEQ", "Analysis Sequence Number", [.. rows.Select(x => (double)x.Sequence)]),
            Text("PARAMCD", "Parameter Code", [.. Enumerable.Repeat("SDIAM", n)]),
            Text("PARAM", "Parameter", [.. Enumerable.Repeat("Target Lesions Sum of Diameters (mm)", n)]),
            Double("AVAL", "Analysis Value", [.. rows.Select(x => x.Aval)]),
            Text("AVALU", "Analysis Value Unit", [.. Enumerable.Repeat("mm", n)]),
            Double("BASE", "Baseline Value", [.. rows.Select(x => x.Base)]),
            Double("CHG", "Change from Baseline", [.. rows.Select(x => Number(x.Chg))]),
            Double("PCHG", "Percent Change from Baseline", [.. rows.Select(x => Number(x.Pchg))]),
            Double("NADIR", "Nadir", [.. rows.Select(x => Number(x.Nadir))]),
            Double("CHGNAD", "Change from Nadir", [.. rows.Select(x => Number(x.ChgNadir))]),
            Double("PCHGNAD", "Percent Change from Nadir", [.. rows.Select(x => Number(x.PchgNadir))]),
            Date("ADT", "Analysis Date", [.. rows.Select(x => SasDate(x.Date))]),
            Text("ADTF", "Analysis Date Imputation Flag", [.. rows.Select(x => x.DateFlag?.ToCode())]),
            Integer("ADY", "Analysis Relative Day", [.. rows.Select(x => Number(x.Day))]),
            Text("ABLFL", "Baseline Record Flag", [.. rows.Select(x => Flag(x.Baseline))]),
            Text("ANL01FL", "Analysis Flag 01", [.. rows.Select(x => Flag(x.Anl01))]),
            Text("ANL02FL", "Analysis Flag 02", [.. rows.Select(x => Flag(x.Anl02))]),
        ];
        return new Dataset(DatasetName, "Tumor Results Analysis Dataset", columns);
    }

    private sealed record Row(
        string Subject, int Sequence, double Aval, double Base, double? Chg, double? Pchg, double? Nadir, double? ChgNadir, double? PchgNadir,
        DateOnly Date, DateImputationLevel? DateFlag, int? Day, bool Baseline, bool Anl01, bool Anl02 = false);
}
