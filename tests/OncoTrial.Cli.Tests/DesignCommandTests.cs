namespace OncoTrial.Cli.Tests;

public class DesignCommandTests
{
    private static readonly string[] Paper =
        ["design", "single-arm-survival", "--median0", "5.7", "--median1", "9.8", "--accrual", "12", "--follow-up", "12", "--alpha", "0.05", "--power", "0.8", "--dropout", "0.2"];

    [Fact]
    public void The_paper_design_prints_the_golden_json_with_27_events_38_patients_48_enrolled()
    {
        var (rc, output, error) = CliRunner.Run([.. Paper, "--format", "json"]);
        Assert.Equal(0, rc);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("{\"events\":27,\"patients\":38,\"enrolment\":48,", CliRunner.Compact(output), StringComparison.Ordinal);
        CliRunner.Verify("design-single-arm-survival", "json", output);
    }

    [Fact]
    public void The_paper_design_prints_the_golden_text()
    {
        var (rc, output, _) = CliRunner.Run(Paper);
        Assert.Equal(0, rc);
        CliRunner.Verify("design-single-arm-survival", "txt", output);
    }

    [Fact]
    public void The_wu_method_gives_the_same_38_patients_and_its_moments()
    {
        var (rc, output, _) = CliRunner.Run([.. Paper, "--method", "wu", "--format", "json"]);
        Assert.Equal(0, rc);
        Assert.StartsWith("{\"events\":27,\"patients\":38,\"enrolment\":48,\"method\":\"wu\",", CliRunner.Compact(output), StringComparison.Ordinal);
        Assert.Contains("\"wu\":{\"p0\":1.22339458", CliRunner.Compact(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Simon_prints_both_designs_of_the_published_example()
    {
        var (rc, output, _) = CliRunner.Run("design", "simon", "--p0", "0.1", "--p1", "0.3", "--alpha", "0.05", "--power", "0.8");
        Assert.Equal(0, rc);
        CliRunner.Verify("design-simon", "txt", output);
    }

    [Fact]
    public void Simon_json_has_the_optimal_design_only_when_asked()
    {
        var (rc, output, _) = CliRunner.Run("design", "simon", "--p0", "0.1", "--p1", "0.3", "--criterion", "optimal", "--format", "json");
        Assert.Equal(0, rc);
        Assert.StartsWith("{\"optimal\":{\"r1\":1,\"n1\":10,\"r\":5,\"n\":29,", CliRunner.Compact(output), StringComparison.Ordinal);
        Assert.DoesNotContain("minimax", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_stage_prints_the_smallest_exact_design()
    {
        var (rc, output, _) = CliRunner.Run("design", "single-stage", "--p0", "0.1", "--p1", "0.3", "--format", "json");
        Assert.Equal(0, rc);
        Assert.StartsWith("{\"n\":25,\"r\":6,", CliRunner.Compact(output), StringComparison.Ordinal);
    }

    [Fact]
    public void A_percentage_for_alpha_is_bad_input_with_exit_code_2()
    {
        var (rc, output, error) = CliRunner.Run("design", "simon", "--p0", "0.1", "--p1", "0.3", "--alpha", "5");
        Assert.Equal(2, rc);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("--alpha: expected a number strictly between 0 and 1, found 5.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_design_beyond_max_n_is_bad_input_with_exit_code_2()
    {
        var (rc, _, error) = CliRunner.Run("design", "simon", "--p0", "0.1", "--p1", "0.3", "--max-n", "20");
        Assert.Equal(2, rc);
        Assert.StartsWith("--max-n: expected a two-stage design with n <= 20 that meets alpha and power, found none.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_design_command_lists_its_four_subcommands()
    {
        using var o = new StringWriter();
        var design = DesignCommand.Create(new CliContext(o, o));
        Assert.Equal(["single-arm-survival", "simon", "single-stage", "two-arm-survival"], design.Subcommands.Select(c => c.Name));
    }

    [Fact]
    public void Two_arm_survival_runs_under_oncotrial_design()
    {
        var (rc, output, error) = CliRunner.Run("design", "two-arm-survival", "--hr", "0.7", "--median-control", "12", "--format", "json");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, rc);
        Assert.Contains("\"events\"", output, StringComparison.Ordinal);
    }
}
