using OncoTrial.Reporting.Contracts;

namespace OncoTrial.Reporting.Views;

/// <summary>The tables of a <see cref="Document"/> as the <see cref="DocumentJson"/> contract.</summary>
public static class DocumentJsonView
{
    /// <summary>Every table of the document, cell by cell.</summary>
    public static DocumentJson ToJson(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentJson(document.Title, [.. document.Tables.Select(ToJson)]);
    }

    /// <summary>One table, cell by cell.</summary>
    public static TableJson ToJson(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<ColumnJson>();
        void Walk(ColumnHeader node, List<string> above)
        {
            if (node.Children.Count == 0)
            {
                columns.Add(new ColumnJson(node.Key ?? node.Label, node.Label, [.. above]));
                return;
            }

            foreach (var child in node.Children)
            {
                Walk(child, [.. above, node.Label]);
            }
        }

        foreach (var column in table.Columns)
        {
            Walk(column, []);
        }

        return new TableJson(
            table.Title,
            columns,
            [.. table.Groups.Select(g => new RowGroupJson(g.Label, [.. g.Rows.Select(r => new RowJson(r.Indent, [.. r.Cells.Select(c => new CellJson(c.Display, c.Values, c.Subjects))]))]))],
            table.Footnotes);
    }
}
