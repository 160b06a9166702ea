namespace OncoTrial.Cli.Tests;

public class SafetyCommandTests
{
    private static readonly string AeSmall = Path.Combine(CliRunner.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Safety", "studies", "ae-small");

    [Fact]
    public void The_safety_report_on_the_small_study_matches_the_verified_text()
    {
        var (rc, output, _) = CliRunner.Run("safety", "--study", AeSmall);
        Assert.Equal(0, rc);
        CliRunner.Verify("safety-ae-small", "txt", output);
    }

    [Fact]
    public void The_AE_table_is_available_as_CSV()
    {
        var (rc, output, _) = CliRunner.Run("safety", "--study", AeSmall, "--format", "csv", "--threshold", "50");
        Assert.Equal(0, rc);
        CliRunner.Verify("safety-ae-small-50", "csv", output);
    }

    [Fact]
    public void An_open_TEAE_window_counts_the_events_after_the_last_dose_plus_30_days()
    {
        var (rc, output, _) = CliRunner.Run("safety", "--study", AeSmall, "--format", "csv", "--teae-window-end", "open");
        Assert.Equal(0, rc);
        Assert.Contains("Frequent events (>=20%),Cough,2 (67),0,0,0,3\n", output, StringComparison.Ordinal); // 1001's cough at last dose + 31
        var (_, window, _) = CliRunner.Run("safety", "--study", AeSmall, "--format", "csv");
        Assert.Contains("Frequent events (>=20%),Cough,1 (33),0,0,0,3\n", window, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_arm_variable_exits_2()
    {
        var (rc, _, error) = CliRunner.Run("safety", "--study", AeSmall, "--arm", "randomised");
        Assert.Equal(2, rc);
        Assert.Contains("planned", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_path_that_names_nothing_exits_2_with_the_problem()
    {
        var (rc, output, error) = CliRunner.Run("safety", "--study", Path.Combine(AeSmall, "no-such-folder"));
        Assert.Equal(2, rc);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("--study: expected an existing study folder or .zip archive, found nothing at", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_outside_0_to_100_exits_2()
    {
        var (rc, _, error) = CliRunner.Run("safety", "--study", AeSmall, "--threshold", "120");
        Assert.Equal(2, rc);
        Assert.Equal("--threshold: expected a percentage from 0 to 100, found 120.\n", error);
    }
}
