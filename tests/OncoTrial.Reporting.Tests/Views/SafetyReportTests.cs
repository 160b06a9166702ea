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
}
