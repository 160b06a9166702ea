using System.Globalization;

namespace OncoTrial.Reporting.Figures;

/// <summary>
/// One distinct time of a Kaplan-Meier curve, as R <c>summary(survfit)</c> or SAS PROC LIFETEST list it (the
/// statistics' <c>KaplanMeierStep</c>): events and censorings at the time, the number at risk just before it, and the
/// estimate with its pointwise limits just after it.
/// </summary>
/// <param name="Time">The time, in the unit of the x axis (months in the paper).</param>
/// <param name="AtRisk">Subjects with time ≥ <paramref name="Time"/>.</param>
/// <param name="Events">Events at the time.</param>
/// <param name="Censored">Censorings at the time.</param>
/// <param name="Survival">Ŝ just after the time, 0 ≤ S ≤ 1.</param>
/// <param name="Lower">Lower pointwise limit, null when not estimable.</param>
/// <param name="Upper">Upper pointwise limit, null when not estimable.</param>
public sealed record SurvivalCurvePoint(double Time, long AtRisk, long Events, long Censored, double Survival, double? Lower, double? Upper);

/// <summary>An estimate with its interval; null parts are not estimable (NE).</summary>
/// <param name="Estimate">The estimate.</param>
/// <param name="Lower">Lower limit.</param>
/// <param name="Upper">Upper limit.</param>
public sealed record IntervalEstimate(double? Estimate, double? Lower, double? Upper);

/// <summary>A landmark survival estimate Ŝ(t) with its interval, as proportions.</summary>
/// <param name="Time">The landmark time, in the unit of the x axis.</param>
/// <param name="Survival">Ŝ(t) and its limits (0-1); null parts are NE.</param>
public sealed record SurvivalLandmarkInput(double Time, IntervalEstimate Survival);

/// <summary>One group's curve.</summary>
/// <param name="Label">The group's name in the legend and the numbers-at-risk table.</param>
/// <param name="Points">The distinct times, ascending.</param>
/// <param name="Median">The median survival time with its interval (Brookmeyer-Crowley), or null to show none.</param>
/// <param name="Landmarks">Landmark estimates to annotate (e.g. 12 months), or empty.</param>
public sealed record SurvivalCurveInput(string Label, IReadOnlyList<SurvivalCurvePoint> Points, IntervalEstimate? Median, IReadOnlyList<SurvivalLandmarkInput> Landmarks);

/// <summary>A hazard ratio between groups with its interval and test.</summary>
/// <param name="Comparison">What is compared, e.g. "B vs A".</param>
/// <param name="Ratio">The hazard ratio and its limits.</param>
/// <param name="PValue">The p-value of the test (log-rank), or null.</param>
public sealed record HazardRatioInput(string Comparison, IntervalEstimate Ratio, double? PValue);

/// <summary>How the y axis of a Kaplan-Meier figure is labelled.</summary>
public enum SurvivalAxisScale
{
    /// <summary>0 to 100% (the paper's figures; ggsurvfit's <c>scale_ggsurvfit()</c>).</summary>
    Percent,

    /// <summary>0.0 to 1.0 (survminer's and tern's default).</summary>
    Proportion,
}

/// <summary>How a Kaplan-Meier figure is drawn. Defaults: 504 × about 380 points, percent axis, censor marks, median lines, numbers at risk.</summary>
public sealed record KaplanMeierFigureOptions
{
    /// <summary>Width of the figure in points (504 = 7 inches).</summary>
    public double Width { get; init; } = 504;

    /// <summary>Height of the curve panel in points.</summary>
    public double PlotHeight { get; init; } = 250;

    /// <summary>The x axis title.</summary>
    public string TimeTitle { get; init; } = "Time since first dose (months)";

    /// <summary>The y axis title.</summary>
    public string SurvivalTitle { get; init; } = "Survival (%)";

    /// <summary>The unit of time in annotations, singular ("12-month") and plural ("7.2 months").</summary>
    public (string Singular, string Plural) TimeUnit { get; init; } = ("month", "months");

    /// <summary>Distance between x ticks (and the times of the numbers at risk); null: 3 up to 24, 6 up to 60, else 12.</summary>
    public double? TimeStep { get; init; }

    /// <summary>The end of the x axis; null: the last time rounded up to a tick.</summary>
    public double? MaxTime { get; init; }

    /// <summary>Percent (0-100%) or proportion (0-1).</summary>
    public SurvivalAxisScale Scale { get; init; } = SurvivalAxisScale.Percent;

    /// <summary>Draw the pointwise confidence band (a translucent step ribbon, as ggsurvfit's <c>add_confidence_interval()</c>).</summary>
    public bool ShowConfidenceBand { get; init; }

    /// <summary>Draw "+" at censored times (survminer, ggsurvfit and SAS do by default).</summary>
    public bool ShowCensorMarks { get; init; } = true;

    /// <summary>Draw dashed guides from 50% to each median and down to the axis (survminer <c>surv.median.line = "hv"</c>).</summary>
    public bool ShowMedianLines { get; init; } = true;

    /// <summary>Draw the numbers at risk under the plot at every x tick.</summary>
    public bool ShowNumbersAtRisk { get; init; } = true;

    /// <summary>The level of the intervals in annotations, as text ("95% CI").</summary>
    public string IntervalLabel { get; init; } = "95% CI";

    /// <summary>Decimals of times (medians) in annotations.</summary>
    public int TimeDecimals { get; init; } = 1;

    /// <summary>Sizes and colours.</summary>
    public FigureTheme Theme { get; init; } = FigureTheme.Default;
}

/// <summary>
/// Kaplan-Meier curves with numbers at risk (issue 13, Figure 2). The curves and the numbers-at-risk table are two
/// panels with the same x scale and the same horizontal bounds, so each count sits exactly under its tick by
/// construction, the defect most reported against survminer (#329, #457, #649), tern (#1428) and ggsurvfit (#19).
/// R: <c>ggsurvfit(survfit2(...)) + add_risktable() + add_censor_mark() + add_quantile()</c>;
/// SAS: <c>PROC LIFETEST PLOTS=SURVIVAL(ATRISK CL)</c>; tern <c>g_km</c>. Stateless and thread-safe.
/// </summary>
public static class KaplanMeierFigure
{
    /// <summary>The at-risk count of a curve at <paramref name="time"/>: AtRisk of the first point at or after it, 0 past the last.</summary>
    /// <param name="points">The curve's distinct times, ascending.</param>
    /// <param name="time">The time.</param>
    /// <returns>Subjects with time ≥ <paramref name="time"/> (R <c>summary(fit, times, extend = TRUE)$n.risk</c>).</returns>
    public static long NumberAtRisk(IReadOnlyList<SurvivalCurvePoint> points, double time)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var p in points)
        {
            if (p.Time >= time - 1e-9)
            {
                return p.AtRisk;
            }
        }

        return 0;
    }

    /// <summary>The default tick step for a time axis ending at <paramref name="maxTime"/>: 3, 6 or 12.</summary>
    /// <param name="maxTime">The last time.</param>
    /// <returns>3 up to 24, 6 up to 60, else 12.</returns>
    public static double DefaultTimeStep(double maxTime) => maxTime <= 24 ? 3 : maxTime <= 60 ? 6 : 12;

    /// <summary>Lays out the figure.</summary>
    /// <param name="id">The figure's id (e.g. <c>km-pfs</c>).</param>
    /// <param name="title">What the figure shows, for its SVG title (e.g. "Progression-free survival").</param>
    /// <param name="curves">One curve per group, at least one.</param>
    /// <param name="hazardRatio">The hazard ratio between groups, annotated when given.</param>
    /// <param name="options">Drawing options, or null for the defaults.</param>
    /// <returns>The figure.</returns>
    public static Figure Create(string id, string title, IReadOnlyList<SurvivalCurveInput> curves, HazardRatioInput? hazardRatio = null, KaplanMeierFigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0)
        {
            throw new ArgumentException("Argument 'curves' must hold at least one curve, but it is empty.", nameof(curves));
        }

        options ??= new KaplanMeierFigureOptions();
        var theme = options.Theme;
        double factor = options.Scale == SurvivalAxisScale.Percent ? 100 : 1;
        double lastTime = curves.SelectMany(c => c.Points).Select(p => p.Time).DefaultIfEmpty(0).Max();
        double step = options.TimeStep ?? DefaultTimeStep(options.MaxTime ?? lastTime);
        double maxTime = options.MaxTime ?? Math.Max(step, Math.Ceiling((lastTime / step) - 1e-9) * step);
        var xTicks = FigureKit.TicksOf(Ticks.Every(step, 0, maxTime), FigureKit.Tick);
        var yTicks = factor == 1
            ? FigureKit.TicksOf(Ticks.Every(0.2, 0, 1), v => v.ToString("0.0", CultureInfo.InvariantCulture))
            : FigureKit.TicksOf(Ticks.Every(20, 0, 100), FigureKit.Tick);
        var elements = new List<FigureElement>();
        double margin = FigureKit.Margin;

        // Left margin: the y axis, or the at-risk labels, whichever needs more.
        var riskLabels = curves.Select(c => Truncate(c.Label, options.Width * 0.24, theme.Bold)).ToList();
        double firstCount = curves.Max(c => theme.Text.Measure(NumberAtRisk(c.Points, 0).ToString(CultureInfo.InvariantCulture))) / 2;
        double riskLabelWidth = options.ShowNumbersAtRisk ? riskLabels.Select(l => theme.Bold.Measure(l)).Max() + 6 + firstCount : 0;
        double left = margin + Math.Max(FigureKit.LeftAxisWidth(yTicks, true, theme), riskLabelWidth);
        double right = margin + Math.Max(theme.Text.Measure(xTicks[^1].Label) / 2, 4);
        double plotWidth = options.Width - left - right;

        // Legend on top, when there is something to tell apart.
        double top = margin;
        var legendEntries = new List<LegendEntry>();
        if (curves.Count > 1)
        {
            legendEntries.AddRange(curves.Select((c, i) => new LegendEntry(new LineKey(new Stroke(theme.GroupColor(i), 2)), c.Label)));
        }

        if (options.ShowCensorMarks && curves.Any(c => c.Points.Any(p => p.Censored > 0)))
        {
            legendEntries.Add(new LegendEntry(new MarkerKey(MarkerShape.Plus, null, new Stroke(theme.AxisColor, 1)), "Censored"));
        }

        if (options.ShowConfidenceBand)
        {
            legendEntries.Add(new LegendEntry(new SwatchKey(new Fill(theme.GroupColor(0), 0.2)), options.IntervalLabel));
        }

        if (legendEntries.Count > 0)
        {
            var legend = new LegendElement(left, top, legendEntries, theme.Text, plotWidth);
            elements.Add(legend);
            top += legend.Measure().Height + 4;
        }

        var plotBounds = new FigureRect(left, top + 4, plotWidth, options.PlotHeight);
        var xScale = new LinearScale(0, maxTime);
        var yScale = new LinearScale(0, factor);
        var marks = new List<Mark>();
        var curveSegments = new List<(FigurePoint, FigurePoint)>();
        var plot = new Panel(plotBounds, xScale, yScale, marks);
        for (int i = 0; i < curves.Count; i++)
        {
            var color = theme.GroupColor(i);
            var points = curves[i].Points.Where(p => p.Time <= maxTime + 1e-9).ToList();
            if (options.ShowConfidenceBand)
            {
                foreach (var polygon in Band(points, factor, maxTime))
                {
                    marks.Add(new PolygonMark(polygon, new Fill(color, 0.18)));
                    for (int k = 1; k < polygon.Count; k++)
                    {
                        curveSegments.Add((new(plot.MapX(polygon[k - 1].X), plot.MapY(polygon[k - 1].Y)), new(plot.MapX(polygon[k].X), plot.MapY(polygon[k].Y))));
                    }
                }
            }

            var line = StepPoints(points, factor);
            marks.Add(new LineMark(line, new Stroke(color, theme.LineWidth), LineInterpolation.StepAfter));
            for (int k = 1; k < line.Count; k++)
            {
                var a = line[k - 1];
                var b = line[k];
                curveSegments.Add((new(plot.MapX(a.X), plot.MapY(a.Y)), new(plot.MapX(b.X), plot.MapY(a.Y))));
                curveSegments.Add((new(plot.MapX(b.X), plot.MapY(a.Y)), new(plot.MapX(b.X), plot.MapY(b.Y))));
            }
        }

        for (int i = 0; i < curves.Count; i++)
        {
            if (!options.ShowCensorMarks)
            {
                break;
            }

            var censored = curves[i].Points.Where(p => p.Censored > 0 && p.Time <= maxTime + 1e-9).Select(p => new FigurePoint(p.Time, p.Survival * factor)).ToList();
            if (censored.Count > 0)
            {
                marks.Add(new PointsMark(censored, MarkerShape.Plus, 5, null, new Stroke(theme.GroupColor(i), 1)));
            }
        }

        if (options.ShowMedianLines)
        {
            var medians = curves.Select(c => c.Median?.Estimate).OfType<double>().Where(m => m <= maxTime).ToList();
            if (medians.Count > 0)
            {
                var guides = medians.Select(m => new SegmentMark(new(m, 0.5 * factor), new(m, 0), theme.Reference)).Prepend(new SegmentMark(new(0, 0.5 * factor), new(medians.Max(), 0.5 * factor), theme.Reference)).ToList();
                marks.AddRange(guides);
                curveSegments.AddRange(guides.Select(g => (new FigurePoint(plot.MapX(g.From.X), plot.MapY(g.From.Y)), new FigurePoint(plot.MapX(g.To.X), plot.MapY(g.To.Y)))));
            }
        }

        elements.Add(plot);
        elements.Add(FigureKit.LeftAxis(plot, yTicks, options.SurvivalTitle, theme));
        elements.Add(FigureKit.BottomAxis(plot, xTicks, options.TimeTitle, theme));
        double y = plotBounds.Bottom + FigureKit.BottomAxisHeight(theme, true) + 8;

        // The annotation block: medians, landmarks, hazard ratio, in a corner of the panel that no curve crosses, else under the axis.
        var annotation = AnnotationLines(curves, hazardRatio, options);
        if (annotation.Count > 0)
        {
            var style = theme.Text;
            double lineHeight = style.Size * 1.3;
            var lines = annotation.SelectMany(l => TextMeasure.Wrap(l, plotWidth - 16, style.Size, style.Weight)).ToList();
            double width = lines.Max(l => style.Measure(l)) + 8;
            double height = (lines.Count * lineHeight) + 4;
            var box = FreeCorner(plot, width, height, curveSegments);
            if (box is null)
            {
                box = new FigureRect(plotBounds.X, y - 4, width, height);
                y += height + 4;
            }

            elements.Add(new RectElement(box.Value, new Fill(Rgb.White)));
            elements.Add(new TextElement(box.Value.X + 4, box.Value.Y + 2 + ((lineHeight - style.Size) / 2), lines, style, TextAnchor.Start, TextBaseline.Top, lineHeight));
        }

        if (options.ShowNumbersAtRisk)
        {
            elements.Add(new TextElement(margin, y, ["Number at risk"], theme.Bold, TextAnchor.Start, TextBaseline.Top));
            y += theme.FontSize * 1.5;
            double rowHeight = theme.FontSize * 1.5;
            var riskBounds = new FigureRect(plotBounds.X, y, plotBounds.Width, rowHeight * curves.Count);
            var riskMarks = new List<Mark>();
            var risk = new Panel(riskBounds, xScale, new LinearScale(curves.Count - 0.5, -0.5), riskMarks, null);

            // The labels end clear of the counts under the first tick, which are centred on the panel's left edge.
            double labelGap = 6 + firstCount;
            for (int i = 0; i < curves.Count; i++)
            {
                var style = new TextStyle(theme.FontSize, FontWeight.Bold, curves.Count > 1 ? theme.GroupColor(i) : theme.Ink);
                riskMarks.Add(new TextMark(new(0, i), riskLabels[i], style, TextAnchor.End, TextBaseline.Middle, OffsetX: -labelGap));
                foreach (var tick in xTicks)
                {
                    riskMarks.Add(new TextMark(new(tick.Value, i), NumberAtRisk(curves[i].Points, tick.Value).ToString(CultureInfo.InvariantCulture), theme.Text));
                }
            }

            elements.Add(risk);
            y = riskBounds.Bottom;
        }

        return new Figure(id, options.Width, Math.Ceiling(y + margin), elements, title).Validated();
    }

    /// <summary>(0, 1) then every distinct time at its Ŝ, scaled; drawn as steps.</summary>
    private static List<FigurePoint> StepPoints(IReadOnlyList<SurvivalCurvePoint> points, double factor)
    {
        var line = new List<FigurePoint> { new(0, factor) };
        line.AddRange(points.Select(p => new FigurePoint(p.Time, p.Survival * factor)));
        return line;
    }

    /// <summary>The pointwise band as step polygons, one per run of times with both limits known.</summary>
    private static List<List<FigurePoint>> Band(List<SurvivalCurvePoint> points, double factor, double maxTime)
    {
        // Interval k runs from start[k] to start[k+1] with limits (lower[k], upper[k]); before the first time the band is (1, 1).
        var starts = new List<double> { 0 };
        var lowers = new List<double?> { 1 };
        var uppers = new List<double?> { 1 };
        foreach (var p in points)
        {
            starts.Add(p.Time);
            lowers.Add(p.Lower);
            uppers.Add(p.Upper);
        }

        double end = points.Count > 0 ? points[^1].Time : 0;
        var polygons = new List<List<FigurePoint>>();
        var upper = new List<FigurePoint>();
        var lower = new List<FigurePoint>();
        void Close()
        {
            if (upper.Count >= 2)
            {
                lower.Reverse();
                polygons.Add([.. upper, .. lower]);
            }

            upper = [];
            lower = [];
        }

        for (int k = 0; k < starts.Count; k++)
        {
            double from = starts[k], to = k + 1 < starts.Count ? starts[k + 1] : end;
            if (lowers[k] is not { } lo || uppers[k] is not { } hi || to > maxTime + 1e-9 && from > maxTime)
            {
                Close();
                continue;
            }

            to = Math.Min(to, maxTime);
            upper.Add(new(from, hi * factor));
            upper.Add(new(to, hi * factor));
            lower.Add(new(from, lo * factor));
            lower.Add(new(to, lo * factor));
        }

        Close();
        return polygons;
    }

    private static List<string> AnnotationLines(IReadOnlyList<SurvivalCurveInput> curves, HazardRatioInput? hazardRatio, KaplanMeierFigureOptions options)
    {
        var lines = new List<string>();
        int d = options.TimeDecimals;
        foreach (var curve in curves)
        {
            string prefix = curves.Count > 1 ? curve.Label + ": " : string.Empty;
            if (curve.Median is { } median)
            {
                string value = median.Estimate is null ? "not reached" : $"{FigureKit.Fixed(median.Estimate, d)} {options.TimeUnit.Plural}";
                lines.Add($"{prefix}{(prefix.Length == 0 ? "Median" : "median")} {value} ({options.IntervalLabel} {FigureKit.Fixed(median.Lower, d)}\u2013{FigureKit.Fixed(median.Upper, d)})");
            }

            foreach (var landmark in curve.Landmarks)
            {
                var s = landmark.Survival;
                lines.Add($"{prefix}{FigureKit.Tick(landmark.Time)}-{options.TimeUnit.Singular}: {FigureKit.Fixed(s.Estimate * 100, 1)}% ({FigureKit.Fixed(s.Lower * 100, 1)}\u2013{FigureKit.Fixed(s.Upper * 100, 1)})");
            }
        }

        if (hazardRatio is { } hr)
        {
            var r = hr.Ratio;
            string p = hr.PValue is null ? string.Empty : $"; log-rank p {(hr.PValue < 0.001 ? string.Empty : "= ")}{FigureKit.PValue(hr.PValue)}";
            lines.Add($"HR {hr.Comparison} {FigureKit.Fixed(r.Estimate, 2)} ({options.IntervalLabel} {FigureKit.Fixed(r.Lower, 2)}\u2013{FigureKit.Fixed(r.Upper, 2)}){p}");
        }

        return lines;
    }

    /// <summary>The first corner of the panel (top right, bottom left, bottom right, top left) where a box of the size crosses no curve, band edge or median guide; null if none.</summary>
    private static FigureRect? FreeCorner(Panel plot, double width, double height, List<(FigurePoint A, FigurePoint B)> segments)
    {
        var b = plot.Bounds;
        if (width > b.Width - 8 || height > b.Height - 8)
        {
            return null;
        }

        FigureRect[] candidates =
        [
            new(b.Right - width - 4, b.Y + 4, width, height),
            new(b.X + 4, b.Bottom - height - 4, width, height),
            new(b.Right - width - 4, b.Bottom - height - 4, width, height),
            new(b.X + 28, b.Y + 4, width, height),
        ];
        foreach (var candidate in candidates)
        {
            if (!segments.Any(s => Crosses(candidate.Inflate(2), s.A, s.B)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The label cut with an ellipsis to fit <paramref name="width"/> (the legend keeps it whole).</summary>
    private static string Truncate(string label, double width, TextStyle style)
    {
        if (style.Measure(label) <= width)
        {
            return label;
        }

        int length = label.Length;
        while (length > 1 && style.Measure(label[..length].TrimEnd() + "\u2026") > width)
        {
            length--;
        }

        return label[..length].TrimEnd() + "\u2026";
    }

    /// <summary>Whether an axis-parallel segment (curves are steps) passes through the rectangle.</summary>
    private static bool Crosses(FigureRect r, FigurePoint a, FigurePoint b)
    {
        double x0 = Math.Min(a.X, b.X), x1 = Math.Max(a.X, b.X), y0 = Math.Min(a.Y, b.Y), y1 = Math.Max(a.Y, b.Y);
        return x0 <= r.Right && x1 >= r.X && y0 <= r.Bottom && y1 >= r.Y;
    }
}
