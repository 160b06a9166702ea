using System.Globalization;
using MathNet.Numerics.Distributions;

namespace OncoTrial.Statistics;

/// <summary>A two-sided confidence level 0 &lt; level &lt; 1, with its normal critical value z₁₋α/₂.</summary>
public readonly record struct ConfidenceLevel
{
    private ConfidenceLevel(double value)
    {
        Value = value;
        Z = Normal.InvCDF(0.0, 1.0, 1.0 - ((1.0 - value) / 2.0));
    }

    /// <summary>The conventional 95% level.</summary>
    public static ConfidenceLevel Default { get; } = new(0.95);

    /// <summary>The level, strictly between 0 and 1.</summary>
    public double Value { get; }

    /// <summary>The two-sided normal critical value Φ⁻¹(1 − (1 − level)/2), e.g. 1.959963984540054 at 0.95.</summary>
    public double Z { get; }

    /// <summary>Creates a level; throws <see cref="ArgumentOutOfRangeException"/> unless 0 &lt; <paramref name="level"/> &lt; 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not strictly between 0 and 1; the message is that of <see cref="Validate"/>.</exception>
    public static ConfidenceLevel Create(double level)
    {
        var problems = Validate(level);
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, OptionProblems.Message(problems));
        }

        return new ConfidenceLevel(level);
    }

    /// <summary>
    /// The problem with a confidence level given as an option, or none: 0 &lt; <paramref name="level"/> &lt; 1 (NaN is
    /// refused), e.g. "--conf-level: expected a number strictly between 0 and 1 (e.g. 0.95), found 2.".
    /// </summary>
    /// <param name="level">The level as given.</param>
    /// <param name="option">The option it came from, without dashes.</param>
    /// <returns>Empty when valid, else one <c>OPTION_RANGE</c> problem.</returns>
    public static IReadOnlyList<Problem> Validate(double level, string option = "conf-level") =>
        level > 0.0 && level < 1.0 ? [] : [Problem.OptionRange(option, "a number strictly between 0 and 1 (e.g. 0.95)", level)];

    /// <inheritdoc />
    public override string ToString() => Value.ToString("0.###", CultureInfo.InvariantCulture);
}
