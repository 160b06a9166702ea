using System.Globalization;
using System.Text;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// CSV ↔ <see cref="Dataset"/>. CSV carries names and values only: on read, a column whose every non-empty value
/// is an invariant-culture number becomes numeric (<see cref="DatasetValueType.Double"/>), any other column is
/// text; empty fields are missing. A value with a leading zero before another digit ("01", "007") keeps its column as
/// text: it is a code (site, subject), and as a number it would be written back as "1". On write, values are formatted by <see cref="DatasetColumn.Format"/> (dates as
/// ISO 8601) and quoted per RFC 4180 where needed. Labels, lengths and display formats are not carried.
/// </summary>
public static class CsvDataset
{
    /// <summary>Reads a CSV file; the dataset is named after the file (upper case, no extension).</summary>
    /// <exception cref="DatasetFormatException">The file has ragged rows, an unterminated quote, no header or a column name twice.</exception>
    public static Dataset Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (table, problems) = CsvTable.ReadFile(path);
        if (problems.Count > 0)
        {
            throw new DatasetFormatException(problems);
        }

        CheckDistinctColumns(table, path);
        return FromTable(table, Path.GetFileNameWithoutExtension(path).ToUpperInvariant());
    }

    /// <summary>Reads CSV from a stream; the dataset is named after <paramref name="fileName"/> (upper case, no extension).</summary>
    /// <exception cref="DatasetFormatException">The content has ragged rows, an unterminated quote, no header or a column name twice.</exception>
    public static Dataset Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var (table, problems) = CsvTable.Read(stream, fileName);
        if (problems.Count > 0)
        {
            throw new DatasetFormatException(problems);
        }

        return FromTable(table, Path.GetFileNameWithoutExtension(fileName).ToUpperInvariant());
    }

    /// <summary>Builds a dataset from a parsed table, inferring numeric columns.</summary>
    /// <exception cref="DatasetFormatException">The header names a column twice.</exception>
    public static Dataset FromTable(CsvTable table, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckDistinctColumns(table, name);
        int n = table.Records.Count;
        var columns = new List<DatasetColumn>(table.Columns.Count);
        for (int c = 0; c < table.Columns.Count; c++)
        {
            var numbers = new double[n];
            bool numeric = true;
            for (int r = 0; r < n && numeric; r++)
            {
                string raw = table.Records[r].Fields[c].Trim();
                if (raw.Length == 0)
                {
                    numbers[r] = double.NaN;
                }
                else if (HasLeadingZero(raw) || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[r]) || !double.IsFinite(numbers[r]))
                {
                    numeric = false;
                }
            }

            string columnName = table.Columns[c];
            if (numeric && n > 0)
            {
                columns.Add(DatasetColumn.Numeric(columnName, string.Empty, DatasetValueType.Double, numbers));
            }
            else
            {
                var strings = new string?[n];
                for (int r = 0; r < n; r++)
                {
                    string raw = table.Records[r].Fields[c];
                    strings[r] = raw.Length == 0 ? null : raw;
                }

                columns.Add(DatasetColumn.Character(columnName, string.Empty, strings));
            }
        }

        return new Dataset(name, string.Empty, columns);
    }

    private static void CheckDistinctColumns(CsvTable table, string source)
    {
        var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int c = 0; c < table.Columns.Count; c++)
        {
            if (!first.TryAdd(table.Columns[c], c))
            {
                throw new DatasetFormatException(new Problem(
                    source,
                    1,
                    null,
                    (c + 1).ToString(CultureInfo.InvariantCulture),
                    "COLUMN_DUPLICATE",
                    "distinct column names (case-insensitive, as in SAS)",
                    string.Create(CultureInfo.InvariantCulture, $"{table.Columns[c]} again (first in column {first[table.Columns[c]] + 1})"),
                    "Remove or rename the second column."));
            }
        }
    }

    /// <summary>True for "01", "-007": a zero followed by another digit at the start of the number.</summary>
    private static bool HasLeadingZero(string raw)
    {
        int i = raw.Length > 0 && (raw[0] == '-' || raw[0] == '+') ? 1 : 0;
        return raw.Length > i + 1 && raw[i] == '0' && char.IsAsciiDigit(raw[i + 1]);
    }

    /// <summary>Writes the dataset as CSV (UTF-8 without BOM, LF line ends).</summary>
    public static void Write(Dataset dataset, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(dataset, writer);
    }

    /// <summary>Writes the dataset as CSV to a text writer.</summary>
    public static void Write(Dataset dataset, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(writer);
        var line = new StringBuilder();
        for (int c = 0; c < dataset.Columns.Count; c++)
        {
            AppendField(line, c, dataset.Columns[c].Name);
        }

        writer.Write(line.Append('\n'));
        for (int r = 0; r < dataset.RowCount; r++)
        {
            line.Clear();
            for (int c = 0; c < dataset.Columns.Count; c++)
            {
                AppendField(line, c, dataset.Columns[c].Format(r));
            }

            writer.Write(line.Append('\n'));
        }
    }

    private static void AppendField(StringBuilder line, int index, string value)
    {
        if (index > 0)
        {
            line.Append(',');
        }

        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        if (!quote)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
