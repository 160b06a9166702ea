using System.Text;

namespace OncoTrial.Reporting;

/// <summary>
/// Renders a <see cref="ReportTable"/> as CSV (RFC 4180, LF line ends, UTF-8 without BOM when written): a header of
/// the column keys (the group key first when the table has one, then the row key when it has one), then one record per
/// row with each cell's display text: one tidy file per table. Columns hidden in text are kept.
/// </summary>
public static class CsvRenderer
{
    /// <summary>The table as CSV text.</summary>
    public static string Render(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        var leaves = table.Leaves;
        var header = new List<string>();
        if (table.GroupKey is not null)
        {
            header.Add(table.GroupKey);
        }

        if (table.RowKey is not null)
        {
            header.Add(table.RowKey);
        }

        header.AddRange(leaves.Select(l => l.Key ?? l.Label));
        Record(sb, header);
        foreach (var group in table.Groups)
        {
            foreach (var row in group.Rows)
            {
                var fields = new List<string>();
                if (table.GroupKey is not null)
                {
                    fields.Add(group.Label ?? string.Empty);
                }

                if (table.RowKey is not null)
                {
                    fields.Add(row.Key ?? string.Empty);
                }

                fields.AddRange(row.Cells.Select(c => c.Display));
                Record(sb, fields);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// One CSV file per table of the document: its name (the table's <see cref="ReportTable.Id"/>, else
    /// <c>table-N</c> by position from 1, with <c>.csv</c>) and its text. The caller writes them.
    /// </summary>
    public static IReadOnlyList<(string FileName, string Text)> Files(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. document.Tables.Select((t, i) => ((t.Id ?? "table-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) + ".csv", Render(t)))];
    }

    /// <summary>One field quoted when it holds a comma, a quote, a line break or leading/trailing blanks.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Record(StringBuilder sb, IEnumerable<string> fields) => sb.AppendJoin(',', fields.Select(Field)).Append('\n');
}
