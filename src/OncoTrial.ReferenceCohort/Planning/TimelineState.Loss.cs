namespace OncoTrial.ReferenceCohort.Planning;

internal sealed partial class TimelineState
{
    private static readonly PublishedValue PfsMedian = PlanTargets.Get("pfs_median");
    private static readonly PublishedValue PfsRate = PlanTargets.Get("pfs_rate_12m");
    private static readonly PublishedValue OsMedian = PlanTargets.Get("os_median");
    private static readonly PublishedValue OsRate = PlanTargets.Get("os_rate_12m");
    private static readonly PublishedValue DorMedian = PlanTargets.Get("dor_median");
    private static readonly PublishedValue DorLong = PlanTargets.Get("dor_gt_6m");
    private static readonly PublishedValue FollowUpMedian = PlanTargets.Get("follow_up_median");
    private static readonly PublishedValue PfsCpsAtLeastOne = PlanTargets.Get("pfs_median_cps_ge1");
    private static readonly PublishedValue PfsCpsBelowOne = PlanTargets.Get("pfs_median_cps_lt1");
    private static readonly PublishedValue PfsCpsAtLeastTen = PlanTargets.Get("pfs_median_cps_ge10");
    private static readonly PublishedValue PfsCpsBelowTen = PlanTargets.Get("pfs_median_cps_lt10");
    private static readonly PublishedValue PfsNoLiver = PlanTargets.Get("pfs_median_no_liver_mets");
    private static readonly PublishedValue PfsLiver = PlanTargets.Get("pfs_median_liver_mets");
    private static readonly PublishedValue OsNoLiver = PlanTargets.Get("os_median_no_liver_mets");
    private static readonly PublishedValue OsLiver = PlanTargets.Get("os_median_liver_mets");

    /// <summary>The χ² the liver log-rank tests aim at: above the p &lt; 0.0001 bound with a margin, so the exact test agrees.</summary>
    private const double LiverChiSquareAim = 16.5;

    /// <summary>The largest χ² allowed for PD-L1 CPS (p above about 0.08: "not associated with PD-L1 CPS").</summary>
    private const double CpsChiSquareCeiling = 3.0;

    /// <summary>Days of DoR that are "more than six months" (183 / 30.4375 = 6.01).</summary>
    public const int DorLongDays = 183;

    /// <summary>Subjects who progress by RECIST and start a subsequent therapy (Results: 7 of 13).</summary>
    public const int SubsequentTherapySubjects = 7;

    /// <summary>Days from progression to death or cutoff that leave room for a subsequent therapy.</summary>
    public const int TherapyRoomDays = 30;

    /// <summary>Days from progression to death or cutoff that leave room for a second and a third line (Results: one subject).</summary>
    public const int ThirdLineRoomDays = 100;

    private readonly SearchSurvival _km = new(64);
    private int[]? _pfsOrder;
    private int[]? _osOrder;
    private int[]? _dorOrder;

    /// <summary>
    /// The events before the 12-month landmark that the published rate and its interval imply (see
    /// <see cref="ImpliedLandmarkEvents"/>): the search is steered towards them.
    /// </summary>
    private static readonly int PfsLandmarkEvents = ImpliedLandmarkEvents(PfsRate);

    private static readonly int OsLandmarkEvents = ImpliedLandmarkEvents(OsRate);

    /// <summary>Subjects censored on day 1 in PFS: not evaluable and alive (no adequate post-baseline scan, no death).</summary>
    private static readonly int PfsDayOneCensored = CohortDesign.Profiles.Count(p => p.FixedResponse == ResponseClass.NotEvaluable && !p.DiesWithoutProgression && p.Path != SubjectPath.InductionWithdrawalAfterNeScan);

    /// <summary>The valid orders of events and censorings before the 12-month landmark (enumerated once per process).</summary>
    internal static readonly Lazy<LandmarkOrders> PfsOrders = new(() => LandmarkOrders.Enumerate(PfsRate, CohortDesign.Profiles.Count - PfsDayOneCensored, PfsLandmarkEvents));

    internal static readonly Lazy<LandmarkOrders> OsOrders = new(() => LandmarkOrders.Enumerate(OsRate, CohortDesign.Profiles.Count, OsLandmarkEvents));

    /// <summary>The weight of one step of distance to the nearest valid order before the landmark.</summary>
    public const double OrderWeight = 1.0;

    /// <summary>A window of days where a PFS or OS event makes a published figure: the days that round to a median or a
    /// limit, and the days around the 12-month landmark.</summary>
    internal readonly record struct TargetWindow(string Id, int Low, int High, bool Os);

    /// <summary>The target windows of the PFS and OS figures (the placement and replacement moves aim at them).</summary>
    internal static readonly TargetWindow[] Windows = BuildWindows();

    private static readonly Dictionary<string, int> WindowIndex = Windows.Select((w, i) => (w.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

    private readonly bool[] _failing = new bool[Windows.Length];

    /// <summary>Whether the figure of window <paramref name="w"/> missed when last computed.</summary>
    public bool IsFailing(int w) => _failing[w];

    private double Flag(string id, double value)
    {
        _failing[WindowIndex[id]] = value > 0;
        return value;
    }

    private static TargetWindow[] BuildWindows()
    {
        var windows = new List<TargetWindow> { new("pfs_rate_12m", 350, 380, false), new("os_rate_12m", 350, 380, true) };
        foreach (var value in PublishedValues.Paper.Values)
        {
            if (value.Kind != PublishedKind.Median || value.Unit != "months" || !(value.Id.StartsWith("pfs", StringComparison.Ordinal) || value.Id.StartsWith("os", StringComparison.Ordinal)))
            {
                continue;
            }

            bool os = value.Id.StartsWith("os", StringComparison.Ordinal);
            foreach (var (suffix, number) in new[] { (string.Empty, value.Value), ("/lower", value.Ci?.Lower ?? default), ("/upper", value.Ci?.Upper ?? default) })
            {
                int low = -1;
                int high = -1;
                for (int day = 1; day < 1200 && number.Value is not null; day++)
                {
                    if (PlanTargets.RoundsTo(PlanTargets.Months(day), number))
                    {
                        low = low < 0 ? day : low;
                        high = day;
                    }
                }

                if (low > 0)
                {
                    windows.Add(new TargetWindow(value.Id + suffix, low, high, os));
                }
            }
        }

        return [.. windows];
    }

    /// <summary>The weight of one event too many or too few before the landmark.</summary>
    public const double LandmarkEventWeight = 10;

    /// <summary>
    /// The loss: 0 when every published survival figure rounds right and every timeline keeps its path's rules. Each
    /// term is a distance (days / 5 for times, percentage points × 2 for rates, subjects for counts, χ² for the tests)
    /// rounded to 1e-9, so the same state gives the same loss bit for bit wherever the last bits of log and exp differ.
    /// The terms are added cheapest first; once the sum passes <paramref name="limit"/> the rest is skipped and the
    /// partial sum returned (every term is ≥ 0, so the full loss would pass it too).
    /// </summary>
    /// <param name="limit">Stop adding terms once the sum exceeds this.</param>
    /// <param name="parts">When given, receives each term by name (diagnostics; no early stop).</param>
    public double Loss(double limit = double.PositiveInfinity, List<(string Name, double Value)>? parts = null)
    {
        int n = Count;
        if (parts is not null)
        {
            limit = double.PositiveInfinity;
        }

        double total = 0;
        bool Add(string name, double value)
        {
            total += Math.Round(value, 9);
            parts?.Add((name, Math.Round(value, 9)));
            return total > limit;
        }

        double penalty = 0;
        int firstDose = int.MaxValue;
        int lastDose = int.MinValue;
        int therapyRoom = 0;
        int thirdLineRoom = 0;
        int pfsEarly = 0;
        int osEarly = 0;
        int longResponses = 0;
        for (int i = 0; i < n; i++)
        {
            penalty += _outcomes[i].Penalty;
            firstDose = Math.Min(firstDose, _vars[i].FirstDose);
            lastDose = Math.Max(lastDose, _vars[i].FirstDose);
            therapyRoom += _outcomes[i].TherapyRoom >= TherapyRoomDays ? 1 : 0;
            thirdLineRoom += _outcomes[i].TherapyRoom >= ThirdLineRoomDays ? 1 : 0;
            pfsEarly += PfsEvent[i] && PfsTime[i] <= PlanTargets.TwelveMonthsDays ? 1 : 0;
            osEarly += OsEvent[i] && OsTime[i] <= PlanTargets.TwelveMonthsDays ? 1 : 0;
            longResponses += Responder[i] && DorTime[i] >= DorLongDays ? 1 : 0;
        }

        // The first patient in September 2021, the last in November 2023 (Fig. 1), room for 7 subsequent therapies.
        if (Add("timeline rules", penalty)
            || Add("enrolment span", (Math.Max(0, firstDose - 29) + Math.Max(0, LastFirstDose - 29 - lastDose)) / 10.0)
            || Add("subsequent therapy room", Math.Max(0, SubsequentTherapySubjects - therapyRoom) + Math.Max(0, 1 - thirdLineRoom))
            || Add("dor > 6 months", Math.Abs(longResponses - (DorLong.Value.Value ?? 0)))
            || Add("pfs events by 12 months", LandmarkEventWeight * Math.Abs(pfsEarly - PfsLandmarkEvents))
            || Add("os deaths by 12 months", LandmarkEventWeight * Math.Abs(osEarly - OsLandmarkEvents)))
        {
            return total;
        }

        _pfsOrder ??= [.. Enumerable.Range(0, n)];
        _osOrder ??= [.. Enumerable.Range(0, n)];
        _dorOrder ??= [.. Enumerable.Range(0, n)];
        SearchSurvival.SortByTime(_pfsOrder, PfsTime);
        SearchSurvival.SortByTime(_osOrder, OsTime);
        SearchSurvival.SortByTime(_dorOrder, DorTime);
        const double landmark = PlanTargets.TwelveMonthsDays;

        var pfs = _km.Summarise(_pfsOrder, PfsTime, PfsEvent, null, false, landmark);
        if (Add("pfs median", Flag("pfs_median", Median(pfs, PfsMedian))) || Add("pfs lower", Flag("pfs_median/lower", Lower(pfs, PfsMedian))) || Add("pfs upper", Upper(pfs, PfsMedian))
            || Add("pfs 12m", RateFlag("pfs_rate_12m", Rate(pfs, PfsRate, PfsOrders.Value, _pfsOrder, PfsTime, PfsEvent, 1, _pfsOrderCache))))
        {
            return total;
        }

        var os = _km.Summarise(_osOrder, OsTime, OsEvent, null, false, landmark);
        if (Add("os median", Median(os, OsMedian)) || Add("os lower", Flag("os_median/lower", Lower(os, OsMedian))) || Add("os upper", Upper(os, OsMedian))
            || Add("os 12m", RateFlag("os_rate_12m", Rate(os, OsRate, OsOrders.Value, _osOrder, OsTime, OsEvent, 0, _osOrderCache))))
        {
            return total;
        }

        var dor = _km.Summarise(_dorOrder, DorTime, DorEvent, Responder, false, landmark);
        if (Add("dor median", Median(dor, DorMedian)) || Add("dor lower", Lower(dor, DorMedian)) || Add("dor upper", Upper(dor, DorMedian)))
        {
            return total;
        }

        var followUp = _km.Summarise(_osOrder, OsTime, OsEvent, null, true, landmark);
        if (Add("follow-up median", Median(followUp, FollowUpMedian)) || Add("follow-up lower", Lower(followUp, FollowUpMedian))
            || Add("follow-up upper", Upper(followUp, FollowUpMedian)))
        {
            return total;
        }

        if (Add("pfs liver", Flag("pfs_median_liver_mets", Median(_km.SummariseMedian(_pfsOrder, PfsTime, PfsEvent, Liver), PfsLiver)))
            || Add("pfs no liver", Flag("pfs_median_no_liver_mets", Median(_km.SummariseMedian(_pfsOrder, PfsTime, PfsEvent, NoLiver), PfsNoLiver)))
            || Add("os liver", Flag("os_median_liver_mets", Median(_km.SummariseMedian(_osOrder, OsTime, OsEvent, Liver), OsLiver)))
            || Add("os no liver", Median(_km.SummariseMedian(_osOrder, OsTime, OsEvent, NoLiver), OsNoLiver))
            || Add("pfs liver log-rank", ChiSquareAbove(SearchSurvival.LogRankChiSquare(_pfsOrder, PfsTime, PfsEvent, null, Liver)))
            || Add("os liver log-rank", ChiSquareAbove(SearchSurvival.LogRankChiSquare(_osOrder, OsTime, OsEvent, null, Liver))))
        {
            return total;
        }

        if (Add("pfs cps>=1", Flag("pfs_median_cps_ge1", Median(_km.SummariseMedian(_pfsOrder, PfsTime, PfsEvent, CpsAtLeastOne), PfsCpsAtLeastOne)))
            || Add("pfs cps<1", Flag("pfs_median_cps_lt1", Median(_km.SummariseMedian(_pfsOrder, PfsTime, PfsEvent, CpsBelowOne), PfsCpsBelowOne)))
            || Add("pfs cps>=10", Flag("pfs_median_cps_ge10", Median(_km.SummariseMedian(_pfsOrder, PfsTime, PfsEvent, CpsAtLeastTen), PfsCpsAtLeastTen)))
            || Add("pfs cps<10", Median(_km.SummariseMedian(_pfsOrder, PfsTime, PfsEvent, CpsBelowTen), PfsCpsBelowTen))
            || Add("pfs cps 1 log-rank", ChiSquareBelow(SearchSurvival.LogRankChiSquare(_pfsOrder, PfsTime, PfsEvent, CpsAssessed, CpsAtLeastOne)))
            || Add("pfs cps 10 log-rank", ChiSquareBelow(SearchSurvival.LogRankChiSquare(_pfsOrder, PfsTime, PfsEvent, CpsAssessed, CpsAtLeastTen)))
            || Add("os cps 1 log-rank", ChiSquareBelow(SearchSurvival.LogRankChiSquare(_osOrder, OsTime, OsEvent, CpsAssessed, CpsAtLeastOne))))
        {
            return total;
        }

        Add("os cps 10 log-rank", ChiSquareBelow(SearchSurvival.LogRankChiSquare(_osOrder, OsTime, OsEvent, CpsAssessed, CpsAtLeastTen)));
        return total;
    }

    /// <summary>
    /// The number of events before the landmark that a published rate Ŝ and its log-log interval imply: the interval
    /// gives Greenwood's SE (σ = Ŝ ln Ŝ · ln(ln bound / ln Ŝ) / z, from each bound), the SE an effective sample size
    /// n = Ŝ(1 − Ŝ)/σ² (the binomial one of a cohort without censoring), and n(1 − Ŝ) the events. For the paper: PFS 17,
    /// OS 12; an exhaustive enumeration of event and censoring orders before the landmark confirms that every order
    /// giving all three published OS numbers among 50 at risk has exactly 12 deaths; for PFS (47 at risk) neighbouring
    /// counts have orders too, and the search aims at 17 (docs/reference-cohort.md).
    /// </summary>
    internal static int ImpliedLandmarkEvents(PublishedValue rate)
    {
        double s = rate.Value.Value!.Value / 100;
        var (lower, upper) = rate.Ci!.Value;
        double z = Statistics.KaplanMeierOptions.Default.ConfidenceLevel.Z;
        double SeFrom(double bound) => Math.Abs(s * Math.Log(s) * Math.Log(Math.Log(bound / 100) / Math.Log(s)) / z);
        double variance = (Math.Pow(SeFrom(lower.Value!.Value), 2) + Math.Pow(SeFrom(upper.Value!.Value), 2)) / 2;
        double effectiveN = s * (1 - s) / variance;
        return (int)Math.Round(effectiveN * (1 - s), MidpointRounding.AwayFromZero);
    }

    private double RateFlag(string id, double value)
    {
        _failing[WindowIndex[id]] = value > 0;
        return value;
    }

    private static double Median(CurveSummary c, PublishedValue target) =>
        target.Value.Value is null
            ? (c.Median is null ? 0 : 1 + (Math.Max(0, 0.5 - c.LastSurvival) * 20))
            : PlanTargets.DaysOff(c.Median, target.Value) / 5;

    private static double Lower(CurveSummary c, PublishedValue target) => target.Ci is { } ci ? PlanTargets.DaysOff(c.Lower, ci.Lower) / 5 : 0;

    private static double Upper(CurveSummary c, PublishedValue target) =>
        target.Ci is not { } ci ? 0
        : ci.Upper.Value is null ? (c.Upper is null ? 0 : 1 + (0.5 * c.EventStepsAfterUpperSet))
        : PlanTargets.DaysOff(c.Upper, ci.Upper) / 5;

    /// <summary>
    /// The rate term: 0 when Ŝ and both limits round right; otherwise twice the percentage points off plus the distance of
    /// the order of events and censorings before the landmark to the nearest order that rounds right.
    /// </summary>
    private static double Rate(CurveSummary c, PublishedValue target, LandmarkOrders orders, int[] sorted, int[] time, bool[] status, int dayOne, OrderCache cache)
    {
        var ci = target.Ci!.Value;
        double off = PlanTargets.PointsOff(c.Landmark, target.Value) + PlanTargets.PointsOff(c.LandmarkLower, ci.Lower) + PlanTargets.PointsOff(c.LandmarkUpper, ci.Upper);
        if (off == 0)
        {
            return 0;
        }

        Span<int> order = stackalloc int[64];
        int count = 0;
        int events = 0;
        int k = 0;
        while (k < sorted.Length && time[sorted[k]] <= PlanTargets.TwelveMonthsDays)
        {
            int t = time[sorted[k]];
            int end = k;
            while (end < sorted.Length && time[sorted[end]] == t)
            {
                events += status[sorted[end]] ? 1 : 0;
                end++;
            }

            for (int j = k; j < end; j++)
            {
                if (!status[sorted[j]] && t > dayOne && events < orders.Events && count < order.Length)
                {
                    order[count++] = events;
                }
            }

            k = end;
        }

        return (2 * off) + (OrderWeight * cache.Distance(orders, order[..count]));
    }

    /// <summary>The last order met and its distance: the order before the landmark changes in few steps of the search.</summary>
    private sealed class OrderCache
    {
        private readonly int[] _last = new int[64];
        private int _length = -1;
        private int _distance;

        public int Distance(LandmarkOrders orders, ReadOnlySpan<int> order)
        {
            if (_length != order.Length || !order.SequenceEqual(_last.AsSpan(0, _length)))
            {
                _distance = orders.Distance(order);
                order.CopyTo(_last);
                _length = order.Length;
            }

            return _distance;
        }
    }

    private readonly OrderCache _pfsOrderCache = new();
    private readonly OrderCache _osOrderCache = new();

    private static double ChiSquareAbove(double chiSquare) =>
        chiSquare >= LiverChiSquareAim ? 0 : ((LiverChiSquareAim - chiSquare) / 4) + (chiSquare < PlanTargets.ChiSquareAtOneInTenThousand ? 0.5 : 0.05);

    private static double ChiSquareBelow(double chiSquare) => chiSquare <= CpsChiSquareCeiling ? 0 : 0.2 + ((chiSquare - CpsChiSquareCeiling) / 2);
}
