using System.Text.Json.Serialization;

namespace OncoTrial.Statistics;

/// <summary>
/// Confidence-interval methods for a single binomial proportion x/n. Formulas, boundary conventions and a
/// worked example are in docs/methods/binomial.md.
/// </summary>
public enum BinomialCiMethod
{
    /// <summary>
    /// Exact (Clopper &amp; Pearson 1934): Beta⁻¹(α/2; x, n−x+1) to Beta⁻¹(1−α/2; x+1, n−x), lower 0 at x = 0 and
    /// upper 1 at x = n. The default. SAS PROC FREQ BINOMIAL "Exact Conf Limits"; R <c>binom.test</c>.
    /// </summary>
    ClopperPearson,

    /// <summary>
    /// Score interval (Wilson 1927) without continuity correction. R <c>prop.test(correct = FALSE)</c>;
    /// SAS PROC FREQ BINOMIAL(CL=WILSON).
    /// </summary>
    Wilson,

    /// <summary>
    /// Continuity-corrected score interval (Newcombe 1998, method 4). R <c>prop.test(correct = TRUE)</c> (see
    /// the remarks of <see cref="BinomialInterval.Compute"/> for R's x = n/2 quirk); SAS BINOMIAL(CL=WILSON(CORRECT)).
    /// </summary>
    [JsonStringEnumMemberName("wilson-cc")]
    WilsonCorrected,

    /// <summary>
    /// Equal-tailed Jeffreys interval: quantiles α/2 and 1−α/2 of Beta(x + ½, n − x + ½), with lower 0 at x = 0
    /// and upper 1 at x = n (Brown, Cai &amp; DasGupta 2001, §4.1.2). R <c>qbeta</c>; SAS BINOMIAL(CL=JEFFREYS).
    /// </summary>
    Jeffreys,

    /// <summary>
    /// Agresti &amp; Coull (1998): p̃ ± z·√(p̃(1−p̃)/ñ) with ñ = n + z², p̃ = (x + z²/2)/ñ, truncated to [0, 1].
    /// SAS BINOMIAL(CL=AGRESTICOULL); R <c>binom::binom.confint(method = "agresti-coull")</c>.
    /// </summary>
    AgrestiCoull,

    /// <summary>
    /// Wald: p̂ ± z·√(p̂(1−p̂)/n), truncated to [0, 1]; degenerate ([0, 0] or [1, 1]) at x = 0 and x = n.
    /// SAS BINOMIAL(CL=WALD) (SAS's default asymptotic limits); R <c>binom::binom.confint(method = "asymptotic")</c>.
    /// </summary>
    Wald,
}
