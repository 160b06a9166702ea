using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;
using static OncoTrial.Clinical.Tests.Safety.SmallStudy;

namespace OncoTrial.Clinical.Tests.Safety;

/// <summary>
/// Safety on a study that is not the seed protocol: a placebo arm (EXDOSE 0), AESEV instead of a CTCAE grade, a
/// causality scale beyond Y/N, two arms. One small study: P1 placebo, D1 drug (with a skipped dose-0 record after its
/// last dose), N1 randomised to the drug but never dosed, F1 a screen failure.
/// </summary>
public class SafetyOnAnyStudyTests
{
    private static StudyFolder Study(string? ae = null) => Load(
        ("dm.csv", Table(DmHeader, Dm("D1", "DRUG", "Drug"), Dm("F1", "Scrnfail", "Screen Failure"), Dm("N1", "DRUG", "Drug"), Dm("P1", "PBO", "Placebo"))),
        ("ex.csv", Table(
            ExHeader,
            Ex("P1", 1, "PLACEBO", "0", "2024-01-01", "2024-01-28"),
            Ex("D1", 1, "DRUG", "10", "2024-01-02", "2024-01-29"),
            Ex("D1", 2, "DRUG", "0", "2024-03-01", "2024-03-01"))),
        ("ae.csv", ae ?? Table(
            AeHeader,
            Ae("P1", 1, "HEADACHE", "2024-01-05", "MILD", "NONE"),
            Ae("P1", 2, "HEADACHE", "2023-12-20", "SEVERE", "REMOTE"),
            Ae("D1", 1, "HEADACHE", "2024-01-06", "SEVERE", "PROBABLE"),
            Ae("D1", 2, "NAUSEA", "2024-03-15", "MODERATE", "POSSIBLE"),
            Ae("N1", 1, "NAUSEA", "2024-01-10", "MILD", "NONE"))));

    [Theory]
    [InlineData(10.0, "DRUG", true)]
    [InlineData(0.0, "PLACEBO", true)]
    [InlineData(0.0, "Placebo patch", true)]
    [InlineData(0.0, "DRUG", false)] // a documented skipped administration
    [InlineData(null, "DRUG", false)] // no dose recorded
    [InlineData(null, "PLACEBO", false)]
    [InlineData(-1.0, "PLACEBO", false)]
    public void An_EX_record_is_an_exposure_when_the_dose_is_above_0_or_0_of_a_placebo(double? dose, string treatment, bool expected)
    {
        Assert.Equal(expected, TreatmentExposure.IsExposure(dose, treatment));
    }

    [Fact]
    public void A_placebo_subject_with_dose_0_is_in_the_safety_set_and_a_skipped_dose_does_not_extend_the_last_dose()
    {
        var study = Study();
        var treated = TreatmentExposure.Derive(study);
        Assert.Equal(["D1", "P1"], treated.Subjects);
        Assert.Equal(new DateOnly(2024, 1, 1), treated.Periods["P1"].FirstDose);
        Assert.Equal(new DateOnly(2024, 1, 29), treated.Periods["D1"].LastDose);

        var summary = AeSummary.Compute(study);
        Assert.Equal(["D1", "P1"], summary.SafetySet);
        Assert.Equal(["D1", "P1"], DispositionSummary.Compute(study).SafetySet.Subjects);
    }

    [Fact]
    public void The_never_dosed_subject_s_events_are_not_counted()
    {
        var summary = AeSummary.Compute(Study());
        Assert.DoesNotContain(summary.Events, e => e.Event.Subject == "N1");
        Assert.Equal(["D1", "P1"], summary.AllCause.Any.AnyGrade.Subjects);
    }

    [Fact]
    public void Without_AETOXGR_the_table_counts_AESEV_and_says_so_once()
    {
        var summary = AeSummary.Compute(Study());
        Assert.Equal(IntensityScale.Severity, summary.Scale);
        Assert.Equal(["D1"], summary.AllCause.Any.Grade3OrWorse.Subjects); // P1's severe headache is before the first dose
        Assert.DoesNotContain(summary.Problems, p => p.Code == "AE_GRADE_MISSING");
        var note = Assert.Single(summary.Problems, p => p.Code == "AE_INTENSITY_SEVERITY");
        Assert.Equal(ProblemSeverity.Note, note.Severity);
        Assert.Equal("ae.csv", note.File);
    }

    [Fact]
    public void An_AETOXGR_column_with_no_value_is_absent_too()
    {
        string ae = "STUDYID,DOMAIN,USUBJID,AESEQ,AEDECOD,AESTDTC,AETOXGR,AESEV,AEREL\nS,AE,D1,1,HEADACHE,2024-01-06,,SEVERE,Y\n";
        var summary = AeSummary.Compute(Study(ae));
        Assert.Equal(IntensityScale.Severity, summary.Scale);
        Assert.Equal(["D1"], summary.AllCause.Term("HEADACHE").Grade3OrWorse.Subjects);
    }

    [Fact]
    public void With_AETOXGR_the_grade_is_counted_and_AESEV_is_ignored()
    {
        string ae = "STUDYID,DOMAIN,USUBJID,AESEQ,AEDECOD,AESTDTC,AETOXGR,AESEV,AEREL\nS,AE,D1,1,HEADACHE,2024-01-06,2,SEVERE,Y\nS,AE,P1,1,HEADACHE,2024-01-06,,SEVERE,Y\n";
        var summary = AeSummary.Compute(Study(ae));
        Assert.Equal(IntensityScale.CtcaeGrade, summary.Scale);
        Assert.Empty(summary.AllCause.Any.Grade3OrWorse.Subjects);
        Assert.Single(summary.Problems, p => p.Code == "AE_GRADE_MISSING");
    }

    [Fact]
    public void Each_arm_gets_its_own_counts_and_denominator_and_the_total_adds_them()
    {
        var summary = AeSummary.Compute(Study());
        Assert.True(summary.IsMultiArm);
        Assert.Equal(["Drug", "Placebo"], summary.Arms.Select(a => a.Name));
        Assert.Equal(["DRUG", "PBO"], summary.Arms.Select(a => a.Code));
        Assert.Equal([1, 1], summary.Arms.Select(a => a.N));
        Assert.Equal(["D1"], summary.Arms[0].AllCause.Any.AnyGrade.Subjects);
        Assert.Equal(["P1"], summary.Arms[1].AllCause.Any.AnyGrade.Subjects);
        Assert.Equal(["D1"], summary.Arms[0].Related.Any.AnyGrade.Subjects);
        Assert.Empty(summary.Arms[1].Related.Any.AnyGrade.Subjects);
        Assert.Equal(summary.Arms.Sum(a => a.AllCause.Any.AnyGrade.Count), summary.AllCause.Any.AnyGrade.Count);
    }

    [Fact]
    public void The_arm_can_be_the_actual_arm()
    {
        var study = Load(
            ("dm.csv", Table(DmHeader, Dm("A1", "HI", "High", "LO", "Low"), Dm("A2", "LO", "Low"))),
            ("ex.csv", Table(ExHeader, Ex("A1", 1, "DRUG", "1", "2024-01-01", "2024-01-02"), Ex("A2", 1, "DRUG", "1", "2024-01-01", "2024-01-02"))));
        Assert.Equal(["High", "Low"], AeSummary.Compute(study).Arms.Select(a => a.Name));
        var actual = AeSummary.Compute(study, SafetyOptions.Default with { Arm = TreatmentArmVariable.Actual });
        Assert.False(actual.IsMultiArm);
        Assert.Equal(["Low"], actual.Arms.Select(a => a.Name));
    }

    [Fact]
    public void An_open_window_makes_every_onset_after_the_first_dose_emergent()
    {
        var study = Study();
        Assert.Empty(AeSummary.Compute(study).AllCause.Term("NAUSEA").AnyGrade.Subjects); // 2024-03-15 > last dose 2024-01-29 + 30
        var open = AeSummary.Compute(study, SafetyOptions.Default with { WindowEnd = TeaeWindowEnd.Open });
        Assert.Equal(["D1"], open.AllCause.Term("NAUSEA").AnyGrade.Subjects);
        Assert.StartsWith("Treatment-emergent: onset on or after the first dose with no upper bound", open.Options.Describe(), StringComparison.Ordinal);
        Assert.True(TreatmentEmergence.IsTreatmentEmergent(PartialDate.Parse("2030-01-01"), null, new DateOnly(2024, 1, 1), null));
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("RELATED", true)]
    [InlineData("POSSIBLE", true)]
    [InlineData("POSSIBLY RELATED", true)]
    [InlineData("PROBABLE", true)]
    [InlineData("PROBABLY RELATED", true)]
    [InlineData("LIKELY", true)]
    [InlineData("DEFINITE", true)]
    [InlineData("DEFINITELY RELATED", true)]
    [InlineData("CERTAIN", true)]
    [InlineData("N", false)]
    [InlineData("NOT RELATED", false)]
    [InlineData("UNRELATED", false)]
    [InlineData("NONE", false)]
    [InlineData("REMOTE", false)]
    [InlineData("UNLIKELY", false)]
    [InlineData("UNLIKELY RELATED", false)]
    [InlineData("possible", true)] // case is ignored
    [InlineData(" Remote ", false)]
    public void Each_causality_word_maps_to_related_or_not_by_the_default_table(string word, bool related)
    {
        string ae = Table(AeHeader, Ae("D1", 1, "HEADACHE", "2024-01-06", "MILD", word));
        var summary = AeSummary.Compute(Study(ae));
        string[] expected = related ? ["D1"] : [];
        Assert.Equal(expected, summary.Related.Any.AnyGrade.Subjects);
        Assert.DoesNotContain(summary.Problems, p => p.Code == "AE_CAUSALITY_UNKNOWN");
        Assert.Equal(related, CausalityScale.Map(CausalityScale.Default, word));
    }

    [Fact]
    public void An_unknown_causality_word_is_one_warning_and_counts_as_the_missing_causality_option_says()
    {
        string ae = Table(AeHeader, Ae("D1", 1, "HEADACHE", "2024-01-06", "MILD", "DOUBTFUL"), Ae("D1", 2, "RASH", "2024-01-07", "MILD", "DOUBTFUL"), Ae("P1", 1, "RASH", "2024-01-07", "MILD", ""));
        var summary = AeSummary.Compute(Study(ae));
        var warning = Assert.Single(summary.Problems, p => p.Code == "AE_CAUSALITY_UNKNOWN");
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal(("ae.csv", 2, "AEREL"), (warning.File, warning.Line, warning.Column));
        Assert.Equal("\"DOUBTFUL\" on 2 record(s)", warning.Found);
        Assert.Equal(["D1", "P1"], summary.Related.Any.AnyGrade.Subjects); // unknown and empty count as related by default
        Assert.Empty(AeSummary.Compute(Study(ae), SafetyOptions.Default with { MissingCausality = MissingCausalityRule.NotRelated }).Related.Any.AnyGrade.Subjects);
        Assert.Contains(summary.CausalityValues, v => v is { Column: "AEREL", Value: "DOUBTFUL", Related: null, Records: 2 });
    }

    [Fact]
    public void The_causality_table_is_an_option()
    {
        string ae = Table(AeHeader, Ae("D1", 1, "HEADACHE", "2024-01-06", "MILD", "UNLIKELY"));
        var table = new Dictionary<string, bool>(CausalityScale.Default, StringComparer.OrdinalIgnoreCase) { ["UNLIKELY"] = true };
        Assert.Empty(AeSummary.Compute(Study(ae)).Related.Any.AnyGrade.Subjects);
        Assert.Equal(["D1"], AeSummary.Compute(Study(ae), SafetyOptions.Default with { Causality = table }).Related.Any.AnyGrade.Subjects);
        ProblemAssert.One((SafetyOptions.Default with { Causality = new Dictionary<string, bool> { [" "] = true } }).Validate(), "causality", "OPTION_RANGE", "an empty value");
    }

    [Fact]
    public void ADAE_carries_the_arms_and_the_severity_on_the_severity_scale()
    {
        var data = SafetyData.Read(Study());
        var adae = AdaeWriter.ToDataset(data, TreatmentEmergence.Derive(data, SafetyOptions.Default));
        Assert.All(adae.Columns, c => Assert.True(c.Name.Length <= 8 && c.Label.Length <= 40, c.Name));
        Assert.Null(adae.Find("AETOXGR"));
        Assert.Equal(["Drug", "Drug", "Placebo", "Placebo"], Enumerable.Range(0, adae.RowCount).Select(i => adae.Find("TRTP")!.GetString(i)));
        Assert.Equal(["SEVERE", "MODERATE", "SEVERE", "MILD"], Enumerable.Range(0, adae.RowCount).Select(i => adae.Find("ASEV")!.GetString(i)));
        Assert.Equal([3.0, 2.0, 3.0, 1.0], Enumerable.Range(0, adae.RowCount).Select(i => adae.Find("ASEVN")!.GetNumber(i)!.Value));
    }
}
