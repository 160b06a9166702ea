using System.Globalization;
using System.Text.RegularExpressions;
using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Tests.Figures;

public class KaplanMeierFigureTests
{
    [Fact]
    public void Each_number_at_risk_is_anchored_exactly_at_the_x_of_its_tick()
    {
        // Given
        var figure = FigureSamples.KaplanMeierTwoArms();
        var axis = figure.Elements.OfType<Axis>().Single(a => a.Side == AxisSide.Bottom);
        var risk = figure.Panels.Last();

        // When: the counts (centred text marks at tick values) and the tick positions
        var counts = risk.Marks.OfType<TextMark>().Where(m => m.Anchor == TextAnchor.Middle).ToList();

        // Then: two rows of one count per tick, each at its tick's x in figure points
        Assert.Equal(2 * axis.Ticks.Count, counts.Count);
        foreach (var count in counts)
        {
            var tick = Assert.Single(axis.Ticks, t => t.Value == count.Position.X);
            Assert.Equal(axis.Position(tick), risk.MapX(count.Position.X) + count.OffsetX);
        }
    }

    [Fact]
    public void In_the_SVG_the_x_of_every_count_equals_the_x_of_a_tick_label_and_of_a_tick()
    {
        // Given
        string svg = SvgWriter.Write(FigureSamples.KaplanMeierTwoArms());

        // When: tick label x's (texts just under the axis) and the count texts (digits) below "Number at risk"
        int table = svg.IndexOf(">Number at risk<", StringComparison.Ordinal);
        Assert.True(table > 0);
        var xOf = new Regex("<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"middle\" font-size=\"9.00\">([0-9]+)</text>");
        var tickLabels = xOf.Matches(svg[..table]).Select(m => m.Groups[1].Value).Distinct().ToList();
        var countXs = xOf.Matches(svg[table..]).Select(m => m.Groups[1].Value).ToList();
        var tickPath = Regex.Match(svg, "<path d=\"(M[0-9.]+ [0-9.]+ H[0-9.]+(?: M[0-9.]+ [0-9.]+ V[0-9.]+){5,})\"").Groups[1].Value;
        var tickXs = Regex.Matches(tickPath, " M([0-9.]+) ").Select(m => m.Groups[1].Value).ToList();

        // Then
        Assert.Equal(15, tickLabels.Count);
        Assert.Equal(tickLabels, tickXs);
        Assert.Equal(30, countXs.Count);
        Assert.Equal(tickLabels.Concat(tickLabels), countXs);
    }

    [Theory]
    [InlineData(0, 11)]   // before the first time: everyone
    [InlineData(9, 11)]   // at the first event time: still at risk
    [InlineData(9.5, 10)]
    [InlineData(13, 10)]  // 13 has an event and a censoring: both at risk at 13
    [InlineData(13.01, 8)]
    [InlineData(161, 1)]  // the last (censored) time
    [InlineData(162, 0)]  // past the last time
    public void The_number_at_risk_at_t_counts_the_subjects_with_time_at_or_after_t(double time, long expected)
    {
        var maintained = FigureSamples.Curve("Maintained", FigureSamples.Aml().Where(r => r.Group == "Maintained").Select(r => (r.Time, r.Status)));
        Assert.Equal(expected, KaplanMeierFigure.NumberAtRisk(maintained.Points, time));
    }

    [Fact]
    public void A_censor_mark_is_drawn_at_every_censored_time_on_the_curve()
    {
        var figure = FigureSamples.KaplanMeierTwoArms();
        var marks = figure.Panels.First().Marks.OfType<PointsMark>().ToList();
        Assert.All(marks, m => Assert.Equal(MarkerShape.Plus, m.Shape));

        // aml: Maintained censored at 13, 28, 45, 161; Nonmaintained at 16.
        Assert.Equal([13.0, 28, 45, 161], marks[0].Points.Select(p => p.X));
        Assert.Equal([16.0], marks[1].Points.Select(p => p.X));
    }

    [Fact]
    public void The_annotation_states_the_medians_and_the_hazard_ratio_from_the_inputs()
    {
        var figure = FigureSamples.KaplanMeierTwoArms();
        var lines = figure.Elements.OfType<TextElement>().Single(t => t.Lines.Count == 3).Lines;
        Assert.StartsWith("Maintained: median 31.0 weeks (95% CI 13.0\u2013NE)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Nonmaintained: median 23.0 weeks", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("HR Nonmaintained vs Maintained ", lines[2], StringComparison.Ordinal);
        Assert.Contains("log-rank p = 0.0", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_annotation_box_stays_clear_of_every_curve()
    {
        foreach (var figure in new[] { FigureSamples.KaplanMeierTwoArms(), FigureSamples.KaplanMeierSingleArm(), AtScaleSamples.KaplanMeierPfs(), AtScaleSamples.KaplanMeierOsTwoArms() })
        {
            var plot = figure.Panels.First();
            var box = figure.Elements.OfType<RectElement>().Single().Bounds;
            foreach (var line in plot.Marks.OfType<LineMark>())
            {
                for (int k = 1; k < line.Points.Count; k++)
                {
                    // The step from point k-1 runs across at y(k-1), then down at x(k).
                    double x0 = plot.MapX(line.Points[k - 1].X), x1 = plot.MapX(line.Points[k].X);
                    double y0 = plot.MapY(line.Points[k - 1].Y), y1 = plot.MapY(line.Points[k].Y);
                    Assert.False(x0 < box.Right && x1 > box.X && y0 > box.Y && y0 < box.Bottom, $"{figure.Id}: a horizontal step crosses the annotation");
                    Assert.False(x1 > box.X && x1 < box.Right && Math.Max(y0, y1) > box.Y && Math.Min(y0, y1) < box.Bottom, $"{figure.Id}: a vertical step crosses the annotation");
                }
            }
        }
    }

    [Fact]
    public void A_long_group_name_is_whole_in_the_legend_and_cut_with_an_ellipsis_beside_the_numbers_at_risk()
    {
        var figure = AtScaleSamples.KaplanMeierOsTwoArms();
        Assert.Contains("Benmelstobart + anlotinib + chemotherapy", figure.Elements.OfType<LegendElement>().Single().Entries.Select(e => e.Label));
        var label = figure.Panels.Last().Marks.OfType<TextMark>().First(m => m.Anchor == TextAnchor.End);
        Assert.EndsWith("\u2026", label.Text, StringComparison.Ordinal);
        Assert.StartsWith("Benmelstobart", label.Text, StringComparison.Ordinal);
        Assert.True(label.Style.Measure(label.Text) <= figure.Width * 0.24);
    }

    [Fact]
    public void A_median_not_reached_is_said_in_words()
    {
        var lines = AtScaleSamples.KaplanMeierOsTwoArms().Elements.OfType<TextElement>().Single(t => t.Lines.Count >= 3).Lines;
        Assert.Contains(lines, l => l.StartsWith("Benmelstobart + anlotinib + chemotherapy: median not reached (95% CI ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_curve_has_no_group_legend_and_a_landmark_line_in_percent()
    {
        var figure = FigureSamples.KaplanMeierSingleArm();
        var legend = figure.Elements.OfType<LegendElement>().Single();
        Assert.Equal(["Censored", "95% CI"], legend.Entries.Select(e => e.Label));
        var lines = figure.Elements.OfType<TextElement>().Single(t => t.Lines.Count == 2).Lines;
        Assert.StartsWith("Median 27.0 weeks (95% CI ", lines[0], StringComparison.Ordinal);
        Assert.Matches("^24-week: [0-9]+\\.[0-9]% \\([0-9]+\\.[0-9]\u2013[0-9]+\\.[0-9]\\)$", lines[1]);
        Assert.NotEmpty(figure.Panels.First().Marks.OfType<PolygonMark>());
    }

    [Fact]
    public void The_default_time_step_is_3_6_or_12_by_the_length_of_follow_up()
    {
        Assert.Equal(3, KaplanMeierFigure.DefaultTimeStep(24));
        Assert.Equal(6, KaplanMeierFigure.DefaultTimeStep(24.1));
        Assert.Equal(6, KaplanMeierFigure.DefaultTimeStep(60));
        Assert.Equal(12, KaplanMeierFigure.DefaultTimeStep(61));
        _ = CultureInfo.InvariantCulture;
    }
}
