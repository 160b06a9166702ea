using System.Text.Json;

namespace OncoTrial.Statistics.Tests.Survival;

/// <summary>
/// Tier B: every number of R <c>coxph</c> in tests/oracle/fixtures/cox.json (written by tests/oracle/cox.R) at
/// 1e-10 relative, for R's default control (same iteration count and stopping point) and for a tight control
/// (eps = 1e-13) where both sit at the maximum.
/// </summary>
public class CoxOracleTests
{
    private static readonly JsonElement Fixture = OracleFixtures.Load("cox");

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        int i = 0;
        foreach (JsonElement c in Fixture.GetProperty("cases").EnumerateArray())
        {
            data.Add(i++, c.GetProperty("name").GetString() + "/" + c.GetProperty("ties").GetString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Default_control_matches_R_coxph_including_the_iteration_count(int index, string label)
    {
        JsonElement c = Fixture.GetProperty("cases")[index];
        CoxFit fit = FitCase(c, CoxOptions.Default);
        Compare(c, c.GetProperty("default"), fit, label + "/default");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tight_control_matches_R_coxph_at_the_maximum(int index, string label)
    {
        JsonElement c = Fixture.GetProperty("cases")[index];
        CoxFit fit = FitCase(c, CoxOptions.Default with { Tolerance = 1e-13, MaxIterations = 100 });
        Compare(c, c.GetProperty("tight"), fit, label + "/tight");
    }

    internal static CoxFit FitCase(JsonElement c, CoxOptions options)
    {
        JsonElement data = c.GetProperty("data");
        double[] time = OracleFixtures.Doubles(data.GetProperty("time"));
        int[] status = OracleFixtures.Ints(data.GetProperty("status"));
        var covariates = new List<CoxCovariate>();
        foreach (JsonElement cov in data.GetProperty("covariates").EnumerateArray())
        {
            string name = cov.GetProperty("name").GetString()!;
            if (cov.GetProperty("type").GetString() == "numeric")
            {
                covariates.Add(CoxCovariate.Numeric(name, OracleFixtures.Doubles(cov.GetProperty("values"))));
            }
            else
            {
                JsonElement reference = cov.GetProperty("reference");
                covariates.Add(CoxCovariate.Categorical(
                    name,
                    OracleFixtures.Strings(cov.GetProperty("values")),
                    reference.ValueKind == JsonValueKind.String ? reference.GetString() : null));
            }
        }

        int[] strata = data.GetProperty("strata").ValueKind == JsonValueKind.Null ? [] : OracleFixtures.Ints(data.GetProperty("strata"));
        int[] weights = data.GetProperty("weights").ValueKind == JsonValueKind.Null ? [] : OracleFixtures.Ints(data.GetProperty("weights"));
        CoxTies ties = c.GetProperty("ties").GetString() == "efron" ? CoxTies.Efron : CoxTies.Breslow;
        return CoxModel.Fit(time, status, covariates, options with { Ties = ties }, strata, weights);
    }

    private static void Compare(JsonElement c, JsonElement r, CoxFit fit, string label)
    {
        Assert.True(fit.Converged, label + ": not converged");
        Assert.Empty(fit.Warnings);
        Assert.Equal(r.GetProperty("iterations").GetInt32(), fit.Iterations);
        Assert.Equal(r.GetProperty("n").GetInt32(), fit.N);
        Assert.Equal(r.GetProperty("events").GetDouble(), fit.Events);
        string[] terms = OracleFixtures.Strings(c.GetProperty("terms"));
        Assert.Equal(terms, fit.Terms.Select(t => t.Name).ToArray());
        int p = terms.Length;
        double[] coef = OracleFixtures.Doubles(r.GetProperty("coef"));
        double[] se = OracleFixtures.Doubles(r.GetProperty("se"));
        double[] hr = OracleFixtures.Doubles(r.GetProperty("hazard_ratio"));
        double[] lower = OracleFixtures.Doubles(r.GetProperty("lower"));
        double[] upper = OracleFixtures.Doubles(r.GetProperty("upper"));
        double[] z = OracleFixtures.Doubles(r.GetProperty("z"));
        double[] pv = OracleFixtures.Doubles(r.GetProperty("p"));
        double[] cov = OracleFixtures.Doubles(r.GetProperty("covariance"));
        for (int j = 0; j < p; j++)
        {
            CoxTerm t = fit.Terms[j];
            string w = label + "/" + t.Name;
            OracleFixtures.AssertClose(coef[j], t.Coefficient, w + " coef");
            OracleFixtures.AssertClose(se[j], t.StandardError, w + " se");
            OracleFixtures.AssertClose(hr[j], t.HazardRatio, w + " HR");
            OracleFixtures.AssertClose(lower[j], t.Lower, w + " lower");
            OracleFixtures.AssertClose(upper[j], t.Upper, w + " upper");
            OracleFixtures.AssertClose(z[j], t.Z, w + " z");
            OracleFixtures.AssertClose(pv[j], t.PValue, w + " p");
            for (int k = 0; k < p; k++)
            {
                // R stores the matrix column-major; it is symmetric.
                OracleFixtures.AssertClose(cov[(k * p) + j], fit.Covariance[j][k], w + " covariance " + k);
            }
        }

        OracleFixtures.AssertClose(r.GetProperty("loglik_null").GetDouble(), fit.LogLikelihoodNull, label + " loglik null");
        OracleFixtures.AssertClose(r.GetProperty("loglik").GetDouble(), fit.LogLikelihood, label + " loglik");
        OracleFixtures.AssertClose(r.GetProperty("wald").GetDouble(), fit.Wald.ChiSquare, label + " wald");
        OracleFixtures.AssertClose(r.GetProperty("wald_p").GetDouble(), fit.Wald.PValue, label + " wald p");
        Assert.Equal(r.GetProperty("wald_df").GetInt32(), fit.Wald.DegreesOfFreedom);
        OracleFixtures.AssertClose(r.GetProperty("lr").GetDouble(), fit.LikelihoodRatio.ChiSquare, label + " lr");
        OracleFixtures.AssertClose(r.GetProperty("lr_p").GetDouble(), fit.LikelihoodRatio.PValue, label + " lr p");
        OracleFixtures.AssertClose(r.GetProperty("score").GetDouble(), fit.Score.ChiSquare, label + " score");
        OracleFixtures.AssertClose(r.GetProperty("score_p").GetDouble(), fit.Score.PValue, label + " score p");
    }
}
