namespace OncoTrial.Cli.Tests;

/// <summary><c>oncotrial recist</c>: golden output for each input kind; every problem of bad input, exit 2 for bad arguments and 1 for bad data.</summary>
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
    public void A_bad_lesion_file_lists_every_problem_and_exits_1()
    {
        var (rc, output, error) = CliRunner.Run("recist", "--lesions", Input("lesions-bad.csv"));
        Assert.Equal(1, rc);
        Assert.Equal("", output);
        CliRunner.Verify("recist-lesions-bad", "txt", error);
    }

    [Theory]
    [InlineData("--study: expected exactly one input: --study, --lesions or --timepoints, found 0 of them.")]
    [InlineData("--study: expected exactly one input: --study, --lesions or --timepoints, found 2 of them.", "--timepoints", "x.csv", "--study", "dir")]
    [InlineData("--lesions missing.csv: expected an existing lesion file, found no file at \"missing.csv\".", "--lesions", "missing.csv")]
    [InlineData("--timepoints: expected an existing time-point CSV file, found nothing at \"missing.csv\".", "--timepoints", "missing.csv")]
    [InlineData("--study: expected an existing study folder or .zip archive, found nothing at \"no-such-folder\".", "--study", "no-such-folder")]
    public void Bad_arguments_exit_2_with_a_message(string message, params string[] args)
    {
        var (rc, _, error) = CliRunner.Run(["recist", .. args]);
        Assert.Equal(2, rc);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TU_without_TR_is_a_usage_error()
    {
        var (rc, _, error) = CliRunner.Run("recist", "--lesions", Input("sdtm/tu.csv"));
        Assert.Equal(2, rc);
        Assert.Contains("--lesions: expected SDTM TU and TR files together (and optionally DM), found TU.", error, StringComparison.Ordinal);
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

    [Fact]
    public void A_time_point_file_with_quoted_ids_holding_commas_is_read_by_the_CSV_reader()
    {
        using var temp = new TempFolder();
        string path = temp.Write("tp.csv", "\"subject\",\"ref_date\",\"date\",\"response\"\n\"S,1\",2024-01-02,2024-02-13,PR\n\"S,1\",2024-01-02,2024-03-26,PR\n\"S-2\",2024-01-02,2024-02-13,SD\n");
        var (rc, output, error) = CliRunner.Run("recist", "--timepoints", path, "--format", "json");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, rc);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var subjects = doc.RootElement.GetProperty("subjects");
        Assert.Equal(["S,1", "S-2"], subjects.EnumerateArray().Select(x => x.GetProperty("subject").GetString()));
        Assert.Equal("PR", subjects[0].GetProperty("cbor").GetString());
    }

    [Fact]
    public void The_rates_say_the_interval_method_and_level_they_were_computed_with()
    {
        var (_, output, _) = CliRunner.Run("recist", "--lesions", Input("lesions.csv"));
        Assert.Contains("(95% CI, clopper-pearson)", output, StringComparison.Ordinal);
        var (_, json, _) = CliRunner.Run("recist", "--lesions", Input("lesions.csv"), "--format", "json");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("clopper-pearson", doc.RootElement.GetProperty("response_rates")[0].GetProperty("method").GetString());
    }
}
