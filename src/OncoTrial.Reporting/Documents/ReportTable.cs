namespace OncoTrial.Reporting;

/// <summary>How a column's cells line up in text.</summary>
public enum ColumnAlignment
{
    /// <summary>Left-aligned (labels, text).</summary>
    Left,

    /// <summary>Right-aligned (numbers).</summary>
    Right,

    /// <summary>Centred under the header, as clinical tables set "n (%)" columns (DOCX, RTF, HTML); text output aligns it left.</summary>
    Center,
}

/// <summary>
/// One node of a table's column-header tree. A leaf is a column of cells; a node with children is a spanning
/// header over them (for example "Adverse events" over "Any grade" and "Grade ≥3").
/// </summary>
/// <param name="Label">The header text.</param>
/// <param name="Key">A machine name for CSV and JSON (e.g. <c>ae_any</c>); the label when null.</param>
/// <param name="Children">Sub-columns; empty for a leaf.</param>
public sealed record ColumnHeader(string Label, string? Key = null, IReadOnlyList<ColumnHeader>? Children = null)
{
    /// <summary>The sub-columns (empty for a leaf).</summary>
    public IReadOnlyList<ColumnHeader> Children { get; init; } = Children ?? [];

    /// <summary>Alignment of the cells under a leaf.</summary>
    public ColumnAlignment Alignment { get; init; } = ColumnAlignment.Left;

    /// <summary>True for a column that text output leaves out (a denominator, a raw count) but CSV and JSON keep.</summary>
    public bool IsHiddenInText { get; init; }

    /// <summary>The leaves under this node, left to right (the node itself when it is a leaf).</summary>
    public IEnumerable<ColumnHeader> Leaves() => Children.Count == 0 ? [this] : Children.SelectMany(c => c.Leaves());

    /// <summary>Depth of the tree under this node (1 for a leaf).</summary>
    public int Depth => Children.Count == 0 ? 1 : 1 + Children.Max(c => c.Depth);

    /// <summary>A left-aligned leaf.</summary>
    public static ColumnHeader Text(string label, string? key = null) => new(label, key);

    /// <summary>A right-aligned leaf (numbers).</summary>
    public static ColumnHeader Number(string label, string? key = null) => new(label, key) { Alignment = ColumnAlignment.Right };
}

/// <summary>One row of cells, the first under the first column; <see cref="Indent"/> indents the first cell.</summary>
/// <param name="Cells">One cell per leaf column.</param>
/// <param name="Indent">Indent level of the first cell (two spaces each in text).</param>
public sealed record TableRow(IReadOnlyList<Cell> Cells, int Indent = 0)
{
    /// <summary>A stable key of the row (e.g. <c>sex/M</c>, <c>bor/CR</c>) by which a program finds it; CSV writes it in the <see cref="ReportTable.RowKey"/> column.</summary>
    public string? Key { get; init; }
}

/// <summary>Rows under a group label (a section of the table), such as "Frequent events (≥20%)".</summary>
/// <param name="Label">The group label; null for rows outside any labelled group.</param>
/// <param name="Rows">The rows.</param>
/// <param name="ShowLabel">Whether text output prints the label as a row of its own (and indents the rows under it).</param>
public sealed record RowGroup(string? Label, IReadOnlyList<TableRow> Rows, bool ShowLabel = true);

/// <summary>
/// A table: a title, a column-header tree, rows (in labelled groups) of cells that know their value, display format
/// and the subject ids behind them, and footnotes.
/// </summary>
/// <param name="Title">The title; null for none.</param>
/// <param name="Columns">The top level of the column-header tree; its leaves are the columns.</param>
/// <param name="Groups">The rows, in groups.</param>
/// <param name="Footnotes">Lines under the table: population, N, methods.</param>
public sealed record ReportTable(string? Title, IReadOnlyList<ColumnHeader> Columns, IReadOnlyList<RowGroup> Groups, IReadOnlyList<string> Footnotes)
{
    /// <summary>The CSV/JSON name of the group column when groups carry labels (e.g. <c>section</c>); null when the table has none.</summary>
    public string? GroupKey { get; init; }

    /// <summary>A stable id of the table in a report (e.g. <c>table-1-baseline</c>): the name of its CSV file and its anchor; null for none.</summary>
    public string? Id { get; init; }

    /// <summary>The CSV/JSON name of the row-key column (e.g. <c>row</c>) when rows carry <see cref="TableRow.Key"/>; null when the table has none.</summary>
    public string? RowKey { get; init; }

    /// <summary>Whether text output prints the header rows.</summary>
    public bool ShowHeader { get; init; } = true;

    /// <summary>The leaf columns, left to right.</summary>
    public IReadOnlyList<ColumnHeader> Leaves => [.. Columns.SelectMany(c => c.Leaves())];

    /// <summary>Every row, in order.</summary>
    public IEnumerable<TableRow> Rows => Groups.SelectMany(g => g.Rows);

    /// <summary>A table without groups.</summary>
    public static ReportTable Create(string? title, IReadOnlyList<ColumnHeader> columns, IEnumerable<TableRow> rows, params string[] footnotes) =>
        new(title, columns, [new RowGroup(null, [.. rows], ShowLabel: false)], footnotes);
}
