namespace OncoTrial.Statistics;

/// <summary>Options of a <see cref="SurvivalAnalysis"/>; every default is the SAS one (docs/decisions/0001-survival-defaults.md).</summary>
public sealed record SurvivalAnalysisOptions
{
    /// <summary>The defaults.</summary>
    public static SurvivalAnalysisOptions Default { get; } = new();

    /// <summary>Kaplan-Meier options (transform, level, quantile and landmark rules).</summary>
    public KaplanMeierOptions KaplanMeier { get; init; } = KaplanMeierOptions.Default;

    /// <summary>Probabilities p of the reported quantiles (0.5 = median).</summary>
    public IReadOnlyList<double> QuantileProbabilities { get; init; } = [0.25, 0.5, 0.75];

    /// <summary>Landmark times t₀ for Ŝ(t₀); empty = none.</summary>
    public IReadOnlyList<double> LandmarkTimes { get; init; } = [];

    /// <summary>The test comparing groups.</summary>
    public LogRankOptions LogRank { get; init; } = LogRankOptions.Default;

    /// <summary>Name of the group variable, used for the Cox terms ("name=level").</summary>
    public string GroupVariableName { get; init; } = "group";

    /// <summary>Cox model options (ties, level).</summary>
    public CoxOptions Cox { get; init; } = CoxOptions.Default;

    /// <summary>
    /// Every problem with the options (empty when valid), each once: those of <see cref="KaplanMeierOptions.Validate"/>,
    /// quantile probabilities strictly between 0 and 1 (option <c>quantiles</c>), landmark times finite and ≥ 0 (option
    /// <c>times</c>), and those of <see cref="LogRankOptions.Validate"/> and <see cref="CoxOptions.Validate"/>.
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = ValidateSummaries();
        problems.AddRange(LogRank.Validate());
        problems.AddRange(Cox.Validate());
        return problems.Distinct().ToList().AsReadOnly();
    }

    /// <summary>The problems of the per-group summaries only: Kaplan-Meier options, quantiles and landmark times.</summary>
    internal List<Problem> ValidateSummaries()
    {
        var problems = new List<Problem>();
        problems.AddRange(KaplanMeier.Validate());
        foreach (double p in QuantileProbabilities)
        {
            if (!(p > 0.0 && p < 1.0))
            {
                problems.Add(Problem.OptionRange("quantiles", "probabilities strictly between 0 and 1 (0.5 = median)", p));
            }
        }

        foreach (double t in LandmarkTimes)
        {
            if (!(t >= 0.0 && double.IsFinite(t)))
            {
                problems.Add(Problem.OptionRange("times", "finite landmark times >= 0 (e.g. 180,365)", t));
            }
        }

        return problems;
    }
}

/// <summary>One group's Kaplan-Meier summaries.</summary>
/// <param name="Group">The group level ("all" without a group variable).</param>
/// <param name="Curve">The Kaplan-Meier curve.</param>
/// <param name="Quantiles">Quantiles with Brookmeyer-Crowley intervals.</param>
/// <param name="Landmarks">Landmark estimates.</param>
/// <param name="FollowUp">Median follow-up by reverse Kaplan-Meier, with its interval.</param>
public sealed record SurvivalGroupSummary(
    string Group, KaplanMeierCurve Curve, IReadOnlyList<SurvivalQuantile> Quantiles, IReadOnlyList<SurvivalLandmark> Landmarks, SurvivalQuantile FollowUp);

/// <summary>
/// The result of a <see cref="SurvivalAnalysis"/>: per-group curves and summaries, and with two or more groups the
/// (stratified) log-rank-family test and a Cox model of the group (first level the reference).
/// </summary>
/// <param name="Options">The options that produced it.</param>
/// <param name="Groups">Groups in ordinal string order.</param>
/// <param name="LogRank">The group comparison, or null with fewer than two groups.</param>
/// <param name="Cox">The Cox model of the group, or null with fewer than two groups or no events.</param>
/// <param name="Warnings">Conditions that left a part of the analysis out (e.g. no events for a Cox model).</param>
public sealed record SurvivalAnalysisResult(
    SurvivalAnalysisOptions Options,
    IReadOnlyList<SurvivalGroupSummary> Groups,
    LogRankResult? LogRank,
    CoxFit? Cox,
    IReadOnlyList<StatisticalWarning> Warnings);

/// <summary>
/// The standard time-to-event summary of a trial arm or comparison: Kaplan-Meier per group (quantiles, landmarks,
/// reverse-KM follow-up), log-rank test and Cox hazard ratio; SAS PROC LIFETEST with STRATA/TEST plus PROC PHREG,
/// or R survfit + survdiff + coxph.
/// </summary>
public static class SurvivalAnalysis
{
    /// <summary>The group name used when no group variable is given.</summary>
    public const string AllGroupName = "all";

    /// <summary>Runs the analysis.</summary>
    /// <param name="time">Times ≥ 0.</param>
    /// <param name="status">1 = event, 0 = censored.</param>
    /// <param name="group">Optional group labels (null = one group named "all").</param>
    /// <param name="strata">Optional stratum labels for the test and the Cox model.</param>
    /// <param name="weights">Optional integer case weights.</param>
    /// <param name="options">Options; null = defaults.</param>
    /// <exception cref="ArgumentException">Invalid data, or options with problems (<see cref="SurvivalAnalysisOptions.Validate"/>, the
    /// message listing every one; with fewer than two groups the log-rank and Cox options are not used and not checked).</exception>
    public static SurvivalAnalysisResult Run(
        IReadOnlyList<double> time,
        IReadOnlyList<int> status,
        IReadOnlyList<string>? group = null,
        IReadOnlyList<string>? strata = null,
        IReadOnlyList<int>? weights = null,
        SurvivalAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(status);
        options ??= SurvivalAnalysisOptions.Default;
        double[] t = [.. time];
        int[] s = [.. status];
        int[] w = weights is null ? [] : [.. weights];
        SurvivalInput.Validate(t, s, w);

        var groupFactor = Factor.Create(group ?? Enumerable.Repeat(AllGroupName, t.Length).ToArray());
        OptionProblems.ThrowArgumentIfAny(groupFactor.Levels.Count >= 2 ? options.Validate() : options.ValidateSummaries(), nameof(options));
        var summaries = new List<SurvivalGroupSummary>(groupFactor.Levels.Count);
        foreach (var (level, name) in KaplanMeier.OrdinalLevels(groupFactor))
        {
            var (gt, gs, gw) = KaplanMeier.Subset(t, s, w, groupFactor.Codes, level);
            var curve = KaplanMeier.Fit(gt, gs, gw, options.KaplanMeier);
            var reverse = KaplanMeier.FitReverse(gt, gs, gw, options.KaplanMeier);
            summaries.Add(new SurvivalGroupSummary(
                name,
                curve,
                curve.Quantiles(options.QuantileProbabilities),
                curve.Landmarks(options.LandmarkTimes),
                reverse.Median));
        }

        LogRankResult? logRank = null;
        CoxFit? cox = null;
        var warnings = new List<StatisticalWarning>();
        if (groupFactor.Levels.Count >= 2)
        {
            var strataFactor = strata is null ? null : Factor.Create(strata);
            ReadOnlySpan<int> strataCodes = strataFactor is null ? default : strataFactor.Codes;
            logRank = LogRankTest.Compute(t, s, groupFactor.Codes, groupFactor.Levels.Count, options.LogRank, strataCodes, w);
            if (summaries.Sum(g => g.Curve.Events) == 0)
            {
                warnings.Add(new StatisticalWarning(
                    "analysis.no_events",
                    "No events in any group: the Cox model is not fitted and the hazard ratio is not estimable."));
            }
            else
            {
                cox = CoxModel.Fit(t, s, [CoxCovariate.Categorical(options.GroupVariableName, group!)], options.Cox, strataCodes, w);
            }
        }

        return new SurvivalAnalysisResult(options, summaries.AsReadOnly(), logRank, cox, warnings.AsReadOnly());
    }
}
