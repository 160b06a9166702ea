namespace OncoTrial.Statistics.Tests.Survival;

/// <summary>Tier A hand-computed cases, Tier C published SAS values, properties and validation.</summary>
public class KaplanMeierTests
{
    private const double Exact = 1e-15;

    [Fact]
    public void A_hand_computed_curve_has_the_exact_product_limit_and_Greenwood_values()
    {
        // times 1, 2, 2+, 3, 4+ : S(1) = 4/5; S(2) = 4/5·3/4 = 3/5 (the subject censored at 2 is at risk at 2);
        // S(3) = 3/5·1/2 = 3/10. Greenwood at 2: (3/5)²·(1/(5·4) + 1/(4·3)) = 9/25 · 2/15 = 6/125.
        var curve = KaplanMeier.Fit([1, 2, 2, 3, 4], [1, 1, 0, 1, 0]);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], curve.Steps.Select(s => s.Time));
        Assert.Equal([5L, 4L, 2L, 1L], curve.Steps.Select(s => s.AtRisk));
        Assert.Equal([1L, 1L, 1L, 0L], curve.Steps.Select(s => s.Events));
        Assert.Equal([0L, 1L, 0L, 1L], curve.Steps.Select(s => s.Censored));
        Assert.Equal(0.8, curve.Steps[0].Survival, Exact);
        Assert.Equal(0.6, curve.Steps[1].Survival, Exact);
        Assert.Equal(0.3, curve.Steps[2].Survival, Exact);
        Assert.Equal(Math.Sqrt(6.0 / 125.0), curve.Steps[1].StandardError, Exact);
        Assert.Equal(5, curve.N);
        Assert.Equal(3, curve.Events);
    }

    [Fact]
    public void A_large_non_integer_sample_sorted_by_radix_gives_the_same_risk_table_as_a_plain_sort()
    {
        // 20 000 non-integer times (ties, a zero and a negative zero included) take the radix-sort path of the risk
        // table; the expected table comes from an ordinary sort and count.
        const int n = 20_000;
        var time = new double[n];
        var status = new int[n];
        ulong state = 12345;
        for (int i = 0; i < n; i++)
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            time[i] = ((state >> 40) % 5000) / 7.0;
            status[i] = (int)((state >> 20) & 1);
        }

        time[17] = -0.0;
        time[18] = 0.0;
        var curve = KaplanMeier.Fit(time, status);

        var distinct = time.Select(t => t + 0.0).Distinct().Order().ToArray();
        Assert.Equal(distinct, curve.Steps.Select(s => s.Time));
        for (int k = 0; k < distinct.Length; k++)
        {
            double t = distinct[k];
            Assert.Equal(time.Count(x => x >= t), curve.Steps[k].AtRisk);
            Assert.Equal(Enumerable.Range(0, n).Count(i => time[i] == t && status[i] == 1), curve.Steps[k].Events);
            if (k > 200)
            {
                break;
            }
        }

        Assert.Equal(status.Sum(), curve.Events);
        Assert.Equal(n, curve.N);
    }

    [Fact]
    public void The_log_log_limits_follow_the_closed_form_S_to_the_power_exp_of_minus_and_plus_z_sigma_over_S_log_S()
    {
        var curve = KaplanMeier.Fit([1, 2, 2, 3, 4], [1, 1, 0, 1, 0]);
        double s = 0.6;
        double se = Math.Sqrt(6.0 / 125.0);
        double a = 1.959963984540054 * se / (s * Math.Log(s));
        Assert.Equal(Math.Pow(s, Math.Exp(-a)), curve.Steps[1].Lower!.Value, 1e-14);
        Assert.Equal(Math.Pow(s, Math.Exp(a)), curve.Steps[1].Upper!.Value, 1e-14);
    }

    [Fact]
    public void The_median_is_the_first_event_time_where_S_falls_below_one_half()
    {
        var curve = KaplanMeier.Fit([1, 2, 2, 3, 4], [1, 1, 0, 1, 0]);
        Assert.Equal(3.0, curve.Median.Estimate);
    }

    [Theory]
    [InlineData(QuantileRule.Sas, 3.0)]
    [InlineData(QuantileRule.RPrint, 3.0)]
    [InlineData(QuantileRule.RQuantile, 3.0)]
    public void A_curve_flat_at_one_half_with_a_later_event_gives_the_midpoint_under_every_rule(QuantileRule rule, double median)
    {
        // S(1) = 3/4, S(2) = 1/2 exactly, censored at 3, event at 4: flat at 1/2 on [2, 4).
        var curve = KaplanMeier.Fit([1, 2, 3, 4], [1, 1, 0, 1], options: KaplanMeierOptions.Default with { QuantileRule = rule });
        Assert.Equal(median, curve.Median.Estimate);
    }

    [Theory]
    [InlineData(QuantileRule.Sas, null)]
    [InlineData(QuantileRule.RPrint, 2.0)]
    [InlineData(QuantileRule.RQuantile, 2.5)]
    public void A_curve_flat_at_one_half_to_the_end_is_NE_in_SAS_the_start_in_R_print_and_the_midpoint_to_the_last_time_in_R_quantile(
        QuantileRule rule, double? median)
    {
        var curve = KaplanMeier.Fit([1, 2, 3, 3], [1, 1, 0, 0], options: KaplanMeierOptions.Default with { QuantileRule = rule });
        Assert.Equal(median, curve.Median.Estimate);
    }

    [Fact]
    public void Aml_quartiles_landmarks_and_follow_up_match_the_SAS_values_in_the_reference_note()
    {
        var (time, status) = Aml();
        var curve = KaplanMeier.Fit(time, status);
        AssertQuantile(curve.Quantile(0.25), 12, 5, 23);
        AssertQuantile(curve.Quantile(0.50), 27, 13, 34);
        AssertQuantile(curve.Quantile(0.75), 43, 30, null);
        var lm12 = curve.Landmark(12);
        Assert.Equal(0.7391304348, lm12.Survival!.Value, 1e-10);
        Assert.Equal(0.5092094388, lm12.Lower!.Value, 1e-10);
        Assert.Equal(0.8733757817, lm12.Upper!.Value, 1e-10);
        var lm24 = curve.Landmark(24);
        Assert.Equal(0.5465838509, lm24.Survival!.Value, 1e-10);
        AssertQuantile(KaplanMeier.FitReverse(time, status).Median, 161, 28, null);
    }

    [Theory]
    [InlineData(0.25, 77.0, 54.0, null, 0)]
    [InlineData(0.50, null, 54.0, null, 0)]
    [InlineData(0.75, null, 87.0, null, 0)]
    [InlineData(0.25, 77.0, 54.0, null, 1)]
    [InlineData(0.50, 102.5, 54.0, null, 1)]
    [InlineData(0.75, 118.0, 87.0, null, 1)]
    public void The_CAMIS_edge_data_reproduces_the_published_SAS_quartiles(double p, double? estimate, double? lower, double? upper, int lastStatus)
    {
        // PSIAIMS/CAMIS r_sas_special: times 54, 75, 77, 84, 87, 92+, 103+, 105+, 112+, 118 (censored or event).
        var curve = KaplanMeier.Fit([54, 75, 77, 84, 87, 92, 103, 105, 112, 118], [1, 1, 1, 1, 1, 0, 0, 0, 0, lastStatus]);
        AssertQuantile(curve.Quantile(p), estimate, lower, upper);
    }

    [Fact]
    public void A_landmark_beyond_the_last_observed_time_is_NE_under_the_SAS_rule_and_carried_forward_under_extend()
    {
        double[] time = [54, 75, 77, 84, 87, 92, 103, 105, 112, 118];
        int[] status = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
        var sas = KaplanMeier.Fit(time, status).Landmark(150);
        Assert.Null(sas.Survival);
        Assert.Null(sas.Lower);
        var r = KaplanMeier.Fit(time, status, options: KaplanMeierOptions.Default with { LandmarkRule = LandmarkRule.CarryForward }).Landmark(150);
        Assert.Equal(0.5, r.Survival!.Value, Exact);
        Assert.Equal(0.184, r.Lower!.Value, 1e-3);
        Assert.Equal(0.753, r.Upper!.Value, 1e-3);
    }

    [Fact]
    public void A_landmark_after_the_curve_reached_zero_is_zero_under_both_rules()
    {
        var lm = KaplanMeier.Fit([1, 2, 3], [1, 1, 1]).Landmark(10);
        Assert.Equal(0.0, lm.Survival);
        Assert.Null(lm.Lower);
    }

    [Fact]
    public void An_all_censored_curve_stays_at_one_and_has_no_estimable_quantile()
    {
        var curve = KaplanMeier.Fit([3, 5, 8], [0, 0, 0]);
        Assert.All(curve.Steps, s => Assert.Equal(1.0, s.Survival));
        Assert.Equal(new SurvivalQuantile(0.5, null, null, null), curve.Median);
        Assert.Equal(0, curve.Events);
    }

    [Fact]
    public void Row_order_does_not_change_the_curve()
    {
        var (time, status) = Aml();
        var rng = new Random(42);
        var order = Enumerable.Range(0, time.Length).OrderBy(_ => rng.Next()).ToArray();
        var a = KaplanMeier.Fit(time, status);
        var b = KaplanMeier.Fit(order.Select(i => time[i]).ToArray(), order.Select(i => status[i]).ToArray());
        Assert.Equal(a.Steps, b.Steps);
    }

    [Fact]
    public void Integer_case_weights_equal_replicated_rows()
    {
        double[] time = [1.5, 2, 2, 3.25, 4, 6];
        int[] status = [1, 0, 1, 1, 0, 1];
        int[] weights = [2, 1, 3, 0, 4, 1];
        var weighted = KaplanMeier.Fit(time, status, weights);
        var rt = new List<double>();
        var rs = new List<int>();
        for (int i = 0; i < time.Length; i++)
        {
            for (int k = 0; k < weights[i]; k++)
            {
                rt.Add(time[i]);
                rs.Add(status[i]);
            }
        }

        var replicated = KaplanMeier.Fit(rt.ToArray(), rs.ToArray());
        Assert.Equal(replicated.Steps, weighted.Steps);
        Assert.Equal(replicated.Median, weighted.Median);
    }

    [Fact]
    public void Rescaling_time_rescales_quantiles_and_leaves_survival_unchanged()
    {
        var (time, status) = Aml();
        var a = KaplanMeier.Fit(time, status);
        var b = KaplanMeier.Fit(time.Select(t => t * 30.4375).ToArray(), status);
        Assert.Equal(a.Steps.Select(s => s.Survival), b.Steps.Select(s => s.Survival));
        var qa = a.Quantile(0.5);
        var qb = b.Quantile(0.5);
        Assert.Equal(qa.Estimate!.Value * 30.4375, qb.Estimate!.Value, 1e-9);
        Assert.Equal(qa.Lower!.Value * 30.4375, qb.Lower!.Value, 1e-9);
    }

    [Fact]
    public void Integer_and_non_integer_time_paths_give_the_same_curve()
    {
        var (time, status) = Aml();
        var counting = KaplanMeier.Fit(time, status);
        var sorting = KaplanMeier.Fit(time.Select(t => t + 0.5).ToArray(), status);
        Assert.Equal(counting.Steps.Select(s => s.Survival), sorting.Steps.Select(s => s.Survival));
        Assert.Equal(counting.Steps.Select(s => s.StandardError), sorting.Steps.Select(s => s.StandardError));
    }

    [Fact]
    public void Survival_is_monotone_within_zero_and_one_and_every_interval_contains_the_estimate()
    {
        var rng = new Random(3);
        var time = Enumerable.Range(0, 300).Select(_ => Math.Round(rng.NextDouble() * 50, 1)).ToArray();
        var status = Enumerable.Range(0, 300).Select(_ => rng.Next(2)).ToArray();
        foreach (SurvivalCiTransform transform in Enum.GetValues<SurvivalCiTransform>())
        {
            var curve = KaplanMeier.Fit(time, status, options: KaplanMeierOptions.Default with { Transform = transform });
            double previous = 1.0;
            foreach (var s in curve.Steps)
            {
                Assert.InRange(s.Survival, 0.0, previous);
                previous = s.Survival;
                if (s.Lower is { } lo && s.Upper is { } hi)
                {
                    Assert.InRange(s.Survival, lo, hi);
                    Assert.InRange(lo, 0.0, 1.0);
                    Assert.InRange(hi, 0.0, 1.0);
                }
            }

            var median = curve.Median;
            if (median.Estimate is { } m && median.Lower is { } l)
            {
                Assert.True(l <= m, $"{transform}: lower {l} > median {m}");
            }
        }
    }

    [Fact]
    public void A_wider_confidence_level_gives_wider_pointwise_limits()
    {
        var (time, status) = Aml();
        var narrow = KaplanMeier.Fit(time, status, options: KaplanMeierOptions.Default with { ConfidenceLevel = ConfidenceLevel.Create(0.8) });
        var wide = KaplanMeier.Fit(time, status, options: KaplanMeierOptions.Default with { ConfidenceLevel = ConfidenceLevel.Create(0.99) });
        for (int i = 0; i < narrow.Steps.Count; i++)
        {
            if (narrow.Steps[i].Lower is { } nl && wide.Steps[i].Lower is { } wl)
            {
                Assert.True(wl <= nl);
                Assert.True(wide.Steps[i].Upper >= narrow.Steps[i].Upper);
            }
        }
    }

    [Theory]
    [InlineData(new[] { 1.0, -2.0 }, new[] { 1, 0 }, "time[1]: expected a finite number >= 0, found -2")]
    [InlineData(new[] { 1.0, double.NaN }, new[] { 1, 0 }, "time[1]: expected a finite number >= 0, found NaN")]
    [InlineData(new[] { 1.0, 2.0 }, new[] { 1, 2 }, "status[1]: expected 1 (event) or 0 (censored), found 2")]
    [InlineData(new[] { 1.0, 2.0 }, new[] { 1 }, "status: expected one value per time (2), found 1")]
    [InlineData(new double[0], new int[0], "time: expected at least one observation, found none")]
    public void Invalid_input_is_rejected_with_a_message_naming_the_argument_and_row(double[] time, int[] status, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => KaplanMeier.Fit(time, status));
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_weight_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([1, 2], [1, 1], [1, -1]));
        Assert.StartsWith("weights[1]: expected an integer case weight >= 0, found -1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Curves_by_group_come_in_ordinal_order()
    {
        var (time, status) = Aml();
        var groups = Enumerable.Repeat("Maintained", 11).Concat(Enumerable.Repeat("Nonmaintained", 12)).Reverse().ToArray();
        var curves = KaplanMeier.FitByGroup(time, status, Factor.Create(groups));
        Assert.Equal(["Maintained", "Nonmaintained"], curves.Select(c => c.Group));
        Assert.Equal(23, curves.Sum(c => c.Curve.N));
    }

    internal static (double[] Time, int[] Status) Aml() =>
    (
        [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
        [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]
    );

    private static void AssertQuantile(SurvivalQuantile q, double? estimate, double? lower, double? upper)
    {
        Assert.Equal(estimate, q.Estimate);
        Assert.Equal(lower, q.Lower);
        Assert.Equal(upper, q.Upper);
    }
}
