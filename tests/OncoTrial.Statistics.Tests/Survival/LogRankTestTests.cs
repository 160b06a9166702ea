namespace OncoTrial.Statistics.Tests.Survival;

public class LogRankTestTests
{
    // survival::aml (Miller 1981): group 0 = Maintained, 1 = Nonmaintained (ordinal label order).
    private static readonly double[] AmlTime = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45];
    private static readonly int[] AmlStatus = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1];
    private static readonly int[] AmlGroup = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    // Tier A case 1 (docs/methods/logrank.md): A = {1, 3, 4+}, B = {2, 3+, 5}.
    private static readonly double[] SmallTime = [1, 3, 4, 2, 3, 5];
    private static readonly int[] SmallStatus = [1, 1, 0, 1, 0, 1];
    private static readonly int[] SmallGroup = [0, 0, 0, 1, 1, 1];

    private static LogRankResult Aml(LogRankOptions? options = null) => LogRankTest.Compute(AmlTime, AmlStatus, AmlGroup, 2, options);

    private static LogRankResult Small(LogRankOptions? options = null) => LogRankTest.Compute(SmallTime, SmallStatus, SmallGroup, 2, options);

    private static void Near(double expected, double actual, double tolerance = 1e-12) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, found {actual:R}");

    // ---- Tier A: hand-computed ----

    [Fact]
    public void Log_rank_on_the_small_hand_case_gives_chi_square_eighteen_over_thirty_seven()
    {
        // t=1: Y=(3,3) d=1 in A -> E_A=1/2, V=1/4; t=2: Y=(2,3) d=1 in B -> E_A=2/5, V=6/25;
        // t=3: Y=(2,2) (the censored B at 3 is at risk) d=1 in A -> E_A=1/2, V=1/4; t=5: Y=(0,1), V skipped (Y=1).
        // O_A=2, E_A=7/5, U_A=3/5, V=37/50, chi2=(9/25)/(37/50)=18/37.
        var r = Small();
        Assert.Equal([2.0, 2.0], r.Observed);
        Near(7.0 / 5, r.Expected[0]);
        Near(13.0 / 5, r.Expected[1]);
        Near(3.0 / 5, r.Score[0]);
        Near(-3.0 / 5, r.Score[1]);
        Near(37.0 / 50, r.Variance[0][0]);
        Near(-37.0 / 50, r.Variance[0][1]);
        Near(18.0 / 37, r.Test.ChiSquare);
        Assert.Equal(1, r.Test.DegreesOfFreedom);
        Assert.Equal([3.0, 3.0], r.N);
        Assert.Empty(r.Warnings);
        Assert.Same(LogRankOptions.Default, r.Options);
        Assert.Equal(1, r.StrataCount);
    }

    [Fact]
    public void Gehan_on_the_small_hand_case_gives_score_three_and_variance_nineteen()
    {
        // w = Y: U_A = 6(1/2) + 5(-2/5) + 4(1/2) = 3; V = 36/4 + 25(6/25) + 16/4 = 19; chi2 = 9/19.
        var r = Small(new LogRankOptions(LogRankWeighting.GehanBreslow));
        Near(3, r.Score[0]);
        Near(19, r.Variance[0][0]);
        Near(9.0 / 19, r.Test.ChiSquare);
        Near(7.0 / 5, r.Expected[0]);
    }

    [Fact]
    public void Peto_on_the_small_hand_case_uses_the_survival_estimate_including_the_current_time()
    {
        // S~ = 6/7, 5/7, 4/7, 2/7: U_A = 3/7 - 2/7 + 2/7 = 3/7; V = 9/49 + 6/49 + 4/49 = 19/49.
        var r = Small(new LogRankOptions(LogRankWeighting.PetoPeto));
        Near(3.0 / 7, r.Score[0]);
        Near(19.0 / 49, r.Variance[0][0]);
        Near(9.0 / 19, r.Test.ChiSquare);
    }

    [Fact]
    public void Modified_Peto_on_the_small_hand_case_multiplies_by_y_over_y_plus_one()
    {
        // w = S~ Y/(Y+1) = 36/49, 25/42, 16/35 (and 1/7 at t=5, where E_A=0 and d_A=0).
        // U_A = 18/49 - 5/21 + 8/35; V = (36/49)^2/4 + (25/42)^2 6/25 + (16/35)^2/4.
        double u = (18.0 / 49) - (5.0 / 21) + (8.0 / 35);
        double v = (36.0 / 49 * 36 / 49 / 4) + (25.0 / 42 * 25 / 42 * 6 / 25) + (16.0 / 35 * 16 / 35 / 4);
        var r = Small(new LogRankOptions(LogRankWeighting.ModifiedPetoPeto));
        Near(u, r.Score[0]);
        Near(v, r.Variance[0][0]);
        Near(u * u / v, r.Test.ChiSquare);
    }

    [Fact]
    public void Fleming_Harrington_one_zero_on_the_small_hand_case_uses_the_left_continuous_pooled_estimate()
    {
        // S(t-) = 1, 5/6, 2/3 at the event times in A and B: U_A = 1/2 - 1/3 + 1/3 = 1/2; V = 1/4 + 1/6 + 1/9 = 19/36.
        var r = Small(new LogRankOptions(LogRankWeighting.FlemingHarrington, Rho: 1));
        Near(1.0 / 2, r.Score[0]);
        Near(19.0 / 36, r.Variance[0][0]);
        Near(9.0 / 19, r.Test.ChiSquare);
    }

    [Fact]
    public void Fleming_Harrington_zero_one_on_the_small_hand_case_gives_nine_over_thirty_one()
    {
        // w = 1 - S(t-) = 0, 1/6, 1/3, 1/2: U_A = -1/15 + 1/6 = 1/10; V = 1/150 + 1/36 = 31/900; chi2 = 9/31.
        var r = Small(new LogRankOptions(LogRankWeighting.FlemingHarrington, Gamma: 1));
        Near(1.0 / 10, r.Score[0]);
        Near(31.0 / 900, r.Variance[0][0]);
        Near(9.0 / 31, r.Test.ChiSquare);
    }

    [Fact]
    public void Tied_events_use_the_hypergeometric_variance()
    {
        // A = {2, 2, 3+}, B = {2, 4}. t=2: Y=(3,2), d=3 (2 in A) -> E_A = 9/5, V = 3*2/(25*4) * (15 - 9) = 9/25.
        // t=4: Y=1, skipped. U_A = 1/5, chi2 = (1/25)/(9/25) = 1/9.
        var r = LogRankTest.Compute([2, 2, 3, 2, 4], [1, 1, 0, 1, 1], [0, 0, 0, 1, 1], 2);
        Near(9.0 / 5, r.Expected[0]);
        Near(1.0 / 5, r.Score[0]);
        Near(9.0 / 25, r.Variance[0][0]);
        Near(1.0 / 9, r.Test.ChiSquare);
    }

    // ---- Tier C: published aml values (docs/reference/survival-conventions.md §5) ----

    [Fact]
    public void Log_rank_on_aml_matches_the_published_chi_square()
    {
        var r = Aml();
        Near(-3.6893359923, r.Score[0], 1e-10);
        Near(-3.6893359923, r.Observed[0] - r.Expected[0], 1e-10);
        Near(4.0075507459, r.Variance[0][0], 1e-10);
        Near(3.3963886990, r.Test.ChiSquare, 1e-10);
        Near(0.0653393220, r.Test.PValue, 1e-9);
        Assert.Equal([7.0, 11.0], r.Observed);
        Assert.Equal([11.0, 12.0], r.N);
    }

    [Fact]
    public void Gehan_on_aml_matches_the_published_SAS_Wilcoxon()
    {
        var r = Aml(new LogRankOptions(LogRankWeighting.GehanBreslow));
        Near(-50, r.Score[0]);
        Near(918, r.Variance[0][0]);
        Near(2.7233115468, r.Test.ChiSquare, 1e-10);
        Near(0.0988926514, r.Test.PValue, 1e-9);
    }

    [Theory]
    [InlineData(LogRankWeighting.TaroneWare, 0, 2.9816036220)]
    [InlineData(LogRankWeighting.PetoPeto, 0, 2.7080350200)]
    [InlineData(LogRankWeighting.ModifiedPetoPeto, 0, 2.6403334223)]
    [InlineData(LogRankWeighting.FlemingHarrington, 1, 2.7792795448)]
    public void Weighted_tests_on_aml_match_the_published_chi_squares(LogRankWeighting weighting, double rho, double chiSquare)
    {
        var r = Aml(new LogRankOptions(weighting, rho));
        Near(chiSquare, r.Test.ChiSquare, 1e-10);
        Assert.Equal(1, r.Test.DegreesOfFreedom);
    }

    [Fact]
    public void Fleming_Harrington_one_zero_on_aml_matches_R_survdiff_rho_one_p_value()
    {
        Near(0.0954911154, Aml(new LogRankOptions(LogRankWeighting.FlemingHarrington, 1)).Test.PValue, 1e-9);
    }

    [Fact]
    public void Fleming_Harrington_zero_zero_is_the_log_rank_test()
    {
        var fh = Aml(new LogRankOptions(LogRankWeighting.FlemingHarrington));
        var lr = Aml();
        Near(lr.Test.ChiSquare, fh.Test.ChiSquare, 1e-14);
    }

    [Fact]
    public void String_labels_are_coded_in_ordinal_order()
    {
        var labels = AmlGroup.Select(g => g == 0 ? "Maintained" : "Nonmaintained").ToArray();
        var r = LogRankTest.Compute(AmlTime, AmlStatus, labels);
        Near(-3.6893359923, r.Score[0], 1e-10);
        var stratified = LogRankTest.Compute(AmlTime, AmlStatus, labels, strata: AmlTime.Select(_ => "all").ToArray());
        Near(r.Test.ChiSquare, stratified.Test.ChiSquare, 1e-14);
    }

    [Fact]
    public void The_options_print_their_weighting()
    {
        Assert.Equal("logrank", LogRankOptions.Default.ToString());
        Assert.Equal("fleming-harrington(rho=1, gamma=0.5)", new LogRankOptions(LogRankWeighting.FlemingHarrington, 1, 0.5).ToString());
    }

    // ---- Validation ----

    [Fact]
    public void A_group_code_out_of_range_is_reported_with_its_index()
    {
        var e = Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, 2], [1, 1], [0, 2], 2));
        Assert.Equal("group", e.ParamName);
        Assert.Contains("group[1]: expected a level code from 0 to 1, found 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_stratum_code_is_reported_with_its_index()
    {
        var e = Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, 2], [1, 1], [0, 1], 2, strata: [0, -1]));
        Assert.Equal("strata", e.ParamName);
        Assert.Contains("strata[1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrays_of_different_lengths_are_rejected()
    {
        Assert.Contains("status: expected one value per time (2), found 1", Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, 2], [1], [0, 1], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("group: expected one code per observation (2), found 3", Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, 2], [1, 1], [0, 1, 1], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("weights: expected one value per time (2)", Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, 2], [1, 1], [0, 1], 2, weights: [1])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_times_status_and_weights_are_rejected()
    {
        Assert.Contains("time[1]: expected a finite number >= 0, found -1", Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, -1], [1, 1], [0, 1], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("status[0]: expected 1 (event) or 0 (censored), found 2", Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, 1], [2, 1], [0, 1], 2)).Message, StringComparison.Ordinal);
        Assert.Contains("weights[1]: expected an integer case weight >= 0, found -3", Assert.Throws<ArgumentException>(() => LogRankTest.Compute([1, 1], [1, 1], [0, 1], 2, weights: [1, -3])).Message, StringComparison.Ordinal);
        Assert.Contains("time: expected at least one observation", Assert.Throws<ArgumentException>(() => LogRankTest.Compute([], [], [], 2)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rho_without_Fleming_Harrington_is_rejected_with_the_fix()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Aml(new LogRankOptions(LogRankWeighting.LogRank, Rho: 1)));
        Assert.StartsWith("--rho: expected 0 unless --test fleming-harrington (rho and gamma apply only to Fleming-Harrington weights), found 1 with --test logrank. Use --test fleming-harrington", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, double.NaN)]
    [InlineData(double.PositiveInfinity, 0)]
    public void Invalid_Fleming_Harrington_exponents_are_rejected(double rho, double gamma)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Aml(new LogRankOptions(LogRankWeighting.FlemingHarrington, rho, gamma)));
    }

    [Fact]
    public void A_group_count_below_one_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LogRankTest.Compute([1], [1], [0], 0));
        Assert.Equal("groupCount", e.ParamName);
    }

    [Fact]
    public void An_undefined_weighting_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Aml(new LogRankOptions((LogRankWeighting)42)));
    }

    // ---- Properties ----

    public static TheoryData<LogRankWeighting, double, double> AllWeightings() => new()
    {
        { LogRankWeighting.LogRank, 0, 0 },
        { LogRankWeighting.GehanBreslow, 0, 0 },
        { LogRankWeighting.TaroneWare, 0, 0 },
        { LogRankWeighting.PetoPeto, 0, 0 },
        { LogRankWeighting.ModifiedPetoPeto, 0, 0 },
        { LogRankWeighting.FlemingHarrington, 1, 0 },
        { LogRankWeighting.FlemingHarrington, 0.5, 2 },
    };

    private static (double[] Time, int[] Status, int[] Group, int[] Strata) Synthetic(int n, int seed, int groups, int strata, int maxTime)
    {
        var rng = new Random(seed);
        var time = new double[n];
        var status = new int[n];
        var group = new int[n];
        var stratum = new int[n];
        for (int i = 0; i < n; i++)
        {
            group[i] = rng.Next(groups);
            stratum[i] = rng.Next(strata);
            time[i] = 1 + rng.Next(maxTime - group[i]);
            status[i] = rng.NextDouble() < 0.7 ? 1 : 0;
        }

        return (time, status, group, stratum);
    }

    private static void AssertSame(LogRankResult expected, LogRankResult actual, double tolerance = 1e-11)
    {
        Assert.Equal(expected.GroupCount, actual.GroupCount);
        for (int g = 0; g < expected.GroupCount; g++)
        {
            Near(expected.Observed[g], actual.Observed[g], tolerance);
            Near(expected.Expected[g], actual.Expected[g], tolerance);
            Near(expected.Score[g], actual.Score[g], tolerance);
            Near(expected.N[g], actual.N[g], tolerance);
            for (int h = 0; h < expected.GroupCount; h++)
            {
                Near(expected.Variance[g][h], actual.Variance[g][h], tolerance);
            }
        }

        Near(expected.Test.ChiSquare, actual.Test.ChiSquare, tolerance);
        Assert.Equal(expected.Test.DegreesOfFreedom, actual.Test.DegreesOfFreedom);
    }

    [Theory]
    [MemberData(nameof(AllWeightings))]
    public void Row_order_does_not_matter(LogRankWeighting weighting, double rho, double gamma)
    {
        var options = new LogRankOptions(weighting, rho, gamma);
        var (time, status, group, strata) = Synthetic(300, 11, 3, 2, 25);
        var baseline = LogRankTest.Compute(time, status, group, 3, options, strata);
        var perm = Enumerable.Range(0, time.Length).ToArray();
        new Random(5).Shuffle(perm);
        var shuffled = LogRankTest.Compute(
            perm.Select(i => time[i]).ToArray(), perm.Select(i => status[i]).ToArray(), perm.Select(i => group[i]).ToArray(), 3, options, perm.Select(i => strata[i]).ToArray());
        AssertSame(baseline, shuffled);
    }

    [Theory]
    [MemberData(nameof(AllWeightings))]
    public void Integer_weights_equal_replicated_rows(LogRankWeighting weighting, double rho, double gamma)
    {
        var options = new LogRankOptions(weighting, rho, gamma);
        var (time, status, group, strata) = Synthetic(120, 3, 3, 2, 15);
        var rng = new Random(9);
        var weights = time.Select(_ => rng.Next(4)).ToArray(); // includes 0 (row dropped)
        var rows = Enumerable.Range(0, time.Length).SelectMany(i => Enumerable.Repeat(i, weights[i])).ToArray();
        var weighted = LogRankTest.Compute(time, status, group, 3, options, strata, weights);
        var replicated = LogRankTest.Compute(
            rows.Select(i => time[i]).ToArray(), rows.Select(i => status[i]).ToArray(), rows.Select(i => group[i]).ToArray(), 3, options, rows.Select(i => strata[i]).ToArray());
        AssertSame(replicated, weighted);

        // The same on non-integer times (the sort path rather than the histogram path).
        var weightedSorted = LogRankTest.Compute(time.Select(t => t + 0.25).ToArray(), status, group, 3, options, strata, weights);
        AssertSame(replicated, weightedSorted);
    }

    [Theory]
    [MemberData(nameof(AllWeightings))]
    public void Relabelled_groups_give_the_same_chi_square(LogRankWeighting weighting, double rho, double gamma)
    {
        var options = new LogRankOptions(weighting, rho, gamma);
        var (time, status, group, strata) = Synthetic(250, 21, 4, 3, 30);
        int[] relabel = [2, 0, 3, 1];
        var a = LogRankTest.Compute(time, status, group, 4, options, strata);
        var b = LogRankTest.Compute(time, status, group.Select(g => relabel[g]).ToArray(), 4, options, strata);
        Near(a.Test.ChiSquare, b.Test.ChiSquare, 1e-10);
        Assert.Equal(3, b.Test.DegreesOfFreedom);
        for (int g = 0; g < 4; g++)
        {
            Near(a.Score[g], b.Score[relabel[g]], 1e-12);
            Near(a.Variance[g][g], b.Variance[relabel[g]][relabel[g]], 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(AllWeightings))]
    public void Rescaling_time_does_not_change_the_test(LogRankWeighting weighting, double rho, double gamma)
    {
        var options = new LogRankOptions(weighting, rho, gamma);
        var (time, status, group, strata) = Synthetic(400, 17, 3, 1, 40);
        var days = LogRankTest.Compute(time, status, group, 3, options, strata);
        var months = LogRankTest.Compute(time.Select(t => t / 30.4375).ToArray(), status, group, 3, options, strata);
        var shifted = LogRankTest.Compute(time.Select(t => (t * 1000) + 7).ToArray(), status, group, 3, options, strata);
        AssertSame(days, months);
        AssertSame(days, shifted);
    }

    [Fact]
    public void The_histogram_and_sort_paths_agree_on_large_tied_data()
    {
        var (time, status, group, strata) = Synthetic(20_000, 42, 3, 4, 200);
        var histogram = LogRankTest.Compute(time, status, group, 3, null, strata);
        var sorted = LogRankTest.Compute(time.Select(t => t + 0.5).ToArray(), status, group, 3, null, strata);
        AssertSame(histogram, sorted, 1e-10);
    }

    [Fact]
    public void Scores_sum_to_zero_and_variance_rows_sum_to_zero()
    {
        var (time, status, group, strata) = Synthetic(500, 8, 4, 3, 50);
        var r = LogRankTest.Compute(time, status, group, 4, new LogRankOptions(LogRankWeighting.TaroneWare), strata);
        Near(0, r.Score.Sum(), 1e-10);
        for (int g = 0; g < 4; g++)
        {
            Near(0, r.Variance[g].Sum(), 1e-10);
            Near(r.Variance[g][(g + 1) % 4], r.Variance[(g + 1) % 4][g], 1e-15);
        }

        Near(r.Observed.Sum(), r.Expected.Sum(), 1e-10);
        Assert.Equal(3, r.Test.DegreesOfFreedom);
        Assert.Equal(3, r.StrataCount);
    }

    // ---- Edge cases ----

    [Fact]
    public void One_group_only_gives_zero_df_and_a_warning()
    {
        var r = LogRankTest.Compute([1, 2, 3], [1, 0, 1], [0, 0, 0], 1);
        Assert.Equal(0, r.Test.DegreesOfFreedom);
        Assert.Equal(0, r.Test.ChiSquare);
        Assert.Equal(1, r.Test.PValue);
        Assert.Contains(r.Warnings, w => w.Code == "logrank.single_group");
        Near(0, r.Score[0]);
    }

    [Fact]
    public void A_group_with_no_events_is_still_tested()
    {
        var r = LogRankTest.Compute([1, 2, 3, 4, 5, 6], [1, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1], 2);
        Assert.Equal(0, r.Observed[1]);
        Assert.True(r.Expected[1] > 0);
        Assert.Equal(1, r.Test.DegreesOfFreedom);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void A_group_never_at_risk_at_an_event_time_is_left_out_like_R()
    {
        // Group 2 is censored before the first event: E = 0, dropped; df = 1.
        var withIt = LogRankTest.Compute([0.5, 1, 3, 4, 2, 3, 5], [0, 1, 1, 0, 1, 0, 1], [2, 0, 0, 0, 1, 1, 1], 3);
        var without = Small();
        Assert.Equal(1, withIt.Test.DegreesOfFreedom);
        Near(without.Test.ChiSquare, withIt.Test.ChiSquare);
        Assert.Equal(0, withIt.Expected[2]);
        Assert.Contains(withIt.Warnings, w => w.Code == "logrank.group_not_at_risk");
    }

    [Fact]
    public void All_censored_gives_zero_df_and_a_no_events_warning()
    {
        var r = LogRankTest.Compute([1, 2, 3, 4], [0, 0, 0, 0], [0, 1, 0, 1], 2);
        Assert.Equal(0, r.Test.DegreesOfFreedom);
        Assert.Equal(1, r.Test.PValue);
        Assert.Equal([0.0, 0.0], r.Expected);
        Assert.Contains(r.Warnings, w => w.Code == "logrank.no_events");
    }

    [Fact]
    public void One_subject_per_group_with_distinct_times_gives_one_df()
    {
        // t=1: Y=(1,1), d=1 in A: E_A = 1/2, V = 1/4; t=2: Y=1, skipped. chi2 = (1/4)/(1/4) = 1.
        var r = LogRankTest.Compute([1, 2], [1, 1], [0, 1], 2);
        Near(1, r.Test.ChiSquare);
        Assert.Equal(1, r.Test.DegreesOfFreedom);
    }

    [Fact]
    public void One_subject_per_group_failing_together_has_singular_variance()
    {
        // t=1: Y=2, d=2: Y - d = 0, so V = 0; the generalised inverse gives chi2 0 on 0 df.
        var r = LogRankTest.Compute([1, 1], [1, 1], [0, 1], 2);
        Assert.Equal(0, r.Test.DegreesOfFreedom);
        Assert.Equal(0, r.Test.ChiSquare);
        Assert.Contains(r.Warnings, w => w.Code == "logrank.singular_variance");
    }

    [Fact]
    public void A_stratum_with_a_single_group_contributes_nothing_to_the_test()
    {
        // Stratum 1 holds only group 0: there O = E, U = 0, V = 0.
        double[] time = [.. SmallTime, 2, 4, 6];
        int[] status = [.. SmallStatus, 1, 1, 0];
        int[] group = [.. SmallGroup, 0, 0, 0];
        int[] strata = [0, 0, 0, 0, 0, 0, 1, 1, 1];
        var r = LogRankTest.Compute(time, status, group, 2, null, strata);
        var small = Small();
        Near(small.Test.ChiSquare, r.Test.ChiSquare);
        Near(small.Score[0], r.Score[0]);
        Near(small.Expected[0] + 2, r.Expected[0]);
        Assert.Equal(2, r.StrataCount);
        Assert.Equal([6.0, 3.0], r.N);
    }

    [Fact]
    public void Stratification_sums_scores_and_variances_over_strata()
    {
        var (time, status, group, strata) = Synthetic(300, 4, 2, 3, 20);
        var options = new LogRankOptions(LogRankWeighting.PetoPeto);
        var all = LogRankTest.Compute(time, status, group, 2, options, strata);
        double u = 0;
        double v = 0;
        for (int s = 0; s < 3; s++)
        {
            var rows = Enumerable.Range(0, time.Length).Where(i => strata[i] == s).ToArray();
            var one = LogRankTest.Compute(rows.Select(i => time[i]).ToArray(), rows.Select(i => status[i]).ToArray(), rows.Select(i => group[i]).ToArray(), 2, options);
            u += one.Score[0];
            v += one.Variance[0][0];
        }

        Near(u, all.Score[0], 1e-12);
        Near(v, all.Variance[0][0], 1e-12);
        Near(u * u / v, all.Test.ChiSquare, 1e-12);
    }

    [Fact]
    public void An_event_and_a_censoring_at_the_same_time_keep_the_censored_subject_at_risk()
    {
        // A = {3}, B = {3+}: at t=3, Y=(1,1), d=1 -> E_A = 1/2, V = 1/4, chi2 = 1.
        var r = LogRankTest.Compute([3, 3], [1, 0], [0, 1], 2);
        Near(0.5, r.Expected[0]);
        Near(1, r.Test.ChiSquare);
    }

    [Fact]
    public void Negative_zero_and_zero_are_the_same_time()
    {
        // Histogram path: at t=0, Y=(1,1), d=1: E_A=1/2, V=1/4, chi2=1.
        Near(1, LogRankTest.Compute([-0.0, 0.0], [1, 0], [0, 1], 2).Test.ChiSquare);

        // Sort path: at t=0, Y=(1,2), d=1: E_A=1/3, V=2/9, U_A=2/3, chi2=(4/9)/(2/9)=2.
        Near(2, LogRankTest.Compute([-0.0, 0.0, 0.5], [1, 0, 0], [0, 1, 1], 2).Test.ChiSquare);
        var many = Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? -0.0 : 0.0).Append(0.5).ToArray();
        var r = LogRankTest.Compute(many, many.Select((_, i) => i % 4 == 0 ? 1 : 0).ToArray(), many.Select((_, i) => i % 2).ToArray(), 2);
        // Radix path: 50 events at 0 (all in group 0, Y = 201 of which 100 in group 1), one more at 0.5 with Y = 1.
        Near(51, r.Observed[0]);
        Near(50.0 * 100 / 201, r.Expected[1]);
    }

    [Fact]
    public void The_result_lists_cannot_be_modified()
    {
        var r = Small();
        Assert.Throws<NotSupportedException>(() => ((IList<double>)r.Observed)[0] = 5);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)r.Variance[0])[0] = 5);
    }
}
