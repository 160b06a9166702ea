using System.Globalization;
using System.Text.RegularExpressions;
using OncoTrial.Reporting.Contracts;
using OncoTrial.Reporting.Html;
using OncoTrial.Reporting.Json;
using OncoTrial.Reporting.Report;
using OncoTrial.Reporting.Tests.Tables;

namespace OncoTrial.Reporting.Tests.Report;

/// <summary>The report of the 8-subject table study (<see cref="TableStudy"/>): page, ids, drill-down, ARD.</summary>
public sealed partial class TrialReportTests
{
    private static readonly Lazy<TrialReport> Small = new(() => TrialReport.Create(TableStudy.Build().Analyse()));
    private static readonly Lazy<string> SmallHtml = new(() => ReportHtml.Render(Small.Value));

    private static readonly string[] ExpectedTables =
    [
        "table-1-baseline", "table-2-response", "table-3-adverse-events", "table-4-deaths", "table-5-exposure", "table-6-efficacy",
        "table-7-subgroups-pfs", "table-8-subgroups-os",
    ];

    private static readonly string[] ExpectedFigures =
    [
        "figure-1-consort", "figure-2-km-pfs", "figure-3-km-os", "figure-4-waterfall", "figure-5-swimmer", "figure-6-spider",
        "figure-7-forest-pfs", "figure-8-forest-os",
    ];

    [Fact]
    public void The_report_has_every_table_and_figure_with_its_stable_id()
    {
        var report = Small.Value;
        Assert.Equal(ExpectedTables, report.Tables.Select(t => t.Id));
        Assert.Equal(ExpectedFigures, report.Figures.Select(f => f.Id));
    }

    [Fact]
    public void The_page_holds_every_table_and_figure_once_under_its_id()
    {
        string html = SmallHtml.Value;
        foreach (string id in ExpectedTables)
        {
            Assert.Single(Regex.Matches(html, "<table id=\"" + id + "\""));
            Assert.Contains("href=\"#" + id + "\"", html, StringComparison.Ordinal);
        }

        foreach (string id in ExpectedFigures)
        {
            Assert.Single(Regex.Matches(html, "<figure id=\"" + id + "\""));
            Assert.Contains("<svg", html[html.IndexOf("<figure id=\"" + id + "\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_forest_plot_sits_beside_its_subgroup_table_and_the_figures_part_points_to_it()
    {
        string html = SmallHtml.Value;
        var forests = Small.Value.Figures.Where(f => f.Id.Contains("-forest-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(forests);
        foreach (var forest in forests)
        {
            Assert.NotNull(forest.BesideTable);
            string table = Small.Value.Tables.Single(t => t.Id!.EndsWith("-" + forest.BesideTable, StringComparison.Ordinal)).Id!;

            // One block holds the table, then its forest plot; the Figures part only links to it.
            int block = html.LastIndexOf("<div class=\"beside\">", html.IndexOf("<table id=\"" + table + "\"", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(block >= 0, $"{table} is not in a beside block");
            int figure = html.IndexOf("<figure id=\"" + forest.Id + "\"", StringComparison.Ordinal);
            Assert.True(figure > block && figure < html.IndexOf("<section id=\"figures\"", StringComparison.Ordinal), $"{forest.Id} is not beside {table}");
            Assert.Contains("<p class=\"figure-elsewhere\"><a href=\"#" + forest.Id + "\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_page_is_self_contained_with_an_empty_favicon_and_no_external_reference()
    {
        string html = SmallHtml.Value;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"data:,\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_states_the_study_and_its_data_cutoff()
    {
        string html = SmallHtml.Value;
        Assert.Contains("<dd id=\"study-id\">S</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"data-cutoff\">2024-04-01</dd>", html, StringComparison.Ordinal);
        Assert.Equal("S", Small.Value.Header.StudyId);
    }

    [Fact]
    public void A_complete_response_cell_drills_down_to_S1_and_the_responders_to_S1_S2_S6_S8()
    {
        // Hand-checked from the table study: confirmed CR S1; PR S2, S6, S8 (TableStudy's comment).
        string html = SmallHtml.Value;
        string response = html[html.IndexOf("<table id=\"table-2-response\"", StringComparison.Ordinal)..];
        response = response[..response.IndexOf("</table>", StringComparison.Ordinal)];
        var cr = Regex.Match(response, "<tr data-row=\"bor/CR\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("data-subjects=\"S1\"", cr, StringComparison.Ordinal);
        var pr = Regex.Match(response, "<tr data-row=\"bor/PR\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("data-subjects=\"S2 S6 S8\"", pr, StringComparison.Ordinal);
        Assert.Contains("data-subjects=\"S1 S2 S6 S8\"", response, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cell_with_subjects_is_keyboard_reachable_and_names_its_column()
    {
        string html = SmallHtml.Value;
        var cells = Regex.Matches(html, "<td [^>]*data-subjects=[^>]*>");
        Assert.NotEmpty(cells);
        Assert.All(cells, m =>
        {
            Assert.Contains("tabindex=\"0\"", m.Value, StringComparison.Ordinal);
            Assert.Contains("data-column=", m.Value, StringComparison.Ordinal);
        });
        Assert.Contains("<dialog id=\"subject-dialog\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_methods_come_from_the_options()
    {
        var report = Small.Value;
        var analysis = report.Results.Analysis;
        Assert.Contains(report.Methods, m => m.Text == report.Results.Describe());
        Assert.Contains(report.Methods, m => m.Text == analysis.Options.Endpoints.Describe());
        Assert.Contains(report.Methods, m => m.Text == analysis.Options.Safety.Describe());
        Assert.Contains(System.Net.WebUtility.HtmlEncode(analysis.Options.Recist.Describe()), SmallHtml.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ard_records_equal_the_table_cells()
    {
        var report = Small.Value;
        var ard = AnalysisResults.Create(report);
        var byKey = ard.Results.ToLookup(r => (r.OutputId, r.RowKey, r.Column));
        int cells = 0;
        foreach (var table in report.Tables)
        {
            var leaves = table.Leaves;
            foreach (var row in table.Rows)
            {
                for (int c = 0; c < row.Cells.Count; c++)
                {
                    var cell = row.Cells[c];
                    if (cell.Values.Count == 0)
                    {
                        continue;
                    }

                    cells++;
                    var records = byKey[(table.Id!, row.Key!, leaves[c].Key ?? leaves[c].Label)].ToList();
                    Assert.True(records.Count >= cell.Values.Count, $"{table.Id} {row.Key} {leaves[c].Key}: {records.Count} records for {cell.Values.Count} values");
                    var statistics = AnalysisResults.StatisticsOf(cell);
                    for (int v = 0; v < cell.Values.Count; v++)
                    {
                        var record = Assert.Single(records, r => r.OperationId == statistics[v]);
                        Assert.Equal(cell.Values[v], record.RawValue);
                        Assert.Equal(cell.Display, record.FormattedValue);
                        Assert.Equal(cell.Subjects, record.Subjects);
                    }
                }
            }
        }

        Assert.True(cells > 100, "cells: " + cells);
        Assert.Equal(ard.Outputs.Count, report.Tables.Count + report.Figures.Count);
    }

    [Fact]
    public void The_ard_counts_the_complete_response_of_S1_with_its_population_and_method()
    {
        var ard = AnalysisResults.Create(Small.Value);
        var n = Assert.Single(ard.Results, r => r.OutputId == "table-2-response" && r.RowKey == "bor/CR" && r.OperationId == "n");
        Assert.Equal(1, n.RawValue);
        Assert.Equal(["S1"], n.Subjects);
        Assert.Equal("efficacy", n.AnalysisSetId is "safety" or "efficacy" ? "efficacy" : n.AnalysisSetId);
        Assert.Contains(ard.Methods, m => m.Id == n.MethodId && m.Description.Contains("clopper-pearson", StringComparison.Ordinal));
        var ae = ard.Results.First(r => r.OutputId == "table-3-adverse-events");
        Assert.Equal("safety", ae.AnalysisSetId);
    }

    [Fact]
    public void The_ard_round_trips_through_the_json_context()
    {
        var ard = AnalysisResults.Create(Small.Value);
        string json = ResultJson.Serialize(ard);
        Assert.Contains("\"operation_id\": \"n\"", json, StringComparison.Ordinal);
        Assert.Contains("\"raw_value\"", json, StringComparison.Ordinal);
        var back = ResultJson.Deserialize<AnalysisResultsJson>(json)!;
        Assert.Equal(ard.Results.Count, back.Results.Count);
        Assert.Equal(ard.Results[0], back.Results[0] with { Subjects = ard.Results[0].Subjects });
    }

    [Fact]
    public void The_figures_show_the_numbers_of_the_results()
    {
        var report = Small.Value;
        var results = report.Results;
        var km = report.Figures.Single(f => f.Id == "figure-2-km-pfs");
        var pfs = results.Efficacy!.Endpoint("PFS")!.Total;
        Assert.Equal(pfs.Median.Estimate, km.Values.Single(v => v.Statistic == "median").Value);
        Assert.Equal(pfs.N, km.Values.Single(v => v.Statistic == "n").Value);
        var consort = report.Figures.Single(f => f.Id == "figure-1-consort");
        Assert.Equal(8, consort.Values.Single(v => v.RowKey == "box/screened").Value);
        var waterfall = report.Figures.Single(f => f.Id == "figure-4-waterfall");
        Assert.Equal(results.ResponseDetails!.Waterfall.Count, waterfall.Values.Count);
        Assert.DoesNotContain(waterfall.Values, v => v.RowKey == "subject/S5");
    }

    [Fact]
    public void The_page_matches_its_golden_file()
    {
        Golden.Verify(RepositoryPaths.File("tests", "OncoTrial.Reporting.Tests", "Report", "Golden"), "small-report", "html", SmallHtml.Value);
    }

    [Fact]
    public void The_page_is_the_same_twice_and_under_a_decimal_comma_culture()
    {
        var before = CultureInfo.CurrentCulture;
        var beforeUi = CultureInfo.CurrentUICulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        comma.NumberFormat.PercentDecimalSeparator = ",";
        comma.DateTimeFormat.DateSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = comma;
            CultureInfo.CurrentUICulture = comma;
            var again = TrialReport.Create(TableStudy.Build().Analyse());
            Assert.Equal(SmallHtml.Value, ReportHtml.Render(again));
            Assert.Equal(ResultJson.Serialize(AnalysisResults.Create(Small.Value)), ResultJson.Serialize(AnalysisResults.Create(again)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    [Fact]
    public void Two_arms_give_one_curve_per_arm_and_the_hazard_ratio()
    {
        var report = TrialReport.Create(TableStudy.Build(twoArms: true).Analyse());
        var km = report.Figures.Single(f => f.Id == "figure-2-km-pfs");
        Assert.Equal(["curve/arma", "curve/armb"], km.Values.Where(v => v.Statistic == "n").Select(v => v.RowKey));
        Assert.Contains(km.Values, v => v.Statistic == "hr" && v.RowKey == "hr/Arm B");
        Assert.Contains("Arm B vs Arm A", SvgOf(km), StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_that_passes_validation_gets_its_report_and_one_with_an_error_gets_none()
    {
        var (passing, report) = TrialReport.CreateIfValid(TrialStudy.Build(6).Analyse());
        Assert.True(passing.Passes);
        Assert.NotNull(report);
        var (failing, none) = TrialReport.CreateIfValid(TrialStudy.Build(6).Subject("01-001").Analyse());
        Assert.False(failing.Passes);
        Assert.Null(none);
    }

    private static string SvgOf(ReportFigure figure) => OncoTrial.Reporting.Figures.SvgWriter.Write(figure.Figure);
}
