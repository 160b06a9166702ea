using System.Text.Json;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Statistics.Tests.Design;

/// <summary>Tier B: A'Hern single-stage designs and Simon operating characteristics against R (tests/oracle/design-simon.R).</summary>
public class DesignOracleTests
{
    private static readonly JsonElement Fixture = OracleFixtures.Load("design-simon");

    [Fact]
    public void Single_stage_designs_match_R_in_n_r_alpha_and_power()
    {
        var cases = Fixture.GetProperty("single_stage").EnumerateArray().ToList();
        Assert.Equal(45, cases.Count);
        foreach (var c in cases)
        {
            double p0 = c.GetProperty("p0").GetDouble();
            double p1 = c.GetProperty("p1").GetDouble();
            double a = c.GetProperty("alpha_target").GetDouble();
            double pw = c.GetProperty("power_target").GetDouble();
            var d = SingleStageBinomialDesign.Find(p0, p1, a, pw);
            string what = FormattableString.Invariant($"single stage {p0}->{p1}, alpha {a}, power {pw}");
            Assert.NotNull(d);
            Assert.True(c.GetProperty("n").GetInt32() == d.N, what + " n");
            Assert.True(c.GetProperty("r").GetInt32() == d.MinimumResponses, what + " r");
            OracleFixtures.AssertClose(c.GetProperty("alpha").GetDouble(), d.Alpha, what + " alpha");
            OracleFixtures.AssertClose(c.GetProperty("power").GetDouble(), d.Power, what + " power");
        }
    }

    [Fact]
    public void Simon_operating_characteristics_match_R()
    {
        foreach (var c in Fixture.GetProperty("simon_oc").EnumerateArray())
        {
            int Int(string k) => c.GetProperty(k).GetInt32();
            var d = SimonTwoStageDesign.Evaluate(c.GetProperty("p0").GetDouble(), c.GetProperty("p1").GetDouble(), Int("r1"), Int("n1"), Int("r"), Int("n"));
            string what = FormattableString.Invariant($"{d.P0}->{d.P1} {d.R1}/{d.N1}, {d.R}/{d.N}");
            OracleFixtures.AssertClose(c.GetProperty("pet0").GetDouble(), d.EarlyTerminationProbability0, what + " PET0");
            OracleFixtures.AssertClose(c.GetProperty("en0").GetDouble(), d.ExpectedSampleSize0, what + " EN0");
            OracleFixtures.AssertClose(c.GetProperty("alpha").GetDouble(), d.Alpha, what + " alpha");
            OracleFixtures.AssertClose(c.GetProperty("power").GetDouble(), d.Power, what + " power");
        }
    }

    [Fact]
    public void The_single_stage_design_for_10_versus_30_percent_is_the_smallest_that_works()
    {
        var d = SingleStageBinomialDesign.Find(0.10, 0.30, 0.05, 0.80);
        Assert.NotNull(d);
        Assert.True(d.Alpha <= 0.05 && d.Power >= 0.80);
        Assert.Null(SingleStageBinomialDesign.Find(0.10, 0.30, 0.05, 0.80, maxN: d.N - 1));
    }
}
