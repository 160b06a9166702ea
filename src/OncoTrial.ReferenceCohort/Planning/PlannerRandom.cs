namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>
/// The planner's random stream: xoshiro256** (Blackman &amp; Vigna 2018) seeded through SplitMix64, written out here so
/// that a seed gives the same stream on every machine and every .NET version (System.Random promises neither).
/// Integer arithmetic only.
/// </summary>
internal sealed class PlannerRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A stream for a seed and a sub-stream number (restarts and stages use their own sub-streams).</summary>
    public PlannerRandom(int seed, int stream)
    {
        ulong x = ((ulong)(uint)seed << 32) ^ (uint)stream ^ 0x5EED_0C0F_0A7Eu;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="n"/>) (Lemire's multiply-shift, without its rejection step: the bias is below 2^-32 for the small n used here).</summary>
    public int Next(int n) => n <= 1 ? 0 : (int)(((NextUInt64() >> 32) * (ulong)(uint)n) >> 32);

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>] (both included).</summary>
    public int Between(int min, int max) => max <= min ? min : min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public bool Chance(int numerator, int denominator) => Next(denominator) < numerator;

    /// <summary>A signed step of size 1 to <paramref name="max"/>, smaller sizes more likely (size = 1 + ⌊max·u²⌋).</summary>
    public int Step(int max)
    {
        int u = Next(1024);
        int size = 1 + (int)((long)max * u * u / (1024L * 1024L));
        return Chance(1, 2) ? size : -size;
    }

    /// <summary>Shuffles a list in place (Fisher-Yates).</summary>
    public void Shuffle<T>(IList<T> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15ul;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ul;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBul;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
