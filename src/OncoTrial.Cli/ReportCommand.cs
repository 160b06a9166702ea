using System.CommandLine;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;
using OncoTrial.ReferenceCohort;
using OncoTrial.Reporting.Html;
using OncoTrial.Reporting.Report;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;
using Spectre.Console;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial report [--study DIR] --out DIR</c> (the built-in reference cohort without --study): the paper's tables and figures as a web page, DOCX, RTF, CSV, SVG and
/// PNG, with the analysis-results file and the ADaM datasets (docs/methods/report.md). A study with validation errors
/// gets its validation report and exit code 1, and no folder is written.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext cli)
    {
        var study = new Option<string?>("--study") { Description = StudyArgument.Description + " Default: the built-in reference cohort, with the paper's analysis options." };
        var outDir = new Option<string>("--out") { Description = "Folder to write the report to; created, or replaced when it exists (written beside it first and moved into place at the end).", Required = true };
        var threshold = new Option<decimal>("--ae-threshold") { Description = "AE terms listed in Table 3 when their any-grade frequency is at least this percentage (the paper: 20).", DefaultValueFactory = _ => SafetyOptions.Default.FrequencyThresholdPercent };
        var format = new Option<string>("--format")
        {
            Description = "What to write, comma-separated: " + string.Join(", ", ReportLayout.OutputWords.Select(w => w.Word)) + " (default all).",
            DefaultValueFactory = _ => "all",
        };
        var command = new Command("report", "Writes the report of a study: report.html (one self-contained page: every table and figure, methods, subjects behind each number), report.docx, tables/ (DOCX, RTF, CSV), figures/ (SVG, PNG), ard.json (every number with its subjects) and adam/ (ADSL, ADRS, ADTR, ADTTE, ADAE, ADEX as CSV, Dataset-JSON and XPT).")
        {
            study, outDir, threshold, format,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var problems = new List<Problem>();
            var outputs = ReportLayout.ParseOutputs(parse.GetValue(format)!, "format", problems);
            string? path = parse.GetValue(study);
            var options = StudyArgument.OptionsFor(path, parse.GetValue(threshold));
            problems.AddRange(options.Safety.Validate());
            ProblemException.ThrowIfAnyError(problems);
            var analysis = StudyArgument.AnalyseOrBuiltIn(path, options);
            string target = parse.GetValue(outDir)!;
            ValidationReport validation;
            TrialReport? report;
            ReportFolder? folder = null;
            if (cli.IsInteractive && Console.Error is var error && AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) }) is { Profile.Capabilities.Interactive: true } console)
            {
                (validation, report, folder) = console.Progress().AutoClear(true).Start(context =>
                {
                    var analysing = context.AddTask("Validating and analysing the study", maxValue: 1);
                    var (checkedStudy, made) = TrialReport.CreateIfValid(analysis);
                    analysing.Increment(1);
                    if (made is null)
                    {
                        return (checkedStudy, made, (ReportFolder?)null);
                    }

                    var writing = context.AddTask("Writing", maxValue: 1);
                    var written = ReportWriter.Write(made, target, outputs, new Progress<ReportProgress>(p =>
                    {
                        writing.Description = p.Step;
                        writing.MaxValue = p.Total;
                        writing.Value = p.Done;
                    }), cancellationToken);
                    writing.Value = writing.MaxValue;
                    return (checkedStudy, made, written);
                });
            }
            else
            {
                (validation, report) = TrialReport.CreateIfValid(analysis);
                folder = report is null ? null : ReportWriter.Write(report, target, outputs, null, cancellationToken);
            }

            if (report is null || folder is null)
            {
                cli.WriteText(ValidationView.ToDocument(validation));
                cli.Error.WriteLine("The study has validation errors: no report was written. Fix them and run again.");
                return Task.FromResult(ExitCodes.InvalidData);
            }

            cli.WriteText(ReportSummary.ToDocument(report, folder));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
