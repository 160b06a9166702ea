using System.Text.Json;

namespace OncoTrial.Cli.Tests;

public class SimulateCommandTests
{
    private static readonly string[] Paper =
        ["simulate", "single-arm", "--median0", "5.7", "--median1", "9.8", "--accrual", "12", "--follow-up", "12", "--n", "48", "--dropout", "0.2", "--alpha", "0.05", "--trials", "2000", "--seed", "1"];

    [Fact]
    public void Text_output_names_the_design_and_both_tests()
    {
        var (rc, output, error) = CliRunner.Run(Paper);
        Assert.Equal(0, rc);
        Assert.Equal(string.Empty, error); // no progress bar when standard error is not the console
        Assert.Contains("2000 trials under h1, seed 1", output, StringComparison.Ordinal);
        Assert.Contains("Exponential test on log hazard: power", output, StringComparison.Ordinal);
        Assert.Contains("One-sample log-rank (Wu)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_the_same_for_any_thread_count()
    {
        var (rc1, one, _) = CliRunner.Run([.. Paper, "--under", "h0", "--format", "json", "--threads", "1"]);
        var (rc2, two, _) = CliRunner.Run([.. Paper, "--under", "h0", "--format", "json", "--threads", "2"]);
        Assert.Equal(0, rc1);
        Assert.Equal(0, rc2);
        Assert.Equal(one, two);
        using var doc = JsonDocument.Parse(one);
        Assert.Equal("h0", doc.RootElement.GetProperty("under").GetString());
        Assert.Equal(2000, doc.RootElement.GetProperty("trials").GetInt64());
        Assert.InRange(doc.RootElement.GetProperty("exponential_test").GetProperty("rate").GetDouble(), 0.02, 0.08);
    }

    [Fact]
    public void Bad_values_are_all_reported_with_exit_code_2()
    {
        var (rc, _, error) = CliRunner.Run("simulate", "single-arm", "--median0", "-1", "--median1", "9.8", "--accrual", "12", "--follow-up", "12", "--n", "48", "--dropout", "1.5", "--trials", "0");
        Assert.Equal(2, rc);
        Assert.Contains("--median0", error, StringComparison.Ordinal);
        Assert.Contains("--dropout", error, StringComparison.Ordinal);
        Assert.Contains("--trials", error, StringComparison.Ordinal);
    }
}
