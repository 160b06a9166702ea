using System.CommandLine;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Safety;
using OncoTrial.Reporting;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial safety --study DIR</c>: the paper's safety and compliance numbers: disposition (every box of the
/// CONSORT diagram, or the end-of-study disposition), exposure (cycles, RDI, duration per drug and phase) and the
/// treatment-emergent AE table (Table 3 layout, one column group per arm and a total when the study has several arms);
/// as text, the AE table as CSV, or every table cell by cell as JSON.
/// </summary>
internal static class SafetyCommand
{
    public static Command Create(CliContext cli)
    {
        var study = new Option<string>("--study") { Description = StudyArgument.Description, Required = true };
        var threshold = new Option<decimal>("--threshold") { Description = "AE terms listed when any-grade frequency is at least this percentage (the paper: 20).", DefaultValueFactory = _ => SafetyOptions.Default.FrequencyThresholdPercent };
        var windowEnd = CliOptions.Choice(
            "--teae-window-end",
            "Where the treatment-emergent window ends: last-dose-plus-window (last dose + 30 days) or open (every onset on or after the first dose, admiral derive_var_trtemfl() without end_window).",
            SafetyOptions.Default.WindowEnd);
        var arm = CliOptions.Choice("--arm", "The arm of each subject in the AE table: planned (DM ARM) or actual (DM ACTARM).", SafetyOptions.Default.Arm);
        var format = CliOptions.Format(OutputFormat.Text, OutputFormat.Csv, OutputFormat.Json);
        var command = new Command("safety", "Disposition (CONSORT boxes and end of study), exposure (cycles, relative dose intensity, duration) and the treatment-emergent adverse-event table of a study folder, by arm with a total when it has several arms, with the default options (TEAE window last dose + 30 days; RDI anchored on cycle day 1; causality table of docs/decisions/0011-safety-on-any-study.md).")
        {
            study, threshold, windowEnd, arm, format,
        };

        command.SetAction(parse =>
        {
            var options = StudyAnalysisOptions.Default with
            {
                Safety = SafetyOptions.Default with { FrequencyThresholdPercent = parse.GetValue(threshold), WindowEnd = parse.GetValue(windowEnd), Arm = parse.GetValue(arm) },
            };
            ProblemException.ThrowIfAnyError(options.Safety.Validate());
            var safety = StudyArgument.Analyse(parse.GetValue(study)!, options).Safety;
            switch (parse.GetValue(format))
            {
                case OutputFormat.Csv:
                    cli.WriteCsv(SafetyReport.AeTable(safety.AdverseEvents));
                    break;
                case var f:
                    var document = SafetyReport.ToDocument(safety);
                    cli.Write(f, () => document, () => DocumentJsonView.ToJson(document));
                    break;
            }

            cli.WriteWarnings(safety.Problems);
            return ExitCodes.Success;
        });
        return command;
    }
}
