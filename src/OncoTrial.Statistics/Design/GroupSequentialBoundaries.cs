namespace OncoTrial.Statistics.Design;

/// <summary>
/// A one-sided group-sequential design with Lan-DeMets alpha spending and optional non-binding futility bounds, on the standardised
/// z-statistic scale, with its characteristics under H₀ and under the H₁ that gives the requested power.
/// </summary>
/// <param name="InformationRates">Information fractions t₁ &lt; … &lt; t_K = 1.</param>
/// <param name="Alpha">One-sided level α.</param>
/// <param name="Beta">Type II error β (power 1 − β).</param>
/// <param name="Spending">The alpha-spending function.</param>
/// <param name="GridPointsPerUnit">Integration grid density (Simpson panels per unit of z).</param>
/// <param name="CriticalValues">Efficacy critical values c_k: reject H₀ at look k when Z_k ≥ c_k (rpact <c>criticalValues</c>).</param>
/// <param name="CumulativeAlphaSpent">α(t_k), the spending function at each look (rpact <c>alphaSpent</c>).</param>
/// <param name="RejectionProbabilitiesH0">P_H₀(first crossing at look k) ignoring futility bounds (non-binding); sums to α(t_k) cumulatively.</param>
/// <param name="RejectionProbabilitiesH1">P_H₁(first crossing at look k), futility bounds followed (rpact <c>rejectionProbabilities</c>).</param>
/// <param name="Drift">θ√I_max: the mean of Z_K under H₁ that gives power 1 − β (rpact <c>sqrt(shift)</c>).</param>
/// <param name="InflationFactor">(Drift/(z_α + z_β))²: maximum over fixed-design information (rpact <c>inflationFactor</c>).</param>
/// <param name="ExpectedInformationH0">Expected information at stopping under H₀ (futility bounds followed), as a fraction of the maximum.</param>
/// <param name="ExpectedInformationH1">Expected information at stopping under H₁ (futility bounds followed), as a fraction of the maximum.</param>
public sealed record GroupSequentialBoundaries(
    IReadOnlyList<double> InformationRates,
    double Alpha,
    double Beta,
    LanDeMetsSpending Spending,
    int GridPointsPerUnit,
    IReadOnlyList<double> CriticalValues,
    IReadOnlyList<double> CumulativeAlphaSpent,
    IReadOnlyList<double> RejectionProbabilitiesH0,
    IReadOnlyList<double> RejectionProbabilitiesH1,
    double Drift,
    double InflationFactor,
    double ExpectedInformationH0,
    double ExpectedInformationH1)
{
    /// <summary>Number of analyses K.</summary>
    public int Stages => InformationRates.Count;

    /// <summary>Non-binding futility bounds f₁ … f_{K−1} on the z scale (empty when none).</summary>
    public IReadOnlyList<double> FutilityBounds { get; init; } = [];

    /// <summary>P_H₀(stop for futility at interim look k), k &lt; K, when the futility bounds are followed (zeros when there are none).</summary>
    public IReadOnlyList<double> FutilityProbabilitiesH0 { get; init; } = [];

    /// <summary>P_H₁(stop for futility at interim look k), k &lt; K (rpact <c>futilityProbabilities</c>).</summary>
    public IReadOnlyList<double> FutilityProbabilitiesH1 { get; init; } = [];

    /// <summary>Power: the sum of <see cref="RejectionProbabilitiesH1"/>.</summary>
    public double Power => RejectionProbabilitiesH1.Sum();
}
