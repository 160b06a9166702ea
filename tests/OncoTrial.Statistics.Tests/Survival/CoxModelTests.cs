
namespace OncoTrial.Statistics.Tests.Survival;

/// <summary>Tier A (hand-computed), Tier C (published aml values), properties and validation of <see cref="CoxModel"/>.</summary>
public class CoxModelTests
{
    // aml (Miller 1981), docs/reference/survival-conventions.md §5.
    private static readonly double[] AmlTime = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45];
    private static readonly int[] AmlStatus = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1];
    private static readonly string[] AmlGroup = [.. Enumerable.Repeat("Maintained", 11), .. Enumerable.Repeat("Nonmaintained", 12)];

    private static CoxFit FitAml(CoxTies ties) =>
        CoxModel.Fit(AmlTime, AmlStatus, [CoxCovariate.Categorical("x", AmlGroup, reference: "Nonmaintained")], new CoxOptions { Ties = ties });

    [Fact]
    public void Aml_with_Efron_ties_reproduces_the_golden_R_values()
    {
        CoxFit fit = FitAml(CoxTies.Efron);
        CoxTerm t = Assert.Single(fit.Terms);
        Assert.Equal("x=Maintained", t.Name);
        Near(-0.915532575, t.Coefficient);
        Near(0.511934275, t.StandardError);
        Near(0.400303378, t.HazardRatio);
        Near(0.146767538, t.Lower);
        Near(1.091813600, t.Upper);
        Near(0.073714861, t.PValue);
        Near(3.384447333, fit.LikelihoodRatio.ChiSquare);
        Near(3.416734396, fit.Score.ChiSquare);
        Assert.Equal(23, fit.N);
        Assert.Equal(18.0, fit.Events);
        Assert.True(fit.Converged);
        Assert.Empty(fit.Warnings);
        Assert.Equal(CoxTies.Efron, fit.Options.Ties);
    }

    [Fact]
    public void Aml_with_Breslow_ties_reproduces_the_golden_R_values()
    {
        CoxFit fit = FitAml(CoxTies.Breslow);
        CoxTerm t = Assert.Single(fit.Terms);
        Near(-0.904219724, t.Coefficient);
        Near(0.512247907, t.StandardError);
        Near(0.404857663, t.HazardRatio);
        Near(0.148346107, t.Lower);
        Near(1.104914245, t.Upper);
        Near(0.077530251, t.PValue);
        Near(3.296019094, fit.LikelihoodRatio.ChiSquare);
        Near(3.322561416, fit.Score.ChiSquare);
    }

    /// <summary>
    /// Four subjects, x = 1, 0, 1, 0; A (x=1) dies at 1, B (x=0) at 2, C (x=1) at 3, D (x=0) censored at 4. With
    /// θ = e^β the partial likelihood is θ/(2θ+2) · 1/(θ+2) · θ/(θ+1) = θ²/(2(θ+1)²(θ+2)); no ties, so Breslow = Efron.
    /// d log L/dθ = 2/θ − 2/(θ+1) − 1/(θ+2) = 0 ⇔ θ² − θ − 4 = 0 ⇔ θ̂ = (1 + √17)/2.
    /// U(β) = 2 − 2θ/(θ+1) − θ/(θ+2), I(β) = 2θ/(θ+1)² + 2θ/(θ+2)²; at β = 0: U = 2/3, I = 13/18, score χ² = 8/13;
    /// ℓ(0) = log(1/24).
    /// </summary>
    [Theory]
    [InlineData(CoxTies.Efron)]
    [InlineData(CoxTies.Breslow)]
    public void Four_subjects_without_ties_give_the_hand_computed_maximum(CoxTies ties)
    {
        CoxFit fit = CoxModel.Fit([1, 2, 3, 4], [1, 1, 1, 0], [CoxCovariate.Numeric("x", [1, 0, 1, 0])], new CoxOptions { Ties = ties, Tolerance = 1e-13 });
        double theta = (1.0 + Math.Sqrt(17.0)) / 2.0;
        double info = (2 * theta / ((theta + 1) * (theta + 1))) + (2 * theta / ((theta + 2) * (theta + 2)));
        double loglik = Math.Log(theta * theta / (2 * (theta + 1) * (theta + 1) * (theta + 2)));
        Near(Math.Log(theta), fit.Terms[0].Coefficient, 1e-12);
        Near(Math.Sqrt(1 / info), fit.Terms[0].StandardError, 1e-12);
        Near(Math.Log(1.0 / 24.0), fit.LogLikelihoodNull, 1e-14);
        Near(loglik, fit.LogLikelihood, 1e-14);
        Near(8.0 / 13.0, fit.Score.ChiSquare, 1e-14);
        Near(2 * (loglik - Math.Log(1.0 / 24.0)), fit.LikelihoodRatio.ChiSquare, 1e-12);
        Near(Math.Log(theta) * Math.Log(theta) * info, fit.Wald.ChiSquare, 1e-12);
    }

    /// <summary>
    /// A (x=1) and B (x=0) both die at 1, C (x=1) dies at 3, D (x=0) is censored at 4. The risk set at 1 has
    /// S₀ = 2θ + 2 and the tied events' D₀ = θ + 1. Breslow: θ·1/(2θ+2)² · θ/(θ+1) = θ²/(4(θ+1)³). Efron:
    /// θ/((2θ+2)(2θ+2 − (θ+1)/2)) · θ/(θ+1) = θ²/(3(θ+1)³). Both are proportional to θ²/(θ+1)³, so β̂ = log 2,
    /// I = 3θ/(θ+1)² = 2/3 (SE √1.5), U(0) = 1/2, I(0) = 3/4, score χ² = 1/3 and LR = 2 log(32/27) are common;
    /// only ℓ differs: Breslow ℓ(0) = log(1/32), ℓ(β̂) = log(1/27); Efron ℓ(0) = log(1/24), ℓ(β̂) = log(4/81).
    /// </summary>
    [Fact]
    public void Four_subjects_with_a_tie_give_the_hand_computed_Breslow_and_Efron_likelihoods()
    {
        double[] time = [1, 1, 3, 4];
        int[] status = [1, 1, 1, 0];
        CoxCovariate[] x = [CoxCovariate.Numeric("x", [1, 0, 1, 0])];
        CoxFit breslow = CoxModel.Fit(time, status, x, new CoxOptions { Ties = CoxTies.Breslow, Tolerance = 1e-13 });
        CoxFit efron = CoxModel.Fit(time, status, x, new CoxOptions { Ties = CoxTies.Efron, Tolerance = 1e-13 });
        foreach (CoxFit fit in new[] { breslow, efron })
        {
            Near(Math.Log(2), fit.Terms[0].Coefficient, 1e-12);
            Near(Math.Sqrt(1.5), fit.Terms[0].StandardError, 1e-12);
            Near(1.0 / 3.0, fit.Score.ChiSquare, 1e-14);
            Near(2 * Math.Log(32.0 / 27.0), fit.LikelihoodRatio.ChiSquare, 1e-12);
        }

        Near(Math.Log(1.0 / 32.0), breslow.LogLikelihoodNull, 1e-14);
        Near(Math.Log(1.0 / 27.0), breslow.LogLikelihood, 1e-14);
        Near(Math.Log(1.0 / 24.0), efron.LogLikelihoodNull, 1e-14);
        Near(Math.Log(4.0 / 81.0), efron.LogLikelihood, 1e-14);
    }

    [Theory]
    [InlineData(CoxTies.Efron)]
    [InlineData(CoxTies.Breslow)]
    public void Row_order_does_not_change_the_fit(CoxTies ties)
    {
        var d = Synthetic(120, seed: 7);
        CoxFit a = FitSynthetic(d, ties);
        int[] perm = [.. Enumerable.Range(0, d.Time.Length).OrderBy(i => (i * 7919) % 121)];
        var shuffled = d.Permute(perm);
        CoxFit b = FitSynthetic(shuffled, ties);
        AssertSameFit(a, b, 1e-12);
    }

    [Theory]
    [InlineData(CoxTies.Efron)]
    [InlineData(CoxTies.Breslow)]
    public void Positive_case_weights_without_strata_equal_replicated_rows(CoxTies ties)
    {
        var d = Synthetic(80, seed: 12);
        var rng = new Random(4);
        int[] w = [.. d.Time.Select(_ => rng.Next(1, 4))];
        CoxFit weighted = CoxModel.Fit(d.Time, d.Status, d.Covariates(), new CoxOptions { Ties = ties, Tolerance = 1e-13 }, default, w);
        var rows = new List<int>();
        for (int i = 0; i < w.Length; i++)
        {
            rows.AddRange(Enumerable.Repeat(i, w[i]));
        }

        var replicated = d.Permute([.. rows]);
        CoxFit expanded = CoxModel.Fit(replicated.Time, replicated.Status, replicated.Covariates(), new CoxOptions { Ties = ties, Tolerance = 1e-13 });
        Assert.Equal(expanded.Events, weighted.Events);
        AssertSameFit(expanded, weighted, 1e-11);
    }

    [Theory]
    [InlineData(CoxTies.Efron)]
    [InlineData(CoxTies.Breslow)]
    public void Integer_case_weights_equal_replicated_rows(CoxTies ties)
    {
        var d = Synthetic(80, seed: 11);
        var rng = new Random(3);
        int[] w = [.. d.Time.Select(_ => rng.Next(0, 4))];
        CoxFit weighted = CoxModel.Fit(d.Time, d.Status, d.Covariates(), new CoxOptions { Ties = ties, Tolerance = 1e-13 }, d.Strata, w);
        var rows = new List<int>();
        for (int i = 0; i < w.Length; i++)
        {
            rows.AddRange(Enumerable.Repeat(i, w[i]));
        }

        var replicated = d.Permute([.. rows]);
        CoxFit expanded = FitSynthetic(replicated, ties);
        Assert.Equal(expanded.Events, weighted.Events);
        AssertSameFit(expanded, weighted, 1e-11);
    }

    [Fact]
    public void Scaling_a_numeric_covariate_by_c_divides_its_coefficient_and_standard_error_by_c()
    {
        var d = Synthetic(100, seed: 5);
        CoxFit a = FitSynthetic(d, CoxTies.Efron);
        double[] scaled = [.. d.Z.Select(v => v * 12.5)];
        CoxFit b = CoxModel.Fit(
            d.Time, d.Status, [CoxCovariate.Numeric("trt", d.Trt), CoxCovariate.Numeric("z", scaled), CoxCovariate.Categorical("grp", d.Group)],
            new CoxOptions { Tolerance = 1e-13 }, d.Strata);
        Near(a.Terms[1].Coefficient / 12.5, b.Terms[1].Coefficient, 1e-11);
        Near(a.Terms[1].StandardError / 12.5, b.Terms[1].StandardError, 1e-11);
        Near(a.Terms[0].Coefficient, b.Terms[0].Coefficient, 1e-11);
        Near(a.LogLikelihood, b.LogLikelihood, 1e-13);
        Near(a.Score.ChiSquare, b.Score.ChiSquare, 1e-12);
    }

    [Fact]
    public void Changing_the_reference_level_flips_the_sign_of_a_two_level_term()
    {
        CoxFit a = CoxModel.Fit(AmlTime, AmlStatus, [CoxCovariate.Categorical("x", AmlGroup)]);
        CoxFit b = FitAml(CoxTies.Efron);
        Assert.Equal("x=Nonmaintained", a.Terms[0].Name);
        Near(-b.Terms[0].Coefficient, a.Terms[0].Coefficient, 1e-12);
        Near(b.Terms[0].StandardError, a.Terms[0].StandardError, 1e-12);
        Near(b.LogLikelihood, a.LogLikelihood, 1e-14);
    }

    [Fact]
    public void Strata_with_one_stratum_per_code_equal_the_sum_of_separate_likelihoods_at_zero()
    {
        var d = Synthetic(90, seed: 13);
        CoxFit all = FitSynthetic(d, CoxTies.Efron);
        double sum = 0;
        for (int s = 0; s < 2; s++)
        {
            int[] rows = [.. Enumerable.Range(0, d.Time.Length).Where(i => d.Strata[i] == s)];
            var part = d.Permute(rows);
            sum += CoxModel.Fit(part.Time, part.Status, part.Covariates()).LogLikelihoodNull;
        }

        Near(sum, all.LogLikelihoodNull, 1e-13);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(20000)]
    public void The_radix_sort_orders_times_descending_with_events_first_at_equal_times(int n)
    {
        var rng = new Random(17);
        double[] time = [.. Enumerable.Range(0, n).Select(i => i % 50 == 0 ? 0.0 : Math.Round(rng.NextDouble() * 300, 1))];
        int[] status = [.. Enumerable.Range(0, n).Select(_ => rng.Next(2))];
        int[] order = CoxModel.SortByTimeDescending(time, status);
        Assert.Equal(Enumerable.Range(0, n), order.Order());
        for (int k = 1; k < n; k++)
        {
            double before = time[order[k - 1]], after = time[order[k]];
            Assert.True(before > after || (before == after && status[order[k - 1]] >= status[order[k]]), $"position {k}");
        }
    }

    [Fact]
    public void A_group_without_events_gives_a_monotone_likelihood_warning_not_an_exception()
    {
        double[] time = [1, 2, 3, 4, 5, 6, 7, 8];
        int[] status = [1, 1, 1, 1, 0, 0, 0, 0];
        string[] arm = ["A", "A", "A", "A", "B", "B", "B", "B"];
        CoxFit fit = CoxModel.Fit(time, status, [CoxCovariate.Categorical("arm", arm)]);
        Assert.Contains(fit.Warnings, w => w.Code == "cox.monotone_likelihood" && w.Message.Contains("arm=B", StringComparison.Ordinal));
        Assert.True(fit.Terms[0].Coefficient < -5);
    }

    [Fact]
    public void Too_few_iterations_give_a_not_converged_warning()
    {
        var d = Synthetic(60, seed: 2);
        CoxFit fit = CoxModel.Fit(d.Time, d.Status, d.Covariates(), new CoxOptions { MaxIterations = 1 }, d.Strata);
        Assert.False(fit.Converged);
        Assert.Equal(1, fit.Iterations);
        Assert.Contains(fit.Warnings, w => w.Code == "cox.not_converged");
    }

    [Fact]
    public void A_covariate_of_the_wrong_length_is_rejected_with_its_name()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            CoxModel.Fit([1, 2, 3], [1, 0, 1], [CoxCovariate.Numeric("age", [60, 70])]));
        Assert.Contains("covariate age: expected one value per observation (3), found 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_covariate_is_reported_with_name_and_row_in_one_message()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            CoxModel.Fit(
                [1, 2, 3],
                [1, 0, 1],
                [CoxCovariate.Numeric("age", [60, double.NaN, 70]), CoxCovariate.Categorical("sex", ["F", "M", null!])]));
        Assert.Contains("covariate age, row 1: expected a finite number, found NaN", ex.Message, StringComparison.Ordinal);
        Assert.Contains("covariate sex, row 2: expected a level, found null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_covariate_is_rejected_with_its_name()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            CoxModel.Fit([1, 2, 3, 4], [1, 0, 1, 1], [CoxCovariate.Numeric("x", [1, 0, 1, 0]), CoxCovariate.Numeric("site", [3, 3, 3, 3])]));
        Assert.Contains("covariate site", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collinear_covariate_is_rejected_with_its_name()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            CoxModel.Fit([1, 2, 3, 4, 5], [1, 0, 1, 1, 1], [CoxCovariate.Numeric("a", [1, 0, 2, 0, 1]), CoxCovariate.Numeric("b", [2, 0, 4, 0, 2])]));
        Assert.Contains("covariate b: the term is constant within every risk set or a linear combination", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_without_events_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => CoxModel.Fit([1, 2, 3], [0, 0, 0], [CoxCovariate.Numeric("x", [1, 0, 1])]));
        Assert.Contains("expected at least one event", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Survival_input_problems_are_reported_by_the_shared_validation()
    {
        var ex = Assert.Throws<ArgumentException>(() => CoxModel.Fit([1, -2, 3], [1, 0, 1], [CoxCovariate.Numeric("x", [1, 0, 1])]));
        Assert.Contains("time[1]: expected a finite number >= 0", ex.Message, StringComparison.Ordinal);
        var ex2 = Assert.Throws<ArgumentException>(() => CoxModel.Fit([1, 2, 3], [1, 0, 1], [CoxCovariate.Numeric("x", [1, 0, 1])], strata: [0, -1, 0]));
        Assert.Contains("strata[1]", ex2.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_reference_level_is_rejected_with_the_covariate_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => CoxModel.Fit(AmlTime, AmlStatus, [CoxCovariate.Categorical("x", AmlGroup, "Observation")]));
        Assert.Contains("covariate x: reference level \"Observation\" does not occur", ex.Message, StringComparison.Ordinal);
    }

    private static void Near(double expected, double actual, double tolerance = 1e-8) =>
        OracleFixtures.AssertClose(expected, actual, "value", tolerance);

    private static void AssertSameFit(CoxFit a, CoxFit b, double tolerance)
    {
        Assert.Equal(a.Terms.Count, b.Terms.Count);
        for (int j = 0; j < a.Terms.Count; j++)
        {
            Near(a.Terms[j].Coefficient, b.Terms[j].Coefficient, tolerance);
            Near(a.Terms[j].StandardError, b.Terms[j].StandardError, tolerance);
        }

        Near(a.LogLikelihoodNull, b.LogLikelihoodNull, tolerance);
        Near(a.LogLikelihood, b.LogLikelihood, tolerance);
        Near(a.Score.ChiSquare, b.Score.ChiSquare, tolerance);
        Near(a.Wald.ChiSquare, b.Wald.ChiSquare, tolerance);
    }

    private static CoxFit FitSynthetic(Data d, CoxTies ties) =>
        CoxModel.Fit(d.Time, d.Status, d.Covariates(), new CoxOptions { Ties = ties, Tolerance = 1e-13 }, d.Strata);

    /// <summary>Seeded data with heavy ties (integer times 1..10), two strata, a binary, a continuous and a 3-level covariate.</summary>
    private static Data Synthetic(int n, int seed)
    {
        var rng = new Random(seed);
        var d = new Data(new double[n], new int[n], new double[n], new double[n], new string[n], new int[n]);
        for (int i = 0; i < n; i++)
        {
            d.Trt[i] = rng.Next(2);
            d.Z[i] = Math.Round((rng.NextDouble() * 4) - 2, 3);
            d.Group[i] = ((char)('a' + rng.Next(3))).ToString();
            d.Strata[i] = rng.Next(2);
            double rate = 0.15 * Math.Exp((0.5 * d.Trt[i]) - (0.3 * d.Z[i]));
            d.Time[i] = Math.Min(10, Math.Ceiling(-Math.Log(1 - rng.NextDouble()) / rate));
            d.Status[i] = d.Time[i] < 10 && rng.NextDouble() < 0.8 ? 1 : 0;
        }

        return d;
    }

    private sealed record Data(double[] Time, int[] Status, double[] Trt, double[] Z, string[] Group, int[] Strata)
    {
        public CoxCovariate[] Covariates() =>
            [CoxCovariate.Numeric("trt", Trt), CoxCovariate.Numeric("z", Z), CoxCovariate.Categorical("grp", Group)];

        public Data Permute(int[] rows) => new(
            [.. rows.Select(i => Time[i])], [.. rows.Select(i => Status[i])], [.. rows.Select(i => Trt[i])],
            [.. rows.Select(i => Z[i])], [.. rows.Select(i => Group[i])], [.. rows.Select(i => Strata[i])]);
    }
}
