using System.Text;

namespace OncoTrial.Reporting;

/// <summary>
/// Renders a <see cref="Document"/> as plain text: one line per paragraph line, tables with aligned columns
/// (labels left, numbers right, two spaces between columns), spanning headers over their columns, group labels as
/// rows of their own with their rows indented, footnotes under the table; a picture as a line naming it, page breaks
/// ignored. LF line ends; no trailing blanks.
/// </summary>
public static class TextRenderer
{
    private const int Gap = 2;

    /// <summary>The document as text, ending with a line end.</summary>
    public static string Render(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    Line(sb, h.Text);
                    break;
                case Paragraph p:
                    foreach (string line in p.Text.Split('\n'))
                    {
                        Line(sb, Indent(p.Indent) + line);
                    }

                    break;
                case BlankLine:
                    sb.Append('\n');
                    break;
                case TableBlock t:
                    RenderTable(sb, t.Table, t.Indent);
                    break;
                case ImageBlock image:
                    Line(sb, "[Figure: " + image.Description + "]");
                    break;
                case PageBreak:
                    break;
                default:
                    throw new InvalidOperationException($"Unknown block {block.GetType().Name}.");
            }
        }

        return sb.ToString();
    }

    /// <summary>One table as text.</summary>
    public static string Render(ReportTable table)
    {
        var sb = new StringBuilder();
        RenderTable(sb, table, 0);
        return sb.ToString();
    }

    private static void RenderTable(StringBuilder sb, ReportTable table, int indent)
    {
        ArgumentNullException.ThrowIfNull(table);
        string prefix = Indent(indent);
        if (table.Title is not null)
        {
            Line(sb, prefix + table.Title);
        }

        var leaves = table.Leaves;
        var visible = Enumerable.Range(0, leaves.Count).Where(i => !leaves[i].IsHiddenInText).ToArray();
        var widths = new int[leaves.Count];
        foreach (int i in visible)
        {
            widths[i] = table.ShowHeader ? leaves[i].Label.Length : 0;
        }

        foreach (var group in table.Groups)
        {
            bool labelled = group.ShowLabel && group.Label is not null;
            if (labelled && visible.Length > 0)
            {
                widths[visible[0]] = Math.Max(widths[visible[0]], group.Label!.Length);
            }

            foreach (var row in group.Rows)
            {
                CheckCells(table, row);
                for (int k = 0; k < visible.Length; k++)
                {
                    int i = visible[k];
                    int extra = k == 0 ? Indent(row.Indent + (labelled ? 1 : 0)).Length : 0;
                    widths[i] = Math.Max(widths[i], extra + row.Cells[i].Display.Length);
                }
            }
        }

        if (table.ShowHeader)
        {
            WidenForSpans(table.Columns, leaves, widths);
            int depth = table.Columns.Count == 0 ? 0 : table.Columns.Max(c => c.Depth);
            var chains = Chains(table.Columns);
            for (int level = 0; level < depth - 1; level++)
            {
                var line = new StringBuilder(prefix);
                for (int k = 0; k < visible.Length;)
                {
                    var owner = chains[visible[k]].Count > level + 1 ? chains[visible[k]][level] : null;
                    int width = widths[visible[k]];
                    int next = k + 1;
                    while (owner is not null && next < visible.Length && chains[visible[next]].Count > level + 1 && ReferenceEquals(chains[visible[next]][level], owner))
                    {
                        width += Gap + widths[visible[next]];
                        next++;
                    }

                    Append(line, owner?.Label ?? string.Empty, width, ColumnAlignment.Left, k == 0);
                    k = next;
                }

                Line(sb, line.ToString());
            }

            var header = new StringBuilder(prefix);
            for (int k = 0; k < visible.Length; k++)
            {
                int i = visible[k];
                Append(header, leaves[i].Label, widths[i], k == 0 ? ColumnAlignment.Left : leaves[i].Alignment, k == 0);
            }

            Line(sb, header.ToString());
        }

        foreach (var group in table.Groups)
        {
            bool labelled = group.ShowLabel && group.Label is not null;
            if (labelled)
            {
                Line(sb, prefix + group.Label);
            }

            foreach (var row in group.Rows)
            {
                var line = new StringBuilder(prefix);
                for (int k = 0; k < visible.Length; k++)
                {
                    int i = visible[k];
                    string text = row.Cells[i].Display;
                    if (k == 0)
                    {
                        text = Indent(row.Indent + (labelled ? 1 : 0)) + text;
                    }

                    Append(line, text, widths[i], k == 0 ? ColumnAlignment.Left : leaves[i].Alignment, k == 0);
                }

                Line(sb, line.ToString());
            }
        }

        foreach (string note in table.Footnotes)
        {
            Line(sb, prefix + note);
        }
    }

    private static void CheckCells(ReportTable table, TableRow row)
    {
        if (row.Cells.Count != table.Leaves.Count)
        {
            throw new InvalidOperationException($"A row of table \"{table.Title}\" has {row.Cells.Count} cells for {table.Leaves.Count} columns.");
        }
    }

    /// <summary>Widens the last visible leaf under each spanning header so that the header fits over its columns.</summary>
    private static void WidenForSpans(IReadOnlyList<ColumnHeader> nodes, IReadOnlyList<ColumnHeader> leaves, int[] widths)
    {
        foreach (var node in nodes.Where(n => n.Children.Count > 0))
        {
            WidenForSpans(node.Children, leaves, widths);
            var span = SpanIndices(node, leaves);
            if (span.Length == 0)
            {
                continue;
            }

            int width = span.Sum(i => widths[i]) + (Gap * (span.Length - 1));
            if (width < node.Label.Length)
            {
                widths[span[^1]] += node.Label.Length - width;
            }
        }
    }

    /// <summary>For each leaf, its ancestors from the top level down to the leaf itself.</summary>
    private static List<List<ColumnHeader>> Chains(IReadOnlyList<ColumnHeader> nodes)
    {
        var chains = new List<List<ColumnHeader>>();
        void Walk(ColumnHeader node, List<ColumnHeader> path)
        {
            var here = new List<ColumnHeader>(path) { node };
            if (node.Children.Count == 0)
            {
                chains.Add(here);
                return;
            }

            foreach (var child in node.Children)
            {
                Walk(child, here);
            }
        }

        foreach (var node in nodes)
        {
            Walk(node, []);
        }

        return chains;
    }

    private static int[] SpanIndices(ColumnHeader node, IReadOnlyList<ColumnHeader> leaves)
    {
        var mine = node.Leaves().ToHashSet(ReferenceEqualityComparer.Instance);
        return [.. Enumerable.Range(0, leaves.Count).Where(i => mine.Contains(leaves[i]) && !leaves[i].IsHiddenInText)];
    }

    private static void Append(StringBuilder line, string text, int width, ColumnAlignment alignment, bool first)
    {
        if (!first)
        {
            line.Append(' ', Gap);
        }

        line.Append(alignment == ColumnAlignment.Right ? text.PadLeft(width) : text.PadRight(width));
    }

    private static void Line(StringBuilder sb, string text) => sb.Append(text.TrimEnd()).Append('\n');

    private static string Indent(int level) => new(' ', 2 * Math.Max(0, level));
}
