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
