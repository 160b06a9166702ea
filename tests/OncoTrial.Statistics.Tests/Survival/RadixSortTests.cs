namespace OncoTrial.Statistics.Tests.Survival;

public class RadixSortTests
{
    [Theory]
    [InlineData(10, "continuous")]
    [InlineData(300, "continuous")]
    [InlineData(70000, "continuous")]
    [InlineData(300, "days")]
    [InlineData(70000, "days")]
    [InlineData(70000, "wide")]
    [InlineData(5000, "constant")]
    [InlineData(70000, "two")]
    public void Sorts_like_a_stable_sort_of_the_keys(int n, string kind)
    {
        var rng = new Random(n + kind.Length);
        var rows = new KeyedRow[n];
        for (int i = 0; i < n; i++)
        {
            ulong key = kind switch
            {
                "continuous" => BitConverter.DoubleToUInt64Bits(Math.Round(rng.NextDouble() * 3000, 4) + 0.0),
                "days" => (BitConverter.DoubleToUInt64Bits((double)rng.Next(1, 1500)) << 1) | (uint)rng.Next(2),
                "wide" => (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63),
                "constant" => 42UL,
                _ => rng.Next(2) == 0 ? 7UL : ulong.MaxValue,
            };
            rows[i] = new KeyedRow(key, (ulong)i);
        }

        KeyedRow[] expected = [.. rows.OrderBy(r => r.Key)];
        RadixSort.Sort(rows, new KeyedRow[n]);
        Assert.Equal(expected, rows);
    }

    /// <summary>Bare keys as a packed-key source.</summary>
    private readonly ref struct ArrayKeys : IPackedKeySource
    {
        private readonly ReadOnlySpan<ulong> _keys;

        public ArrayKeys(ReadOnlySpan<ulong> keys) => _keys = keys;

        public ulong KeyAt(int index) => _keys[index];
    }

    private static ulong[] Keys(int n, string kind, int seed)
    {
        var rng = new Random(seed);
        var keys = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = kind switch
            {
                "continuous" => (BitConverter.DoubleToUInt64Bits(Math.Max(1e-4, Math.Round(rng.NextDouble() * 1500, 4))) << 1) | (uint)rng.Next(2),
                "days" => (BitConverter.DoubleToUInt64Bits((double)rng.Next(1, 1500)) << 1) | (uint)rng.Next(2),
                "wide" => (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63),
                "constant" => 42UL,
                "two" => rng.Next(2) == 0 ? 7UL : ulong.MaxValue,

                // 99% in a narrow cluster (one first-level bucket, so the buckets recurse), 1% far away.
                "skewed" => rng.Next(100) == 0 ? (ulong)rng.NextInt64() : 1_000_000_000UL + (ulong)rng.Next(1 << 20),

                // Long runs of equal keys: buckets far beyond the insertion limit whose keys are all equal.
                _ => (ulong)rng.Next(20) << 40,
            };
        }

        return keys;
    }

    [Theory]
    [InlineData(1, "continuous")]
    [InlineData(10, "continuous")]
    [InlineData(48, "continuous")]
    [InlineData(49, "continuous")]
    [InlineData(3000, "continuous")]
    [InlineData(200_000, "continuous")]
    [InlineData(200_000, "days")]
    [InlineData(100_000, "wide")]
    [InlineData(5000, "constant")]
    [InlineData(100_000, "two")]
    [InlineData(100_000, "skewed")]
    [InlineData(100_000, "runs")]
    public void Packed_keys_come_out_in_ascending_order(int n, string kind)
    {
        ulong[] keys = Keys(n, kind, n + kind.Length);
        ulong[] expected = [.. keys.Order()];
        var sorted = new ulong[n];
        RadixSort.SortPackedKeys(new ArrayKeys(keys), keys.Min(), keys.Max(), sorted);
        Assert.Equal(expected, sorted);

        // Looser bounds than the keys' own give the same order.
        Array.Clear(sorted);
        RadixSort.SortPackedKeys(new ArrayKeys(keys), 0, ulong.MaxValue, sorted);
        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void A_packed_key_below_the_given_minimum_is_caught_by_the_bounds_checked_count_pass()
    {
        ulong[] keys = [.. Enumerable.Range(0, 1000).Select(i => (ulong)i)];
        Assert.Throws<IndexOutOfRangeException>(() => RadixSort.SortPackedKeys(new ArrayKeys(keys), 10, 999, new ulong[keys.Length]));
    }

    [Theory]
    [InlineData(100, false)]
    [InlineData(20000, false)]
    [InlineData(100, true)]
    [InlineData(20000, true)]
    public void Cox_positions_and_runs_match_the_order(int n, bool integers)
    {
        var rng = new Random(5);
        double[] time = [.. Enumerable.Range(0, n).Select(i => i % 50 == 0 ? 0.0 : integers ? rng.Next(1, 400) : Math.Round(rng.NextDouble() * 300, 1))];
        int[] status = [.. Enumerable.Range(0, n).Select(_ => rng.Next(2))];
        int[] position = CoxModel.SortPositions(time, status, out int[] deathEnd, out int[] end);
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[position[i]] = i;
        }

        int run = 0;
        for (int k = 0; k < n; k++)
        {
            if (k > 0)
            {
                double before = time[order[k - 1]], after = time[order[k]];
                Assert.True(before > after || (before == after && status[order[k - 1]] >= status[order[k]]), $"position {k}");
                if (before != after)
                {
                    Assert.Equal(k, end[run]);
                    run++;
                }
            }

            Assert.Equal(status[order[k]] == 1, k < deathEnd[run]);
        }

        Assert.Equal(n, end[run]);
        Assert.Equal(end.Length, run + 1);
    }
}
