using System.Text.Json;

namespace OncoTrial.Cli.Tests;

public class SimulateTwoArmCommandTests
{
    private static readonly string[] Design =
        ["simulate", "two-arm", "--hr", "0.7", "--median-control", "12", "--accrual", "24", "--follow-up", "12", "--n", "600", "--alpha", "0.025", "--power", "0.8", "--stages", "3", "--spending", "obf", "--trials", "1500", "--seed", "1"];

    private static string WithoutTiming(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var kept = doc.RootElement.EnumerateObject().Where(p => p.Name is not ("seconds" or "trials_per_second")).Select(p => p.ToString());
        return string.Join("\n", kept);
    }

    [Fact]
    public void Text_output_names_the_design_the_stages_and_the_power()
    {
        var (rc, output, error) = CliRunner.Run(Design);
        Assert.Equal(0, rc);
        Assert.Equal(string.Empty, error);
        Assert.Contains("1500 trials under h1, seed 1", output, StringComparison.Ordinal);
        Assert.Contains("3 analyses at events 84, 167, 250", output, StringComparison.Ordinal);
        Assert.Contains("Overall rejection (power):", output, StringComparison.Ordinal);
        Assert.Matches(@"\n +stage +rejection +MC SE +futility stops +stopped here\n", output);
        Assert.Matches(@"\n +3 +0\.\d{4} +0\.\d{4} +0\.\d{4} +0\.\d{4}\n", output);
    }

    [Fact]
    public void Json_output_is_the_same_for_any_thread_count_apart_from_the_timing()
    {
        var (rc1, one, _) = CliRunner.Run([.. Design, "--under", "h0", "--futility", "0,0.5", "--format", "json", "--threads", "1"]);
        var (rc2, two, _) = CliRunner.Run([.. Design, "--under", "h0", "--futility", "0,0.5", "--format", "json", "--threads", "2"]);
        Assert.Equal(0, rc1);
        Assert.Equal(0, rc2);
        Assert.Equal(WithoutTiming(one), WithoutTiming(two));
        using var doc = JsonDocument.Parse(one);
        var root = doc.RootElement;
        Assert.Equal("h0", root.GetProperty("under").GetString());
        Assert.Equal(3, root.GetProperty("rejection_rate_per_stage").GetArrayLength());
        Assert.InRange(root.GetProperty("rejection_rate").GetDouble(), 0, 0.06);
        Assert.True(root.GetProperty("futility_stop_rate_per_stage")[0].GetDouble() > 0.3);
    }

    [Fact]
    public void Bad_values_are_all_reported_with_exit_code_2()
    {
        var (rc, _, error) = CliRunner.Run("simulate", "two-arm", "--hr", "0.7", "--median-control", "-12", "--stages", "3", "--futility", "0", "--trials", "0");
        Assert.Equal(2, rc);
        Assert.Contains("--median-control", error, StringComparison.Ordinal);
        Assert.Contains("--futility", error, StringComparison.Ordinal);
        Assert.Contains("--trials", error, StringComparison.Ordinal);
    }
}
