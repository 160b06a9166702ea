using System.Text;

namespace OncoTrial.Reporting;

/// <summary>
/// Renders a <see cref="ReportTable"/> as CSV (RFC 4180, LF line ends, UTF-8 without BOM when written): a header of
/// the column keys (the group key first when the table has one), then one record per row with each cell's display
/// text. Columns hidden in text are kept.
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

                fields.AddRange(row.Cells.Select(c => c.Display));
                Record(sb, fields);
            }
        }

        return sb.ToString();
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
