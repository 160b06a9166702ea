using System.Globalization;
using OncoTrial.Clinical.Recist;
using OncoTrial.Reporting.Figures;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Tests.Figures;

/// <summary>
/// The small fixed inputs of the golden figures. The Kaplan-Meier curves come out of the statistics on the aml data
/// that ship in data/aml.csv (Miller 1981, times in weeks); the others are hand-made records of a few subjects.
/// </summary>
internal static class FigureSamples
{
    /// <summary>Where the tests write the PNGs to look at, when the variable is set (e.g. /tmp/figures).</summary>
    public static string? PngFolder => Environment.GetEnvironmentVariable("ONCOTRIAL_FIGURE_PNG_DIR");

    public static (string Group, double Time, int Status)[] Aml()
    {
        var rows = new List<(string, double, int)>();
        foreach (string line in File.ReadLines(RepositoryPaths.DataFile("aml.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            rows.Add((f[2], double.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture)));
        }

        return [.. rows];
    }

    public static SurvivalCurveInput Curve(string label, IEnumerable<(double Time, int Status)> data, params double[] landmarks)
    {
        var rows = data.ToArray();
        var fit = KaplanMeier.Fit(rows.Select(r => r.Time).ToArray(), rows.Select(r => r.Status).ToArray());
        var points = fit.Steps.Select(s => new SurvivalCurvePoint(s.Time, s.AtRisk, s.Events, s.Censored, s.Survival, s.Lower, s.Upper)).ToList();
        var median = fit.Median;
        return new SurvivalCurveInput(
            label,
            points,
            new IntervalEstimate(median.Estimate, median.Lower, median.Upper),
            landmarks.Select(t => fit.Landmark(t)).Select(l => new SurvivalLandmarkInput(l.Time, new IntervalEstimate(l.Survival, l.Lower, l.Upper))).ToList());
    }

    /// <summary>aml by arm, with the Cox hazard ratio and the log-rank p-value.</summary>
    public static Figure KaplanMeierTwoArms(KaplanMeierFigureOptions? options = null)
    {
        var aml = Aml();
        var maintained = Curve("Maintained", aml.Where(r => r.Group == "Maintained").Select(r => (r.Time, r.Status)));
        var nonMaintained = Curve("Nonmaintained", aml.Where(r => r.Group != "Maintained").Select(r => (r.Time, r.Status)));
        double[] time = aml.Select(r => r.Time).ToArray();
        int[] status = aml.Select(r => r.Status).ToArray();
        var cox = CoxModel.Fit(time, status, [CoxCovariate.Categorical("x", aml.Select(r => r.Group).ToArray(), "Maintained")]);
        var logRank = LogRankTest.Compute(time, status, aml.Select(r => r.Group == "Maintained" ? 0 : 1).ToArray(), 2);
        var term = cox.Terms[0];
        var hr = new HazardRatioInput("Nonmaintained vs Maintained", new IntervalEstimate(term.HazardRatio, term.Lower, term.Upper), logRank.Test.PValue);
        return KaplanMeierFigure.Create("km-aml", "Remission duration by maintenance (aml)", [maintained, nonMaintained], hr, options ?? new KaplanMeierFigureOptions
        {
            TimeTitle = "Time since randomisation (weeks)",
            SurvivalTitle = "Remaining in remission (%)",
            TimeUnit = ("week", "weeks"),
            TimeStep = 12,
        });
    }

    /// <summary>All of aml as one arm: CI band, median and a 24-week landmark.</summary>
    public static Figure KaplanMeierSingleArm()
    {
        var curve = Curve("All patients", Aml().Select(r => (r.Time, r.Status)), 24);
        return KaplanMeierFigure.Create("km-single", "Remission duration, all patients (aml)", [curve], null, new KaplanMeierFigureOptions
        {
            TimeTitle = "Time since randomisation (weeks)",
            SurvivalTitle = "Remaining in remission (%)",
            TimeUnit = ("week", "weeks"),
            ShowConfidenceBand = true,
        });
    }

    private const OverallResponse CR = OverallResponse.CompleteResponse;
    private const OverallResponse PR = OverallResponse.PartialResponse;
    private const OverallResponse SD = OverallResponse.StableDisease;
    private const OverallResponse PD = OverallResponse.ProgressiveDisease;
    private const OverallResponse NE = OverallResponse.NotEvaluable;

    /// <summary>18 subjects: every response, two new-lesion PDs (one with shrinking targets), a 0% bar, unknown PD-L1, two without a scan.</summary>
    public static Figure Waterfall() => TumourFigures.Waterfall("waterfall", "Best change from baseline in target lesions", (WaterfallSubject[])
    [
        new("01-001", -100, CR, false, PdL1CpsClass.AtLeast10),
        new("01-002", -72.4, PR, false, PdL1CpsClass.AtLeast10),
        new("01-003", -58.1, PR, false, PdL1CpsClass.From1To9),
        new("01-004", -45, PR, false, PdL1CpsClass.AtLeast10),
        new("01-005", -38.5, PR, false, PdL1CpsClass.Below1),
        new("01-006", -31.2, PR, false, null),
        new("01-007", -29.9, SD, false, PdL1CpsClass.From1To9),
        new("01-008", -12.5, SD, false, PdL1CpsClass.Below1),
        new("01-009", 0, SD, false, PdL1CpsClass.From1To9),
        new("01-010", 8.3, SD, false, PdL1CpsClass.Below1),
        new("01-011", -20, PD, true, PdL1CpsClass.From1To9),
        new("01-012", 21.7, PD, false, PdL1CpsClass.Below1),
        new("01-013", 35, PD, true, null),
        new("01-014", 64.2, PD, false, PdL1CpsClass.From1To9),
        new("01-015", 5, NE, false, PdL1CpsClass.AtLeast10),
        new("01-016", -64, CR, false, PdL1CpsClass.From1To9),
        new("01-017", null, NE, false, PdL1CpsClass.Below1),
        new("01-018", null, null, false, null),
    ]);

    /// <summary>10 lanes: induction then maintenance, responses, progressions, a death, ongoing arrows.</summary>
    public static Figure Swimmer() => TumourFigures.Swimmer("swimmer", "Time on treatment and response", (SwimmerSubject[])
    [
        Lane("01-001", 4.2, 19.5, true, (SwimmerEventKind.PartialResponse, 1.4), (SwimmerEventKind.CompleteResponse, 5.6)),
        Lane("01-002", 4.1, 16.8, true, (SwimmerEventKind.PartialResponse, 1.5)),
        Lane("01-003", 4.3, 11.2, false, (SwimmerEventKind.PartialResponse, 2.8), (SwimmerEventKind.Progression, 11.2)),
        Lane("01-004", 4.2, 8.9, false, (SwimmerEventKind.PartialResponse, 1.4), (SwimmerEventKind.Progression, 8.9), (SwimmerEventKind.Death, 13.1)),
        Lane("01-005", 4.0, 14.0, true),
        Lane("01-006", 3.1, null, false, (SwimmerEventKind.Progression, 3.1)),
        Lane("01-007", 4.2, 6.3, false, (SwimmerEventKind.PartialResponse, 2.7), (SwimmerEventKind.Progression, 6.3)),
        Lane("01-008", 1.4, null, false, (SwimmerEventKind.Death, 2.2)),
        Lane("01-009", 4.1, 9.7, false, (SwimmerEventKind.Progression, 9.7)),
        Lane("01-010", 2.8, null, false, (SwimmerEventKind.Progression, 2.8), (SwimmerEventKind.Death, 7.9)),
    ]);

    private static SwimmerSubject Lane(string id, double induction, double? maintenance, bool ongoing, params (SwimmerEventKind Kind, double Time)[] events)
    {
        var phases = new List<SwimmerPhase> { new("Induction", 0, induction) };
        if (maintenance is { } end)
        {
            phases.Add(new("Maintenance", induction, end));
        }

        return new SwimmerSubject(id, phases, events.Select(e => new SwimmerEvent(e.Kind, e.Time)).ToList(), ongoing);
    }

    /// <summary>8 subjects' % change over time.</summary>
    public static Figure Spider() => TumourFigures.Spider("spider", "Change from baseline in target lesions over time", (SpiderSubject[])
    [
        new("01-001", CR, [new(1.4, -42), new(2.8, -70), new(4.2, -88), new(5.6, -100), new(8.4, -100), new(11.2, -100)]),
        new("01-002", PR, [new(1.5, -35), new(2.9, -52), new(4.3, -61), new(7.1, -72.4), new(9.9, -70)]),
        new("01-003", PR, [new(1.4, -22), new(2.8, -41), new(5.6, -58.1), new(8.4, -50), new(11.2, -18)]),
        new("01-007", SD, [new(1.4, -10), new(2.8, -29.9), new(5.6, -25), new(8.4, -5)]),
        new("01-008", SD, [new(1.4, 4), new(2.8, -12.5), new(4.2, -8)]),
        new("01-012", PD, [new(1.4, 12), new(2.9, 21.7)]),
        new("01-014", PD, [new(1.5, 64.2)]),
        new("01-015", NE, [new(1.4, 5)]),
    ]);

    /// <summary>Overall and four subgroup variables; one NE estimate, one interval past the axis.</summary>
    public static Figure Forest() => ForestFigure.Create("forest-pfs", "Progression-free survival by subgroup", (ForestRow[])
    [
        new(ForestRowKind.Overall, "All patients", 48, 30, new(0.62, 0.41, 0.93), 0.021),
        new(ForestRowKind.Heading, "Sex", null, null, null, null),
        new(ForestRowKind.Subgroup, "Male", 40, 26, new(0.58, 0.36, 0.94), 0.026),
        new(ForestRowKind.Subgroup, "Female", 8, 4, new(0.9, 0.22, 3.71), 0.88),
        new(ForestRowKind.Heading, "Age", null, null, null, null),
        new(ForestRowKind.Subgroup, "< 65 years", 29, 19, new(0.55, 0.31, 0.98), 0.041),
        new(ForestRowKind.Subgroup, "≥ 65 years", 19, 11, new(0.74, 0.37, 1.49), 0.4),
        new(ForestRowKind.Heading, "PD-L1 CPS", null, null, null, null),
        new(ForestRowKind.Subgroup, "< 10", 30, 21, new(0.81, 0.49, 1.34), 0.41),
        new(ForestRowKind.Subgroup, "≥ 10", 18, 9, new(0.35, 0.14, 0.87), 0.0004),
        new(ForestRowKind.Heading, "Liver metastases", null, null, null, null),
        new(ForestRowKind.Subgroup, "Yes", 6, 5, new(1.4, 0.3, 12.6), 0.7),
        new(ForestRowKind.Subgroup, "No", 42, 25, new(null, null, null), null),
    ], new ForestFigureOptions { LeftLabel = "Favours treatment", RightLabel = "Favours control" });

    /// <summary>The seed trial's flow: screening, induction, maintenance, ongoing, three analysis sets.</summary>
    public static Figure Consort() => ConsortFigure.Create("consort", "Flow of patients through the trial",
    [
        new("Assessed for eligibility", 60, new("Excluded", 12, [new("Did not meet the inclusion criteria", 8), new("Declined to participate", 3), new("Other reasons (investigator decision before the first dose)", 1)])),
        new("Enrolled and received induction therapy (benmelstobart + anlotinib + paclitaxel/cisplatin)", 48, new("Discontinued induction", 10, [new("Disease progression", 5), new("Adverse event", 3), new("Withdrew consent", 1), new("Death", 1)])),
        new("Entered maintenance therapy", 38, new("Discontinued maintenance", 30, [new("Disease progression", 22), new("Adverse event", 4), new("Death", 2), new("Withdrew consent", 2)])),
        new("Ongoing treatment at data cut-off", 8, null),
    ],
    [
        new("Safety analysis set", 48),
        new("Full analysis set", 48),
        new("Response-evaluable set", 45),
    ]);
}
