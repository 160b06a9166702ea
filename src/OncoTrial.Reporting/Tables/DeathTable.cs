using OncoTrial.Clinical.Analyses;

namespace OncoTrial.Reporting.Tables;

/// <summary>
/// Deaths of the safety set (<see cref="DeathSummary"/>): every death, by recorded cause (DS DSTERM), those with a fatal
/// adverse event, and the subjects alive at the data cutoff; "n (%)" of the column's N, a column per arm and a total.
/// </summary>
public static class DeathTable
{
    /// <summary>The table's id in a report (<see cref="TrialTables"/> numbers it).</summary>
    public const string Id = "deaths";

    /// <summary>The deaths table of a study's results.</summary>
    /// <exception cref="OncoTrial.Statistics.ProblemException">The study is unusable or its datasets have errors.</exception>
    public static ReportTable Create(TrialResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var safety = results.Safety;
        var deaths = safety.Deaths;
        int decimals = safety.Safety.PercentDecimals;
        var columns = TableParts.Columns(safety.Population);
        TableRow Row(string key, string label, IReadOnlyList<Frequency> values, int indent = 0) =>
            new([TableParts.Label(label), .. values.Select(v => TableParts.Count(v, decimals))], indent) { Key = key };

        var rows = new List<TableRow> { Row("deaths", "Deaths", deaths.Total) };
        rows.AddRange(deaths.ByCause.Select(c => Row(c.Key, c.Label, c.Values, 1)));
        rows.Add(Row("deaths/fatal-ae", "Deaths with a fatal adverse event", deaths.WithFatalAdverseEvent));
        rows.Add(Row("alive", "Alive at the data cutoff (no death record)", deaths.Alive));

        var notes = new List<string>
        {
            $"Data are n (%) of subjects. {safety.Population.Describe()}. Causes as recorded in DS DSTERM of the death record.",
            deaths.FatalAdverseEventTerms.Count > 0
                ? "Fatal adverse events (grade 5, AEOUT = FATAL or AESDTH = Y): " + string.Join(", ", deaths.FatalAdverseEventTerms.Select(AdverseEventTable.Term)) + "."
                : "No fatal adverse event (grade 5, AEOUT = FATAL or AESDTH = Y).",
            TableParts.DataCutoff(results),
        };
        return new ReportTable(
            Formats.Invariant($"Deaths ({safety.Population.Name.ToLowerInvariant()}, N = {safety.Population.N})"),
            [ColumnHeader.Text(string.Empty, "category"), .. columns.Select(c => new ColumnHeader(c.Label, c.Key) { Alignment = ColumnAlignment.Center })],
            [new RowGroup(null, rows, ShowLabel: false)],
            notes)
        {
            Id = Id,
            RowKey = TableParts.RowKey,
        };
    }
}
