using MathNet.Numerics.Distributions;

namespace OncoTrial.Statistics.Tests.Proportions;

/// <summary>Tier A (hand-computed), Tier C (published), boundaries, properties and validation for binomial intervals and tests.</summary>
public class BinomialIntervalTests
{
    private const double Z95 = 1.959963984540054;

    private static readonly BinomialCiMethod[] AllMethods = Enum.GetValues<BinomialCiMethod>();

    private static readonly ConfidenceLevel[] Levels = [ConfidenceLevel.Create(0.90), ConfidenceLevel.Create(0.95), ConfidenceLevel.Create(0.99)];

    // Tier C: the paper's exact 95% limits, as printed (percent, one decimal).
    [Theory]
    [InlineData(36, 50, 57.5, 83.8)]
    [InlineData(42, 50, 70.9, 92.8)]
    [InlineData(36, 43, 69.3, 93.2)]
    [InlineData(42, 43, 87.7, 99.9)]
    public void Clopper_Pearson_limits_round_to_the_papers_published_percentages(int x, int n, double lowerPercent, double upperPercent)
    {
        ProportionEstimate ci = BinomialInterval.Compute(x, n);

        Assert.Equal(lowerPercent, Math.Round(100.0 * ci.Lower, 1, MidpointRounding.AwayFromZero));
        Assert.Equal(upperPercent, Math.Round(100.0 * ci.Upper, 1, MidpointRounding.AwayFromZero));
    }

    // docs/reference/survival-conventions.md §8: R binom.test cross-checked with a 40-digit mpmath bisection, to 10 decimals.
    [Theory]
    [InlineData(36, 50, 0.5750946430, 0.8376893993)]
    [InlineData(42, 50, 0.7088736934, 0.9282992328)]
    [InlineData(36, 43, 0.6929891276, 0.9319479055)]
    [InlineData(42, 43, 0.8771095173, 0.9994113871)]
    [InlineData(0, 20, 0.0, 0.1684334710)]
    [InlineData(20, 20, 0.8315665290, 1.0)]
    public void Clopper_Pearson_limits_match_the_reference_values_to_10_decimals(int x, int n, double lower, double upper)
    {
        ProportionEstimate ci = BinomialInterval.Compute(x, n, BinomialCiMethod.ClopperPearson);

        Assert.Equal(lower, ci.Lower, 5e-11);
        Assert.Equal(upper, ci.Upper, 5e-11);
    }

    [Fact]
    public void Clopper_Pearson_at_x_0_and_x_n_has_the_closed_forms_of_the_single_tail()
    {
        // x = 0: P(X = 0) = (1 − p)^n = α/2 at the upper limit; x = n: p^n = α/2 at the lower limit.
        Assert.Equal(1.0 - Math.Pow(0.025, 1.0 / 20.0), BinomialInterval.Compute(0, 20).Upper, 1e-14);
        Assert.Equal(Math.Pow(0.025, 1.0 / 20.0), BinomialInterval.Compute(20, 20).Lower, 1e-14);
        // x = 1: P(X ≥ 1) = 1 − (1 − p)^n = α/2 at the lower limit.
        // 1 − 0.95^(1/43), evaluated without cancellation as -expm1(log1p(-0.05)/43) in R.
        const double expected = 0.0011921561279377396;
        Assert.Equal(expected, BinomialInterval.Compute(1, 43, level: ConfidenceLevel.Create(0.90)).Lower, 1e-15);
    }

    [Fact]
    public void Wald_for_2_of_4_is_one_half_plus_or_minus_z_over_4()
    {
        // p̂ = 1/2, √(p̂(1 − p̂)/n) = √(1/16) = 1/4.
        ProportionEstimate ci = BinomialInterval.Compute(2, 4, BinomialCiMethod.Wald);

        Assert.Equal(0.5, ci.Estimate);
        Assert.Equal(0.5 - (Z95 / 4.0), ci.Lower, 1e-15);
        Assert.Equal(0.5 + (Z95 / 4.0), ci.Upper, 1e-15);
        Assert.Equal(0.010009003864986599, ci.Lower, 1e-15);
    }

    [Fact]
    public void Wilson_for_2_of_4_and_1_of_4_follows_the_score_formula()
    {
        // (x + z²/2 ± z·√(x(n − x)/n + z²/4)) / (n + z²); x(n − x)/n is 1 for 2/4 and 3/4 for 1/4.
        double z2 = Z95 * Z95;
        ProportionEstimate half = BinomialInterval.Compute(2, 4, BinomialCiMethod.Wilson);
        Assert.Equal((2.0 + (z2 / 2.0) - (Z95 * Math.Sqrt(1.0 + (z2 / 4.0)))) / (4.0 + z2), half.Lower, 1e-15);
        Assert.Equal((2.0 + (z2 / 2.0) + (Z95 * Math.Sqrt(1.0 + (z2 / 4.0)))) / (4.0 + z2), half.Upper, 1e-15);
        Assert.Equal(0.15003898915214955, half.Lower, 1e-15);   // R prop.test(2, 4, correct = FALSE)

        ProportionEstimate quarter = BinomialInterval.Compute(1, 4, BinomialCiMethod.Wilson);
        Assert.Equal((1.0 + (z2 / 2.0) - (Z95 * Math.Sqrt(0.75 + (z2 / 4.0)))) / (4.0 + z2), quarter.Lower, 1e-15);
        Assert.Equal(0.045587260809700589, quarter.Lower, 1e-15);
        Assert.Equal(0.699358157417597992, quarter.Upper, 1e-15);
    }

    [Theory]
    [InlineData(BinomialCiMethod.ClopperPearson)]
    [InlineData(BinomialCiMethod.Wilson)]
    [InlineData(BinomialCiMethod.WilsonCorrected)]
    [InlineData(BinomialCiMethod.Jeffreys)]
    [InlineData(BinomialCiMethod.AgrestiCoull)]
    [InlineData(BinomialCiMethod.Wald)]
    public void Every_method_puts_the_lower_limit_at_0_when_x_is_0_and_the_upper_at_1_when_x_is_n(BinomialCiMethod method)
    {
        foreach (int n in new[] { 1, 2, 5, 20, 200 })
        {
            ProportionEstimate none = BinomialInterval.Compute(0, n, method);
            ProportionEstimate all = BinomialInterval.Compute(n, n, method);
            Assert.Equal(0.0, none.Lower);
            Assert.Equal(0.0, none.Estimate);
            Assert.Equal(1.0, all.Upper);
            Assert.Equal(1.0, all.Estimate);
        }
    }

    [Fact]
    public void Wald_collapses_to_a_point_at_x_0_and_x_n()
    {
        ProportionEstimate none = BinomialInterval.Compute(0, 10, BinomialCiMethod.Wald);
        ProportionEstimate all = BinomialInterval.Compute(10, 10, BinomialCiMethod.Wald);

        Assert.Equal((0.0, 0.0), (none.Lower, none.Upper));
        Assert.Equal((1.0, 1.0), (all.Lower, all.Upper));
    }

    [Fact]
    public void Wald_and_Agresti_Coull_are_truncated_to_the_unit_interval()
    {
        // 1/5: Wald lower 0.2 − 1.96·0.179 < 0; Agresti–Coull 0/5 lower p̃ − half-width < 0.
        Assert.Equal(0.0, BinomialInterval.Compute(1, 5, BinomialCiMethod.Wald).Lower);
        Assert.Equal(0.0, BinomialInterval.Compute(0, 5, BinomialCiMethod.AgrestiCoull).Lower);
        Assert.Equal(1.0, BinomialInterval.Compute(5, 5, BinomialCiMethod.AgrestiCoull).Upper);
    }

    [Fact]
    public void Every_interval_lies_in_the_unit_interval_and_contains_the_estimate()
    {
        foreach (BinomialCiMethod method in AllMethods)
        {
            foreach (ConfidenceLevel level in Levels)
            {
                for (int n = 1; n <= 60; n++)
                {
                    for (int x = 0; x <= n; x++)
                    {
                        ProportionEstimate ci = BinomialInterval.Compute(x, n, method, level);
                        Assert.True(
                            ci.Lower >= 0.0 && ci.Lower <= ci.Estimate && ci.Estimate <= ci.Upper && ci.Upper <= 1.0,
                            $"{method} {x}/{n} at {level}: [{ci.Lower}, {ci.Upper}] around {ci.Estimate}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_interval_widens_as_the_level_rises()
    {
        foreach (BinomialCiMethod method in AllMethods)
        {
            foreach (int n in new[] { 1, 5, 20, 43, 50, 200 })
            {
                for (int x = 0; x <= n; x++)
                {
                    ProportionEstimate previous = BinomialInterval.Compute(x, n, method, Levels[0]);
                    foreach (ConfidenceLevel level in Levels.Skip(1))
                    {
                        ProportionEstimate ci = BinomialInterval.Compute(x, n, method, level);
                        Assert.True(ci.Lower <= previous.Lower && ci.Upper >= previous.Upper, $"{method} {x}/{n} at {level}");
                        previous = ci;
                    }
                }
            }
        }
    }

    [Fact]
    public void Clopper_Pearson_limits_solve_the_binomial_tail_equations_summed_term_by_term()
    {
        // I_p(x, n − x + 1) = P(Bin(n, p) ≥ x): at the lower limit that tail is α/2, at the upper P(X ≤ x) is α/2.
        // The tails are summed from the probability mass function, independently of the incomplete beta function.
        foreach (ConfidenceLevel level in Levels)
        {
            double halfAlpha = (1.0 - level.Value) / 2.0;
            foreach (int n in new[] { 1, 5, 20, 43, 50, 200 })
            {
                for (int x = 0; x <= n; x++)
                {
                    ProportionEstimate ci = BinomialInterval.Compute(x, n, BinomialCiMethod.ClopperPearson, level);
                    if (x > 0)
                    {
                        double upperTail = Enumerable.Range(x, n - x + 1).Sum(k => Binomial.PMF(ci.Lower, n, k));
                        Assert.True(Math.Abs(upperTail - halfAlpha) <= 1e-11 * halfAlpha, $"P(X >= {x}) at the lower limit of {x}/{n}: {upperTail}");
                    }

                    if (x < n)
                    {
                        double lowerTail = Enumerable.Range(0, x + 1).Sum(k => Binomial.PMF(ci.Upper, n, k));
                        Assert.True(Math.Abs(lowerTail - halfAlpha) <= 1e-11 * halfAlpha, $"P(X <= {x}) at the upper limit of {x}/{n}: {lowerTail}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Continuity_correction_widens_the_Wilson_interval()
    {
        for (int x = 0; x <= 30; x++)
        {
            ProportionEstimate plain = BinomialInterval.Compute(x, 30, BinomialCiMethod.Wilson);
            ProportionEstimate corrected = BinomialInterval.Compute(x, 30, BinomialCiMethod.WilsonCorrected);
            Assert.True(corrected.Lower <= plain.Lower && corrected.Upper >= plain.Upper, $"{x}/30");
        }
    }

    [Fact]
    public void The_result_carries_its_inputs_and_defaults_to_exact_95_percent_limits()
    {
        ProportionEstimate ci = BinomialInterval.Compute(36, 50);

        Assert.Equal((36, 50, 0.72), (ci.X, ci.N, ci.Estimate));
        Assert.Equal(BinomialCiMethod.ClopperPearson, ci.Method);
        Assert.Equal(0.95, ci.ConfidenceLevel.Value);

        ProportionEstimate jeffreys = BinomialInterval.Compute(36, 50, BinomialCiMethod.Jeffreys, ConfidenceLevel.Create(0.9));
        Assert.Equal(BinomialCiMethod.Jeffreys, jeffreys.Method);
        Assert.Equal(0.9, jeffreys.ConfidenceLevel.Value);
    }

    [Fact]
    public void Exact_test_p_values_for_small_cases_are_the_hand_summed_fractions()
    {
        // Bin(4, 1/2): probabilities 1, 4, 6, 4, 1 over 16.
        Assert.Equal(11.0 / 16.0, BinomialTest.Exact(2, 4, 0.5).PValue, 1e-15);
        Assert.Equal(11.0 / 16.0, BinomialTest.Exact(2, 4, 0.5, BinomialAlternative.Less).PValue, 1e-15);
        Assert.Equal(1.0 / 16.0, BinomialTest.Exact(4, 4, 0.5).PValue, 1e-15);
        Assert.Equal(1.0, BinomialTest.Exact(2, 4, 0.5, BinomialAlternative.TwoSided).PValue);   // x = n·p₀
        Assert.Equal(2.0 / 16.0, BinomialTest.Exact(4, 4, 0.5, BinomialAlternative.TwoSided).PValue, 1e-15);
        Assert.Equal(10.0 / 16.0, BinomialTest.Exact(1, 4, 0.5, BinomialAlternative.TwoSided).PValue, 1e-15);
        // Bin(3, 0.3): 0.343, 0.441, 0.189, 0.027; x = 2 is above the mean 0.9 and P(X=0) = 0.343 > 0.189, so
        // the two-sided p-value is just P(X ≥ 2) = 0.216.
        Assert.Equal(0.216, BinomialTest.Exact(2, 3, 0.3, BinomialAlternative.TwoSided).PValue, 1e-15);
    }

    [Fact]
    public void The_exact_test_result_carries_its_inputs_and_defaults_to_the_greater_alternative()
    {
        BinomialTestResult result = BinomialTest.Exact(36, 50, 0.5);

        Assert.Equal((36, 50, 0.5, BinomialAlternative.Greater), (result.X, result.N, result.NullProportion, result.Alternative));
        Assert.Equal(0.0013010857283610744, result.PValue, 1e-15);   // R binom.test(36, 50, 0.5, "greater")
    }

    [Fact]
    public void An_x_above_n_is_rejected_with_the_range_and_the_fix()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialInterval.Compute(51, 50));

        Assert.Equal("x", e.ParamName);
        Assert.StartsWith("--x: expected an integer from 0 to n (50), found 51. ", e.Message, StringComparison.Ordinal);
        Assert.Contains("check that x and n are not swapped", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_x_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialInterval.Compute(-1, 10, BinomialCiMethod.Wilson));

        Assert.Equal("x", e.ParamName);
        Assert.StartsWith("--x: expected an integer from 0 to n (10), found -1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_sample_is_rejected_and_every_problem_is_reported_at_once()
    {
        var empty = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialInterval.Compute(0, 0));
        Assert.Equal("n", empty.ParamName);
        Assert.StartsWith("--n: expected a number of trials >= 1, found 0.", empty.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--x:", empty.Message, StringComparison.Ordinal);

        var both = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.Exact(-2, -1, 30.0));
        Assert.Equal("n", both.ParamName);
        Assert.Contains("--n: expected a number of trials >= 1, found -1.", both.Message, StringComparison.Ordinal);
        Assert.Contains("--x: expected an integer from 0 to n, found -2.", both.Message, StringComparison.Ordinal);
        Assert.Contains("--p0: expected a null proportion strictly between 0 and 1, found 30. Give it as a fraction (0.3), not a percentage (30).", both.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_null_proportion_outside_0_to_1_is_rejected(double p0)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.Exact(3, 10, p0, BinomialAlternative.TwoSided));

        Assert.Equal("p0", e.ParamName);
        Assert.StartsWith("--p0: expected a null proportion strictly between 0 and 1, found ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exact_test_validates_x_against_n()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.Exact(11, 10, 0.3));

        Assert.Equal("x", e.ParamName);
        Assert.StartsWith("--x: expected an integer from 0 to n (10), found 11.", e.Message, StringComparison.Ordinal);
    }
}
