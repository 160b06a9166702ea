namespace OncoTrial.Cli.Tests;

/// <summary><c>oncotrial recist</c>: golden output for each input kind, exit 2 with every problem for bad input.</summary>
public class RecistCommandTests
{
    private static string Input(string name) => Path.Combine(CliRunner.RepositoryRoot, "tests", "OncoTrial.Cli.Tests", "Data", "recist", name);

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public void A_flat_lesion_file_gives_the_verified_time_points_and_best_responses(string format)
    {
        var (rc, output, error) = CliRunner.Run("recist", "--lesions", Input("lesions.csv"), "--format", format);
        Assert.Equal("", error);
        Assert.Equal(0, rc);
        CliRunner.Verify("recist-lesions", format == "json" ? "json" : "txt", output);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public void SDTM_TU_TR_and_DM_files_give_the_verified_investigator_responses(string format)
    {
        var (rc, output, error) = CliRunner.Run("recist", "--lesions", Input("sdtm/tu.csv"), Input("sdtm/tr.csv"), Input("sdtm/dm.csv"), "--format", format);
        Assert.Equal("", error);
        Assert.Equal(0, rc);
        CliRunner.Verify("recist-sdtm", format == "json" ? "json" : "txt", output);
    }

    [Fact]
    public void A_time_point_file_with_every_option_set_gives_the_verified_json()
    {
        var (rc, output, error) = CliRunner.Run("recist", "--timepoints", Input("timepoints.csv"), "--confirm-days", "42", "--sd-min-days", "35", "--max-ne", "0", "--accept-sd", "--cr-then-pr", "strict", "--format", "json");
        Assert.Equal("", error);
        Assert.Equal(0, rc);
        CliRunner.Verify("recist-timepoints", "json", output);
    }

    [Fact]
    public void A_study_folder_is_read_through_its_TU_TR_and_DM_domains()
    {
        string study = Path.Combine(CliRunner.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Study", "studies", "valid-minimal");
        var (rc, output, error) = CliRunner.Run("recist", "--study", study, "--format", "json");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, rc);
        CliRunner.Verify("recist-study", "json", output);
    }

    [Fact]
    public void A_bad_lesion_file_lists_every_problem_and_exits_2()
    {
        var (rc, output, error) = CliRunner.Run("recist", "--lesions", Input("lesions-bad.csv"));
        Assert.Equal(2, rc);
        Assert.Equal("", output);
        CliRunner.Verify("recist-lesions-bad", "txt", error);
    }

    [Theory]
    [InlineData("expected exactly one input, found 0")]
    [InlineData("expected exactly one input, found 2", "--timepoints", "x.csv", "--study", "dir")]
    [InlineData("--lesions missing.csv: file not found.", "--lesions", "missing.csv")]
    [InlineData("--timepoints missing.csv: file not found.", "--timepoints", "missing.csv")]
    [InlineData("does not exist", "--study", "no-such-folder")]
    public void Bad_arguments_exit_2_with_a_message(string message, params string[] args)
    {
        var (rc, _, error) = CliRunner.Run(["recist", .. args]);
        Assert.Equal(2, rc);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TU_without_TR_exits_2()
    {
        var (rc, _, error) = CliRunner.Run("recist", "--lesions", Input("sdtm/tu.csv"));
        Assert.Equal(2, rc);
        Assert.Contains("expected SDTM TU and TR files together", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pharmaverse_files_are_read_when_present()
    {
        string dir = RepositoryPaths.RequireSharedData("pharmaverse", "tr_onco_recist.csv");
        var (rc, output, error) = CliRunner.Run("recist", "--lesions", Path.Combine(dir, "tu_onco_recist.csv"), Path.Combine(dir, "tr_onco_recist.csv"), Path.Combine(dir, "dm.csv"), "--format", "json");
        Assert.Equal("", error);
        Assert.Equal(0, rc);
        Assert.Contains("\"subject\": \"01-701-1133\"", output, StringComparison.Ordinal);
    }
}
