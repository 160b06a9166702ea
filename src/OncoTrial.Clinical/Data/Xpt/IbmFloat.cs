using System.Buffers.Binary;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// IBM System/360 hexadecimal floating point (the number format of SAS XPORT v5) to and from IEEE 754 doubles.
/// </summary>
/// <remarks>
/// An IBM double is sign (1 bit), exponent E (7 bits, excess 64, base 16) and a 56-bit fraction f:
/// value = (−1)^sign · f/2^56 · 16^(E−64). SAS stores it in 2–8 bytes (the low bytes of the fraction truncated).
/// IEEE → IBM is exact for every double in IBM's range (53 significant bits plus a shift of at most 3 fit in 56),
/// so only truncation to fewer than 8 bytes loses precision; SAS truncates too (no rounding), and so do we.
/// IBM → IEEE rounds the 56-bit fraction to 53 bits to nearest, ties to even (the long → double conversion), then
/// scales by an exact power of two; every IBM value is a normal double, so that is the only rounding.
/// SAS missing values are not numbers: first byte '.', 'A'–'Z' or '_', the rest zero (SAS TS-140).
/// </remarks>
internal static class IbmFloat
{
    /// <summary>Largest magnitude an IBM double can hold: (1 − 2^−56) · 16^63.</summary>
    public static readonly double MaxValue = (double)((1UL << 56) - 1) * Math.Pow(2, (4 * 63) - 56);

    // Scale[E] = 2^(4(E−64) − 56): turns the 56-bit integer fraction into the value. All exact powers of two.
    private static readonly double[] Scale = CreateScale();

    /// <summary>
    /// Decodes <paramref name="bytes"/> (2–8 bytes, big-endian; shorter storage is padded with zero bytes). Returns
    /// NaN and sets <paramref name="missingCode"/> ('.', 'A'–'Z', '_') for a SAS missing value, else '\0'.
    /// </summary>
    public static double Read(ReadOnlySpan<byte> bytes, out char missingCode)
    {
        ulong raw;
        if (bytes.Length >= 8)
        {
            raw = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        }
        else
        {
            Span<byte> padded = stackalloc byte[8];
            padded.Clear();
            bytes.CopyTo(padded);
            raw = BinaryPrimitives.ReadUInt64BigEndian(padded);
        }

        return Read(raw, out missingCode);
    }

    /// <summary>Decodes an IBM double held in a big-endian 64-bit integer (see <see cref="Read(ReadOnlySpan{byte}, out char)"/>).</summary>
    public static double Read(ulong raw, out char missingCode)
    {
        ulong fraction = raw & 0x00FF_FFFF_FFFF_FFFFUL;
        if (fraction == 0)
        {
            byte first = (byte)(raw >> 56);
            if (first == (byte)'.' || first == (byte)'_' || (first >= (byte)'A' && first <= (byte)'Z'))
            {
                missingCode = (char)first;
                return double.NaN;
            }

            missingCode = '\0';
            return 0.0;
        }

        missingCode = '\0';
        int exponent = (int)((raw >> 56) & 0x7F);
        double value = (long)fraction * Scale[exponent];
        return (raw & 0x8000_0000_0000_0000UL) != 0 ? -value : value;
    }

    /// <summary>
    /// Encodes a finite double as an 8-byte IBM double in a big-endian 64-bit integer. Returns false when the value is
    /// NaN, infinite or larger in magnitude than <see cref="MaxValue"/>. Magnitudes below 16^−65 are stored
    /// unnormalised with exponent 0 (rounded to nearest, ties to even), down to zero.
    /// </summary>
    public static bool TryEncode(double value, out ulong raw)
    {
        raw = 0;
        if (!double.IsFinite(value))
        {
            return false;
        }

        if (value == 0)
        {
            return true;
        }

        long bits = BitConverter.DoubleToInt64Bits(value);
        ulong sign = bits < 0 ? 0x8000_0000_0000_0000UL : 0;
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong mantissa = (ulong)bits & 0x000F_FFFF_FFFF_FFFFUL;
        if (biased == 0)
        {
            // IEEE subnormals (< 2.3e-308) are far below anything IBM can hold.
            return true;
        }

        mantissa |= 1UL << 52;

        // value = (mantissa / 2^53) · 2^x with mantissa / 2^53 in [1/2, 1).
        int x = biased - 1023 + 1;
        int k = (x + 3) >> 2; // ceil(x / 4); value = frac · 16^k with frac in [1/16, 1)
        int exponent = k + 64;
        int shift = 3 + x - (4 * k); // 0..3
        ulong fraction = mantissa << shift;
        if (exponent > 127)
        {
            return false;
        }

        if (exponent < 0)
        {
            int hexDigits = -exponent;
            int drop = 4 * hexDigits;
            fraction = drop >= 64 ? 0 : RoundShiftRight(fraction, drop);
            exponent = 0;
            if (fraction >= 1UL << 56)
            {
                fraction >>= 4;
                exponent = 1;
            }

            if (fraction == 0)
            {
                return true;
            }
        }

        raw = sign | ((ulong)exponent << 56) | fraction;
        return true;
    }

    /// <summary>Writes the 8-byte form of <paramref name="raw"/> truncated to <paramref name="destination"/>'s length (2–8).</summary>
    public static void WriteTruncated(ulong raw, Span<byte> destination)
    {
        if (destination.Length >= 8)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination, raw);
            return;
        }

        Span<byte> full = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(full, raw);
        full[..destination.Length].CopyTo(destination);
    }

    /// <summary>The 8-byte pattern of a SAS missing value ('.', 'A'–'Z', '_').</summary>
    public static ulong Missing(char code) => (ulong)(byte)code << 56;

    /// <summary>True for a valid SAS missing code: '.', 'A'–'Z', '_'.</summary>
    public static bool IsMissingCode(char code) => code == '.' || code == '_' || (code >= 'A' && code <= 'Z');

    private static ulong RoundShiftRight(ulong value, int drop)
    {
        ulong kept = value >> drop;
        ulong rest = value & ((1UL << drop) - 1);
        ulong half = 1UL << (drop - 1);
        if (rest > half || (rest == half && (kept & 1) == 1))
        {
            kept++;
        }

        return kept;
    }

    private static double[] CreateScale()
    {
        var scale = new double[128];
        for (int e = 0; e < 128; e++)
        {
            scale[e] = Math.ScaleB(1.0, (4 * (e - 64)) - 56);
        }

        return scale;
    }
}
