namespace OncoTrial.Statistics;

/// <summary>
/// Options of a Kaplan-Meier fit. Defaults follow SAS PROC LIFETEST (docs/decisions/0001-survival-defaults.md):
/// log-log pointwise limits, 95% level, SAS quantile rule, SAS landmark rule.
/// </summary>
public sealed record KaplanMeierOptions
{
    /// <summary>The defaults: log-log, 0.95, <see cref="QuantileRule.Sas"/>, <see cref="LandmarkRule.Sas"/>.</summary>
    public static KaplanMeierOptions Default { get; } = new();

    /// <summary>Transform for pointwise limits and for the Brookmeyer-Crowley quantile intervals.</summary>
    public SurvivalCiTransform Transform { get; init; } = SurvivalCiTransform.LogLog;

    /// <summary>Two-sided confidence level of every interval.</summary>
    public ConfidenceLevel ConfidenceLevel { get; init; } = ConfidenceLevel.Default;

    /// <summary>Point-estimate rule for a quantile when the curve is flat at exactly 1−p.</summary>
    public QuantileRule QuantileRule { get; init; } = QuantileRule.Sas;

    /// <summary>What a landmark beyond the last observed time reports.</summary>
    public LandmarkRule LandmarkRule { get; init; } = LandmarkRule.Sas;

    /// <summary>
    /// Two survival values closer than this are treated as equal when deciding whether the curve is flat at
    /// exactly 1−p (R uses √ε ≈ 1.49e-8, the value used here).
    /// </summary>
    public double FlatTolerance { get; init; } = 1.4901161193847656e-8;

    /// <summary>
    /// Every problem with the options (empty when valid): <c>conf-level</c> strictly between 0 and 1 (a
    /// default-constructed <see cref="Statistics.ConfidenceLevel"/> has 0), and defined <c>conf-type</c>,
    /// <c>median-rule</c> and <c>landmark-rule</c> members.
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        problems.AddRange(ConfidenceLevel.Validate(ConfidenceLevel.Value));
        OptionProblems.CheckDefined(problems, "conf-type", Transform);
        OptionProblems.CheckDefined(problems, "median-rule", QuantileRule);
        OptionProblems.CheckDefined(problems, "landmark-rule", LandmarkRule);
        return problems.AsReadOnly();
    }

    /// <summary>
    /// A short description for result headers, every method word spelled as the command line accepts it, e.g.
    /// "95% CI, log-log transform, sas quantile rule, sas landmark rule".
    /// </summary>
    public string Describe() =>
        SurvivalInput.Invariant($"{ConfidenceLevel.Value * 100:0.###}% CI, {Vocabulary.Token(Transform)} transform, {Vocabulary.Token(QuantileRule)} quantile rule, {Vocabulary.Token(LandmarkRule)} landmark rule");
}

/// <summary>
/// One distinct observed time of a Kaplan-Meier curve (event or censoring).
/// </summary>
/// <param name="Time">The time.</param>
/// <param name="AtRisk">Y: weighted number with time ≥ this time (a subject censored here is at risk here).</param>
/// <param name="Events">d: weighted number of events at this time.</param>
/// <param name="Censored">Weighted number censored at this time.</param>
/// <param name="Survival">Ŝ(t), right-continuous.</param>
/// <param name="StandardError">Greenwood SE of Ŝ (0 where Ŝ = 0, as SAS prints; R prints NaN there).</param>
/// <param name="Lower">Pointwise lower limit; null where not estimable (Ŝ = 0, or the transform undefined).</param>
/// <param name="Upper">Pointwise upper limit; null where not estimable.</param>
public readonly record struct KaplanMeierStep(
    double Time, long AtRisk, long Events, long Censored, double Survival, double StandardError, double? Lower, double? Upper);

/// <summary>A survival quantile t_p = inf{t : Ŝ(t) &lt; 1 − p} with its Brookmeyer-Crowley interval; null = not estimable.</summary>
/// <param name="P">The probability p (0.5 = median).</param>
/// <param name="Estimate">Point estimate, null when not estimable (NE).</param>
/// <param name="Lower">Lower limit, null when NE.</param>
/// <param name="Upper">Upper limit, null when NE.</param>
public sealed record SurvivalQuantile(double P, double? Estimate, double? Lower, double? Upper);

/// <summary>A landmark estimate Ŝ(t₀) with Greenwood SE and pointwise interval; null fields are NE.</summary>
/// <param name="Time">The landmark time t₀.</param>
/// <param name="AtRisk">Weighted number with time ≥ t₀.</param>
/// <param name="Survival">Ŝ(t₀), null when NE (beyond the last observed time under the SAS rule).</param>
/// <param name="StandardError">Greenwood SE, null when NE.</param>
/// <param name="Lower">Lower limit, null when NE.</param>
/// <param name="Upper">Upper limit, null when NE.</param>
public sealed record SurvivalLandmark(double Time, long AtRisk, double? Survival, double? StandardError, double? Lower, double? Upper);
