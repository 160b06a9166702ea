namespace OncoTrial.Statistics.Design;

/// <summary>
/// The assumptions of a single-arm time-to-event design: survival under H₀ (historical control) and H₁, uniform
/// accrual over <see cref="Accrual"/> followed by a minimum follow-up <see cref="FollowUp"/>, error rates and dropout.
/// </summary>
/// <param name="Median0">Median survival under H₀ (historical control), &gt; 0, in any time unit.</param>
/// <param name="Median1">Median survival under H₁ (the hoped-for treatment), &gt; 0, in the same unit.</param>
/// <param name="Accrual">Accrual duration A (uniform accrual), &gt; 0, same unit.</param>
/// <param name="FollowUp">Minimum follow-up F after the last patient is enrolled, ≥ 0, same unit.</param>
/// <param name="Alpha">Significance level α, 0 &lt; α &lt; 1 (spent according to <paramref name="Sidedness"/>).</param>
/// <param name="Power">Power 1 − β, 0 &lt; power &lt; 1.</param>
/// <param name="Dropout">Fraction of enrolled patients expected to drop out, 0 ≤ dropout &lt; 1; enrolment = patients / (1 − dropout).</param>
/// <param name="Sidedness">Two-sided (default) or one-sided α.</param>
/// <param name="Method">The test the design is sized for.</param>
/// <param name="Shape">
/// Weibull shape k &gt; 0 of both survival curves, S(t) = exp(−ln 2 · (t/m)^k); 1 (default) is exponential.
/// Only <see cref="SingleArmSurvivalMethod.OneSampleLogRankWu2015"/> accepts k ≠ 1.
/// </param>
public sealed record SingleArmSurvivalInput(
    double Median0,
    double Median1,
    double Accrual,
    double FollowUp,
    double Alpha,
    double Power,
    double Dropout = 0.0,
    Sidedness Sidedness = Sidedness.TwoSided,
    SingleArmSurvivalMethod Method = SingleArmSurvivalMethod.ExponentialLogHazard,
    double Shape = 1.0)
{
    /// <summary>
    /// Every problem with the assumptions (empty when valid), each named by its option: <c>median0</c>, <c>median1</c>,
    /// <c>accrual</c> and <c>shape</c> finite and &gt; 0; <c>follow-up</c> finite and ≥ 0; <c>alpha</c> and <c>power</c>
    /// strictly between 0 and 1; <c>dropout</c> in [0, 1); <c>median1</c> different from <c>median0</c>; a shape other
    /// than 1 only with <see cref="SingleArmSurvivalMethod.OneSampleLogRankWu2015"/> (<c>OPTION_CONFLICT</c>); defined
    /// <c>method</c> and <c>sides</c>. <see cref="SingleArmSurvivalDesign.Compute"/> throws the same text.
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        void Positive(string option, double v, string hint)
        {
            if (!(v > 0) || double.IsInfinity(v))
            {
                problems.Add(Problem.OptionRange(option, "a finite number > 0", v, hint));
            }
        }

        Positive("median0", Median0, "Give the historical-control median in the time unit of the accrual.");
        Positive("median1", Median1, "Give the median hoped for under the treatment.");
        Positive("accrual", Accrual, "Give the accrual duration (uniform accrual).");
        Positive("shape", Shape, "1 is exponential survival.");
        if (!(FollowUp >= 0) || double.IsInfinity(FollowUp))
        {
            problems.Add(Problem.OptionRange("follow-up", "a finite number >= 0", FollowUp, "It is the minimum follow-up after the last patient is enrolled."));
        }

        DesignText.CheckProbability(problems, "alpha", Alpha, "Give it as a fraction (0.05), not a percentage.");
        DesignText.CheckProbability(problems, "power", Power, "Give it as a fraction (0.8), not a percentage.");
        if (!(Dropout >= 0 && Dropout < 1))
        {
            problems.Add(Problem.OptionRange("dropout", "a fraction from 0 (inclusive) to 1 (exclusive)", Dropout, "Give 20% as 0.2."));
        }

        if (Median0 > 0 && Median0 == Median1)
        {
            problems.Add(Problem.ForOption(
                "median1",
                OptionProblems.Conflict,
                DesignText.Invariant($"a median different from median0 ({Median0})"),
                DesignText.Invariant($"{Median1}"),
                "With equal medians there is nothing to detect."));
        }

        if (Method == SingleArmSurvivalMethod.ExponentialLogHazard && Shape != 1.0)
        {
            problems.Add(Problem.ForOption(
                "shape",
                OptionProblems.Conflict,
                "1 with the exponential log-hazard test, which assumes exponential survival",
                DesignText.Invariant($"{Shape}"),
                "Use the one-sample log-rank method (Wu 2015, --method wu) for Weibull survival."));
        }

        if (!Enum.IsDefined(Method))
        {
            problems.Add(OptionProblems.WholeNumber("method", "exponential or wu (a defined SingleArmSurvivalMethod)", (long)Method));
        }

        if (!Enum.IsDefined(Sidedness))
        {
            problems.Add(OptionProblems.WholeNumber("sides", "1 or 2 (a defined Sidedness)", (long)Sidedness));
        }

        return problems.AsReadOnly();
    }

    /// <summary>
    /// The median under H₁ that gives hazard ratio <paramref name="hazardRatio"/> (H₁ over H₀) for Weibull curves of
    /// shape <paramref name="shape"/> with S₁ = S₀^HR: m₁ = m₀ · HR^(−1/k).
    /// </summary>
    /// <param name="median0">Median under H₀, &gt; 0.</param>
    /// <param name="hazardRatio">Hazard ratio H₁/H₀, &gt; 0.</param>
    /// <param name="shape">Weibull shape k &gt; 0 (1 = exponential).</param>
    public static double Median1FromHazardRatio(double median0, double hazardRatio, double shape = 1.0)
    {
        if (!(median0 > 0) || !(hazardRatio > 0) || !(shape > 0) || double.IsInfinity(median0) || double.IsInfinity(hazardRatio) || double.IsInfinity(shape))
        {
            throw new ArgumentOutOfRangeException(
                nameof(hazardRatio),
                DesignText.Invariant($"median0, hazardRatio, shape: expected finite numbers > 0, found {median0}, {hazardRatio}, {shape}."));
        }

        return median0 * Math.Pow(hazardRatio, -1.0 / shape);
    }
}
