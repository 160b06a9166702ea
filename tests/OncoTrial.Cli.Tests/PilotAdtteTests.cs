using System.Text.Json;

namespace OncoTrial.Cli.Tests;

/// <summary>
/// The acceptance command on a real ADaM file: the CDISC pilot ADTTE in XPT, with --censor and --where,
/// against R (tests/oracle/pilot-adtte.R, foreign::read.xport + survival) to 1e-10 relative. The pilot files live in
/// ../shared/data (outside the repository); when absent the test reports itself skipped.
/// </summary>
public class PilotAdtteTests
{
    [Theory]
    [InlineData("efron")]
    [InlineData("breslow")]
    public void Survival_on_the_pilot_ADTTE_XPT_matches_R(string ties)
    {
        string file = RepositoryPaths.RequireSharedFile(Path.Combine("cdiscpilot01", "adam-adtte.xpt"));

        var (rc, stdout, error) = CliRunner.Run(
            "survival", "--input", file, "--time", "AVAL", "--censor", "CNSR", "--group", "TRTA", "--where", "PARAMCD=TTDE", "--ties", ties, "--format", "json");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, rc);
        using var ours = JsonDocument.Parse(stdout);
        using var r = JsonDocument.Parse(File.ReadAllText(OracleFixtures.PathOf("pilot-adtte")));

        var groups = ours.RootElement.GetProperty("groups");
        var rGroups = r.RootElement.GetProperty("groups");
        Assert.Equal(rGroups.GetArrayLength(), groups.GetArrayLength());
        for (int g = 0; g < groups.GetArrayLength(); g++)
        {
            Assert.Equal(rGroups[g].GetProperty("group").GetString(), groups[g].GetProperty("group").GetString());
            Assert.Equal(rGroups[g].GetProperty("n").GetInt32(), groups[g].GetProperty("n").GetInt32());
            Assert.Equal(rGroups[g].GetProperty("events").GetInt32(), groups[g].GetProperty("events").GetInt32());
            for (int q = 0; q < 3; q++)
            {
                var quantile = groups[g].GetProperty("quantiles")[q];
                Close(rGroups[g].GetProperty("quantile_estimate")[q], quantile.GetProperty("estimate"));
                Close(rGroups[g].GetProperty("quantile_lower")[q], quantile.GetProperty("lower"));
                Close(rGroups[g].GetProperty("quantile_upper")[q], quantile.GetProperty("upper"));
            }
        }

        Close(r.RootElement.GetProperty("logrank").GetProperty("chisq"), ours.RootElement.GetProperty("logrank").GetProperty("chisq"));
        var rCox = r.RootElement.GetProperty("cox").EnumerateArray().Single(c => c.GetProperty("ties").GetString() == ties);
        var cox = ours.RootElement.GetProperty("cox");
        for (int t = 0; t < 2; t++)
        {
            Close(rCox.GetProperty("coef")[t], cox.GetProperty("terms")[t].GetProperty("coef"));
            Close(rCox.GetProperty("se")[t], cox.GetProperty("terms")[t].GetProperty("se"));
        }

        Close(rCox.GetProperty("loglik")[1], cox.GetProperty("loglik"));
        Close(rCox.GetProperty("lr"), cox.GetProperty("lr_chisq"));
        Close(rCox.GetProperty("wald"), cox.GetProperty("wald_chisq"));
        Close(rCox.GetProperty("score"), cox.GetProperty("score_chisq"));
    }

    private static void Close(JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
            return;
        }

        double e = expected.GetDouble();
        double a = actual.GetDouble();
        Assert.True(Math.Abs(a - e) <= (1e-10 * Math.Abs(e)) + 1e-14, $"expected {e:R}, found {a:R}");
    }
}
