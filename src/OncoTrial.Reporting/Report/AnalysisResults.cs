using OncoTrial.Reporting.Contracts;

namespace OncoTrial.Reporting.Report;

/// <summary>
/// The analysis-results data of a report (<c>ard.json</c>): one record per number of every table cell and every figure,
/// with its output, row, column, statistic, raw and formatted value, analysis set, method and subjects. Table records
/// are read from the cells themselves (the values the display is formatted from), so the file and the tables cannot
/// disagree. Statistic names by cell format: see <see cref="StatisticsOf"/>.
/// </summary>
public static class AnalysisResults
{
    /// <summary>What the file follows.</summary>
    public const string Standard = "CDISC Analysis Results Standard v1.0 vocabulary (reporting event, analysis sets, methods, outputs, operation results); statistic names of the pharmaverse ARD (cards)";

    /// <summary>The analysis-results file of a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="outputs">The files written beside it (listed per output).</param>
    public static AnalysisResultsJson Create(TrialReport report, ReportOutputs outputs = ReportOutputs.All)
    {
        ArgumentNullException.ThrowIfNull(report);
        var header = report.Header;
        var sets = header.AnalysisSets.Select(s => new AnalysisSetJson(s.Id, s.Name, s.Definition, s.N, s.Subjects)).ToList();
        var methods = new List<AnalysisMethodJson>();
        var list = new List<OutputJson>();
        var results = new List<AnalysisResultJson>();
        foreach (var table in report.Tables)
        {
            string id = table.Id!;
            string method = "method-" + id;
            string set = report.AnalysisSetOf(id);
            methods.Add(new AnalysisMethodJson(method, string.Join(" ", table.Footnotes)));
            list.Add(new OutputJson(id, table.Title ?? id, "table", set, method, ReportLayout.TableFiles(id, outputs)));
            results.AddRange(TableRecords(table, set, method));
        }

        foreach (var figure in report.Figures)
        {
            string method = "method-" + figure.Id;
            string set = report.AnalysisSetOf(figure.Id);
            methods.Add(new AnalysisMethodJson(method, string.Join(" ", figure.Notes)));
            list.Add(new OutputJson(figure.Id, figure.Title, "figure", set, method, ReportLayout.FigureFiles(figure.Id, outputs)));
            results.AddRange(figure.Values.Select(v => new AnalysisResultJson(
                figure.Id, null, v.RowKey, v.RowLabel, v.Column, null, v.Statistic, v.Value, v.Value is { } x ? Formats.Number(x, "0.####") : "NE", set, method, v.Subjects)));
        }

        return new AnalysisResultsJson(
            Standard,
            new ReportingEventJson(header.StudyId, report.Title, header.DataCutoff is { } d ? Formats.Date(d) : null),
            sets,
            methods,
            list,
            results);
    }

    /// <summary>
    /// The statistic of each value of a cell, by its format: a count <c>n</c>; "n (%)" <c>n</c>, <c>N</c> (and <c>p</c>
    /// = n / N added); a rate with its interval <c>n</c>, <c>N</c>, <c>p</c>, <c>conf.low</c>, <c>conf.high</c>; an
    /// estimate with its interval <c>estimate</c>, <c>conf.low</c>, <c>conf.high</c>; a p-value <c>p.value</c>; a number
    /// <c>estimate</c>; other values <c>value</c>, <c>value.2</c>, ...
    /// </summary>
    public static IReadOnlyList<string> StatisticsOf(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string[] names = cell.Format.Kind switch
        {
            CellFormatKind.WholeNumber => ["n"],
            CellFormatKind.CountPercent => ["n", "N"],
            CellFormatKind.CountPercentInterval or CellFormatKind.FractionPercentInterval => ["n", "N", "p", "conf.low", "conf.high"],
            CellFormatKind.EstimateWithInterval or CellFormatKind.EstimateWithIntervalComma => ["estimate", "conf.low", "conf.high"],
            CellFormatKind.PValue => ["p.value"],
            CellFormatKind.Number or CellFormatKind.NumberOrInfinity => ["estimate"],
            _ => [],
        };
        return [.. cell.Values.Select((_, i) => i < names.Length ? names[i] : i == 0 ? "value" : "value." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static IEnumerable<AnalysisResultJson> TableRecords(ReportTable table, string set, string method)
    {
        var leaves = table.Leaves;
        var labels = ColumnLabels(table.Columns);
        int index = 0;
        foreach (var group in table.Groups)
        {
            foreach (var row in group.Rows)
            {
                index++;
                string rowKey = row.Key ?? "row/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string rowLabel = row.Cells.Count > 0 ? row.Cells[0].Display : string.Empty;
                for (int c = 0; c < row.Cells.Count && c < leaves.Count; c++)
                {
                    var cell = row.Cells[c];
                    if (cell.Values.Count == 0)
                    {
                        continue;
                    }

                    var names = StatisticsOf(cell);
                    string display = cell.Display;
                    string column = leaves[c].Key ?? leaves[c].Label;
                    for (int v = 0; v < cell.Values.Count; v++)
                    {
                        yield return new AnalysisResultJson(table.Id!, group.Label, rowKey, rowLabel, column, labels[c], names[v], cell.Values[v], display, set, method, cell.Subjects);
                    }

                    if (cell.Format.Kind == CellFormatKind.CountPercent && cell.Values.Count >= 2 && cell.Values[0] is { } n && cell.Values[1] is { } d && d > 0)
                    {
                        yield return new AnalysisResultJson(table.Id!, group.Label, rowKey, rowLabel, column, labels[c], "p", n / d, display, set, method, cell.Subjects);
                    }
                }
            }
        }
    }

    private static List<string> ColumnLabels(IReadOnlyList<ColumnHeader> columns)
    {
        var labels = new List<string>();
        void Walk(ColumnHeader header, string prefix)
        {
            string label = prefix.Length == 0 ? header.Label : prefix + " / " + header.Label;
            if (header.Children.Count == 0)
            {
                labels.Add(label);
                return;
            }

            foreach (var child in header.Children)
            {
                Walk(child, label);
            }
        }

        foreach (var c in columns)
        {
            Walk(c, string.Empty);
        }

        return labels;
    }
}
