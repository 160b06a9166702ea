using OncoTrial.Clinical.Ctcae;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;

namespace OncoTrial.Clinical.Tests.Ctcae;

public class CtcaeStudyGradingTests
{
    private static readonly StudyFolder Study = StudyFolder.Load(Path.Combine(StudyFolders.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Ctcae", "study"));

    // Rows are data rows of the file (lb.csv row 1 = its first record), not sequence numbers.
    private static GradedRecord One(IEnumerable<GradedRecord> records, string subject, string test, int row, string? term = null) =>
        records.Single(r => r.Usubjid == subject && r.TestCode == test && r.Row == row && (term is null || r.Term == term));

    [Fact]
    public void Lab_records_are_graded_with_their_domain_row_and_timing()
    {
        var labs = CtcaeStudyGrading.GradeLabs(Study);
        var nadir = One(labs, "S1", "NEUT", 2);
        Assert.Equal("Neutrophil count decreased", nadir.Term);
        Assert.Equal("LB", nadir.Domain);
        Assert.Equal(RecordTiming.PostBaseline, nadir.Timing);
        Assert.Equal(4, nadir.Result.Grade?.Value);
        Assert.Equal(RecordTiming.Baseline, One(labs, "S1", "NEUT", 1).Timing);
        Assert.Equal(RecordTiming.Unknown, One(labs, "S3", "NEUT", 12).Timing);
    }

    [Fact]
    public void The_ALT_baseline_record_is_graded_by_ULN_and_later_records_relative_to_the_abnormal_baseline()
    {
        var labs = CtcaeStudyGrading.GradeLabs(Study);
        Assert.Equal(1, One(labs, "S1", "ALT", 4).Result.Grade?.Value);
        Assert.Equal(1, One(labs, "S1", "ALT", 5).Result.Grade?.Value); // 130 = 1.625 x baseline 80; by ULN it would be grade 2
    }

    [Fact]
    public void Units_are_converted_and_a_missing_unit_is_reported_not_graded_zero()
    {
        var labs = CtcaeStudyGrading.GradeLabs(Study);
        Assert.Equal(3, One(labs, "S2", "HGB", 8).Result.Grade?.Value);
        Assert.Equal(3, One(labs, "S2", "WBC", 9).Result.Grade?.Value);
        var noUnit = One(labs, "S2", "NEUT", 10);
        Assert.Null(noUnit.Result.Grade);
        Assert.Equal(NotGradableReason.MissingUnit, noUnit.Result.Reason);
    }

    [Fact]
    public void Vital_signs_grade_weight_loss_from_the_baseline_weight_and_each_blood_pressure_reading()
    {
        var vitals = CtcaeStudyGrading.GradeVitals(Study);
        Assert.Equal(3, One(vitals, "S1", "WEIGHT", 2).Result.Grade?.Value);
        Assert.Equal(0, One(vitals, "S1", "WEIGHT", 1).Result.Grade?.Value);
        Assert.Equal(3, One(vitals, "S1", "SYSBP", 3).Result.Grade?.Value);
        Assert.Equal(2, One(vitals, "S1", "DIABP", 4).Result.Grade?.Value);
    }

    [Fact]
    public void The_worst_post_baseline_grade_is_kept_per_subject_and_term()
    {
        var worst = CtcaeStudyGrading.WorstPostBaseline(CtcaeStudyGrading.GradeLabs(Study).Concat(CtcaeStudyGrading.GradeVitals(Study)));
        var neut = worst.Single(w => w.Usubjid == "S1" && w.Term == "Neutrophil count decreased");
        Assert.Equal(4, neut.Grade?.Value);
        Assert.Equal(2, neut.Record!.Row);
        Assert.Equal(2, neut.GradedCount);
        Assert.Equal(3, worst.Single(w => w.Usubjid == "S1" && w.Term == "Hypertension").Grade?.Value);
        var s2Neut = worst.Single(w => w.Usubjid == "S2" && w.Term == "Neutrophil count decreased");
        Assert.Null(s2Neut.Grade);
        Assert.Equal(1, s2Neut.NotGradableCount);
        Assert.DoesNotContain(worst, w => w.Usubjid == "S3");
    }

    [Fact]
    public void The_cross_check_flags_an_AE_reported_lower_than_the_lab_and_labs_of_grade_3_without_an_AE()
    {
        var graded = CtcaeStudyGrading.GradeLabs(Study).Concat(CtcaeStudyGrading.GradeVitals(Study)).ToList();
        var flags = CtcaeCrossCheck.Run(Study, graded);

        var below = Assert.Single(flags, f => f.Kind == CrossCheckFlagKind.AeGradeBelowLab);
        Assert.Equal("S1", below.Usubjid);
        Assert.Equal(1, below.AeRow);
        Assert.Equal("Neutropenia", below.AeTerm);
        Assert.Equal(2, below.AeGrade?.Value);
        Assert.Equal(2, below.Lab.Row);
        Assert.Equal(4, below.LabGrade.Value);
        Assert.Contains("grade 2", below.Message, StringComparison.Ordinal);

        var without = flags.Where(f => f.Kind == CrossCheckFlagKind.LabGradeWithoutAe)
            .Select(f => (f.Usubjid, f.Lab.TestCode, f.Lab.Row, f.LabGrade.Value)).Order().ToList();
        Assert.Equal(
            [("S1", "PLAT", 6, 4), ("S1", "SYSBP", 3, 3), ("S1", "WEIGHT", 2, 3), ("S2", "PLAT", 11, 3)],
            without);
    }

    [Fact]
    public void A_tolerance_lets_an_AE_starting_two_days_after_the_lab_cover_it()
    {
        var graded = CtcaeStudyGrading.GradeLabs(Study);
        var flags = CtcaeCrossCheck.Run(Study, graded, CtcaeOptions.Default with { CrossCheckToleranceDays = 2 });
        Assert.DoesNotContain(flags, f => f.Usubjid == "S2" && f.Term == "Platelet count decreased");
    }

    [Fact]
    public void Options_change_study_grades()
    {
        var pf = new CtcaeGrader(CtcaeOptions.Default with { MissingNormalLimit = MissingNormalLimit.PharmaForestGradeZero, BaselineRecordGrading = BaselineRecordGrading.AdmiralBaselineRelative });
        var labs = CtcaeStudyGrading.GradeLabs(Study, pf);
        Assert.Equal(0, One(labs, "S1", "ALT", 4).Result.Grade?.Value);
    }
}
