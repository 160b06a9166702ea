using OncoTrial.Clinical.Recist;
using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Tests.Figures;

public class TumourFigureTests
{
    [Fact]
    public void Waterfall_bars_run_from_the_largest_increase_to_the_largest_decrease_coloured_by_confirmed_BOR()
    {
        var figure = FigureSamples.Waterfall();
        var bars = figure.Panels.First().Marks.OfType<RectMark>().ToList();
        Assert.Equal(16, bars.Count);
        var tops = bars.Select(b => Math.Abs(b.Y1 + b.Y0) < 1e-9 ? 0 : b.Y1).ToList();
        Assert.Equal(tops.OrderByDescending(v => v), tops);
        Assert.Equal(FigureTheme.Default.ResponseColor(OverallResponse.ProgressiveDisease), bars[0].Fill.Color);
        Assert.Equal(FigureTheme.Default.ResponseColor(OverallResponse.CompleteResponse), bars[^1].Fill.Color);
    }

    [Fact]
    public void Waterfall_has_the_minus_30_and_plus_20_lines_new_lesion_stars_and_the_subjects_without_a_scan_in_a_note()
    {
        var figure = FigureSamples.Waterfall();
        var panel = figure.Panels.First();
        Assert.Equal([-30.0, 20, 0], panel.Marks.OfType<RuleMark>().Select(r => r.Value));
        var stars = Assert.Single(panel.Marks.OfType<PointsMark>());
        Assert.Equal(MarkerShape.Star, stars.Shape);
        Assert.Equal([1.0, 7], stars.Points.Select(p => p.X)); // 01-013 (+35%) and 01-011 (-20%, drawn at 0)
        Assert.Equal([35.0, 0], stars.Points.Select(p => p.Y));
        var note = figure.Elements.OfType<TextElement>().Last();
        Assert.Equal("No post-baseline tumour assessment (n = 2): 01-017, 01-018.", string.Join(" ", note.Lines));
    }

    [Fact]
    public void The_PD_L1_row_has_a_tile_under_each_bar_at_the_same_x()
    {
        var figure = FigureSamples.Waterfall();
        var bars = figure.Panels.First();
        var row = figure.Panels.ElementAt(1);
        var tiles = row.Marks.OfType<RectMark>().ToList();
        var barMarks = bars.Marks.OfType<RectMark>().ToList();
        Assert.Equal(barMarks.Count, tiles.Count);
        for (int i = 0; i < tiles.Count; i++)
        {
            Assert.Equal(bars.MapX(barMarks[i].X0), row.MapX(tiles[i].X0));
            Assert.Equal(bars.MapX(barMarks[i].X1), row.MapX(tiles[i].X1));
        }
    }

    [Fact]
    public void Swimmer_lanes_run_longest_first_with_an_arrow_for_each_ongoing_subject()
    {
        var figure = FigureSamples.Swimmer();
        var axis = figure.Elements.OfType<Axis>().Single(a => a.Side == AxisSide.Left);
        Assert.Equal(["01-001", "01-002", "01-005", "01-003", "01-009", "01-004", "01-007", "01-006", "01-010", "01-008"], axis.Ticks.Select(t => t.Label));
        var arrows = figure.Panels.Single().Marks.OfType<SegmentMark>().ToList();
        Assert.Equal(3, arrows.Count);
        Assert.All(arrows, a => Assert.Equal(ArrowHead.End, a.Head));
        Assert.Equal([19.5, 16.8, 14.0], arrows.Select(a => a.From.X));
    }

    [Fact]
    public void Spider_lines_start_at_baseline_and_responders_are_drawn_last()
    {
        var figure = FigureSamples.Spider();
        var lines = figure.Panels.Single().Marks.OfType<LineMark>().ToList();
        Assert.Equal(8, lines.Count);
        Assert.All(lines, l => Assert.Equal(new FigurePoint(0, 0), l.Points[0]));
        Assert.Equal(FigureTheme.Default.ResponseColor(OverallResponse.CompleteResponse), lines[^1].Stroke.Color);
    }

    [Fact]
    public void Forest_rows_text_and_intervals_share_one_y_and_the_reference_line_is_at_1()
    {
        var figure = ForestSample();
        var table = figure.Panels.First();
        var plot = figure.Panels.Last();
        Assert.Equal(table.Bounds.Y, plot.Bounds.Y);
        Assert.Equal(table.Bounds.Height, plot.Bounds.Height);
        Assert.Equal(1, plot.Marks.OfType<RuleMark>().Single().Value);
        foreach (var point in plot.Marks.OfType<PointsMark>())
        {
            int row = (int)point.Points[0].Y;
            var label = table.Marks.OfType<TextMark>().First(t => t.Position.Y == row);
            Assert.Equal(table.MapY(label.Position.Y), plot.MapY(point.Points[0].Y));
        }

        var texts = table.Marks.OfType<TextMark>().Select(t => t.Text).ToList();
        Assert.Contains("0.62 (0.41\u20130.93)", texts);
        Assert.Contains("<0.001", texts);
        Assert.Contains("NE", texts);
    }

    [Fact]
    public void Forest_interval_past_the_axis_ends_in_an_arrow()
    {
        var figure = ForestFigure.Create("f", "t", [new(ForestRowKind.Subgroup, "Wide", 5, 2, new(3, 0.5, 250), 0.5)], new ForestFigureOptions { Domain = (0.25, 4) });
        var segments = figure.Panels.Last().Marks.OfType<SegmentMark>().ToList();
        Assert.Equal([ArrowHead.None, ArrowHead.End], segments.Select(s => s.Head));
        Assert.Equal(4, segments[1].To.X);
    }

    private static Figure ForestSample() => FigureSamples.Forest();
}
