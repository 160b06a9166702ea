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
    public static ConfidenceLevel Create(double level)
    {
        if (!(level > 0.0 && level < 1.0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(level),
                level,
                string.Create(CultureInfo.InvariantCulture, $"conf-level: expected a number strictly between 0 and 1 (e.g. 0.95), found {level}."));
        }

        return new ConfidenceLevel(level);
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString("0.###", CultureInfo.InvariantCulture);
}
