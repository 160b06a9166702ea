using System.Globalization;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Ctcae;

/// <summary>Where a graded record lies relative to the subject's first dose (DM.RFXSTDTC, else RFSTDTC).</summary>
public enum RecordTiming
{
    /// <summary>On or before the first dose, not the baseline.</summary>
    PreTreatment,

    /// <summary>The baseline: the last record with a value and a complete date on or before the first dose (admiral's ABLFL rule).</summary>
    Baseline,

    /// <summary>After the first dose date.</summary>
    PostBaseline,

    /// <summary>No first dose (e.g. a screen failure), or a partial date that straddles it.</summary>
    Unknown,
}

/// <summary>One LB or VS record graded for one CTCAE term, with where it came from.</summary>
/// <param name="Usubjid">Subject.</param>
/// <param name="Term">CTCAE term.</param>
/// <param name="TestCode">LBTESTCD / VSTESTCD.</param>
/// <param name="Domain">LB or VS.</param>
/// <param name="File">The domain's file in the study folder.</param>
/// <param name="Row">Data row in the file (1 = first record).</param>
/// <param name="Line">Line in the file.</param>
/// <param name="DateText">--DTC as recorded.</param>
/// <param name="Date">The date when complete (null for a partial date).</param>
/// <param name="Value">--STRESN.</param>
/// <param name="Unit">--STRESU.</param>
/// <param name="Timing">Relative to the first dose.</param>
/// <param name="Result">The grade, or why not gradable.</param>
public sealed record GradedRecord(
    string Usubjid,
    string Term,
    string TestCode,
    string Domain,
    string File,
    int Row,
    int Line,
    string DateText,
    DateOnly? Date,
    decimal? Value,
    string Unit,
    RecordTiming Timing,
    LabGrade Result)
{
    /// <summary>"LB row 12 (NEUT 0.4 10^9/L on 2021-09-25)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Domain} row {Row} ({TestCode} {Value} {Unit} on {DateText})");
}

/// <summary>A subject's worst post-baseline grade for a term.</summary>
/// <param name="Usubjid">Subject.</param>
/// <param name="Term">CTCAE term.</param>
/// <param name="Grade">The worst grade, or null when no post-baseline record was gradable.</param>
/// <param name="Record">The record with the worst grade (the earliest on ties).</param>
/// <param name="GradedCount">Post-baseline records graded.</param>
/// <param name="NotGradableCount">Post-baseline records not gradable.</param>
public sealed record WorstGrade(string Usubjid, string Term, CtcaeGrade? Grade, GradedRecord? Record, int GradedCount, int NotGradableCount);

/// <summary>Grades the LB and VS records of a study folder against the CTCAE criteria.</summary>
public static class CtcaeStudyGrading
{
    /// <summary>Every LB record whose LBTESTCD has criteria (WBC, NEUT, LYM, PLAT, HGB, ALT, AST, BILI, CREAT), once per term.</summary>
    public static IReadOnlyList<GradedRecord> GradeLabs(StudyFolder study, CtcaeGrader? grader = null) => Grade(study, "LB", grader ?? CtcaeGrader.Default);

    /// <summary>Every VS record whose VSTESTCD has criteria (SYSBP, DIABP for hypertension; WEIGHT for weight loss).</summary>
    public static IReadOnlyList<GradedRecord> GradeVitals(StudyFolder study, CtcaeGrader? grader = null) => Grade(study, "VS", grader ?? CtcaeGrader.Default);

    /// <summary>The worst post-baseline grade per subject and term, sorted by subject then term.</summary>
    public static IReadOnlyList<WorstGrade> WorstPostBaseline(IEnumerable<GradedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Where(r => r.Timing == RecordTiming.PostBaseline)
            .GroupBy(r => (r.Usubjid, r.Term))
            .OrderBy(g => g.Key.Usubjid, StringComparer.Ordinal).ThenBy(g => g.Key.Term, StringComparer.Ordinal)
            .Select(g =>
            {
                var graded = g.Where(r => r.Result.IsGradable).ToList();
                var worst = graded.OrderByDescending(r => r.Result.Grade!.Value.Value).ThenBy(r => r.Date).ThenBy(r => r.Row).FirstOrDefault();
                return new WorstGrade(g.Key.Usubjid, g.Key.Term, worst?.Result.Grade, worst, graded.Count, g.Count() - graded.Count);
            })
            .ToList();
    }

    internal static Dictionary<string, DateOnly> FirstDoses(StudyFolder study)
    {
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        if (study.Domain("DM") is not { } dm)
        {
            return result;
        }

        foreach (var r in dm.Table.Records)
        {
            string first = dm.Value(r, "RFXSTDTC");
            if (first.Length == 0)
            {
                first = dm.Value(r, "RFSTDTC");
            }

            if (PartialDate.TryParse(first, out var d) && d.IsCompleteDate)
            {
                result.TryAdd(dm.Value(r, "USUBJID"), d.Earliest);
            }
        }

        return result;
    }

    internal static decimal? Number(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal v) ? v : null;

    private static List<GradedRecord> Grade(StudyFolder study, string name, CtcaeGrader grader)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.Domain(name) is not { } domain)
        {
            return [];
        }

        var firstDoses = FirstDoses(study);
        string p = name;
        var rows = new List<(string Subject, string Test, string DateText, DateOnly? Date, RecordTiming Timing, decimal? Value, string Unit, decimal? Lo, decimal? Hi, string Ind, Data.CsvRecord Record)>();
        foreach (var r in domain.Table.Records)
        {
            string subject = domain.Value(r, "USUBJID").Trim(), test = domain.Value(r, p + "TESTCD").Trim(), dtc = domain.Value(r, p + "DTC").Trim();
            if (grader.Criteria.TermsForTest(test).Count == 0)
            {
                continue;
            }

            DateOnly? date = null;
            var timing = RecordTiming.Unknown;
            if (PartialDate.TryParse(dtc, out var pd) && firstDoses.TryGetValue(subject, out var first))
            {
                date = pd.IsCompleteDate ? pd.Earliest : null;
                timing = pd.Latest <= first ? RecordTiming.PreTreatment : pd.Earliest > first ? RecordTiming.PostBaseline : RecordTiming.Unknown;
            }
            else if (PartialDate.TryParse(dtc, out var pd2) && pd2.IsCompleteDate)
            {
                date = pd2.Earliest;
            }

            rows.Add((subject, test, dtc, date, timing, Number(domain.Value(r, p + "STRESN")), domain.Value(r, p + "STRESU").Trim(),
                Number(domain.Value(r, p + "STNRLO")), Number(domain.Value(r, p + "STNRHI")), domain.Value(r, p + "NRIND").Trim(), r));
        }

        // Baseline: the last pre-treatment record with a value and a complete date (ties: the later row).
        var baselines = rows.Where(x => x.Timing == RecordTiming.PreTreatment && x.Value is not null && x.Date is not null)
            .GroupBy(x => (x.Subject, x.Test))
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Date).ThenBy(x => x.Record.Row).Last());

        var result = new List<GradedRecord>();
        foreach (var x in rows)
        {
            baselines.TryGetValue((x.Subject, x.Test), out var bl);
            bool hasBaseline = bl.Record is not null;
            bool isBaseline = hasBaseline && ReferenceEquals(bl.Record, x.Record);
            var timing = isBaseline ? RecordTiming.Baseline : x.Timing;
            LabBaseline? baseline = hasBaseline ? new LabBaseline(bl.Value!.Value, bl.Unit, bl.Hi, bl.Ind) : null;
            foreach (string term in grader.Criteria.TermsForTest(x.Test))
            {
                var grade = grader.Grade(term, x.Value, x.Unit, x.Lo, x.Hi, baseline,
                    onOrBeforeFirstDose: timing is RecordTiming.Baseline or RecordTiming.PreTreatment, testCode: x.Test);
                result.Add(new GradedRecord(x.Subject, term, x.Test, name, domain.FileName, x.Record.Row, x.Record.Line, x.DateText, x.Date, x.Value, x.Unit, timing, grade));
            }
        }

        return result;
    }
}
