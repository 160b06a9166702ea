namespace OncoTrial.Statistics.Tests.Survival;

/// <summary>
/// The packed-key sort paths of Kaplan-Meier and the log-rank test (8-byte keys, MSD radix sort, counts read from the
/// sorted keys) against the row-sort path that case weights take and against a plain count, on data chosen to break
/// them: ties of events and censorings, −0.0 and +0.0, subnormals, the smallest and largest doubles, integers beyond
/// the counting range, and integer weights. Every column must agree exactly, bit for bit.
/// </summary>
public class PackedKeySortPathTests
{
    private static readonly double[] Specials =
    [
        0.0, -0.0, double.Epsilon, 2 * double.Epsilon, 1e-320, 1e-310, 2.225073858507201E-308, 2.2250738585072014E-308,
        1e-300, 1e-200, 1e-20, 1e-5, 0.1, 1.0 / 3, 0.5, 1.0, 2.0, 3.0, 1e15, 4503599627370497.0, 1e300, double.MaxValue,
    ];

    /// <summary>
    /// Seeded times of four kinds: specials, a small pool of values repeated many times (ties), continuous values on a
    /// 1e-3 grid (occasional ties) and unrestricted doubles; status random, so events and censorings share times.
    /// </summary>
    private static (double[] Time, int[] Status) TrickyData(int n, int seed, double[] specials)
    {
        var rng = new Random(seed);
        var time = new double[n];
        var status = new int[n];
        for (int i = 0; i < n; i++)
        {
            time[i] = rng.Next(4) switch
            {
                0 => specials[rng.Next(specials.Length)],
                1 => rng.Next(40) / 7.0,
                2 => Math.Round(rng.NextDouble() * 1000, 3),
                _ => rng.NextDouble() * Math.Pow(2, rng.Next(-30, 30)),
            };
            status[i] = rng.Next(2);
        }

        return (time, status);
    }

    /// <summary>The table by a plain count: distinct times (−0 as +0) in order, at risk = rows with time ≥ t.</summary>
    private static (double[] Time, long[] AtRisk, long[] Events, long[] Censored, double[] Survival, double[] StdErr) PlainTable(double[] time, int[] status)
    {
        var byTime = new SortedDictionary<double, (long Events, long Censored)>();
        for (int i = 0; i < time.Length; i++)
        {
            double t = time[i] + 0.0;
            byTime.TryGetValue(t, out var c);
            byTime[t] = status[i] == 1 ? (c.Events + 1, c.Censored) : (c.Events, c.Censored + 1);
        }

        int m = byTime.Count;
        var times = byTime.Keys.ToArray();
        var events = byTime.Values.Select(v => v.Events).ToArray();
        var censored = byTime.Values.Select(v => v.Censored).ToArray();
        var atRisk = new long[m];
        long y = time.Length;
        var survival = new double[m];
        var stdErr = new double[m];
        double s = 1.0;
        double greenwood = 0.0;
        for (int k = 0; k < m; k++)
        {
            atRisk[k] = y;
            long d = events[k];
            if (d > 0 && s > 0.0)
            {
                if (d >= y)
                {
                    s = 0.0;
                }
                else
                {
                    s *= 1.0 - ((double)d / y);
                    greenwood += d / ((double)y * (y - d));
                }
            }

            survival[k] = s;
            stdErr[k] = s > 0.0 ? s * Math.Sqrt(greenwood) : 0.0;
            y -= events[k] + censored[k];
        }

        return (times, atRisk, events, censored, survival, stdErr);
    }

    private static void AssertSameTable(RiskTable expected, RiskTable actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.TotalEvents, actual.TotalEvents);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(BitConverter.DoubleToUInt64Bits(expected.Time[k]), BitConverter.DoubleToUInt64Bits(actual.Time[k]));
            Assert.Equal(expected.AtRisk[k], actual.AtRisk[k]);
            Assert.Equal(expected.Events[k], actual.Events[k]);
            Assert.Equal(expected.CensoredAt(k), actual.CensoredAt(k));
            Assert.Equal(BitConverter.DoubleToUInt64Bits(expected.Survival[k]), BitConverter.DoubleToUInt64Bits(actual.Survival[k]));
            Assert.Equal(BitConverter.DoubleToUInt64Bits(expected.StandardError[k]), BitConverter.DoubleToUInt64Bits(actual.StandardError[k]));
        }
    }

    [Theory]
    [InlineData(7, 1)]
    [InlineData(49, 2)]
    [InlineData(3_000, 3)]
    [InlineData(60_000, 4)]
    [InlineData(300_000, 5)]
    public void Kaplan_Meier_packed_keys_give_the_row_sort_table_and_the_plain_count_bit_for_bit(int n, int seed)
    {
        var (time, status) = TrickyData(n, seed, Specials);
        var packed = RiskTable.BuildByPackedKeys(time, status, time.Min(), time.Max());
        AssertSameTable(RiskTable.BuildBySorting(time, status, default), packed);

        var plain = PlainTable(time, status);
        Assert.Equal(plain.Time.Length, packed.Count);
        for (int k = 0; k < packed.Count; k++)
        {
            Assert.Equal(BitConverter.DoubleToUInt64Bits(plain.Time[k]), BitConverter.DoubleToUInt64Bits(packed.Time[k]));
            Assert.Equal(plain.AtRisk[k], packed.AtRisk[k]);
            Assert.Equal(plain.Events[k], packed.Events[k]);
            Assert.Equal(plain.Censored[k], packed.CensoredAt(k));
            Assert.Equal(plain.Survival[k], packed.Survival[k]);
            Assert.Equal(plain.StdErr[k], packed.StandardError[k]);
        }

        // The public entry point takes the packed path here (non-integer times, no weights) and reads the same table.
        var curve = KaplanMeier.Fit(time, status);
        Assert.Equal(plain.Time.Length, curve.Steps.Count);
        Assert.Equal(plain.Censored, curve.Steps.Select(s => s.Censored));
        Assert.Equal(plain.Survival, curve.Steps.Select(s => s.Survival));
    }

    [Theory]
    [InlineData(3_000, 11)]
    [InlineData(50_000, 12)]
    public void Kaplan_Meier_with_integer_weights_equals_the_packed_table_of_the_replicated_rows(int n, int seed)
    {
        var (time, status) = TrickyData(n, seed, Specials);
        var rng = new Random(seed);
        int[] weights = [.. time.Select(_ => rng.Next(5))];
        double[] replicatedTime = [.. time.SelectMany((t, i) => Enumerable.Repeat(t, weights[i]))];
        int[] replicatedStatus = [.. status.SelectMany((s, i) => Enumerable.Repeat(s, weights[i]))];

        var weighted = RiskTable.Build(time, status, weights);
        var replicated = RiskTable.BuildByPackedKeys(replicatedTime, replicatedStatus, replicatedTime.Min(), replicatedTime.Max());
        AssertSameTable(weighted, replicated);

        // Weights that are all 1 take the packed path and equal no weights.
        AssertSameTable(RiskTable.Build(time, status, default), RiskTable.Build(time, status, [.. time.Select(_ => 1)]));
    }

    [Fact]
    public void Kaplan_Meier_integers_beyond_the_counting_range_take_the_packed_path_and_match_the_counting_path()
    {
        // 5000 rows over days up to 10^6: integral, but beyond the counting limit (4n), so they are sorted.
        var rng = new Random(21);
        double[] time = [.. Enumerable.Range(0, 5000).Select(_ => (double)rng.Next(0, 1_000_000 / 50) * 50)];
        int[] status = [.. time.Select(_ => rng.Next(2))];
        AssertSameTable(RiskTable.BuildByCounting(time, status, default, (int)time.Max()), RiskTable.Build(time, status, default));
    }

    /// <summary>Times that fit the packed log-rank key (zeros, subnormals and tiny values, or ordinary continuous times).</summary>
    private static readonly double[] PackableSpecials = [0.0, -0.0, 1e-5, 0.1, 1.0 / 3, 0.5, 1.0, 2.0, 3.0, 1e15];

    private static readonly double[] TinySpecials = [0.0, -0.0, double.Epsilon, 1e-320, 1e-310, 2.2250738585072014E-308, 1e-300, 1e-200];

    private static void AssertSameResult(LogRankResult expected, LogRankResult actual)
    {
        Assert.Equal(expected.N, actual.N);
        Assert.Equal(expected.Observed, actual.Observed);
        Assert.Equal(expected.Expected, actual.Expected);
        Assert.Equal(expected.Score, actual.Score);
        for (int g = 0; g < expected.GroupCount; g++)
        {
            Assert.Equal(expected.Variance[g], actual.Variance[g]);
        }

        Assert.Equal(expected.Test.ChiSquare, actual.Test.ChiSquare);
        Assert.Equal(expected.Test.DegreesOfFreedom, actual.Test.DegreesOfFreedom);
        Assert.Equal(expected.Warnings.Select(w => w.Code), actual.Warnings.Select(w => w.Code));
    }

    [Theory]
    [InlineData(60, 2, 1, "packable", 31)]
    [InlineData(20_000, 2, 1, "packable", 32)]
    [InlineData(20_000, 3, 4, "packable", 33)]
    [InlineData(20_000, 2, 1, "tiny", 34)]
    [InlineData(200_000, 2, 1, "continuous", 35)]
    [InlineData(50_000, 5, 3, "continuous", 36)]
    [InlineData(20_000, 2, 2, "wide", 37)]
    public void Log_rank_packed_keys_give_the_row_sort_result_bit_for_bit(int n, int groupCount, int strataCount, string kind, int seed)
    {
        var rng = new Random(seed);
        var (time, status) = kind switch
        {
            "packable" => TrickyData(n, seed, PackableSpecials),
            "tiny" => (Enumerable.Range(0, n).Select(_ => TinySpecials[rng.Next(TinySpecials.Length)] * rng.Next(1, 4)).ToArray(), Enumerable.Range(0, n).Select(_ => rng.Next(2)).ToArray()),
            "continuous" => (Enumerable.Range(0, n).Select(_ => Math.Max(1e-4, Math.Round(rng.NextDouble() * 1500, 4))).ToArray(), Enumerable.Range(0, n).Select(_ => rng.Next(2)).ToArray()),
            _ => TrickyData(n, seed, Specials),
        };
        int[] group = [.. time.Select(_ => rng.Next(groupCount))];
        int[] strata = strataCount == 1 ? [] : [.. time.Select(_ => rng.Next(strataCount))];
        double minPositive = time.Where(t => t > 0).DefaultIfEmpty(double.PositiveInfinity).Min();
        Assert.Equal(kind != "wide", LogRankTest.FitsPackedKey(minPositive, time.Max(), groupCount, strataCount));

        foreach (var options in new[] { LogRankOptions.Default, new LogRankOptions(LogRankWeighting.FlemingHarrington, 1, 0.5), new LogRankOptions(LogRankWeighting.PetoPeto) })
        {
            var packed = LogRankTest.Compute(time, status, group, groupCount, options, strata);

            // One extra row of weight 0 changes nothing but sends the data through the weighted row sort.
            int[] ones = [.. time.Select(_ => 1), 0];
            var rowSort = LogRankTest.Compute(
                [.. time, 1.0], [.. status, 1], [.. group, 0], groupCount, options, strataCount == 1 ? [] : [.. strata, 0], ones);
            AssertSameResult(rowSort, packed);
        }
    }

    [Fact]
    public void Log_rank_with_integer_weights_equals_the_packed_result_of_the_replicated_rows()
    {
        var (time, status) = TrickyData(5_000, 41, PackableSpecials);
        var rng = new Random(41);
        int[] group = [.. time.Select(_ => rng.Next(2))];
        int[] weights = [.. time.Select(_ => rng.Next(4))];
        var weighted = LogRankTest.Compute(time, status, group, 2, weights: weights);
        var replicated = LogRankTest.Compute(
            [.. time.SelectMany((t, i) => Enumerable.Repeat(t, weights[i]))],
            [.. status.SelectMany((s, i) => Enumerable.Repeat(s, weights[i]))],
            [.. group.SelectMany((g, i) => Enumerable.Repeat(g, weights[i]))],
            2);
        AssertSameResult(weighted, replicated);
    }
}
