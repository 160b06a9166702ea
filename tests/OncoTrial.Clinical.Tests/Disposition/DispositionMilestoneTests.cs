using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;
using static OncoTrial.Clinical.Tests.Safety.SmallStudy;

namespace OncoTrial.Clinical.Tests.Disposition;

/// <summary>
/// Disposition of a study that is not the seed protocol: RANDOMIZED milestones, no milestone at all (the CDISC
/// pilot), end-of-study events without DSSCAT.
/// </summary>
public class DispositionMilestoneTests
{
    private static readonly string Dm3 = Table(DmHeader, Dm("A1", "DRUG", "Drug"), Dm("A2", "PBO", "Placebo"), Dm("F1", "Scrnfail", "Screen Failure"));

    private static readonly string Ex2 = Table(ExHeader, Ex("A1", 1, "DRUG", "10", "2024-01-02", "2024-02-01"), Ex("A2", 1, "PLACEBO", "0", "2024-01-03", "2024-02-02"));

    [Fact]
    public void A_RANDOMIZED_milestone_enrols_the_subject()
    {
        var study = Load(
            ("dm.csv", Dm3),
            ("ex.csv", Ex2),
            ("ds.csv", Table(
                DsHeader,
                Ds("A1", 1, "RANDOMIZED", "PROTOCOL MILESTONE", "2024-01-01"),
                Ds("A1", 2, "COMPLETED", "DISPOSITION EVENT", "2024-06-01"),
                Ds("A2", 1, "RANDOMIZED", "PROTOCOL MILESTONE", "2024-01-01"),
                Ds("A2", 2, "ADVERSE EVENT", "DISPOSITION EVENT", "2024-03-01"),
                Ds("F1", 1, "SCREEN FAILURE", "DISPOSITION EVENT", "2023-12-20"))));
        var s = DispositionSummary.Compute(study);
        Assert.Empty(s.Problems);
        Assert.Equal(EnrolmentSource.DsMilestone, s.EnrolmentSource);
        Assert.Equal(["A1", "A2"], s.Enrolled.Subjects);
        Assert.Equal(["F1"], s.Excluded.Subjects);
        Assert.False(s.HasTreatmentPhases);
        Assert.Empty(s.InitialOngoing.Subjects);
        Assert.Equal(["A1"], s.StudyCompleted.Subjects);
        Assert.Equal(["A2"], s.StudyDiscontinued.Subjects);
        Assert.Equal(("ADVERSE EVENT", "Adverse events"), (s.StudyDiscontinuationReasons.Single().Code, s.StudyDiscontinuationReasons.Single().Label));
        Assert.Empty(s.StudyOngoing.Subjects);
        Assert.Equal(["A1", "A2"], s.SafetySet.Subjects);
    }

    [Fact]
    public void A_study_with_milestones_still_reports_a_subject_with_none()
    {
        var study = Load(
            ("dm.csv", Dm3),
            ("ds.csv", Table(DsHeader, Ds("A1", 1, "ENROLLED", "PROTOCOL MILESTONE", "2024-01-01"), Ds("F1", 1, "SCREEN FAILURE", "DISPOSITION EVENT", "2023-12-20"))));
        var s = DispositionSummary.Compute(study);
        Assert.Equal(["A1"], s.Enrolled.Subjects);
        var p = Assert.Single(s.Problems);
        Assert.Equal(("DISPOSITION_PATH", ProblemSeverity.Warning, "ds.csv"), (p.Code, p.Severity, p.File));
        Assert.StartsWith("\"A2\": neither", p.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_milestone_enrolment_comes_from_the_DM_arm_or_a_dose_and_a_note_names_the_user_s_files()
    {
        string dir = WriteXpt(
            ("dm.csv", Table(DmHeader, Dm("A1", "DRUG", "Drug"), Dm("A2", "PBO", "Placebo"), Dm("A3", "", ""), Dm("F1", "Scrnfail", "Screen Failure"), Dm("F2", "NOTASSGN", "Not Assigned"))),
            ("ex.csv", Table(ExHeader, Ex("A1", 1, "DRUG", "10", "2024-01-02", "2024-02-01"), Ex("A3", 1, "DRUG", "10", "2024-01-02", "2024-01-02"))),
            ("ds.csv", Table(
                DsHeader,
                Ds("A1", 1, "COMPLETED", "DISPOSITION EVENT", "2024-06-01"),
                Ds("A1", 2, "FINAL LAB VISIT", "OTHER EVENT", "2024-06-01"),
                Ds("A2", 1, "WITHDRAWAL BY SUBJECT", "DISPOSITION EVENT", "2024-02-01"),
                Ds("F1", 1, "SCREEN FAILURE", "DISPOSITION EVENT", "2023-12-20"))));
        try
        {
            var s = DispositionSummary.Compute(StudyFolder.Load(dir));
            Assert.Equal(EnrolmentSource.DmArm, s.EnrolmentSource);
            Assert.Equal(["A1", "A2", "A3"], s.Enrolled.Subjects); // A2 by its arm (never dosed), A3 by its dose (no arm)
            Assert.Equal(["F1", "F2"], s.Excluded.Subjects);
            Assert.Equal(["Ineligibility", "Not assigned"], s.ExclusionReasons.Select(r => r.Label));
            Assert.Equal(["A1"], s.StudyCompleted.Subjects);
            Assert.Equal(["A2"], s.StudyDiscontinued.Subjects);
            Assert.Equal("Voluntary withdrawal", s.StudyDiscontinuationReasons.Single().Label);
            Assert.Equal(["A3"], s.StudyOngoing.Subjects);
            var note = Assert.Single(s.Problems);
            Assert.Equal(("DISPOSITION_ENROLMENT_INFERRED", ProblemSeverity.Note, "ds.xpt"), (note.Code, note.Severity, note.File));
            Assert.Contains("dm.xpt", note.Fix, StringComparison.Ordinal);
            Assert.Contains("ex.xpt", note.Fix, StringComparison.Ordinal);
            Assert.DoesNotContain(".csv", note.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void An_enrolment_inferred_from_the_arm_and_a_screen_failure_record_is_an_inconsistent_path()
    {
        var study = Load(
            ("dm.csv", Table(DmHeader, Dm("A1", "DRUG", "Drug"))),
            ("ds.csv", Table(DsHeader, Ds("A1", 1, "SCREEN FAILURE", "DISPOSITION EVENT", "2023-12-20"))));
        var s = DispositionSummary.Compute(study);
        Assert.Equal(["A1"], s.Enrolled.Subjects);
        Assert.Contains(s.Problems, p => p.Code == "DISPOSITION_PATH" && p.Found.Contains("SCREEN FAILURE and ARMCD DRUG", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("STUDY", true)]
    [InlineData("STUDY COMPLETION/EARLY DISCONTINUATION", true)]
    [InlineData("INITIAL THERAPY", false)]
    [InlineData("TREATMENT COMPLETION/EARLY DISCONTINUATION", false)]
    [InlineData("END OF STUDY TREATMENT", false)]
    [InlineData("SCREENING", false)]
    public void An_end_of_study_event_is_one_without_DSSCAT_or_with_a_study_subcategory(string subcategory, bool expected)
    {
        Assert.Equal(expected, DispositionSummary.IsStudyLevel(subcategory));
    }
}
