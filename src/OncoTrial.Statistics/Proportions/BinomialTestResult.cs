namespace OncoTrial.Statistics;

/// <summary>The exact binomial test of H₀: p = p₀, with the options that produced it.</summary>
/// <param name="X">Number of successes, 0 ≤ x ≤ n.</param>
/// <param name="N">Number of trials, n ≥ 1.</param>
/// <param name="NullProportion">The null proportion p₀, 0 &lt; p₀ &lt; 1.</param>
/// <param name="Alternative">The alternative hypothesis.</param>
/// <param name="PValue">The exact p-value, in [0, 1].</param>
public sealed record BinomialTestResult(int X, int N, double NullProportion, BinomialAlternative Alternative, double PValue);
