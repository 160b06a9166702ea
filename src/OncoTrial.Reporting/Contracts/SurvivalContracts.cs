using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Contracts;

/// <summary><c>oncotrial survival --format json</c>: per-group Kaplan-Meier summaries, the group test and the Cox model.</summary>
/// <param name="Options">The input and every option, read from the result.</param>
/// <param name="Groups">One entry per group, in ordinal order.</param>
/// <param name="Logrank">The group test, or null with one group.</param>
/// <param name="Cox">The Cox model of the group, or null.</param>
/// <param name="Warnings">Conditions that left a part out.</param>
public sealed record SurvivalJson(SurvivalOptionsJson Options, IReadOnlyList<SurvivalGroupJson> Groups, LogRankJson? Logrank, CoxJson? Cox, IReadOnlyList<string> Warnings);

/// <summary>The input and options of a survival analysis.</summary>
public sealed record SurvivalOptionsJson(
    string Input,
    string Time,
    string? Event,
    string? Censor,
    IReadOnlyList<string> Where,
    string? Group,
    string? Strata,
    string? Weight,
    SurvivalCiTransform ConfType,
    double ConfLevel,
    IReadOnlyList<double> Times,
    QuantileRule MedianRule,
    LandmarkRule LandmarkRule,
    CoxTies Ties,
    LogRankWeighting Test);

/// <summary>One group: counts, quantiles, landmarks, follow-up and the curve.</summary>
public sealed record SurvivalGroupJson(
    string Group, long N, long Events, IReadOnlyList<QuantileJson> Quantiles, IReadOnlyList<LandmarkJson> Landmarks, FollowUpJson FollowUp, IReadOnlyList<CurveStepJson> Curve);

/// <summary>A quantile with its Brookmeyer-Crowley interval; null = not estimable.</summary>
public sealed record QuantileJson(double P, double? Estimate, double? Lower, double? Upper);

/// <summary>A landmark estimate; null = not estimable.</summary>
public sealed record LandmarkJson(double Time, long NRisk, double? Survival, double? StdErr, double? Lower, double? Upper);

/// <summary>Median follow-up (<c>method</c>: how it was estimated) and its interval.</summary>
public sealed record FollowUpJson(string Method, double? Estimate, double? Lower, double? Upper);

/// <summary>One distinct time of the curve.</summary>
public sealed record CurveStepJson(double Time, long NRisk, long NEvent, long NCensor, double Survival, double StdErr, double? Lower, double? Upper);

/// <summary>The log-rank-family test.</summary>
public sealed record LogRankJson(LogRankWeighting Weighting, double Rho, double Gamma, int Strata, double Chisq, int Df, double P, IReadOnlyList<LogRankGroupJson> Groups, IReadOnlyList<IReadOnlyList<double>> Variance);

/// <summary>Observed and expected events of a group.</summary>
public sealed record LogRankGroupJson(string Group, double Observed, double Expected);

/// <summary>The Cox model.</summary>
public sealed record CoxJson(
    CoxTies Ties,
    double ConfLevel,
    double Loglik,
    double LoglikNull,
    IReadOnlyList<CoxTermJson> Terms,
    double WaldChisq,
    double WaldP,
    double LrChisq,
    double LrP,
    double ScoreChisq,
    double ScoreP,
    int Df,
    bool Converged,
    int Iterations,
    IReadOnlyList<string> Warnings);

/// <summary>One term of the Cox model.</summary>
public sealed record CoxTermJson(string Term, double Coef, double Se, double Hr, double Lower, double Upper, double Z, double P);
