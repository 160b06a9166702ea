using System.Text.Json.Serialization;

namespace OncoTrial.Statistics;

/// <summary>
/// Transform g used for pointwise confidence limits of a survival probability and for the
/// Brookmeyer-Crowley quantile intervals: limits are g⁻¹{ g(Ŝ) ± z·g′(Ŝ)·σ̂ } with σ̂ the Greenwood SE of Ŝ.
/// The default is <see cref="LogLog"/> (SAS PROC LIFETEST); see docs/decisions/0001-survival-defaults.md.
/// </summary>
public enum SurvivalCiTransform
{
    /// <summary>g(S) = log(−log S). Default of SAS PROC LIFETEST (CONFTYPE=LOGLOG); R conf.type="log-log".</summary>
    LogLog,

    /// <summary>g(S) = log S. Default of R survfit (conf.type="log"); SAS CONFTYPE=LOG. Upper limit capped at 1.</summary>
    Log,

    /// <summary>g(S) = S, limits S ± z·σ̂ truncated to [0, 1]. R conf.type="plain"; SAS CONFTYPE=LINEAR.</summary>
    Linear,

    /// <summary>g(S) = arcsin(√S). R conf.type="arcsin"; SAS CONFTYPE=ASINSQRT.</summary>
    [JsonStringEnumMemberName("arcsine")]
    ArcsineSqrt,

    /// <summary>g(S) = log(S/(1−S)). R conf.type="logit"; SAS CONFTYPE=LOGIT.</summary>
    Logit,
}

/// <summary>
/// Point-estimate rule for a survival quantile t_p when Ŝ(t) equals 1−p exactly on an interval
/// (elsewhere every rule gives min{ t : Ŝ(t) &lt; 1−p }). The default is <see cref="Sas"/>.
/// </summary>
public enum QuantileRule
{
    /// <summary>
    /// SAS PROC LIFETEST: midpoint of the start of the flat and the next event time; not estimable when no
    /// event follows the flat.
    /// </summary>
    Sas,

    /// <summary>
    /// R <c>print.survfit</c> / <c>summary(fit)$table</c> (survminer <c>surv_median</c>): midpoint to the next
    /// event time; the start of the flat when no event follows.
    /// </summary>
    [JsonStringEnumMemberName("r")]
    RPrint,

    /// <summary>
    /// R <c>quantile.survfit</c>: midpoint to the next event time, or to the last observed time (event or
    /// censored) when no event follows.
    /// </summary>
    RQuantile,
}

/// <summary>How a landmark estimate Ŝ(t₀) is reported when t₀ lies beyond the last observed time.</summary>
public enum LandmarkRule
{
    /// <summary>SAS PROC LIFETEST TIMELIST: not estimable beyond the last observed time (unless Ŝ has reached 0). Default.</summary>
    Sas,

    /// <summary>R <c>summary(fit, times, extend = TRUE)</c>: the last value is carried forward.</summary>
    [JsonStringEnumMemberName("extend")]
    CarryForward,
}
