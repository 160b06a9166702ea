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
}
