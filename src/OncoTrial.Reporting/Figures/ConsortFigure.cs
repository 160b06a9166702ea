using System.Globalization;

namespace OncoTrial.Reporting.Figures;

/// <summary>A reason and its count in a side box of a CONSORT diagram.</summary>
/// <param name="Reason">The reason (e.g. "Did not meet inclusion criteria").</param>
/// <param name="Count">Subjects.</param>
public sealed record ConsortReason(string Reason, long Count);

/// <summary>A side box: subjects who left the flow after a stage, with their reasons.</summary>
/// <param name="Label">The box's heading (e.g. "Excluded", "Discontinued induction").</param>
/// <param name="Count">Subjects who left.</param>
/// <param name="Reasons">The reasons, in the order to print.</param>
public sealed record ConsortExclusion(string Label, long Count, IReadOnlyList<ConsortReason> Reasons);

/// <summary>A main box of the flow, and the side box of those who left after it.</summary>
/// <param name="Label">The stage (e.g. "Assessed for eligibility").</param>
/// <param name="Count">Subjects at the stage.</param>
/// <param name="Exclusion">Subjects who left between this stage and the next, or null.</param>
public sealed record ConsortStage(string Label, long Count, ConsortExclusion? Exclusion);

/// <summary>An analysis set at the foot of the diagram.</summary>
/// <param name="Label">The set (e.g. "Safety analysis set").</param>
/// <param name="Count">Subjects in it.</param>
public sealed record ConsortCount(string Label, long Count);

/// <summary>How a CONSORT diagram is drawn.</summary>
public sealed record ConsortFigureOptions
{
    /// <summary>Width of the figure in points.</summary>
    public double Width { get; init; } = 504;

    /// <summary>Width of the main boxes in points.</summary>
    public double MainBoxWidth { get; init; } = 190;

    /// <summary>Length of the arrow from the main column to a side box, in points.</summary>
    public double SideGap { get; init; } = 36;

    /// <summary>Sizes and colours.</summary>
    public FigureTheme Theme { get; init; } = FigureTheme.Default;
}

/// <summary>
/// The CONSORT flow diagram of a single-arm trial (issue 13, Figure 1; CONSORT 2025 item 22a without allocation): a
/// column of stages joined by arrows, each exclusion in a side box with its reasons, the analysis sets in a row at the
/// foot. Text is wrapped to the box widths with the bundled font's metrics and the gaps grow to hold the side boxes,
/// so no two boxes overlap (the layout defect of R <c>consort</c> #11). Stateless and thread-safe.
/// </summary>
public static class ConsortFigure
{
    private const double Padding = 5;

    /// <summary>Lays out the diagram.</summary>
    /// <param name="id">The figure's id.</param>
    /// <param name="title">What it shows, for the SVG title.</param>
    /// <param name="stages">The stages, top to bottom, at least one.</param>
    /// <param name="analysisSets">The analysis sets at the foot (may be empty).</param>
    /// <param name="options">Drawing options, or null for the defaults.</param>
    /// <returns>The figure.</returns>
    public static Figure Create(string id, string title, IReadOnlyList<ConsortStage> stages, IReadOnlyList<ConsortCount> analysisSets, ConsortFigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(analysisSets);
        if (stages.Count == 0)
        {
            throw new ArgumentException("Argument 'stages' must hold at least one stage, but it is empty.", nameof(stages));
        }

        options ??= new ConsortFigureOptions();
        var theme = options.Theme;
        double size = theme.FontSize, margin = FigureKit.Margin;
        double mainX = margin, mainWidth = options.MainBoxWidth, trunk = mainX + (mainWidth / 2);
        double sideX = mainX + mainWidth + options.SideGap, sideWidth = options.Width - margin - sideX;
        if (sideWidth < 80)
        {
            throw new ArgumentException($"Argument 'options' leaves {sideWidth.ToString("F0", CultureInfo.InvariantCulture)} points for the side boxes; widen the figure or narrow the main boxes.", nameof(options));
        }

        var fill = new Fill(Rgb.White);
        var border = new Stroke(theme.AxisColor, 0.75);
        var connector = new Stroke(theme.AxisColor, 0.75);
        var boxes = new List<FigureElement>();
        var lines = new List<FigureElement>();
        double y = margin;
        for (int i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var mainLines = Centered($"{stage.Label} (n\u00A0=\u00A0{N(stage.Count)})", mainWidth, size);
            var box = new FigureRect(mainX, y, mainWidth, BoxElement.HeightFor(mainLines.Count, size, Padding));
            boxes.Add(new BoxElement(box, mainLines, size, theme.Ink, fill, border, Padding, TextAnchor.Middle));
            y = box.Bottom;
            bool last = i == stages.Count - 1;
            if (stage.Exclusion is { } exclusion)
            {
                var sideLines = SideLines(exclusion, sideWidth, size);
                double sideHeight = BoxElement.HeightFor(sideLines.Count, size, Padding);
                double gap = Math.Max(28, sideHeight + 16);
                double branch = y + (gap / 2);
                var side = new FigureRect(sideX, branch - (sideHeight / 2), sideWidth, sideHeight);
                boxes.Add(new BoxElement(side, sideLines, size, theme.Ink, fill, border, Padding, TextAnchor.Start));
                lines.Add(new PolylineElement([new(trunk, branch), new(sideX, branch)], connector, ArrowHead.End, 5));
                if (last && analysisSets.Count == 0)
                {
                    lines.Add(new PolylineElement([new(trunk, y), new(trunk, branch)], connector));
                }

                y += gap;
                if (last && analysisSets.Count > 0)
                {
                    // Room under the side box for the bar that leads to the analysis sets.
                    y += 22;
                }
            }
            else if (!last || analysisSets.Count > 0)
            {
                y += 22;
            }

            if (!last)
            {
                lines.Add(new PolylineElement([new(trunk, box.Bottom), new(trunk, y)], connector, ArrowHead.End, 5));
            }
        }

        if (analysisSets.Count > 0)
        {
            // A bar under the trunk and a drop to each set; the sets share the full width.
            double setGap = 12;
            double setWidth = (options.Width - (2 * margin) - (setGap * (analysisSets.Count - 1))) / analysisSets.Count;
            var setLines = analysisSets.Select(s => Centered($"{s.Label} (n\u00A0=\u00A0{N(s.Count)})", setWidth, size)).ToList();
            double setHeight = setLines.Max(l => BoxElement.HeightFor(l.Count, size, Padding));
            double bar = y - 11;
            double lastBottom = boxes.OfType<BoxElement>().Where(b => b.Bounds.X == mainX).Last().Bounds.Bottom;
            lines.Add(new PolylineElement([new(trunk, lastBottom), new(trunk, bar)], connector));
            var centers = Enumerable.Range(0, analysisSets.Count).Select(k => margin + (k * (setWidth + setGap)) + (setWidth / 2)).ToList();
            if (analysisSets.Count > 1)
            {
                lines.Add(new PolylineElement([new(Math.Min(centers[0], trunk), bar), new(Math.Max(centers[^1], trunk), bar)], connector));
            }

            for (int k = 0; k < analysisSets.Count; k++)
            {
                var box = new FigureRect(margin + (k * (setWidth + setGap)), y, setWidth, setHeight);
                boxes.Add(new BoxElement(box, setLines[k], size, theme.Ink, new Fill(Rgb.FromHex("#F2F2F2")), border, Padding, TextAnchor.Middle));
                lines.Add(new PolylineElement([new(centers[k], bar), new(centers[k], y)], connector, ArrowHead.End, 5));
            }

            y += setHeight;
        }

        var elements = new List<FigureElement>(lines.Count + boxes.Count);
        elements.AddRange(lines);
        elements.AddRange(boxes);
        return new Figure(id, options.Width, Math.Ceiling(y + margin), elements, title).Validated();
    }

    /// <summary>A count with thousands separators; "(n = k)" is written with no-break spaces so it never splits over two lines.</summary>
    private static string N(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static List<BoxLine> Centered(string text, double width, double size) =>
        TextMeasure.Wrap(text, width - (2 * Padding), size).Select(l => new BoxLine(l)).ToList();

    /// <summary>A bold heading, then "• reason (n = k)" per reason, wrapped under its own start (a hanging indent).</summary>
    private static List<BoxLine> SideLines(ConsortExclusion exclusion, double width, double size)
    {
        double inner = width - (2 * Padding);
        var lines = TextMeasure.Wrap($"{exclusion.Label} (n\u00A0=\u00A0{N(exclusion.Count)})", inner, size, FontWeight.Bold).Select(l => new BoxLine(l, FontWeight.Bold)).ToList();
        const string Bullet = "\u2022 ";
        double hang = TextMeasure.Width(Bullet, size);
        foreach (var reason in exclusion.Reasons)
        {
            var wrapped = TextMeasure.Wrap($"{reason.Reason} (n\u00A0=\u00A0{N(reason.Count)})", inner - hang, size);
            lines.Add(new BoxLine(Bullet + wrapped[0]));
            lines.AddRange(wrapped.Skip(1).Select(l => new BoxLine(l, FontWeight.Regular, hang)));
        }

        return lines;
    }
}
