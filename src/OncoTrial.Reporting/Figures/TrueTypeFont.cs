using System.Buffers.Binary;

namespace OncoTrial.Reporting.Figures;

/// <summary>
/// The few tables of a TrueType file that text layout needs, read by hand: <c>head</c> (units per em), <c>hhea</c>
/// (ascender, descender, number of horizontal metrics), <c>hmtx</c> (advance widths), <c>cmap</c> (format 4 and
/// format 12 character-to-glyph maps) and <c>OS/2</c> (cap height). No shaping, no kerning: the advance widths
/// summed, which for Liberation Sans is what a browser draws without kerning and an upper bound with it
/// (the font's kerning pairs only tighten). Immutable after construction; thread-safe.
/// </summary>
internal sealed class TrueTypeFont
{
    private readonly ushort[] _advanceOfChar;
    private readonly bool[] _hasGlyph;

    private TrueTypeFont(int unitsPerEm, int ascender, int descender, int capHeight, ushort[] advanceOfChar, bool[] hasGlyph)
    {
        UnitsPerEm = unitsPerEm;
        Ascender = ascender;
        Descender = descender;
        CapHeight = capHeight;
        _advanceOfChar = advanceOfChar;
        _hasGlyph = hasGlyph;
    }

    /// <summary>Design units per em (2048 for Liberation Sans).</summary>
    public int UnitsPerEm { get; }

    /// <summary>Typographic ascender in design units (hhea), positive.</summary>
    public int Ascender { get; }

    /// <summary>Typographic descender in design units (hhea), positive (the depth below the baseline).</summary>
    public int Descender { get; }

    /// <summary>Height of capital letters in design units (OS/2 sCapHeight; 0.7 em when the table has none).</summary>
    public int CapHeight { get; }

    /// <summary>Advance width of a UTF-16 code unit in design units; a character without a glyph takes .notdef's.</summary>
    public int Advance(char c) => _advanceOfChar[c];

    /// <summary>Whether the font has a glyph for <paramref name="c"/>.</summary>
    public bool HasGlyph(char c) => _hasGlyph[c];

    /// <summary>Reads the tables from the bytes of a TrueType (glyf-outline) font.</summary>
    /// <exception cref="InvalidDataException">A table is missing or the file is not a TrueType font.</exception>
    public static TrueTypeFont Read(ReadOnlySpan<byte> font)
    {
        var tables = ReadTableDirectory(font);
        var head = Table(font, tables, "head");
        var hhea = Table(font, tables, "hhea");
        var hmtx = Table(font, tables, "hmtx");
        var cmap = Table(font, tables, "cmap");
        int unitsPerEm = U16(head, 18);
        int ascender = I16(hhea, 4);
        int descender = -I16(hhea, 6);
        int metrics = U16(hhea, 34);
        int capHeight = unitsPerEm * 7 / 10;
        if (tables.TryGetValue("OS/2", out var os2Range))
        {
            var os2 = font.Slice(os2Range.Offset, os2Range.Length);
            if (U16(os2, 0) >= 2 && os2.Length >= 90)
            {
                capHeight = I16(os2, 88);
            }
        }

        var advances = new ushort[metrics];
        for (int g = 0; g < metrics; g++)
        {
            advances[g] = U16(hmtx, g * 4);
        }

        var glyphOfChar = ReadCmap(cmap);
        var advanceOfChar = new ushort[0x10000];
        var hasGlyph = new bool[0x10000];
        for (int c = 0; c < 0x10000; c++)
        {
            int glyph = glyphOfChar[c];
            hasGlyph[c] = glyph != 0;
            advanceOfChar[c] = advances[Math.Min(glyph, metrics - 1)];
        }

        return new TrueTypeFont(unitsPerEm, ascender, descender, capHeight, advanceOfChar, hasGlyph);
    }

    private static Dictionary<string, (int Offset, int Length)> ReadTableDirectory(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) != 0x00010000)
        {
            throw new InvalidDataException("Expected a TrueType font (sfnt version 1.0) but found other bytes.");
        }

        int count = U16(font, 4);
        var tables = new Dictionary<string, (int, int)>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var record = font.Slice(12 + (16 * i), 16);
            string tag = string.Create(4, record[..4].ToArray(), static (span, bytes) =>
            {
                for (int k = 0; k < 4; k++)
                {
                    span[k] = (char)bytes[k];
                }
            });
            tables[tag] = ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }

        return tables;
    }

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> font, Dictionary<string, (int Offset, int Length)> tables, string tag) =>
        tables.TryGetValue(tag, out var range)
            ? font.Slice(range.Offset, range.Length)
            : throw new InvalidDataException($"Expected a '{tag}' table in the font but found none.");

    /// <summary>Glyph index of every BMP code point; a (3,10) format 12 subtable wins over a (3,1) format 4 one.</summary>
    private static ushort[] ReadCmap(ReadOnlySpan<byte> cmap)
    {
        int count = U16(cmap, 2);
        int format4 = -1, format12 = -1;
        for (int i = 0; i < count; i++)
        {
            int platform = U16(cmap, 4 + (8 * i));
            int encoding = U16(cmap, 6 + (8 * i));
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap[(8 + (8 * i))..]);
            int format = U16(cmap, offset);
            if (format == 12 && (platform == 3 && encoding == 10 || platform == 0))
            {
                format12 = offset;
            }
            else if (format == 4 && (platform == 3 && encoding == 1 || platform == 0))
            {
                format4 = format4 < 0 ? offset : format4;
            }
        }

        var glyphs = new ushort[0x10000];
        if (format12 >= 0)
        {
            var sub = cmap[format12..];
            long groups = BinaryPrimitives.ReadUInt32BigEndian(sub[12..]);
            for (int g = 0; g < groups; g++)
            {
                var group = sub.Slice(16 + (12 * g), 12);
                long start = BinaryPrimitives.ReadUInt32BigEndian(group);
                long end = Math.Min(BinaryPrimitives.ReadUInt32BigEndian(group[4..]), 0xFFFF);
                long glyph = BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
                for (long c = start; c <= end; c++)
                {
                    glyphs[c] = (ushort)(glyph + (c - start));
                }
            }

            return glyphs;
        }

        if (format4 < 0)
        {
            throw new InvalidDataException("Expected a Unicode cmap subtable (format 4 or 12) in the font but found none.");
        }

        var table = cmap[format4..];
        int segments = U16(table, 6) / 2;
        int ends = 14, starts = ends + (2 * segments) + 2, deltas = starts + (2 * segments), ranges = deltas + (2 * segments);
        for (int s = 0; s < segments; s++)
        {
            int end = U16(table, ends + (2 * s));
            int start = U16(table, starts + (2 * s));
            int delta = I16(table, deltas + (2 * s));
            int rangeOffset = U16(table, ranges + (2 * s));
            for (int c = start; c <= end && c < 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    int at = ranges + (2 * s) + rangeOffset + (2 * (c - start));
                    glyph = U16(table, at);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                glyphs[c] = (ushort)glyph;
            }
        }

        return glyphs;
    }

    private static ushort U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    private static short I16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadInt16BigEndian(data[offset..]);
}
