namespace OncoTrial.Statistics.Design;

/// <summary>A'Hern's (2001) single-stage phase II design based on the exact binomial distribution.</summary>
public static class SingleStageBinomialDesign
{
    /// <summary>
    /// Every problem with the inputs of <see cref="Find"/> (empty when valid), each named by its option: <c>p0</c>,
    /// <c>p1</c>, <c>alpha</c> and <c>power</c> strictly between 0 and 1, <c>p1</c> above <c>p0</c>
    /// (<c>OPTION_CONFLICT</c>), and <c>max-n</c> from 1 to 5000. <see cref="Find"/> throws the same text.
    /// </summary>
    /// <param name="p0">Uninteresting response rate.</param>
    /// <param name="p1">Desirable response rate.</param>
    /// <param name="alpha">One-sided α*.</param>
    /// <param name="power">Power.</param>
    /// <param name="maxN">Largest n searched.</param>
    public static IReadOnlyList<Problem> Validate(double p0, double p1, double alpha, double power, int maxN = 1000)
    {
        var problems = SimonTwoStageDesign.ValidateRates(p0, p1, alpha, power);
        if (maxN < 1 || maxN > 5000)
        {
            problems.Add(OptionProblems.WholeNumber("max-n", "a sample size from 1 to 5000", maxN));
        }

        return problems.AsReadOnly();
    }

    /// <summary>Finds the smallest n (and its r) that meets α* and the power.</summary>
    /// <param name="p0">Uninteresting response rate, 0 &lt; p₀ &lt; p₁.</param>
    /// <param name="p1">Desirable response rate, p₀ &lt; p₁ &lt; 1.</param>
    /// <param name="alpha">One-sided α*, 0 &lt; α* &lt; 1.</param>
    /// <param name="power">Power 1 − β*, 0 &lt; power &lt; 1.</param>
    /// <param name="maxN">Largest n searched, 1 ≤ maxN ≤ 5000.</param>
    /// <returns>The design, or <c>null</c> when none with n ≤ <paramref name="maxN"/> exists.</returns>
    /// <remarks>
    /// A'Hern RP. Sample size tables for exact single-stage phase II designs. Stat Med 2001;20:859–866. For
    /// n = 1, 2, …: r = the smallest count with P(X ≥ r | n, p₀) ≤ α*; the design is the first n with
    /// P(X ≥ r | n, p₁) ≥ 1 − β*. Tails: P(X ≥ r) = I_p(r, n − r + 1). The smallest n is reported even though
    /// a slightly larger n may fail (the power is not monotone in n). R: <c>binom</c>-free loop over
    /// <c>pbinom(r - 1, n, p, lower.tail = FALSE)</c> (tests/oracle/design-simon.R).
    /// </remarks>
    public static SingleStageBinomialResult? Find(double p0, double p1, double alpha, double power, int maxN = 1000)
    {
        OptionProblems.ThrowIfAny(Validate(p0, p1, alpha, power, maxN));

        for (int n = 1; n <= maxN; n++)
        {
            int r = 0;
            double a = 1.0;
            while (r <= n + 1 && a > alpha)
            {
                r++;
                a = UpperTail(r, n, p0);
            }

            if (r > n)
            {
                continue;
            }

            double pw = UpperTail(r, n, p1);
            if (pw >= power - 1e-12)
            {
                return new SingleStageBinomialResult(p0, p1, alpha, power, n, r, a, pw);
            }
        }

        return null;
    }

    /// <summary>P(X ≥ r), X ~ Bin(n, p).</summary>
    private static double UpperTail(int r, int n, double p) =>
        r <= 0 ? 1.0 : r > n ? 0.0 : MathNet.Numerics.SpecialFunctions.BetaRegularized(r, n - r + 1, p);
}
