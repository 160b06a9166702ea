using System.Globalization;
using System.Text;

namespace OncoTrial.Clinical.Tests.Data;

/// <summary>
/// The character-by-character RFC 4180 tokenizer that <c>CsvTable</c> used before it moved to Sep, kept as the oracle
/// for the differential tests: on well-formed CSV (quotes only around whole fields, LF or CRLF line ends) both must
/// give the same columns, records (line, data row, fields) and problem messages.
/// </summary>
internal static class ReferenceCsv
{
    public static (string[] Columns, List<(int Line, int Row, string[] Fields)> Records, List<string> Problems) Parse(string text, string source)
    {
        var problems = new List<string>();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var raw = Tokenize(text, source, problems);
        var records = new List<(int, int, string[])>();
        if (raw.Count == 0)
        {
            problems.Add($"{source}: expected a header line with column names, found an empty file. Add a header such as \"time,status\".");
            return ([], records, problems);
        }

        var header = raw[0].Fields;
        for (int r = 1; r < raw.Count; r++)
        {
            var (line, fields) = raw[r];
            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Length != header.Length)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{source}, line {line} (data row {r}): expected {header.Length} fields as in the header, found {fields.Length}. Quote fields that contain commas."));
                continue;
            }

            records.Add((line, r, fields));
        }

        return (header, records, problems);
    }

    private static List<(int Line, string[] Fields)> Tokenize(string text, string source, List<string> problems)
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
                    line += c == '\n' ? 1 : 0;
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
            problems.Insert(0, string.Create(CultureInfo.InvariantCulture, $"{source}, line {recordLine}: expected a closing quote, found the end of the file. Close the quoted field."));
        }

        if (any || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields.ToArray()));
        }

        return records;
    }

    /// <summary>
    /// Random well-formed CSV: a header of <paramref name="columns"/> names, then records whose fields are plain
    /// (letters, digits, spaces, a few quotes or decimals) or quoted (commas, doubled quotes, LF and CRLF inside), with
    /// LF or CRLF line ends, some blank lines, some ragged records, and perhaps no final line end or an unterminated
    /// quote at the end.
    /// </summary>
    public static string Random(Random rng, int columns, int records, Func<Random, string>? plain = null)
    {
        plain ??= r => new string(Enumerable.Range(0, r.Next(0, 6)).Select(_ => "ab1 9x.-"[r.Next(8)]).ToArray());
        var sb = new StringBuilder();
        string eol = rng.Next(2) == 0 ? "\n" : "\r\n";
        void Field(bool header)
        {
            if (rng.Next(4) == 0)
            {
                sb.Append('"');
                int n = rng.Next(0, 8);
                for (int k = 0; k < n; k++)
                {
                    sb.Append(rng.Next(7) switch { 0 => ",", 1 => "\"\"", 2 => "\n", 3 => "\r\n", 4 => " ", 5 => "1", _ => "q" });
                }

                sb.Append('"');
            }
            else
            {
                sb.Append(header ? "c" + rng.Next(100).ToString(CultureInfo.InvariantCulture) : plain(rng));
            }
        }

        for (int c = 0; c < columns; c++)
        {
            sb.Append(c > 0 ? "," : string.Empty);
            Field(header: true);
        }

        for (int r = 0; r < records; r++)
        {
            sb.Append(eol);
            int roll = rng.Next(40);
            if (roll == 0)
            {
                continue; // blank line
            }

            int n = roll == 1 ? columns + 1 : roll == 2 ? Math.Max(1, columns - 1) : columns;
            for (int c = 0; c < n; c++)
            {
                sb.Append(c > 0 ? "," : string.Empty);
                Field(header: false);
            }
        }

        int end = rng.Next(6);
        if (end < 4)
        {
            sb.Append(eol);
        }
        else if (end == 5)
        {
            sb.Append(",\"open").Append(eol).Append("1,2");
        }

        return sb.ToString();
    }
}
