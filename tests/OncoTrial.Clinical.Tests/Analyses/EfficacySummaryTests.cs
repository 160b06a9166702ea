using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Tests.Analyses;

/// <summary>
/// The efficacy summary against OncoTrial.Statistics on the same ADTTE records (same input, same answer; the R oracle
/// covers the library). Ten subjects with a stable liver target assessed every 42 days until their last contact or just
/// before death: deaths on days 100, 200, 300, 150, 350 and 50 (E1, E2, E4, E6, E8, E10), the others alive with their
/// last scan before day 400, 250, 500 and 600.
/// </summary>
public class EfficacySummaryTests
{
    internal static readonly (string Id, int? Death, int LastDay, bool Liver, string Sex, int Age)[] Subjects =
    [
        ("E01", 100, 100, true, "M", 50), ("E02", 200, 200, true, "F", 70), ("E03", null, 400, false, "M", 60), ("E04", 300, 300, false, "F", 66),
        ("E05", null, 250, false, "M", 58), ("E06", 150, 150, true, "M", 71), ("E07", null, 500, true, "F", 62), ("E08", 350, 350, false, "M", 68),
        ("E09", null, 600, false, "F", 55), ("E10", 50, 50, false, "M", 73),
    ];

    /// <summary>The ten subjects; with two arms, E01-E05 are Arm A and E06-E10 Arm B.</summary>
    internal static TestStudy Survival(bool twoArms = false)
    {
        var study = new TestStudy();
        for (int i = 0; i < Subjects.Length; i++)
        {
            var (id, death, last, liver, sex, age) = Subjects[i];
            string arm = twoArms && i >= 5 ? "Arm B" : "Arm A";
            study.Subject(id, arm: arm, age: age, sex: sex, deathDay: death).Baseline(id, ecog: i % 2, cps: i % 3 == 0 ? 12 : 0, liver: liver, surgery: i < 3);
            var sizes = new List<(int, double)> { (-7, 50) };
            for (int day = 43; day < last; day += 42)
            {
                sizes.Add((day, 45));
            }

            if (death is null)
            {
                sizes.Add((last, 45));
            }

            study.Target(id, "T1", "LIVER", [.. sizes]);
        }

        return study;
    }

    /// <summary>The ADTTE records of a parameter as the test reads them itself: (USUBJID, AVAL, event).</summary>
    internal static List<(string Subject, double Days, int Event)> Adtte(StudyAnalysis analysis, string paramCode)
    {
        var adtte = analysis.Datasets.Efficacy!.Adtte!;
        var rows = new List<(string, double, int)>();
        for (int i = 0; i < adtte.RowCount; i++)
        {
            if (adtte.Find("PARAMCD")!.GetString(i) == paramCode)
            {
                rows.Add((adtte.Find("USUBJID")!.GetString(i)!, adtte.Find("AVAL")!.GetNumber(i)!.Value, adtte.Find("CNSR")!.GetNumber(i)!.Value > 0 ? 0 : 1));
            }
        }

        return rows;
    }

    [Fact]
    public void Os_median_landmarks_and_numbers_at_risk_are_the_Kaplan_Meier_library_on_ADTTE_in_months()
    {
        var analysis = Survival().Analyse();
        var os = analysis.Results.Efficacy!.Endpoint("OS")!.Total;
        var rows = Adtte(analysis, "OS");
        var curve = KaplanMeier.Fit([.. rows.Select(r => r.Days)], [.. rows.Select(r => r.Event)]);

        Assert.Equal(10, os.N);
        Assert.Equal(["E01", "E02", "E04", "E06", "E08", "E10"], os.Events.Subjects);
        Assert.Equal(curve.Median.Estimate / 30.4375, os.Median.Estimate);
        Assert.Equal(curve.Median.Lower / 30.4375, os.Median.Lower);
        Assert.Equal(curve.Median.Upper / 30.4375, os.Median.Upper);
        foreach (double months in new[] { 6.0, 12, 18, 24 })
        {
            var expected = curve.Landmark(months * 30.4375);
            var actual = os.Landmark(months)!;
            Assert.Equal((expected.Survival, expected.Lower, expected.Upper, expected.AtRisk), (actual.Survival, actual.Lower, actual.Upper, actual.AtRisk));
        }

        Assert.Equal([.. TrialResultsOptions.Default.RiskTableMonths.Select(m => curve.Landmark(m * 30.4375).AtRisk)], os.NumbersAtRisk.Select(r => r.AtRisk));
        Assert.Equal(curve.Steps.Count, os.Curve!.Steps.Count);
        Assert.Equal(curve.Steps.Where(s => s.Censored > 0).Select(s => s.Time / 30.4375), os.Curve.CensorMarks.Select(s => s.Months));
    }

    [Fact]
    public void Deaths_are_the_hand_counted_events_and_survival_at_6_months_is_the_product_limit()
    {
        var os = Survival().Analyse().Results.Efficacy!.Endpoint("OS")!.Total;

        // Deaths on days 50, 100, 150 before 182.6 days with 10, 9 and 8 at risk: S = 9/10 x 8/9 x 7/8 = 0.7.
        Assert.Equal(0.7, os.Landmark(6)!.Survival!.Value, 12);
        Assert.Equal(7, os.Landmark(6)!.AtRisk);
    }

    [Fact]
    public void Median_follow_up_is_the_reverse_Kaplan_Meier_median_of_OS()
    {
        var analysis = Survival().Analyse();
        var followUp = Assert.Single(analysis.Results.Efficacy!.FollowUp);
        var rows = Adtte(analysis, "OS");
        var reverse = KaplanMeier.FitReverse([.. rows.Select(r => r.Days)], [.. rows.Select(r => r.Event)]);
        Assert.Equal(reverse.Median.Estimate / 30.4375, followUp.Median.Estimate);
        Assert.Equal(reverse.Median.Lower / 30.4375, followUp.Median.Lower);
        Assert.Equal(10, followUp.N);
    }

    [Fact]
    public void Pfs_counts_the_deaths_as_events_when_no_scan_was_missed()
    {
        var analysis = Survival().Analyse();
        var pfs = analysis.Results.Efficacy!.Endpoint("PFS")!.Total;
        var rows = Adtte(analysis, "PFS");
        Assert.Equal(rows.Where(r => r.Event == 1).Select(r => r.Subject).Order(StringComparer.Ordinal), pfs.Events.Subjects);
        Assert.Equal(KaplanMeier.Fit([.. rows.Select(r => r.Days)], [.. rows.Select(r => r.Event)]).Median.Estimate / 30.4375, pfs.Median.Estimate);
    }

    [Fact]
    public void Months_follow_the_days_per_month_option()
    {
        var options = StudyAnalysisOptions.Default with { Results = TrialResultsOptions.Default with { DaysPerMonth = 30, LandmarkMonths = [5] } };
        var analysis = Survival().Analyse(options);
        var os = analysis.Results.Efficacy!.Endpoint("OS")!.Total;
        var rows = Adtte(analysis, "OS");
        var curve = KaplanMeier.Fit([.. rows.Select(r => r.Days)], [.. rows.Select(r => r.Event)]);
        Assert.Equal(curve.Median.Estimate / 30, os.Median.Estimate);
        Assert.Equal(curve.Landmark(150).Survival, Assert.Single(os.Landmarks).Survival);
    }

    [Fact]
    public void The_transform_option_reaches_the_intervals()
    {
        var options = StudyAnalysisOptions.Default with { Results = TrialResultsOptions.Default with { Transform = SurvivalCiTransform.Log } };
        var analysis = Survival().Analyse(options);
        var rows = Adtte(analysis, "OS");
        var curve = KaplanMeier.Fit([.. rows.Select(r => r.Days)], [.. rows.Select(r => r.Event)], default, new KaplanMeierOptions { Transform = SurvivalCiTransform.Log });
        var os = analysis.Results.Efficacy!.Endpoint("OS")!.Total;
        Assert.Equal(curve.Landmark(6 * 30.4375).Lower, os.Landmark(6)!.Lower);
        Assert.Contains("log transform", analysis.Results.Efficacy.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_arms_are_compared_by_the_Cox_model_and_the_log_rank_test_of_the_library()
    {
        var analysis = Survival(twoArms: true).Analyse();
        var os = analysis.Results.Efficacy!.Endpoint("OS")!;
        Assert.Equal(["Arm A", "Arm B", "Total"], os.Columns.Select(c => c.Column));
        Assert.Equal([5, 5, 10], os.Columns.Select(c => c.N));

        var rows = Adtte(analysis, "OS");
        var arms = rows.Select(r => string.CompareOrdinal(r.Subject, "E06") < 0 ? "Arm A" : "Arm B").ToList();
        double[] time = [.. rows.Select(r => r.Days)];
        int[] status = [.. rows.Select(r => r.Event)];
        var cox = CoxModel.Fit(time, status, [CoxCovariate.Categorical("arm", arms, "Arm A")]);
        var logRank = LogRankTest.Compute(time, status, arms);
        var hr = Assert.Single(os.ArmComparison!.HazardRatios);
        Assert.Equal(("Arm B", "Arm A"), (hr.Group, hr.Reference));
        Assert.Equal(cox.Terms[0].HazardRatio, hr.Estimate!.Value, 12);
        Assert.Equal(cox.Terms[0].Lower, hr.Lower!.Value, 12);
        Assert.Equal(logRank.Test.PValue, os.ArmComparison.LogRankPValue!.Value, 12);
        var armA = Enumerable.Range(0, rows.Count).Where(i => arms[i] == "Arm A").ToList();
        Assert.Equal(KaplanMeier.Fit([.. armA.Select(i => time[i])], [.. armA.Select(i => status[i])]).Median.Estimate / 30.4375, os.Columns[0].Median.Estimate);
    }

    [Fact]
    public void The_reference_arm_is_an_option()
    {
        var options = StudyAnalysisOptions.Default with { Results = TrialResultsOptions.Default with { ReferenceArm = "Arm B" } };
        var os = Survival(twoArms: true).Analyse(options).Results.Efficacy!.Endpoint("OS")!;
        var reversed = Survival(twoArms: true).Analyse().Results.Efficacy!.Endpoint("OS")!;
        var hr = Assert.Single(os.ArmComparison!.HazardRatios);
        Assert.Equal("Arm A", hr.Group);
        Assert.Equal(1 / reversed.ArmComparison!.HazardRatios[0].Estimate!.Value, hr.Estimate!.Value, 6);
    }

    [Fact]
    public void A_study_without_responders_has_no_DoR_summary_and_a_note_says_so()
    {
        var efficacy = Survival().Analyse().Results.Efficacy!;
        Assert.Null(efficacy.Endpoint("DOR"));
        Assert.Contains(efficacy.Problems, p => p.Code == "ANALYSIS_NO_ENDPOINT" && p.Severity == ProblemSeverity.Note);
        Assert.Equal(["PFS", "OS"], efficacy.Endpoints.Select(e => e.ParamCode));
    }

    [Fact]
    public void The_curve_of_the_result_is_read_in_months_and_its_numbers_at_risk_sit_under_their_times()
    {
        var os = Survival().Analyse().Results.Efficacy!.Endpoint("OS")!.Total;
        var first = os.Curve!.Steps[0];
        Assert.Equal(50 / 30.4375, first.Months);
        Assert.Equal(10, first.AtRisk);
        Assert.Equal(0.9, first.Survival, 12);
        Assert.Equal(os.Curve.AtRisk(3), os.NumbersAtRisk.Single(r => r.Months == 3).AtRisk);
    }
}
