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
        if (d.HasTreatmentPhases)
        {
            Box(d.InitialDiscontinued, 1);
            Reasons(d.InitialDiscontinuationReasons, 2);
            Box(d.InitialOngoing, 1);
            Box(d.MaintenanceEntered, 0);
            Box(d.MaintenanceDiscontinued, 1);
            Reasons(d.MaintenanceDiscontinuationReasons, 2);
            Box(d.MaintenanceCompleted, 1);
            Box(d.OngoingAtCutoff, 1);
        }

        if (d.HasStudyDisposition)
        {
            Box(d.StudyCompleted, 0);
            Box(d.StudyDiscontinued, 0);
            Reasons(d.StudyDiscontinuationReasons, 1);
            Box(d.StudyOngoing, 0);
        }

        Box(d.SafetySet, 0);
        Box(d.EfficacySet, 0);
        string title = "Disposition (CONSORT diagram)" + (d.DataCutoff is { } cut ? ", data cutoff " + Formats.Date(cut) : string.Empty);
        var notes = new List<string> { $"Efficacy analysis set: {Statistics.Vocabulary.Token(d.Options.EfficacySet)} subjects." };
        if (d.EnrolmentSource == EnrolmentSource.DmArm)
        {
            notes.Add($"Enrolled: {Statistics.Vocabulary.Token(d.EnrolmentSource)} (no {string.Join(" or ", DispositionSummary.EnrolmentMilestones)} record in DS: an arm in DM other than {string.Join(" or ", DispositionSummary.UnassignedArmCodes)}, or a dose).");
        }

        return ReportTable.Create(
            title,
            [ColumnHeader.Text("Box", "box"), ColumnHeader.Number("n", "n")],
            rows,
            [.. notes]) with
        { ShowHeader = false };
    }

    /// <summary>The exposure lines and the per-drug table.</summary>
    public static void AddExposure(DocumentBuilder doc, ExposureSummary e)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(e);
        if (e.Drugs.Count == 0)
        {
            doc.Paragraph("Exposure: no cycle-based exposure records (EX absent, or without EXCYCLE); cycles and relative dose intensity not derived.");
            return;
        }

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
    /// all-cause grade ≥ 3, treatment-related any grade, treatment-related grade ≥ 3 (any severity and severe when the
    /// study states AESEV instead of a grade: <see cref="AeSummary.Scale"/>); cells "n (%)", each holding its subjects;
    /// N as a column CSV keeps and text leaves out. A study with more than one arm gets one column group per arm
    /// (N = the arm's safety set) and a Total group, as rtables lays out arms.
    /// </summary>
    public static ReportTable AeTable(AeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var o = summary.Options;
        var words = Intensity(summary.Scale);
        var total = new ArmColumns(null, string.Empty, summary.N, summary.AllCause, summary.Related);
        var groupsOfColumns = summary.IsMultiArm
            ? [.. Slugs(summary.Arms).Select(x => new ArmColumns(Formats.Invariant($"{x.Arm.Name} (N = {x.Arm.N})"), x.Slug + "_", x.Arm.N, x.Arm.AllCause, x.Arm.Related)), total with { Label = Formats.Invariant($"Total (N = {summary.N})"), KeyPrefix = "total_" }]
            : new List<ArmColumns> { total };

        TableRow Row(Func<AeCounts, AeCountRow> pick)
        {
            var cells = new List<Cell> { Cell.FromText(pick(summary.AllCause).Label) };
            foreach (var g in groupsOfColumns)
            {
                Cell C(Clinical.Safety.SubjectCount c) => Cell.Formatted(o.FormatCount(c.Count, g.N), c.Count, g.N) with { Subjects = c.Subjects };
                var all = pick(g.AllCause);
                var related = pick(g.Related);
                cells.AddRange([C(all.AnyGrade), C(all.Grade3OrWorse), C(related.AnyGrade), C(related.Grade3OrWorse), Cell.FromCount(g.N)]);
            }

            return new TableRow(cells);
        }

        string frequent = "Frequent events (>=" + Formats.Number((double)o.FrequencyThresholdPercent, "0.##") + "%)";
        var groups = new List<RowGroup>
        {
            new("Overall", [Row(c => c.Any), Row(c => c.LeadingToDiscontinuation), Row(c => c.LeadingToDoseReduction), Row(c => c.ImmuneRelated), Row(c => c.Serious), Row(c => c.Fatal)], ShowLabel: false),
        };
        if (summary.FrequentTerms.Count > 0)
        {
            groups.Add(new RowGroup(frequent, [.. summary.FrequentTerms.Select(t => Row(c => c.Term(t)))]));
        }

        if (summary.AllCause.Groups.Count > 0)
        {
            groups.Add(new RowGroup("Grouped terms", [.. summary.AllCause.Groups.Select((_, i) => Row(c => c.Groups[i]))]));
        }

        ColumnHeader[] Leaves(string prefix) =>
        [
            new("Adverse events", null, [ColumnHeader.Text(words.Any, prefix + "ae_" + words.AnyKey), ColumnHeader.Text(words.Severe, prefix + "ae_" + words.SevereKey)]),
            new("Treatment-related", null, [ColumnHeader.Text(words.Any, prefix + "trae_" + words.AnyKey), ColumnHeader.Text(words.Severe, prefix + "trae_" + words.SevereKey)]),
            ColumnHeader.Number("N", prefix + "n") with { IsHiddenInText = true },
        ];
        ColumnHeader[] columns = summary.IsMultiArm
            ? [ColumnHeader.Text(string.Empty, "term"), .. groupsOfColumns.Select(g => new ColumnHeader(g.Label!, null, Leaves(g.KeyPrefix)))]
            : [ColumnHeader.Text(string.Empty, "term"), .. Leaves(string.Empty)];

        var notes = new List<string>
        {
            $"Data are n (%) of subjects, each counted once per row at the {words.Worst}; N = subjects with at least one dose{(summary.IsMultiArm ? $" (arms by DM {(o.Arm == TreatmentArmVariable.Actual ? "ACTARM" : "ARM")}, {Statistics.Vocabulary.Token(o.Arm)})" : string.Empty)}.",
            o.Describe(),
        };
        if (CausalityNote(summary) is { } causality)
        {
            notes.Add(causality);
        }

        return new ReportTable(
            Formats.Invariant($"Adverse events and treatment-related adverse events (safety set, N = {summary.N})"),
            columns,
            groups,
            notes)
        {
            GroupKey = "section",
        };
    }

    /// <summary>The column and footnote words of an intensity scale, written once: grade (CTCAE) or severity (AESEV).</summary>
    private static (string Any, string Severe, string AnyKey, string SevereKey, string Worst) Intensity(IntensityScale scale) => scale switch
    {
        IntensityScale.Severity => ("Any severity", "Severe", "any", "severe", "worst severity (AESEV: the study has no AETOXGR)"),
        _ => ("Any grade", "Grade >=3", "any", "grade3plus", "worst grade"),
    };

    /// <summary>How the study's causality values were counted, when it uses values other than Y and N; null otherwise.</summary>
    internal static string? CausalityNote(AeSummary summary)
    {
        var values = summary.CausalityValues;
        if (values.All(v => v.Value is "Y" or "N"))
        {
            return null;
        }

        string Join(IEnumerable<CausalityValue> vs) => string.Join(", ", vs.Select(v => v.Column == "AEREL" ? v.Value : v.Column + " " + v.Value).Distinct(StringComparer.Ordinal));
        var parts = new List<string>();
        if (values.Any(v => v.Related == true))
        {
            parts.Add("related = " + Join(values.Where(v => v.Related == true)));
        }

        if (values.Any(v => v.Related == false))
        {
            parts.Add("not related = " + Join(values.Where(v => v.Related == false)));
        }

        if (values.Any(v => v.Related is null))
        {
            parts.Add("not in the table, counted as missing = " + Join(values.Where(v => v.Related is null)));
        }

        return "Causality (AEREL): " + string.Join("; ", parts) + ".";
    }

    /// <summary>A key prefix per arm: ARMCD (or the arm name) in lower case, letters and digits only, made unique.</summary>
    private static List<(AeArm Arm, string Slug)> Slugs(IReadOnlyList<AeArm> arms)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "total" };
        var result = new List<(AeArm, string)>();
        foreach (var arm in arms)
        {
            string source = arm.Code.Length > 0 ? arm.Code : arm.Name;
            var chars = source.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
            string slug = new string(chars).Trim('_');
            slug = slug.Length == 0 ? "arm" : slug;
            string unique = slug;
            for (int i = 2; !used.Add(unique); i++)
            {
                unique = Formats.Invariant($"{slug}_{i}");
            }

            result.Add((arm, unique));
        }

        return result;
    }

    /// <summary>One column group of the AE table: an arm or the total.</summary>
    private sealed record ArmColumns(string? Label, string KeyPrefix, int N, AeCounts AllCause, AeCounts Related);

    private static string Phase(TreatmentPhase? phase) => phase is { } p ? Statistics.Vocabulary.Token(p) : "overall";

    private static string Range(RangeSummary r) =>
        r.N == 0 ? "NE" : Formats.Invariant($"{r.Median:0.#} ({r.Min:0.#}-{r.Max:0.#})");

    private static string MeanRange(RangeSummary r) =>
        r.N == 0 ? "NE" : Formats.Invariant($"{r.Mean:0.00} ({r.Min:0.00}-{r.Max:0.00})");
}
