using System.Text.Json;

namespace OncoTrial.Statistics.Tests.Survival;

/// <summary>Tier B: every Kaplan-Meier number against R survival 3.5 (tests/oracle/km.R), to 1e-10 relative.</summary>
public class KaplanMeierOracleTests
{
    private static readonly JsonElement Fixture = OracleFixtures.Load("km");

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Curve_standard_errors_and_pointwise_limits_match_R_for_every_transform_and_level(string name)
    {
        var c = Case(name);
        foreach (var fit in c.GetProperty("fits").EnumerateArray())
        {
            var options = Options(fit, QuantileRule.RQuantile);
            var curve = KaplanMeier.Fit(OracleFixtures.Doubles(c.GetProperty("time")), OracleFixtures.Ints(c.GetProperty("status")), options: options);
            AssertCurve(curve, fit.GetProperty("curve"), $"{name} {options.Describe()}");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Quartiles_and_their_intervals_match_R_quantile_survfit(string name)
    {
        var c = Case(name);
        foreach (var fit in c.GetProperty("fits").EnumerateArray())
        {
            var options = Options(fit, QuantileRule.RQuantile);
            var curve = KaplanMeier.Fit(OracleFixtures.Doubles(c.GetProperty("time")), OracleFixtures.Ints(c.GetProperty("status")), options: options);
            AssertQuantiles(curve, fit.GetProperty("quantiles"), $"{name} {options.Describe()}");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_median_under_the_R_print_rule_matches_print_survfit(string name)
    {
        var c = Case(name);
        foreach (var fit in c.GetProperty("fits").EnumerateArray())
        {
            var options = Options(fit, QuantileRule.RPrint);
            var curve = KaplanMeier.Fit(OracleFixtures.Doubles(c.GetProperty("time")), OracleFixtures.Ints(c.GetProperty("status")), options: options);
            var expected = fit.GetProperty("print_median");
            var median = curve.Median;
            string what = $"{name} {options.Describe()} median";
            OracleFixtures.AssertClose(OracleFixtures.NullableDouble(expected.GetProperty("median")), median.Estimate, what);
            OracleFixtures.AssertClose(OracleFixtures.NullableDouble(expected.GetProperty("lower")), median.Lower, what + " lower");
            OracleFixtures.AssertClose(OracleFixtures.NullableDouble(expected.GetProperty("upper")), median.Upper, what + " upper");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Landmarks_with_carry_forward_match_R_summary_with_extend(string name)
    {
        var c = Case(name);
        foreach (var fit in c.GetProperty("fits").EnumerateArray())
        {
            var options = Options(fit, QuantileRule.RQuantile) with { LandmarkRule = LandmarkRule.CarryForward };
            var curve = KaplanMeier.Fit(OracleFixtures.Doubles(c.GetProperty("time")), OracleFixtures.Ints(c.GetProperty("status")), options: options);
            var expected = fit.GetProperty("landmarks");
            var times = OracleFixtures.Doubles(expected.GetProperty("time"));
            var nRisk = OracleFixtures.Doubles(expected.GetProperty("n_risk"));
            var surv = OracleFixtures.Doubles(expected.GetProperty("survival"));
            var se = OracleFixtures.Doubles(expected.GetProperty("std_err"));
            var lower = OracleFixtures.Doubles(expected.GetProperty("lower"));
            var upper = OracleFixtures.Doubles(expected.GetProperty("upper"));
            for (int i = 0; i < times.Length; i++)
            {
                var lm = curve.Landmark(times[i]);
                string what = $"{name} {options.Describe()} landmark t={times[i]}";
                Assert.Equal(nRisk[i], lm.AtRisk);
                OracleFixtures.AssertClose(surv[i], lm.Survival, what + " survival");
                AssertStandardError(se[i], lm.Survival, lm.StandardError, what);
                OracleFixtures.AssertClose(lower[i], lm.Lower, what + " lower");
                OracleFixtures.AssertClose(upper[i], lm.Upper, what + " upper");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reverse_Kaplan_Meier_follow_up_matches_R_with_the_status_flipped(string name)
    {
        var c = Case(name);
        var reverse = c.GetProperty("reverse");
        var options = KaplanMeierOptions.Default with { QuantileRule = QuantileRule.RQuantile };
        var curve = KaplanMeier.FitReverse(OracleFixtures.Doubles(c.GetProperty("time")), OracleFixtures.Ints(c.GetProperty("status")), options: options);
        AssertCurve(curve, reverse.GetProperty("curve"), name + " reverse");
        AssertQuantiles(curve, reverse.GetProperty("quantiles"), name + " reverse");
    }

    private static JsonElement Case(string name) =>
        Fixture.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static KaplanMeierOptions Options(JsonElement fit, QuantileRule rule) => KaplanMeierOptions.Default with
    {
        Transform = fit.GetProperty("conf_type").GetString() switch
        {
            "log-log" => SurvivalCiTransform.LogLog,
            "log" => SurvivalCiTransform.Log,
            "plain" => SurvivalCiTransform.Linear,
            "arcsin" => SurvivalCiTransform.ArcsineSqrt,
            "logit" => SurvivalCiTransform.Logit,
            var other => throw new InvalidOperationException("unknown conf_type " + other),
        },
        ConfidenceLevel = ConfidenceLevel.Create(fit.GetProperty("conf_level").GetDouble()),
        QuantileRule = rule,
    };

    private static void AssertCurve(KaplanMeierCurve curve, JsonElement expected, string what)
    {
        var time = OracleFixtures.Doubles(expected.GetProperty("time"));
        var nRisk = OracleFixtures.Doubles(expected.GetProperty("n_risk"));
        var nEvent = OracleFixtures.Doubles(expected.GetProperty("n_event"));
        var nCensor = OracleFixtures.Doubles(expected.GetProperty("n_censor"));
        var surv = OracleFixtures.Doubles(expected.GetProperty("survival"));
        var se = OracleFixtures.Doubles(expected.GetProperty("std_err"));
        var lower = OracleFixtures.Doubles(expected.GetProperty("lower"));
        var upper = OracleFixtures.Doubles(expected.GetProperty("upper"));
        Assert.Equal(time.Length, curve.Steps.Count);
        for (int i = 0; i < time.Length; i++)
        {
            var step = curve.Steps[i];
            string at = $"{what} t={time[i]}";
            Assert.Equal(time[i], step.Time);
            Assert.Equal(nRisk[i], step.AtRisk);
            Assert.Equal(nEvent[i], step.Events);
            Assert.Equal(nCensor[i], step.Censored);
            OracleFixtures.AssertClose(surv[i], step.Survival, at + " survival");
            AssertStandardError(se[i], step.Survival, step.StandardError, at);
            OracleFixtures.AssertClose(lower[i], step.Lower, at + " lower");
            OracleFixtures.AssertClose(upper[i], step.Upper, at + " upper");
        }
    }

    /// <summary>
    /// Where R's quantile.survfit departs from the Brookmeyer-Crowley set that SAS (and OncoTrial) use: R reads
    /// the band crossing with approx(), which re-sorts a non-monotone band. On aml with the log transform the upper
    /// band is 0.4584 at t=45 and 0.4623 at t=48: the BC set ends at 43, so the limit is the next event time 45
    /// (SAS CONFTYPE=LOG); R reports 48. See docs/decisions/0001-survival-defaults.md.
    /// </summary>
    private static readonly Dictionary<string, double?> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["aml 95% CI, log transform, r-quantile quantile rule, sas landmark rule p=0.5 upper"] = 45,
    };

    private static void AssertQuantiles(KaplanMeierCurve curve, JsonElement expected, string what)
    {
        var ps = OracleFixtures.Doubles(expected.GetProperty("p"));
        var est = OracleFixtures.Doubles(expected.GetProperty("estimate"));
        var lower = OracleFixtures.Doubles(expected.GetProperty("lower"));
        var upper = OracleFixtures.Doubles(expected.GetProperty("upper"));
        for (int i = 0; i < ps.Length; i++)
        {
            var q = curve.Quantile(ps[i]);
            string at = $"{what} p={ps[i]}";
            OracleFixtures.AssertClose(est[i], q.Estimate, at + " estimate");
            OracleFixtures.AssertClose(lower[i], q.Lower, at + " lower");
            if (KnownDifferences.TryGetValue(at + " upper", out double? ours))
            {
                Assert.Equal(ours, q.Upper);
                Assert.NotEqual(upper[i], q.Upper);
                continue;
            }

            OracleFixtures.AssertClose(upper[i], q.Upper, at + " upper");
        }
    }

    /// <summary>R prints NaN for the SE where Ŝ has reached 0; OncoTrial prints 0 there, as SAS does.</summary>
    private static void AssertStandardError(double expected, double? survival, double? actual, string what)
    {
        if (double.IsNaN(expected) && survival == 0.0)
        {
            Assert.Equal(0.0, actual);
            return;
        }

        OracleFixtures.AssertClose(expected, actual, what + " std_err");
    }
}
