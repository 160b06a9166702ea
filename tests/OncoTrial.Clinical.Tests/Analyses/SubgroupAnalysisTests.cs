using OncoTrial.Clinical.Analyses;
using OncoTrial.Statistics;
using static OncoTrial.Clinical.Tests.Analyses.EfficacySummaryTests;

namespace OncoTrial.Clinical.Tests.Analyses;

/// <summary>
/// Subgroups of the ten-subject survival study (<see cref="EfficacySummaryTests"/>): liver metastases in E01, E02, E06 and
/// E07 (deaths E01, E02, E06), PD-L1 CPS 12 in E01, E04, E07 and E10 (0 in the others), prior surgery in E01-E03, no
/// prior radiotherapy at all.
/// </summary>
public class SubgroupAnalysisTests
{
    [Fact]
    public void Each_level_has_its_subjects_events_and_Kaplan_Meier_median()
    {
        var analysis = Survival().Analyse();
        var liver = analysis.Results.Subgroup("OS")!.Variable("liver")!;
        Assert.Equal(["liver/no", "liver/yes"], liver.Levels.Select(l => l.Key));
        var yes = liver.Level("liver/yes")!;
        Assert.Equal(["E01", "E02", "E06", "E07"], yes.Subjects.Subjects);
        Assert.Equal(["E01", "E02", "E06"], yes.Total.Events.Subjects);

        var rows = Adtte(analysis, "OS").Where(r => yes.Subjects.Subjects.Contains(r.Subject)).ToList();
        Assert.Equal(KaplanMeier.Fit([.. rows.Select(r => r.Days)], [.. rows.Select(r => r.Event)]).Median.Estimate / 30.4375, yes.Total.Median.Estimate);
        Assert.Empty(liver.Excluded);
    }

    [Fact]
    public void The_hazard_ratio_and_log_rank_p_of_a_variable_are_the_library_s_on_the_same_records()
    {
        var analysis = Survival().Analyse();
        var liver = analysis.Results.Subgroup("PFS")!.Variable("liver")!;
        var rows = Adtte(analysis, "PFS");
        var liverSubjects = new[] { "E01", "E02", "E06", "E07" };
        var level = rows.Select(r => liverSubjects.Contains(r.Subject) ? "yes" : "no").ToList();
        double[] time = [.. rows.Select(r => r.Days)];
        int[] status = [.. rows.Select(r => r.Event)];
        var cox = CoxModel.Fit(time, status, [CoxCovariate.Categorical("liver", level, "no")]);
        var logRank = LogRankTest.Compute(time, status, level);

        var hr = Assert.Single(liver.LevelComparison!.HazardRatios);
        Assert.Equal(("liver/yes", "liver/no"), (hr.Group, hr.Reference));
        Assert.Equal(cox.Terms[0].HazardRatio, hr.Estimate!.Value, 12);
        Assert.Equal(cox.Terms[0].Upper, hr.Upper!.Value, 12);
        Assert.Equal(cox.Terms[0].PValue, hr.PValue!.Value, 12);
        Assert.Equal(logRank.Test.PValue, liver.LevelComparison.LogRankPValue!.Value, 12);
        Assert.Equal(CoxTies.Efron, liver.LevelComparison.Cox!.Options.Ties);
        Assert.False(liver.LevelComparison.IsStratified);
    }

    [Fact]
    public void The_variables_come_in_the_forest_plot_order_with_one_per_PD_L1_cutoff()
    {
        var subgroups = Survival().Analyse().Results.Subgroups;
        Assert.Equal(["PFS", "OS"], subgroups.Select(s => s.ParamCode));
        Assert.Equal(["pdl1-1", "pdl1-10", "sex", "age", "ecog", "liver", "prior-surgery", "prior-radiotherapy"], subgroups[0].Variables.Select(v => v.Key));
        var cps10 = subgroups[1].Variable("pdl1-10")!;
        Assert.Equal(["E01", "E04", "E07", "E10"], cps10.Level("pdl1/ge10")!.Subjects.Subjects);
        Assert.Equal(["E01", "E02", "E03"], subgroups[1].Variable("prior-surgery")!.Level("prior-surgery/yes")!.Subjects.Subjects);
    }

    [Fact]
    public void A_level_without_subjects_is_left_out_with_a_note_and_nothing_is_compared()
    {
        var radio = Survival().Analyse().Results.Subgroup("OS")!.Variable("prior-radiotherapy")!;
        Assert.Equal(["prior-radiotherapy/no"], radio.Levels.Select(l => l.Key));
        Assert.Null(radio.LevelComparison);
        var note = Assert.Single(radio.Problems);
        Assert.Equal(("ANALYSIS_SUBGROUP_LEVEL_EMPTY", ProblemSeverity.Note), (note.Code, note.Severity));
    }

    [Fact]
    public void A_level_without_events_gives_a_hazard_ratio_that_is_not_estimable_with_a_warning_not_a_crash()
    {
        var study = new TestStudy()
            .Subject("A", deathDay: 60).Baseline("A").Target("A", "T1", "LIVER", (-7, 50), (43, 45))
            .Subject("B", deathDay: 90).Baseline("B").Target("B", "T1", "LIVER", (-7, 50), (43, 45), (85, 45))
            .Subject("C").Baseline("C", liver: true).Target("C", "T1", "LIVER", (-7, 50), (43, 45), (85, 45), (127, 45))
            .Subject("D").Baseline("D", liver: true).Target("D", "T1", "LIVER", (-7, 50), (43, 45));
        var liver = study.Analyse().Results.Subgroup("OS")!.Variable("liver")!;

        var hr = Assert.Single(liver.LevelComparison!.HazardRatios);
        Assert.Null(hr.Estimate);
        Assert.Null(liver.LevelComparison.Cox);
        Assert.NotNull(liver.LevelComparison.LogRankPValue);
        var warning = Assert.Single(liver.Problems, p => p.Code == "ANALYSIS_HR_NOT_ESTIMABLE");
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Contains("liver/yes", warning.Found, StringComparison.Ordinal);
        Assert.Equal(0, liver.Level("liver/yes")!.Total.Events.Count);
    }

    [Fact]
    public void Subjects_with_an_unknown_PD_L1_score_are_left_out_of_the_PD_L1_variables_only()
    {
        var analysis = TumourResponseTests.FiveSubjects().Analyse();
        var pfs = analysis.Results.Subgroup("PFS")!;
        Assert.Equal(["P4"], pfs.Variable("pdl1-1")!.Excluded);
        Assert.Equal(["P3", "P5"], pfs.Variable("pdl1-1")!.Level("pdl1/lt1")!.Subjects.Subjects);
        Assert.Empty(pfs.Variable("sex")!.Excluded);
        Assert.Contains(pfs.Variable("pdl1-1")!.Problems, p => p.Code == "ANALYSIS_SUBGROUP_UNKNOWN" && p.Found.Contains("P4", StringComparison.Ordinal));
    }

    [Fact]
    public void In_a_two_arm_study_levels_are_compared_stratified_by_arm_and_arms_are_compared_within_each_level()
    {
        var analysis = Survival(twoArms: true).Analyse();
        var liver = analysis.Results.Subgroup("OS")!.Variable("liver")!;
        Assert.True(liver.LevelComparison!.IsStratified);

        var rows = Adtte(analysis, "OS");
        var liverSubjects = new[] { "E01", "E02", "E06", "E07" };
        var level = rows.Select(r => liverSubjects.Contains(r.Subject) ? "yes" : "no").ToList();
        int[] strata = [.. rows.Select(r => string.CompareOrdinal(r.Subject, "E06") < 0 ? 0 : 1)];
        var cox = CoxModel.Fit([.. rows.Select(r => r.Days)], [.. rows.Select(r => r.Event)], [CoxCovariate.Categorical("liver", level, "no")], null, strata);
        Assert.Equal(cox.Terms[0].HazardRatio, liver.LevelComparison.HazardRatios[0].Estimate!.Value, 12);

        var yes = liver.Level("liver/yes")!;
        Assert.Equal(["Arm A", "Arm B", "Total"], yes.Columns.Select(c => c.Column));
        Assert.Equal([2, 2, 4], yes.Columns.Select(c => c.N));
        Assert.Equal("Arm A", yes.ArmComparison!.Reference);
    }
}
