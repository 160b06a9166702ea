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

        // Key: the IEEE bits of time + 0.0 (+0.0 turns −0 into +0, so the bits order like the values);
        // payload: weight and status packed as (w << 1) | status. One shared radix sort (RadixSort).
        var rows = new KeyedRow[n];
        long total = 0;
        int m = 0;
        for (int i = 0; i < time.Length; i++)
        {
            long w = weighted ? weights[i] : 1;
            if (w == 0)
            {
                continue;
            }

            rows[m++] = new KeyedRow(BitConverter.DoubleToUInt64Bits(time[i] + 0.0), ((ulong)w << 1) | (uint)status[i]);
            total += w;
        }

        RadixSort.Sort(rows, new KeyedRow[n]);

        var outTime = new double[n];
        var outRisk = new long[n];
        var outEvents = new long[n];
        var outCensored = new long[n];
        int k = 0;
        long atRisk = total;
        int j = 0;
        while (j < n)
        {
            ulong key = rows[j].Key;
            long d = 0;
            long c = 0;
            while (j < n && rows[j].Key == key)
            {
                ulong payload = rows[j].Payload;
                long w = (long)(payload >> 1);
                if ((payload & 1UL) == 1UL)
                {
                    d += w;
                }
                else
                {
                    c += w;
                }

                j++;
            }

            outTime[k] = BitConverter.UInt64BitsToDouble(key);
            outRisk[k] = atRisk;
            outEvents[k] = d;
            outCensored[k] = c;
            atRisk -= d + c;
            k++;
        }

        return new RiskTable(outTime, outRisk, outEvents, outCensored, k);
    }
}
