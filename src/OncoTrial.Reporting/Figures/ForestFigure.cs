using System.Globalization;

namespace OncoTrial.Reporting.Figures;

/// <summary>What a row of a forest plot is.</summary>
public enum ForestRowKind
{
    /// <summary>A subgroup variable's heading (e.g. "Sex"), bold, no estimate.</summary>
    Heading,

    /// <summary>A subgroup level: an estimate drawn as a square with its interval.</summary>
    Subgroup,

    /// <summary>The whole population: an estimate drawn as a diamond.</summary>
    Overall,
}

/// <summary>One row of a forest plot's table.</summary>
/// <param name="Kind">Heading, subgroup or overall.</param>
/// <param name="Label">The row's label (e.g. "Male").</param>
/// <param name="N">Subjects in the subgroup, or null.</param>
/// <param name="Events">Events in the subgroup, or null.</param>
/// <param name="Estimate">The hazard ratio with its interval; null or null parts are NE (no mark).</param>
/// <param name="PValue">The subgroup's p-value (log-rank), or null.</param>
public sealed record ForestRow(ForestRowKind Kind, string Label, long? N, long? Events, IntervalEstimate? Estimate, double? PValue);

/// <summary>How a forest plot is drawn.</summary>
public sealed record ForestFigureOptions
{
    /// <summary>Width of the figure in points (648 = 9 inches, a landscape page).</summary>
    public double Width { get; init; } = 648;

    /// <summary>Height of a row in points.</summary>
    public double RowHeight { get; init; } = 15;

    /// <summary>The heading of the label column.</summary>
    public string LabelHeading { get; init; } = "Subgroup";

    /// <summary>The heading of the estimate column.</summary>
    public string EstimateHeading { get; init; } = "HR (95% CI)";

    /// <summary>The x axis title.</summary>
    public string AxisTitle { get; init; } = "Hazard ratio (log scale)";

    /// <summary>Text under the axis left of the reference value (e.g. "Favours B"), or null.</summary>
    public string? LeftLabel { get; init; }

    /// <summary>Text under the axis right of the reference value, or null.</summary>
    public string? RightLabel { get; init; }

    /// <summary>The reference value (1 for a hazard ratio).</summary>
    public double ReferenceValue { get; init; } = 1;

    /// <summary>The x domain; null: from the intervals, at least 0.25 to 4, at most 0.01 to 100.</summary>
    public (double Min, double Max)? Domain { get; init; }

    /// <summary>Sizes and colours.</summary>
    public FigureTheme Theme { get; init; } = FigureTheme.Default;
}

/// <summary>
/// A forest plot beside its table (issue 13): columns subgroup, n, events, then the interval panel on a log scale
/// with a line at 1, then HR (95% CI) and p. Every column is a panel with the rows' y scale, so a row's text and its
/// interval share one y. R: tern <c>g_forest</c>, survminer <c>ggforest</c>; SAS: SGPLOT HIGHLOW + SCATTER with
/// YAXISTABLE. Stateless and thread-safe.
/// </summary>
public static class ForestFigure
{
    /// <summary>Lays out the figure.</summary>
    /// <param name="id">The figure's id.</param>
    /// <param name="title">What it shows, for the SVG title.</param>
    /// <param name="rows">The rows, top to bottom.</param>
    /// <param name="options">Drawing options, or null for the defaults.</param>
    /// <returns>The figure.</returns>
    public static Figure Create(string id, string title, IReadOnlyList<ForestRow> rows, ForestFigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new ForestFigureOptions();
        var theme = options.Theme;
        double margin = FigureKit.Margin, gap = 12, indent = 10;
        var text = theme.Text;
        var bold = theme.Bold;
        string Count(long? v) => v?.ToString("N0", CultureInfo.InvariantCulture) ?? string.Empty;
        string Estimate(ForestRow r) => r.Kind == ForestRowKind.Heading ? string.Empty
            : r.Estimate is { Estimate: not null } e ? FigureKit.WithInterval(e.Estimate, e.Lower, e.Upper, 2) : "NE";
        string P(ForestRow r) => r.Kind == ForestRowKind.Heading || r.PValue is null ? string.Empty : FigureKit.PValue(r.PValue);
        TextStyle LabelStyle(ForestRow r) => r.Kind == ForestRowKind.Subgroup ? text : bold;

        // Column widths from the widest cell.
        double labelWidth = Math.Max(bold.Measure(options.LabelHeading), rows.Select(r => LabelStyle(r).Measure(r.Label) + (r.Kind == ForestRowKind.Subgroup ? indent : 0)).DefaultIfEmpty(0).Max());
        double nWidth = Math.Max(bold.Measure("n"), rows.Select(r => text.Measure(Count(r.N))).DefaultIfEmpty(0).Max());
        double eventsWidth = Math.Max(bold.Measure("Events"), rows.Select(r => text.Measure(Count(r.Events))).DefaultIfEmpty(0).Max());
        double estimateWidth = Math.Max(bold.Measure(options.EstimateHeading), rows.Select(r => text.Measure(Estimate(r))).DefaultIfEmpty(0).Max());
        double pWidth = Math.Max(bold.Measure("p"), rows.Select(r => text.Measure(P(r))).DefaultIfEmpty(0).Max());
        double labelX = margin;
        double nRight = labelX + labelWidth + gap + nWidth;
        double eventsRight = nRight + gap + eventsWidth;
        double panelX = eventsRight + gap + 4;
        double pRight = options.Width - margin;
        double estimateX = pRight - pWidth - gap - estimateWidth;
        double panelWidth = estimateX - gap - 4 - panelX;
        if (panelWidth < 100)
        {
            throw new ArgumentException($"Argument 'options' leaves {panelWidth.ToString("F0", CultureInfo.InvariantCulture)} points for the interval panel; widen the figure to at least {(options.Width + 100 - panelWidth).ToString("F0", CultureInfo.InvariantCulture)} points or shorten the labels.", nameof(options));
        }

        // The domain: every interval inside, on a 2-fold grid around 1.
        double lo = 0.25, hi = 4;
        foreach (var r in rows)
        {
            if (r.Estimate is { } e)
            {
                foreach (double v in new[] { e.Lower, e.Estimate, e.Upper }.OfType<double>().Where(v => v > 0 && double.IsFinite(v)))
                {
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }
            }
        }

        var (min, max) = options.Domain ?? (Math.Max(0.01, Math.Pow(2, Math.Floor(Math.Log2(lo)))), Math.Min(100, Math.Pow(2, Math.Ceiling(Math.Log2(hi)))));
        var xScale = new LogScale(min, max);
        var xTicks = FigureKit.TicksOf(Ticks.Log(min, max), FigureKit.Tick);

        var elements = new List<FigureElement>();
        double headerTop = margin;
        double headerHeight = options.RowHeight * 1.2;
        double bodyTop = headerTop + headerHeight + 2;
        var bodyHeight = Math.Max(rows.Count, 1) * options.RowHeight;
        var yScale = new LinearScale(Math.Max(rows.Count, 1) - 0.5, -0.5);
        var tableBounds = new FigureRect(margin, bodyTop, options.Width - (2 * margin), bodyHeight);
        var table = new List<Mark>();
        var tablePanel = new Panel(tableBounds, new LinearScale(tableBounds.X, tableBounds.Right), yScale, table, null);

        // Zebra stripes behind every other row, across the whole width.
        for (int i = 1; i < rows.Count; i += 2)
        {
            double top = tablePanel.MapY(i - 0.5);
            elements.Add(new RectElement(new FigureRect(tableBounds.X, top, tableBounds.Width, options.RowHeight), new Fill(Rgb.FromHex("#F2F2F2"))));
        }

        // Header and rules.
        double headerY = headerTop + (headerHeight / 2);
        elements.Add(new TextElement(labelX, headerY, [options.LabelHeading], bold, TextAnchor.Start, TextBaseline.Middle));
        elements.Add(new TextElement(nRight, headerY, ["n"], bold, TextAnchor.End, TextBaseline.Middle));
        elements.Add(new TextElement(eventsRight, headerY, ["Events"], bold, TextAnchor.End, TextBaseline.Middle));
        elements.Add(new TextElement(estimateX, headerY, [options.EstimateHeading], bold, TextAnchor.Start, TextBaseline.Middle));
        elements.Add(new TextElement(pRight, headerY, ["p"], bold, TextAnchor.End, TextBaseline.Middle));
        elements.Add(new PolylineElement([new(tableBounds.X, bodyTop - 1), new(tableBounds.Right, bodyTop - 1)], theme.Axis));
        elements.Add(new PolylineElement([new(tableBounds.X, tableBounds.Bottom + 1), new(tableBounds.Right, tableBounds.Bottom + 1)], theme.Axis));

        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double shift = r.Kind == ForestRowKind.Subgroup ? indent : 0;
            table.Add(new TextMark(new(labelX, i), r.Label, LabelStyle(r), TextAnchor.Start, TextBaseline.Middle, OffsetX: shift));
            table.Add(new TextMark(new(nRight, i), Count(r.N), text, TextAnchor.End));
            table.Add(new TextMark(new(eventsRight, i), Count(r.Events), text, TextAnchor.End));
            table.Add(new TextMark(new(estimateX, i), Estimate(r), text, TextAnchor.Start));
            table.Add(new TextMark(new(pRight, i), P(r), text, TextAnchor.End));
        }

        elements.Add(tablePanel);

        // The interval panel: same rows, log x.
        var marks = new List<Mark> { new RuleMark(RuleOrientation.Vertical, options.ReferenceValue, new Stroke(theme.AxisColor, 0.75)) };
        var panel = new Panel(new FigureRect(panelX, bodyTop, panelWidth, bodyHeight), xScale, yScale, marks, 1);
        var ink = new Stroke(theme.Ink, 1);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Kind == ForestRowKind.Heading || rows[i].Estimate is not { Estimate: { } est } e || !(est > 0))
            {
                continue;
            }

            if (e.Lower is { } l && e.Upper is { } u && l > 0 && u > 0)
            {
                double from = Math.Max(l, min), to = Math.Min(u, max);
                marks.Add(new SegmentMark(new(est, i), new(from, i), ink, l < min ? ArrowHead.End : ArrowHead.None, 5));
                marks.Add(new SegmentMark(new(est, i), new(to, i), ink, u > max ? ArrowHead.End : ArrowHead.None, 5));
            }

            if (est >= min && est <= max)
            {
                marks.Add(rows[i].Kind == ForestRowKind.Overall
                    ? new PointsMark([new(est, i)], MarkerShape.Diamond, options.RowHeight * 0.75, new Fill(theme.Ink), null)
                    : new PointsMark([new(est, i)], MarkerShape.Square, 6, new Fill(theme.GroupColor(0)), null));
            }
        }

        elements.Add(panel);
        // The axis hangs from the table's bottom rule, which is its line.
        var axis = FigureKit.BottomAxis(panel with { Bounds = panel.Bounds with { Height = panel.Bounds.Height + 1 } }, xTicks, options.AxisTitle, theme) with { ShowLine = false };
        elements.Add(axis);
        double y = panel.Bounds.Bottom + 1 + FigureKit.BottomAxisHeight(theme, true);
        if (options.LeftLabel is not null || options.RightLabel is not null)
        {
            double at = panel.MapX(options.ReferenceValue);
            if (options.LeftLabel is { } leftLabel)
            {
                elements.Add(new TextElement(at - 6, y + 2, ["\u2190 " + leftLabel], text, TextAnchor.End, TextBaseline.Top));
            }

            if (options.RightLabel is { } rightLabel)
            {
                elements.Add(new TextElement(at + 6, y + 2, [rightLabel + " \u2192"], text, TextAnchor.Start, TextBaseline.Top));
            }

            y += 2 + (theme.FontSize * 1.3);
        }

        return new Figure(id, options.Width, Math.Ceiling(y + margin), elements, title).Validated();
    }
}
