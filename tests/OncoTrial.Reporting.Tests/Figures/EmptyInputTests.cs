using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Tests.Figures;

public class EmptyInputTests
{
    public static TheoryData<string> Cases => new(["km", "waterfall", "swimmer", "spider", "forest", "consort"]);

    private static Figure Case(string name) => name switch
    {
        "km" => KaplanMeierFigure.Create("km-empty", "No subjects", [new SurvivalCurveInput("Arm A", [], null, [])]),
        "waterfall" => TumourFigures.Waterfall("waterfall-empty", "No scans", [new("01-001", null, null, false, null)]),
        "swimmer" => TumourFigures.Swimmer("swimmer-empty", "No subjects", []),
        "spider" => TumourFigures.Spider("spider-empty", "No subjects", []),
        "forest" => ForestFigure.Create("forest-empty", "No rows", []),
        _ => ConsortFigure.Create("consort-empty", "One stage", [new("Screened", 0, null)], []),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_figure_of_nothing_still_writes_and_renders(string name)
    {
        var figure = Case(name);
        string svg = SvgWriter.Write(figure);
        Assert.EndsWith("</svg>\n", svg, StringComparison.Ordinal);
        var (width, _) = FigurePngTests.PngSize(PngRenderer.Render(figure, 72));
        Assert.Equal((int)Math.Round(figure.Width), width);
    }

    [Fact]
    public void The_waterfall_of_subjects_without_scans_lists_them_all()
    {
        var note = TumourFigures.Waterfall("w", "t", [new("01-002", null, null, false, null), new("01-001", double.NaN, null, false, null)])
            .Elements.OfType<TextElement>().Last();
        Assert.Equal("No post-baseline tumour assessment (n = 2): 01-001, 01-002.", string.Join(" ", note.Lines));
    }

    [Fact]
    public void A_flow_without_stages_is_refused_with_a_message()
    {
        var e = Assert.Throws<ArgumentException>(() => ConsortFigure.Create("c", "t", [], []));
        Assert.Equal("Argument 'stages' must hold at least one stage, but it is empty. (Parameter 'stages')", e.Message);
    }
}
