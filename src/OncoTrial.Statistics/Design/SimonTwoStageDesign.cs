namespace OncoTrial.Statistics.Design;

/// <summary>Simon's (1989) optimal and minimax two-stage phase II designs by exhaustive search.</summary>
public static class SimonTwoStageDesign
{
    /// <summary>Default upper limit of the total sample size searched (that of <c>clinfun::ph2simon</c>).</summary>
    public const int DefaultMaxN = 100;

    /// <summary>Finds the optimal or minimax two-stage design.</summary>
    /// <param name="p0">Uninteresting response rate, 0 &lt; p₀ &lt; p₁.</param>
    /// <param name="p1">Desirable response rate, p₀ &lt; p₁ &lt; 1.</param>
    /// <param name="alpha">Type I error bound α*, 0 &lt; α* &lt; 1 (one-sided).</param>
    /// <param name="power">Power 1 − β*, 0 &lt; power &lt; 1.</param>
    /// <param name="criterion">Optimal (minimum EN₀) or minimax (minimum n, then EN₀).</param>
    /// <param name="maxN">Largest total sample size searched, 2 ≤ maxN ≤ 1000.</param>
    /// <returns>The design, or <c>null</c> when no design with n ≤ <paramref name="maxN"/> meets α* and the power.</returns>
    /// <remarks>
    /// <para>Simon R. Optimal two-stage designs for phase II clinical trials. Control Clin Trials 1989;10:1–10.
    /// Reject H₀ if X₁ &gt; r₁ and X₁ + X₂ &gt; r: P = Σ_{x=r₁+1}^{n₁} b(x; n₁, p) · P(Bin(n − n₁, p) &gt; r − x),
    /// exactly. PET₀ = B(r₁; n₁, p₀), EN₀ = n₁ + (1 − PET₀)(n − n₁).</para>
    /// <para>Search: every n ≤ maxN, 1 ≤ n₁ &lt; n, 0 ≤ r₁ &lt; n₁; for each, α and power fall as r grows, so the
    /// smallest r with α ≤ α* (found by bisection) is the only candidate that can reach the power. Probabilities come
    /// from binomial tables built once per p. Ties in EN₀ keep the design found first (smaller n, then n₁, r₁).
    /// R: <c>clinfun::ph2simon(pu, pa, ep1, ep2, nmax)</c>; SAS has no procedure (macros exist).</para>
    /// </remarks>
    public static SimonTwoStageResult? Find(double p0, double p1, double alpha, double power, SimonCriterion criterion, int maxN = DefaultMaxN)
    {
        OptionProblems.ThrowIfAny(Validate(p0, p1, alpha, power, maxN));
        if (!Enum.IsDefined(criterion))
        {
            throw new ArgumentOutOfRangeException(nameof(criterion), DesignText.Invariant($"criterion: expected Optimal or Minimax, found {criterion}."));
        }

        var t0 = new BinomialTable(p0, maxN);
        var t1 = new BinomialTable(p1, maxN);
        double powerFloor = power - 1e-12;
        (int R1, int N1, int R, int N, double En, double Pet)? best = null;
        for (int n = 2; n <= maxN; n++)
        {
            if (criterion == SimonCriterion.Minimax && best is not null)
            {
                break;
            }

            for (int n1 = 1; n1 < n; n1++)
            {
                if (criterion == SimonCriterion.Optimal && best is { } b0 && n1 >= b0.En)
                {
                    break; // EN₀ ≥ n₁, so no larger n₁ can improve.
                }

                for (int r1 = 0; r1 < n1; r1++)
                {
                    double pet = t0.AtMost(n1, r1);
                    double en = n1 + ((1.0 - pet) * (n - n1));
                    if (best is { } b && en >= b.En)
                    {
                        continue;
                    }

                    // Smallest r in [r1, n - 1] with alpha(r) <= alpha*; alpha(n) = 0.
                    int lo = r1;
                    int hi = n;
                    while (lo < hi)
                    {
                        int mid = (lo + hi) / 2;
                        if (t0.Reject(r1, n1, mid, n) <= alpha)
                        {
                            hi = mid;
                        }
                        else
                        {
                            lo = mid + 1;
                        }
                    }

                    if (lo >= n || t1.Reject(r1, n1, lo, n) < powerFloor)
                    {
                        continue;
                    }

                    best = (r1, n1, lo, n, en, pet);
                }
            }
        }

        if (best is not { } d)
        {
            return null;
        }

        return new SimonTwoStageResult(
            p0, p1, alpha, power, criterion, d.R1, d.N1, d.R, d.N, d.En, d.Pet,
            t0.Reject(d.R1, d.N1, d.R, d.N), t1.Reject(d.R1, d.N1, d.R, d.N));
    }

    /// <summary>
    /// The operating characteristics of a given two-stage design r₁/n₁, r/n under p₀ and p₁ (same formulas as
    /// <see cref="Find"/>); <see cref="SimonTwoStageResult.Criterion"/> is <paramref name="criterion"/> as labelled by the caller.
    /// </summary>
    /// <param name="p0">Uninteresting response rate, 0 &lt; p₀ &lt; p₁.</param>
    /// <param name="p1">Desirable response rate, p₀ &lt; p₁ &lt; 1.</param>
    /// <param name="r1">Stage-1 bound, 0 ≤ r₁ &lt; n₁.</param>
    /// <param name="n1">Stage-1 size, 1 ≤ n₁ &lt; n.</param>
    /// <param name="r">Final bound, r₁ ≤ r &lt; n.</param>
    /// <param name="n">Total size, n ≤ 1000.</param>
    /// <param name="criterion">Label only.</param>
    public static SimonTwoStageResult Evaluate(double p0, double p1, int r1, int n1, int r, int n, SimonCriterion criterion = SimonCriterion.Optimal)
    {
        OptionProblems.ThrowIfAny(ValidateRates(p0, p1, 0.5, 0.5));
        if (!(n1 >= 1 && n1 < n && n <= 1000 && r1 >= 0 && r1 < n1 && r >= r1 && r < n))
        {
            throw new ArgumentOutOfRangeException(nameof(n), DesignText.Invariant($"design: expected 0 <= r1 < n1 < n <= 1000 and r1 <= r < n, found {r1}/{n1}, {r}/{n}."));
        }

        var t0 = new BinomialTable(p0, n);
        var t1 = new BinomialTable(p1, n);
        double pet = t0.AtMost(n1, r1);
        double a = t0.Reject(r1, n1, r, n);
        double pw = t1.Reject(r1, n1, r, n);
        return new SimonTwoStageResult(p0, p1, a, pw, criterion, r1, n1, r, n, n1 + ((1.0 - pet) * (n - n1)), pet, a, pw);
    }

    /// <summary>
    /// Every problem with the inputs of <see cref="Find"/> (empty when valid), each named by its option: <c>p0</c>,
    /// <c>p1</c>, <c>alpha</c> and <c>power</c> strictly between 0 and 1, <c>p1</c> above <c>p0</c>
    /// (<c>OPTION_CONFLICT</c>), and <c>max-n</c> from 2 to 1000. <see cref="Find"/> throws the same text.
    /// </summary>
    /// <param name="p0">Uninteresting response rate.</param>
    /// <param name="p1">Desirable response rate.</param>
    /// <param name="alpha">One-sided type I error bound.</param>
    /// <param name="power">Power.</param>
    /// <param name="maxN">Largest total sample size searched.</param>
    public static IReadOnlyList<Problem> Validate(double p0, double p1, double alpha, double power, int maxN = DefaultMaxN)
    {
        var problems = ValidateRates(p0, p1, alpha, power);
        if (maxN < 2 || maxN > 1000)
        {
            problems.Add(OptionProblems.WholeNumber("max-n", "a total sample size from 2 to 1000", maxN));
        }

        return problems.AsReadOnly();
    }

    /// <summary>The rate problems shared with <see cref="SingleStageBinomialDesign"/>; p1 &gt; p0 is checked only when the four are valid.</summary>
    internal static List<Problem> ValidateRates(double p0, double p1, double alpha, double power)
    {
        var problems = new List<Problem>();
        DesignText.CheckProbability(problems, "p0", p0, "Give the uninteresting response rate as a fraction (0.1).");
        DesignText.CheckProbability(problems, "p1", p1, "Give the desirable response rate as a fraction (0.3).");
        DesignText.CheckProbability(problems, "alpha", alpha, "Give it as a fraction (0.05).");
        DesignText.CheckProbability(problems, "power", power, "Give it as a fraction (0.8).");
        if (problems.Count == 0 && !(p1 > p0))
        {
            problems.Add(Problem.ForOption(
                "p1",
                OptionProblems.Conflict,
                DesignText.Invariant($"a response rate above p0 ({p0})"),
                DesignText.Invariant($"{p1}"),
                "The design tests H0: p <= p0 against p = p1 > p0."));
        }

        return problems;
    }
}
