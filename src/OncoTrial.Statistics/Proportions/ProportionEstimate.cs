namespace OncoTrial.Statistics;

/// <summary>A binomial proportion x/n with its two-sided confidence interval and the options that produced it.</summary>
/// <param name="X">Number of successes (responders), 0 ≤ x ≤ n.</param>
/// <param name="N">Number of trials (subjects), n ≥ 1.</param>
/// <param name="Estimate">The point estimate p̂ = x/n, whatever the interval method.</param>
/// <param name="Lower">Lower confidence limit, in [0, 1].</param>
/// <param name="Upper">Upper confidence limit, in [0, 1].</param>
/// <param name="Method">The interval method.</param>
/// <param name="ConfidenceLevel">The two-sided confidence level.</param>
public sealed record ProportionEstimate(
    int X,
    int N,
    double Estimate,
    double Lower,
    double Upper,
    BinomialCiMethod Method,
    ConfidenceLevel ConfidenceLevel);
