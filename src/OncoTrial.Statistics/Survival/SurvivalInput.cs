using System.Globalization;

namespace OncoTrial.Statistics;

/// <summary>
/// Validation shared by every survival method: times finite and ≥ 0, status 0 (censored) or 1 (event),
/// integer case weights ≥ 0, equal lengths, at least one observation. Each failure names the argument,
/// the first offending index, what was expected, what was found and the fix.
/// </summary>
public static class SurvivalInput
{
    /// <summary>Throws <see cref="ArgumentException"/> describing the first problem in the inputs, if any.</summary>
    /// <param name="time">Follow-up times, finite and ≥ 0.</param>
    /// <param name="status">1 = event, 0 = censored.</param>
    /// <param name="weights">Optional integer case weights ≥ 0 (empty = all 1).</param>
    public static void Validate(ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> weights = default)
    {
        if (time.Length == 0)
        {
            throw new ArgumentException("time: expected at least one observation, found none. Check the input file and any row filter.", nameof(time));
        }

        if (status.Length != time.Length)
        {
            throw new ArgumentException(
                Invariant($"status: expected one value per time ({time.Length}), found {status.Length}. Pass arrays of equal length."),
                nameof(status));
        }

        if (!weights.IsEmpty && weights.Length != time.Length)
        {
            throw new ArgumentException(
                Invariant($"weights: expected one value per time ({time.Length}), found {weights.Length}. Pass arrays of equal length or no weights."),
                nameof(weights));
        }

        for (int i = 0; i < time.Length; i++)
        {
            double t = time[i];
            if (double.IsNaN(t) || double.IsInfinity(t) || t < 0.0)
            {
                throw new ArgumentException(
                    Invariant($"time[{i}]: expected a finite number >= 0, found {t}. Remove the observation or correct its time."),
                    nameof(time));
            }

            int s = status[i];
            if (s is not (0 or 1))
            {
                throw new ArgumentException(
                    Invariant($"status[{i}]: expected 1 (event) or 0 (censored), found {s}. Recode the event indicator."),
                    nameof(status));
            }

            if (!weights.IsEmpty && weights[i] < 0)
            {
                throw new ArgumentException(
                    Invariant($"weights[{i}]: expected an integer case weight >= 0, found {weights[i]}. Use 0 to drop an observation."),
                    nameof(weights));
            }
        }
    }

    /// <summary>Validates group or stratum codes: one per observation, each in [0, <paramref name="levelCount"/>).</summary>
    public static void ValidateCodes(ReadOnlySpan<int> codes, int levelCount, int expectedLength, string argumentName)
    {
        if (codes.Length != expectedLength)
        {
            throw new ArgumentException(
                Invariant($"{argumentName}: expected one code per observation ({expectedLength}), found {codes.Length}. Pass arrays of equal length."),
                argumentName);
        }

        for (int i = 0; i < codes.Length; i++)
        {
            if ((uint)codes[i] >= (uint)levelCount)
            {
                throw new ArgumentException(
                    Invariant($"{argumentName}[{i}]: expected a level code from 0 to {levelCount - 1}, found {codes[i]}. Build codes with Factor.Create."),
                    argumentName);
            }
        }
    }

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
