using System.Globalization;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.Reporting.Figures;

/// <summary>
/// Sizes and colours shared by the figures. Colours for groups are Okabe and Ito's palette (2008), which readers with
/// the common colour-vision deficiencies tell apart; response colours follow the usual order of oncology figures
/// (CR green, PR blue, SD orange, PD vermillion, NE grey) in the same palette. Immutable; thread-safe.
/// </summary>
public sealed record FigureTheme
{
    /// <summary>The default theme: 9-point text, 10-point titles, Okabe-Ito colours.</summary>
    public static FigureTheme Default { get; } = new();

    /// <summary>Tick labels, table cells, legends and notes, in points.</summary>
    public double FontSize { get; init; } = 9;

    /// <summary>Axis titles and headings, in points.</summary>
    public double TitleSize { get; init; } = 9.5;

    /// <summary>Width of data lines (curves), in points.</summary>
    public double LineWidth { get; init; } = 1.25;

    /// <summary>Colour of text.</summary>
    public Rgb Ink { get; init; } = Rgb.Black;

    /// <summary>Colour of axes, ticks and box outlines.</summary>
    public Rgb AxisColor { get; init; } = Rgb.FromHex("#333333");

    /// <summary>Colour of reference lines (−30%, +20%, HR = 1, medians).</summary>
    public Rgb ReferenceColor { get; init; } = Rgb.FromHex("#666666");

    /// <summary>Colours of groups (arms, curves), in order; the list repeats past its end.</summary>
    public IReadOnlyList<Rgb> GroupColors { get; init; } =
        [Rgb.FromHex("#0072B2"), Rgb.FromHex("#D55E00"), Rgb.FromHex("#009E73"), Rgb.FromHex("#CC79A7"), Rgb.FromHex("#E69F00"), Rgb.FromHex("#56B4E9"), Rgb.Black];

    /// <summary>Colour of a best overall response; null (missing) is grey like NE.</summary>
    public IReadOnlyDictionary<OverallResponse, Rgb> ResponseColors { get; init; } = new Dictionary<OverallResponse, Rgb>
    {
        [OverallResponse.CompleteResponse] = Rgb.FromHex("#009E73"),
        [OverallResponse.PartialResponse] = Rgb.FromHex("#0072B2"),
        [OverallResponse.StableDisease] = Rgb.FromHex("#E69F00"),
        [OverallResponse.NonCRNonPD] = Rgb.FromHex("#CC79A7"),
        [OverallResponse.ProgressiveDisease] = Rgb.FromHex("#D55E00"),
        [OverallResponse.NotEvaluable] = Rgb.FromHex("#999999"),
    };

    /// <summary>The colour of the group at <paramref name="index"/> (0-based).</summary>
    /// <param name="index">Group index, ≥ 0.</param>
    /// <returns>The colour.</returns>
    public Rgb GroupColor(int index) => GroupColors[index % GroupColors.Count];

    /// <summary>The colour of a best overall response (grey for null or an unlisted one).</summary>
    /// <param name="response">The response, or null when missing.</param>
    /// <returns>The colour.</returns>
    public Rgb ResponseColor(OverallResponse? response) =>
        response is { } r && ResponseColors.TryGetValue(r, out var color) ? color : Rgb.FromHex("#999999");

    /// <summary>The label of a best overall response in figures (RECIST abbreviations: CR, PR, SD, NON-CR/NON-PD, PD, NE; "Missing").</summary>
    /// <param name="response">The response, or null when missing.</param>
    /// <returns>The label.</returns>
    public static string ResponseLabel(OverallResponse? response) => response switch
    {
        OverallResponse.CompleteResponse => "CR",
        OverallResponse.PartialResponse => "PR",
        OverallResponse.StableDisease => "SD",
        OverallResponse.NonCRNonPD => "NON-CR/NON-PD",
        OverallResponse.ProgressiveDisease => "PD",
        OverallResponse.NotEvaluable => "NE",
        null => "Missing",
        _ => response.Value.ToString(),
    };

    internal TextStyle Text => new(FontSize, FontWeight.Regular, Ink);

    internal TextStyle Bold => new(FontSize, FontWeight.Bold, Ink);

    internal TextStyle Title => new(TitleSize, FontWeight.Regular, Ink);

    internal TextStyle TitleBold => new(TitleSize, FontWeight.Bold, Ink);

    internal Stroke Axis => new(AxisColor, 0.75);

    internal Stroke Reference => new(ReferenceColor, 0.75, LineDash.Dashed);
}

/// <summary>Number formatting and layout pieces the figure builders share.</summary>
internal static class FigureKit
{
    public const double TickLength = 4;
    public const double Margin = 8;

    /// <summary>Fixed decimals, half away from zero (never banker's rounding); "NE" for null.</summary>
    public static string Fixed(double? value, int decimals) =>
        value is { } v && double.IsFinite(v)
            ? Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : "NE";

    /// <summary>"est (lower–upper)" with an en dash; NE for a missing part.</summary>
    public static string WithInterval(double? estimate, double? lower, double? upper, int decimals) =>
        $"{Fixed(estimate, decimals)} ({Fixed(lower, decimals)}\u2013{Fixed(upper, decimals)})";

    /// <summary>A p-value: "&lt;0.001" below 0.001, else three decimals; "NE" for null.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "NE",
        < 0.001 => "<0.001",
        _ => Fixed(p, 3),
    };

    /// <summary>A tick label: at most three decimals, no trailing zeros, a true minus sign (U+2212) for negatives.</summary>
    public static string Tick(double value) =>
        (Math.Round(value, 3, MidpointRounding.AwayFromZero) is var r && r == 0 ? 0 : r).ToString("0.###", CultureInfo.InvariantCulture)
            .Replace('-', '\u2212');

    /// <summary>The room a bottom axis takes below its panel: tick, gap, label, and the title when there is one.</summary>
    public static double BottomAxisHeight(FigureTheme theme, bool hasTitle) =>
        TickLength + Axis.LabelGap + TextMeasure.CapHeight(theme.FontSize) + TextMeasure.Descent(theme.FontSize)
        + (hasTitle ? 5 + (theme.TitleSize * 1.15) : 0);

    /// <summary>A bottom axis whose title sits under the tick labels.</summary>
    public static Axis BottomAxis(Panel panel, IReadOnlyList<AxisTick> ticks, string title, FigureTheme theme) =>
        new(panel, AxisSide.Bottom, ticks, title, TickLength + Axis.LabelGap + TextMeasure.CapHeight(theme.FontSize) + TextMeasure.Descent(theme.FontSize) + 5,
            theme.Text, theme.Title, theme.Axis, TickLength);

    /// <summary>The room a left axis takes: tick, gap, widest label, and the (rotated) title.</summary>
    public static double LeftAxisWidth(IReadOnlyList<AxisTick> ticks, bool hasTitle, FigureTheme theme) =>
        TickLength + Axis.LabelGap + WidestLabel(ticks, theme) + (hasTitle ? 6 + TextMeasure.CapHeight(theme.TitleSize) + TextMeasure.Descent(theme.TitleSize) : 0);

    /// <summary>A left axis whose rotated title sits beyond the widest tick label.</summary>
    public static Axis LeftAxis(Panel panel, IReadOnlyList<AxisTick> ticks, string title, FigureTheme theme) =>
        new(panel, AxisSide.Left, ticks, title, TickLength + Axis.LabelGap + WidestLabel(ticks, theme) + 6, theme.Text, theme.Title, theme.Axis, TickLength);

    public static IReadOnlyList<AxisTick> TicksOf(IEnumerable<double> values, Func<double, string> label) =>
        values.Select(v => new AxisTick(v, label(v))).ToList();

    public static double WidestLabel(IEnumerable<AxisTick> ticks, FigureTheme theme) =>
        ticks.Select(t => theme.Text.Measure(t.Label)).DefaultIfEmpty(0).Max();

    /// <summary>Text wrapped to a width as a <see cref="TextElement"/> hanging from y; returns the element and its height.</summary>
    public static (TextElement Element, double Height) Paragraph(double x, double y, string text, double width, TextStyle style)
    {
        var lines = TextMeasure.Wrap(text, width, style.Size, style.Weight);
        var element = new TextElement(x, y, lines, style, TextAnchor.Start, TextBaseline.Top);
        return (element, ((lines.Count - 1) * element.EffectiveLineHeight) + TextMeasure.CapHeight(style.Size) + TextMeasure.Descent(style.Size));
    }
}
