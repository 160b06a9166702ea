using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OncoTrial.Statistics;

/// <summary>
/// Distinct observed times with the weighted number at risk (time ≥ t) and events at each, and the product-limit
/// estimate with its Greenwood standard error, all computed in one pass over the distinct times (the censorings
/// follow from the at-risk counts). Three ways to the same table:
/// <list type="bullet">
/// <item>integer times with a modest range are tabulated by counting (one pass, no sort);</item>
/// <item>other times without case weights (or with every weight 1) are sorted as packed 8-byte keys, the IEEE bits
/// of the time with the status in the free low bit (<see cref="RadixSort.SortPackedKeys{TSource}"/>), and counted
/// per distinct time straight from the sorted keys;</item>
/// <item>with integer case weights, rows of (time bits, weight and status) are sorted with <see cref="RadixSort.Sort"/>.</item>
/// </list>
/// Every path adds the same per-time numbers in the same order, so the columns are identical to the last bit.
/// </summary>
internal sealed class RiskTable
{
    private RiskTable(double[] time, CountColumn atRisk, CountColumn events, double[] survival, double[] standardError, int count, long totalEvents)
    {
        Time = time;
        AtRisk = atRisk;
        Events = events;
        Survival = survival;
        StandardError = standardError;
        Count = count;
        TotalEvents = totalEvents;
    }

    /// <summary>The distinct times, increasing (the array may be longer than <see cref="Count"/>).</summary>
    public double[] Time { get; }

    /// <summary>Weighted number with time ≥ t.</summary>
    public CountColumn AtRisk { get; }

    /// <summary>Weighted number of events at t.</summary>
    public CountColumn Events { get; }

    /// <summary>Ŝ(t), the product-limit estimate.</summary>
    public double[] Survival { get; }

    /// <summary>The Greenwood standard error of Ŝ(t) (0 where Ŝ = 0).</summary>
    public double[] StandardError { get; }

    /// <summary>Number of distinct times.</summary>
    public int Count { get; }

    /// <summary>Weighted number of events at all times.</summary>
    public long TotalEvents { get; }

    /// <summary>The weighted number censored at distinct time <paramref name="index"/>: those at risk there less those at risk after it and the events.</summary>
    public long CensoredAt(int index) => AtRisk[index] - (index + 1 < Count ? AtRisk[index + 1] : 0) - Events[index];

    /// <summary>Builds the table; inputs must already be validated.</summary>
    public static RiskTable Build(ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> weights)
    {
        double min = double.PositiveInfinity;
        double max = 0.0;
        bool integral = true;
        for (int i = 0; i < time.Length; i++)
        {
            double t = time[i];
            min = t < min ? t : min;
            max = t > max ? t : max;
            integral &= t == Math.Floor(t);
        }

        long countingLimit = Math.Max(4L * time.Length, 4096L);
        if (integral && max + 1.0 <= countingLimit)
        {
            return BuildByCounting(time, status, weights, (int)max);
        }

        return weights.IsEmpty || !weights.ContainsAnyExcept(1)
            ? BuildByPackedKeys(time, status, min, max)
            : BuildBySorting(time, status, weights);
    }

    /// <summary>Integer times 0 … <paramref name="max"/>: events and censorings counted per time, no sort.</summary>
    internal static RiskTable BuildByCounting(ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> weights, int max)
    {
        // counts[2t] = censored, counts[2t + 1] = events at day t: indexed by the status, so no branch to mispredict.
        var counts = new long[2 * (max + 1)];
        if (weights.IsEmpty)
        {
            for (int i = 0; i < time.Length; i++)
            {
                counts[(2 * (int)time[i]) + status[i]]++;
            }
        }
        else
        {
            for (int i = 0; i < time.Length; i++)
            {
                counts[(2 * (int)time[i]) + status[i]] += weights[i];
            }
        }

        int distinct = 0;
        long total = 0;
        for (int t = 0; t <= max; t++)
        {
            long n = counts[2 * t] + counts[(2 * t) + 1];
            if (n > 0)
            {
                distinct++;
                total += n;
            }
        }

        var columns = new Columns(new double[distinct], distinct, total);
        long atRisk = total;
        for (int t = 0; t <= max; t++)
        {
            long d = counts[(2 * t) + 1];
            long n = counts[2 * t] + d;
            if (n == 0)
            {
                continue;
            }

            columns.Add(t, atRisk, d);
            atRisk -= n;
        }

        return columns.ToTable();
    }

    /// <summary>
    /// Unweighted rows (times in [<paramref name="min"/>, <paramref name="max"/>]): the keys (IEEE bits of t) · 2 +
    /// status are sorted into the array that then holds the distinct times, and each run of equal times gives one row
    /// of the table (its length is the number leaving, its sum of low bits the events).
    /// </summary>
    internal static RiskTable BuildByPackedKeys(ReadOnlySpan<double> time, ReadOnlySpan<int> status, double min, double max)
    {
        int n = time.Length;

        // For finite times ≥ 0 the bits order like the numbers; the shift drops the sign bit, so −0 becomes +0.
        ulong minKey = BitConverter.DoubleToUInt64Bits(min) << 1;
        ulong maxKey = (BitConverter.DoubleToUInt64Bits(max) << 1) | 1UL;
        var timeColumn = GC.AllocateUninitializedArray<double>(n);
        Span<ulong> keys = MemoryMarshal.Cast<double, ulong>(timeColumn.AsSpan());
        RadixSort.SortPackedKeys(new TimeStatusKeys(time, status), minKey, maxKey, keys);

        int distinct = 1;
        for (int j = 1; j < n; j++)
        {
            distinct += (keys[j] ^ keys[j - 1]) > 1UL ? 1 : 0;
        }

        // The runs are read ahead of where their time is written (row k of the table ≤ its first key j), so the
        // sorted keys and the time column can share one array.
        var columns = new Columns(timeColumn, distinct, n);
        long atRisk = n;
        int i = 0;
        while (i < n)
        {
            ulong key = keys[i];
            ulong timeBits = key >> 1;
            int first = i;
            long d = (long)(key & 1UL);
            i++;
            while (i < n && keys[i] >> 1 == timeBits)
            {
                d += (long)(keys[i] & 1UL);
                i++;
            }

            columns.Add(BitConverter.UInt64BitsToDouble(timeBits), atRisk, d);
            atRisk -= i - first;
        }

        return columns.ToTable(trimTime: distinct <= n / 2);
    }

    /// <summary>Weighted rows: (time bits, weight · 2 + status) pairs sorted by time with <see cref="RadixSort.Sort"/>.</summary>
    internal static RiskTable BuildBySorting(ReadOnlySpan<double> time, ReadOnlySpan<int> status, ReadOnlySpan<int> weights)
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

        RadixSort.Sort(rows, n <= RadixSort.InsertionSortLimit ? default : new KeyedRow[n]);

        int distinct = n == 0 ? 0 : 1;
        for (int j = 1; j < n; j++)
        {
            distinct += rows[j].Key != rows[j - 1].Key ? 1 : 0;
        }

        var columns = new Columns(new double[distinct], distinct, total);
        long atRisk = total;
        int k = 0;
        while (k < n)
        {
            ulong key = rows[k].Key;
            long d = 0;
            long c = 0;
            while (k < n && rows[k].Key == key)
            {
                ulong payload = rows[k].Payload;
                long w = (long)(payload >> 1);
                if ((payload & 1UL) == 1UL)
                {
                    d += w;
                }
                else
                {
                    c += w;
                }

                k++;
            }

            columns.Add(BitConverter.UInt64BitsToDouble(key), atRisk, d);
            atRisk -= d + c;
        }

        return columns.ToTable();
    }

    /// <summary>The rows' packed keys: (IEEE bits of the time) · 2 + status; the sign bit (set only for −0) is shifted out.</summary>
    private readonly ref struct TimeStatusKeys : IPackedKeySource
    {
        private readonly ReadOnlySpan<double> _time;
        private readonly ReadOnlySpan<int> _status;

        public TimeStatusKeys(ReadOnlySpan<double> time, ReadOnlySpan<int> status)
        {
            _time = time;
            _status = status;
        }

        public ulong KeyAt(int index) => (BitConverter.DoubleToUInt64Bits(_time[index]) << 1) | (uint)_status[index];
    }

    /// <summary>The table's columns, filled one distinct time at a time in increasing order.</summary>
    private struct Columns(double[] time, int count, long total)
    {
        private readonly CountColumn _atRisk = new(count, total);
        private readonly CountColumn _events = new(count, total);
        private readonly double[] _survival = GC.AllocateUninitializedArray<double>(count);
        private readonly double[] _standardError = GC.AllocateUninitializedArray<double>(count);
        private readonly double[] _time = time;
        private int _k;
        private long _totalEvents;
        private double _s = 1.0;
        private double _greenwood;

        /// <summary>
        /// Adds the next distinct time with y at risk and d events: Ŝ ← Ŝ · (1 − d/y) and the Greenwood sum
        /// Σ d/(y (y − d)) (Kaplan &amp; Meier 1958, eq. 2a; Greenwood 1926); Ŝ = 0 once every subject at risk fails.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(double t, long y, long d)
        {
            double s = _s;
            if (d > 0)
            {
                _totalEvents += d;
                if (s > 0.0)
                {
                    if (d >= y)
                    {
                        s = 0.0;
                    }
                    else
                    {
                        s *= 1.0 - ((double)d / y);
                        _greenwood += d / ((double)y * (y - d));
                    }

                    _s = s;
                }
            }

            int k = _k++;
            _time[k] = t;
            _atRisk.Set(k, y);
            _events.Set(k, d);
            _survival[k] = s;
            _standardError[k] = s > 0.0 ? s * Math.Sqrt(_greenwood) : 0.0;
        }

        public readonly RiskTable ToTable(bool trimTime = false) =>
            new(trimTime && _time.Length > _k ? _time[.._k] : _time, _atRisk, _events, _survival, _standardError, _k, _totalEvents);
    }
}

/// <summary>
/// A column of counts in [0, largest]: 4-byte integers when the largest fits (always without case weights), else
/// 8-byte. A table of a million distinct times is written to fresh memory, so the narrower column saves time as well
/// as space.
/// </summary>
internal readonly struct CountColumn
{
    private readonly int[]? _narrow;
    private readonly long[]? _wide;

    /// <summary>A column of <paramref name="length"/> counts, none above <paramref name="largest"/>; its values are set with <see cref="Set"/>.</summary>
    public CountColumn(int length, long largest)
    {
        if (largest <= int.MaxValue)
        {
            _narrow = GC.AllocateUninitializedArray<int>(length);
        }
        else
        {
            _wide = GC.AllocateUninitializedArray<long>(length);
        }
    }

    /// <summary>The count at <paramref name="index"/>.</summary>
    public long this[int index] => _narrow is { } narrow ? narrow[index] : _wide![index];

    /// <summary>Sets the count at <paramref name="index"/> (at most the largest given to the constructor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int index, long value)
    {
        if (_narrow is { } narrow)
        {
            narrow[index] = (int)value;
        }
        else
        {
            _wide![index] = value;
        }
    }
}
