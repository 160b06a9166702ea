using System.Runtime.CompilerServices;

namespace OncoTrial.Simulation;

/// <summary>
/// The Philox4x32-10 counter-based random number generator: a keyed bijection of a 128-bit counter, so the
/// k-th block of a stream is computed directly from (key, counter) with no state to carry between threads.
/// </summary>
/// <remarks>
/// Salmon, Moraes, Dror &amp; Shaw (2011), "Parallel random numbers: as easy as 1, 2, 3", SC'11, doi
/// 10.1145/2063384.2063405; the round function, multipliers (0xD2511F53, 0xCD9E8D57) and Weyl key increments
/// (0x9E3779B9, 0xBB67AE85) of Random123's <c>philox4x32</c> with 10 rounds. Checked against Random123's
/// published known-answer vectors (<c>kat_vectors</c>). The same generator is <c>curand</c>'s
/// <c>CURAND_RNG_PSEUDO_PHILOX4_32_10</c>, NumPy's <c>Philox</c> (4x64 there) and R <c>dqrng</c>'s Threefry cousin.
/// </remarks>
public static class Philox4x32
{
    private const uint M0 = 0xD2511F53;
    private const uint M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9;
    private const uint W1 = 0xBB67AE85;

    /// <summary>One Philox4x32-10 block: the four output words for counter (c0..c3) and key (k0, k1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Block Compute(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (int round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                k0 += W0;
                k1 += W1;
            }

            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
            uint n1 = (uint)p1;
            uint n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
            uint n3 = (uint)p0;
            c0 = n0;
            c1 = n1;
            c2 = n2;
            c3 = n3;
        }

        return new Block(c0, c1, c2, c3);
    }

    /// <summary>
    /// Maps a 32-bit word to a uniform in the open interval (0, 1): (w + 0.5) / 2^32, so the smallest value is
    /// 1.16e-10 and −log u never exceeds 22.9 (an exponential draw is truncated at 22.9 means, probability 1e-10).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToOpenUnit(uint word) => (word + 0.5) * (1.0 / 4294967296.0);

    /// <summary>Four 32-bit output words of one Philox block.</summary>
    public readonly record struct Block(uint X0, uint X1, uint X2, uint X3);
}

/// <summary>
/// The random stream of one simulated trial: Philox4x32-10 keyed by the seed, with the counter
/// (trial index low word, trial index high word, block index, 0). Trial i's draws depend only on (seed, i), never on
/// which thread runs it or on how many threads there are.
/// </summary>
public struct TrialRandom
{
    private readonly uint _k0;
    private readonly uint _k1;
    private readonly uint _t0;
    private readonly uint _t1;
    private uint _block;

    /// <summary>The stream of trial <paramref name="trial"/> (≥ 0) under <paramref name="seed"/>.</summary>
    public TrialRandom(ulong seed, long trial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trial);
        _k0 = (uint)seed;
        _k1 = (uint)(seed >> 32);
        _t0 = (uint)trial;
        _t1 = (uint)((ulong)trial >> 32);
        _block = 0;
    }

    /// <summary>The next block of four 32-bit words (block index 0, 1, 2, ...).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Philox4x32.Block NextBlock() => Philox4x32.Compute(_t0, _t1, _block++, 0, _k0, _k1);
}
