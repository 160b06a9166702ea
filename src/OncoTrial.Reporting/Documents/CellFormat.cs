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

    /// <summary>
    /// A count and its denominator (values n, N): "n (p)" with p = 100 n / N computed in decimal arithmetic and rounded
    /// half away from zero to <see cref="CellFormat.Decimals"/> (SAS ROUND); "0" alone when n is 0 (the paper's Table 3);
    /// n alone when N is 0 or missing.
    /// </summary>
    CountPercent,

    /// <summary>
    /// A count with its rate and interval (values n, N, proportion, lower, upper): "n (p; lower-upper)", the rate and its
    /// limits × <see cref="CellFormat.Scale"/> rounded half away from zero to <see cref="CellFormat.Decimals"/>; "n (NE)"
    /// when the rate is missing. The paper's Table 2 "36 (72.0; 57.5-83.8)".
    /// </summary>
    CountPercentInterval,

    /// <summary>As <see cref="CountPercentInterval"/> with the denominator shown: "n/N (p; lower-upper)", for a rate over a subset (evaluable subjects, a PD-L1 level).</summary>
    FractionPercentInterval,
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
    /// <summary>
    /// When set, every number is rounded in decimal arithmetic half away from zero (SAS ROUND; the results' own rule) to
    /// this many decimals and shown with exactly that many (0 to 10); <see cref="Pattern"/> is then unused. When null,
    /// numbers are shown with <see cref="Pattern"/> (.NET rounds the double's exact binary value half away from zero, so
    /// 0.15 shows as 0.1).
    /// </summary>
    public int? Decimals { get; init; }

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

    /// <summary>A number rounded half away from zero to <paramref name="decimals"/> (decimal arithmetic).</summary>
    /// <param name="decimals">0 to 10.</param>
    public static CellFormat Fixed(int decimals) => new(CellFormatKind.Number) { Decimals = CheckDecimals(decimals) };

    /// <summary>"est (lower-upper)" rounded half away from zero to <paramref name="decimals"/> after <paramref name="scale"/>.</summary>
    /// <param name="decimals">0 to 10.</param>
    /// <param name="scale">Multiplier (100 for a proportion shown as a percentage).</param>
    public static CellFormat Interval(int decimals, double scale = 1) => new(CellFormatKind.EstimateWithInterval, null, scale) { Decimals = CheckDecimals(decimals) };

    /// <summary>"n (p)" with the percentage rounded half away from zero to <paramref name="decimals"/> (values n, N).</summary>
    /// <param name="decimals">0 to 10.</param>
    public static CellFormat CountPercent(int decimals) => new(CellFormatKind.CountPercent) { Decimals = CheckDecimals(decimals) };

    /// <summary>"n (p; lower-upper)" (values n, N, proportion, lower, upper; shown × 100, rounded to <paramref name="decimals"/>).</summary>
    /// <param name="decimals">0 to 10.</param>
    public static CellFormat CountPercentInterval(int decimals) => new(CellFormatKind.CountPercentInterval, null, 100) { Decimals = CheckDecimals(decimals) };

    /// <summary>"n/N (p; lower-upper)" (values n, N, proportion, lower, upper; shown × 100, rounded to <paramref name="decimals"/>).</summary>
    /// <param name="decimals">0 to 10.</param>
    public static CellFormat FractionPercentInterval(int decimals) => new(CellFormatKind.FractionPercentInterval, null, 100) { Decimals = CheckDecimals(decimals) };

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
            CellFormatKind.CountPercent => CountWithPercent(values),
            CellFormatKind.CountPercentInterval => CountWithRate(values, false),
            CellFormatKind.FractionPercentInterval => CountWithRate(values, true),
            _ => throw new InvalidOperationException($"Unknown cell format kind {Kind}."),
        };
    }

    /// <summary>The display text of one number under this format.</summary>
    public string Render(double? value) => Render([value], null);

    private string Format(double? value) =>
        value is { } v && double.IsFinite(v) ? Fixed(v * Scale) : Missing;

    private string Fixed(double value)
    {
        if (Decimals is not { } d)
        {
            return value.ToString(Pattern, CultureInfo.InvariantCulture);
        }

        // decimal holds 28 digits; beyond ±1e15 a cell shows no fraction worth rounding, so the double is shown as is.
        if (Math.Abs(value) >= 1e15)
        {
            return value.ToString("F" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return RoundedText((decimal)value, d);
    }

    private static string RoundedText(decimal value, int decimals)
    {
        decimal rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // no "-0.0"
        }

        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string Count(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0", CultureInfo.InvariantCulture) : "NE";

    private string CountWithPercent(IReadOnlyList<double?> values)
    {
        double? n = values.Count > 0 ? values[0] : null;
        double? denominator = values.Count > 1 ? values[1] : null;
        if (n is not { } count || !double.IsFinite(count))
        {
            return Missing;
        }

        if (count == 0 || denominator is not { } total || !(total > 0) || !double.IsFinite(total))
        {
            return Count(count);
        }

        string percent = Decimals is { } d
            ? RoundedText(100m * (decimal)count / (decimal)total, d)
            : (100 * count / total).ToString(Pattern, CultureInfo.InvariantCulture);
        return Count(count) + " (" + percent + ")";
    }

    private string CountWithRate(IReadOnlyList<double?> values, bool showDenominator)
    {
        double? At(int i) => i < values.Count ? values[i] : null;
        string head = showDenominator ? Count(At(0)) + "/" + Count(At(1)) : Count(At(0));
        if (At(2) is not { } rate || !double.IsFinite(rate))
        {
            return head + " (" + Missing + ")";
        }

        return head + " (" + Format(rate) + "; " + Format(At(3)) + "-" + Format(At(4)) + ")";
    }

    private static int CheckDecimals(int decimals) =>
        decimals is >= 0 and <= 10 ? decimals : throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Expected 0 to 10 decimals.");

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
