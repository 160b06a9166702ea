using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OncoTrial.Statistics;

/// <summary>A 64-bit sort key with a 64-bit payload carried along (e.g. a row index or packed row fields).</summary>
/// <param name="Key">The sort key (for times ≥ 0: the IEEE-754 bits of <c>time + 0.0</c>, which order like the numbers).</param>
/// <param name="Payload">Carried along unchanged.</param>
internal readonly record struct KeyedRow(ulong Key, ulong Payload);

/// <summary>
/// The rows to be sorted by <see cref="RadixSort.SortPackedKeys{TSource}"/>: each row's whole content (time bits with,
/// for instance, the status and group in the low bits) packed into one 64-bit key, computed on demand.
/// </summary>
internal interface IPackedKeySource
{
    /// <summary>The key of row <paramref name="index"/>.</summary>
    ulong KeyAt(int index);
}

/// <summary>
/// A stable least-significant-digit radix sort of <see cref="KeyedRow"/> by <see cref="KeyedRow.Key"/>, ascending,
/// used by the Cox model and, with case weights, by Kaplan-Meier (RiskTable) and the log-rank test. Only the bits that can differ between keys are sorted on: the key
/// minus the smallest key, shifted right past the low bits that every key shares, spans
/// <c>bits</c> bits, which are cut into the fewest digits of at most 12 bits (8 bits below 65 536 rows, where the
/// histograms would cost more than the passes), all histograms taken in one read; passes in which every key has the
/// same digit are skipped. Integer-valued doubles, for instance, share their low mantissa bits and need two or three
/// passes; continuous times need five.
/// <para><see cref="SortPackedKeys{TSource}"/> sorts bare 64-bit keys (the row is its key) most-significant digit first;
/// Kaplan-Meier and the log-rank test use it for rows without case weights. For continuous times it needs about two
/// scatters where the LSD sort needs five passes over twice the bytes.</para>
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

    /// <summary>Most bits a digit of <see cref="SortPackedKeys{TSource}"/> takes (2048 buckets: the counts fit in 8 KiB).</summary>
    private const int PackedDigitBits = 11;

    /// <summary>
    /// Writes the keys of rows 0 … n − 1 of <paramref name="source"/> into <paramref name="destination"/> (length n),
    /// ascending. Every key must lie in [<paramref name="min"/>, <paramref name="max"/>].
    /// </summary>
    /// <remarks>
    /// A most-significant-digit radix sort (Knuth, TAOCP vol. 3, §5.2.5; McIlroy, Bostic &amp; McIlroy 1993,
    /// Computing Systems 6:5). The first pass counts the top digit of key − min of every row, the second computes
    /// each key again and writes it straight into its bucket, so no unsorted copy of the keys is ever stored. Each
    /// bucket is then sorted in place: its own smallest and largest key give the bits that remain, a digit of about
    /// log₂(size) + 1 bits (8 to 11) scatters it into a scratch buffer the size of the largest bucket, and when no
    /// sub-bucket holds more than <see cref="InsertionSortLimit"/> keys an insertion sort writes the buffer back in
    /// order (larger sub-buckets recurse). Each level resolves at least 8 bits, so there are at most 8 levels; with
    /// continuous times each bucket of the first level fits in the L1 cache and the whole sort costs about two
    /// scatters, where an 11-bit LSD sort needs five or six passes over the whole array. Equal keys are identical,
    /// so the sort needs no stability.
    /// </remarks>
    internal static void SortPackedKeys<TSource>(TSource source, ulong min, ulong max, Span<ulong> destination)
        where TSource : IPackedKeySource, allows ref struct
    {
        int n = destination.Length;
        if (n <= InsertionSortLimit || min == max)
        {
            for (int i = 0; i < n; i++)
            {
                destination[i] = source.KeyAt(i);
            }

            InsertionSort(destination);
            return;
        }

        int bits = 64 - BitOperations.LeadingZeroCount(max - min);
        int width = DigitWidth(bits, n);
        int shift = bits - width;
        int buckets = 1 << width;

        // counts[b + 1] = size of bucket b, then running starts; after the scatter, counts[b] is the end of bucket b.
        Span<int> counts = stackalloc int[buckets + 1];
        for (int i = 0; i < n; i++)
        {
            counts[(int)((source.KeyAt(i) - min) >> shift) + 1]++;
        }

        int largest = 0;
        for (int b = 1; b <= buckets; b++)
        {
            largest = Math.Max(largest, counts[b]);
            counts[b] += counts[b - 1];
        }

        ref int count0 = ref MemoryMarshal.GetReference(counts);
        ref ulong target = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < n; i++)
        {
            ulong key = source.KeyAt(i);
            ref int next = ref Unsafe.Add(ref count0, (int)((key - min) >> shift));
            Unsafe.Add(ref target, next++) = key;
        }

        Span<ulong> scratch = largest > InsertionSortLimit ? GC.AllocateUninitializedArray<ulong>(largest) : default;
        int start = 0;
        for (int b = 0; b < buckets; b++)
        {
            int end = counts[b];
            if (end - start > 1)
            {
                SortBucket(destination[start..end], scratch);
            }

            start = end;
        }
    }

    /// <summary>Digit width for <paramref name="n"/> keys that differ in the low <paramref name="bits"/> bits: about log₂ n + 1, within 8 … 11.</summary>
    private static int DigitWidth(int bits, int n) => Math.Min(bits, Math.Clamp(BitOperations.Log2((uint)n) + 1, 8, PackedDigitBits));

    /// <summary>Sorts one bucket of <see cref="SortPackedKeys{TSource}"/> in place; <paramref name="scratch"/> is at least as long.</summary>
    private static void SortBucket(Span<ulong> keys, Span<ulong> scratch)
    {
        int m = keys.Length;
        if (m <= InsertionSortLimit)
        {
            InsertionSort(keys);
            return;
        }

        ulong min = keys[0];
        ulong max = min;
        foreach (ulong k in keys)
        {
            min = Math.Min(min, k);
            max = Math.Max(max, k);
        }

        if (min == max)
        {
            return;
        }

        int bits = 64 - BitOperations.LeadingZeroCount(max - min);
        int width = DigitWidth(bits, m);
        int shift = bits - width;
        int buckets = 1 << width;
        Span<int> counts = stackalloc int[buckets + 1];
        ref int count0 = ref MemoryMarshal.GetReference(counts);
        foreach (ulong k in keys)
        {
            Unsafe.Add(ref count0, (int)((k - min) >> shift) + 1)++;
        }

        int largest = 0;
        for (int b = 1; b <= buckets; b++)
        {
            largest = Math.Max(largest, counts[b]);
            counts[b] += counts[b - 1];
        }

        Span<ulong> buffer = scratch[..m];
        ref ulong target = ref MemoryMarshal.GetReference(buffer);
        foreach (ulong k in keys)
        {
            ref int next = ref Unsafe.Add(ref count0, (int)((k - min) >> shift));
            Unsafe.Add(ref target, next++) = k;
        }

        if (largest <= InsertionSortLimit)
        {
            // Keys are out of order only within their (small) sub-bucket: one insertion pass writes them back sorted.
            InsertionSortInto(buffer, keys);
            return;
        }

        buffer.CopyTo(keys);
        int start = 0;
        for (int b = 0; b < buckets; b++)
        {
            int end = counts[b];
            if (end - start > 1)
            {
                SortBucket(keys[start..end], scratch);
            }

            start = end;
        }
    }

    /// <summary>Insertion sort of bare keys.</summary>
    internal static void InsertionSort(Span<ulong> keys)
    {
        for (int i = 1; i < keys.Length; i++)
        {
            ulong x = keys[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > x)
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = x;
        }
    }

    /// <summary>Writes <paramref name="source"/> into <paramref name="destination"/> (same length) in ascending order by insertion.</summary>
    private static void InsertionSortInto(ReadOnlySpan<ulong> source, Span<ulong> destination)
    {
        ref ulong d = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < source.Length; i++)
        {
            ulong x = source[i];
            int j = i;
            while (j > 0 && Unsafe.Add(ref d, j - 1) > x)
            {
                Unsafe.Add(ref d, j) = Unsafe.Add(ref d, j - 1);
                j--;
            }

            Unsafe.Add(ref d, j) = x;
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
