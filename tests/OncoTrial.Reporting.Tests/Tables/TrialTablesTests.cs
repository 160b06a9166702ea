using OncoTrial.Reporting.Tables;

namespace OncoTrial.Reporting.Tests.Tables;

public class TrialTablesTests
{
    private static readonly string GoldenFolder = RepositoryPaths.File("tests", "OncoTrial.Reporting.Tests", "Tables", "Golden");

    public static TheoryData<string> Names => ["baseline", "response", "adverse-events", "deaths", "exposure", "efficacy", "subgroups-pfs", "subgroups-os"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_table_of_the_single_arm_study_as_text_and_CSV_matches_its_golden_file(string name)
    {
        var table = TrialTables.Create(TableStudy.Results()).Single(t => t.Id!.EndsWith("-" + name, StringComparison.Ordinal));
        Golden.Verify(GoldenFolder, "single-arm." + name, "txt", TextRenderer.Render(table) + "\n" + CsvRenderer.Render(table));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_table_of_the_two_arm_study_as_text_and_CSV_matches_its_golden_file(string name)
    {
        var table = TrialTables.Create(TableStudy.Results(twoArms: true)).Single(t => t.Id!.EndsWith("-" + name, StringComparison.Ordinal));
        Golden.Verify(GoldenFolder, "two-arms." + name, "txt", TextRenderer.Render(table) + "\n" + CsvRenderer.Render(table));
    }

    [Fact]
    public void The_tables_make_one_tidy_CSV_file_each_named_by_the_table_id_with_section_and_row_keys()
    {
        // Given
        var document = TrialTables.ToDocument(TableStudy.Results(twoArms: true));

        // When
        var files = CsvRenderer.Files(document);

        // Then
        Assert.Equal(document.Tables.Select(t => t.Id + ".csv"), files.Select(f => f.FileName));
        var baseline = files[0].Text.Split('\n');
        Assert.Equal("section,row,characteristic,arma,armb,total", baseline[0]);
        Assert.Equal("\"Age, years\",age/ge65,≥ 65,2 (50),2 (50),4 (50)", baseline[3]);
        Assert.All(files, f =>
        {
            var keys = f.Text.Split('\n')[0].Split(',');
            Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
        });
    }
}
