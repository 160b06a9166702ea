namespace OncoTrial.Reporting;

/// <summary>
/// One cell of a <see cref="ReportTable"/>: its value (numbers and/or text), how it is displayed, and the subjects
/// behind it (so a report can show who is counted in a cell). The display text is computed from the value by the
/// format, never stored apart from it.
/// </summary>
/// <param name="Values">The numbers the cell shows (an estimate, its limits; a count and its denominator); null entries are not estimable.</param>
/// <param name="Text">The text the cell shows, for text cells.</param>
/// <param name="Format">How the values become the display text.</param>
public sealed record Cell(IReadOnlyList<double?> Values, string? Text, CellFormat Format)
{
    /// <summary>The subjects counted in the cell (empty when not applicable).</summary>
    public IReadOnlyList<string> Subjects { get; init; } = [];

    /// <summary>The text displayed.</summary>
    public string Display => Format.Render(Values, Text);

    /// <summary>A text cell.</summary>
    public static Cell FromText(string? text) => new([], text ?? string.Empty, CellFormat.PlainText);

    /// <summary>A number cell displayed with <paramref name="format"/>.</summary>
    public static Cell FromNumber(double? value, CellFormat format) => new([value], null, format);

    /// <summary>A whole-number cell.</summary>
    public static Cell FromCount(long value) => new([value], null, CellFormat.WholeNumber);

    /// <summary>A cell of several numbers displayed together (e.g. estimate and interval).</summary>
    public static Cell FromNumbers(CellFormat format, params double?[] values) => new(values, null, format);

    /// <summary>A cell whose display text was produced by a convention of the result itself (e.g. "1 (33)"), with the numbers behind it.</summary>
    public static Cell Formatted(string display, params double?[] values) => new(values, display, CellFormat.PlainText);
}
