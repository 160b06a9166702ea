using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Tables;

/// <summary>
/// Exposure and compliance (<see cref="ExposureSummary"/>): per phase (whole treatment, induction, maintenance) the cycles
/// started per subject over every drug, then per drug the subjects, cycles median (range), relative dose intensity
/// median (range) by the options' RDI definition, treatment duration in months mean (range), and the subjects with a
/// reduced or delayed cycle; then the subjects who started the protocol's number of induction cycles and of them those who
/// entered maintenance. Over the subjects with a cycle-based exposure record (the study's exposure is not split by arm).
/// </summary>
public static class ExposureTable
{
    /// <summary>The table's id in a report (<see cref="TrialTables"/> numbers it).</summary>
    public const string Id = "exposure";

    /// <summary>The exposure table of a study's results.</summary>
    /// <exception cref="ProblemException">The study is unusable.</exception>
    public static ReportTable Create(TrialResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var e = results.Analysis.Safety.Exposure;
        var o = e.Options;
        int decimals = results.Options.PercentDecimals;
        var columns = new[]
        {
            ColumnHeader.Text(string.Empty, "drug"),
            new ColumnHeader("Subjects", "n") { Alignment = ColumnAlignment.Center },
            new ColumnHeader("Cycles, median (range)", "cycles") { Alignment = ColumnAlignment.Center },
            new ColumnHeader("RDI %, median (range)", "rdi_percent") { Alignment = ColumnAlignment.Center },
            new ColumnHeader("Duration, months, mean (range)", "duration_months") { Alignment = ColumnAlignment.Center },
            new ColumnHeader("Dose reduced, n (%)", "reduced") { Alignment = ColumnAlignment.Center },
            new ColumnHeader("Delayed, n (%)", "delayed") { Alignment = ColumnAlignment.Center },
        };
        static Cell Range(RangeSummary r, IReadOnlyList<string> subjects) =>
            new Cell([r.Median, r.Min, r.Max], null, CellFormat.EstimateWithInterval("0.#")) { Subjects = subjects };
        static Cell MeanRange(RangeSummary r, IReadOnlyList<string> subjects) =>
            new Cell([r.Mean, r.Min, r.Max], null, CellFormat.Interval(2)) { Subjects = subjects };

        var groups = new List<RowGroup>();
        foreach (var phase in e.Phases.Where(p => p.CyclesStarted.N > 0))
        {
            string token = phase.Phase is { } p ? Vocabulary.Token(p) : "overall";
            var rows = new List<TableRow>
            {
                new([TableParts.Label("Any drug"), TableParts.Number(phase.CyclesStarted.N, phase.SubjectIds), Range(phase.CyclesStarted, phase.SubjectIds), TableParts.NotCountedCell(), TableParts.NotCountedCell(), TableParts.NotCountedCell(), TableParts.NotCountedCell()]) { Key = token + "/any" },
            };
            foreach (var d in e.Drugs.Where(d => d.Phase == phase.Phase))
            {
                rows.Add(new TableRow([
                    TableParts.Label(d.Drug),
                    TableParts.Number(d.Subjects, d.SubjectIds),
                    Range(d.Cycles, d.SubjectIds),
                    Range(d.Rdi, d.SubjectIds),
                    MeanRange(d.DurationMonths, d.SubjectIds),
                    TableParts.Count(new Frequency(d.ReducedSubjectIds, d.Subjects), decimals),
                    TableParts.Count(new Frequency(d.DelayedSubjectIds, d.Subjects), decimals)])
                { Key = token + "/" + d.Drug });
            }

            groups.Add(new RowGroup(phase.Phase is null ? "Whole treatment" : TableParts.Sentence(token), rows));
        }

        if (e.Drugs.Count > 0)
        {
            var inRange = new Frequency(e.InductionCyclesInRangeSubjectIds, e.SubjectsTreated);
            var entered = new Frequency(e.EnteredMaintenanceSubjectIds, e.SubjectsWithInductionCyclesInRange);
            Cell[] Only(Cell count) => [count, TableParts.NotCountedCell(), TableParts.NotCountedCell(), TableParts.NotCountedCell(), TableParts.NotCountedCell(), TableParts.NotCountedCell()];
            groups.Add(new RowGroup("Compliance",
            [
                new TableRow([TableParts.Label(Formats.Invariant($"{o.MinInductionCycles}-{o.MaxInductionCycles} induction cycles started")), .. Only(TableParts.Count(inRange, decimals))]) { Key = "induction-in-range" },
                new TableRow([TableParts.Label("Of whom entered maintenance"), .. Only(TableParts.Count(entered, decimals))], 1) { Key = "entered-maintenance" },
            ]));
        }

        var notes = new List<string>
        {
            e.Drugs.Count > 0
                ? Formats.Invariant($"Subjects with a cycle-based exposure record (EX with EXCYCLE): {e.SubjectsTreated}; percentages of the row's subjects (compliance: of those treated, then of those with {o.MinInductionCycles}-{o.MaxInductionCycles} induction cycles), rounded half away from zero to {decimals} decimals.")
                : "No cycle-based exposure records (EX absent, or without EXCYCLE): cycles and relative dose intensity not derived.",
            o.Describe() + ".",
            TableParts.DataCutoff(results),
        };
        return new ReportTable(
            Formats.Invariant($"Exposure and compliance (treated subjects, N = {e.SubjectsTreated})"),
            columns,
            groups,
            notes)
        {
            Id = Id,
            GroupKey = TableParts.SectionKey,
            RowKey = TableParts.RowKey,
        };
    }
}
