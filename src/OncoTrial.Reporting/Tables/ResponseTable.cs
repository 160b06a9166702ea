using OncoTrial.Clinical.Analyses;

namespace OncoTrial.Reporting.Tables;

/// <summary>
/// Table 2, tumour response (<see cref="TumourResponse"/>): best overall response counts, objective response and disease
/// control with their intervals over the analysis set ("n (%; lower-upper)") and over the evaluable subset
/// ("n/N (%; lower-upper)"), then both rates by PD-L1 CPS level; one column per arm and a total. Counts are rounded to
/// the options' percent decimals, rates to their rate decimals, half away from zero; the interval method and level come
/// from the result.
/// </summary>
public static class ResponseTable
{
    /// <summary>The table's id in a report (<see cref="TrialTables"/> numbers it).</summary>
    public const string Id = "response";

    /// <summary>Table 2 of a study's results; null when the study has no tumour response data (<see cref="TrialResults.Response"/>).</summary>
    /// <exception cref="OncoTrial.Statistics.ProblemException">The study is unusable or its datasets have errors.</exception>
    public static ReportTable? Create(TrialResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Response is not { } response)
        {
            return null;
        }

        var options = response.Options;
        int percent = options.PercentDecimals;
        int rate = options.RateDecimals;
        var columns = TableParts.Columns(response.Population);
        TableRow Counts(CountRow row) => new([TableParts.Label(row.Label), .. row.Values.Select(v => TableParts.Count(v, percent))]) { Key = row.Key };
        TableRow Rates(string key, string label, IReadOnlyList<RateEstimate> rates, bool subset) =>
            new([TableParts.Label(label), .. rates.Select(r => TableParts.Rate(r, rate, subset))]) { Key = key };

        var groups = new List<RowGroup>
        {
            new("Best overall response", [.. response.BestResponse.Select(Counts)]),
            new("Response rates", [Rates("orr", "Objective response", response.ObjectiveResponse, false), Rates("dcr", "Disease control", response.DiseaseControl, false)]),
            new("Evaluable subset",
            [
                new TableRow([TableParts.Label("Evaluable"), .. response.Evaluable.Select(f => TableParts.Count(f, percent))]) { Key = "evaluable" },
                Rates("evaluable/orr", "Objective response", response.EvaluableObjectiveResponse, true),
                Rates("evaluable/dcr", "Disease control", response.EvaluableDiseaseControl, true),
            ]),
        };
        if (response.ByPdL1.Count > 0)
        {
            groups.Add(new RowGroup("Objective response by PD-L1 CPS", [.. response.ByPdL1.Select(r => Rates(r.Key + "/orr", r.Label, r.ObjectiveResponse, true))]));
            groups.Add(new RowGroup("Disease control by PD-L1 CPS", [.. response.ByPdL1.Select(r => Rates(r.Key + "/dcr", r.Label, r.DiseaseControl, true))]));
        }

        string level = TableParts.Level(options.ConfidenceLevel);
        return new ReportTable(
            Formats.Invariant($"Tumour response ({response.Population.Name.ToLowerInvariant()}, N = {response.Population.N})"),
            [ColumnHeader.Text("Response", "response"), .. columns.Select(c => new ColumnHeader(c.Label, c.Key) { Alignment = ColumnAlignment.Center })],
            groups,
            [
                $"Data are n (%), n (%; {level} CI), or n/N (%; {level} CI) over a subset.",
                response.Describe(),
                TableParts.DataCutoff(results),
            ])
        {
            Id = Id,
            GroupKey = TableParts.SectionKey,
            RowKey = TableParts.RowKey,
        };
    }
}
