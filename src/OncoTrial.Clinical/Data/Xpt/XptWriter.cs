using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// Checks a dataset against the XPT v5 limits (collecting every problem) and writes it. The plan is made before a
/// byte is written, so a dataset that cannot be written leaves no file behind.
/// </summary>
internal sealed class XptWriter
{
    private const int RecordLength = XptReader.RecordLength;
    private const int MaxCharacterLength = 200;
    private const int MaxReportedRows = 3;

    private readonly Dataset _dataset;
    private readonly XptWriteOptions _options;
    private readonly Slot[] _slots;
    private readonly int _observationLength;

    private XptWriter(Dataset dataset, XptWriteOptions options, Slot[] slots, int observationLength)
    {
        _dataset = dataset;
        _options = options;
        _slots = slots;
        _observationLength = observationLength;
    }

    /// <summary>Validates the dataset and lays out its observation; throws one exception listing every problem.</summary>
    public static XptWriter Plan(Dataset dataset, XptWriteOptions options)
    {
        var problems = new List<Problem>();
        string ds = dataset.Name;
        var whole = new Where($"dataset {ds}", null);
        CheckName(problems, whole, "dataset name", ds);
        CheckLabel(problems, whole, "dataset label", dataset.Label);
        CheckHeaderField(problems, whole, "XptWriteOptions.SasVersion", options.SasVersion);
        CheckHeaderField(problems, whole, "XptWriteOptions.OperatingSystem", options.OperatingSystem);
        if (dataset.Columns.Count > 9999)
        {
            problems.Add(whole.At("XPT_LIMIT", "at most 9999 variables (XPT v5)", dataset.Columns.Count.ToString(CultureInfo.InvariantCulture), "Split the dataset."));
        }

        var slots = new Slot[dataset.Columns.Count];
        int position = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            var column = dataset.Columns[i];
            var where = new Where(whole.File, column.Name);
            CheckName(problems, where, "variable name", column.Name);
            CheckLabel(problems, where, "variable label", column.Label);
            string? format = column.DisplayFormat ?? DefaultFormat(column.Type);
            string formatName = string.Empty;
            int width = 0;
            int decimals = 0;
            if (format is not null && (!SasFormats.TryParse(format, out formatName, out width, out decimals) || formatName.Length > 8))
            {
                problems.Add(where.At("XPT_DISPLAY_FORMAT", "a SAS display format such as DATE9., 8.2 or $CHAR20. (name of at most 8 characters, then width.decimals)", $"\"{format}\"", "Fix the column's DisplayFormat."));
            }

            int length = column.IsCharacter ? CheckCharacterValues(problems, where, column) : CheckNumericValues(problems, where, column);
            slots[i] = new Slot(column, length, position, formatName, width, decimals);
            position += length;
        }

        var writer = new XptWriter(dataset, options, slots, position);
        if (problems.Count == 0 && position < RecordLength && dataset.RowCount > 0)
        {
            var last = new byte[position];
            writer.EncodeRow(dataset.RowCount - 1, last);
            if (last.AsSpan().IndexOfAnyExcept((byte)' ') < 0)
            {
                problems.Add(new Problem(
                    whole.File,
                    null,
                    dataset.RowCount,
                    null,
                    "XPT_BLANK_LAST_ROW",
                    "a last row with a value",
                    string.Create(CultureInfo.InvariantCulture, $"every character value missing and an observation of {position} bytes (< 80)"),
                    "XPT v5 has no row count, so a reader cannot tell this row from the blank padding of the last 80-byte record and would drop it. Remove the row, put it earlier, or add a value."));
            }
        }

        if (problems.Count > 0)
        {
            throw new DatasetFormatException(problems);
        }

        return writer;
    }

    /// <summary>Writes the library, member and observation records.</summary>
    public void WriteTo(Stream stream)
    {
        string created = FormatTimestamp(_options.Created);
        string modified = FormatTimestamp(_options.Modified ?? _options.Created);
        string version = _options.SasVersion.PadRight(8);
        string os = _options.OperatingSystem.PadRight(8);

        var header = new MemoryStream();
        Record(header, "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ");
        Record(header, "SAS     SAS     SASLIB  " + version + os + new string(' ', 24) + created);
        Record(header, modified);
        Record(header, "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ");
        Record(header, "HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000  ");
        Record(header, "SAS     " + _dataset.Name.PadRight(8) + "SASDATA " + version + os + new string(' ', 24) + created);
        var second = new byte[RecordLength];
        second.AsSpan().Fill((byte)' ');
        Encoding.ASCII.GetBytes(modified, second);
        Encoding.UTF8.GetBytes(_dataset.Label, second.AsSpan(32, 40));
        header.Write(second);
        Record(header, string.Create(CultureInfo.InvariantCulture, $"HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000{_slots.Length:D4}00000000000000000000  "));

        var namestrs = new byte[((_slots.Length * 140) + RecordLength - 1) / RecordLength * RecordLength];
        namestrs.AsSpan().Fill((byte)' ');
        for (int i = 0; i < _slots.Length; i++)
        {
            WriteNamestr(namestrs.AsSpan(i * 140, 140), _slots[i], i + 1);
        }

        header.Write(namestrs);
        Record(header, "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ");
        header.Position = 0;
        header.CopyTo(stream);

        if (_observationLength == 0 || _dataset.RowCount == 0)
        {
            return;
        }

        int rowsPerBlock = Math.Max(1, (1 << 20) / _observationLength);
        var block = new byte[rowsPerBlock * _observationLength];
        long written = 0;
        for (int start = 0; start < _dataset.RowCount; start += rowsPerBlock)
        {
            int count = Math.Min(rowsPerBlock, _dataset.RowCount - start);
            for (int r = 0; r < count; r++)
            {
                EncodeRow(start + r, block.AsSpan(r * _observationLength, _observationLength));
            }

            stream.Write(block, 0, count * _observationLength);
            written += (long)count * _observationLength;
        }

        int padding = (int)((RecordLength - (written % RecordLength)) % RecordLength);
        if (padding > 0)
        {
            Span<byte> blanks = stackalloc byte[RecordLength];
            blanks.Fill((byte)' ');
            stream.Write(blanks[..padding]);
        }
    }

    private void EncodeRow(int row, Span<byte> target)
    {
        foreach (var slot in _slots)
        {
            var cell = target.Slice(slot.Position, slot.Length);
            var column = slot.Column;
            if (column.IsCharacter)
            {
                string? s = column.Strings[row];
                int n = s is null ? 0 : Encoding.UTF8.GetBytes(s, cell);
                cell[n..].Fill((byte)' ');
                continue;
            }

            double v = column.Numbers[row];
            ulong raw;
            if (double.IsNaN(v))
            {
                raw = IbmFloat.Missing(column.GetMissingCode(row) ?? '.');
            }
            else
            {
                _ = IbmFloat.TryEncode(v, out raw); // checked in Plan
            }

            if (cell.Length == 8)
            {
                BinaryPrimitives.WriteUInt64BigEndian(cell, raw);
            }
            else
            {
                IbmFloat.WriteTruncated(raw, cell);
            }
        }
    }

    private static void WriteNamestr(Span<byte> n, Slot slot, int number)
    {
        n.Clear();
        var column = slot.Column;
        BinaryPrimitives.WriteInt16BigEndian(n, (short)(column.IsCharacter ? 2 : 1));
        BinaryPrimitives.WriteInt16BigEndian(n[4..], (short)slot.Length);
        BinaryPrimitives.WriteInt16BigEndian(n[6..], (short)number);
        n.Slice(8, 8).Fill((byte)' ');
        Encoding.ASCII.GetBytes(column.Name, n.Slice(8, 8));
        n.Slice(16, 40).Fill((byte)' ');
        Encoding.UTF8.GetBytes(column.Label, n.Slice(16, 40));
        n.Slice(56, 8).Fill((byte)' ');
        Encoding.ASCII.GetBytes(slot.FormatName, n.Slice(56, 8));
        BinaryPrimitives.WriteInt16BigEndian(n[64..], (short)slot.FormatWidth);
        BinaryPrimitives.WriteInt16BigEndian(n[66..], (short)slot.FormatDecimals);
        n.Slice(72, 8).Fill((byte)' '); // no informat
        BinaryPrimitives.WriteInt32BigEndian(n[84..], slot.Position);
    }

    private static void Record(Stream s, string text)
    {
        var record = new byte[RecordLength];
        record.AsSpan().Fill((byte)' ');
        Encoding.ASCII.GetBytes(text, record);
        s.Write(record);
    }

    /// <summary>The TS-140 timestamp: ddMMMyy:hh:mm:ss with an upper-case English month and a two-digit year.</summary>
    internal static string FormatTimestamp(DateTime t) =>
        t.ToString("ddMMMyy:HH:mm:ss", CultureInfo.InvariantCulture).ToUpperInvariant();

    private static string? DefaultFormat(DatasetValueType type) => type switch
    {
        DatasetValueType.Date => "DATE9.",
        DatasetValueType.DateTime => "DATETIME20.",
        DatasetValueType.Time => "TIME8.",
        _ => null,
    };

    private static void CheckName(List<Problem> problems, Where where, string what, string name)
    {
        bool valid = name.Length is >= 1 and <= 8 && (char.IsAsciiLetterUpper(name[0]) || name[0] == '_');
        foreach (char c in name)
        {
            valid &= char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_';
        }

        if (!valid)
        {
            string fix = name.Length > 8 ? "Rename it to at most 8 characters (XPT v5 does not truncate names for you)." : "Use upper-case letters, digits and underscores, starting with a letter or underscore.";
            problems.Add(where.At("XPT_NAME", $"a {what} of 1-8 characters matching [A-Z_][A-Z0-9_]*", string.Create(CultureInfo.InvariantCulture, $"\"{name}\" ({name.Length} characters)"), fix));
        }
    }

    private static void CheckLabel(List<Problem> problems, Where where, string what, string label)
    {
        int bytes = Encoding.UTF8.GetByteCount(label);
        if (bytes > 40)
        {
            problems.Add(where.At("XPT_LABEL", $"a {what} of at most 40 bytes (UTF-8; a non-ASCII character takes 2-4)", string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes in \"{label}\""), "Shorten the label."));
        }
    }

    private static void CheckHeaderField(List<Problem> problems, Where where, string what, string value)
    {
        if (value.Length is < 1 or > 8 || !Ascii.IsValid(value) || string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new Problem(where.File, null, null, null, "XPT_HEADER_FIELD", "1-8 ASCII characters, not blank (SAS refuses a blank version or OS field)", $"\"{value}\"", "Set it as SAS would, e.g. 9.4 or X64_7PRO.") { Place = what });
        }
    }

    private static int CheckCharacterValues(List<Problem> problems, Where where, DatasetColumn column)
    {
        var strings = column.Strings;
        int longest = 0;
        int longestRow = -1;
        var tooLong = new List<int>();
        int tooLongCount = 0;
        for (int r = 0; r < strings.Count; r++)
        {
            string? s = strings[r];
            if (s is null)
            {
                continue;
            }

            int n = Encoding.UTF8.GetByteCount(s);
            if (n > longest)
            {
                longest = n;
                longestRow = r;
            }

            if (n > MaxCharacterLength)
            {
                tooLongCount++;
                if (tooLong.Count < MaxReportedRows)
                {
                    tooLong.Add(r + 1);
                }
            }
        }

        if (tooLongCount > 0)
        {
            problems.Add(where.AtRows(Rows(tooLong, tooLongCount), "XPT_VALUE_LENGTH", "character values of at most 200 bytes (XPT v5)", string.Create(CultureInfo.InvariantCulture, $"{longest} bytes at most"), $"Split the text over several variables (e.g. {column.Name}, {column.Name}1...) as SDTM does."));
        }

        if (column.Length is int declared)
        {
            if (declared is < 1 or > MaxCharacterLength)
            {
                problems.Add(where.At("XPT_LENGTH", "a Length of 1-200 bytes for a character column", declared.ToString(CultureInfo.InvariantCulture), "Fix the column's Length or leave it null (the longest value then sets it)."));
                return Math.Clamp(declared, 1, MaxCharacterLength);
            }

            if (declared < longest)
            {
                problems.Add(where.AtRows(
                    string.Create(CultureInfo.InvariantCulture, $"row {longestRow + 1}"),
                    "XPT_VALUE_LENGTH",
                    string.Create(CultureInfo.InvariantCulture, $"values of at most the column's Length of {declared} bytes"),
                    string.Create(CultureInfo.InvariantCulture, $"{longest} bytes"),
                    string.Create(CultureInfo.InvariantCulture, $"Set Length to at least {longest} or leave it null.")));
            }

            return declared;
        }

        return Math.Clamp(longest, 1, MaxCharacterLength);
    }

    private static int CheckNumericValues(List<Problem> problems, Where where, DatasetColumn column)
    {
        var numbers = column.Numbers;
        var bad = new List<int>();
        int badCount = 0;
        var badCodes = new List<int>();
        int badCodeCount = 0;
        double example = 0;
        char exampleCode = '.';
        for (int r = 0; r < numbers.Length; r++)
        {
            double v = numbers[r];
            if (double.IsNaN(v))
            {
                char code = column.GetMissingCode(r) ?? '.';
                if (!IbmFloat.IsMissingCode(code))
                {
                    exampleCode = code;
                    badCodeCount++;
                    if (badCodes.Count < MaxReportedRows)
                    {
                        badCodes.Add(r + 1);
                    }
                }
            }
            else if (!IbmFloat.TryEncode(v, out _))
            {
                example = v;
                badCount++;
                if (bad.Count < MaxReportedRows)
                {
                    bad.Add(r + 1);
                }
            }
        }

        if (badCount > 0)
        {
            problems.Add(where.AtRows(Rows(bad, badCount), "XPT_NUMBER_RANGE", "a finite number within ±7.2e75 (IBM floating point)", example.ToString("R", CultureInfo.InvariantCulture), "Store it as missing or rescale."));
        }

        if (badCodeCount > 0)
        {
            problems.Add(where.AtRows(Rows(badCodes, badCodeCount), "XPT_MISSING_CODE", "a SAS missing code '.', 'A'-'Z' or '_'", $"'{exampleCode}'", "Use one of the 28 SAS missing codes."));
        }

        if (column.Length is int declared)
        {
            if (declared is < 2 or > 8)
            {
                problems.Add(where.At("XPT_LENGTH", "a Length of 2-8 bytes for a numeric column", declared.ToString(CultureInfo.InvariantCulture), "Use 8 (full precision) or leave it null."));
                return 8;
            }

            return declared;
        }

        return 8;
    }

    private static string Rows(List<int> rows, int count)
    {
        string list = string.Join(", ", rows.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        string more = count > rows.Count ? string.Create(CultureInfo.InvariantCulture, $" and {count - rows.Count} more") : string.Empty;
        return (count == 1 ? "row " : "rows ") + list + more;
    }

    /// <summary>
    /// Where a write problem is: <c>dataset NAME</c> (no file exists yet) and the column. Row lists follow the column
    /// in <see cref="Problem.Place"/> ("column AETERM, rows 2, 5"), the form these messages have always had.
    /// </summary>
    private readonly record struct Where(string File, string? Column)
    {
        public Problem At(string code, string expected, string found, string fix) => new(File, null, null, Column, code, expected, found, fix);

        public Problem AtRows(string rows, string code, string expected, string found, string fix) =>
            new(File, null, null, null, code, expected, found, fix) { Place = Column is null ? rows : $"column {Column}, {rows}" };
    }

    private sealed record Slot(DatasetColumn Column, int Length, int Position, string FormatName, int FormatWidth, int FormatDecimals);
}
