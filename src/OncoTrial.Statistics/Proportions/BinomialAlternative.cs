namespace OncoTrial.Statistics;

/// <summary>The alternative hypothesis of the exact binomial test against a null proportion p₀.</summary>
public enum BinomialAlternative
{
    /// <summary>H₁: p &gt; p₀; p-value P(X ≥ x). The default (single-arm response-rate designs). R <c>alternative = "greater"</c>.</summary>
    Greater,

    /// <summary>H₁: p &lt; p₀; p-value P(X ≤ x). R <c>alternative = "less"</c>.</summary>
    Less,

    /// <summary>
    /// H₁: p ≠ p₀; p-value = sum of P(X = k) over all k with P(X = k) ≤ P(X = x)·(1 + 10⁻⁷), capped at 1.
    /// R <c>binom.test(alternative = "two.sided")</c>. SAS PROC FREQ's two-sided exact p-value doubles the
    /// smaller tail instead, so it can differ.
    /// </summary>
    TwoSided,
}
