using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Ctcae;
using OncoTrial.Clinical.Safety;
using OncoTrial.Reporting.Views;

namespace OncoTrial.Reporting.Tables;

/// <summary>
/// Table 3, adverse events (<see cref="AeSummary"/> and <see cref="SafetyHighlights"/>): subjects with treatment-emergent
/// events, all-cause and treatment-related, any grade and grade ≥ 3 (any severity and severe on the AESEV scale); the
/// summary rows (any, leading to discontinuation, to dose reduction, immune-related, serious, fatal); the terms at or
/// above the safety options' frequency threshold; the immune-related events by term; each grouped term (bleeding events)
/// with its member terms. Each "n (%)" of the column's safety set N, at the subject's worst grade; a column group per arm
/// and a total (like rtables), one group in a single-arm study.
/// </summary>
public static class AdverseEventTable
{
    /// <summary>The table's id in a report (<see cref="TrialTables"/> numbers it).</summary>
    public const string Id = "adverse-events";

    /// <summary>Table 3 of a study's results.</summary>
    /// <exception cref="OncoTrial.Statistics.ProblemException">The study is unusable or its datasets have errors.</exception>
    public static ReportTable Create(TrialResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var ae = results.Analysis.Safety.AdverseEvents;
        var highlights = results.Safety;
        var o = ae.Options;
        int decimals = o.PercentDecimals;
        var words = Words(ae.Scale);
        var columns = TableParts.Columns(highlights.Population);
        var counts = columns.Select(c => CountsOf(ae, highlights.Population, c.Column)).ToList();

        TableRow Row(string key, string label, Func<AeCounts, AeCountRow> pick, int indent = 0)
        {
            var cells = new List<Cell> { TableParts.Label(label) };
            for (int i = 0; i < columns.Count; i++)
            {
                var (all, related) = counts[i];
                int n = columns[i].Column.N;
                cells.AddRange([
                    TableParts.Count(pick(all).AnyGrade, n, decimals),
                    TableParts.Count(pick(all).Grade3OrWorse, n, decimals),
                    TableParts.Count(pick(related).AnyGrade, n, decimals),
                    TableParts.Count(pick(related).Grade3OrWorse, n, decimals)]);
            }

            return new TableRow(cells, indent) { Key = key };
        }

        TableRow AllCauseOnly(string key, string label, IReadOnlyList<Frequency> any, IReadOnlyList<Frequency> severe, int indent = 0)
        {
            var cells = new List<Cell> { TableParts.Label(label) };
            for (int i = 0; i < columns.Count; i++)
            {
                cells.AddRange([TableParts.Count(any[i], decimals), TableParts.Count(severe[i], decimals), TableParts.NotCountedCell(), TableParts.NotCountedCell()]);
            }

            return new TableRow(cells, indent) { Key = key };
        }

        var groups = new List<RowGroup>
        {
            new("Overall",
            [
                Row("any", ae.AllCause.Any.Label, c => c.Any),
                Row("discontinuation", ae.AllCause.LeadingToDiscontinuation.Label, c => c.LeadingToDiscontinuation),
                Row("dose-reduction", ae.AllCause.LeadingToDoseReduction.Label, c => c.LeadingToDoseReduction),
                Row("immune-related", ae.AllCause.ImmuneRelated.Label, c => c.ImmuneRelated),
                Row("serious", ae.AllCause.Serious.Label, c => c.Serious),
                Row("fatal", ae.AllCause.Fatal.Label, c => c.Fatal),
            ], ShowLabel: false),
        };

        string threshold = TableParts.Short(o.FrequencyThresholdPercent);
        if (ae.FrequentTerms.Count > 0)
        {
            groups.Add(new RowGroup($"Frequent events (≥ {threshold}%)", [.. ae.FrequentTerms.Select(t => Row("term/" + t, Term(t), c => c.Term(t)))]));
        }

        if (highlights.ImmuneRelatedByTerm.Count > 0)
        {
            groups.Add(new RowGroup(
                "Immune-related adverse events",
                [.. highlights.ImmuneRelatedByTerm.Select(r => AllCauseOnly("immune-related/" + r.Term, Term(r.Term), r.AnyGrade, r.Grade3OrWorse))]));
        }

        for (int g = 0; g < highlights.Groups.Count; g++)
        {
            var group = highlights.Groups[g];
            int index = g;
            var rows = new List<TableRow> { Row("group/" + group.Group.Term + "/any", "Any", c => c.Groups[index]) };
            foreach (var term in group.Terms)
            {
                var severe = term.Grade3To4.Zip(term.Grade5, TableParts.Union).ToList();
                var cells = new List<Cell> { TableParts.Label(Term(term.Term)) };
                for (int i = 0; i < columns.Count; i++)
                {
                    var related = counts[i].Related.Term(term.Term);
                    int n = columns[i].Column.N;
                    cells.AddRange([TableParts.Count(term.AnyGrade[i], decimals), TableParts.Count(severe[i], decimals), TableParts.Count(related.AnyGrade, n, decimals), TableParts.Count(related.Grade3OrWorse, n, decimals)]);
                }

                rows.Add(new TableRow(cells) { Key = "group/" + group.Group.Term + "/" + term.Term });
            }

            groups.Add(new RowGroup(group.Group.Term, rows));
        }

        ColumnHeader[] Leaves(string prefix, string aeLabel, string relatedLabel) =>
        [
            new(aeLabel, null, [new ColumnHeader(words.Any, prefix + "ae_" + words.AnyKey) { Alignment = ColumnAlignment.Center }, new ColumnHeader(words.Severe, prefix + "ae_" + words.SevereKey) { Alignment = ColumnAlignment.Center }]),
            new(relatedLabel, null, [new ColumnHeader(words.Any, prefix + "trae_" + words.AnyKey) { Alignment = ColumnAlignment.Center }, new ColumnHeader(words.Severe, prefix + "trae_" + words.SevereKey) { Alignment = ColumnAlignment.Center }]),
        ];
        ColumnHeader[] header = columns.Count == 1
            ? [ColumnHeader.Text(string.Empty, "term"), .. Leaves(string.Empty, Formats.Invariant($"Adverse events (N = {columns[0].Column.N})"), Formats.Invariant($"Treatment-related adverse events (N = {columns[0].Column.N})"))]
            : [ColumnHeader.Text(string.Empty, "term"), .. columns.Select(c => new ColumnHeader(c.Label, null, Leaves(TableParts.Prefix(columns, c), "Adverse events", "Treatment-related")))];

        var notes = new List<string>
        {
            $"Data are n (%) of subjects, each counted once per row at the {words.Worst}. {highlights.Describe()}",
            Intensity(ae.Scale),
        };
        if (highlights.ImmuneRelatedByTerm.Count > 0)
        {
            notes.Add($"{TableParts.NotCounted}: not counted; immune-related events (AEIRFL = Y) are counted over every cause.");
        }

        foreach (var group in o.Groups)
        {
            notes.Add(Formats.Invariant($"{group.Name}: any of the {group.Terms.Count} AEDECOD terms of the group (safety options); members listed when they occurred."));
        }

        if (columns.Count > 1)
        {
            notes.Add($"Arms by DM {(o.Arm == TreatmentArmVariable.Actual ? "ACTARM" : "ARM")} ({OncoTrial.Statistics.Vocabulary.Token(o.Arm)}).");
        }

        if (SafetyReport.CausalityNote(ae) is { } causality)
        {
            notes.Add(causality);
        }

        notes.Add(TableParts.DataCutoff(results));
        return new ReportTable(
            Formats.Invariant($"Adverse events and treatment-related adverse events ({highlights.Population.Name.ToLowerInvariant()}, N = {highlights.Population.N})"),
            header,
            groups,
            notes)
        {
            Id = Id,
            GroupKey = TableParts.SectionKey,
            RowKey = TableParts.RowKey,
        };
    }

    /// <summary>The all-cause and related counts of a column: its arm's, or the total's.</summary>
    internal static (AeCounts AllCause, AeCounts Related) CountsOf(AeSummary ae, AnalysisPopulation population, AnalysisColumn column)
    {
        if (!population.IsMultiArm || column.IsTotal)
        {
            return (ae.AllCause, ae.Related);
        }

        var arm = ae.Arms.FirstOrDefault(a => a.Name == column.Name)
            ?? throw new InvalidOperationException($"The AE summary has no arm \"{column.Name}\" of the safety population.");
        return (arm.AllCause, arm.Related);
    }

    /// <summary>An AE term as a row label: AEDECOD as recorded, in sentence case when recorded in capitals.</summary>
    internal static string Term(string term) =>
        term.Length > 1 && term.Any(char.IsLetter) && term.Where(char.IsLetter).All(char.IsUpper) ? term[..1] + term[1..].ToLowerInvariant() : term;

    private static string Intensity(IntensityScale scale) => scale == IntensityScale.Severity
        ? "Intensity as recorded in AESEV (mild, moderate, severe): the study has no AETOXGR; severe events are counted in the second column of each pair."
        : $"Grades as recorded in AETOXGR (CTCAE); grade ≥ 3 counts grades 3, 4 and 5. OncoTrial grades laboratory values by CTCAE v{CtcaeCriteria.V5.Version}.";

    /// <summary>The column and footnote words of an intensity scale.</summary>
    private static (string Any, string Severe, string AnyKey, string SevereKey, string Worst) Words(IntensityScale scale) => scale switch
    {
        IntensityScale.Severity => ("Any severity", "Severe", "any", "severe", "worst severity"),
        _ => ("Any grade", "Grade ≥ 3", "any", "grade3plus", "worst grade"),
    };
}
