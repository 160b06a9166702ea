namespace OncoTrial.Cli.Tests;

public class ProportionCommandTests
{
    [Fact]
    public void The_paper_ORR_prints_the_documented_json()
    {
        var (rc, output, _) = CliRunner.Run("proportion", "--x", "36", "--n", "50", "--format", "json");
        Assert.Equal(0, rc);
        Assert.Equal(
            "{\"x\":36,\"n\":50,\"estimate\":0.72,\"lower\":0.5750946429838875,\"upper\":0.8376893992928284,\"method\":\"clopper-pearson\",\"conf_level\":0.95}",
            CliRunner.Compact(output));
    }

    [Fact]
    public void The_text_output_rounds_to_the_paper_precision()
    {
        var (rc, output, _) = CliRunner.Run("proportion", "--x", "42", "--n", "50");
        Assert.Equal(0, rc);
        Assert.Equal("42/50 = 84.0% (95% CI 70.9-92.8%, clopper-pearson)\n", output);
    }

    [Fact]
    public void The_exact_test_against_p0_is_added_when_asked()
    {
        var (rc, output, _) = CliRunner.Run("proportion", "--x", "7", "--n", "20", "--p0", "0.2", "--format", "json");
        Assert.Equal(0, rc);
        Assert.Contains("\"test\":{\"p0\":0.2,\"alternative\":\"greater\",\"p\":", CliRunner.Compact(output), StringComparison.Ordinal);
    }

    [Fact]
    public void More_responders_than_patients_is_bad_input_with_exit_code_2()
    {
        var (rc, output, error) = CliRunner.Run("proportion", "--x", "51", "--n", "50");
        Assert.Equal(2, rc);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("--x: expected an integer from 0 to n (50), found 51.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_option_is_a_parse_error_with_exit_code_2()
    {
        var (rc, _, error) = CliRunner.Run("proportion", "--x", "3");
        Assert.Equal(2, rc);
        Assert.Contains("--n", error, StringComparison.Ordinal);
    }
}
