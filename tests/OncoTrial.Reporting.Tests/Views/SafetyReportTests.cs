using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;
using OncoTrial.Reporting.Views;

namespace OncoTrial.Reporting.Tests.Views;

public class SafetyReportTests
{
    private static readonly string AeSmall = RepositoryPaths.File("tests", "OncoTrial.Clinical.Tests", "Safety", "studies", "ae-small");

    private static AeSummary Summary() => AeSummary.Compute(StudyFolder.Load(AeSmall));

    [Fact]
    public void The_AE_table_as_text_and_CSV_matches_its_golden_file()
    {
        var table = SafetyReport.AeTable(Summary());
        Golden.Verify(RepositoryPaths.File("tests", "OncoTrial.Reporting.Tests", "Golden", "ae-small-table.verified.txt"), TextRenderer.Render(table) + "\n" + CsvRenderer.Render(table));
    }

    [Fact]
    public void Every_AE_cell_holds_the_subjects_it_counts()
    {
        var summary = Summary();
        var table = SafetyReport.AeTable(summary);
        var any = table.Rows.First();
        Assert.Equal(summary.AllCause.Any.AnyGrade.Subjects, any.Cells[1].Subjects);
        Assert.Equal(summary.Related.Any.Grade3OrWorse.Subjects, any.Cells[4].Subjects);
        Assert.All(table.Rows, r => Assert.Equal(r.Cells[1].Values[0], r.Cells[1].Subjects.Count));
    }

    [Fact]
    public void Every_CONSORT_box_holds_its_subjects_and_the_counts_add_up()
    {
        var safety = StudyAnalysis.Create(StudyFolder.Load(AeSmall)).Safety;
        var table = SafetyReport.DispositionTable(safety.Disposition);
        var rows = table.Rows.ToList();
        Assert.Equal("Assessed for eligibility", rows[0].Cells[0].Display);
        Assert.Equal(safety.Disposition.Screened.Subjects, rows[0].Cells[1].Subjects);
        Assert.Equal(safety.Disposition.Enrolled.Count + safety.Disposition.Excluded.Count, safety.Disposition.Screened.Count);
    }

    [Fact]
    public void The_document_json_carries_every_table_with_cells_values_and_subjects()
    {
        var safety = StudyAnalysis.Create(StudyFolder.Load(AeSmall)).Safety;
        var json = DocumentJsonView.ToJson(SafetyReport.ToDocument(safety));
        Assert.Equal(3, json.Tables.Count);
        var ae = json.Tables[2];
        Assert.Equal(["term", "ae_any", "ae_grade3plus", "trae_any", "trae_grade3plus", "n"], ae.Columns.Select(c => c.Key));
        Assert.Equal(["Adverse events"], ae.Columns[1].Spanning);
        Assert.Equal("3 (100)", ae.Groups[0].Rows[0].Cells[1].Display);
        Assert.Equal(3, ae.Groups[0].Rows[0].Cells[1].Subjects.Count);
    }

    /// <summary>Two arms, AESEV only, AEREL on the pilot's scale: A1 and A2 on the drug, P1 on placebo (dose 0).</summary>
    private static StudyFolder TwoArms()
    {
        using var source = FileSource.FromText(
            "two-arms",
            ("dm.csv", "STUDYID,DOMAIN,USUBJID,ARMCD,ARM,ACTARMCD,ACTARM\nS,DM,A1,DRUG,Drug,DRUG,Drug\nS,DM,A2,DRUG,Drug,DRUG,Drug\nS,DM,P1,PBO,Placebo,PBO,Placebo\n"),
            ("ex.csv", "STUDYID,DOMAIN,USUBJID,EXTRT,EXDOSE,EXSTDTC,EXENDTC\nS,EX,A1,DRUG,10,2024-01-01,2024-01-28\nS,EX,A2,DRUG,10,2024-01-01,2024-01-28\nS,EX,P1,PLACEBO,0,2024-01-01,2024-01-28\n"),
            ("ae.csv", "STUDYID,DOMAIN,USUBJID,AESEQ,AEDECOD,AESTDTC,AESEV,AEREL\nS,AE,A1,1,HEADACHE,2024-01-05,SEVERE,PROBABLE\nS,AE,A2,1,HEADACHE,2024-01-05,MILD,REMOTE\nS,AE,P1,1,HEADACHE,2024-01-06,MODERATE,NONE\n"),
            ("ds.csv", "STUDYID,DOMAIN,USUBJID,DSDECOD,DSCAT,DSSTDTC\nS,DS,A1,COMPLETED,DISPOSITION EVENT,2024-02-01\nS,DS,P1,ADVERSE EVENT,DISPOSITION EVENT,2024-01-20\n"));
        return StudyFolder.Load(source);
    }

    [Fact]
    public void Two_arms_get_a_column_group_each_and_a_total_with_their_own_denominators_and_subjects()
    {
        var summary = AeSummary.Compute(TwoArms());
        var table = SafetyReport.AeTable(summary);
        Assert.Equal("term", table.Columns[0].Key);
        Assert.All(table.Columns.Skip(1), c => Assert.Null(c.Key));
        Assert.Equal(["Drug (N = 2)", "Placebo (N = 1)", "Total (N = 3)"], table.Columns.Skip(1).Select(c => c.Label));
        Assert.Equal(
            ["term", "drug_ae_any", "drug_ae_severe", "drug_trae_any", "drug_trae_severe", "drug_n", "pbo_ae_any", "pbo_ae_severe", "pbo_trae_any", "pbo_trae_severe", "pbo_n", "total_ae_any", "total_ae_severe", "total_trae_any", "total_trae_severe", "total_n"],
            table.Leaves.Select(l => l.Key));
        var any = table.Rows.First().Cells;
        Assert.Equal("Any events", any[0].Display);
        Assert.Equal("2 (100)", any[1].Display);
        Assert.Equal(["A1", "A2"], any[1].Subjects);
        Assert.Equal("1 (50)", any[2].Display); // severe
        Assert.Equal(["A1"], any[2].Subjects);
        Assert.Equal("1 (50)", any[3].Display); // related: PROBABLE, not REMOTE
        Assert.Equal(["A1"], any[3].Subjects);
        Assert.Equal("1 (100)", any[6].Display);
        Assert.Equal(["P1"], any[6].Subjects);
        Assert.Equal("0", any[8].Display);
        Assert.Equal(("3 (100)", 3), (any[11].Display, any[11].Subjects.Count));
        Assert.Equal(3, any[15].Values[0]);
        Assert.Contains(table.Footnotes, f => f.Contains("worst severity", StringComparison.Ordinal) && f.Contains("arms by DM ARM", StringComparison.Ordinal));
        Assert.Contains("Causality (AEREL): related = PROBABLE; not related = NONE, REMOTE.", table.Footnotes);
    }

    [Fact]
    public void The_two_arm_table_as_text_matches_its_golden_file()
    {
        var table = SafetyReport.AeTable(AeSummary.Compute(TwoArms()));
        Golden.Verify(RepositoryPaths.File("tests", "OncoTrial.Reporting.Tests", "Golden", "ae-two-arms-table.verified.txt"), TextRenderer.Render(table) + "\n" + CsvRenderer.Render(table));
    }

    [Fact]
    public void A_study_graded_in_CTCAE_keeps_the_grade_words_and_keys()
    {
        var table = SafetyReport.AeTable(Summary());
        Assert.Equal(["term", "ae_any", "ae_grade3plus", "trae_any", "trae_grade3plus", "n"], table.Leaves.Select(l => l.Key));
        Assert.Equal(["", "Any grade", "Grade >=3", "Any grade", "Grade >=3", "N"], table.Leaves.Select(l => l.Label));
        Assert.DoesNotContain(table.Footnotes, f => f.StartsWith("Causality", StringComparison.Ordinal));
    }

    [Fact]
    public void A_study_without_phases_shows_the_end_of_study_boxes_and_how_enrolment_was_read()
    {
        var d = StudyAnalysis.Create(TwoArms()).Safety.Disposition;
        var text = TextRenderer.Render(SafetyReport.DispositionTable(d));
        Assert.DoesNotContain("maintenance", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Enrolled: dm-arm", text, StringComparison.Ordinal);
        Assert.Matches(@"Completed study +1\n", text);
        Assert.Matches(@"Discontinued study +1\n +Adverse events +1\n", text);
        Assert.Matches(@"No end-of-study record +1\n", text);
    }
}
