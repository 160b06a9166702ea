using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Tests.Figures;

public class ConsortFigureTests
{
    public static TheoryData<string> Cases => new(["sample", "long-reasons", "no-exclusions", "one-set", "last-excludes"]);

    private static Figure Case(string name) => name switch
    {
        "sample" => FigureSamples.Consort(),
        "long-reasons" => ConsortFigure.Create("consort-long", "Many long reasons", Enumerable.Range(1, 5).Select(i => new ConsortStage(
            $"Stage {i} with a rather long description that has to wrap over several lines of the main box",
            1000 - i,
            new ConsortExclusion("Left the study", i, Enumerable.Range(1, i + 2).Select(k => new ConsortReason($"Reason number {k}, described at length so that it wraps twice inside the side box", k)).ToList()))).ToList(),
            [new("Safety analysis set", 999), new("Full analysis set", 998), new("Per-protocol set", 990), new("Pharmacokinetic set", 12)]),
        "last-excludes" => ConsortFigure.Create("consort-last", "An exclusion after the last stage", [new("Enrolled", 10, null), new("Treated", 10, new("Not evaluable", 2, [new("No post-baseline scan", 2)]))], [new("Safety analysis set", 10), new("Response-evaluable set", 8)]),
        "no-exclusions" => ConsortFigure.Create("consort-plain", "No exclusions", [new("Enrolled", 10, null), new("Treated", 10, null)], []),
        _ => ConsortFigure.Create("consort-one", "One set", [new("Enrolled", 10, new("Excluded", 1, [new("Withdrew", 1)])), new("Treated", 9, null)], [new("Safety analysis set", 9)]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_two_boxes_overlap_and_all_lie_inside_the_figure(string name)
    {
        var figure = Case(name);
        var boxes = figure.Elements.OfType<BoxElement>().Select(b => b.Bounds).ToList();
        Assert.True(boxes.Count >= 2);
        for (int i = 0; i < boxes.Count; i++)
        {
            Assert.True(boxes[i].X >= 0 && boxes[i].Y >= 0 && boxes[i].Right <= figure.Width && boxes[i].Bottom <= figure.Height, $"box {i} leaves the figure");
            for (int j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Overlaps(boxes[j]), $"boxes {i} and {j} overlap: {boxes[i]} and {boxes[j]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_connector_runs_through_a_box(string name)
    {
        var figure = Case(name);
        var boxes = figure.Elements.OfType<BoxElement>().Select(b => b.Bounds.Inflate(-1)).ToList();
        foreach (var line in figure.Elements.OfType<PolylineElement>())
        {
            for (int k = 1; k < line.Points.Count; k++)
            {
                var (a, b) = (line.Points[k - 1], line.Points[k]);
                double x0 = Math.Min(a.X, b.X), x1 = Math.Max(a.X, b.X), y0 = Math.Min(a.Y, b.Y), y1 = Math.Max(a.Y, b.Y);
                Assert.DoesNotContain(boxes, r => x0 < r.Right && x1 > r.X && y0 < r.Bottom && y1 > r.Y);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_line_of_text_fits_inside_its_box_by_the_font_metrics(string name)
    {
        foreach (var box in Case(name).Elements.OfType<BoxElement>())
        {
            double inner = box.Bounds.Width - (2 * box.Padding);
            Assert.All(box.Lines, l => Assert.True(l.Indent + TextMeasure.Width(l.Text, box.Size, l.Weight) <= inner + 1e-9, $"\"{l.Text}\" is wider than its box"));
            Assert.True(BoxElement.HeightFor(box.Lines.Count, box.Size, box.Padding) <= box.Bounds.Height + 1e-9);
        }
    }

    [Fact]
    public void Counts_and_reasons_are_printed_and_n_equals_k_never_breaks_over_two_lines()
    {
        var boxes = FigureSamples.Consort().Elements.OfType<BoxElement>().ToList();
        var text = boxes.SelectMany(b => b.Lines).Select(l => l.Text).ToList();
        Assert.Contains("Assessed for eligibility (n\u00A0=\u00A060)", text);
        Assert.Contains("Excluded (n\u00A0=\u00A012)", text);
        Assert.Contains("\u2022 Disease progression (n\u00A0=\u00A022)", text);
        Assert.Contains(text, t => t.EndsWith("(n\u00A0=\u00A01)", StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.EndsWith("(n", StringComparison.Ordinal));
        Assert.Equal(3 + 4 + 3, boxes.Count);
    }
}
