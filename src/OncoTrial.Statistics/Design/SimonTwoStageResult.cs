namespace OncoTrial.Statistics.Design;

/// <summary>
/// A Simon two-stage design: stop for futility if X₁ ≤ r₁ of n₁; otherwise treat n − n₁ more and declare the drug
/// active if X₁ + X₂ &gt; r of n. Carries the requirements that produced it.
/// </summary>
/// <param name="P0">Uninteresting response rate p₀.</param>
/// <param name="P1">Desirable response rate p₁.</param>
/// <param name="AlphaTarget">Required type I error bound α*.</param>
/// <param name="PowerTarget">Required power 1 − β*.</param>
/// <param name="Criterion">Optimal or minimax.</param>
/// <param name="R1">Stage-1 futility bound r₁.</param>
/// <param name="N1">Stage-1 sample size n₁.</param>
/// <param name="R">Final bound r: active if more than r responses.</param>
/// <param name="N">Maximum sample size n.</param>
/// <param name="ExpectedSampleSize0">EN₀ = n₁ + (1 − PET₀)(n − n₁).</param>
/// <param name="EarlyTerminationProbability0">PET₀ = B(r₁; n₁, p₀).</param>
/// <param name="Alpha">Actual type I error P(X₁ &gt; r₁, X₁ + X₂ &gt; r | p₀) ≤ α*.</param>
/// <param name="Power">Actual power, the same probability under p₁, ≥ 1 − β*.</param>
public sealed record SimonTwoStageResult(
    double P0,
    double P1,
    double AlphaTarget,
    double PowerTarget,
    SimonCriterion Criterion,
    int R1,
    int N1,
    int R,
    int N,
    double ExpectedSampleSize0,
    double EarlyTerminationProbability0,
    double Alpha,
    double Power);

/// <summary>
/// A single-stage exact binomial design (A'Hern 2001): treat n and declare the drug active if at least
/// <see cref="MinimumResponses"/> respond.
/// </summary>
/// <param name="P0">Uninteresting response rate p₀.</param>
/// <param name="P1">Desirable response rate p₁.</param>
/// <param name="AlphaTarget">Required one-sided α*.</param>
/// <param name="PowerTarget">Required power 1 − β*.</param>
/// <param name="N">Sample size n.</param>
/// <param name="MinimumResponses">A'Hern's r: active if X ≥ r (in Simon's notation, X &gt; r − 1).</param>
/// <param name="Alpha">Actual α = P(X ≥ r | n, p₀).</param>
/// <param name="Power">Actual power = P(X ≥ r | n, p₁).</param>
public sealed record SingleStageBinomialResult(
    double P0,
    double P1,
    double AlphaTarget,
    double PowerTarget,
    int N,
    int MinimumResponses,
    double Alpha,
    double Power);
