using OncoTrial.Clinical.Analyses;

namespace OncoTrial.Reporting.Tables;

/// <summary>
/// Table 1, baseline characteristics (<see cref="BaselineCharacteristics"/>): age median (range) and by the age cutoff,
/// sex, ECOG, stage, number of metastatic sites, metastatic sites, prior therapy, PD-L1 CPS, as the paper prints them;
/// one column per arm and a total (one column in a single-arm study), each "n (%)" of the column's N (the analysis set,
/// never the subjects with a value), each cell holding its subjects. The number of subjects with a PD-L1 assessment is in
/// the footnote, as in the paper.
/// </summary>
public static class BaselineTable
{
    /// <summary>The table's id in a report (<see cref="TrialTables"/> numbers it).</summary>
    public const string Id = "baseline";

    /// <summary>Table 1 of a study's results.</summary>
    /// <exception cref="OncoTrial.Statistics.ProblemException">The study is unusable or its datasets have errors.</exception>
    public static ReportTable Create(TrialResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var baseline = results.Baseline;
        var options = baseline.Options;
        var columns = TableParts.Columns(baseline.Population);
        var groups = new List<RowGroup>();
        foreach (var section in baseline.Sections)
        {
            var rows = new List<TableRow>();
            if (section.Key == "age")
            {
                var cells = new List<Cell> { TableParts.Label("Median (range)") };
                cells.AddRange(baseline.Age.Select(a => new Cell([a.Summary.Median, a.Summary.Min, a.Summary.Max], null, CellFormat.EstimateWithInterval("0.#")) { Subjects = a.Subjects }));
                rows.Add(new TableRow(cells) { Key = "age/median" });
            }

            foreach (var row in section.Rows.Where(r => r.Key != "pdl1/assessed"))
            {
                rows.Add(new TableRow([TableParts.Label(row.Label), .. row.Values.Select(v => TableParts.Count(v, options.PercentDecimals))]) { Key = row.Key });
            }

            groups.Add(new RowGroup(section.Label, rows));
        }

        return new ReportTable(
            Title(baseline),
            [ColumnHeader.Text("Characteristic", "characteristic"), .. columns.Select(c => new ColumnHeader(c.Label, c.Key) { Alignment = ColumnAlignment.Center })],
            groups,
            [baseline.Describe(), TableParts.DataCutoff(results)])
        {
            Id = Id,
            GroupKey = TableParts.SectionKey,
            RowKey = TableParts.RowKey,
        };
    }

    private static string Title(BaselineCharacteristics baseline) =>
        Formats.Invariant($"Baseline characteristics ({baseline.Population.Name.ToLowerInvariant()}, N = {baseline.Population.N})");
}
