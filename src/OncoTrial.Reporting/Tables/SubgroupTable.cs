using OncoTrial.Clinical.Analyses;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Tables;

/// <summary>
/// The subgroup analysis of one endpoint (<see cref="SubgroupAnalysis"/>; the table beside its forest plot): per subgroup
/// variable and level, the subjects with a record, events, the median in months with its interval, the hazard ratio with
/// its interval and the test p-value. In a single-arm study the hazard ratio is of the level against the variable's first
/// level; with more than one arm, each column group is an arm (and the total) and the hazard ratio is of each arm against
/// the reference arm within the level, as tern's subgroup forest.
/// </summary>
public static class SubgroupTable
{
    /// <summary>The id prefix of the tables in a report: <c>subgroups-pfs</c>, <c>subgroups-os</c>.</summary>
    public const string IdPrefix = "subgroups-";

    /// <summary>The subgroup table of one endpoint's analysis.</summary>
    /// <param name="results">The study's results (for the data cutoff and the censoring options).</param>
    /// <param name="analysis">One of <see cref="TrialResults.Subgroups"/>.</param>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public static ReportTable Create(TrialResults results, SubgroupAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(analysis);
        var options = analysis.Options;
        int rate = options.RateDecimals;
        string level = TableParts.Level(options.ConfidenceLevel);
        var population = analysis.Population;
        var columns = TableParts.Columns(population);
        bool multiArm = population.IsMultiArm;
        string reference = multiArm ? (options.ReferenceArm is { } r && population.Arms.Any(a => a.Name == r) ? r : population.Arms[0].Name) : string.Empty;
        var comparedArms = multiArm ? population.Arms.Where(a => a.Name != reference).ToList() : [];
        static IReadOnlyList<string> All(EndpointEstimate e) => [.. e.Events.Subjects.Concat(e.Censored.Subjects).Order(StringComparer.Ordinal)];

        var groups = new List<RowGroup>();
        foreach (var variable in analysis.Variables)
        {
            var rows = new List<TableRow>();
            foreach (var lvl in variable.Levels)
            {
                var cells = new List<Cell> { TableParts.Label(lvl.Label) };
                foreach (var e in lvl.Columns)
                {
                    cells.Add(TableParts.Number(e.N, All(e)));
                    cells.Add(TableParts.Number(e.Events.Count, e.Events.Subjects));
                    cells.Add(TableParts.Interval(e.Median.Estimate, e.Median.Lower, e.Median.Upper, rate, 1, All(e)));
                }

                var subjects = lvl.Subjects.Subjects;
                Cell Hazard(HazardRatio? h) => h is null
                    ? TableParts.NotCountedCell()
                    : new Cell([h.Estimate, h.Lower, h.Upper], null, CellFormat.Interval(2)) { Subjects = subjects };
                Cell P(double? p) => p is null ? TableParts.NotCountedCell() : new Cell([p], null, CellFormat.PValue) { Subjects = subjects };
                if (multiArm)
                {
                    var comparison = lvl.ArmComparison;
                    cells.AddRange(comparedArms.Select(a => Hazard(comparison?.HazardRatios.FirstOrDefault(h => h.Group == a.Name))));
                    cells.Add(P(comparison?.LogRankPValue));
                }
                else if (variable.LevelComparison is { } comparison && lvl.Key != comparison.Reference)
                {
                    cells.Add(Hazard(comparison.HazardRatios.FirstOrDefault(h => h.Group == lvl.Key)));
                    cells.Add(P(comparison.LogRankPValue));
                }
                else
                {
                    cells.Add(variable.LevelComparison is null ? TableParts.NotCountedCell() : Cell.FromText("Reference"));
                    cells.Add(TableParts.NotCountedCell());
                }

                rows.Add(new TableRow(cells) { Key = lvl.Key });
            }

            groups.Add(new RowGroup(variable.Label, rows));
        }

        ColumnHeader Centred(string label, string key) => new(label, key) { Alignment = ColumnAlignment.Center };
        ColumnHeader[] Estimates(string prefix) =>
            [Centred("n", prefix + "n"), Centred("Events", prefix + "events"), Centred($"Median, months ({level} CI)", prefix + "median")];
        var header = new List<ColumnHeader> { ColumnHeader.Text("Subgroup", "subgroup") };
        if (multiArm)
        {
            header.AddRange(columns.Select(c => new ColumnHeader(c.Label, null, Estimates(c.Key + "_"))));
            header.AddRange(comparedArms.Select(a => Centred($"Hazard ratio {a.Name} vs {reference} ({level} CI)", "hr_" + columns.First(c => c.Column.Name == a.Name).Key)));
        }
        else
        {
            header.AddRange(Estimates(string.Empty));
            header.Add(Centred($"Hazard ratio ({level} CI)", "hr"));
        }

        header.Add(Centred($"p-value ({Vocabulary.Token(options.LogRank.Weighting)} test)", "p"));

        // The analysis describes its level comparison; with arms the table shows the arm comparison within each level,
        // so its first footnote is the population and the survival methods alone (the efficacy summary's).
        var notes = new List<string> { multiArm && results.Efficacy is { } efficacy ? analysis.Label + ". " + efficacy.Describe() : analysis.Describe() };
        var excluded = analysis.Variables.Where(v => v.Excluded.Count > 0).Select(v => Formats.Invariant($"{v.Label} {v.Excluded.Count}")).ToList();
        if (excluded.Count > 0)
        {
            notes.Add("Subjects without a value, left out of the variable: " + string.Join("; ", excluded) + ".");
        }

        notes.Add(multiArm
            ? $"Hazard ratio of each arm against {reference} within the level; p-value comparing the arms within the level. {TableParts.NotCounted}: not estimable or not applicable."
            : $"Reference: the variable's first level; p-value comparing the levels. {TableParts.NotCounted}: not applicable.");
        notes.Add("Censoring: " + results.Analysis.Options.Endpoints.Describe());
        notes.Add("NE: not estimable (not reached).");
        notes.Add(TableParts.DataCutoff(results));
        return new ReportTable(
            Formats.Invariant($"Subgroup analysis of {Lower(analysis.Label)} ({population.Name.ToLowerInvariant()}, N = {population.N})"),
            header,
            groups,
            notes)
        {
            Id = IdPrefix + analysis.ParamCode.ToLowerInvariant(),
            GroupKey = TableParts.SectionKey,
            RowKey = TableParts.RowKey,
        };
    }

    private static string Lower(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];
}
