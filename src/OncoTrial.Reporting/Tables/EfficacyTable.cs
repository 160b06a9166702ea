using OncoTrial.Clinical.Analyses;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Tables;

/// <summary>
/// The efficacy summary (<see cref="EfficacySummary"/>): per endpoint (PFS, OS, DoR) the subjects with a record, events
/// and censored "n (%)", the median in months with its Brookmeyer-Crowley interval, the Kaplan-Meier rate at each landmark
/// with its pointwise interval, and in a study with more than one arm the hazard ratio of each arm against the reference
/// and the test p-value; then the median follow-up by reverse Kaplan-Meier. Times and rates rounded half away from zero to
/// the options' rate decimals; NE where not estimable (a median or limit not reached).
/// </summary>
public static class EfficacyTable
{
    /// <summary>The table's id in a report (<see cref="TrialTables"/> numbers it).</summary>
    public const string Id = "efficacy";

    /// <summary>The efficacy summary of a study's results; null without ADTTE (<see cref="TrialResults.Efficacy"/>).</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public static ReportTable? Create(TrialResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Efficacy is not { } efficacy)
        {
            return null;
        }

        var options = efficacy.Options;
        int rate = options.RateDecimals;
        int percent = options.PercentDecimals;
        string level = TableParts.Level(options.ConfidenceLevel);
        var columns = TableParts.Columns(efficacy.Population);
        var groups = new List<RowGroup>();
        foreach (var endpoint in efficacy.Endpoints)
        {
            string code = endpoint.ParamCode.ToLowerInvariant();
            static IReadOnlyList<string> All(EndpointEstimate e) => [.. e.Events.Subjects.Concat(e.Censored.Subjects).Order(StringComparer.Ordinal)];
            TableRow Row(string key, string label, Func<EndpointEstimate, Cell> cell) =>
                new([TableParts.Label(label), .. endpoint.Columns.Select(cell)]) { Key = code + "/" + key };

            var rows = new List<TableRow>
            {
                Row("n", "Subjects with a record", e => TableParts.Number(e.N, All(e))),
                Row("events", "Events, n (%)", e => TableParts.Count(e.Events, percent)),
                Row("censored", "Censored, n (%)", e => TableParts.Count(e.Censored, percent)),
                Row("median", $"Median, months ({level} CI)", e => TableParts.Interval(e.Median.Estimate, e.Median.Lower, e.Median.Upper, rate, 1, All(e))),
            };
            foreach (double months in options.LandmarkMonths)
            {
                rows.Add(Row("landmark/" + TableParts.Short(months), $"{TableParts.Short(months)}-month rate, % ({level} CI)", e =>
                    e.Landmark(months) is { } l ? TableParts.Interval(l.Survival, l.Lower, l.Upper, rate, 100, All(e)) : TableParts.NotCountedCell()));
            }

            if (endpoint.ArmComparison is { } comparison)
            {
                var hazards = columns.Select(c => c.Column.IsTotal || c.Column.Name == comparison.Reference
                    ? TableParts.NotCountedCell()
                    : comparison.HazardRatios.FirstOrDefault(h => h.Group == c.Column.Name) is { } h
                        ? new Cell([h.Estimate, h.Lower, h.Upper], null, CellFormat.Interval(2)) { Subjects = c.Column.Subjects }
                        : TableParts.NotCountedCell());
                rows.Add(new TableRow([TableParts.Label($"Hazard ratio vs {comparison.Reference} ({level} CI)"), .. hazards]) { Key = code + "/hazard-ratio" });
                var p = columns.Select(c => c.Column.IsTotal ? new Cell([comparison.LogRankPValue], null, CellFormat.PValue) { Subjects = c.Column.Subjects } : TableParts.NotCountedCell());
                rows.Add(new TableRow([TableParts.Label($"p-value ({Vocabulary.Token(options.LogRank.Weighting)} test{(comparison.IsStratified ? ", stratified" : string.Empty)})"), .. p]) { Key = code + "/p-value" });
            }

            groups.Add(new RowGroup(endpoint.Label, rows));
        }

        if (efficacy.FollowUp.Count > 0)
        {
            groups.Add(new RowGroup("Follow-up",
            [
                new TableRow([TableParts.Label($"Median follow-up, months ({level} CI)"), .. efficacy.FollowUp.Select((f, i) => TableParts.Interval(f.Median.Estimate, f.Median.Lower, f.Median.Upper, rate, 1, efficacy.Population.Columns[i].Subjects))]) { Key = "follow-up/median" },
            ]));
        }

        var notes = new List<string>
        {
            efficacy.Describe(),
            "Censoring: " + results.Analysis.Options.Endpoints.Describe(),
            "NE: not estimable (not reached).",
            TableParts.DataCutoff(results),
        };
        if (efficacy.Endpoints.Any(e => e.ArmComparison is not null))
        {
            notes.Insert(1, $"{TableParts.NotCounted}: not applicable (the reference arm and the total have no hazard ratio; the test p-value compares every arm).");
        }

        return new ReportTable(
            Formats.Invariant($"Efficacy summary ({efficacy.Population.Name.ToLowerInvariant()}, N = {efficacy.Population.N})"),
            [ColumnHeader.Text(string.Empty, "statistic"), .. columns.Select(c => new ColumnHeader(c.Label, c.Key) { Alignment = ColumnAlignment.Center })],
            groups,
            notes)
        {
            Id = Id,
            GroupKey = TableParts.SectionKey,
            RowKey = TableParts.RowKey,
        };
    }
}
