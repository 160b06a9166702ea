using System.Globalization;

namespace OncoTrial.Reporting;

/// <summary>What a <see cref="CellFormat"/> does with a cell's values.</summary>
public enum CellFormatKind
{
    /// <summary>The cell's text, as is.</summary>
    Text,

    /// <summary>The first value with <see cref="CellFormat.Pattern"/>; null, NaN or ±∞ show <see cref="CellFormat.Missing"/>.</summary>
    Number,

    /// <summary>As <see cref="Number"/>, but ±∞ show as <c>Inf</c> and <c>-Inf</c> (a hazard ratio of a separated model).</summary>
    NumberOrInfinity,

    /// <summary>The first value as a whole number.</summary>
    WholeNumber,

    /// <summary>A p-value: <c>&lt;0.0001</c> below 0.0001, else <see cref="CellFormat.Pattern"/>; NaN shows <see cref="CellFormat.Missing"/>.</summary>
    PValue,

    /// <summary>Estimate and interval, each multiplied by <see cref="CellFormat.Scale"/>: "est (lower-upper)"; a missing part is NE, all three missing is NE alone.</summary>
    EstimateWithInterval,

    /// <summary>Estimate and interval with a comma: "est (lower, upper)".</summary>
    EstimateWithIntervalComma,
}

/// <summary>
/// How a cell's values become its display text: the one place where OncoTrial formats numbers for people. Invariant
/// culture always; "NE" (not estimable) for a missing estimate unless stated.
/// </summary>
/// <param name="Kind">What to do.</param>
/// <param name="Pattern">A .NET custom numeric format (e.g. <c>0.0000</c>, <c>0.####</c>); unused for text and integers.</param>
/// <param name="Scale">Multiplier applied before formatting (100 for a percentage of a proportion).</param>
/// <param name="Missing">Shown for a missing value.</param>
public sealed record CellFormat(CellFormatKind Kind, string? Pattern = null, double Scale = 1, string Missing = "NE")
{
    /// <summary>Text as is.</summary>
    public static CellFormat PlainText { get; } = new(CellFormatKind.Text);

    /// <summary>A whole number.</summary>
    public static CellFormat WholeNumber { get; } = new(CellFormatKind.WholeNumber);

    /// <summary>A p-value with four decimals, <c>&lt;0.0001</c> below.</summary>
    public static CellFormat PValue { get; } = new(CellFormatKind.PValue, "0.0000");

    /// <summary>A number with the pattern.</summary>
    public static CellFormat Number(string pattern) => new(CellFormatKind.Number, pattern);

    /// <summary>A number with the pattern, showing ±∞ as Inf/-Inf.</summary>
    public static CellFormat NumberOrInfinity(string pattern) => new(CellFormatKind.NumberOrInfinity, pattern);

    /// <summary>A proportion shown as a percentage with the pattern.</summary>
    public static CellFormat Percent(string pattern) => new(CellFormatKind.Number, pattern, 100);

    /// <summary>"est (lower-upper)" with the pattern and scale.</summary>
    public static CellFormat EstimateWithInterval(string pattern, double scale = 1) => new(CellFormatKind.EstimateWithInterval, pattern, scale);

    /// <summary>"est (lower, upper)" with the pattern and scale.</summary>
    public static CellFormat EstimateWithIntervalComma(string pattern, double scale = 1) => new(CellFormatKind.EstimateWithIntervalComma, pattern, scale);

    /// <summary>The display text of the values (and text) under this format.</summary>
    public string Render(IReadOnlyList<double?> values, string? text)
    {
        ArgumentNullException.ThrowIfNull(values);
        double? First() => values.Count > 0 ? values[0] : null;
        return Kind switch
        {
            CellFormatKind.Text => text ?? string.Empty,
            CellFormatKind.Number => Format(First()),
            CellFormatKind.NumberOrInfinity => First() is { } v && double.IsInfinity(v) ? (v > 0 ? "Inf" : "-Inf") : Format(First()),
            CellFormatKind.WholeNumber => First() is { } n && double.IsFinite(n) ? n.ToString("0", CultureInfo.InvariantCulture) : Missing,
            CellFormatKind.PValue => First() is { } p && !double.IsNaN(p) ? (p < 0.0001 ? "<0.0001" : p.ToString(Pattern, CultureInfo.InvariantCulture)) : Missing,
            CellFormatKind.EstimateWithInterval => Interval(values, "-"),
            CellFormatKind.EstimateWithIntervalComma => Interval(values, ", "),
            _ => throw new InvalidOperationException($"Unknown cell format kind {Kind}."),
        };
    }

    /// <summary>The display text of one number under this format.</summary>
    public string Render(double? value) => Render([value], null);

    private string Format(double? value) =>
        value is { } v && double.IsFinite(v) ? (v * Scale).ToString(Pattern, CultureInfo.InvariantCulture) : Missing;

    private string Interval(IReadOnlyList<double?> values, string separator)
    {
        string At(int i) => Format(i < values.Count ? values[i] : null);
        return values.Take(3).All(v => v is null) ? Missing : $"{At(0)} ({At(1)}{separator}{At(2)})";
    }
}

/// <summary>Formats numbers inside prose with the same rules as cells (invariant culture, NE when missing).</summary>
public static class Formats
{
    /// <summary><paramref name="value"/> with <paramref name="pattern"/>, NE when missing or not finite.</summary>
    public static string Number(double? value, string pattern) => CellFormat.Number(pattern).Render(value);

    /// <summary>A whole number.</summary>
    public static string WholeNumber(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A p-value (<c>&lt;0.0001</c> below 0.0001, else 4 decimals).</summary>
    public static string PValue(double value) => CellFormat.PValue.Render(value);

    /// <summary>A date as ISO 8601 (YYYY-MM-DD); <paramref name="missing"/> when null.</summary>
    public static string Date(DateOnly? value, string missing = "") =>
        value is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : missing;

    /// <summary>An interpolated string in the invariant culture.</summary>
    public static string Invariant(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(CultureInfo.InvariantCulture);
    }
}
