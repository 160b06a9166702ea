namespace OncoTrial.Statistics;

/// <summary>Options of a Cox proportional-hazards fit; the result carries them.</summary>
public sealed record CoxOptions
{
    /// <summary>The default options: Efron ties, 95% Wald limits, 20 iterations, tolerance 1e-9 (as R <c>coxph.control()</c>).</summary>
    public static CoxOptions Default { get; } = new();

    /// <summary>Tie handling; <see cref="CoxTies.Efron"/> unless set.</summary>
    public CoxTies Ties { get; init; } = CoxTies.Efron;

    /// <summary>Level of the Wald confidence limits of the hazard ratios (0 &lt; level &lt; 1).</summary>
    public ConfidenceLevel ConfidenceLevel { get; init; } = ConfidenceLevel.Default;

    /// <summary>Most Newton-Raphson iterations (≥ 0); R <c>coxph.control(iter.max = 20)</c>, SAS <c>MAXITER=</c>.</summary>
    public int MaxIterations { get; init; } = 20;

    /// <summary>
    /// Convergence tolerance (&gt; 0) on the relative change of the log partial likelihood,
    /// |1 − ℓ_old/ℓ_new| ≤ tolerance; R <c>coxph.control(eps = 1e-9)</c>, close to SAS <c>FCONV=</c>.
    /// </summary>
    public double Tolerance { get; init; } = 1e-9;
}
