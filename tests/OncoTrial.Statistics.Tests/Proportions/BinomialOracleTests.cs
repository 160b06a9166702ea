using System.Globalization;
using System.Text.Json;

namespace OncoTrial.Statistics.Tests.Proportions;

/// <summary>Tier B: every interval method and the exact test against R (tests/oracle/binomial.R).</summary>
public class BinomialOracleTests
{
    private static readonly JsonElement Fixture = OracleFixtures.Load("binomial");

    private static IEnumerable<JsonElement> Cases => Fixture.GetProperty("cases").EnumerateArray();

    public static TheoryData<BinomialCiMethod, string> Methods => new()
    {
        { BinomialCiMethod.ClopperPearson, "clopper_pearson" },
        { BinomialCiMethod.Wilson, "wilson" },
        { BinomialCiMethod.WilsonCorrected, "wilson_corrected" },
        { BinomialCiMethod.Jeffreys, "jeffreys" },
        { BinomialCiMethod.AgrestiCoull, "agresti_coull" },
        { BinomialCiMethod.Wald, "wald" },
    };

    public static TheoryData<BinomialAlternative, string> Alternatives => new()
    {
        { BinomialAlternative.Greater, "greater" },
        { BinomialAlternative.Less, "less" },
        { BinomialAlternative.TwoSided, "two_sided" },
    };

    [Fact]
    public void The_fixture_covers_the_whole_grid()
    {
        Assert.Equal(111, Cases.Count());
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Interval_limits_match_R_to_1e_10_relative(BinomialCiMethod method, string key)
    {
        foreach (JsonElement c in Cases)
        {
            (int x, int n, ConfidenceLevel level) = Read(c);
            double[] expected = OracleFixtures.Doubles(c.GetProperty(key));
            ProportionEstimate actual = BinomialInterval.Compute(x, n, method, level);
            string what = string.Create(CultureInfo.InvariantCulture, $"{method} {x}/{n} at {level}");
            OracleFixtures.AssertClose(c.GetProperty("estimate").GetDouble(), actual.Estimate, what + " estimate");
            OracleFixtures.AssertClose(expected[0], actual.Lower, what + " lower");
            OracleFixtures.AssertClose(expected[1], actual.Upper, what + " upper");
        }
    }

    [Theory]
    [MemberData(nameof(Alternatives))]
    public void Exact_test_p_values_match_R_binom_test_to_1e_10_relative(BinomialAlternative alternative, string key)
    {
        foreach (JsonElement c in Cases)
        {
            (int x, int n, _) = Read(c);
            foreach (JsonElement t in c.GetProperty("binom_test").EnumerateArray())
            {
                double p0 = t.GetProperty("p0").GetDouble();
                BinomialTestResult actual = BinomialTest.Exact(x, n, p0, alternative);
                OracleFixtures.AssertClose(
                    t.GetProperty(key).GetDouble(),
                    actual.PValue,
                    string.Create(CultureInfo.InvariantCulture, $"{alternative} {x}/{n} vs p0 = {p0}"));
            }
        }
    }

    [Fact]
    public void Normal_critical_values_match_R_qnorm()
    {
        foreach (JsonElement c in Cases)
        {
            (_, _, ConfidenceLevel level) = Read(c);
            OracleFixtures.AssertClose(c.GetProperty("z").GetDouble(), level.Z, string.Create(CultureInfo.InvariantCulture, $"z at {level}"), 1e-14);
        }
    }

    [Fact]
    public void R_prop_test_with_its_default_null_drops_the_continuity_correction_only_at_x_equal_to_n_over_2()
    {
        foreach (JsonElement c in Cases)
        {
            (int x, int n, ConfidenceLevel level) = Read(c);
            double[] defaultP = OracleFixtures.Doubles(c.GetProperty("wilson_corrected_default_p"));
            string key = 2 * x == n ? "wilson" : "wilson_corrected";
            double[] expected = OracleFixtures.Doubles(c.GetProperty(key));
            string what = string.Create(CultureInfo.InvariantCulture, $"prop.test default p, {x}/{n} at {level}");
            OracleFixtures.AssertClose(expected[0], defaultP[0], what + " lower");
            OracleFixtures.AssertClose(expected[1], defaultP[1], what + " upper");
        }
    }

    private static (int X, int N, ConfidenceLevel Level) Read(JsonElement c) =>
        ((int)c.GetProperty("x").GetDouble(), (int)c.GetProperty("n").GetDouble(), ConfidenceLevel.Create(c.GetProperty("level").GetDouble()));
}
