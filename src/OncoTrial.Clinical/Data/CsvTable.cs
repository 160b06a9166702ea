using System.Collections.ObjectModel;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// A comma-separated table read whole into memory (RFC 4180: quoted fields, doubled quotes, CRLF, LF or CR line
/// ends, an optional UTF-8 byte-order mark), parsed by nietras Sep. The first record is the header; blank lines are
/// skipped. Records whose field count differs from the header's are reported as problems, never silently padded or
/// cut.
/// </summary>
/// <remarks>
/// A field is unquoted only when it starts with a quote (<c>"a ""b"""</c> is <c>a "b"</c>); a quote inside an
/// unquoted field is kept as it is (<c>ab"c</c>). A lone CR is a line end, as CRLF and LF are, inside quoted fields
/// too, where it stays part of the value. A record's line is the file line where it starts, counting the line
/// breaks inside earlier quoted fields; its data row counts the records after the header, blank lines included.
/// </remarks>
public sealed class CsvTable
{
    /// <summary>The code of every structural problem (ragged record, unterminated quote, empty file).</summary>
    public const string StructureCode = "CSV_STRUCTURE";

    private readonly Dictionary<string, int> _columnIndex;

    private CsvTable(string source, IReadOnlyList<string> columns, IReadOnlyList<CsvRecord> records)
    {
        Source = source;
        Columns = columns;
        Records = records;
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            _columnIndex.TryAdd(columns[i], i);
        }
    }

    /// <summary>Where the table came from (a file path), for messages.</summary>
    public string Source { get; }

    /// <summary>Column names from the header, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The data records (header excluded).</summary>
    public IReadOnlyList<CsvRecord> Records { get; }

    /// <summary>Index of a column, or -1 when absent (exact, case-sensitive match).</summary>
    public int IndexOf(string column) => _columnIndex.TryGetValue(column, out int i) ? i : -1;

    /// <summary>
    /// A text view of a dataset read from another format (Dataset-JSON, XPT): each value as
    /// <see cref="DatasetColumn.Format"/> renders it (missing = ""). A record's <see cref="CsvRecord.Line"/> is its
    /// row + 1, which is its line in NDJSON (line 1 holds the metadata).
    /// </summary>
    public static CsvTable FromDataset(Dataset dataset, string source)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var records = new List<CsvRecord>(dataset.RowCount);
        for (int r = 0; r < dataset.RowCount; r++)
        {
            var fields = new string[dataset.Columns.Count];
            for (int c = 0; c < fields.Length; c++)
            {
                fields[c] = dataset.Columns[c].Format(r);
            }

            records.Add(new CsvRecord(r + 2, r + 1, fields));
        }

        return new CsvTable(source, dataset.Columns.Select(c => c.Name).ToList().AsReadOnly(), records.AsReadOnly());
    }

    /// <summary>
    /// Reads CSV from a stream (UTF-8, an optional byte-order mark; bytes that are not UTF-8 become U+FFFD);
    /// problems (ragged records, unterminated quotes) are returned, not thrown. The stream is read to its end and
    /// left open.
    /// </summary>
    public static (CsvTable Table, IReadOnlyList<Problem> Problems) Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = CsvSep.Decode(stream);
        return Read(reader, source);
    }

    /// <summary>The column names of the header record (quotes removed); empty for an empty input.</summary>
    public static IReadOnlyList<string> ReadHeader(Stream stream) => Read(stream, string.Empty).Table.Columns;

    /// <summary>Reads a file; problems (ragged records, unterminated quotes) are returned, not thrown.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static (CsvTable Table, IReadOnlyList<Problem> Problems) ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        // As File.ReadAllText: a UTF-16 or UTF-32 byte-order mark selects that encoding, anything else is UTF-8.
        using var reader = new StreamReader(path, CsvSep.Utf8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        return Read(reader, path);
    }

    /// <summary>
    /// Parses CSV text; <paramref name="source"/> names it in the problems, which carry their line and data row
    /// (code <c>CSV_STRUCTURE</c>).
    /// </summary>
    public static (CsvTable Table, IReadOnlyList<Problem> Problems) Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, source);
    }

    private static (CsvTable Table, IReadOnlyList<Problem> Problems) Read(TextReader text, string source)
    {
        var problems = new List<Problem>();
        using var reader = CsvSep.Open(text);
        if (!reader.MoveNext())
        {
            problems.Add(CsvSep.EmptyFile(source));
            return (new CsvTable(source, Array.Empty<string>(), Array.Empty<CsvRecord>()), problems);
        }

        int openQuoteLine = CsvSep.EndsInsideQuotes(reader.Current.Span) ? 1 : 0;
        string[] header = CsvSep.Fields(reader.Current);
        var records = new List<CsvRecord>();
        while (reader.MoveNext())
        {
            var row = reader.Current;
            int line = row.LineNumberFrom;
            if (CsvSep.EndsInsideQuotes(row.Span))
            {
                openQuoteLine = line;
            }

            if (CsvSep.IsBlank(row))
            {
                continue;
            }

            if (row.ColCount != header.Length)
            {
                problems.Add(CsvSep.Ragged(source, line, row.RowIndex, header.Length, row.ColCount));
                continue;
            }

            records.Add(new CsvRecord(line, row.RowIndex, CsvSep.Fields(row)));
        }

        if (openQuoteLine > 0)
        {
            problems.Insert(0, CsvSep.Unterminated(source, openQuoteLine));
        }

        return (new CsvTable(source, new ReadOnlyCollection<string>(header), records.AsReadOnly()), problems);
    }
}

/// <summary>One data record of a <see cref="CsvTable"/>.</summary>
/// <param name="Line">1-based line number in the file where the record starts (the header is line 1).</param>
/// <param name="Row">1-based data row number (the header not counted).</param>
/// <param name="Fields">The field values.</param>
public sealed record CsvRecord(int Line, int Row, IReadOnlyList<string> Fields);
