using System.Numerics;

namespace OncoTrial.Statistics;

/// <summary>A 64-bit sort key with a 64-bit payload carried along (e.g. a row index or packed row fields).</summary>
/// <param name="Key">The sort key (for times ≥ 0: the IEEE-754 bits of <c>time + 0.0</c>, which order like the numbers).</param>
/// <param name="Payload">Carried along unchanged.</param>
internal readonly record struct KeyedRow(ulong Key, ulong Payload);

/// <summary>
/// A stable least-significant-digit radix sort of <see cref="KeyedRow"/> by <see cref="KeyedRow.Key"/>, ascending,
/// shared by Kaplan-Meier (RiskTable), the log-rank test and the Cox model. Only the bits that can differ between keys are sorted on: the key
/// minus the smallest key, shifted right past the low bits that every key shares, spans
/// <c>bits</c> bits, which are cut into the fewest digits of at most 12 bits (8 bits below 65 536 rows, where the
/// histograms would cost more than the passes), all histograms taken in one read; passes in which every key has the
/// same digit are skipped. Integer-valued doubles, for instance, share their low mantissa bits and need two or three
/// passes; continuous times need five.
/// </summary>
internal static class RadixSort
{
    /// <summary>At or below this length the rows are insertion-sorted.</summary>
    internal const int InsertionSortLimit = 48;

    /// <summary>Sorts <paramref name="rows"/> ascending by key, stably; <paramref name="buffer"/> is scratch of at least the same length.</summary>
    internal static void Sort(Span<KeyedRow> rows, Span<KeyedRow> buffer)
    {
        int n = rows.Length;
        if (n <= InsertionSortLimit)
        {
            InsertionSort(rows);
            return;
        }

        ulong first = rows[0].Key;
        ulong min = first;
        ulong max = first;
        ulong differ = 0;
        foreach (ref readonly KeyedRow row in rows)
        {
            ulong k = row.Key;
            min = Math.Min(min, k);
            max = Math.Max(max, k);
            differ |= k ^ first;
        }

        if (differ == 0)
        {
            return;
        }

        // Every key agrees with every other below bit `low`, so key − min has zeros there and (key − min) >> low < 2^bits.
        int low = BitOperations.TrailingZeroCount(differ);
        int bits = 64 - BitOperations.LeadingZeroCount((max - min) >> low);
        int maxDigit = n < 65536 ? 8 : 12;
        int passes = (bits + maxDigit - 1) / maxDigit;
        int width = (bits + passes - 1) / passes;
        int buckets = 1 << width;
        ulong mask = (ulong)buckets - 1;
        int size = passes * buckets;
        Span<int> counts = size <= 2048 ? stackalloc int[size] : new int[size];
        if (size <= 2048)
        {
            counts.Clear();
        }

        foreach (ref readonly KeyedRow row in rows)
        {
            ulong k = (row.Key - min) >> low;
            for (int p = 0; p < passes; p++)
            {
                counts[(p * buckets) + (int)((k >> (p * width)) & mask)]++;
            }
        }

        Span<KeyedRow> source = rows;
        Span<KeyedRow> target = buffer[..n];
        bool inBuffer = false;
        for (int p = 0; p < passes; p++)
        {
            Span<int> count = counts.Slice(p * buckets, buckets);
            int shift = low + (p * width);
            if (count[(int)(((source[0].Key - min) >> shift) & mask)] == n)
            {
                continue;
            }

            int sum = 0;
            for (int b = 0; b < buckets; b++)
            {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }

            foreach (ref readonly KeyedRow row in source)
            {
                target[count[(int)(((row.Key - min) >> shift) & mask)]++] = row;
            }

            Span<KeyedRow> swap = source;
            source = target;
            target = swap;
            inBuffer = !inBuffer;
        }

        if (inBuffer)
        {
            source.CopyTo(rows);
        }
    }

    /// <summary>Stable insertion sort by key.</summary>
    internal static void InsertionSort(Span<KeyedRow> rows)
    {
        for (int i = 1; i < rows.Length; i++)
        {
            KeyedRow x = rows[i];
            int j = i - 1;
            while (j >= 0 && rows[j].Key > x.Key)
            {
                rows[j + 1] = rows[j];
                j--;
            }

            rows[j + 1] = x;
        }
    }
}
