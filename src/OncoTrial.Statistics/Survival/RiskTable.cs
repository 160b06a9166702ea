namespace OncoTrial.Statistics;

/// <summary>
/// Distinct observed times with the weighted number at risk (time ≥ t), events and censorings at each.
/// Integer times with a modest range are tabulated by counting (one pass, no sort); other times are sorted once
/// (a radix sort on the IEEE bits for large inputs).
/// </summary>
internal sealed class RiskTable
{
    private RiskTable(double[] time, long[] atRisk, long[] events, long[] censored, int count)
    {
        Time = time;
        AtRisk = atRisk;
        Events = events;
        Censored = censored;
        Count = count;
    }

    public double[] Time { get; }

    public long[] AtRisk { get; }

    public long[] Events { get; }

    public long[] Censored { get; }

    /// <summary>Number of distinct times (arrays may be longer).</summary>
    public int Count { get; }

    /// <summary>Builds the table; inputs must already be validated.</summary>
    public static RiskTable Build(ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> weights)
    {
        double max = 0.0;
        bool integral = true;
        for (int i = 0; i < time.Length; i++)
        {
            double t = time[i];
            if (t > max)
            {
                max = t;
            }

            if (integral && t != Math.Floor(t))
            {
                integral = false;
            }
        }

        long countingLimit = Math.Max(4L * time.Length, 4096L);
        return integral && max + 1.0 <= countingLimit
            ? BuildByCounting(time, status, weights, (int)max)
            : BuildBySorting(time, status, weights);
    }

    private static RiskTable BuildByCounting(ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> weights, int max)
    {
        var events = new long[max + 1];
        var censored = new long[max + 1];
        bool weighted = !weights.IsEmpty;
        for (int i = 0; i < time.Length; i++)
        {
            int t = (int)time[i];
            long w = weighted ? weights[i] : 1;
            if (status[i] == 1)
            {
                events[t] += w;
            }
            else
            {
                censored[t] += w;
            }
        }

        int distinct = 0;
        long total = 0;
        for (int t = 0; t <= max; t++)
        {
            if (events[t] + censored[t] > 0)
            {
                distinct++;
                total += events[t] + censored[t];
            }
        }

        var outTime = new double[distinct];
        var outRisk = new long[distinct];
        var outEvents = new long[distinct];
        var outCensored = new long[distinct];
        int k = 0;
        long atRisk = total;
        for (int t = 0; t <= max; t++)
        {
            long n = events[t] + censored[t];
            if (n == 0)
            {
                continue;
            }

            outTime[k] = t;
            outRisk[k] = atRisk;
            outEvents[k] = events[t];
            outCensored[k] = censored[t];
            atRisk -= n;
            k++;
        }

        return new RiskTable(outTime, outRisk, outEvents, outCensored, distinct);
    }

    private static RiskTable BuildBySorting(ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> weights)
    {
        bool weighted = !weights.IsEmpty;
        int n = 0;
        for (int i = 0; i < time.Length; i++)
        {
            if (!weighted || weights[i] > 0)
            {
                n++;
            }
        }

        var keys = new double[n];
        var items = new long[n];
        long total = 0;
        int m = 0;
        for (int i = 0; i < time.Length; i++)
        {
            long w = weighted ? weights[i] : 1;
            if (w == 0)
            {
                continue;
            }

            keys[m] = time[i] + 0.0; // +0.0 turns −0 into +0, so the IEEE bits order the keys (radix sort below).
            items[m] = (w << 1) | (long)status[i];
            total += w;
            m++;
        }

        SortByTime(keys, items);

        var outTime = new double[n];
        var outRisk = new long[n];
        var outEvents = new long[n];
        var outCensored = new long[n];
        int k = 0;
        long atRisk = total;
        int j = 0;
        while (j < n)
        {
            double t = keys[j];
            long d = 0;
            long c = 0;
            while (j < n && keys[j] == t)
            {
                long item = items[j];
                long w = item >> 1;
                if ((item & 1L) == 1L)
                {
                    d += w;
                }
                else
                {
                    c += w;
                }

                j++;
            }

            outTime[k] = t;
            outRisk[k] = atRisk;
            outEvents[k] = d;
            outCensored[k] = c;
            atRisk -= d + c;
            k++;
        }

        return new RiskTable(outTime, outRisk, outEvents, outCensored, k);
    }
    /// <summary>
    /// Sorts <paramref name="keys"/> ascending, permuting <paramref name="items"/> alike. Keys are finite and ≥ +0 (no −0),
    /// so their IEEE-754 bit patterns, read as unsigned integers, are in the same order as the values: small inputs use
    /// <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/>, large ones a least-significant-digit radix sort on the
    /// bits, six passes of 11 bits, all histograms taken in one read, passes where every key shares the digit skipped.
    /// </summary>
    private static void SortByTime(double[] keys, long[] items)
    {
        const int Bits = 11;
        const int Buckets = 1 << Bits;
        const int Passes = 6;
        int n = keys.Length;
        if (n < 4096)
        {
            Array.Sort(keys, items);
            return;
        }

        Span<ulong> bits = System.Runtime.InteropServices.MemoryMarshal.Cast<double, ulong>(keys.AsSpan());
        var count = new int[Passes * Buckets];
        for (int i = 0; i < n; i++)
        {
            ulong k = bits[i];
            for (int pass = 0; pass < Passes; pass++)
            {
                count[(pass * Buckets) + (int)((k >> (pass * Bits)) & (Buckets - 1))]++;
            }
        }

        var bits2 = new ulong[n];
        var items2 = new long[n];
        Span<ulong> source = bits;
        Span<ulong> target = bits2;
        long[] sourceItems = items;
        long[] targetItems = items2;
        for (int pass = 0; pass < Passes; pass++)
        {
            int shift = pass * Bits;
            var c = new Span<int>(count, pass * Buckets, Buckets);
            if (c[(int)((source[0] >> shift) & (Buckets - 1))] == n)
            {
                continue;
            }

            int total = 0;
            for (int d = 0; d < Buckets; d++)
            {
                int m = c[d];
                c[d] = total;
                total += m;
            }

            for (int i = 0; i < n; i++)
            {
                ulong k = source[i];
                int at = c[(int)((k >> shift) & (Buckets - 1))]++;
                target[at] = k;
                targetItems[at] = sourceItems[i];
            }

            Span<ulong> swap = source;
            source = target;
            target = swap;
            (sourceItems, targetItems) = (targetItems, sourceItems);
        }

        if (sourceItems != items)
        {
            source.CopyTo(bits);
            sourceItems.CopyTo(items, 0);
        }
    }
}
