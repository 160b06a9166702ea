namespace OncoTrial.Reporting;

/// <summary>One cell of a header row of a paged table: a label over <see cref="Span"/> visible columns from <see cref="First"/>.</summary>
/// <param name="Label">The header text.</param>
/// <param name="First">The first visible column it covers (0-based).</param>
/// <param name="Span">How many visible columns it covers (≥ 1).</param>
/// <param name="IsLeaf">Whether it heads one column of cells (else it spans sub-columns and gets a rule under it).</param>
/// <param name="Alignment">The alignment of a leaf's cells (a spanning label is centred).</param>
internal sealed record HeaderSlot(string Label, int First, int Span, bool IsLeaf, ColumnAlignment Alignment);

/// <summary>One body row of a paged table: a group label, or a row of cells (visible columns only).</summary>
/// <param name="Cells">The display text of each visible column (a group label row: the label, then empty texts; renderers set it as one cell across the row).</param>
/// <param name="Indent">Indent level of the first cell.</param>
/// <param name="IsGroupLabel">Whether the row is a group's label.</param>
/// <param name="KeepWithNext">Whether a page break should not fall after this row (a label and its rows, a short group, stay together; the last row stays with the footnotes).</param>
internal sealed record BodyRow(IReadOnlyList<string> Cells, int Indent, bool IsGroupLabel, bool KeepWithNext);

/// <summary>
/// A <see cref="ReportTable"/> laid out for paged renderers (DOCX, RTF): the columns shown (those not hidden in text),
/// the header rows of the column tree with each label bottom-aligned over its columns (a leaf in the last header row, a
/// spanning label directly above its sub-columns), the body rows with group labels, and the column widths.
/// </summary>
internal sealed class PagedTableLayout
{
    /// <summary>A group of at most this many rows is kept on one page with its label.</summary>
    public const int KeepTogetherRows = 12;

    /// <summary>A table is at least this share of the text width, so a table of two columns does not look lost.</summary>
    public const double MinimumShare = 0.6;

    private PagedTableLayout(ReportTable table, IReadOnlyList<ColumnHeader> leaves, IReadOnlyList<IReadOnlyList<HeaderSlot>> headerRows, IReadOnlyList<BodyRow> body)
    {
        Table = table;
        Leaves = leaves;
        HeaderRows = headerRows;
        Body = body;
    }

    /// <summary>The table.</summary>
    public ReportTable Table { get; }

    /// <summary>The visible leaf columns, left to right.</summary>
    public IReadOnlyList<ColumnHeader> Leaves { get; }

    /// <summary>The header rows, top to bottom; each holds the slots that have a label, left to right (gaps are empty cells). Empty when the table shows no header.</summary>
    public IReadOnlyList<IReadOnlyList<HeaderSlot>> HeaderRows { get; }

    /// <summary>The body rows in order.</summary>
    public IReadOnlyList<BodyRow> Body { get; }

    /// <summary>Lays out a table.</summary>
    /// <exception cref="InvalidOperationException">A row has a number of cells other than the number of leaf columns.</exception>
    public static PagedTableLayout Create(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var all = table.Leaves;
        var visible = Enumerable.Range(0, all.Count).Where(i => !all[i].IsHiddenInText).ToArray();
        var position = new Dictionary<ColumnHeader, int>(ReferenceEqualityComparer.Instance);
        for (int k = 0; k < visible.Length; k++)
        {
            position[all[visible[k]]] = k;
        }

        var headerRows = new List<IReadOnlyList<HeaderSlot>>();
        if (table.ShowHeader && table.Columns.Count > 0)
        {
            int depth = table.Columns.Max(c => c.Depth);
            var rows = Enumerable.Range(0, depth).Select(_ => new List<HeaderSlot>()).ToList();
            void Place(ColumnHeader node)
            {
                var covered = node.Leaves().Where(position.ContainsKey).Select(l => position[l]).Order().ToList();
                if (covered.Count == 0)
                {
                    return;
                }

                bool leaf = node.Children.Count == 0;
                rows[depth - node.Depth].Add(new HeaderSlot(node.Label, covered[0], covered[^1] - covered[0] + 1, leaf, leaf ? node.Alignment : ColumnAlignment.Center));
                foreach (var child in node.Children)
                {
                    Place(child);
                }
            }

            foreach (var column in table.Columns)
            {
                Place(column);
            }

            headerRows.AddRange(rows.Where(r => r.Any(s => s.Label.Length > 0)).Select(r => (IReadOnlyList<HeaderSlot>)[.. r.OrderBy(s => s.First)]));
        }

        var body = new List<BodyRow>();
        foreach (var group in table.Groups)
        {
            bool labelled = group.ShowLabel && group.Label is not null;
            bool together = group.Rows.Count <= KeepTogetherRows;
            if (labelled)
            {
                body.Add(new BodyRow([group.Label!, .. Enumerable.Repeat(string.Empty, Math.Max(0, visible.Length - 1))], 0, true, group.Rows.Count > 0));
            }

            for (int r = 0; r < group.Rows.Count; r++)
            {
                var row = group.Rows[r];
                if (row.Cells.Count != all.Count)
                {
                    throw new InvalidOperationException($"A row of table \"{table.Title}\" has {row.Cells.Count} cells for {all.Count} columns.");
                }

                bool last = r == group.Rows.Count - 1;
                body.Add(new BodyRow([.. visible.Select(i => row.Cells[i].Display)], row.Indent + (labelled ? 1 : 0), false, together && !last));
            }
        }

        if (body.Count > 0 && table.Footnotes.Count > 0)
        {
            body[^1] = body[^1] with { KeepWithNext = true }; // the footnotes never start a page on their own
        }

        return new PagedTableLayout(table, [.. visible.Select(i => all[i])], headerRows, body);
    }

    /// <summary>
    /// Column widths in twips: each column's natural width (its longest cell, its label up to 12 characters or its longest
    /// word, the first
    /// column's indents; the first column at most 48 characters, so long labels wrap there) widened where a spanning label
    /// needs room, at about 0.55 em a character plus the cell margins; the table is that wide, but at least
    /// <see cref="MinimumShare"/> of the text width and at most all of it (then the columns shrink in proportion and
    /// their text wraps).
    /// </summary>
    /// <param name="textWidthTwips">The text width of the page.</param>
    /// <param name="fontSizePoints">The size of the cell text.</param>
    /// <param name="cellMarginTwips">The left and right margin of each cell.</param>
    public int[] ColumnWidths(int textWidthTwips, double fontSizePoints, int cellMarginTwips)
    {
        int n = Leaves.Count;
        if (n == 0)
        {
            return [];
        }

        var chars = new double[n];
        for (int k = 0; k < n; k++)
        {
            chars[k] = Math.Max(Math.Min(Leaves[k].Label.Length, 12), Math.Max(4, LongestWord(Leaves[k].Label)));
        }

        foreach (var row in Body)
        {
            for (int k = 0; k < n; k++)
            {
                if (row.IsGroupLabel && k == 0)
                {
                    continue; // a group label row is one cell across the table: it never widens the first column
                }

                double length = row.Cells[k].Length + (k == 0 ? 2 * row.Indent : 0);
                chars[k] = Math.Max(chars[k], k == 0 ? Math.Min(length, 48) : length);
            }
        }

        foreach (var slot in HeaderRows.SelectMany(r => r).Where(s => s.Span > 1))
        {
            double need = Math.Min(slot.Label.Length, 36);
            double have = Enumerable.Range(slot.First, slot.Span).Sum(k => chars[k]) + (2 * (slot.Span - 1));
            if (have < need)
            {
                for (int k = slot.First; k < slot.First + slot.Span; k++)
                {
                    chars[k] += (need - have) / slot.Span;
                }
            }
        }

        double charTwips = 0.55 * fontSizePoints * 20;
        var natural = chars.Select(c => ((c + 1) * charTwips) + (2 * cellMarginTwips)).ToArray();
        double sum = natural.Sum();
        double target = Math.Clamp(sum, MinimumShare * textWidthTwips, textWidthTwips);
        var widths = new int[n];
        int used = 0;
        for (int k = 0; k < n - 1; k++)
        {
            widths[k] = (int)Math.Floor(target * natural[k] / sum);
            used += widths[k];
        }

        widths[n - 1] = (int)Math.Floor(target) - used;
        return widths;
    }

    private static int LongestWord(string text) => text.Length == 0 ? 0 : text.Split(' ').Max(w => w.Length);
}
