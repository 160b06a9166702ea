using OncoTrial.Statistics;

namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>What the search needs of one Kaplan-Meier curve (days as times).</summary>
/// <param name="Median">The median in days (SAS rule), or null when not reached.</param>
/// <param name="Lower">The Brookmeyer-Crowley lower limit in days, or null.</param>
/// <param name="Upper">The Brookmeyer-Crowley upper limit in days, or null (NE).</param>
/// <param name="EventStepsAfterUpperSet">Event times after the last one whose log-log interval holds 0.5 (0: the upper limit is NE).</param>
/// <param name="LastSurvival">Ŝ after the last event (1 without events).</param>
/// <param name="Landmark">Ŝ at the landmark.</param>
/// <param name="LandmarkLower">Lower log-log limit at the landmark, or null.</param>
/// <param name="LandmarkUpper">Upper log-log limit at the landmark, or null.</param>
internal readonly record struct CurveSummary(
    double? Median,
    double? Lower,
    double? Upper,
    int EventStepsAfterUpperSet,
    double LastSurvival,
    double Landmark,
    double? LandmarkLower,
    double? LandmarkUpper);

/// <summary>
/// The Kaplan-Meier summaries the calibration search evaluates many thousand times, on at most 50 integer day times.
/// The formulas are those of <see cref="KaplanMeier"/> and <see cref="KaplanMeierCurve"/> with
/// <see cref="KaplanMeierOptions.Default"/> (Greenwood SE, log-log limits, Brookmeyer-Crowley, SAS quantile rule) and of
/// <see cref="LogRankTest"/> for two groups; this class only avoids their allocations. It is never the judge: every plan
/// is checked again with <see cref="KaplanMeier"/> and <see cref="LogRankTest"/> themselves (<see cref="PlanFigures"/>).
/// </summary>
internal sealed class SearchSurvival
{
    private static readonly double Z = KaplanMeierOptions.Default.ConfidenceLevel.Z;
    private static readonly double Tolerance = KaplanMeierOptions.Default.FlatTolerance;
    private static readonly double HalfTransform = Math.Log(-Math.Log(0.5));

    private readonly double[] _stepTime;
    private readonly double[] _stepSurvival;
    private readonly double[] _stepSe;
    private readonly bool[] _stepEvent;

    public SearchSurvival(int capacity)
    {
        _stepTime = new double[capacity];
        _stepSurvival = new double[capacity];
        _stepSe = new double[capacity];
        _stepEvent = new bool[capacity];
    }

    /// <summary>Sorts <paramref name="order"/> by time (insertion sort: the order changes little between calls).</summary>
    public static void SortByTime(int[] order, int[] time)
    {
        for (int i = 1; i < order.Length; i++)
        {
            int key = order[i];
            int t = time[key];
            int j = i - 1;
            while (j >= 0 && time[order[j]] > t)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = key;
        }
    }

    /// <summary>
    /// The curve of the members (<paramref name="member"/> null: everyone) with event flags <paramref name="status"/>
    /// (inverted for the reverse Kaplan-Meier), summarised at <paramref name="landmark"/> days.
    /// </summary>
    public CurveSummary Summarise(int[] order, int[] time, bool[] status, bool[]? member, bool invert, double landmark) =>
        Summarise(order, time, status, member, invert, landmark, full: true);

    /// <summary>The median only (with <see cref="CurveSummary.LastSurvival"/>): no interval, no landmark.</summary>
    public CurveSummary SummariseMedian(int[] order, int[] time, bool[] status, bool[]? member) =>
        Summarise(order, time, status, member, false, 0, full: false);

    private CurveSummary Summarise(int[] order, int[] time, bool[] status, bool[]? member, bool invert, double landmark, bool full)
    {
        int n = 0;
        foreach (int i in order)
        {
            if (member is null || member[i])
            {
                n++;
            }
        }

        int steps = 0;
        double s = 1.0;
        double greenwood = 0.0;
        int k = 0;
        while (k < order.Length)
        {
            int t = time[order[k]];
            int d = 0;
            int c = 0;
            while (k < order.Length && time[order[k]] == t)
            {
                int i = order[k++];
                if (member is not null && !member[i])
                {
                    continue;
                }

                if (status[i] != invert)
                {
                    d++;
                }
                else
                {
                    c++;
                }
            }

            if (d + c == 0)
            {
                continue;
            }

            if (d > 0 && s > 0.0)
            {
                if (d >= n)
                {
                    s = 0.0;
                }
                else
                {
                    s *= 1.0 - ((double)d / n);
                    greenwood += d / ((double)n * (n - d));
                }
            }

            _stepTime[steps] = t;
            _stepSurvival[steps] = s;
            _stepSe[steps] = s > 0.0 ? s * Math.Sqrt(greenwood) : 0.0;
            _stepEvent[steps] = d > 0;
            steps++;
            n -= d + c;
        }

        return full ? Summarise(steps, landmark) : MedianOnly(steps, s);
    }

    private CurveSummary MedianOnly(int steps, double lastSurvival) => new(Median(steps), null, null, 0, lastSurvival, 1.0, null, null);

    private double? Median(int steps)
    {
        for (int i = NextEvent(-1, steps); i >= 0; i = NextEvent(i, steps))
        {
            double s = _stepSurvival[i];
            if (s > 0.5 + Tolerance)
            {
                continue;
            }

            int next = NextEvent(i, steps);
            return Math.Abs(s - 0.5) > Tolerance ? _stepTime[i] : next >= 0 ? (_stepTime[i] + _stepTime[next]) / 2.0 : null;
        }

        return null;
    }

    private CurveSummary Summarise(int steps, double landmark)
    {
        double? median = Median(steps);

        // The Brookmeyer-Crowley set only matters at its two ends: its first event time (the lower limit) and its last
        // (the upper limit is the next event time). Scan from each end to the first member.
        int first = -1;
        for (int i = NextEvent(-1, steps); i >= 0; i = NextEvent(i, steps))
        {
            if (HoldsHalf(i))
            {
                first = i;
                break;
            }
        }

        int last = -1;
        int eventsAfter = 0;
        double lastSurvival = 1.0;
        bool seenLast = false;
        for (int i = steps - 1; i >= 0; i--)
        {
            if (!_stepEvent[i])
            {
                continue;
            }

            if (!seenLast)
            {
                lastSurvival = _stepSurvival[i];
                seenLast = true;
            }

            if (first >= 0 && i >= first && HoldsHalf(i))
            {
                last = i;
                break;
            }

            eventsAfter++;
        }

        double? lower = null;
        double? upper = null;
        int after = eventsAfter;
        if (first >= 0)
        {
            lower = _stepTime[first];
            int next = NextEvent(last, steps);
            if (next >= 0 && _stepSurvival[next] > 0.0)
            {
                upper = _stepTime[next];
            }
        }

        double landmarkS = 1.0;
        double landmarkSe = 0.0;
        for (int i = 0; i < steps && _stepTime[i] <= landmark; i++)
        {
            landmarkS = _stepSurvival[i];
            landmarkSe = _stepSe[i];
        }

        var (lo, hi) = landmarkS < 1.0 ? KaplanMeierCurve.PointwiseLimits(landmarkS, landmarkSe, SurvivalCiTransform.LogLog, Z) : (null, null);
        return new CurveSummary(median, lower, upper, after, lastSurvival, landmarkS, lo, hi);
    }

    /// <summary>True when the log-log interval at event step <paramref name="i"/> holds 0.5 (|z| ≤ z₀.₉₇₅), as <see cref="KaplanMeierCurve.Quantile"/>.</summary>
    private bool HoldsHalf(int i)
    {
        double si = _stepSurvival[i];
        double se = _stepSe[i];
        if (!(si > 0.0) || !(se > 0.0))
        {
            return false;
        }

        double zi = (Math.Log(-Math.Log(si)) - HalfTransform) / (se / (si * Math.Log(si)));
        return Math.Abs(zi) <= Z;
    }

    private int NextEvent(int i, int steps)
    {
        for (int j = i + 1; j < steps; j++)
        {
            if (_stepEvent[j])
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>
    /// The log-rank χ² (1 df) of the subjects in <paramref name="group"/> against the others, among the members
    /// (<paramref name="member"/> null: everyone), as <see cref="LogRankTest"/> with weight 1.
    /// </summary>
    public static double LogRankChiSquare(int[] order, int[] time, bool[] status, bool[]? member, bool[] group)
    {
        int n = 0;
        int n1 = 0;
        foreach (int i in order)
        {
            if (member is null || member[i])
            {
                n++;
                if (group[i])
                {
                    n1++;
                }
            }
        }

        double observed = 0.0;
        double expected = 0.0;
        double variance = 0.0;
        int k = 0;
        while (k < order.Length)
        {
            int t = time[order[k]];
            int d = 0;
            int d1 = 0;
            int leave = 0;
            int leave1 = 0;
            while (k < order.Length && time[order[k]] == t)
            {
                int i = order[k++];
                if (member is not null && !member[i])
                {
                    continue;
                }

                leave++;
                if (group[i])
                {
                    leave1++;
                }

                if (status[i])
                {
                    d++;
                    if (group[i])
                    {
                        d1++;
                    }
                }
            }

            if (d > 0)
            {
                double p = (double)n1 / n;
                observed += d1;
                expected += d * p;
                if (n > 1)
                {
                    variance += d * p * (1.0 - p) * (n - d) / (n - 1.0);
                }
            }

            n -= leave;
            n1 -= leave1;
        }

        return variance > 0.0 ? (observed - expected) * (observed - expected) / variance : 0.0;
    }
}
