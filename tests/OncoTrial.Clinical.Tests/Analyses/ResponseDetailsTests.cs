using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Tests.Analyses;

/// <summary>
/// Response details on nine subjects, each the smallest case of one rule (targets in mm, by study day):
/// Q1 liver target unchanged and a new lung lesion on day 43 (PD, 1 site);
/// Q2 liver target unchanged, bone non-target in unequivocal progression and a new brain lesion on day 43 (PD, 2 sites);
/// Q3 liver 40 and lung 40, unchanged on day 43 (SD), liver 60 on day 85: the target sum makes the PD (+25%, +20 mm) and
/// only the liver grew from the nadir (1 site);
/// Q4 as Q3 with new lesions in two lymph nodes and the bone on day 85 (liver, lymph node, bone: 3 sites, systemic);
/// Q5 no scan after baseline;
/// Q6 liver 50 then 30 from day 43 to 253 (confirmed PR lasting 211 days: durable);
/// Q7 liver 50, 30 on days 43 and 85, 50 on day 127 (confirmed PR, PD from the nadir: DoR 85 days; 1 site);
/// Q8 liver 50 then 45 (SD with shrinkage); Q9 liver 50 then 55 (SD without).
/// </summary>
public class ResponseDetailsTests
{
    internal static TestStudy NineSubjects()
    {
        var study = new TestStudy();
        foreach (string id in new[] { "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9" })
        {
            study.Subject(id);
        }

        return study
            .Target("Q1", "T1", "LIVER", (-7, 50), (43, 50)).New("Q1", "N1", "LUNG", 43)
            .Target("Q2", "T1", "LIVER", (-7, 50), (43, 50)).NonTarget("Q2", "NT1", "BONE", (-7, "PRESENT"), (43, "UNEQUIVOCAL PROGRESSION")).New("Q2", "N1", "BRAIN", 43)
            .Target("Q3", "T1", "LIVER", (-7, 40), (43, 40), (85, 60)).Target("Q3", "T2", "LUNG", (-7, 40), (43, 40), (85, 40))
            .Target("Q4", "T1", "LIVER", (-7, 40), (43, 40), (85, 60)).Target("Q4", "T2", "LUNG", (-7, 40), (43, 40), (85, 40))
            .New("Q4", "N1", "MEDIASTINAL LYMPH NODE", 85).New("Q4", "N2", "CERVICAL LYMPH NODE", 85).New("Q4", "N3", "BONE", 85)
            .Target("Q5", "T1", "LIVER", (-7, 50))
            .Target("Q6", "T1", "LIVER", (-7, 50), (43, 30), (85, 30), (127, 30), (169, 30), (211, 30), (253, 30))
            .Target("Q7", "T1", "LIVER", (-7, 50), (43, 30), (85, 30), (127, 50))
            .Target("Q8", "T1", "LIVER", (-7, 50), (43, 45))
            .Target("Q9", "T1", "LIVER", (-7, 50), (43, 55));
    }

    private static ResponseDetails Details() => NineSubjects().Analyse().Results.ResponseDetails!;

    [Fact]
    public void Progression_sites_at_the_first_PD_are_new_lesions_unequivocal_non_targets_and_targets_grown_from_the_nadir()
    {
        var progressions = Details().Progressions.ToDictionary(p => p.Subject);
        Assert.Equal(["Q1", "Q2", "Q3", "Q4", "Q7"], progressions.Keys);
        Assert.Equal(["LUNG"], progressions["Q1"].Sites);
        Assert.Equal(["BONE", "BRAIN"], progressions["Q2"].Sites);
        Assert.Equal(["LIVER"], progressions["Q3"].Sites);
        Assert.Equal(["BONE", "LIVER", "LYMPH NODE"], progressions["Q4"].Sites);
        Assert.Equal(["LIVER"], progressions["Q7"].Sites);
        Assert.Equal([43, 43, 85, 85, 127], progressions.Values.Select(p => p.Day));
        Assert.Equal([true, true, false, true, false], progressions.Values.Select(p => p.HasNewLesion));
    }

    [Fact]
    public void One_or_two_sites_is_oligo_progression_and_three_systemic_over_those_who_progressed()
    {
        var details = Details();
        Assert.Equal(["Q1", "Q2", "Q3", "Q7"], details.Oligoprogression[0].Subjects);
        Assert.Equal(["Q4"], details.SystemicProgression[0].Subjects);
        Assert.Equal(5, details.Oligoprogression[0].Denominator);
        Assert.Equal((5, 9), (details.Progressed[0].Count, details.Progressed[0].Denominator));
        Assert.Empty(details.ProgressionSitesUnknown[0].Subjects);
    }

    [Fact]
    public void The_oligo_progression_limit_is_an_option()
    {
        var options = StudyAnalysisOptions.Default with { Results = TrialResultsOptions.Default with { OligoprogressionMaxSites = 1 } };
        var details = NineSubjects().Analyse(options).Results.ResponseDetails!;
        Assert.Equal(["Q2", "Q4"], details.SystemicProgression[0].Subjects);
    }

    [Fact]
    public void Target_lesion_decrease_is_a_best_change_below_zero_over_N_and_the_subject_without_a_scan_is_listed()
    {
        var details = Details();
        Assert.Equal(["Q6", "Q7", "Q8"], details.TargetLesionDecrease[0].Subjects);
        Assert.Equal(9, details.TargetLesionDecrease[0].Denominator);
        Assert.Equal(["Q5"], details.WithoutPostBaselineScan);
        Assert.Equal(8, details.Waterfall.Count);
        Assert.Equal(-40, details.Waterfall.Single(b => b.Subject == "Q6").PercentChange, 10);
        Assert.Equal(details.Waterfall.Select(b => b.PercentChange).OrderDescending(), details.Waterfall.Select(b => b.PercentChange));
        Assert.Equal([true, false], new[] { "Q1", "Q3" }.Select(id => details.Waterfall.Single(b => b.Subject == id).ProgressedByNewLesion));
    }

    [Fact]
    public void Stable_disease_with_shrinkage_is_over_the_SD_subjects()
    {
        var details = Details();
        Assert.Equal(["Q8"], details.StableDiseaseWithShrinkage[0].Subjects);
        Assert.Equal(4, details.StableDiseaseWithShrinkage[0].Denominator); // Q3, Q4, Q8, Q9
    }

    [Fact]
    public void A_response_is_durable_when_its_duration_exceeds_six_months_censored_or_not()
    {
        var analysis = NineSubjects().Analyse();
        var details = analysis.Results.ResponseDetails!;
        Assert.Equal(["Q6"], details.DurableResponses[0].Subjects);
        Assert.Equal(2, details.DurableResponses[0].Denominator);

        var dor = EfficacySummaryTests.Adtte(analysis, "DOR").ToDictionary(r => r.Subject);
        Assert.Equal((211.0, 0), (dor["Q6"].Days, dor["Q6"].Event));
        Assert.Equal((85.0, 1), (dor["Q7"].Days, dor["Q7"].Event));
    }

    [Fact]
    public void Swimmer_lanes_carry_treatment_response_progression_and_death_by_study_day()
    {
        var study = NineSubjects().Subject("Z", deathDay: 150, lastDoseDay: 64).Target("Z", "T1", "LIVER", (-7, 50), (43, 30), (85, 30));
        var lanes = study.Analyse().Results.ResponseDetails!.Swimmer.ToDictionary(l => l.Subject);

        var z = lanes["Z"];
        Assert.Equal("TREATMENT", Assert.Single(z.Treatment).Phase);
        Assert.Equal((1, 64), (z.Treatment[0].StartDay, z.Treatment[0].EndDay));
        Assert.Equal([43, 85], z.Responses.Select(r => r.Day));
        Assert.Equal(43, z.FirstResponse!.Day);
        Assert.Null(z.Progression);
        Assert.Equal(150, z.DeathDay);
        Assert.Equal(127, lanes["Q7"].Progression!.Day);
        Assert.Equal("Z", study.Analyse().Results.ResponseDetails!.Swimmer[0].Subject);
    }

    [Fact]
    public void Swimmer_lanes_of_a_study_with_phases_have_a_bar_per_phase_from_ADEX_and_the_disposition_s_ongoing_flag()
    {
        string folder = Path.Combine(Study.StudyFolders.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Disposition", "studies", "paths");
        var lanes = StudyAnalysis.Create(Clinical.Study.StudyFolder.Load(folder)).Results.ResponseDetails!.Swimmer.ToDictionary(l => l.Subject);

        // 3014 completed initial therapy (2022-04-11 to 06-13) and is in maintenance (07-04 to 07-25) at the cutoff; 3009
        // has the same doses but stopped maintenance for progression; 3003 stopped initial therapy after two cycles.
        var ongoing = lanes["NCT05013697-03-3014"];
        Assert.Equal([("INITIAL THERAPY", 1, 64), ("MAINTENANCE THERAPY", 85, 106)], ongoing.Treatment.Select(t => (t.Phase, t.StartDay, t.EndDay)));
        Assert.True(ongoing.IsOngoing);
        Assert.False(lanes["NCT05013697-03-3009"].IsOngoing);
        Assert.Equal(2, lanes["NCT05013697-03-3009"].Treatment.Count);
        Assert.Equal(("INITIAL THERAPY", 22), (Assert.Single(lanes["NCT05013697-03-3003"].Treatment).Phase, lanes["NCT05013697-03-3003"].LastTreatmentDay));
    }

    [Fact]
    public void Spider_points_start_at_zero_on_the_baseline_and_follow_every_complete_sum()
    {
        var spider = Details().Spider.Where(p => p.Subject == "Q7").ToList();
        Assert.Equal([-7, 43, 85, 127], spider.Select(p => p.Day));
        Assert.Equal([0, -40, -40, 0], spider.Select(p => Math.Round(p.PercentChange, 10)));
    }

    [Fact]
    public void Responses_from_RS_give_progressions_with_unknown_sites_no_waterfall_and_notes_that_say_why()
    {
        var study = new TestStudy()
            .Subject("R1").Response("R1", 43, "SD").Response("R1", 85, "PD")
            .Subject("R2").Response("R2", 43, "PR").Response("R2", 85, "PR");
        var details = study.Analyse().Results.ResponseDetails!;

        var progression = Assert.Single(details.Progressions);
        Assert.Equal(("R1", 85), (progression.Subject, progression.Day));
        Assert.Null(progression.Sites);
        Assert.Null(progression.HasNewLesion);
        Assert.Equal(["R1"], details.ProgressionSitesUnknown[0].Subjects);
        Assert.Empty(details.Waterfall);
        Assert.Equal(["R1", "R2"], details.WithoutPostBaselineScan);
        Assert.Contains(details.Problems, p => p.Code == "ANALYSIS_PROGRESSION_SITES_UNKNOWN");
        Assert.Contains(details.Problems, p => p.Code == "ANALYSIS_NO_ADTR");
    }

    [Fact]
    public void The_pattern_of_a_progression_uses_the_options_and_not_the_time_point_s_fixed_rule()
    {
        var q4 = Details().Progressions.Single(p => p.Subject == "Q4");
        Assert.Equal((3, ProgressionPattern.Systemic), (q4.SiteCount, q4.Pattern));
    }
}
