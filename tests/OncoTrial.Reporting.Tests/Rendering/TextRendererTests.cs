using OncoTrial.Reporting;

namespace OncoTrial.Reporting.Tests.Rendering;

public class TextRendererTests
{
    private static ReportTable Table() => new(
        "Title",
        [
            ColumnHeader.Text(string.Empty, "term"),
            new("All-cause", null, [ColumnHeader.Text("Any", "all_any"), ColumnHeader.Text("Grade >=3", "all_g3")]),
            ColumnHeader.Number("N", "n") with { IsHiddenInText = true },
        ],
        [
            new RowGroup("Overall", [new TableRow([Cell.FromText("Any event"), Cell.FromText("3 (100)"), Cell.FromText("2 (67)"), Cell.FromCount(3)])], ShowLabel: false),
            new RowGroup("Terms", [new TableRow([Cell.FromText("Nausea"), Cell.FromText("1 (33)"), Cell.FromText("0"), Cell.FromCount(3)])]),
        ],
        ["A footnote."])
    {
        GroupKey = "section",
    };

    [Fact]
    public void A_table_aligns_columns_spans_headers_indents_groups_and_leaves_hidden_columns_out()
    {
        string text = TextRenderer.Render(Table());
        Assert.Equal(
            """
            Title
                       All-cause
                       Any      Grade >=3
            Any event  3 (100)  2 (67)
            Terms
              Nausea   1 (33)   0
            A footnote.

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Numbers_are_right_aligned_and_missing_values_show_NE()
    {
        var table = ReportTable.Create(
            null,
            [ColumnHeader.Text("Time"), ColumnHeader.Number("Survival")],
            [new TableRow([Cell.FromText("1"), Cell.FromNumber(0.5, CellFormat.Number("0.0000"))]), new TableRow([Cell.FromText("200"), Cell.FromNumber(null, CellFormat.Number("0.0000"))])]);
        Assert.Equal("Time  Survival\n1       0.5000\n200         NE\n", TextRenderer.Render(table));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_a_programming_error()
    {
        var table = ReportTable.Create(null, [ColumnHeader.Text("a"), ColumnHeader.Text("b")], [new TableRow([Cell.FromText("x")])]);
        Assert.Throws<InvalidOperationException>(() => TextRenderer.Render(table));
    }

    [Fact]
    public void Paragraphs_are_indented_and_trailing_blanks_are_removed()
    {
        var doc = new DocumentBuilder("t").Paragraph("first  ").Paragraph("second", 1).BlankLine().Paragraph("a\nb", 2).Build();
        Assert.Equal("first\n  second\n\n    a\n    b\n", TextRenderer.Render(doc));
    }

    [Fact]
    public void The_CSV_keeps_hidden_columns_adds_the_group_column_and_quotes_what_needs_it()
    {
        Assert.Equal(
            "section,term,all_any,all_g3,n\nOverall,Any event,3 (100),2 (67),3\nTerms,Nausea,1 (33),0,3\n",
            CsvRenderer.Render(Table()));
        Assert.Equal("\"a, b\"", CsvRenderer.Field("a, b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvRenderer.Field("say \"hi\""));
        Assert.Equal("\" padded\"", CsvRenderer.Field(" padded"));
        Assert.Equal("plain", CsvRenderer.Field("plain"));
    }
}
