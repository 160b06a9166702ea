using System.Collections.ObjectModel;
using System.Numerics;
using System.Text.Json.Serialization;

namespace OncoTrial.Statistics;

/// <summary>
/// The weight w(tᵢ) given to the observed-minus-expected events at each distinct event time tᵢ of the
/// weighted log-rank family. Yᵢ is the number at risk and dᵢ the number of events at tᵢ, both pooled over
/// the groups of one stratum; every weight is computed within each stratum from the pooled data of that stratum.
/// </summary>
/// <remarks>
/// The SAS names are those of PROC LIFETEST <c>TEST=</c> (statug_lifetest_details16, "Weight Functions for
/// Various Tests"); R <c>survival::survdiff</c> offers only <see cref="LogRank"/> (rho = 0) and the
/// Fleming-Harrington family with γ = 0 (argument <c>rho</c>). See docs/methods/logrank.md.
/// </remarks>
public enum LogRankWeighting
{
    /// <summary>
    /// w = 1: the log-rank (Mantel-Haenszel) test, Mantel (1966). Default. R <c>survdiff(rho = 0)</c>;
    /// SAS <c>TEST=LOGRANK</c>.
    /// </summary>
    [JsonStringEnumMemberName("logrank")]
    LogRank,

    /// <summary>
    /// w = Yᵢ: the Gehan (1965) - Breslow (1970) generalised Wilcoxon test. SAS <c>TEST=WILCOXON</c>
    /// (the "Wilcoxon" row of the default LIFETEST output). Not available in <c>survdiff</c>; it is not
    /// R <c>rho = 1</c>.
    /// </summary>
    [JsonStringEnumMemberName("wilcoxon")]
    GehanBreslow,

    /// <summary>w = √Yᵢ: Tarone and Ware (1977). SAS <c>TEST=TARONE</c>.</summary>
    TaroneWare,

    /// <summary>
    /// w = S̃(tᵢ) = Πⱼ:tⱼ≤tᵢ (1 − dⱼ/(Yⱼ + 1)), Peto and Peto (1972) in the form given by Klein and
    /// Moeschberger (2003) §7.3 and SAS <c>TEST=PETO</c>. Note that S̃ includes tᵢ itself.
    /// </summary>
    [JsonStringEnumMemberName("peto")]
    PetoPeto,

    /// <summary>
    /// w = S̃(tᵢ)·Yᵢ/(Yᵢ + 1): the modified Peto-Peto test of Andersen, Borgan, Gill and Keiding (1982).
    /// SAS <c>TEST=MODPETO</c>.
    /// </summary>
    [JsonStringEnumMemberName("modified-peto")]
    ModifiedPetoPeto,

    /// <summary>
    /// w = Ŝ(tᵢ₋)^ρ (1 − Ŝ(tᵢ₋))^γ with Ŝ the pooled Kaplan-Meier estimate, left-continuous (the value just
    /// before tᵢ): Harrington and Fleming (1982) G^(ρ,γ); ρ and γ come from <see cref="LogRankOptions"/>.
    /// FH(ρ, 0) equals R <c>survdiff(rho = ρ)</c>; FH(1, 0) is what R calls the Peto-Peto modification of the
    /// Gehan-Wilcoxon test. SAS <c>TEST=FLEMING(ρ, γ)</c>. 0⁰ is taken as 1.
    /// </summary>
    FlemingHarrington,
}

/// <summary>
/// Options of <see cref="LogRankTest"/>: the weight function and, for
/// <see cref="LogRankWeighting.FlemingHarrington"/> only, its exponents.
/// </summary>
/// <param name="Weighting">The weight function; default <see cref="LogRankWeighting.LogRank"/>.</param>
/// <param name="Rho">ρ ≥ 0, finite; used only by <see cref="LogRankWeighting.FlemingHarrington"/> (must be 0 otherwise).</param>
/// <param name="Gamma">γ ≥ 0, finite; used only by <see cref="LogRankWeighting.FlemingHarrington"/> (must be 0 otherwise).</param>
public sealed record LogRankOptions(LogRankWeighting Weighting = LogRankWeighting.LogRank, double Rho = 0, double Gamma = 0)
{
    /// <summary>The unweighted log-rank test (w = 1), the default of both R <c>survdiff</c> and SAS LIFETEST.</summary>
    public static LogRankOptions Default { get; } = new();

    /// <summary>
    /// Every problem with the options (empty when valid): a defined weighting (option <c>test</c>); ρ and γ
    /// (<c>rho</c>, <c>gamma</c>) finite and ≥ 0 with <see cref="LogRankWeighting.FlemingHarrington"/>, and 0 with any
    /// other weighting (<c>OPTION_CONFLICT</c>).
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (!OptionProblems.CheckDefined(problems, "test", Weighting))
        {
            return problems.AsReadOnly();
        }

        if (Weighting == LogRankWeighting.FlemingHarrington)
        {
            if (!(Rho >= 0 && double.IsFinite(Rho)))
            {
                problems.Add(Problem.OptionRange("rho", "a finite number >= 0", Rho, "Use rho = 0 for the log-rank weight, 1 for R survdiff(rho = 1)."));
            }

            if (!(Gamma >= 0 && double.IsFinite(Gamma)))
            {
                problems.Add(Problem.OptionRange("gamma", "a finite number >= 0", Gamma, "Use gamma = 0 to weight early differences, > 0 for late ones."));
            }
        }
        else
        {
            const string Fix = "Use --test fleming-harrington (R survdiff(rho = 1) is fleming-harrington with rho 1, gamma 0), or set rho and gamma to 0.";
            if (Rho != 0)
            {
                problems.Add(Problem.ForOption("rho", OptionProblems.Conflict, "0 unless --test fleming-harrington (rho and gamma apply only to Fleming-Harrington weights)", SurvivalInput.Invariant($"{Rho} with --test {Vocabulary.Token(Weighting)}"), Fix));
            }

            if (Gamma != 0)
            {
                problems.Add(Problem.ForOption("gamma", OptionProblems.Conflict, "0 unless --test fleming-harrington (rho and gamma apply only to Fleming-Harrington weights)", SurvivalInput.Invariant($"{Gamma} with --test {Vocabulary.Token(Weighting)}"), Fix));
            }
        }

        return problems.AsReadOnly();
    }

    /// <inheritdoc />
    public override string ToString() => Weighting == LogRankWeighting.FlemingHarrington
        ? SurvivalInput.Invariant($"{Vocabulary.Token(Weighting)}(rho={Rho}, gamma={Gamma})")
        : Vocabulary.Token(Weighting);
}

/// <summary>
/// The result of a (weighted, possibly stratified) k-sample log-rank test. Immutable; it carries the
/// <see cref="Options"/> that produced it. Group g of every per-group list is the group code g.
/// </summary>
public sealed record LogRankResult
{
    /// <summary>The options that produced this result.</summary>
    public required LogRankOptions Options { get; init; }

    /// <summary>Number of groups k (the length of every per-group list).</summary>
    public required int GroupCount { get; init; }

    /// <summary>Number of strata (1 when the test is not stratified).</summary>
    public required int StrataCount { get; init; }

    /// <summary>
    /// Number of subjects per group, case weights applied (Σ weights). R <c>survdiff()$n</c>; SAS "Total".
    /// </summary>
    public required IReadOnlyList<double> N { get; init; }

    /// <summary>
    /// Observed events Oⱼ = Σᵢ dᵢⱼ per group, summed over strata, case weights applied, not multiplied by the
    /// test weight (as SAS prints them; R <c>survdiff</c> multiplies them by the weight when rho ≠ 0).
    /// </summary>
    public required IReadOnlyList<double> Observed { get; init; }

    /// <summary>
    /// Expected events Eⱼ = Σᵢ dᵢ Yᵢⱼ/Yᵢ per group under the null hypothesis, summed over strata, not
    /// multiplied by the test weight.
    /// </summary>
    public required IReadOnlyList<double> Expected { get; init; }

    /// <summary>
    /// The weighted score Uⱼ = Σᵢ wᵢ (dᵢⱼ − dᵢ Yᵢⱼ/Yᵢ) per group, summed over strata; Σⱼ Uⱼ = 0. Equals
    /// O − E when w = 1; R <c>survdiff()$obs - $exp</c>; SAS "Rank Statistics".
    /// </summary>
    public required IReadOnlyList<double> Score { get; init; }

    /// <summary>
    /// The k × k hypergeometric covariance matrix of <see cref="Score"/>, summed over strata (row g, column h).
    /// R <c>survdiff()$var</c>; SAS "Covariance Matrix".
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<double>> Variance { get; init; }

    /// <summary>χ² = Uᵀ V⁻ U on df = rank of the reduced V, with its upper-tail p-value.</summary>
    public required ChiSquareTest Test { get; init; }

    /// <summary>Conditions that are not errors (no events, a single testable group, singular variance).</summary>
    public required IReadOnlyList<StatisticalWarning> Warnings { get; init; }
}

/// <summary>
/// The k-sample weighted log-rank test with hypergeometric variance, optionally stratified.
/// </summary>
/// <remarks>
/// <para>
/// At each distinct event time tᵢ of a stratum, with Yᵢⱼ at risk (time ≥ tᵢ) and dᵢⱼ events in group j,
/// Yᵢ = Σⱼ Yᵢⱼ and dᵢ = Σⱼ dᵢⱼ, and a weight wᵢ (<see cref="LogRankWeighting"/>):
/// </para>
/// <para>Uⱼ = Σᵢ wᵢ (dᵢⱼ − dᵢ Yᵢⱼ / Yᵢ),</para>
/// <para>Vⱼₗ = Σᵢ wᵢ² · dᵢ (Yᵢ − dᵢ) / (Yᵢ² (Yᵢ − 1)) · (Yᵢ Yᵢⱼ δⱼₗ − Yᵢⱼ Yᵢₗ), terms with Yᵢ = 1 skipped,</para>
/// <para>
/// and χ² = Uᵀ V⁻ U. A censoring at tᵢ is still at risk at tᵢ. With strata, U and V (and O, E) are summed
/// over strata and every weight is computed from the pooled data of its own stratum.
/// </para>
/// <para>
/// Generalised inverse: groups whose expected count E (over all strata) is 0 are dropped, then the first
/// remaining group (Σ U = 0 makes V singular); the reduced matrix is factored as L D Lᵀ with pivots below
/// 1e-9 times their diagonal set to zero, which gives the exact inverse when the reduced V has full rank and a
/// generalised inverse otherwise. df = the number of non-zero pivots (k − 1 in the regular case). This is the
/// rule of R <c>survdiff</c> and agrees with SAS whenever V has rank k − 1.
/// </para>
/// <para>
/// References: Mantel N (1966), Cancer Chemother Rep 50:163–170; Gehan EA (1965), Biometrika 52:203–223;
/// Breslow N (1970), Biometrika 57:579–594; Peto R, Peto J (1972), J R Stat Soc A 135:185–207;
/// Tarone RE, Ware J (1977), Biometrika 64:156–160; Harrington DP, Fleming TR (1982), Biometrika
/// 69:553–566; Andersen PK, Borgan Ø, Gill RD, Keiding N (1982), Int Stat Rev 50:219–258; Klein JP,
/// Moeschberger ML (2003), Survival Analysis, 2nd ed., §7.3 (k-sample tests, weights) and §7.5 (stratified).
/// </para>
/// <para>
/// R: <c>survival::survdiff(Surv(time, status) ~ group + strata(s), rho = ρ)</c> (R also merges times closer
/// than ~1.5e-8 relative, "timefix"; this method compares times exactly). SAS: <c>PROC LIFETEST;
/// TIME time*status(0); STRATA s / GROUP = group TEST = (LOGRANK WILCOXON TARONE PETO MODPETO FLEMING(ρ,γ));</c>
/// or, unstratified, <c>STRATA group</c>. Formulas, a worked example and the choices are in docs/methods/logrank.md.
/// </para>
/// <para>
/// Cost: O(n + D·k²) for D distinct event times. Zero-weight rows are dropped; integer times with a small range
/// are counted per (stratum, time, group) cell with no sort; other times without case weights are packed with
/// their stratum, group and status into one 8-byte key per row and radix-sorted once (most significant digit
/// first); with case weights they are partitioned by stratum (counting sort) and radix-sorted once per stratum on
/// their IEEE bits. One forward pass over the distinct times follows.
/// </para>
/// </remarks>
public static class LogRankTest
{
    private const double PivotTolerance = 1e-9;

    /// <summary>Runs the test on integer-coded groups (and optional strata and case weights).</summary>
    /// <param name="time">Follow-up times, finite and ≥ 0.</param>
    /// <param name="status">1 = event, 0 = censored.</param>
    /// <param name="group">Group codes 0 ≤ g &lt; <paramref name="groupCount"/> (e.g. <see cref="Factor.Codes"/>).</param>
    /// <param name="groupCount">Number of groups k ≥ 1.</param>
    /// <param name="options">Weighting; null = <see cref="LogRankOptions.Default"/> (w = 1).</param>
    /// <param name="strata">Optional stratum codes ≥ 0, one per observation (empty = one stratum); the stratum count is the largest code + 1.</param>
    /// <param name="weights">Optional integer case weights ≥ 0 (empty = all 1); weight m counts as m identical rows.</param>
    /// <returns>Observed, expected, score, variance, χ² test and warnings.</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message names the argument, index and fix.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groupCount"/> &lt; 1, or ρ, γ invalid.</exception>
    /// <remarks>See the formulas on <see cref="LogRankTest"/>.</remarks>
    public static LogRankResult Compute(
        ReadOnlySpan<double> time,
        ReadOnlySpan<int> status,
        ReadOnlySpan<int> group,
        int groupCount,
        LogRankOptions? options = null,
        ReadOnlySpan<int> strata = default,
        ReadOnlySpan<int> weights = default)
    {
        options ??= LogRankOptions.Default;
        ValidateOptions(options);
        if (groupCount < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(groupCount),
                groupCount,
                SurvivalInput.Invariant($"groupCount: expected the number of groups (>= 1), found {groupCount}. Pass Factor.Levels.Count."));
        }

        SurvivalInput.Validate(time, status, weights);
        int n = time.Length;
        SurvivalInput.ValidateCodes(group, groupCount, n, nameof(group));
        int strataCount = 1;
        if (!strata.IsEmpty)
        {
            int max = 0;
            for (int i = 0; i < strata.Length; i++)
            {
                max = Math.Max(max, strata[i]);
            }

            strataCount = max + 1;
            SurvivalInput.ValidateCodes(strata, strataCount, n, nameof(strata));
        }

        double minTime = double.PositiveInfinity;
        double minPositive = double.PositiveInfinity;
        double maxTime = 0.0;
        bool integral = true;
        for (int i = 0; i < n; i++)
        {
            double t = time[i];
            minTime = t < minTime ? t : minTime;
            minPositive = t > 0.0 && t < minPositive ? t : minPositive;
            maxTime = t > maxTime ? t : maxTime;
            integral &= t == Math.Floor(t);
        }

        var acc = new Accumulator(groupCount, options);
        if (!(integral && TryHistogramPass(time, status, group, strata, weights, strataCount, minTime, maxTime, acc))
            && !TryPackedSortPass(time, status, group, strata, weights, strataCount, minPositive, maxTime, acc))
        {
            SortPass(time, status, group, strata, weights, strataCount, acc);
        }

        return acc.ToResult(strataCount);
    }

    /// <summary>
    /// Runs the test on group labels (and optional stratum labels), coding them with <see cref="Factor.Create"/>:
    /// group code g is the g-th label in ordinal string order.
    /// </summary>
    /// <param name="time">Follow-up times, finite and ≥ 0.</param>
    /// <param name="status">1 = event, 0 = censored.</param>
    /// <param name="group">One group label per observation, none null.</param>
    /// <param name="options">Weighting; null = <see cref="LogRankOptions.Default"/>.</param>
    /// <param name="strata">Optional stratum labels, one per observation, none null.</param>
    /// <param name="weights">Optional integer case weights ≥ 0 (empty = all 1).</param>
    /// <returns>The test; per-group lists follow the ordinal order of the labels.</returns>
    /// <remarks>See the formulas on <see cref="LogRankTest"/>.</remarks>
    public static LogRankResult Compute(
        ReadOnlySpan<double> time,
        ReadOnlySpan<int> status,
        IReadOnlyList<string> group,
        LogRankOptions? options = null,
        IReadOnlyList<string>? strata = null,
        ReadOnlySpan<int> weights = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var g = Factor.Create(group);
        var s = strata is null ? null : Factor.Create(strata);
        return Compute(time, status, g.Codes, g.Levels.Count, options, s is null ? default : s.Codes, weights);
    }

    private static void ValidateOptions(LogRankOptions options) => OptionProblems.ThrowIfAny(options.Validate(), nameof(options));

    /// <summary>
    /// Integer times (in [<paramref name="min"/>, <paramref name="max"/>]) with a small range: one pass accumulates
    /// events and removals per (stratum, time, group) cell, with no sort. Returns false (and does nothing) when the
    /// range is too wide.
    /// </summary>
    private static bool TryHistogramPass(
        ReadOnlySpan<double> time,
        ReadOnlySpan<int> status,
        ReadOnlySpan<int> group,
        ReadOnlySpan<int> strata,
        ReadOnlySpan<int> weights,
        int strataCount,
        double min,
        double max,
        Accumulator acc)
    {
        int n = time.Length;
        double range = max - min + 1;
        int k = acc.GroupCount;
        double cells = range * k * strataCount;
        // Every time of the range costs a step: beyond n/2 cells (e.g. 500 rows over 1500 days) sorting the rows is cheaper.
        if (cells > n / 2.0)
        {
            return false;
        }

        int r = (int)range;
        int perStratum = r * k;
        var events = new double[(int)cells];
        var removed = new double[(int)cells];
        for (int i = 0; i < n; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            int s = strata.IsEmpty ? 0 : strata[i];
            int cell = (s * perStratum) + ((int)(time[i] - min) * k) + group[i];
            removed[cell] += w;

            // w · status adds w for an event and exactly 0 otherwise, without a branch to mispredict.
            events[cell] += w * status[i];
        }

        var atRisk = new double[k];
        for (int s = 0; s < strataCount; s++)
        {
            Array.Clear(atRisk);
            int baseCell = s * perStratum;
            for (int c = 0; c < perStratum; c++)
            {
                atRisk[c % k] += removed[baseCell + c];
            }

            acc.BeginStratum(atRisk);
            for (int ti = 0; ti < r; ti++)
            {
                int at = baseCell + (ti * k);
                acc.ProcessTime(events.AsSpan(at, k), removed.AsSpan(at, k));
            }
        }

        return true;
    }

    /// <summary>
    /// Times without case weights (or every weight 1) whose packed key fits in 64 bits: each row is the key
    /// stratum | time code | group | status, most significant first, so one sort of bare 8-byte keys
    /// (<see cref="RadixSort.SortPackedKeys{TSource}"/>) orders the rows by stratum and time, and the runs of equal
    /// stratum and time are read straight from the keys. The time code is 0 for a zero time and otherwise the IEEE
    /// bits of the time less those of the smallest positive time, plus 1 (finite positive doubles order like their
    /// bits), so zeros do not stretch the code over the whole exponent range. Returns false (and does nothing) when
    /// the rows do not qualify: case weights other than 1, or codes that need more than 64 bits
    /// (see <see cref="FitsPackedKey"/>).
    /// </summary>
    private static bool TryPackedSortPass(
        ReadOnlySpan<double> time,
        ReadOnlySpan<int> status,
        ReadOnlySpan<int> group,
        ReadOnlySpan<int> strata,
        ReadOnlySpan<int> weights,
        int strataCount,
        double minPositive,
        double max,
        Accumulator acc)
    {
        int k = acc.GroupCount;
        if ((!weights.IsEmpty && weights.ContainsAnyExcept(1)) || !FitsPackedKey(minPositive, max, k, strataCount))
        {
            return false;
        }

        int n = time.Length;
        var layout = new PackedKeyLayout(minPositive, max, k);
        ReadOnlySpan<int> strataCodes = strataCount > 1 ? strata : default;
        ulong maxKey = (layout.TimeCodeSpan << layout.TimeShift) | ((ulong)(k - 1) << 1) | 1UL;
        if (strataCount > 1)
        {
            maxKey |= (ulong)(strataCount - 1) << layout.StratumShift;
        }

        // Integer counts: a floating-point += 1 on the same cell row after row would wait on its own latency.
        var rowsByCell = new int[strataCount * k];
        for (int i = 0; i < n; i++)
        {
            rowsByCell[((strataCodes.IsEmpty ? 0 : strataCodes[i]) * k) + group[i]]++;
        }

        var atRiskByCell = new double[rowsByCell.Length];
        for (int c = 0; c < rowsByCell.Length; c++)
        {
            atRiskByCell[c] = rowsByCell[c];
        }

        // Two key sources: without strata the key reads three columns, and the JIT keeps the smaller struct in registers.
        var keys = GC.AllocateUninitializedArray<ulong>(n);
        if (strataCount > 1)
        {
            RadixSort.SortPackedKeys(new StratifiedLogRankKeys(time, status, group, strata, layout), 0, maxKey, keys);
        }
        else
        {
            RadixSort.SortPackedKeys(new LogRankKeys(time, status, group, layout), 0, maxKey, keys);
        }

        int timeShift = layout.TimeShift;
        ulong groupMask = (1UL << layout.GroupBits) - 1;
        var events = new double[k];
        var removed = new double[k];
        int stratum = -1;
        int j = 0;
        while (j < n)
        {
            ulong key = keys[j];
            int s = strataCount > 1 ? (int)(key >> layout.StratumShift) : 0;
            if (s != stratum)
            {
                stratum = s;
                acc.BeginStratum(atRiskByCell.AsSpan(s * k, k));
            }

            // Stratum and time: a run never crosses strata.
            ulong at = key >> timeShift;
            if (j + 1 == n || keys[j + 1] >> timeShift != at)
            {
                // A time held by one row (the common case for continuous times): no per-group scratch.
                acc.ProcessSingle((int)((key >> 1) & groupMask), 1.0, (key & 1UL) != 0);
                j++;
                continue;
            }

            Array.Clear(events);
            Array.Clear(removed);
            do
            {
                ulong p = keys[j];
                int g = (int)((p >> 1) & groupMask);
                removed[g] += 1.0;
                if ((p & 1UL) != 0)
                {
                    events[g] += 1.0;
                }

                j++;
            }
            while (j < n && keys[j] >> timeShift == at);

            acc.ProcessTime(events, removed);
        }

        return true;
    }

    /// <summary>
    /// Whether stratum, time code, group and status of rows with times in {0} ∪ [<paramref name="minPositive"/>,
    /// <paramref name="max"/>] fit in one 64-bit key (see <see cref="TryPackedSortPass"/>). Continuous times of any
    /// realistic range do, zeros included; times from subnormal or tiny values to large ones need the general sort.
    /// </summary>
    internal static bool FitsPackedKey(double minPositive, double max, int groupCount, int strataCount)
    {
        var layout = new PackedKeyLayout(minPositive, max, groupCount);
        return layout.StratumShift + BitsFor((ulong)(strataCount - 1)) <= 64;
    }

    /// <summary>The number of bits that hold every value 0 … <paramref name="largest"/> (0 for 0).</summary>
    private static int BitsFor(ulong largest) => 64 - BitOperations.LeadingZeroCount(largest);

    /// <summary>Where each field sits in a packed log-rank key: status in bit 0, then group, time code, stratum.</summary>
    private readonly struct PackedKeyLayout
    {
        public PackedKeyLayout(double minPositive, double max, int groupCount)
        {
            // The smallest positive time gets code 1, zero code 0; without positive times every code is 0.
            TimeCodeBase = double.IsFinite(minPositive) ? BitConverter.DoubleToUInt64Bits(minPositive) - 1 : 0;
            TimeCodeSpan = max > 0.0 ? BitConverter.DoubleToUInt64Bits(max) - TimeCodeBase : 0;
            GroupBits = BitsFor((ulong)(groupCount - 1));
            TimeShift = GroupBits + 1;
            StratumShift = TimeShift + BitsFor(TimeCodeSpan);
        }

        /// <summary>Subtracted from the IEEE bits of a positive time to give its code.</summary>
        public ulong TimeCodeBase { get; }

        /// <summary>The largest time code.</summary>
        public ulong TimeCodeSpan { get; }

        public int GroupBits { get; }

        public int TimeShift { get; }

        public int StratumShift { get; }
    }

    /// <summary>The packed key of a row without strata: time code | group | status.</summary>
    private readonly ref struct LogRankKeys : IPackedKeySource
    {
        private readonly ReadOnlySpan<double> _time;
        private readonly ReadOnlySpan<int> _status;
        private readonly ReadOnlySpan<int> _group;
        private readonly ulong _timeCodeBase;
        private readonly int _timeShift;

        public LogRankKeys(ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> group, PackedKeyLayout layout)
        {
            _time = time;
            _status = status;
            _group = group;
            _timeCodeBase = layout.TimeCodeBase;
            _timeShift = layout.TimeShift;
        }

        public ulong KeyAt(int index)
        {
            double t = _time[index];
            ulong code = t > 0.0 ? BitConverter.DoubleToUInt64Bits(t) - _timeCodeBase : 0;
            return (code << _timeShift) | ((ulong)(uint)_group[index] << 1) | (uint)_status[index];
        }
    }

    /// <summary>The packed key of a row with strata: stratum | time code | group | status.</summary>
    private readonly ref struct StratifiedLogRankKeys : IPackedKeySource
    {
        private readonly LogRankKeys _row;
        private readonly ReadOnlySpan<int> _strata;
        private readonly int _stratumShift;

        public StratifiedLogRankKeys(ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> group, ReadOnlySpan<int> strata, PackedKeyLayout layout)
        {
            _row = new LogRankKeys(time, status, group, layout);
            _strata = strata;
            _stratumShift = layout.StratumShift;
        }

        public ulong KeyAt(int index) => _row.KeyAt(index) | ((ulong)(uint)_strata[index] << _stratumShift);
    }

    /// <summary>
    /// General times: a counting partition by stratum, then one LSD radix sort per stratum of (time bits, packed
    /// group/status/weight) pairs, then one pass over runs of equal times.
    /// </summary>
    private static void SortPass(
        ReadOnlySpan<double> time,
        ReadOnlySpan<int> status,
        ReadOnlySpan<int> group,
        ReadOnlySpan<int> strata,
        ReadOnlySpan<int> weights,
        int strataCount,
        Accumulator acc)
    {
        int n = time.Length;
        var start = new int[strataCount + 1];
        int kept = 0;
        for (int i = 0; i < n; i++)
        {
            if (weights.IsEmpty || weights[i] > 0)
            {
                start[(strata.IsEmpty ? 0 : strata[i]) + 1]++;
                kept++;
            }
        }

        for (int s = 0; s < strataCount; s++)
        {
            start[s + 1] += start[s];
        }

        var rows = new KeyedRow[kept];
        var next = (int[])start.Clone();
        for (int i = 0; i < n; i++)
        {
            int w = weights.IsEmpty ? 1 : weights[i];
            if (w > 0)
            {
                int at = next[strata.IsEmpty ? 0 : strata[i]]++;

                // Times are finite and >= 0, so their IEEE bits order like the numbers; + 0.0 turns -0 into +0.
                rows[at] = new KeyedRow(
                    BitConverter.DoubleToUInt64Bits(time[i] + 0.0),
                    ((ulong)(uint)group[i] << 32) | ((ulong)(uint)status[i] << 31) | (uint)w);
            }
        }

        int k = acc.GroupCount;
        var atRisk = new double[k];
        var events = new double[k];
        var removed = new double[k];
        KeyedRow[]? buffer = null;
        for (int s = 0; s < strataCount; s++)
        {
            int from = start[s];
            int to = start[s + 1];
            if (from == to)
            {
                continue;
            }

            var segment = rows.AsSpan(from, to - from);
            if (segment.Length <= RadixSort.InsertionSortLimit)
            {
                RadixSort.InsertionSort(segment);
            }
            else
            {
                buffer ??= new KeyedRow[kept];
                RadixSort.Sort(segment, buffer);
            }

            Array.Clear(atRisk);
            foreach (ref readonly KeyedRow row in segment)
            {
                atRisk[(int)(row.Payload >> 32)] += row.Payload & 0x7FFF_FFFFUL;
            }

            acc.BeginStratum(atRisk);
            int j = 0;
            while (j < segment.Length)
            {
                ulong t = segment[j].Key;
                if (j + 1 == segment.Length || segment[j + 1].Key != t)
                {
                    // A time held by one row (the common case for continuous times): no per-group scratch.
                    ulong p = segment[j].Payload;
                    acc.ProcessSingle((int)(p >> 32), p & 0x7FFF_FFFFUL, (p & 0x8000_0000UL) != 0);
                    j++;
                    continue;
                }

                Array.Clear(events);
                Array.Clear(removed);
                do
                {
                    ulong p = segment[j].Payload;
                    int g = (int)(p >> 32);
                    double w = p & 0x7FFF_FFFFUL;
                    removed[g] += w;
                    if ((p & 0x8000_0000UL) != 0)
                    {
                        events[g] += w;
                    }

                    j++;
                }
                while (j < segment.Length && segment[j].Key == t);

                acc.ProcessTime(events, removed);
            }
        }
    }

    /// <summary>The per-time kernel: weights, O, E, U and V, and the at-risk counters of the current stratum.</summary>
    private sealed class Accumulator
    {
        private readonly LogRankOptions _options;
        private readonly int _k;
        private readonly double[] _n;
        private readonly double[] _observed;
        private readonly double[] _expected;
        private readonly double[] _score;
        private readonly double[] _variance;
        private readonly double[] _atRisk;
        private readonly double[] _single;
        private double _atRiskTotal;
        private double _kmLeft;
        private double _petoTilde;
        private double _totalEvents;

        public Accumulator(int groupCount, LogRankOptions options)
        {
            _options = options;
            _k = groupCount;
            _n = new double[groupCount];
            _observed = new double[groupCount];
            _expected = new double[groupCount];
            _score = new double[groupCount];
            _variance = new double[groupCount * groupCount];
            _atRisk = new double[groupCount];
            _single = new double[groupCount];
        }

        public int GroupCount => _k;

        public void BeginStratum(ReadOnlySpan<double> atRisk)
        {
            atRisk.CopyTo(_atRisk);
            _atRiskTotal = 0;
            for (int g = 0; g < _k; g++)
            {
                _n[g] += atRisk[g];
                _atRiskTotal += atRisk[g];
            }

            _kmLeft = 1.0;
            _petoTilde = 1.0;
        }

        /// <summary>Adds the event time (if any event) and then removes the subjects whose time it is.</summary>
        public void ProcessTime(ReadOnlySpan<double> events, ReadOnlySpan<double> removed)
        {
            int k = _k;
            double d = 0;
            double gone = 0;
            for (int g = 0; g < k; g++)
            {
                d += events[g];
                gone += removed[g];
            }

            if (gone == 0)
            {
                return;
            }

            if (d > 0)
            {
                AddEventTime(d, events);
            }

            for (int g = 0; g < k; g++)
            {
                _atRisk[g] -= removed[g];
            }

            _atRiskTotal -= gone;
        }

        /// <summary>The same as <see cref="ProcessTime"/> for a time at which one row (of case weight w) leaves.</summary>
        public void ProcessSingle(int group, double w, bool isEvent)
        {
            if (isEvent)
            {
                _single[group] = w;
                AddEventTime(w, _single);
                _single[group] = 0;
            }

            _atRisk[group] -= w;
            _atRiskTotal -= w;
        }

        private void AddEventTime(double d, ReadOnlySpan<double> events)
        {
            int k = _k;
            double y = _atRiskTotal;
            double w = Weight(d, y);
            _totalEvents += d;
            double[] atRisk = _atRisk;
            for (int g = 0; g < k; g++)
            {
                double e = d * atRisk[g] / y;
                _observed[g] += events[g];
                _expected[g] += e;
                _score[g] += w * (events[g] - e);
            }

            if (y > 1 && d < y)
            {
                double c = w * w * d * (y - d) / (y * y * (y - 1));
                for (int g = 0; g < k; g++)
                {
                    double yg = atRisk[g];
                    if (yg == 0)
                    {
                        continue;
                    }

                    int row = g * k;
                    _variance[row + g] += c * yg * y;
                    for (int h = 0; h < k; h++)
                    {
                        _variance[row + h] -= c * yg * atRisk[h];
                    }
                }
            }
        }

        private double Weight(double d, double y)
        {
            switch (_options.Weighting)
            {
                case LogRankWeighting.GehanBreslow:
                    return y;
                case LogRankWeighting.TaroneWare:
                    return Math.Sqrt(y);
                case LogRankWeighting.PetoPeto:
                    _petoTilde *= 1.0 - (d / (y + 1.0));
                    return _petoTilde;
                case LogRankWeighting.ModifiedPetoPeto:
                    _petoTilde *= 1.0 - (d / (y + 1.0));
                    return _petoTilde * y / (y + 1.0);
                case LogRankWeighting.FlemingHarrington:
                    double s = _kmLeft;
                    _kmLeft *= 1.0 - (d / y);
                    return Math.Pow(s, _options.Rho) * Math.Pow(1.0 - s, _options.Gamma);
                default:
                    return 1.0;
            }
        }

        public LogRankResult ToResult(int strataCount)
        {
            int k = _k;
            var warnings = new List<StatisticalWarning>();
            var kept = new List<int>(k);
            var empty = new List<int>();
            for (int g = 0; g < k; g++)
            {
                if (_expected[g] > 0)
                {
                    kept.Add(g);
                }
                else
                {
                    empty.Add(g);
                }
            }

            if (_totalEvents == 0)
            {
                warnings.Add(new StatisticalWarning(
                    "logrank.no_events",
                    "There are no events, so there is nothing to test (chi-square 0 on 0 df). Check the status coding (1 = event)."));
            }
            else if (empty.Count > 0)
            {
                warnings.Add(new StatisticalWarning(
                    "logrank.group_not_at_risk",
                    SurvivalInput.Invariant($"Group code(s) {string.Join(", ", empty)} have no subject at risk at any event time (expected events 0); they are left out of the test and its df.")));
            }

            if (_totalEvents > 0 && kept.Count < 2)
            {
                warnings.Add(new StatisticalWarning(
                    "logrank.single_group",
                    "Fewer than two groups have subjects at risk at an event time, so there is nothing to compare (chi-square 0 on 0 df)."));
            }

            // Drop the first remaining group: the scores sum to zero, so the full V is singular.
            int m = Math.Max(0, kept.Count - 1);
            double chiSquare = 0;
            int rank = 0;
            if (m > 0)
            {
                (chiSquare, rank) = GeneralizedQuadraticForm(kept, m);
                if (rank < m)
                {
                    warnings.Add(new StatisticalWarning(
                        "logrank.singular_variance",
                        SurvivalInput.Invariant($"The variance matrix of the scores has rank {rank}, less than the {m} expected (for example every event time has all its subjects failing); a generalised inverse is used and df = {rank}.")));
                }
            }

            var rows = new IReadOnlyList<double>[k];
            for (int g = 0; g < k; g++)
            {
                var row = new double[k];
                for (int h = 0; h < k; h++)
                {
                    // Symmetrise the accumulated matrix (it is symmetric up to rounding).
                    row[h] = g == h ? _variance[(g * k) + h] : 0.5 * (_variance[(g * k) + h] + _variance[(h * k) + g]);
                }

                rows[g] = Array.AsReadOnly(row);
            }

            return new LogRankResult
            {
                Options = _options,
                GroupCount = k,
                StrataCount = strataCount,
                N = Array.AsReadOnly((double[])_n.Clone()),
                Observed = Array.AsReadOnly((double[])_observed.Clone()),
                Expected = Array.AsReadOnly((double[])_expected.Clone()),
                Score = Array.AsReadOnly((double[])_score.Clone()),
                Variance = Array.AsReadOnly(rows),
                Test = ChiSquareTest.FromStatistic(chiSquare, rank),
                Warnings = new ReadOnlyCollection<StatisticalWarning>(warnings),
            };
        }

        /// <summary>
        /// uᵀ M⁻ u for the scores and variance of kept[1..m], with M = L D Lᵀ (unit lower L) and pivots below
        /// <see cref="PivotTolerance"/> times their diagonal treated as zero (their rows and columns dropped).
        /// </summary>
        private (double ChiSquare, int Rank) GeneralizedQuadraticForm(List<int> kept, int m)
        {
            var a = new double[m * m];
            var u = new double[m];
            for (int i = 0; i < m; i++)
            {
                int gi = kept[i + 1];
                u[i] = _score[gi];
                for (int j = 0; j < m; j++)
                {
                    int gj = kept[j + 1];
                    a[(i * m) + j] = 0.5 * (_variance[(gi * _k) + gj] + _variance[(gj * _k) + gi]);
                }
            }

            // In-place L D Lᵀ: a[i,i] holds D_i, a[i,j] (i > j) holds L_ij.
            var pivot = new double[m];
            int rank = 0;
            for (int j = 0; j < m; j++)
            {
                double diag = a[(j * m) + j];
                for (int p = 0; p < j; p++)
                {
                    double l = a[(j * m) + p];
                    diag -= l * l * pivot[p];
                }

                if (!(diag > PivotTolerance * Math.Abs(a[(j * m) + j])) || a[(j * m) + j] <= 0)
                {
                    pivot[j] = 0;
                    for (int i = j + 1; i < m; i++)
                    {
                        a[(i * m) + j] = 0;
                    }

                    continue;
                }

                pivot[j] = diag;
                rank++;
                for (int i = j + 1; i < m; i++)
                {
                    double v = a[(i * m) + j];
                    for (int p = 0; p < j; p++)
                    {
                        v -= a[(i * m) + p] * a[(j * m) + p] * pivot[p];
                    }

                    a[(i * m) + j] = v / diag;
                }
            }

            // Forward solve L z = u, then χ² = Σ z_j² / D_j over the non-zero pivots.
            double chi = 0;
            var z = new double[m];
            for (int i = 0; i < m; i++)
            {
                double v = u[i];
                for (int p = 0; p < i; p++)
                {
                    v -= a[(i * m) + p] * z[p];
                }

                z[i] = pivot[i] == 0 ? 0 : v;
                if (pivot[i] != 0)
                {
                    chi += v * v / pivot[i];
                }
            }

            return (chi, rank);
        }
    }
}
