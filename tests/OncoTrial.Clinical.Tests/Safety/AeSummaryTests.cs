using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;

namespace OncoTrial.Clinical.Tests.Safety;

public class AeSummaryTests
{
    private const string S1001 = "NCT05013697-01-1001";
    private const string S1002 = "NCT05013697-01-1002";
    private const string S2001 = "NCT05013697-02-2001";

    private static string Folder => Path.Combine(StudyFolders.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Safety", "studies", "ae-small");

    private static AeSummary Summary(SafetyOptions? options = null) => AeSummary.Compute(StudyFolder.Load(Folder), options);

    [Fact]
    public void The_small_AE_study_validates_clean()
    {
        var report = StudyValidator.Validate(Folder);
        Assert.Equal(string.Empty, string.Join("\n", report.Problems));
    }

    [Fact]
    public void The_denominator_is_the_safety_set_not_the_subjects_with_events()
    {
        var s = Summary();
        Assert.Equal([S1001, S1002, S2001], s.SafetySet);
        Assert.Equal(3, s.N);
    }

    [Fact]
    public void A_subject_with_several_records_of_a_term_is_counted_once_at_the_worst_grade()
    {
        var wbc = Summary().AllCause.Term("White blood cell decreased");
        Assert.Equal([S1001, S2001], wbc.AnyGrade.Subjects);
        Assert.Equal([S1001], wbc.Grade3OrWorse.Subjects);
    }

    [Fact]
    public void Pre_treatment_and_post_window_events_are_not_counted()
    {
        var s = Summary();
        Assert.Equal([S1002], s.AllCause.Term("Nausea").AnyGrade.Subjects);
        Assert.Equal([S2001], s.AllCause.Term("Cough").AnyGrade.Subjects);
        Assert.Equal([S1001], s.AllCause.Term("Fatigue").AnyGrade.Subjects);
        Assert.Empty(s.AllCause.Term("Esophageal fistula").AnyGrade.Subjects);
    }

    [Fact]
    public void The_overall_rows_count_subjects_by_category()
    {
        var s = Summary();
        Assert.Equal(3, s.AllCause.Any.AnyGrade.Count);
        Assert.Equal([S1001, S2001], s.AllCause.Any.Grade3OrWorse.Subjects);
        Assert.Equal([S1002], s.AllCause.LeadingToDiscontinuation.AnyGrade.Subjects);
        Assert.Empty(s.Related.LeadingToDiscontinuation.AnyGrade.Subjects);
        Assert.Equal([S1002], s.AllCause.LeadingToDoseReduction.AnyGrade.Subjects);
        Assert.Equal([S2001], s.AllCause.ImmuneRelated.Grade3OrWorse.Subjects);
        Assert.Equal([S1002, S2001], s.AllCause.Serious.AnyGrade.Subjects);
        Assert.Empty(s.AllCause.Fatal.AnyGrade.Subjects);
    }

    [Fact]
    public void A_missing_causality_counts_as_related_unless_the_option_says_otherwise()
    {
        Assert.Equal([S1002], Summary().Related.Term("Nausea").AnyGrade.Subjects);
        Assert.Empty(Summary(new SafetyOptions { MissingCausality = MissingCausalityRule.NotRelated }).Related.Term("Nausea").AnyGrade.Subjects);
    }

    [Fact]
    public void Per_drug_causality_comes_from_the_per_drug_columns()
    {
        var s = Summary();
        Assert.Equal([S2001], s.RelatedByDrug["BENMELSTOBART"].Any.AnyGrade.Subjects.Where(x => x != S1002));
        Assert.Equal([S1001, S2001], s.RelatedByDrug["ANLOTINIB"].Term("Epistaxis").AnyGrade.Subjects.Concat(s.RelatedByDrug["ANLOTINIB"].Term("Lower gastrointestinal hemorrhage").AnyGrade.Subjects));
    }

    [Fact]
    public void Grouped_terms_pool_the_bleeding_events()
    {
        var s = Summary();
        var bleeding = Assert.Single(s.AllCause.Groups);
        Assert.Equal("Bleeding events", bleeding.Label);
        Assert.Equal([S1001, S1002, S2001], bleeding.AnyGrade.Subjects);
        Assert.Empty(bleeding.Grade3OrWorse.Subjects);
        Assert.Equal([S1001, S2001], s.Related.Groups[0].AnyGrade.Subjects);
    }

    [Fact]
    public void Frequent_terms_are_sorted_by_descending_frequency_then_by_term()
    {
        var s = Summary();
        Assert.Equal(
            ["White blood cell decreased", "Alopecia", "Anorexia", "Cough", "Diarrhea", "Epistaxis", "Fatigue", "Hypothyroidism", "Intracranial hemorrhage", "Lower gastrointestinal hemorrhage", "Nausea"],
            s.FrequentTerms);
    }

    [Theory]
    [InlineData(33.3, 11)]
    [InlineData(33.4, 1)]
    [InlineData(66.7, 0)]
    public void The_threshold_keeps_terms_at_or_above_it(double threshold, int expected)
    {
        // 1 of 3 is 33.33...%: kept at 33.3, dropped at 33.4; 2 of 3 (66.66...%) dropped at 66.7.
        var s = Summary(new SafetyOptions { FrequencyThresholdPercent = (decimal)threshold });
        Assert.Equal(expected, s.FrequentTerms.Count);
    }

    [Fact]
    public void Deaths_are_grouped_by_recorded_cause_with_the_fatal_events()
    {
        var death = Assert.Single(Summary().Deaths);
        Assert.Equal("Death", death.Cause);
        Assert.Equal([S1002], death.Subjects.Subjects);
        Assert.Equal(["Esophageal fistula"], death.FatalAdverseEvents);
    }

    [Fact]
    public void Percentages_round_half_away_from_zero()
    {
        var o = SafetyOptions.Default;
        Assert.Equal(3m, o.Percent(1, 40));
        Assert.Equal(33m, o.Percent(1, 3));
        Assert.Equal("1 (33)", o.FormatCount(1, 3));
        Assert.Equal("0", o.FormatCount(0, 3));
        Assert.Equal("1 (33.3)", (o with { PercentDecimals = 1 }).FormatCount(1, 3));
    }

    [Fact]
    public void ADAE_flags_the_first_occurrence_and_the_first_worst_grade_of_a_term()
    {
        var s = Summary();
        var adae = AdaeWriter.ToDataset("NCT05013697", s.Events);
        Assert.All(adae.Columns, c => Assert.True(c.Name.Length <= 8 && c.Label.Length <= 40, c.Name));
        int Row(string subject, int seq) => Enumerable.Range(0, adae.RowCount).Single(i => adae.Find("USUBJID")!.GetString(i) == subject && adae.Find("AESEQ")!.GetNumber(i) == seq);
        var occ = adae.Find("AOCCPFL")!;
        var worst = adae.Find("AOCCPIFL")!;
        Assert.Equal("Y", occ.GetString(Row(S1001, 3)));
        Assert.Null(occ.GetString(Row(S1001, 1)));
        Assert.Equal("Y", worst.GetString(Row(S1001, 1)));
        Assert.Null(worst.GetString(Row(S1001, 3)));
        Assert.Null(adae.Find("TRTEMFL")!.GetString(Row(S1001, 5)));
        Assert.Equal("Y", adae.Find("TRTEMFL")!.GetString(Row(S1002, 2)));
        Assert.Equal(new DateOnly(2021, 10, 8), SasDates.ToDate(adae.Find("ASTDT")!.GetNumber(Row(S1002, 2))!.Value));
        Assert.Equal(1, adae.Find("ASTDY")!.GetNumber(Row(S1002, 2)));
    }
}
