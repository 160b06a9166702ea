using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// Reads the members of a SAS XPORT v5 file (SAS TS-140) from a stream, block by block. Every problem is a
/// <see cref="DatasetFormatException"/> naming the source, the byte offset, what was expected and what was found.
/// </summary>
internal sealed class XptReader
{
    internal const int RecordLength = 80;

    internal static readonly byte[] LibraryHeader = "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!"u8.ToArray();
    internal static readonly byte[] MemberHeader = "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!"u8.ToArray();
    internal static readonly byte[] DescriptorHeader = "HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!"u8.ToArray();
    internal static readonly byte[] NamestrHeader = "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!"u8.ToArray();
    internal static readonly byte[] ObsHeader = "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!"u8.ToArray();
    private static readonly byte[] LibraryV8Header = "HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!"u8.ToArray();
    private static readonly byte[] MemberV8Header = "HEADER RECORD*******MEMBV8  HEADER RECORD!!!!!!!"u8.ToArray();

    private const int MinimumBufferSize = 1 << 20;

    private readonly Stream _stream;
    private readonly string _source;
    private byte[] _buffer = new byte[MinimumBufferSize];
    private int _position;
    private int _end;
    private long _bufferOffset;
    private bool _endOfStream;

    public XptReader(Stream stream, string source)
    {
        _stream = stream;
        _source = source;
    }

    private long Offset => _bufferOffset + _position;

    private int Available => _end - _position;

    /// <summary>Reads every member of the file.</summary>
    public List<Dataset> ReadAll()
    {
        ReadOnlySpan<byte> first = ReadRecord("the XPT library header record (\"HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!...\")");
        if (first.StartsWith(LibraryV8Header))
        {
            throw Error(0, "an XPT version 5 library header", "a version 8/9 header (LIBV8)", "Export the dataset as XPORT version 5 (SAS: LIBNAME XPORT or %loc2xpt with FORMAT=V5); FDA accepts version 5 only.");
        }

        if (!first.StartsWith(LibraryHeader))
        {
            throw Error(0, "an XPT version 5 library header \"HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!\"", Quote(first[..Math.Min(48, first.Length)]), "Check that the file is a SAS transport (XPORT) file and not a SAS7BDAT, CSV or compressed file.");
        }

        ReadRecord("the first real library header record (SAS, SASLIB, version, OS, created)");
        ReadRecord("the second real library header record (modified date-time)");

        var members = new List<Dataset>();
        while (true)
        {
            if (Fill(1) == 0)
            {
                break;
            }

            long offset = Offset;
            ReadOnlySpan<byte> header = ReadRecord("a member header record");
            if (header.StartsWith(MemberV8Header))
            {
                throw Error(offset, "an XPT version 5 member header", "a version 8/9 member header (MEMBV8)", "Export the dataset as XPORT version 5.");
            }

            if (!header.StartsWith(MemberHeader))
            {
                if (members.Count > 0 && header.IndexOfAnyExcept((byte)' ', (byte)0) < 0)
                {
                    // blank padding after the last member
                    continue;
                }

                throw Error(offset, "a member header \"HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!\"", Quote(header[..48]), "The file is damaged or not an XPT v5 file.");
            }

            int namestrLength = ParseDigits(header.Slice(74, 4), offset + 74, "the NAMESTR record length (0140, or 0136 on VAX/VMS)");
            if (namestrLength != 140 && namestrLength != 136)
            {
                throw Error(offset + 74, "a NAMESTR record length of 0140 (or 0136 on VAX/VMS)", namestrLength.ToString(CultureInfo.InvariantCulture), "The file is damaged or not an XPT v5 file.");
            }

            members.Add(ReadMember(namestrLength));
        }

        return members;
    }

    private Dataset ReadMember(int namestrLength)
    {
        long offset = Offset;
        ReadOnlySpan<byte> record = ReadRecord("the member descriptor header record");
        if (!record.StartsWith(DescriptorHeader))
        {
            throw Error(offset, "a descriptor header \"HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!\"", Quote(record[..48]), "The file is damaged or not an XPT v5 file.");
        }

        offset = Offset;
        record = ReadRecord("the first member descriptor record (SAS, dataset name, SASDATA, version, OS, created)");
        string name = DecodeText(record.Slice(8, 8));
        if (name.Length == 0)
        {
            throw Error(offset + 8, "a dataset name", "blanks", "The file is damaged; SAS always writes the dataset name.");
        }

        record = ReadRecord("the second member descriptor record (modified, dataset label, dataset type)");
        string label = DecodeText(record.Slice(32, 40));

        offset = Offset;
        record = ReadRecord("the NAMESTR header record");
        if (!record.StartsWith(NamestrHeader))
        {
            throw Error(offset, "a NAMESTR header \"HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!\"", Quote(record[..48]), "The file is damaged or not an XPT v5 file.");
        }

        int variableCount = ParseDigits(record.Slice(48, 10), offset + 48, "the number of variables");
        var variables = new Variable[variableCount];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int observationLength = 0;
        long lengthSum = 0;
        for (int i = 0; i < variableCount; i++)
        {
            offset = Offset;
            if (Fill(namestrLength) < namestrLength)
            {
                throw Truncated(string.Create(CultureInfo.InvariantCulture, $"NAMESTR record {i + 1} of {variableCount} ({namestrLength} bytes)"));
            }

            var v = ParseNamestr(_buffer.AsSpan(_position, namestrLength), offset, i + 1);
            _position += namestrLength;
            if (!names.Add(v.Name))
            {
                throw Error(offset + 8, "distinct variable names", "\"" + v.Name + "\" twice", "The file is damaged; SAS never writes two variables with one name.");
            }

            variables[i] = v;
            lengthSum += v.Length;
            observationLength = Math.Max(observationLength, v.Position + v.Length);
        }

        if (observationLength > lengthSum)
        {
            throw Error(offset, "variable positions (npos) inside the observation", string.Create(CultureInfo.InvariantCulture, $"an observation length of {observationLength} bytes from positions, more than the {lengthSum} bytes of all variables"), "The file is damaged.");
        }

        SkipToRecordBoundary("padding after the NAMESTR records");
        offset = Offset;
        record = ReadRecord("the OBS header record");
        if (!record.StartsWith(ObsHeader))
        {
            throw Error(offset, "an OBS header \"HEADER RECORD*******OBS     HEADER RECORD!!!!!!!\"", Quote(record[..48]), "The file is damaged or not an XPT v5 file.");
        }

        return ReadObservations(name, label, variables, observationLength);
    }

    private Variable ParseNamestr(ReadOnlySpan<byte> n, long offset, int number)
    {
        int type = BinaryPrimitives.ReadInt16BigEndian(n);
        int length = BinaryPrimitives.ReadInt16BigEndian(n[4..]);
        string name = DecodeText(n.Slice(8, 8));
        string label = DecodeText(n.Slice(16, 40));
        string formatName = DecodeText(n.Slice(56, 8)).ToUpperInvariant();
        int formatWidth = BinaryPrimitives.ReadInt16BigEndian(n[64..]);
        int formatDecimals = BinaryPrimitives.ReadInt16BigEndian(n[66..]);
        int position = BinaryPrimitives.ReadInt32BigEndian(n[84..]);
        string where = string.Create(CultureInfo.InvariantCulture, $"variable {number}");
        if (type != 1 && type != 2)
        {
            throw Error(offset, $"{where}: a type (ntype) of 1 (numeric) or 2 (character)", type.ToString(CultureInfo.InvariantCulture), "The file is damaged.");
        }

        if (name.Length == 0)
        {
            throw Error(offset + 8, $"{where}: a variable name", "blanks", "The file is damaged.");
        }

        if (type == 1 ? length < 1 || length > 8 : length < 1)
        {
            throw Error(offset + 4, $"{where} ({name}): a length (nlng) of {(type == 1 ? "2-8 bytes for a numeric variable" : "at least 1 byte for a character variable")}", length.ToString(CultureInfo.InvariantCulture), "The file is damaged.");
        }

        if (position < 0)
        {
            throw Error(offset + 84, $"{where} ({name}): a position (npos) >= 0", position.ToString(CultureInfo.InvariantCulture), "The file is damaged.");
        }

        string? format = SasFormats.Compose(formatName, Math.Max(0, formatWidth), Math.Max(0, formatDecimals));
        return new Variable(name, label, type == 2, length, position, format, type == 1 ? SasFormats.NumericTypeOf(formatName) : DatasetValueType.String);
    }

    private Dataset ReadObservations(string name, string label, Variable[] variables, int observationLength)
    {
        long start = Offset;
        if (observationLength == 0)
        {
            // No variables: skip blank records up to the next member or the end.
            while (Fill(RecordLength) >= RecordLength && !_buffer.AsSpan(_position, RecordLength).StartsWith(MemberHeader))
            {
                _position += RecordLength;
            }

            _position = _end - _position < RecordLength ? _end : _position;
            return new Dataset(name, label, []);
        }

        int capacity = 1024;
        if (_stream.CanSeek)
        {
            long remaining = _stream.Length - start;
            capacity = (int)Math.Clamp(remaining / observationLength, 1, Array.MaxLength); // exact for one member
        }

        var columns = new ColumnBuilder[variables.Length];
        for (int i = 0; i < variables.Length; i++)
        {
            columns[i] = new ColumnBuilder(variables[i], capacity);
        }

        int rows = 0;
        int trailingBlankRows = 0;
        bool checkBlankRows = observationLength < RecordLength;
        int lookahead = observationLength + (2 * RecordLength);
        bool done = false;
        while (!done)
        {
            int available = Fill(Math.Max(lookahead, MinimumBufferSize / 2));

            // Decode every row in the buffer that leaves room to recognise a following member header.
            while (available >= lookahead)
            {
                int toBoundary = (int)((RecordLength - ((Offset - start) % RecordLength)) % RecordLength);
                if (IsMemberHeaderAt(toBoundary, available))
                {
                    _position += toBoundary;
                    done = true;
                    break;
                }

                DecodeRow(columns, ref rows, ref trailingBlankRows, checkBlankRows, observationLength);
                available -= observationLength;
            }

            if (done || !_endOfStream)
            {
                continue;
            }

            // The last bytes of the stream: rows, then blank padding or the next member's header.
            while (true)
            {
                int toBoundary = (int)((RecordLength - ((Offset - start) % RecordLength)) % RecordLength);
                if (IsMemberHeaderAt(toBoundary, available))
                {
                    _position += toBoundary;
                    break;
                }

                if (available < observationLength)
                {
                    ReadOnlySpan<byte> rest = _buffer.AsSpan(_position, available);
                    if (rest.IndexOfAnyExcept((byte)' ', (byte)0) >= 0)
                    {
                        throw Error(Offset, string.Create(CultureInfo.InvariantCulture, $"observation {rows + 1} of {name}: {observationLength} bytes, or blank padding at the end of the file"), string.Create(CultureInfo.InvariantCulture, $"{available} bytes with data"), "The file is truncated; copy or export it again.");
                    }

                    _position = _end;
                    break;
                }

                DecodeRow(columns, ref rows, ref trailingBlankRows, checkBlankRows, observationLength);
                available -= observationLength;
            }

            done = true;
        }

        // v5 has no observation count: blank rows that fit in the padding of the last 80-byte record are padding.
        if (trailingBlankRows > 0)
        {
            long end = (long)rows * observationLength;
            long lastRecordStart = ((end + RecordLength - 1) / RecordLength * RecordLength) - RecordLength;
            while (trailingBlankRows > 0 && (long)(rows - 1) * observationLength > lastRecordStart)
            {
                rows--;
                trailingBlankRows--;
            }
        }

        var built = new DatasetColumn[variables.Length];
        for (int i = 0; i < variables.Length; i++)
        {
            built[i] = columns[i].Build(rows);
        }

        return new Dataset(name, label, built);
    }

    private void DecodeRow(ColumnBuilder[] columns, ref int rows, ref int trailingBlankRows, bool checkBlankRows, int observationLength)
    {
        if (rows == int.MaxValue - 1)
        {
            throw Error(Offset, "at most 2^31 - 2 observations per member", "more", "Split the dataset.");
        }

        ReadOnlySpan<byte> row = _buffer.AsSpan(_position, observationLength);
        if (rows == columns[0].Capacity)
        {
            int grown = (int)Math.Min(Math.Max(16L, (long)rows * 2), Array.MaxLength);
            foreach (var c in columns)
            {
                c.Grow(grown);
            }
        }

        foreach (var c in columns)
        {
            c.Decode(row, rows);
        }

        if (checkBlankRows)
        {
            trailingBlankRows = row.IndexOfAnyExcept((byte)' ') < 0 ? trailingBlankRows + 1 : 0;
        }

        _position += observationLength;
        rows++;
    }

    private bool IsMemberHeaderAt(int toBoundary, int available)
    {
        if (available < toBoundary + RecordLength)
        {
            return false;
        }

        var span = _buffer.AsSpan(_position, toBoundary + RecordLength);
        if (span[0] != (toBoundary == 0 ? (byte)'H' : (byte)' '))
        {
            return false;
        }

        return span[..toBoundary].IndexOfAnyExcept((byte)' ') < 0
            && (span[toBoundary..].StartsWith(MemberHeader) || span[toBoundary..].StartsWith(MemberV8Header));
    }

    private ReadOnlySpan<byte> ReadRecord(string expected)
    {
        if (Fill(RecordLength) < RecordLength)
        {
            throw Truncated(expected);
        }

        var record = _buffer.AsSpan(_position, RecordLength);
        _position += RecordLength;
        return record;
    }

    private void SkipToRecordBoundary(string expected)
    {
        int skip = (int)((RecordLength - (Offset % RecordLength)) % RecordLength);
        if (skip > 0)
        {
            if (Fill(skip) < skip)
            {
                throw Truncated(expected);
            }

            _position += skip;
        }
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from the current position (fewer at the end).</summary>
    private int Fill(int count)
    {
        if (Available >= count || _endOfStream)
        {
            return Available;
        }

        if (_stream.CanSeek)
        {
            // Never grow the buffer beyond what the file holds (garbage lengths must not allocate gigabytes).
            long left = _stream.Length - (_bufferOffset + _end);
            if (left <= 0)
            {
                _endOfStream = true;
                return Available;
            }

            count = (int)Math.Min(count, Available + left);
        }

        if (count > _buffer.Length - _position)
        {
            byte[] target = count > _buffer.Length ? new byte[Math.Max(count, _buffer.Length * 2)] : _buffer;
            Buffer.BlockCopy(_buffer, _position, target, 0, Available);
            _bufferOffset += _position;
            _end -= _position;
            _position = 0;
            _buffer = target;
        }

        while (Available < count)
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }

            _end += read;
        }

        return Available;
    }

    private int ParseDigits(ReadOnlySpan<byte> digits, long offset, string what)
    {
        int value = 0;
        foreach (byte b in digits)
        {
            if (b < (byte)'0' || b > (byte)'9' || value > 100_000_000)
            {
                throw Error(offset, what + " as ASCII digits", Quote(digits), "The file is damaged or not an XPT v5 file.");
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }

    private DatasetFormatException Truncated(string expected) =>
        Error(Offset, expected, string.Create(CultureInfo.InvariantCulture, $"the end of the file ({Available} bytes left)"), "The file is truncated; copy or export it again.");

    /// <summary>"SOURCE, byte offset N: expected X, found Y. FIX" (code <c>XPT_FORMAT</c>, place "byte offset N").</summary>
    private DatasetFormatException Error(long offset, string expected, string found, string fix) =>
        new(new Problem(_source, null, null, null, "XPT_FORMAT", expected, found, fix) { Place = string.Create(CultureInfo.InvariantCulture, $"byte offset {offset}") });

    private static string Quote(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder("\"");
        foreach (byte b in bytes)
        {
            sb.Append(b >= 0x20 && b < 0x7F ? (char)b : '?');
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Text of a blank-padded field: ASCII, else UTF-8 when valid, else Latin-1; trailing blanks and NULs trimmed.</summary>
    internal static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        bytes = bytes.TrimEnd(" \0"u8);
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        return System.Text.Ascii.IsValid(bytes) || !Utf8.IsValid(bytes) ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes);
    }

    private sealed record Variable(string Name, string Label, bool IsCharacter, int Length, int Position, string? Format, DatasetValueType Type);

    /// <summary>Decodes one variable straight into its value array; repeated strings share one instance.</summary>
    private sealed class ColumnBuilder
    {
        private const int CacheSize = 256;
        private readonly Variable _variable;
        private double[]? _numbers;
        private char[]? _codes;
        private string?[]? _strings;
        private byte[]?[]? _cacheKeys;
        private string[]? _cacheValues;
        private int _lookups;
        private int _hits;

        public ColumnBuilder(Variable variable, int capacity)
        {
            _variable = variable;
            Capacity = capacity;
            if (variable.IsCharacter)
            {
                _strings = new string?[capacity];
                _cacheKeys = new byte[]?[CacheSize];
                _cacheValues = new string[CacheSize];
            }
            else
            {
                _numbers = new double[capacity];
            }
        }

        public int Capacity { get; private set; }

        public void Grow(int capacity)
        {
            if (_numbers is not null)
            {
                Array.Resize(ref _numbers, capacity);
            }

            if (_codes is not null)
            {
                Array.Resize(ref _codes, capacity);
            }

            if (_strings is not null)
            {
                Array.Resize(ref _strings, capacity);
            }

            Capacity = capacity;
        }

        public void Decode(ReadOnlySpan<byte> row, int index)
        {
            ReadOnlySpan<byte> cell = row.Slice(_variable.Position, _variable.Length);
            if (_numbers is not null)
            {
                ulong raw = cell.Length == 8 ? BinaryPrimitives.ReadUInt64BigEndian(cell) : Pad(cell);
                double value = IbmFloat.Read(raw, out char code);
                _numbers[index] = value;
                if (code != '\0' && code != '.')
                {
                    _codes ??= new char[Capacity];
                    _codes[index] = code;
                }

                return;
            }

            _strings![index] = DecodeString(cell);
        }

        public DatasetColumn Build(int rows)
        {
            if (_strings is not null)
            {
                if (_strings.Length != rows)
                {
                    Array.Resize(ref _strings, rows);
                }

                return DatasetColumn.Character(_variable.Name, _variable.Label, _strings).WithLengthAndFormat(_variable.Length, _variable.Format);
            }

            if (_numbers!.Length != rows)
            {
                Array.Resize(ref _numbers, rows);
            }

            if (_codes is not null && _codes.Length != rows)
            {
                Array.Resize(ref _codes, rows);
            }

            return DatasetColumn.Numeric(_variable.Name, _variable.Label, _variable.Type, _numbers, _codes).WithLengthAndFormat(_variable.Length, _variable.Format);
        }

        private static ulong Pad(ReadOnlySpan<byte> cell)
        {
            Span<byte> full = stackalloc byte[8];
            full.Clear();
            cell.CopyTo(full);
            return BinaryPrimitives.ReadUInt64BigEndian(full);
        }

        private string? DecodeString(ReadOnlySpan<byte> cell)
        {
            cell = cell.TrimEnd(" \0"u8);
            if (cell.IsEmpty)
            {
                return null;
            }

            if (_cacheKeys is null)
            {
                return DecodeText(cell);
            }

            int slot = HashOf(cell) & (CacheSize - 1);
            byte[]? key = _cacheKeys[slot];
            _lookups++;
            if (key is not null && cell.SequenceEqual(key))
            {
                _hits++;
                return _cacheValues![slot];
            }

            // Mostly distinct values (identifiers): stop caching after a fair trial.
            if (_lookups == 4096 && _hits < 1024)
            {
                _cacheKeys = null;
                _cacheValues = null;
                return DecodeText(cell);
            }

            string value = DecodeText(cell);
            _cacheKeys[slot] = cell.ToArray();
            _cacheValues![slot] = value;
            return value;
        }

        private static int HashOf(ReadOnlySpan<byte> bytes)
        {
            // FNV-1a over at most the first and last 16 bytes plus the length: cheap and stable.
            uint h = 2166136261;
            int n = bytes.Length;
            ReadOnlySpan<byte> head = bytes[..Math.Min(16, n)];
            foreach (byte b in head)
            {
                h = (h ^ b) * 16777619;
            }

            if (n > 16)
            {
                foreach (byte b in bytes[Math.Max(16, n - 16)..])
                {
                    h = (h ^ b) * 16777619;
                }
            }

            h = (h ^ (uint)n) * 16777619;
            return (int)(h ^ (h >> 16));
        }
    }
}
