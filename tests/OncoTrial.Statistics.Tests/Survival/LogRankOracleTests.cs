using System.Globalization;
using System.Text.Json;

namespace OncoTrial.Statistics.Tests.Survival;

/// <summary>
/// Tier B: every number of tests/oracle/fixtures/logrank.json (written by tests/oracle/logrank.R from
/// survival::survdiff and, for the weights survdiff lacks, from formulas computed in R) to 1e-10 relative.
/// </summary>
public class LogRankOracleTests
{
    private static readonly JsonElement Fixture = OracleFixtures.Load("logrank");

    public static TheoryData<string, int, bool> Cases()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var c in Fixture.GetProperty("cases").EnumerateArray())
        {
            int count = c.GetProperty("tests").GetArrayLength();
            for (int t = 0; t < count; t++)
            {
                data.Add(c.GetProperty("name").GetString()!, t, false);
                data.Add(c.GetProperty("name").GetString()!, t, true);
            }
        }

        return data;
    }

    private static JsonElement Case(string name) =>
        Fixture.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <param name="name">The fixture case.</param>
    /// <param name="testIndex">Which stored test (weighting) of the case.</param>
    /// <param name="halfShift">Adds 0.5 to every (integer) time, which keeps the order and the ties but takes the
    /// sort path instead of the integer histogram path.</param>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_number_matches_R(string name, int testIndex, bool halfShift)
    {
        var c = Case(name);
        var data = c.GetProperty("data");
        double[] time = OracleFixtures.Doubles(data.GetProperty("time"));
        if (halfShift)
        {
            time = time.Select(t => t + 0.5).ToArray();
        }

        int[] status = OracleFixtures.Ints(data.GetProperty("status"));
        int[] group = OracleFixtures.Ints(data.GetProperty("group"));
        int[] strata = OracleFixtures.Ints(data.GetProperty("strata"));
        int k = c.GetProperty("group_count").GetInt32();
        var test = c.GetProperty("tests")[testIndex];
        var options = new LogRankOptions(
            Enum.Parse<LogRankWeighting>(test.GetProperty("weighting").GetString()!),
            test.GetProperty("rho").GetDouble(),
            test.GetProperty("gamma").GetDouble());

        var r = LogRankTest.Compute(time, status, group, k, options, strata);
        string what = string.Create(CultureInfo.InvariantCulture, $"{name} {options}");

        Assert.Equal(k, r.GroupCount);
        Assert.Equal(c.GetProperty("strata_count").GetInt32(), r.StrataCount);
        Assert.Same(options, r.Options);
        double[] n = OracleFixtures.Doubles(c.GetProperty("n"));
        double[] score = OracleFixtures.Doubles(test.GetProperty("score"));
        double[] variance = OracleFixtures.Doubles(test.GetProperty("variance"));
        for (int g = 0; g < k; g++)
        {
            OracleFixtures.AssertClose(n[g], r.N[g], $"{what} N[{g}]");
            OracleFixtures.AssertClose(score[g], r.Score[g], $"{what} score[{g}]");
            for (int h = 0; h < k; h++)
            {
                OracleFixtures.AssertClose(variance[(g * k) + h], r.Variance[g][h], $"{what} var[{g},{h}]");
            }
        }

        if (test.TryGetProperty("observed", out var observed))
        {
            double[] o = OracleFixtures.Doubles(observed);
            double[] e = OracleFixtures.Doubles(test.GetProperty("expected"));
            for (int g = 0; g < k; g++)
            {
                OracleFixtures.AssertClose(o[g], r.Observed[g], $"{what} observed[{g}]");
                OracleFixtures.AssertClose(e[g], r.Expected[g], $"{what} expected[{g}]");
            }
        }

        if (test.TryGetProperty("obs_weighted", out var obsWeighted))
        {
            // survdiff(rho = 1) prints weighted O and E; only their difference (the score) is comparable.
            double[] o = OracleFixtures.Doubles(obsWeighted);
            double[] e = OracleFixtures.Doubles(test.GetProperty("exp_weighted"));
            for (int g = 0; g < k; g++)
            {
                OracleFixtures.AssertClose(o[g] - e[g], r.Score[g], $"{what} obs - exp (weighted)[{g}]");
            }
        }

        Assert.Equal(test.GetProperty("df").GetInt32(), r.Test.DegreesOfFreedom);
        OracleFixtures.AssertClose(test.GetProperty("chisq").GetDouble(), r.Test.ChiSquare, $"{what} chisq");
        OracleFixtures.AssertClose(test.GetProperty("p").GetDouble(), r.Test.PValue, $"{what} p");
    }

    [Fact]
    public void The_fixture_covers_every_weighting_and_stratified_cases()
    {
        var cases = Fixture.GetProperty("cases").EnumerateArray().ToList();
        Assert.True(cases.Count >= 9);
        var weightings = cases.SelectMany(c => c.GetProperty("tests").EnumerateArray()).Select(t => t.GetProperty("weighting").GetString()).ToHashSet();
        Assert.Equal(Enum.GetNames<LogRankWeighting>().Length, weightings.Count);
        Assert.Contains(cases, c => c.GetProperty("strata_count").GetInt32() > 1);
        Assert.Contains(cases, c => c.GetProperty("group_count").GetInt32() > 2);
    }
}
