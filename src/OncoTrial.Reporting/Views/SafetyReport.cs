using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Safety;

namespace OncoTrial.Reporting.Views;

/// <summary>Disposition, exposure and the treatment-emergent AE table (Table 3 layout) as documents and tables.</summary>
public static class SafetyReport
{
    /// <summary>Disposition, exposure and the AE table, one after the other.</summary>
    public static Document ToDocument(StudySafety safety)
    {
        ArgumentNullException.ThrowIfNull(safety);
        var doc = new DocumentBuilder("Safety and compliance");
        doc.Table(DispositionTable(safety.Disposition));
        doc.BlankLine();
        AddExposure(doc, safety.Exposure);
        doc.BlankLine();
        doc.Table(AeTable(safety.AdverseEvents));
        return doc.Build();
    }

    /// <summary>Every box of the CONSORT diagram with its count and subjects, indented as the diagram nests them.</summary>
    public static ReportTable DispositionTable(DispositionSummary d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var rows = new List<TableRow>();
        void Box(DispositionBox box, int level) => rows.Add(new TableRow([Cell.FromText(box.Label), Cell.FromCount(box.Count) with { Subjects = box.Subjects }], level));
        void Reasons(IReadOnlyList<DispositionReason> reasons, int level)
        {
            foreach (var r in reasons)
            {
                rows.Add(new TableRow([Cell.FromText(r.Label), Cell.FromCount(r.Count) with { Subjects = r.Subjects }], level));
            }
        }

        Box(d.Screened, 0);
        Box(d.Excluded, 1);
        Reasons(d.ExclusionReasons, 2);
        Box(d.Enrolled, 0);
        Box(d.InitialDiscontinued, 1);
        Reasons(d.InitialDiscontinuationReasons, 2);
        Box(d.InitialOngoing, 1);
        Box(d.MaintenanceEntered, 0);
        Box(d.MaintenanceDiscontinued, 1);
        Reasons(d.MaintenanceDiscontinuationReasons, 2);
        Box(d.MaintenanceCompleted, 1);
        Box(d.OngoingAtCutoff, 1);
        Box(d.SafetySet, 0);
        Box(d.EfficacySet, 0);
        string title = "Disposition (CONSORT diagram)" + (d.DataCutoff is { } cut ? ", data cutoff " + Formats.Date(cut) : string.Empty);
        return ReportTable.Create(
            title,
            [ColumnHeader.Text("Box", "box"), ColumnHeader.Number("n", "n")],
            rows,
            $"Efficacy analysis set: {Statistics.Vocabulary.Token(d.Options.EfficacySet)} subjects.") with
        { ShowHeader = false };
    }

    /// <summary>The exposure lines and the per-drug table.</summary>
    public static void AddExposure(DocumentBuilder doc, ExposureSummary e)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(e);
        doc.Paragraph(Formats.Invariant($"Exposure ({e.SubjectsTreated} treated; RDI {Statistics.Vocabulary.Token(e.Options.Rdi)}, day 1 {Statistics.Vocabulary.Token(e.Options.Day1Anchor)}; months = days / {e.Options.DaysPerMonth})"));
        foreach (var phase in e.Phases)
        {
            doc.Paragraph($"Cycles started, {Phase(phase.Phase)}: median {Range(phase.CyclesStarted)}", 1);
        }

        doc.Paragraph(Formats.Invariant($"{e.Options.MinInductionCycles}-{e.Options.MaxInductionCycles} induction cycles: {e.SubjectsWithInductionCyclesInRange}, of whom entered maintenance: {e.CompletedInductionAndEnteredMaintenance}"), 1);
        doc.Table(
            ReportTable.Create(
                null,
                [ColumnHeader.Text("Drug", "drug"), ColumnHeader.Text("Phase", "phase"), ColumnHeader.Number("n", "n"), ColumnHeader.Text("RDI % median (range)", "rdi_percent"), ColumnHeader.Text("Duration months mean (range)", "duration_months"), ColumnHeader.Number("Reduced", "reduced"), ColumnHeader.Number("Delayed", "delayed")],
                e.Drugs.Select(d => new TableRow([
                    Cell.FromText(d.Drug),
                    Cell.FromText(Phase(d.Phase)),
                    Cell.FromCount(d.Subjects),
                    Cell.Formatted(Range(d.Rdi), d.Rdi.Median, d.Rdi.Min, d.Rdi.Max),
                    Cell.Formatted(MeanRange(d.DurationMonths), d.DurationMonths.Mean, d.DurationMonths.Min, d.DurationMonths.Max),
                    Cell.FromCount(d.SubjectsWithReduction),
                    Cell.FromCount(d.SubjectsWithDelay)]))),
            indent: 1);
    }

    /// <summary>
    /// The paper's Table 3 layout: one row per category, frequent term and grouped term; columns all-cause any grade,
    /// all-cause grade ≥ 3, treatment-related any grade, treatment-related grade ≥ 3; cells "n (%)" with N the safety
    /// set, each holding its subjects; N as a column CSV keeps and text leaves out.
    /// </summary>
    public static ReportTable AeTable(AeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var o = summary.Options;
        int n = summary.N;
        TableRow Row(AeCountRow all, AeCountRow related)
        {
            Cell C(Clinical.Safety.SubjectCount c) => Cell.Formatted(o.FormatCount(c.Count, n), c.Count, n) with { Subjects = c.Subjects };
            return new TableRow([Cell.FromText(all.Label), C(all.AnyGrade), C(all.Grade3OrWorse), C(related.AnyGrade), C(related.Grade3OrWorse), Cell.FromCount(n)]);
        }

        var a = summary.AllCause;
        var r = summary.Related;
        string frequent = "Frequent events (>=" + Formats.Number((double)o.FrequencyThresholdPercent, "0.##") + "%)";
        var groups = new List<RowGroup>
        {
            new("Overall", [Row(a.Any, r.Any), Row(a.LeadingToDiscontinuation, r.LeadingToDiscontinuation), Row(a.LeadingToDoseReduction, r.LeadingToDoseReduction), Row(a.ImmuneRelated, r.ImmuneRelated), Row(a.Serious, r.Serious), Row(a.Fatal, r.Fatal)], ShowLabel: false),
        };
        if (summary.FrequentTerms.Count > 0)
        {
            groups.Add(new RowGroup(frequent, [.. summary.FrequentTerms.Select(t => Row(a.Term(t), r.Term(t)))]));
        }

        if (a.Groups.Count > 0)
        {
            groups.Add(new RowGroup("Grouped terms", [.. a.Groups.Select((g, i) => Row(g, r.Groups[i]))]));
        }

        ColumnHeader[] columns =
        [
            ColumnHeader.Text(string.Empty, "term"),
            new("Adverse events", null, [ColumnHeader.Text("Any grade", "ae_any"), ColumnHeader.Text("Grade >=3", "ae_grade3plus")]),
            new("Treatment-related", null, [ColumnHeader.Text("Any grade", "trae_any"), ColumnHeader.Text("Grade >=3", "trae_grade3plus")]),
            ColumnHeader.Number("N", "n") with { IsHiddenInText = true },
        ];
        return new ReportTable(
            Formats.Invariant($"Adverse events and treatment-related adverse events (safety set, N = {n})"),
            columns,
            groups,
            ["Data are n (%) of subjects, each counted once per row at the worst grade; N = subjects with at least one dose.", o.Describe()])
        {
            GroupKey = "section",
        };
    }

    private static string Phase(TreatmentPhase? phase) => phase is { } p ? Statistics.Vocabulary.Token(p) : "overall";

    private static string Range(RangeSummary r) =>
        r.N == 0 ? "NE" : Formats.Invariant($"{r.Median:0.#} ({r.Min:0.#}-{r.Max:0.#})");

    private static string MeanRange(RangeSummary r) =>
        r.N == 0 ? "NE" : Formats.Invariant($"{r.Mean:0.00} ({r.Min:0.00}-{r.Max:0.00})");
}
