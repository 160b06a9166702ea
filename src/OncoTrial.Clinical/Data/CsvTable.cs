using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// A comma-separated table read whole into memory (RFC 4180: quoted fields, doubled quotes, CRLF or LF, an
/// optional UTF-8 byte-order mark). The first record is the header. Records whose field count differs from the
/// header's are reported as problems, never silently padded or cut.
/// </summary>
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
    /// problems (ragged records, unterminated quotes) are returned, not thrown.
    /// </summary>
    public static (CsvTable Table, IReadOnlyList<Problem> Problems) Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return Parse(reader.ReadToEnd(), source);
    }

    /// <summary>The column names of the header record only (quotes removed), without reading further; empty for an empty input.</summary>
    public static IReadOnlyList<string> ReadHeader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var sb = new StringBuilder();
        bool inQuotes = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '\n' && !inQuotes)
            {
                break;
            }

            sb.Append((char)c);
        }

        var (table, _) = Parse(sb.Append('\n').ToString(), string.Empty);
        return table.Columns;
    }

    /// <summary>Reads a file; problems (ragged records, unterminated quotes) are returned, not thrown.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static (CsvTable Table, IReadOnlyList<Problem> Problems) ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
        return Parse(text, path);
    }

    /// <summary>
    /// Parses CSV text; <paramref name="source"/> names it in the problems, which carry their line and data row
    /// (code <c>CSV_STRUCTURE</c>).
    /// </summary>
    public static (CsvTable Table, IReadOnlyList<Problem> Problems) Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<Problem>();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var rawRecords = Tokenize(text, source, problems);
        if (rawRecords.Count == 0)
        {
            problems.Add(new Problem(source, null, null, null, StructureCode, "a header line with column names", "an empty file", "Add a header such as \"time,status\"."));
            return (new CsvTable(source, Array.Empty<string>(), Array.Empty<CsvRecord>()), problems);
        }

        var header = rawRecords[0].Fields;
        var records = new List<CsvRecord>(rawRecords.Count - 1);
        for (int r = 1; r < rawRecords.Count; r++)
        {
            var (line, fields) = rawRecords[r];
            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (fields.Length != header.Length)
            {
                problems.Add(new Problem(
                    source,
                    line,
                    r,
                    null,
                    StructureCode,
                    string.Create(CultureInfo.InvariantCulture, $"{header.Length} fields as in the header"),
                    fields.Length.ToString(CultureInfo.InvariantCulture),
                    "Quote fields that contain commas."));
                continue;
            }

            records.Add(new CsvRecord(line, r, fields));
        }

        return (new CsvTable(source, new ReadOnlyCollection<string>(header), records.AsReadOnly()), problems);
    }

    private static List<(int Line, string[] Fields)> Tokenize(string text, string source, List<Problem> problems)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        bool inQuotes = false;
        bool any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, fields.ToArray()));
                    fields.Clear();
                    line++;
                    recordLine = line;
                    any = false;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            problems.Add(new Problem(source, recordLine, null, null, StructureCode, "a closing quote", "the end of the file", "Close the quoted field."));
        }

        if (any || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields.ToArray()));
        }

        return records;
    }
}

/// <summary>One data record of a <see cref="CsvTable"/>.</summary>
/// <param name="Line">1-based line number in the file where the record starts (the header is line 1).</param>
/// <param name="Row">1-based data row number (the header not counted).</param>
/// <param name="Fields">The field values.</param>
public sealed record CsvRecord(int Line, int Row, IReadOnlyList<string> Fields);
