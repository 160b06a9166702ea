namespace OncoTrial.Statistics;

/// <summary>Two-sided confidence intervals for a single binomial proportion x/n (e.g. an objective response rate).</summary>
public static class BinomialInterval
{
    /// <summary>Computes p̂ = x/n and its two-sided confidence interval.</summary>
    /// <param name="x">Number of successes (responders), 0 ≤ x ≤ n.</param>
    /// <param name="n">Number of trials (subjects), n ≥ 1. n = 0 is rejected: 0/0 has no estimate, and R's
    /// <c>binom.test</c> and <c>prop.test</c> reject it too; the caller reports such a proportion as not estimable.</param>
    /// <param name="method">The interval method; default <see cref="BinomialCiMethod.ClopperPearson"/>.</param>
    /// <param name="level">Two-sided confidence level, 0 &lt; level &lt; 1; default 0.95.</param>
    /// <returns>The estimate and limits, both limits in [0, 1], with the method and level that produced them.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1 or x outside [0, n]; the message lists every problem.</exception>
    /// <remarks>
    /// <para>Notation: p̂ = x/n, α = 1 − level, z = Φ⁻¹(1 − α/2), B⁻¹(q; a, b) the q-quantile of Beta(a, b).</para>
    /// <list type="bullet">
    /// <item><b>Clopper–Pearson</b> (Clopper &amp; Pearson 1934, Biometrika 26:404–413): lower B⁻¹(α/2; x, n−x+1),
    /// 0 when x = 0; upper B⁻¹(1−α/2; x+1, n−x), 1 when x = n. The lower limit p_L solves
    /// P(Bin(n, p_L) ≥ x) = I_{p_L}(x, n−x+1) = α/2 and the upper p_U solves P(Bin(n, p_U) ≤ x) = α/2.
    /// R <c>binom.test(x, n, conf.level = level)$conf.int</c>; SAS PROC FREQ BINOMIAL "Exact Conf Limits"
    /// (the F-distribution form in the SAS documentation is the same interval).</item>
    /// <item><b>Wilson</b> (Wilson 1927, JASA 22:209–212): (p̂ + z²/(2n) ± z·√(p̂(1−p̂)/n + z²/(4n²))) / (1 + z²/n).
    /// R <c>prop.test(x, n, correct = FALSE)$conf.int</c>; SAS BINOMIAL(CL=WILSON).</item>
    /// <item><b>Wilson, continuity-corrected</b> (Newcombe 1998, Stat Med 17:857–872, method 4): the Wilson formula
    /// with p̂ replaced by p̂ + 1/(2n) for the upper limit and p̂ − 1/(2n) for the lower; a limit whose shifted
    /// proportion reaches 1 (x = n) or 0 (x = 0) is 1 or 0. R <c>prop.test(x, n, p, correct = TRUE)$conf.int</c>,
    /// with one difference: prop.test shrinks the correction to min(½, |x − n·p|) where p is its null proportion
    /// (default ½), so with the default p it drops the correction when x = n/2. This method always applies
    /// the full correction. SAS BINOMIAL(CL=WILSON(CORRECT)).</item>
    /// <item><b>Jeffreys</b> (Brown, Cai &amp; DasGupta 2001, Stat Sci 16:101–133, §4.1.2): B⁻¹(α/2; x+½, n−x+½)
    /// to B⁻¹(1−α/2; x+½, n−x+½), with the lower limit set to 0 at x = 0 and the upper to 1 at x = n.
    /// R <c>qbeta</c>; SAS BINOMIAL(CL=JEFFREYS).</item>
    /// <item><b>Agresti–Coull</b> (Agresti &amp; Coull 1998, Am Stat 52:119–126; the z² form of Brown, Cai &amp;
    /// DasGupta 2001): ñ = n + z², p̃ = (x + z²/2)/ñ, p̃ ± z·√(p̃(1−p̃)/ñ), truncated to [0, 1].
    /// SAS BINOMIAL(CL=AGRESTICOULL); R <c>binom::binom.confint(method = "agresti-coull")</c>.</item>
    /// <item><b>Wald</b>: p̂ ± z·√(p̂(1−p̂)/n), truncated to [0, 1]; it collapses to [0, 0] at x = 0 and [1, 1] at
    /// x = n. SAS BINOMIAL(CL=WALD); R <c>binom::binom.confint(method = "asymptotic")</c>.</item>
    /// </list>
    /// <para>Beta quantiles start from MathNet.Numerics' <c>Beta.InvCDF</c> and are polished by a safeguarded Newton
    /// iteration on the regularized incomplete beta function, because MathNet's quantile stops at an absolute
    /// tolerance of about 1e-12 (7e-9 relative error at 1/200, 99%, unpolished); the polished limits agree with
    /// R to 3e-13 relative
    /// (tests/oracle/binomial.R). Formulas and a worked 36/50 example: docs/methods/binomial.md.</para>
    /// </remarks>
    public static ProportionEstimate Compute(int x, int n, BinomialCiMethod method = BinomialCiMethod.ClopperPearson, ConfidenceLevel? level = null)
    {
        BinomialMath.Validate(x, n);
        ConfidenceLevel cl = level ?? ConfidenceLevel.Default;
        double alpha = 1.0 - cl.Value;
        double z = cl.Z;
        double estimate = (double)x / n;
        (double lower, double upper) = method switch
        {
            BinomialCiMethod.ClopperPearson => ClopperPearson(x, n, alpha),
            BinomialCiMethod.Wilson => Wilson(estimate, estimate, n, z),
            BinomialCiMethod.WilsonCorrected => Wilson(estimate - (0.5 / n), estimate + (0.5 / n), n, z),
            BinomialCiMethod.Jeffreys => Jeffreys(x, n, alpha),
            BinomialCiMethod.AgrestiCoull => AgrestiCoull(x, n, z),
            BinomialCiMethod.Wald => Wald(estimate, n, z),
            _ => throw new ArgumentOutOfRangeException(
                nameof(method),
                SurvivalInput.Invariant($"method: expected a defined BinomialCiMethod, found {method}. Use ClopperPearson, Wilson, WilsonCorrected, Jeffreys, AgrestiCoull or Wald.")),
        };
        return new ProportionEstimate(x, n, estimate, lower, upper, method, cl);
    }

    /// <summary>
    /// Every problem with x successes in n trials (empty when valid): n ≥ 1 (option <c>n</c>) and 0 ≤ x ≤ n (option
    /// <c>x</c>), e.g. "--x: expected an integer from 0 to n (50), found 51. …". <see cref="Compute"/> throws the same text.
    /// </summary>
    /// <param name="x">Number of successes.</param>
    /// <param name="n">Number of trials.</param>
    public static IReadOnlyList<Problem> Validate(int x, int n) => BinomialMath.Problems(x, n);

    private static (double Lower, double Upper) ClopperPearson(int x, int n, double alpha)
    {
        double lower = x == 0 ? 0.0 : BinomialMath.BetaQuantile(alpha / 2.0, x, n - x + 1);
        // B⁻¹(1−α/2; x+1, n−x) = 1 − B⁻¹(α/2; n−x, x+1): solving for the small tail keeps 1 − upper accurate.
        double upper = x == n ? 1.0 : 1.0 - BinomialMath.BetaQuantile(alpha / 2.0, n - x, x + 1);
        return (lower, upper);
    }

    private static (double Lower, double Upper) Jeffreys(int x, int n, double alpha)
    {
        double lower = x == 0 ? 0.0 : BinomialMath.BetaQuantile(alpha / 2.0, x + 0.5, n - x + 0.5);
        double upper = x == n ? 1.0 : 1.0 - BinomialMath.BetaQuantile(alpha / 2.0, n - x + 0.5, x + 0.5);
        return (lower, upper);
    }

    /// <summary>Wilson's score limits at the (possibly continuity-shifted) proportions, in R prop.test's arithmetic.</summary>
    private static (double Lower, double Upper) Wilson(double pLower, double pUpper, int n, double z)
    {
        double z22n = z * z / (2.0 * n);
        double lower = pLower <= 0.0
            ? 0.0
            : (pLower + z22n - (z * Math.Sqrt((pLower * (1.0 - pLower) / n) + (z22n / (2.0 * n))))) / (1.0 + (2.0 * z22n));
        double upper = pUpper >= 1.0
            ? 1.0
            : (pUpper + z22n + (z * Math.Sqrt((pUpper * (1.0 - pUpper) / n) + (z22n / (2.0 * n))))) / (1.0 + (2.0 * z22n));
        return (Math.Max(0.0, lower), Math.Min(1.0, upper));
    }

    private static (double Lower, double Upper) AgrestiCoull(int x, int n, double z)
    {
        double nTilde = n + (z * z);
        double pTilde = (x + (z * z / 2.0)) / nTilde;
        double halfWidth = z * Math.Sqrt(pTilde * (1.0 - pTilde) / nTilde);
        return (Math.Max(0.0, pTilde - halfWidth), Math.Min(1.0, pTilde + halfWidth));
    }

    private static (double Lower, double Upper) Wald(double estimate, int n, double z)
    {
        double halfWidth = z * Math.Sqrt(estimate * (1.0 - estimate) / n);
        return (Math.Max(0.0, estimate - halfWidth), Math.Min(1.0, estimate + halfWidth));
    }
}
