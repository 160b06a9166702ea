namespace OncoTrial.Reporting.Figures;

/// <summary>
/// Maps a data value to a fraction of a panel's extent (0 at the panel's left or bottom edge, 1 at its right or top
/// edge). A domain with <c>Min &gt; Max</c> runs backwards (the first lane of a swimmer plot at the top).
/// </summary>
public abstract record Scale
{
    /// <summary>The fraction of the panel's extent at <paramref name="value"/>; outside [0, 1] for values outside the domain.</summary>
    /// <param name="value">A data value.</param>
    /// <returns>The fraction.</returns>
    public abstract double Fraction(double value);

    /// <summary>Whether <paramref name="value"/> lies in the domain (ends included).</summary>
    /// <param name="value">A data value.</param>
    /// <returns>True when the value is drawn inside the panel.</returns>
    public bool Contains(double value)
    {
        double f = Fraction(value);
        return f >= -1e-9 && f <= 1 + 1e-9;
    }
}

/// <summary>A linear scale: fraction = (value − Min) / (Max − Min).</summary>
/// <param name="Min">The value at the panel's left (x) or bottom (y) edge.</param>
/// <param name="Max">The value at the right or top edge; differs from <paramref name="Min"/>.</param>
public sealed record LinearScale(double Min, double Max) : Scale
{
    /// <inheritdoc/>
    public override double Fraction(double value) => (value - Min) / (Max - Min);
}

/// <summary>A logarithmic scale: fraction = (log value − log Min) / (log Max − log Min); for hazard ratios.</summary>
/// <param name="Min">The value at the panel's left edge, &gt; 0.</param>
/// <param name="Max">The value at the right edge, &gt; 0.</param>
public sealed record LogScale(double Min, double Max) : Scale
{
    /// <inheritdoc/>
    public override double Fraction(double value) => (Math.Log(value) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min));
}

/// <summary>Tick positions for axes.</summary>
public static class Ticks
{
    /// <summary>
    /// "Nice" ticks covering [<paramref name="min"/>, <paramref name="max"/>]: a step of 1, 2, 2.5 or 5 times a power of
    /// ten giving at most <paramref name="maxCount"/> ticks (Heckbert 1990, "Nice numbers for graph labels"), from the
    /// multiple of the step at or below <paramref name="min"/> to the one at or above <paramref name="max"/>.
    /// </summary>
    /// <param name="min">Lowest value to cover.</param>
    /// <param name="max">Highest value to cover, ≥ <paramref name="min"/>.</param>
    /// <param name="maxCount">Most ticks wanted, ≥ 2.</param>
    /// <returns>The ticks, ascending.</returns>
    public static IReadOnlyList<double> Nice(double min, double max, int maxCount = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 2);
        if (max <= min)
        {
            max = min + 1;
        }

        double step = NiceStep((max - min) / (maxCount - 1));
        while (Math.Ceiling((max / step) - 1e-9) - Math.Floor((min / step) + 1e-9) + 1 > maxCount)
        {
            step = NiceStep(step * 1.01);
        }

        return Every(step, Math.Floor((min / step) + 1e-9) * step, Math.Ceiling((max / step) - 1e-9) * step);
    }

    /// <summary>Ticks at multiples of <paramref name="step"/> from <paramref name="from"/> to <paramref name="to"/> (months every 3 or 6).</summary>
    /// <param name="step">Distance between ticks, &gt; 0.</param>
    /// <param name="from">First tick.</param>
    /// <param name="to">Last tick (included when it is a whole number of steps from <paramref name="from"/>).</param>
    /// <returns>The ticks, ascending; each computed as from + k·step and rounded to 12 significant digits, so 0.1·3 is 0.3.</returns>
    public static IReadOnlyList<double> Every(double step, double from, double to)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        var ticks = new List<double>();
        for (int k = 0; ; k++)
        {
            double value = Math.Round(from + (k * step), 10, MidpointRounding.AwayFromZero);
            if (value > to + (step * 1e-9))
            {
                break;
            }

            ticks.Add(value == 0 ? 0 : value);
        }

        return ticks;
    }

    /// <summary>
    /// Ticks of a log axis inside [<paramref name="min"/>, <paramref name="max"/>]: powers of two (0.25, 0.5, 1, 2, 4,
    /// symmetric around 1 as in tern's <c>g_forest</c>) when the domain spans at most 64-fold, else 1, 2 and 5 × 10^k.
    /// </summary>
    /// <param name="min">Lowest value, &gt; 0.</param>
    /// <param name="max">Highest value, &gt; <paramref name="min"/>.</param>
    /// <returns>The ticks, ascending.</returns>
    public static IReadOnlyList<double> Log(double min, double max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(min);
        var ticks = new List<double>();
        if (max / min <= 64)
        {
            for (int power = -12; power <= 12; power++)
            {
                double value = Math.Pow(2, power);
                if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9))
                {
                    ticks.Add(value);
                }
            }

            return ticks;
        }

        for (int power = -6; power <= 6; power++)
        {
            foreach (double mantissa in (double[])[1, 2, 5])
            {
                double value = Math.Round(mantissa * Math.Pow(10, power), 12, MidpointRounding.AwayFromZero);
                if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9))
                {
                    ticks.Add(value);
                }
            }
        }

        return ticks;
    }

    private static double NiceStep(double raw)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * power;
    }
}
