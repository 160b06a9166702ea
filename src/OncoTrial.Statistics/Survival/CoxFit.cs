namespace OncoTrial.Statistics;

/// <summary>
/// One term of a Cox model (a numeric covariate or one dummy of a categorical one).
/// </summary>
/// <param name="Name">The covariate name, or <c>name=level</c> for a dummy of a categorical covariate.</param>
/// <param name="Coefficient">β̂, the log hazard ratio per unit (or versus the reference level).</param>
/// <param name="StandardError">√ of the diagonal of the inverse information at β̂.</param>
/// <param name="HazardRatio">exp(β̂).</param>
/// <param name="Lower">Lower Wald limit exp(β̂ − z·SE).</param>
/// <param name="Upper">Upper Wald limit exp(β̂ + z·SE).</param>
/// <param name="Z">The Wald statistic β̂/SE.</param>
/// <param name="PValue">Two-sided p-value 2·Φ(−|Z|).</param>
public sealed record CoxTerm(string Name, double Coefficient, double StandardError, double HazardRatio, double Lower, double Upper, double Z, double PValue);

/// <summary>
/// The result of <see cref="CoxModel.Fit"/>: coefficients, their covariance, the partial log-likelihoods and the
/// three global tests, with the options that produced them.
/// </summary>
public sealed record CoxFit
{
    /// <summary>The options of the fit (ties, confidence level, iteration limits).</summary>
    public required CoxOptions Options { get; init; }

    /// <summary>Number of observations (rows) passed in, including any with weight 0.</summary>
    public required int N { get; init; }

    /// <summary>Number of events, counting each event with its case weight.</summary>
    public required double Events { get; init; }

    /// <summary>One entry per model term, in the order of the covariates (dummies in level order).</summary>
    public required IReadOnlyList<CoxTerm> Terms { get; init; }

    /// <summary>The estimated covariance of β̂: the inverse of the observed information at β̂ (rows = terms).</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Covariance { get; init; }

    /// <summary>The log partial likelihood at β = 0.</summary>
    public required double LogLikelihoodNull { get; init; }

    /// <summary>The log partial likelihood at β̂.</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>Wald test of β = 0 for all terms: β̂ᵀ I(β̂) β̂ on p degrees of freedom.</summary>
    public required ChiSquareTest Wald { get; init; }

    /// <summary>Likelihood-ratio test 2(ℓ(β̂) − ℓ(0)) on p degrees of freedom.</summary>
    public required ChiSquareTest LikelihoodRatio { get; init; }

    /// <summary>Score (log-rank type) test U(0)ᵀ I(0)⁻¹ U(0) on p degrees of freedom.</summary>
    public required ChiSquareTest Score { get; init; }

    /// <summary>Newton-Raphson iterations used (as R <c>coxph()$iter</c>).</summary>
    public required int Iterations { get; init; }

    /// <summary>Whether the relative change of the log-likelihood fell below the tolerance within the iteration limit.</summary>
    public required bool Converged { get; init; }

    /// <summary>Conditions that are not errors: <c>cox.not_converged</c>, <c>cox.monotone_likelihood</c>.</summary>
    public required IReadOnlyList<StatisticalWarning> Warnings { get; init; }
}
