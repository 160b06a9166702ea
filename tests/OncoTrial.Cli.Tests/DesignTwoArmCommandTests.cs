using System.Text.Json;

namespace OncoTrial.Cli.Tests;

/// <summary>
/// The <c>two-arm-survival</c> subcommand, run under its own root command (the lead wires it under
/// <c>oncotrial design</c>); errors are mapped to exit code 2 as <see cref="OncoTrialCommandLine.Run"/> does.
/// </summary>
public class DesignTwoArmCommandTests
{
    [Fact]
    public void Hazard_ratio_0_7_with_5_percent_dropout_needs_247_events_and_386_patients_as_rpact()
    {
        var (rc, output, _) = Run("--hr", "0.7", "--median-control", "12", "--dropout", "0.05", "--format", "json");
        Assert.Equal(0, rc);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(247, root.GetProperty("events").GetInt32());
        Assert.Equal(386, root.GetProperty("patients").GetInt32());

        // rpact eventsFixed 246.78710454735841, nFixed 385.2667582731782 (tests/oracle/fixtures/design-rpact.json).
        Assert.Equal(246.78710454735841, root.GetProperty("events_exact").GetDouble(), 1e-9);
        Assert.Equal(385.2667582731782, root.GetProperty("patients_exact").GetDouble(), 1e-9);
    }

    [Fact]
    public void Medians_give_the_hazard_ratio_and_equal_medians_are_refused()
    {
        var (rc, output, _) = Run("--median-control", "12", "--median-treatment", "12", "--format", "json");
        Assert.Equal(2, rc);
        Assert.Empty(output);
        (rc, output, _) = Run("--median-control", "6", "--median-treatment", "9", "--method", "freedman", "--alpha", "0.05", "--sides", "2", "--format", "json");
        Assert.Equal(0, rc);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("freedman", doc.RootElement.GetProperty("method").GetString());
        Assert.Equal(6.0 / 9.0, doc.RootElement.GetProperty("hazard_ratio").GetDouble(), 1e-14);
    }

    [Fact]
    public void Three_obf_stages_report_the_rpact_maximum_and_expected_events()
    {
        var (rc, output, _) = Run("--hr", "0.7", "--median-control", "12", "--dropout", "0.05", "--stages", "3", "--spending", "obf", "--format", "json");
        Assert.Equal(0, rc);
        using var doc = JsonDocument.Parse(output);
        var gs = doc.RootElement.GetProperty("group_sequential");
        Assert.Equal(250, gs.GetProperty("max_events").GetInt32());
        Assert.Equal(249.94469931970048, gs.GetProperty("max_events_exact").GetDouble(), 1e-5);
        Assert.Equal(213.61126118235202, gs.GetProperty("expected_events_h1").GetDouble(), 1e-5);
        Assert.Equal(3, gs.GetProperty("critical_values").GetArrayLength());
    }

    [Fact]
    public void Non_binding_futility_bounds_give_the_rpact_maximum_events()
    {
        var (rc, output, _) = Run("--hr", "0.7", "--median-control", "12", "--dropout", "0.05", "--stages", "3", "--futility", "0,0.5", "--format", "json");
        Assert.Equal(0, rc);
        using var doc = JsonDocument.Parse(output);
        var gs = doc.RootElement.GetProperty("group_sequential");

        // rpact getDesignGroupSequential(futilityBounds = c(0, 0.5), bindingFutility = FALSE): maxNumberOfEvents 262.1796.
        Assert.Equal(262.179591878348, gs.GetProperty("max_events_exact").GetDouble(), 1e-5);
        Assert.Equal(2, gs.GetProperty("futility_probabilities_h1").GetArrayLength());
    }

    [Fact]
    public void A_futility_bound_per_interim_look_is_required()
    {
        var (rc, _, error) = Run("--hr", "0.7", "--median-control", "12", "--stages", "3", "--futility", "0,x,1");
        Assert.Equal(2, rc);
        Assert.Contains("found \"x\"", error, StringComparison.Ordinal);
        Assert.Contains("--futility: expected one z value per interim look (2 for --stages 3), found 3.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_output_shows_inputs_intermediates_and_the_boundary_table()
    {
        var (rc, output, _) = Run("--hr", "0.7", "--median-control", "12", "--dropout", "0.05", "--stages", "3");
        Assert.Equal(0, rc);
        Assert.Contains("Fixed design: 247 events (246.787), 386 patients", output, StringComparison.Ordinal);
        Assert.Contains("maximum 250 events (249.945)", output, StringComparison.Ordinal);
        Assert.Matches(@"\n +1 +0\.3333 +83\.3 +3\.7103 ", output);
    }

    [Fact]
    public void A_missing_effect_and_control_median_are_both_reported_with_exit_code_2()
    {
        var (rc, output, error) = Run("--power", "0.9");
        Assert.Equal(2, rc);
        Assert.Empty(output);
        Assert.Contains("--median-control: expected the control arm's median", error, StringComparison.Ordinal);
        Assert.Contains("--hr: expected the effect under H1, --hr or --median-treatment, found neither.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Interim_analyses_with_a_two_sided_test_are_refused_with_the_fix()
    {
        var (rc, _, error) = Run("--hr", "0.7", "--median-control", "12", "--alpha", "0.05", "--sides", "2", "--stages", "3");
        Assert.Equal(2, rc);
        Assert.Contains("Use --sides 1 with alpha halved", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => CliRunner.Run(["design", "two-arm-survival", .. args]);
}
