namespace OncoTrial.Statistics;

/// <summary>
/// The Kaplan-Meier (product-limit) estimator of a survival function with Greenwood standard errors,
/// transformed pointwise confidence limits, Brookmeyer-Crowley quantile intervals and landmark estimates.
/// </summary>
/// <remarks>
/// <para>With distinct event times t₁ &lt; … &lt; t_D, Y_i the number at risk just before t_i (every subject
/// with time ≥ t_i, so a subject censored at t_i is at risk for the events at t_i) and d_i the events at t_i:
/// Ŝ(t) = Π_{t_i ≤ t} (1 − d_i/Y_i) (Kaplan &amp; Meier 1958, JASA 53:457, eq. 2a), and the Greenwood variance
/// Var̂[Ŝ(t)] = Ŝ(t)² Σ_{t_i ≤ t} d_i / (Y_i (Y_i − d_i)) (Greenwood 1926; Klein &amp; Moeschberger 2003, eq. 4.2.2).</para>
/// <para>Pointwise limits are g⁻¹{ g(Ŝ) ± z·g′(Ŝ)·σ̂ } for the transform g (Klein &amp; Moeschberger §4.3;
/// SAS/STAT PROC LIFETEST "Pointwise Confidence Limits"). Case weights are integer frequencies, so a weight of
/// k equals k replicated rows. Equal times are those that compare equal as doubles (no R <c>timefix</c> merge).</para>
/// <para>R: <c>survfit(Surv(time, status) ~ 1, conf.type = "log-log")</c> with <c>summary()</c>; SAS:
/// <c>PROC LIFETEST METHOD=KM CONFTYPE=LOGLOG</c>.</para>
/// </remarks>
public static class KaplanMeier
{
    /// <summary>Fits the Kaplan-Meier curve.</summary>
    /// <param name="time">Times, finite and ≥ 0.</param>
    /// <param name="status">1 = event, 0 = censored.</param>
    /// <param name="weights">Optional integer case weights ≥ 0 (empty = 1 each; a weight of 0 drops the row).</param>
    /// <param name="options">Options; null = <see cref="KaplanMeierOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Invalid input; the message names the argument and index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Options with problems (<see cref="KaplanMeierOptions.Validate"/>), all listed.</exception>
    public static KaplanMeierCurve Fit(
        ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> weights = default, KaplanMeierOptions? options = null)
    {
        SurvivalInput.Validate(time, status, weights);
        options ??= KaplanMeierOptions.Default;
        if (!ReferenceEquals(options, KaplanMeierOptions.Default))
        {
            // The defaults are valid; checking them on every fit would cost the simulations an allocation per trial.
            OptionProblems.ThrowIfAny(options.Validate(), nameof(options));
        }

        var table = RiskTable.Build(time, status, weights);
        return KaplanMeierCurve.FromRiskTable(table, options);
    }

    /// <summary>
    /// Fits the reverse Kaplan-Meier curve (the censoring distribution: status flipped, so censorings are the
    /// "events"), whose median is the median follow-up (Schemper &amp; Smith 1996, Control Clin Trials 17:343).
    /// </summary>
    /// <remarks>
    /// Ties follow the ordinary estimator after flipping: an original event at the time of a censoring stays in
    /// the risk set. Equals R <c>survfit(Surv(time, 1 - status) ~ 1)</c> and the SAS swapped-censoring-list idiom;
    /// differs from <c>prodlim(reverse = TRUE)</c> only at such ties.
    /// </remarks>
    public static KaplanMeierCurve FitReverse(
        ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> weights = default, KaplanMeierOptions? options = null)
    {
        SurvivalInput.Validate(time, status, weights);
        var flipped = new int[status.Length];
        for (int i = 0; i < flipped.Length; i++)
        {
            flipped[i] = 1 - status[i];
        }

        return Fit(time, flipped, weights, options);
    }

    /// <summary>Fits one curve per group; groups are returned in ordinal string order.</summary>
    /// <param name="time">Times, finite and ≥ 0.</param>
    /// <param name="status">1 = event, 0 = censored.</param>
    /// <param name="group">The group factor (one code per observation).</param>
    /// <param name="weights">Optional integer case weights.</param>
    /// <param name="options">Options; null = defaults.</param>
    public static IReadOnlyList<GroupCurve> FitByGroup(
        ReadOnlySpan<double> time, ReadOnlySpan<int> status, Factor group, ReadOnlySpan<int> weights = default, KaplanMeierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        SurvivalInput.Validate(time, status, weights);
        SurvivalInput.ValidateCodes(group.Codes, group.Levels.Count, time.Length, "group");
        options ??= KaplanMeierOptions.Default;
        OptionProblems.ThrowIfAny(options.Validate(), nameof(options));

        var result = new List<GroupCurve>(group.Levels.Count);
        foreach (var (level, name) in OrdinalLevels(group))
        {
            var (t, st, w) = Subset(time, status, weights, group.Codes, level);
            result.Add(new GroupCurve(name, KaplanMeierCurve.FromRiskTable(RiskTable.Build(t, st, w), options)));
        }

        return result;
    }

    /// <summary>The factor's level codes with their names, in ordinal string order (the reference may sit first in the factor).</summary>
    internal static IEnumerable<(int Code, string Name)> OrdinalLevels(Factor group) =>
        Enumerable.Range(0, group.Levels.Count).OrderBy(i => group.Levels[i], StringComparer.Ordinal).Select(i => (i, group.Levels[i]));

    /// <summary>The rows whose code equals <paramref name="level"/> (weights copied only when given).</summary>
    internal static (double[] Time, int[] Status, int[] Weights) Subset(
        ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> weights, ReadOnlySpan<int> codes, int level)
    {
        int n = 0;
        foreach (int c in codes)
        {
            if (c == level)
            {
                n++;
            }
        }

        var gt = new double[n];
        var gs = new int[n];
        var gw = weights.IsEmpty ? [] : new int[n];
        int k = 0;
        for (int i = 0; i < codes.Length; i++)
        {
            if (codes[i] != level)
            {
                continue;
            }

            gt[k] = time[i];
            gs[k] = status[i];
            if (!weights.IsEmpty)
            {
                gw[k] = weights[i];
            }

            k++;
        }

        return (gt, gs, gw);
    }
}

/// <summary>A group's name and its Kaplan-Meier curve.</summary>
/// <param name="Group">The group level.</param>
/// <param name="Curve">The fitted curve.</param>
public sealed record GroupCurve(string Group, KaplanMeierCurve Curve);
