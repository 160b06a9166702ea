using System.Text.Json.Serialization;

namespace OncoTrial.Statistics.Design;

/// <summary>The test a single-arm time-to-event design is sized for.</summary>
public enum SingleArmSurvivalMethod
{
    /// <summary>
    /// Wald test on the log of the exponential hazard, log λ̂ ≈ N(log λ, 1/D) (Lawless 2003, §3.2):
    /// D = (z_α + z_β)² / (ln HR)² events, rounded up. The default; reproduces the paper's 27 / 38 / 48.
    /// </summary>
    [JsonStringEnumMemberName("exponential")]
    ExponentialLogHazard,

    /// <summary>
    /// One-sample log-rank test (Wu 2015, Pharm Stat 14:26–33): n = (√p₀ z_α + σ z_β)² / ω², with the moments p₀,
    /// p₁, p₀₀, p₀₁ integrated over uniform accrual and follow-up. R package <c>logRank1s</c>, <c>SampleSize()</c>.
    /// </summary>
    [JsonStringEnumMemberName("wu")]
    OneSampleLogRankWu2015,
}
