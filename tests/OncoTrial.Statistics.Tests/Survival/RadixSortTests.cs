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
