namespace OncoTrial.Statistics;

/// <summary>The exact (binomial) test of a single proportion against a null value p₀.</summary>
public static class BinomialTest
{
    /// <summary>R's relative fuzz for "as or less probable than the observed outcome" in the two-sided p-value.</summary>
    private const double RelativeErrorFuzz = 1.0 + 1e-7;

    /// <summary>Exact binomial test of H₀: p = p₀ from x successes in n trials.</summary>
    /// <param name="x">Number of successes, 0 ≤ x ≤ n.</param>
    /// <param name="n">Number of trials, n ≥ 1.</param>
    /// <param name="p0">The null proportion, 0 &lt; p₀ &lt; 1 (e.g. the historical response rate).</param>
    /// <param name="alternative">The alternative hypothesis; default <see cref="BinomialAlternative.Greater"/>.</param>
    /// <returns>The p-value with the inputs that produced it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, x outside [0, n], or p₀ outside (0, 1); the message lists every problem.</exception>
    /// <remarks>
    /// <para>With X ~ Bin(n, p₀) and f(k) = P(X = k):</para>
    /// <list type="bullet">
    /// <item>greater: P(X ≥ x) = I_{p₀}(x, n − x + 1);</item>
    /// <item>less: P(X ≤ x) = I_{1−p₀}(n − x, x + 1);</item>
    /// <item>two-sided: Σ f(k) over all k with f(k) ≤ f(x)·(1 + 10⁻⁷), capped at 1, and exactly 1 when x = n·p₀.
    /// Only the tail opposite x is scanned, as R does, so the p-value is one tail plus the part of the other
    /// tail that is no more probable than x.</item>
    /// </list>
    /// <para>Reference: Clopper &amp; Pearson (1934), Biometrika 26:404–413; the two-sided rule is the "minimum
    /// likelihood" method (Hollander &amp; Wolfe, Nonparametric Statistical Methods, §2.1).</para>
    /// <para>R: <c>binom.test(x, n, p = p0, alternative = "greater" | "less" | "two.sided")$p.value</c>, reproduced
    /// to 1e-10 relative (tests/oracle/binomial.R). SAS: PROC FREQ with <c>TABLES / BINOMIAL(P = p0)</c> and
    /// <c>EXACT BINOMIAL</c> gives the same one-sided p-values; its two-sided exact p-value doubles the smaller
    /// one-sided value instead of the minimum-likelihood sum.</para>
    /// </remarks>
    public static BinomialTestResult Exact(int x, int n, double p0, BinomialAlternative alternative = BinomialAlternative.Greater)
    {
        BinomialMath.Validate(x, n, p0);
        double p = alternative switch
        {
            BinomialAlternative.Greater => BinomialMath.UpperTail(x, n, p0),
            BinomialAlternative.Less => BinomialMath.LowerTail(x, n, p0),
            BinomialAlternative.TwoSided => TwoSided(x, n, p0),
            _ => throw new ArgumentOutOfRangeException(
                nameof(alternative),
                SurvivalInput.Invariant($"alternative: expected Greater, Less or TwoSided, found {alternative}. Use a defined BinomialAlternative.")),
        };
        return new BinomialTestResult(x, n, p0, alternative, p);
    }

    /// <summary>
    /// Every problem with the test's inputs (empty when valid): those of <see cref="BinomialInterval.Validate"/> and
    /// 0 &lt; p₀ &lt; 1 (option <c>p0</c>). <see cref="Exact"/> throws the same text.
    /// </summary>
    /// <param name="x">Number of successes.</param>
    /// <param name="n">Number of trials.</param>
    /// <param name="p0">The null proportion.</param>
    public static IReadOnlyList<Problem> Validate(int x, int n, double p0) => BinomialMath.Problems(x, n, p0);

    private static double TwoSided(int x, int n, double p0)
    {
        double m = n * p0;
        if (x == m)
        {
            return 1.0;
        }

        double threshold = BinomialMath.Density(x, n, p0) * RelativeErrorFuzz;
        double p;
        if (x < m)
        {
            // Count the outcomes at or above the mean that are no more likely than x; they form the upper tail.
            int y = 0;
            for (int k = (int)Math.Ceiling(m); k <= n; k++)
            {
                if (BinomialMath.Density(k, n, p0) <= threshold)
                {
                    y++;
                }
            }

            p = BinomialMath.LowerTail(x, n, p0) + BinomialMath.UpperTail(n - y + 1, n, p0);
        }
        else
        {
            int y = 0;
            for (int k = 0; k <= (int)Math.Floor(m); k++)
            {
                if (BinomialMath.Density(k, n, p0) <= threshold)
                {
                    y++;
                }
            }

            p = BinomialMath.LowerTail(y - 1, n, p0) + BinomialMath.UpperTail(x, n, p0);
        }

        return Math.Min(1.0, p);
    }
}
