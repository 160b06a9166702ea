using OncoTrial.Clinical.Endpoints;

namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>
/// The published figures the plan must reproduce, read from <see cref="PublishedValues.Paper"/> (never typed in), with the
/// test of "rounds to the published value" at the paper's precision. Times are compared in months = days / 30.4375.
/// </summary>
internal static class PlanTargets
{
    /// <summary>The landmark of the 12-month rates, in days (12 × 30.4375).</summary>
    public const double TwelveMonthsDays = 12 * EndpointOptions.DaysPerMonth;

    /// <summary>The published log-rank bound "&lt;0.0001" as a χ² (1 df) threshold: P(χ²₁ ≥ 15.1367) = 0.0001.</summary>
    public const double ChiSquareAtOneInTenThousand = 15.136705;

    /// <summary>True when <paramref name="computed"/> rounds (half away from zero) to the published number; null matches null (NE, not reached).</summary>
    public static bool RoundsTo(double? computed, PublishedNumber published) =>
        published.Value is not { } target
            ? computed is null
            : computed is { } c && Math.Round(c, published.Decimals, MidpointRounding.AwayFromZero) == target;

    /// <summary>Months of a day count.</summary>
    public static double? Months(double? days) => days / EndpointOptions.DaysPerMonth;

    /// <summary>
    /// How far a time in days is from rounding to a published month value: 0 when it does; otherwise the distance in
    /// days to the interval that rounds, plus a quarter day (so a miss never costs 0). A computed NE against a
    /// published number costs <paramref name="missing"/>.
    /// </summary>
    public static double DaysOff(double? days, PublishedNumber published, double missing = 60)
    {
        if (RoundsTo(Months(days), published))
        {
            return 0;
        }

        if (published.Value is not { } target || days is not { } d)
        {
            return missing;
        }

        double months = d / EndpointOptions.DaysPerMonth;
        double low = target - published.HalfUnit;
        double high = target + published.HalfUnit;
        return (Math.Max(0, Math.Max(low - months, months - high)) * EndpointOptions.DaysPerMonth) + 0.25;
    }

    /// <summary>How far a survival probability is from rounding to a published percentage: 0, or the distance in percentage points plus 0.02.</summary>
    public static double PointsOff(double? survival, PublishedNumber published)
    {
        double? percent = survival * 100;
        if (RoundsTo(percent, published))
        {
            return 0;
        }

        if (published.Value is not { } target || percent is not { } p)
        {
            return 10;
        }

        double low = target - published.HalfUnit;
        double high = target + published.HalfUnit;
        return Math.Max(0, Math.Max(low - p, p - high)) + 0.02;
    }

    /// <summary>The published value with that id.</summary>
    public static PublishedValue Get(string id) => PublishedValues.Paper[id];
}
