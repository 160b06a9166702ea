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

    /// <summary>
    /// Every problem with the options (empty when valid): defined <c>ties</c>, a <c>conf-level</c> strictly between 0
    /// and 1 (a default-constructed <see cref="Statistics.ConfidenceLevel"/> has 0), <c>max-iterations</c> ≥ 0 and a finite
    /// <c>tolerance</c> &gt; 0.
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        OptionProblems.CheckDefined(problems, "ties", Ties);
        problems.AddRange(ConfidenceLevel.Validate(ConfidenceLevel.Value));
        if (MaxIterations < 0)
        {
            problems.Add(OptionProblems.WholeNumber("max-iterations", "an integer >= 0 (default 20)", MaxIterations));
        }

        if (!(Tolerance > 0.0 && double.IsFinite(Tolerance)))
        {
            problems.Add(Problem.OptionRange("tolerance", "a finite number > 0 (default 1e-9)", Tolerance));
        }

        return problems.AsReadOnly();
    }
}
