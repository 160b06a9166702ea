namespace OncoTrial.Statistics;

/// <summary>
/// A statistical condition that is not an error (no convergence, a curve that never reaches the quantile,
/// a monotone likelihood), carried on the result instead of being printed.
/// </summary>
/// <param name="Code">A stable machine-readable code, e.g. <c>cox.not_converged</c>.</param>
/// <param name="Message">A sentence a person can act on.</param>
public sealed record StatisticalWarning(string Code, string Message);

/// <summary>A chi-square test: statistic, degrees of freedom and upper-tail p-value.</summary>
/// <param name="ChiSquare">The statistic (≥ 0).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom (≥ 0); 0 when there is nothing to test.</param>
/// <param name="PValue">P(χ²_df ≥ statistic); 1 when df = 0.</param>
public sealed record ChiSquareTest(double ChiSquare, int DegreesOfFreedom, double PValue)
{
    /// <summary>Builds the test from a statistic and df, computing the upper-tail probability with MathNet.Numerics.</summary>
    public static ChiSquareTest FromStatistic(double chiSquare, int degreesOfFreedom)
    {
        double p = degreesOfFreedom <= 0 || double.IsNaN(chiSquare)
            ? (degreesOfFreedom <= 0 ? 1.0 : double.NaN)
            : MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, Math.Max(0.0, chiSquare) / 2.0);
        return new ChiSquareTest(chiSquare, degreesOfFreedom, p);
    }
}
