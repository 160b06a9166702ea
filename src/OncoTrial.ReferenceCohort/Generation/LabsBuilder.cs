using System.Globalization;
using OncoTrial.Clinical.Ctcae;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>A laboratory test of the cohort: LBTESTCD, LBTEST, LBCAT, the SI unit, decimals and the sex-specific reference range.</summary>
/// <param name="Code">LBTESTCD (CDISC CT).</param>
/// <param name="Name">LBTEST.</param>
/// <param name="Category">LBCAT.</param>
/// <param name="Unit">LBORRESU and LBSTRESU.</param>
/// <param name="Decimals">Decimals reported.</param>
/// <param name="MaleLow">LLN for men.</param>
/// <param name="MaleHigh">ULN for men.</param>
/// <param name="FemaleLow">LLN for women.</param>
/// <param name="FemaleHigh">ULN for women.</param>
internal sealed record LabTest(string Code, string Name, string Category, string Unit, int Decimals, decimal MaleLow, decimal MaleHigh, decimal FemaleLow, decimal FemaleHigh)
{
    /// <summary>The reference range for a sex (DM SEX).</summary>
    public (decimal Low, decimal High) Range(string sex) => sex == "F" ? (FemaleLow, FemaleHigh) : (MaleLow, MaleHigh);

    /// <summary>True for the complete blood count.</summary>
    public bool IsHaematology => Category == LabsBuilder.Haematology;
}

/// <summary>One LB record: one test of one sample.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Test">The test.</param>
/// <param name="Value">The result, in the test's unit (LBORRES = LBSTRESN).</param>
/// <param name="LowerLimit">LBSTNRLO.</param>
/// <param name="UpperLimit">LBSTNRHI.</param>
/// <param name="Day">Study day of LBDTC.</param>
/// <param name="Date">LBDTC.</param>
/// <param name="Visit">VISIT.</param>
/// <param name="VisitNumber">VISITNUM.</param>
internal sealed record LabResult(string Subject, LabTest Test, decimal Value, decimal LowerLimit, decimal UpperLimit, int Day, DateOnly Date, string Visit, decimal VisitNumber)
{
    /// <summary>LBNRIND: LOW, HIGH or NORMAL against the record's own range.</summary>
    public string ReferenceRangeIndicator => Value < LowerLimit ? "LOW" : Value > UpperLimit ? "HIGH" : "NORMAL";

    /// <summary>The result as reported, with the test's decimals.</summary>
    public string Text => Value.ToString("F" + Test.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>
/// Laboratory results consistent with the adverse events: a blood count (WBC, NEUT, LYM, HGB, PLAT) and ALT, AST,
/// bilirubin and creatinine at screening and on day 1 of every cycle, plus an unscheduled blood count (or chemistry)
/// on the onset day of every cytopenia (or transaminase rise). Each value is drawn in the band of the grade the AEs
/// call for (<see cref="AdverseGradeLimit"/>) and then graded by the project's own grader (CtcaeGrader, CTCAE v5.0
/// with the default options) before it is kept, so the cross-check agrees by construction, not by a copy of the
/// thresholds. The white count is the sum of neutrophils, lymphocytes and 0.15-1.2 × 10^9/L of other cells.
/// </summary>
internal static class LabsBuilder
{
    /// <summary>LBCAT of the blood count.</summary>
    public const string Haematology = "HEMATOLOGY";

    /// <summary>LBCAT of the liver and kidney tests.</summary>
    public const string Chemistry = "CHEMISTRY";

    private const string Count = "10^9/L";

    /// <summary>The tests, with Chinese adult reference ranges (WS/T 405-2012, WS/T 404).</summary>
    public static IReadOnlyList<LabTest> Tests { get; } =
    [
        new("WBC", "Leukocytes", Haematology, Count, 2, 3.5m, 9.5m, 3.5m, 9.5m),
        new("NEUT", "Neutrophils", Haematology, Count, 2, 1.8m, 6.3m, 1.8m, 6.3m),
        new("LYM", "Lymphocytes", Haematology, Count, 2, 1.1m, 3.2m, 1.1m, 3.2m),
        new("HGB", "Hemoglobin", Haematology, "g/L", 0, 130m, 175m, 115m, 150m),
        new("PLAT", "Platelets", Haematology, Count, 0, 125m, 350m, 125m, 350m),
        new("ALT", "Alanine Aminotransferase", Chemistry, "U/L", 0, 9m, 50m, 7m, 40m),
        new("AST", "Aspartate Aminotransferase", Chemistry, "U/L", 0, 15m, 40m, 13m, 35m),
        new("BILI", "Bilirubin", Chemistry, "umol/L", 1, 3.4m, 20.5m, 3.4m, 20.5m),
        new("CREAT", "Creatinine", Chemistry, "umol/L", 0, 57m, 111m, 41m, 81m),
    ];

    /// <summary>The CTCAE terms graded from each test (LYM: decreased and increased).</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> TermsForTest =
        Tests.ToDictionary(t => t.Code, t => CtcaeCriteria.V5.TermsForTest(t.Code), StringComparer.Ordinal);

    private static LabTest Test(string code) => Tests.First(t => t.Code == code);

    /// <summary>The onset days of episodes whose term a lab test grades, that are not scheduled lab days: the unscheduled samples.</summary>
    public static IReadOnlyList<int> UnscheduledDays(AdverseTimeline timeline, IReadOnlyList<AdverseEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(episodes);
        var scheduled = ScheduledDays(timeline).ToHashSet();
        return [.. episodes.Where(e => e.StartDay > 1 && GradedTests(e.Term).Count > 0 && !scheduled.Contains(e.StartDay)).Select(e => e.StartDay).Distinct().Order()];
    }

    /// <summary>
    /// The subject's LB records, or null when the episodes ask for a combination of counts that this draw could not
    /// make (the caller places the episodes again).
    /// </summary>
    public static IReadOnlyList<LabResult>? Build(AdverseTimeline timeline, IReadOnlyList<AdverseEpisode> episodes, Func<int, (string Name, decimal Number)> visit, Random random)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(random);
        var course = timeline.Course;
        var grader = CtcaeGrader.Default;
        var scheduled = ScheduledDays(timeline).ToHashSet();
        var unscheduled = UnscheduledDays(timeline, episodes);

        // The subject's own normal level of each test, around which normal results vary.
        var level = Tests.ToDictionary(t => t.Code, t =>
        {
            var (lo, hi) = t.Range(course.Sex);
            return lo + ((hi - lo) * (decimal)(0.25 + (0.4 * random.NextDouble())));
        });
        level["WBC"] = level["NEUT"] + level["LYM"] + 0.6m;
        var baselines = new Dictionary<string, LabBaseline>(StringComparer.Ordinal);
        var results = new List<LabResult>();
        foreach (int day in scheduled.Concat(unscheduled).Order())
        {
            var tests = scheduled.Contains(day) ? Tests : Tests.Where(t => episodes.Any(e => e.StartDay == day && GradedTests(e.Term).Any(c => Test(c).Category == t.Category))).ToList();
            var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            if (tests.Any(t => t.IsHaematology))
            {
                if (BloodCount(timeline, day, episodes, level, grader, random) is not { } count)
                {
                    return null;
                }

                foreach (var (code, value) in count)
                {
                    values[code] = value;
                }
            }

            foreach (var test in tests.Where(t => !values.ContainsKey(t.Code)))
            {
                if (Draw(test, timeline, day, episodes, level[test.Code], baselines.GetValueOrDefault(test.Code), grader, random) is not { } value)
                {
                    return null;
                }

                values[test.Code] = value;
            }

            var (name, number) = visit(day);
            foreach (var test in tests)
            {
                var (lo, hi) = test.Range(course.Sex);
                results.Add(new LabResult(course.Subject, test, values[test.Code], lo, hi, day, timeline.Date(day), name, number));
                if (day <= 1)
                {
                    // The last record on or before the first dose is the baseline (day 1 comes after screening).
                    baselines[test.Code] = new LabBaseline(values[test.Code], test.Unit, hi);
                }
            }
        }

        return results;
    }

    /// <summary>Screening and day 1 of every cycle.</summary>
    private static IEnumerable<int> ScheduledDays(AdverseTimeline timeline) =>
        new[] { timeline.Course.ScreeningDay }.Concat(timeline.Course.CycleDays).Where(d => d <= timeline.LastContactDay).Distinct();

    /// <summary>The LB test codes graded for the CTCAE term of an AE term (none for a term without lab criteria).</summary>
    private static IReadOnlyList<string> GradedTests(string aeTerm) =>
        CtcaeCriteria.V5.TermForAe(aeTerm) is { } term
            ? [.. CtcaeCriteria.V5.For(term).Select(r => r.TestCode).Distinct(StringComparer.OrdinalIgnoreCase).Where(c => Tests.Any(t => t.Code == c))]
            : [];

    /// <summary>
    /// The limits for every CTCAE term a test is graded for. On the day a fatal myelosuppression begins, the counts
    /// without an AE of their own are low too (as low as grade 2 allows).
    /// </summary>
    private static List<(string Term, AdverseGradeLimit Limit)> Limits(string code, int day, IReadOnlyList<AdverseEpisode> episodes)
    {
        bool marrowFailing = episodes.Any(e => e.Term == AdverseEventCatalogue.Myelosuppression && e.StartDay == day);
        return [.. TermsForTest[code].Select(term =>
        {
            var limit = AdverseGradeLimit.For(term, day, episodes);
            return (term, marrowFailing && !limit.IsCovered && !limit.IsPreTreatment ? limit with { IsCovered = true } : limit);
        })];
    }

    /// <summary>The term whose grade the draw aims at: the decreased (or increased) term the cohort's AEs use.</summary>
    private static AdverseGradeLimit Primary(string code, List<(string Term, AdverseGradeLimit Limit)> limits) =>
        limits.First(l => !l.Term.Contains("increased", StringComparison.Ordinal) || code is "ALT" or "AST" or "BILI" or "CREAT").Limit;

    /// <summary>
    /// True when the value's grade for every term of the test is allowed. A value within the reference range is grade 0
    /// for every term here (CTCAE's grade 1 begins below the LLN or above the ULN; creatinine's other clause, 1.5 x
    /// baseline, is checked), so it is accepted without grading: the grader is slow, and most values are normal.
    /// </summary>
    private static bool Fits(LabTest test, decimal value, string sex, LabBaseline? baseline, int day, List<(string Term, AdverseGradeLimit Limit)> limits, CtcaeGrader grader)
    {
        var (lo, hi) = test.Range(sex);
        if (value >= lo && value <= hi && (baseline is null || value <= 1.5m * baseline.Value) && limits.All(l => l.Limit.Allows(0)))
        {
            return true;
        }

        foreach (var (term, limit) in limits)
        {
            var grade = grader.Grade(term, value, test.Unit, lo, hi, baseline, onOrBeforeFirstDose: day <= 1, testCode: test.Code);
            if (grade.Grade is not { } g || !limit.Allows(g.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, decimal>? BloodCount(
        AdverseTimeline timeline, int day, IReadOnlyList<AdverseEpisode> episodes, Dictionary<string, decimal> level, CtcaeGrader grader, Random random)
    {
        string sex = timeline.Course.Sex;
        var wbc = Test("WBC");
        var neut = Test("NEUT");
        var lym = Test("LYM");
        var (wbcLimits, neutLimits, lymLimits) = (Limits("WBC", day, episodes), Limits("NEUT", day, episodes), Limits("LYM", day, episodes));
        if (wbcLimits.Concat(neutLimits).Concat(lymLimits).Any(l => !l.Limit.IsSatisfiable))
        {
            return null;
        }

        decimal? w = null, n = null, l = null;
        for (int attempt = 0; attempt < 150 && w is null; attempt++)
        {
            bool wide = attempt >= 50;
            int gn = Primary("NEUT", neutLimits).Choose(random, wide), gl = Primary("LYM", lymLimits).Choose(random, wide), gw = Primary("WBC", wbcLimits).Choose(random, wide);
            if (Band(neut, gn, sex, level["NEUT"], null) is not { } nb || Band(lym, gl, sex, level["LYM"], null) is not { } lb || Band(wbc, gw, sex, level["WBC"], null) is not { } wb)
            {
                continue;
            }

            decimal nv = Round(Uniform(nb, random), neut), lv = Round(Uniform(lb, random), lym);
            decimal lo = Math.Max(wb.Low, nv + lv + 0.15m), hi = Math.Min(wb.High, nv + lv + 1.2m);
            if (lo > hi)
            {
                continue;
            }

            decimal wv = Round(Uniform((lo, hi), random), wbc);
            if (wv >= nv + lv + 0.1m && Fits(neut, nv, sex, null, day, neutLimits, grader) && Fits(lym, lv, sex, null, day, lymLimits, grader) && Fits(wbc, wv, sex, null, day, wbcLimits, grader))
            {
                (w, n, l) = (wv, nv, lv);
            }
        }

        if (w is null)
        {
            return null;
        }

        var result = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["WBC"] = w.Value, ["NEUT"] = n!.Value, ["LYM"] = l!.Value };
        foreach (string code in new[] { "HGB", "PLAT" })
        {
            if (Draw(Test(code), timeline, day, episodes, level[code], null, grader, random) is not { } v)
            {
                return null;
            }

            result[code] = v;
        }

        return result;
    }

    private static decimal? Draw(LabTest test, AdverseTimeline timeline, int day, IReadOnlyList<AdverseEpisode> episodes, decimal level, LabBaseline? baseline, CtcaeGrader grader, Random random)
    {
        var limits = Limits(test.Code, day, episodes);
        if (limits.Any(l => !l.Limit.IsSatisfiable))
        {
            return null;
        }

        var primary = Primary(test.Code, limits);
        for (int attempt = 0; attempt < 200; attempt++)
        {
            int grade = primary.Choose(random, attempt >= 50);
            if (Band(test, grade, timeline.Course.Sex, level, baseline?.Value) is not { } band)
            {
                continue;
            }

            decimal value = Round(Uniform(band, random), test);
            if (Fits(test, value, timeline.Course.Sex, baseline, day, limits, grader))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Where a value of a CTCAE grade lies (the grader has the last word): the decreasing counts below the LLN in
    /// CTCAE's absolute bands, the enzymes above the ULN in multiples of it; normal values near the subject's level.
    /// </summary>
    private static (decimal Low, decimal High)? Band(LabTest test, int grade, string sex, decimal level, decimal? baseline)
    {
        var (lln, uln) = test.Range(sex);
        (decimal, decimal) Normal(decimal lo, decimal hi) => (Math.Max(lo, level * 0.9m), Math.Min(hi, level * 1.1m)) is var (a, b) && a < b ? (a, b) : (lo, hi);
        return (test.Code, grade) switch
        {
            ("WBC", 0) => Normal(Math.Max(lln, 4.0m), 8.5m),
            ("WBC", 1) => (3.0m, lln),
            ("WBC", 2) => (2.0m, 3.0m),
            ("WBC", 3) => (1.0m, 2.0m),
            ("WBC", 4) => (0.3m, 1.0m),
            ("NEUT", 0) => Normal(Math.Max(lln, 2.1m), 5.5m),
            ("NEUT", 1) => (1.5m, lln),
            ("NEUT", 2) => (1.0m, 1.5m),
            ("NEUT", 3) => (0.5m, 1.0m),
            ("NEUT", 4) => (0.08m, 0.5m),
            ("LYM", 0) => Normal(lln, 2.8m),
            ("LYM", 1) => (0.8m, lln),
            ("LYM", 2) => (0.5m, 0.8m),
            ("LYM", 3) => (0.2m, 0.5m),
            ("LYM", 4) => (0.05m, 0.2m),
            ("HGB", 0) => Normal(lln + 2, lln + 30),
            ("HGB", 1) => (100m, lln),
            ("HGB", 2) => (80m, 100m),
            ("HGB", 3) => (62m, 80m),
            ("PLAT", 0) => Normal(lln + 20, 320m),
            ("PLAT", 1) => (75m, lln),
            ("PLAT", 2) => (50m, 75m),
            ("PLAT", 3) => (25m, 50m),
            ("PLAT", 4) => (8m, 25m),
            ("ALT" or "AST", 0) => Normal(0.3m * uln, 0.9m * uln),
            ("ALT" or "AST", 1) => (1.05m * uln, 3m * uln),
            ("ALT" or "AST", 2) => (3.05m * uln, 5m * uln),
            ("ALT" or "AST", 3) => (5.1m * uln, 12m * uln),
            ("BILI", 0) => Normal(5m, 17m),
            ("CREAT", 0) => baseline is { } b ? (0.92m * b, 1.08m * b) : Normal(0.55m * uln, 0.85m * uln),
            _ => null,
        };
    }

    private static decimal Uniform((decimal Low, decimal High) band, Random random) =>
        band.Low + ((band.High - band.Low) * (decimal)random.NextDouble());

    private static decimal Round(decimal value, LabTest test) => Math.Round(value, test.Decimals, MidpointRounding.AwayFromZero);
}
