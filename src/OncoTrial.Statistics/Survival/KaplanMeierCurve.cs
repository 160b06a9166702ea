namespace OncoTrial.Statistics;

/// <summary>
/// A fitted Kaplan-Meier curve: one <see cref="KaplanMeierStep"/> per distinct observed time, and the options
/// that produced it. Immutable.
/// </summary>
public sealed class KaplanMeierCurve
{
    // Columnar storage: the risk table's columns are kept as they are (no copy); survival and SE are computed with
    // the table, pointwise limits only when a step is read (a curve may have millions of distinct times).
    private readonly RiskTable _table;
    private readonly double[] _time;
    private readonly CountColumn _atRisk;
    private readonly CountColumn _events;
    private readonly double[] _survival;
    private readonly double[] _stdErr;
    private readonly int _count;

    private KaplanMeierCurve(KaplanMeierOptions options, RiskTable table)
    {
        Options = options;
        _table = table;
        _time = table.Time;
        _atRisk = table.AtRisk;
        _events = table.Events;
        _survival = table.Survival;
        _stdErr = table.StandardError;
        _count = table.Count;
        N = _count == 0 ? 0 : _atRisk[0];
        Events = table.TotalEvents;
        Steps = new StepList(this);
    }

    /// <summary>The options that produced this curve (transform, level, quantile and landmark rules).</summary>
    public KaplanMeierOptions Options { get; }

    /// <summary>Weighted number of observations.</summary>
    public long N { get; }

    /// <summary>Weighted number of events.</summary>
    public long Events { get; }

    /// <summary>One step per distinct observed time (events and censorings), in increasing time.</summary>
    public IReadOnlyList<KaplanMeierStep> Steps { get; }

    /// <summary>The last observed time (event or censoring); null for an empty curve.</summary>
    public double? LastTime => _count == 0 ? null : _time[_count - 1];

    /// <summary>The median, <see cref="Quantile"/> at p = 0.5.</summary>
    public SurvivalQuantile Median => Quantile(0.5);

    internal static KaplanMeierCurve FromRiskTable(RiskTable table, KaplanMeierOptions options) => new(options, table);

    private KaplanMeierStep StepAt(int i)
    {
        var (lower, upper) = PointwiseLimits(_survival[i], _stdErr[i], Options.Transform, Options.ConfidenceLevel.Z);
        return new KaplanMeierStep(_time[i], _atRisk[i], _events[i], _table.CensoredAt(i), _survival[i], _stdErr[i], lower, upper);
    }

    /// <summary>The first step after <paramref name="i"/> with an event, or −1 (i = −1 gives the first event step).</summary>
    private int NextEventStep(int i)
    {
        for (int j = i + 1; j < _count; j++)
        {
            if (_events[j] > 0)
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>The steps as a read-only list whose limits are computed on access.</summary>
    private sealed class StepList(KaplanMeierCurve curve) : IReadOnlyList<KaplanMeierStep>
    {
        public int Count => curve._count;

        public KaplanMeierStep this[int index] =>
            (uint)index < (uint)curve._count ? curve.StepAt(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KaplanMeierStep> GetEnumerator()
        {
            for (int i = 0; i < curve._count; i++)
            {
                yield return curve.StepAt(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// Pointwise limits g⁻¹{ g(Ŝ) ± z·g′(Ŝ)·σ̂ } (SAS/STAT PROC LIFETEST "Pointwise Confidence Limits";
    /// Klein &amp; Moeschberger 2003 §4.3). Ŝ = 0 gives no limits (NE); Ŝ = 1 gives [1, 1] for log and linear and NE for the transforms undefined at 1; σ̂ = 0 gives [Ŝ, Ŝ] (as R <c>survfit</c>).
    /// </summary>
    /// <param name="s">Ŝ(t) in [0, 1].</param>
    /// <param name="se">Greenwood SE of Ŝ(t).</param>
    /// <param name="transform">The transform g.</param>
    /// <param name="z">The normal critical value.</param>
    public static (double? Lower, double? Upper) PointwiseLimits(double s, double se, SurvivalCiTransform transform, double z)
    {
        if (!(s > 0.0))
        {
            return (null, null);
        }

        if (s >= 1.0)
        {
            // g is undefined at 1 for log-log, arcsine and logit (R prints NA there); log and linear give [1, 1].
            return transform is SurvivalCiTransform.Log or SurvivalCiTransform.Linear ? (1.0, 1.0) : (null, null);
        }

        if (se == 0.0)
        {
            return (s, s);
        }

        switch (transform)
        {
            case SurvivalCiTransform.LogLog:
                {
                    double a = z * se / (s * Math.Log(s)); // negative
                    return (Math.Pow(s, Math.Exp(-a)), Math.Pow(s, Math.Exp(a)));
                }

            case SurvivalCiTransform.Log:
                {
                    double a = z * se / s;
                    return (s * Math.Exp(-a), Math.Min(1.0, s * Math.Exp(a)));
                }

            case SurvivalCiTransform.Linear:
                return (Math.Max(0.0, s - (z * se)), Math.Min(1.0, s + (z * se)));

            case SurvivalCiTransform.ArcsineSqrt:
                {
                    double h = 0.5 * z * se / Math.Sqrt(s * (1.0 - s));
                    double c = Math.Asin(Math.Sqrt(s));
                    double lo = Math.Sin(Math.Max(0.0, c - h));
                    double hi = Math.Sin(Math.Min(Math.PI / 2.0, c + h));
                    return (lo * lo, hi * hi);
                }

            case SurvivalCiTransform.Logit:
                {
                    double h = z * se / (s * (1.0 - s));
                    double logit = Math.Log(s / (1.0 - s));
                    return (1.0 / (1.0 + Math.Exp(-(logit - h))), 1.0 / (1.0 + Math.Exp(-(logit + h))));
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(transform), transform, "transform: expected a SurvivalCiTransform member.");
        }
    }

    /// <summary>
    /// The survival quantile t_p (p = 0.5 is the median) with its Brookmeyer-Crowley interval under the curve's
    /// transform.
    /// </summary>
    /// <remarks>
    /// <para>Point estimate: min{ t_i : Ŝ(t_i) &lt; 1 − p } over event times; where Ŝ equals 1 − p (within
    /// <see cref="KaplanMeierOptions.FlatTolerance"/>) on [t_i, t_{i+1}) the <see cref="QuantileRule"/> decides
    /// (SAS: midpoint to the next event time, NE if none; R print: midpoint, else t_i; R quantile: midpoint, else
    /// midpoint to the last observed time). NE (null) if Ŝ never falls to 1 − p.</para>
    /// <para>Interval (Brookmeyer &amp; Crowley 1982, Biometrics 38:29; transformed as SAS/STAT PROC LIFETEST
    /// "Breslow, Fleming-Harrington and Kaplan-Meier Methods", quartile CIs): the set of event times with
    /// |g(Ŝ(t_i)) − g(1 − p)| ≤ z·|g′(Ŝ(t_i))|·σ̂(t_i) (rows with Ŝ = 0 or σ̂ = 0 skipped). Lower = its first
    /// time; upper = the event time after its last, NE when there is none or Ŝ is 0 there; both NE when the set is
    /// empty. This equals where R <c>quantile.survfit</c>'s bands cross 1 − p when the bands are monotone.</para>
    /// </remarks>
    /// <param name="p">0 &lt; p &lt; 1.</param>
    public SurvivalQuantile Quantile(double p)
    {
        if (!(p > 0.0 && p < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, SurvivalInput.Invariant($"p: expected a probability strictly between 0 and 1 (0.5 = median), found {p}."));
        }

        double target = 1.0 - p;
        double tol = Options.FlatTolerance;

        double? estimate = null;
        for (int i = NextEventStep(-1); i >= 0; i = NextEventStep(i))
        {
            double s = _survival[i];
            if (s > target + tol)
            {
                continue;
            }

            double t = _time[i];
            int next = NextEventStep(i);
            if (Math.Abs(s - target) > tol)
            {
                estimate = t;
            }
            else if (next >= 0)
            {
                estimate = (t + _time[next]) / 2.0;
            }
            else
            {
                estimate = Options.QuantileRule switch
                {
                    QuantileRule.Sas => null,
                    QuantileRule.RPrint => t,
                    QuantileRule.RQuantile => (t + _time[_count - 1]) / 2.0,
                    _ => null,
                };
            }

            break;
        }

        double zc = Options.ConfidenceLevel.Z;
        double gTarget = Transform(target);
        int first = -1;
        int last = -1;
        for (int i = NextEventStep(-1); i >= 0; i = NextEventStep(i))
        {
            double si = _survival[i];
            double sei = _stdErr[i];
            if (!(si > 0.0) || !(sei > 0.0))
            {
                continue;
            }

            double zi = (Transform(si) - gTarget) / (Derivative(si) * sei);
            if (Math.Abs(zi) <= zc)
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
            }
        }

        double? lower = null;
        double? upper = null;
        if (first >= 0)
        {
            lower = _time[first];
            int after = NextEventStep(last);
            if (after >= 0 && _survival[after] > 0.0)
            {
                upper = _time[after];
            }
        }

        return new SurvivalQuantile(p, estimate, lower, upper);
    }

    /// <summary>The quantiles at each p (e.g. 0.25, 0.5, 0.75).</summary>
    public IReadOnlyList<SurvivalQuantile> Quantiles(IEnumerable<double> ps)
    {
        ArgumentNullException.ThrowIfNull(ps);
        return ps.Select(Quantile).ToList().AsReadOnly();
    }

    /// <summary>
    /// The landmark estimate Ŝ(t₀): the value at the largest observed time ≤ t₀ (right-continuous, so events at
    /// t₀ count). Before the first time Ŝ = 1. Beyond the last observed time the <see cref="LandmarkRule"/>
    /// decides: SAS reports NE unless Ŝ has reached 0; R <c>extend = TRUE</c> carries the last value forward.
    /// </summary>
    /// <param name="time">t₀, finite and ≥ 0.</param>
    public SurvivalLandmark Landmark(double time)
    {
        if (double.IsNaN(time) || double.IsInfinity(time) || time < 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, SurvivalInput.Invariant($"times: expected a finite landmark time >= 0, found {time}."));
        }

        int idx = LastIndexAtOrBefore(time);
        long atRisk = idx + 1 < _count ? _atRisk[idx + 1] : 0;
        if (idx >= 0 && _time[idx] == time)
        {
            atRisk = _atRisk[idx];
        }

        if (idx < 0)
        {
            return new SurvivalLandmark(time, atRisk, 1.0, 0.0, 1.0, 1.0);
        }

        var step = StepAt(idx);
        bool beyond = time > _time[_count - 1];
        if (beyond && Options.LandmarkRule == LandmarkRule.Sas && step.Survival > 0.0)
        {
            return new SurvivalLandmark(time, 0, null, null, null, null);
        }

        return new SurvivalLandmark(time, atRisk, step.Survival, step.StandardError, step.Lower, step.Upper);
    }

    /// <summary>Landmark estimates at each time.</summary>
    public IReadOnlyList<SurvivalLandmark> Landmarks(IEnumerable<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        return times.Select(Landmark).ToList().AsReadOnly();
    }

    private int LastIndexAtOrBefore(double time)
    {
        int lo = 0;
        int hi = _count - 1;
        int found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_time[mid] <= time)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private double Transform(double s) => Options.Transform switch
    {
        SurvivalCiTransform.LogLog => Math.Log(-Math.Log(s)),
        SurvivalCiTransform.Log => Math.Log(s),
        SurvivalCiTransform.Linear => s,
        SurvivalCiTransform.ArcsineSqrt => Math.Asin(Math.Sqrt(s)),
        SurvivalCiTransform.Logit => Math.Log(s / (1.0 - s)),
        _ => throw new InvalidOperationException("Unknown transform."),
    };

    private double Derivative(double s) => Options.Transform switch
    {
        SurvivalCiTransform.LogLog => 1.0 / (s * Math.Log(s)),
        SurvivalCiTransform.Log => 1.0 / s,
        SurvivalCiTransform.Linear => 1.0,
        SurvivalCiTransform.ArcsineSqrt => 1.0 / (2.0 * Math.Sqrt(s * (1.0 - s))),
        SurvivalCiTransform.Logit => 1.0 / (s * (1.0 - s)),
        _ => throw new InvalidOperationException("Unknown transform."),
    };
}
