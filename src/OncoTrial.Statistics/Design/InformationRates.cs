namespace OncoTrial.Statistics.Design;

/// <summary>The information fractions t₁ &lt; … &lt; t_K = 1 at which the analyses of a group-sequential design take place.</summary>
public static class InformationRates
{
    /// <summary>
    /// K equally spaced fractions k/K, the last exactly 1 (rpact's default <c>informationRates</c>); empty for K &lt; 1
    /// (the design's validation reports it).
    /// </summary>
    public static double[] EquallySpaced(int stages) =>
        stages < 1 ? [] : [.. Enumerable.Range(1, stages).Select(i => i == stages ? 1.0 : (double)i / stages)];
}
