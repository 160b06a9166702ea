using OncoTrial.Statistics;

namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>
/// Every order of events and censorings before a landmark that gives a published Kaplan-Meier rate and its log-log
/// interval, found by exhaustive enumeration. A rate and its interval at the landmark depend only on that order (the
/// numbers at risk at each event), not on the days: with n₀ at risk after the day-1 censorings and e events before the
/// landmark, an order is the list of k₁ ≤ k₂ ≤ … of events that precede each censoring (censorings after the last event
/// change nothing). The search steers towards the nearest valid order (docs/reference-cohort.md). Immutable (shared
/// by every search).
/// </summary>
internal sealed class LandmarkOrders
{
    private readonly int[][] _orders;

    private LandmarkOrders(int atRisk, int events, int[][] orders, long examined)
    {
        AtRisk = atRisk;
        Events = events;
        _orders = orders;
        Examined = examined;
    }

    /// <summary>At risk after the day-1 censorings.</summary>
    public int AtRisk { get; }

    /// <summary>Events before the landmark.</summary>
    public int Events { get; }

    /// <summary>The valid orders: for each, the events before each censoring, ascending.</summary>
    public IReadOnlyList<int[]> Orders => _orders;

    /// <summary>The orders examined (leaves of the enumeration after pruning).</summary>
    public long Examined { get; }

    /// <summary>Most censorings between events that the enumeration considers.</summary>
    public const int MaxCensorings = 10;

    /// <summary>
    /// Enumerates the orders of <paramref name="events"/> events and up to <see cref="MaxCensorings"/> censorings among
    /// <paramref name="atRisk"/> subjects whose Ŝ, lower and upper limit round to the published rate.
    /// </summary>
    public static LandmarkOrders Enumerate(PublishedValue rate, int atRisk, int events)
    {
        var (lower, upper) = rate.Ci!.Value;
        double z = KaplanMeierOptions.Default.ConfidenceLevel.Z;
        double low = (rate.Value.Value!.Value - rate.Value.HalfUnit) / 100;
        double high = (rate.Value.Value!.Value + rate.Value.HalfUnit) / 100;
        // The Greenwood sum only grows; above this one the lower limit is under its rounding window for any Ŝ that rounds.
        double lowest = (lower.Value!.Value - lower.HalfUnit) / 100;
        double MaxGreenwood(double sv) => Math.Pow(Math.Log(sv) * Math.Log(Math.Log(lowest) / Math.Log(sv)) / z, 2);
        double maxGreenwood = 1.01 * Math.Max(MaxGreenwood(low), MaxGreenwood(high));
        var found = new List<int[]>();
        var stack = new int[MaxCensorings];
        long examined = 0;

        // Depth-first: before event j (0-based) place some censorings, then the event. Ŝ only falls, so a branch whose
        // best case (no more censorings) ends below the window is cut.
        void Walk(int j, int n, double s, double greenwood, int censorings)
        {
            if (j == events)
            {
                examined++;
                if (s >= low && s < high)
                {
                    double se = s * Math.Sqrt(greenwood);
                    var (lo, hi) = KaplanMeierCurve.PointwiseLimits(s, se, SurvivalCiTransform.LogLog, z);
                    if (PlanTargets.RoundsTo(lo * 100, lower) && PlanTargets.RoundsTo(hi * 100, upper) && PlanTargets.RoundsTo(s * 100, rate.Value))
                    {
                        found.Add(stack[..censorings]);
                    }
                }

                return;
            }

            // Ŝ only falls, and falls most when every censoring left comes now: a branch that cannot reach the window
            // from below (too few censorings left) or from above (already under it) is cut.
            int left = MaxCensorings - censorings;
            int remainingEvents = events - j;
            if ((n - left - remainingEvents > 0 && s * (n - left - remainingEvents) / (n - left) >= high)
                || (n - remainingEvents > 0 && greenwood + (1.0 / (n - remainingEvents)) - (1.0 / n) > maxGreenwood))
            {
                return;
            }

            for (int c = 0; censorings + c <= MaxCensorings; c++)
            {
                int at = n - c;
                int remaining = events - j;
                if (at - remaining < 0 || s * (at - remaining) / at < low)
                {
                    break;
                }

                for (int k = 0; k < c; k++)
                {
                    stack[censorings + k] = j;
                }

                Walk(j + 1, at - 1, s * (1.0 - (1.0 / at)), greenwood + (1.0 / ((double)at * (at - 1))), censorings + c);
            }
        }

        Walk(0, atRisk, 1.0, 0.0, 0);
        return new LandmarkOrders(atRisk, events, [.. found], examined);
    }

    /// <summary>
    /// The distance from an order to the nearest valid one: the L1 distance of the sorted lists over their common length
    /// plus 3 per censoring too many or too few; 0 for a valid order.
    /// </summary>
    public int Distance(ReadOnlySpan<int> order)
    {
        int best = int.MaxValue;
        foreach (var valid in _orders)
        {
            int common = Math.Min(valid.Length, order.Length);
            int d = 3 * Math.Abs(valid.Length - order.Length);
            for (int i = 0; i < common && d < best; i++)
            {
                d += Math.Abs(valid[i] - order[i]);
            }

            if (d < best)
            {
                best = d;
                if (d == 0)
                {
                    break;
                }
            }
        }

        return best == int.MaxValue ? 99 : best;
    }
}
