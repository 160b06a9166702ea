using System.Text.Json;

namespace OncoTrial.Cli.Tests;

public class ValidateCommandTests
{
    private static string Study(string relative) => Path.Combine(CliRunner.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Study", "studies", relative);

    [Fact]
    public void A_clean_study_exits_with_0()
    {
        var (rc, output, error) = CliRunner.Run("validate", "--study", Study("valid-minimal"));
        Assert.Equal(0, rc);
        Assert.Equal(string.Empty, error);
        Assert.Equal("tests/OncoTrial.Clinical.Tests/Study/studies/valid-minimal: no problems found (profile seed).\n", output);
    }

    [Fact]
    public void The_profile_option_overrides_the_one_the_study_names_in_TS()
    {
        var (rc, output, _) = CliRunner.Run("validate", "--study", Study("broken/missing-column-aetoxgr"), "--profile", "sdtm");
        Assert.Equal(0, rc);
        Assert.EndsWith("(profile sdtm): passes, only errors fail.\n", output, StringComparison.Ordinal);
        var (seedRc, seedOutput, _) = CliRunner.Run("validate", "--study", Study("broken/missing-column-aetoxgr"));
        Assert.Equal(1, seedRc);
        Assert.Contains("column AETOXGR", seedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_profile_is_a_usage_error()
    {
        var (rc, _, error) = CliRunner.Run("validate", "--study", Study("valid-minimal"), "--profile", "strict");
        Assert.Equal(2, rc);
        Assert.Contains("strict", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_with_problems_exits_with_1_and_prints_one_line_per_problem()
    {
        var (rc, output, _) = CliRunner.Run("validate", "--study", Study("broken/death-before-first-dose"));
        Assert.Equal(1, rc);
        CliRunner.Verify("validate-death-before-first-dose", "txt", output);
    }

    [Fact]
    public void A_path_that_names_nothing_is_a_usage_error_with_exit_code_2()
    {
        var (rc, output, error) = CliRunner.Run("validate", "--study", Study("no-such-study"));
        Assert.Equal(2, rc);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("--study: expected an existing study folder or .zip archive, found nothing at", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_without_DM_is_invalid_data_with_exit_code_1()
    {
        var (rc, output, _) = CliRunner.Run("validate", "--study", Study("broken/missing-dm"));
        Assert.Equal(1, rc);
        Assert.StartsWith("dm.csv: expected the DM domain file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_of_the_study_validates_as_the_folder_does()
    {
        using var temp = new TempFolder();
        string zip = temp.File("study.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(Study("broken/death-before-first-dose"), zip);
        var (rc, output, _) = CliRunner.Run("validate", "--study", zip);
        var (folderRc, folderOutput, _) = CliRunner.Run("validate", "--study", Study("broken/death-before-first-dose"));
        Assert.Equal(folderRc, rc);
        Assert.Equal(folderOutput, output);
    }

    [Fact]
    public void The_json_format_lists_problems_and_counts()
    {
        var (rc, output, _) = CliRunner.Run("validate", "--study", Study("broken/alopecia-grade-3"), "--format", "json");
        Assert.Equal(1, rc);
        using var doc = JsonDocument.Parse(output);
        var problem = Assert.Single(doc.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("ae.csv", problem.GetProperty("file").GetString());
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Equal(2, problem.GetProperty("row").GetInt32());
        Assert.Equal("AETOXGR", problem.GetProperty("column").GetString());
        Assert.Equal("CTCAE_GRADE_NOT_ALLOWED", problem.GetProperty("code").GetString());
        Assert.Equal("\"3\"", problem.GetProperty("found").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("counts").GetProperty("by_code").GetProperty("CTCAE_GRADE_NOT_ALLOWED").GetInt32());
        Assert.Equal("error", problem.GetProperty("severity").GetString());
        Assert.Equal("OT5001", problem.GetProperty("rule_id").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("counts").GetProperty("by_rule").GetProperty("OT5001").GetInt32());
        Assert.StartsWith("ae.csv, line 3 (data row 2), column AETOXGR: expected", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_study_option_is_required()
    {
        var (rc, _, error) = CliRunner.Run("validate");
        Assert.Equal(2, rc);
        Assert.Contains("--study", error, StringComparison.Ordinal);
    }
}
