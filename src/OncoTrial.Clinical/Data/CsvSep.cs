using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// The one way OncoTrial reads CSV text: nietras Sep (comma, quotes unescaped in place, no header handling and no
/// column count check of its own) and the structural problems that <see cref="CsvTable"/> and the columnar
/// <see cref="TimeToEventData.Read(Stream, string, TimeToEventColumns)"/> both report, so the two agree to the letter.
/// </summary>
/// <remarks>
/// Line ends are CRLF, LF or a lone CR (Sep treats all three as one line end, inside quoted fields too, so a quoted
/// field's line breaks advance the line number). A field is unquoted only when it starts with a quote; a quote later
/// in an unquoted field is kept as it is. An unterminated quote runs to the end of the input, so it can only be in
/// the last record, which then has an odd number of quote characters.
/// </remarks>
internal static class CsvSep
{
    private static readonly SepReaderOptions Options = Sep.New(',').Reader(o => o with
    {
        HasHeader = false,
        Unescape = true,
        DisableColCountCheck = true,
        CultureInfo = CultureInfo.InvariantCulture,
    });

    /// <summary>UTF-8 without throwing: bytes that are not UTF-8 become U+FFFD.</summary>
    public static UTF8Encoding Utf8 { get; } = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>A UTF-8 text reader over the stream (no byte-order-mark detection; the stream is left open).</summary>
    public static StreamReader Decode(Stream stream) =>
        new(stream, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);

    /// <summary>A Sep reader over the text, after one leading byte-order mark (U+FEFF) if there is one.</summary>
    public static SepReader Open(TextReader text)
    {
        if (text.Peek() == '\uFEFF')
        {
            text.Read();
        }

        return Options.From(text, leaveOpen: true);
    }

    /// <summary>True when the raw row (read before any of its fields) ends inside a quoted field.</summary>
    public static bool EndsInsideQuotes(ReadOnlySpan<char> rawRow) => (rawRow.Count('"') & 1) != 0;

    /// <summary>A blank line: one field, empty after unescaping (so a line holding only <c>""</c> is blank too).</summary>
    public static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row[0].Span.Length == 0;

    /// <summary>The header's or a record's fields as strings.</summary>
    public static string[] Fields(SepReader.Row row)
    {
        var fields = new string[row.ColCount];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = row[i].ToString();
        }

        return fields;
    }

    /// <summary>"FILE: expected a header line with column names, found an empty file."</summary>
    public static Problem EmptyFile(string source) =>
        new(source, null, null, null, CsvTable.StructureCode, "a header line with column names", "an empty file", "Add a header such as \"time,status\".");

    /// <summary>"FILE, line L (data row R): expected N fields as in the header, found M."</summary>
    public static Problem Ragged(string source, int line, int row, int expected, int found) =>
        new(
            source,
            line,
            row,
            null,
            CsvTable.StructureCode,
            string.Create(CultureInfo.InvariantCulture, $"{expected} fields as in the header"),
            found.ToString(CultureInfo.InvariantCulture),
            "Quote fields that contain commas.");

    /// <summary>"FILE, line L: expected a closing quote, found the end of the file."</summary>
    public static Problem Unterminated(string source, int line) =>
        new(source, line, null, null, CsvTable.StructureCode, "a closing quote", "the end of the file", "Close the quoted field.");
}
