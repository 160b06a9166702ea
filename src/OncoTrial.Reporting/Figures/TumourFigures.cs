using System.Globalization;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.Reporting.Figures;

/// <summary>A PD-L1 combined positive score class, by the cut-offs 1 and 10 of Table 2.</summary>
public enum PdL1CpsClass
{
    /// <summary>CPS &lt; 1.</summary>
    Below1,

    /// <summary>1 ≤ CPS &lt; 10.</summary>
    From1To9,

    /// <summary>CPS ≥ 10.</summary>
    AtLeast10,
}

/// <summary>One subject's bar of a waterfall plot.</summary>
/// <param name="SubjectId">The subject (USUBJID or SUBJID).</param>
/// <param name="BestPercentChange">Best (lowest) post-baseline % change of the sum of target-lesion diameters (ADTR
/// <c>PCHG</c> where <c>ANL02FL = "Y"</c>); null when the subject had no post-baseline assessment.</param>
/// <param name="BestOverallResponse">Confirmed best overall response (ADRS <c>CBOR</c>), null when missing.</param>
/// <param name="HasNewLesionProgression">Whether the subject's PD came with a new lesion.</param>
/// <param name="PdL1">The PD-L1 CPS class, null when unknown.</param>
public sealed record WaterfallSubject(string SubjectId, double? BestPercentChange, OverallResponse? BestOverallResponse, bool HasNewLesionProgression, PdL1CpsClass? PdL1);

/// <summary>How a waterfall plot is drawn.</summary>
public sealed record WaterfallFigureOptions
{
    /// <summary>Width of the figure in points.</summary>
    public double Width { get; init; } = 504;

    /// <summary>Height of the bar panel in points.</summary>
    public double PlotHeight { get; init; } = 220;

    /// <summary>The y axis title.</summary>
    public string ValueTitle { get; init; } = "Best change from baseline (%)";

    /// <summary>The title of the response legend.</summary>
    public string ResponseTitle { get; init; } = "Confirmed BOR";

    /// <summary>Reference lines (RECIST 1.1: −30% partial response, +20% progression).</summary>
    public IReadOnlyList<double> ReferenceLines { get; init; } = [-30, 20];

    /// <summary>Draw the PD-L1 row under the bars.</summary>
    public bool ShowPdL1 { get; init; } = true;

    /// <summary>Colours of the PD-L1 classes, light to dark; unknown is white with a grey outline.</summary>
    public IReadOnlyDictionary<PdL1CpsClass, Rgb> PdL1Colors { get; init; } = new Dictionary<PdL1CpsClass, Rgb>
    {
        [PdL1CpsClass.Below1] = Rgb.FromHex("#DADAEB"),
        [PdL1CpsClass.From1To9] = Rgb.FromHex("#9E9AC8"),
        [PdL1CpsClass.AtLeast10] = Rgb.FromHex("#54278F"),
    };

    /// <summary>Sizes and colours.</summary>
    public FigureTheme Theme { get; init; } = FigureTheme.Default;
}

/// <summary>One phase of treatment on a swimmer lane.</summary>
/// <param name="Name">The phase (e.g. "Induction", "Maintenance"); phases of the same name share a colour.</param>
/// <param name="Start">Start, in the unit of the x axis (months since first dose).</param>
/// <param name="End">End, ≥ <paramref name="Start"/>.</param>
public sealed record SwimmerPhase(string Name, double Start, double End);

/// <summary>What a swimmer marker shows.</summary>
public enum SwimmerEventKind
{
    /// <summary>First complete response.</summary>
    CompleteResponse,

    /// <summary>First partial response.</summary>
    PartialResponse,

    /// <summary>Disease progression.</summary>
    Progression,

    /// <summary>Death.</summary>
    Death,
}

/// <summary>A marker on a swimmer lane.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Time">When, in the unit of the x axis.</param>
public sealed record SwimmerEvent(SwimmerEventKind Kind, double Time);

/// <summary>One subject's lane of a swimmer plot.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="Phases">Treatment phases, in time order.</param>
/// <param name="Events">Response, progression and death markers.</param>
/// <param name="IsOngoing">Whether treatment was ongoing at the data cut-off (an arrow after the last phase).</param>
public sealed record SwimmerSubject(string SubjectId, IReadOnlyList<SwimmerPhase> Phases, IReadOnlyList<SwimmerEvent> Events, bool IsOngoing);

/// <summary>How a swimmer plot is drawn.</summary>
public sealed record SwimmerFigureOptions
{
    /// <summary>Width of the figure in points.</summary>
    public double Width { get; init; } = 504;

    /// <summary>Height of a lane in points.</summary>
    public double LaneHeight { get; init; } = 12;

    /// <summary>The x axis title.</summary>
    public string TimeTitle { get; init; } = "Time since first dose (months)";

    /// <summary>The y axis title.</summary>
    public string SubjectTitle { get; init; } = "Patient";

    /// <summary>Distance between x ticks; null: 3 up to 24, 6 up to 60, else 12.</summary>
    public double? TimeStep { get; init; }

    /// <summary>Colours of the phases in order of first appearance.</summary>
    public IReadOnlyList<Rgb> PhaseColors { get; init; } = [Rgb.FromHex("#9ABBD9"), Rgb.FromHex("#D3D3D3"), Rgb.FromHex("#F2C6A0"), Rgb.FromHex("#BFD8B8")];

    /// <summary>Sizes and colours.</summary>
    public FigureTheme Theme { get; init; } = FigureTheme.Default;
}

/// <summary>One tumour assessment of a spider line.</summary>
/// <param name="Time">Time of the assessment, in the unit of the x axis.</param>
/// <param name="PercentChange">% change of the sum of diameters from baseline (ADTR <c>PCHG</c>).</param>
public sealed record SpiderMeasurement(double Time, double PercentChange);

/// <summary>One subject's line of a spider plot.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="BestOverallResponse">Confirmed best overall response, null when missing.</param>
/// <param name="Measurements">Post-baseline assessments in time order (the baseline at (0, 0) is added).</param>
public sealed record SpiderSubject(string SubjectId, OverallResponse? BestOverallResponse, IReadOnlyList<SpiderMeasurement> Measurements);

/// <summary>How a spider plot is drawn.</summary>
public sealed record SpiderFigureOptions
{
    /// <summary>Width of the figure in points.</summary>
    public double Width { get; init; } = 504;

    /// <summary>Height of the panel in points.</summary>
    public double PlotHeight { get; init; } = 250;

    /// <summary>The x axis title.</summary>
    public string TimeTitle { get; init; } = "Time since first dose (months)";

    /// <summary>The y axis title.</summary>
    public string ValueTitle { get; init; } = "Change from baseline (%)";

    /// <summary>The title of the response legend.</summary>
    public string ResponseTitle { get; init; } = "Confirmed BOR";

    /// <summary>Distance between x ticks; null: 3 up to 24, 6 up to 60, else 12.</summary>
    public double? TimeStep { get; init; }

    /// <summary>Reference lines (−30%, +20%).</summary>
    public IReadOnlyList<double> ReferenceLines { get; init; } = [-30, 20];

    /// <summary>Sizes and colours.</summary>
    public FigureTheme Theme { get; init; } = FigureTheme.Default;
}

/// <summary>
/// The tumour-response figures of issue 13, Figure 3: waterfall, swimmer and spider. Conventions from osprey
/// (<c>g_waterfall</c>, <c>g_swimlane</c>, <c>g_spiderplot</c>), SAS SGPLOT papers and Kim &amp; Prasad (JAMA Netw Open
/// 2019): bars coloured by confirmed BOR, −30%/+20% lines, subjects without a post-baseline scan listed. Stateless and thread-safe.
/// </summary>
public static class TumourFigures
{
    private static readonly OverallResponse?[] ResponseOrder =
    [
        OverallResponse.CompleteResponse, OverallResponse.PartialResponse, OverallResponse.StableDisease, OverallResponse.NonCRNonPD,
        OverallResponse.ProgressiveDisease, OverallResponse.NotEvaluable, null,
    ];

    /// <summary>The waterfall plot: a bar per subject with a post-baseline assessment, sorted from the largest increase to the largest decrease.</summary>
    /// <param name="id">The figure's id.</param>
    /// <param name="title">What it shows, for the SVG title.</param>
    /// <param name="subjects">The subjects; those without a best % change are listed in a note under the plot.</param>
    /// <param name="options">Drawing options, or null for the defaults.</param>
    /// <returns>The figure.</returns>
    public static Figure Waterfall(string id, string title, IReadOnlyList<WaterfallSubject> subjects, WaterfallFigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        options ??= new WaterfallFigureOptions();
        var theme = options.Theme;
        var bars = subjects.Where(s => s.BestPercentChange is { } v && double.IsFinite(v))
            .OrderByDescending(s => s.BestPercentChange).ThenBy(s => s.SubjectId, StringComparer.Ordinal).ToList();
        var missing = subjects.Where(s => s.BestPercentChange is not { } v || !double.IsFinite(v)).Select(s => s.SubjectId).Order(StringComparer.Ordinal).ToList();
        double margin = FigureKit.Margin;
        var elements = new List<FigureElement>();

        // Legend: the responses present, then the new-lesion marker.
        var entries = ResponseOrder.Where(r => bars.Any(b => b.BestOverallResponse == r))
            .Select(r => new LegendEntry(new SwatchKey(new Fill(theme.ResponseColor(r))), FigureTheme.ResponseLabel(r))).ToList();
        if (bars.Any(b => b.HasNewLesionProgression))
        {
            entries.Add(new LegendEntry(new MarkerKey(MarkerShape.Star, new Fill(Rgb.Black), null), "PD with new lesion"));
        }

        double low = Math.Min(-100, Math.Floor(bars.Select(b => b.BestPercentChange!.Value).DefaultIfEmpty(0).Min() / 20) * 20);
        double high = Math.Max(Math.Max(40, options.ReferenceLines.DefaultIfEmpty(0).Max() + 20), Math.Ceiling(bars.Select(b => b.BestPercentChange!.Value).DefaultIfEmpty(0).Max() / 20) * 20);
        double step = high - low > 200 ? 50 : 20;
        low = Math.Floor(low / step) * step;
        high = Math.Ceiling(high / step) * step;
        var yTicks = FigureKit.TicksOf(Ticks.Every(step, low, high), v => FigureKit.Tick(v));
        string pdl1Label = "PD-L1 CPS";
        double left = margin + Math.Max(FigureKit.LeftAxisWidth(yTicks, true, theme), options.ShowPdL1 ? theme.Bold.Measure(pdl1Label) + 6 : 0);
        double right = margin + theme.Text.Measure("+20%") + 6;
        double plotWidth = options.Width - left - right;
        double top = margin;
        var legend = new LegendElement(left, top, entries, theme.Text, plotWidth, options.ResponseTitle);
        elements.Add(legend);
        top += legend.Measure().Height + 6;

        var plotBounds = new FigureRect(left, top, plotWidth, options.PlotHeight);
        var xScale = new LinearScale(-0.5, Math.Max(bars.Count, 1) - 0.5);
        var marks = new List<Mark>();
        var plot = new Panel(plotBounds, xScale, new LinearScale(low, high), marks, 2);
        foreach (double reference in options.ReferenceLines)
        {
            marks.Add(new RuleMark(RuleOrientation.Horizontal, reference, theme.Reference));
        }

        for (int i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var color = theme.ResponseColor(bar.BestOverallResponse);
            double value = bar.BestPercentChange!.Value;

            // A bar of (nearly) no change still shows: a stub of 1% of the axis across the zero line.
            double stub = (high - low) * 0.005;
            marks.Add(Math.Abs(value) < stub
                ? new RectMark(i - 0.4, -stub, i + 0.4, stub, new Fill(color))
                : new RectMark(i - 0.4, 0, i + 0.4, value, new Fill(color)));
        }

        var stars = bars.Select((b, i) => (b, i)).Where(t => t.b.HasNewLesionProgression)
            .Select(t => new FigurePoint(t.i, Math.Max(t.b.BestPercentChange!.Value, 0))).ToList();
        if (stars.Count > 0)
        {
            marks.Add(new PointsMark(stars, MarkerShape.Star, 7, new Fill(Rgb.Black), null, -6));
        }

        marks.Add(new RuleMark(RuleOrientation.Horizontal, 0, theme.Axis));
        elements.Add(plot);
        elements.Add(FigureKit.LeftAxis(plot, yTicks, options.ValueTitle, theme));
        foreach (double reference in options.ReferenceLines)
        {
            string label = (reference > 0 ? "+" : reference < 0 ? "\u2212" : string.Empty) + FigureKit.Tick(Math.Abs(reference)) + "%";
            elements.Add(new TextElement(plotBounds.Right + 4, plot.MapY(reference), [label], theme.Text with { Color = theme.ReferenceColor }, TextAnchor.Start, TextBaseline.Middle));
        }

        double y = plotBounds.Bottom + 6;
        if (options.ShowPdL1)
        {
            var tiles = new List<Mark>();
            var row = new Panel(new FigureRect(left, y, plotWidth, 10), xScale, new LinearScale(0, 1), tiles, null);
            tiles.Add(new TextMark(new(-0.5, 0.5), pdl1Label, theme.Bold, TextAnchor.End, TextBaseline.Middle, OffsetX: -6));
            for (int i = 0; i < bars.Count; i++)
            {
                tiles.Add(bars[i].PdL1 is { } cps && options.PdL1Colors.TryGetValue(cps, out var c)
                    ? new RectMark(i - 0.4, 0, i + 0.4, 1, new Fill(c))
                    : new RectMark(i - 0.4, 0, i + 0.4, 1, new Fill(Rgb.White), new Stroke(theme.ReferenceColor, 0.5)));
            }

            elements.Add(row);
            y += 10 + 4;
            var cpsEntries = new List<LegendEntry>
            {
                new(new SwatchKey(new Fill(options.PdL1Colors[PdL1CpsClass.Below1])), "<1"),
                new(new SwatchKey(new Fill(options.PdL1Colors[PdL1CpsClass.From1To9])), "1\u20139"),
                new(new SwatchKey(new Fill(options.PdL1Colors[PdL1CpsClass.AtLeast10])), "\u226510"),
                new(new SwatchKey(new Fill(Rgb.White), new Stroke(theme.ReferenceColor, 0.5)), "Unknown"),
            };
            var cpsLegend = new LegendElement(left, y, cpsEntries, theme.Text, plotWidth, pdl1Label);
            elements.Add(cpsLegend);
            y += cpsLegend.Measure().Height;
        }

        string count = bars.Count.ToString(CultureInfo.InvariantCulture);
        elements.Add(new TextElement(plotBounds.CenterX, y + 4, [$"Patients with a post-baseline assessment (n = {count})"], theme.Title, TextAnchor.Middle, TextBaseline.Top));
        y += 4 + (theme.TitleSize * 1.2) + 6;
        if (missing.Count > 0)
        {
            string note = $"No post-baseline tumour assessment (n = {missing.Count.ToString(CultureInfo.InvariantCulture)}): {string.Join(", ", missing)}.";
            var (paragraph, height) = FigureKit.Paragraph(margin, y, note, options.Width - (2 * margin), theme.Text);
            elements.Add(paragraph);
            y += height + 2;
        }

        return new Figure(id, options.Width, Math.Ceiling(y + margin), elements, title).Validated();
    }

    /// <summary>The swimmer plot: a lane per subject, longest on top, bars by phase, markers for first response, progression and death, an arrow for ongoing.</summary>
    /// <param name="id">The figure's id.</param>
    /// <param name="title">What it shows, for the SVG title.</param>
    /// <param name="subjects">The subjects.</param>
    /// <param name="options">Drawing options, or null for the defaults.</param>
    /// <returns>The figure.</returns>
    public static Figure Swimmer(string id, string title, IReadOnlyList<SwimmerSubject> subjects, SwimmerFigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        options ??= new SwimmerFigureOptions();
        var theme = options.Theme;
        static double End(SwimmerSubject s) => s.Phases.Select(p => p.End).Concat(s.Events.Select(e => e.Time)).DefaultIfEmpty(0).Max();
        static double OnTreatment(SwimmerSubject s) => s.Phases.Select(p => p.End).DefaultIfEmpty(0).Max();
        var lanes = subjects.OrderByDescending(OnTreatment).ThenBy(s => s.SubjectId, StringComparer.Ordinal).ToList();
        var phaseNames = lanes.SelectMany(s => s.Phases).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        var phaseColor = phaseNames.Select((n, i) => (n, c: options.PhaseColors[i % options.PhaseColors.Count])).ToDictionary(t => t.n, t => t.c, StringComparer.Ordinal);
        double lastEnd = lanes.Select(End).DefaultIfEmpty(0).Max();
        double step = options.TimeStep ?? KaplanMeierFigure.DefaultTimeStep(lastEnd);
        double arrow = Math.Max(step * 0.4, lastEnd * 0.03);
        double maxTime = Math.Max(step, Math.Ceiling((lastEnd + (lanes.Any(s => s.IsOngoing) ? arrow * 1.2 : 0)) / step) * step);
        var xTicks = FigureKit.TicksOf(Ticks.Every(step, 0, maxTime), FigureKit.Tick);
        var yTicks = lanes.Select((s, i) => new AxisTick(i, s.SubjectId)).ToList();
        double margin = FigureKit.Margin;
        double left = margin + FigureKit.LeftAxisWidth(yTicks, true, theme);
        double right = margin + Math.Max(theme.Text.Measure(xTicks[^1].Label) / 2, 4);
        double plotWidth = options.Width - left - right;
        var elements = new List<FigureElement>();

        var entries = phaseNames.Select(n => new LegendEntry(new SwatchKey(new Fill(phaseColor[n])), n)).ToList();
        foreach (var kind in Enum.GetValues<SwimmerEventKind>().Where(k => lanes.Any(s => s.Events.Any(e => e.Kind == k))))
        {
            var (shape, fill, stroke) = MarkerOf(kind, theme);
            entries.Add(new LegendEntry(new MarkerKey(shape, fill, stroke), EventLabel(kind)));
        }

        if (lanes.Any(s => s.IsOngoing))
        {
            entries.Add(new LegendEntry(new ArrowKey(new Stroke(Rgb.Black, 1)), "Ongoing at data cut-off"));
        }

        var legend = new LegendElement(left, margin, entries, theme.Text, plotWidth);
        elements.Add(legend);
        double top = margin + legend.Measure().Height + 6;
        var plotBounds = new FigureRect(left, top, plotWidth, Math.Max(lanes.Count, 1) * options.LaneHeight);
        var marks = new List<Mark>();
        var plot = new Panel(plotBounds, new LinearScale(0, maxTime), new LinearScale(Math.Max(lanes.Count, 1) - 0.5, -0.5), marks);
        for (int i = 0; i < lanes.Count; i++)
        {
            foreach (var phase in lanes[i].Phases)
            {
                marks.Add(new RectMark(phase.Start, i - 0.3, phase.End, i + 0.3, new Fill(phaseColor[phase.Name])));
            }

            if (lanes[i].IsOngoing)
            {
                double end = lanes[i].Phases.Select(p => p.End).DefaultIfEmpty(0).Max();
                marks.Add(new SegmentMark(new(end, i), new(end + arrow, i), new Stroke(Rgb.Black, 1), ArrowHead.End, Math.Min(5, options.LaneHeight * 0.45)));
            }
        }

        foreach (var kind in Enum.GetValues<SwimmerEventKind>())
        {
            var points = lanes.SelectMany((s, i) => s.Events.Where(e => e.Kind == kind).Select(e => new FigurePoint(e.Time, i))).ToList();
            if (points.Count > 0)
            {
                var (shape, fill, stroke) = MarkerOf(kind, theme);
                marks.Add(new PointsMark(points, shape, Math.Min(7, options.LaneHeight * 0.65), fill, stroke));
            }
        }

        elements.Add(plot);
        elements.Add(FigureKit.LeftAxis(plot, yTicks, options.SubjectTitle, theme) with { TickLength = 0 });
        elements.Add(FigureKit.BottomAxis(plot, xTicks, options.TimeTitle, theme));
        double height = plotBounds.Bottom + FigureKit.BottomAxisHeight(theme, true) + margin;
        return new Figure(id, options.Width, Math.Ceiling(height), elements, title).Validated();
    }

    /// <summary>The spider plot: % change from baseline over time, a line per subject coloured by confirmed BOR.</summary>
    /// <param name="id">The figure's id.</param>
    /// <param name="title">What it shows, for the SVG title.</param>
    /// <param name="subjects">The subjects.</param>
    /// <param name="options">Drawing options, or null for the defaults.</param>
    /// <returns>The figure.</returns>
    public static Figure Spider(string id, string title, IReadOnlyList<SpiderSubject> subjects, SpiderFigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        options ??= new SpiderFigureOptions();
        var theme = options.Theme;
        var values = subjects.SelectMany(s => s.Measurements).Where(m => double.IsFinite(m.PercentChange) && double.IsFinite(m.Time)).ToList();
        double lastTime = values.Select(m => m.Time).DefaultIfEmpty(0).Max();
        double step = options.TimeStep ?? KaplanMeierFigure.DefaultTimeStep(lastTime);
        double maxTime = Math.Max(step, Math.Ceiling((lastTime / step) - 1e-9) * step);
        double low = Math.Min(-100, Math.Floor(values.Select(m => m.PercentChange).DefaultIfEmpty(0).Min() / 20) * 20);
        double high = Math.Max(Math.Max(40, options.ReferenceLines.DefaultIfEmpty(0).Max() + 20), Math.Ceiling(values.Select(m => m.PercentChange).DefaultIfEmpty(0).Max() / 20) * 20);
        double yStep = high - low > 200 ? 50 : 20;
        low = Math.Floor(low / yStep) * yStep;
        high = Math.Ceiling(high / yStep) * yStep;
        var xTicks = FigureKit.TicksOf(Ticks.Every(step, 0, maxTime), FigureKit.Tick);
        var yTicks = FigureKit.TicksOf(Ticks.Every(yStep, low, high), FigureKit.Tick);
        double margin = FigureKit.Margin;
        double left = margin + FigureKit.LeftAxisWidth(yTicks, true, theme);
        double right = margin + Math.Max(theme.Text.Measure("+20%") + 6, theme.Text.Measure(xTicks[^1].Label) / 2);
        double plotWidth = options.Width - left - right;
        var elements = new List<FigureElement>();
        var entries = ResponseOrder.Where(r => subjects.Any(s => s.BestOverallResponse == r))
            .Select(r => new LegendEntry(new LineKey(new Stroke(theme.ResponseColor(r), 2)), FigureTheme.ResponseLabel(r))).ToList();
        var legend = new LegendElement(left, margin, entries, theme.Text, plotWidth, options.ResponseTitle);
        elements.Add(legend);
        double top = margin + legend.Measure().Height + 6;
        var plotBounds = new FigureRect(left, top, plotWidth, options.PlotHeight);
        var marks = new List<Mark>();
        // A quarter step of room under the lowest tick, so a line at −100% does not hide in the axis.
        var plot = new Panel(plotBounds, new LinearScale(0, maxTime), new LinearScale(low - (yStep / 4), high), marks);
        marks.Add(new RuleMark(RuleOrientation.Horizontal, 0, new Stroke(theme.ReferenceColor, 0.75)));
        foreach (double reference in options.ReferenceLines)
        {
            marks.Add(new RuleMark(RuleOrientation.Horizontal, reference, theme.Reference));
        }

        // Responders drawn last, so their lines stay on top of the many SD and PD lines.
        foreach (var subject in subjects.OrderByDescending(s => Array.IndexOf(ResponseOrder, s.BestOverallResponse)).ThenBy(s => s.SubjectId, StringComparer.Ordinal))
        {
            var color = theme.ResponseColor(subject.BestOverallResponse);
            var points = new List<FigurePoint> { new(0, 0) };
            points.AddRange(subject.Measurements.Where(m => double.IsFinite(m.PercentChange) && double.IsFinite(m.Time) && m.Time > 0)
                .OrderBy(m => m.Time).Select(m => new FigurePoint(m.Time, m.PercentChange)));
            marks.Add(new LineMark(points, new Stroke(color, 1)));
            marks.Add(new PointsMark(points.Skip(1).ToList(), MarkerShape.Circle, 3.5, new Fill(color), null));
        }

        elements.Add(plot);
        elements.Add(FigureKit.LeftAxis(plot, yTicks, options.ValueTitle, theme));
        elements.Add(FigureKit.BottomAxis(plot, xTicks, options.TimeTitle, theme));
        foreach (double reference in options.ReferenceLines)
        {
            string label = (reference > 0 ? "+" : reference < 0 ? "\u2212" : string.Empty) + FigureKit.Tick(Math.Abs(reference)) + "%";
            elements.Add(new TextElement(plotBounds.Right + 4, plot.MapY(reference), [label], theme.Text with { Color = theme.ReferenceColor }, TextAnchor.Start, TextBaseline.Middle));
        }

        double height = plotBounds.Bottom + FigureKit.BottomAxisHeight(theme, true) + margin;
        return new Figure(id, options.Width, Math.Ceiling(height), elements, title).Validated();
    }

    private static (MarkerShape Shape, Fill Fill, Stroke Stroke) MarkerOf(SwimmerEventKind kind, FigureTheme theme) => kind switch
    {
        SwimmerEventKind.CompleteResponse => (MarkerShape.Circle, new Fill(theme.ResponseColor(OverallResponse.CompleteResponse)), new Stroke(Rgb.Black, 0.5)),
        SwimmerEventKind.PartialResponse => (MarkerShape.Diamond, new Fill(theme.ResponseColor(OverallResponse.PartialResponse)), new Stroke(Rgb.Black, 0.5)),
        SwimmerEventKind.Progression => (MarkerShape.Triangle, new Fill(theme.ResponseColor(OverallResponse.ProgressiveDisease)), new Stroke(Rgb.Black, 0.5)),
        _ => (MarkerShape.Cross, new Fill(Rgb.Black), new Stroke(Rgb.Black, 1.5)),
    };

    private static string EventLabel(SwimmerEventKind kind) => kind switch
    {
        SwimmerEventKind.CompleteResponse => "First CR",
        SwimmerEventKind.PartialResponse => "First PR",
        SwimmerEventKind.Progression => "Progression",
        _ => "Death",
    };
}
