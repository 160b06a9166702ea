using System.CommandLine;
using System.Globalization;
using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial safety --study DIR</c>: the paper's safety and compliance numbers from a study folder: disposition
/// (every box of the CONSORT diagram), exposure (cycles, RDI, duration per drug and phase) and the treatment-emergent
/// AE table (Table 3 layout). Plain text; the AE table also as CSV.
/// </summary>
internal static class SafetyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var study = new Option<string>("--study") { Description = "Study folder (one file per SDTM domain; docs/data-format.md).", Required = true };
        var threshold = new Option<decimal>("--threshold") { Description = "AE terms listed when any-grade frequency is at least this percentage (the paper: 20).", DefaultValueFactory = _ => 20m };
        var format = new Option<string>("--format") { Description = "text (disposition, exposure and AE table) or csv (the AE table only).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv");
        var command = new Command("safety", "Disposition (CONSORT boxes), exposure (cycles, relative dose intensity, duration) and the treatment-emergent adverse-event table of a study folder, with the default options (TEAE window last dose + 30 days; RDI anchored on cycle day 1).")
        {
            study, threshold, format,
        };

        command.SetAction(parse =>
        {
            string dir = parse.GetValue(study)!;
            decimal percent = parse.GetValue(threshold);
            var safetyOptions = SafetyOptions.Default with { FrequencyThresholdPercent = percent };
            var optionProblems = safetyOptions.Validate();
            if (optionProblems.Count > 0)
            {
                throw new CommandLineInputException([.. optionProblems.Select(p => p.ToString())]);
            }

            var folder = StudyFolder.Load(dir);
            if (!folder.IsUsable)
            {
                throw new CommandLineInputException([.. folder.Problems.Select(p => p.ToString())]);
            }

            var ae = AeSummary.Compute(folder, safetyOptions);
            if (parse.GetValue(format) == "csv")
            {
                output.Write(AeTable.RenderCsv(ae));
                return 0;
            }

            var disposition = DispositionSummary.Compute(folder);
            WriteDisposition(output, disposition);
            var exposureData = ExposureReader.Read(folder);
            var exposure = ExposureSummary.Compute(ExposureDerivation.DeriveDrugExposures(exposureData.Administrations));
            output.WriteLine();
            WriteExposure(output, exposure);
            output.WriteLine();
            output.Write(AeTable.RenderText(ae));
            foreach (var problem in disposition.Problems.Concat(exposureData.Problems))
            {
                error.WriteLine("warning: " + problem);
            }

            return 0;
        });
        return command;
    }

    private static void WriteDisposition(TextWriter o, DispositionSummary d)
    {
        o.WriteLine("Disposition (CONSORT diagram)" + (d.DataCutoff is { } cut ? $", data cutoff {cut:yyyy-MM-dd}" : string.Empty));
        Box(o, d.Screened, 1);
        Box(o, d.Excluded, 2);
        Reasons(o, d.ExclusionReasons, 3);
        Box(o, d.Enrolled, 1);
        Box(o, d.InitialDiscontinued, 2);
        Reasons(o, d.InitialDiscontinuationReasons, 3);
        Box(o, d.InitialOngoing, 2);
        Box(o, d.MaintenanceEntered, 1);
        Box(o, d.MaintenanceDiscontinued, 2);
        Reasons(o, d.MaintenanceDiscontinuationReasons, 3);
        Box(o, d.MaintenanceCompleted, 2);
        Box(o, d.OngoingAtCutoff, 2);
        Box(o, d.SafetySet, 1);
        Box(o, d.EfficacySet, 1);
    }

    private static void Box(TextWriter o, DispositionBox box, int depth) =>
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{new string(' ', depth * 2)}{box.Label}: {box.Count}"));

    private static void Reasons(TextWriter o, IReadOnlyList<DispositionReason> reasons, int depth)
    {
        foreach (var reason in reasons)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{new string(' ', depth * 2)}{reason.Label}: {reason.Count}"));
        }
    }

    private static void WriteExposure(TextWriter o, ExposureSummary e)
    {
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Exposure ({e.SubjectsTreated} treated; RDI anchored on cycle day 1; months = days / 30.4375)"));
        foreach (var phase in e.Phases)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Cycles started, {Phase(phase.Phase)}: median {Range(phase.CyclesStarted)}"));
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.Options.MinInductionCycles}-{e.Options.MaxInductionCycles} induction cycles: {e.SubjectsWithInductionCyclesInRange}, of whom entered maintenance: {e.CompletedInductionAndEnteredMaintenance}"));
        o.WriteLine("  Drug            Phase         n  RDI % median (range)       Duration months mean (range)   Reduced  Delayed");
        foreach (var d in e.Drugs)
        {
            o.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {d.Drug,-15} {Phase(d.Phase),-12} {d.Subjects,2}  {Range(d.Rdi),-26} {MeanRange(d.DurationMonths),-30} {d.SubjectsWithReduction,7}  {d.SubjectsWithDelay,7}"));
        }
    }

    private static string Phase(TreatmentPhase? phase) => phase switch
    {
        TreatmentPhase.Induction => "induction",
        TreatmentPhase.Maintenance => "maintenance",
        _ => "overall",
    };

    private static string Range(RangeSummary r) =>
        r.N == 0 ? "NE" : string.Create(CultureInfo.InvariantCulture, $"{r.Median:0.#} ({r.Min:0.#}-{r.Max:0.#})");

    private static string MeanRange(RangeSummary r) =>
        r.N == 0 ? "NE" : string.Create(CultureInfo.InvariantCulture, $"{r.Mean:0.00} ({r.Min:0.00}-{r.Max:0.00})");
}
