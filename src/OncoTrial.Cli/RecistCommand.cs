using System.CommandLine;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Recist;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial recist --study DIR | --lesions FILE... | --timepoints FILE</c>: time-point responses (from lesions) and
/// best overall response, unconfirmed and confirmed, per subject.
/// </summary>
internal static class RecistCommand
{
    public static Command Create(CliContext cli)
    {
        var study = new Option<string>("--study") { Description = StudyArgument.Description + " TU and TR give the lesions, DM.RFSTDTC day 0." };
        var lesions = new Option<string[]>("--lesions") { Description = "Lesion input: the flat lesion CSV (docs/data-format.md, \"Lesion file\"), or SDTM TU and TR CSV files (and optionally DM for RFSTDTC), recognised by their columns.", AllowMultipleArgumentsPerToken = true };
        var timepoints = new Option<string>("--timepoints") { Description = "CSV with columns subject,ref_date,date,response (CR, PR, SD, NON-CR/NON-PD, PD, NE, ND); ref_date is day 0." };
        var evaluator = new Option<string>("--evaluator") { Description = "With SDTM TU/TR: keep the records of this evaluator (TREVAL/TUEVAL, or TREVALID/TUEVALID such as 'RADIOLOGIST 1' when several readers share one TREVAL); 'all' keeps every record.", DefaultValueFactory = _ => LesionReader.DefaultEvaluator };
        var confirm = new Option<int>("--confirm-days") { Description = "Minimum days to confirmation (admiralonco ref_confirm).", DefaultValueFactory = _ => RecistOptions.Default.ConfirmationMinDays };
        var sdMin = new Option<int>("--sd-min-days") { Description = "Minimum days from ref_date for SD (admiralonco ref_start_window).", DefaultValueFactory = _ => RecistOptions.Default.SdMinDays };
        var maxNe = new Option<int>("--max-ne") { Description = "Most NE between a response and its confirmation (max_nr_ne).", DefaultValueFactory = _ => RecistOptions.Default.MaxNotEvaluableBetween };
        var acceptSd = new Option<bool>("--accept-sd") { Description = "Allow one SD between a PR and its confirmation (accept_sd)." };
        var crThenPr = CliOptions.Choice("--cr-then-pr", "A PR or SD after a CR: admiralonco (as recorded) or strict (RECIST Table 3: PD).", RecistOptions.Default.CrThenPr);
        var format = CliOptions.Format();
        var command = new Command("recist", "RECIST 1.1 time-point responses from lesions, and best overall response (BOR and confirmed BOR); the cut at the first PD always applies.")
        {
            study, lesions, timepoints, evaluator, confirm, sdMin, maxNe, acceptSd, crThenPr, format,
        };

        command.SetAction(parse =>
        {
            var options = RecistOptions.Default with
            {
                ConfirmationMinDays = parse.GetValue(confirm),
                SdMinDays = parse.GetValue(sdMin),
                MaxNotEvaluableBetween = parse.GetValue(maxNe),
                AcceptSd = parse.GetValue(acceptSd),
                CrThenPr = parse.GetValue(crThenPr),
            };
            var problems = new List<Problem>(options.Validate());
            string? studyPath = parse.GetValue(study), timepointFile = parse.GetValue(timepoints);
            var lesionFiles = parse.GetValue(lesions) ?? [];
            int given = (studyPath is null ? 0 : 1) + (lesionFiles.Length == 0 ? 0 : 1) + (timepointFile is null ? 0 : 1);
            if (given != 1)
            {
                problems.Add(Problem.ForOption("study", "OPTION_CONFLICT", "exactly one input: --study, --lesions or --timepoints", Reporting.Formats.WholeNumber(given) + " of them", "Give a study folder, lesion file(s) or a time-point file."));
            }

            if (CliOptions.MissingPath("timepoints", timepointFile, "an existing time-point CSV file") is { } missing)
            {
                problems.Add(missing);
            }

            ProblemException.ThrowIfAnyError(problems);
            string? ev = string.Equals(parse.GetValue(evaluator), "all", StringComparison.OrdinalIgnoreCase) ? null : parse.GetValue(evaluator);
            RecistRun run = timepointFile is not null
                ? RecistRun.FromTimePoints(TimePointReader.Read(timepointFile), options)
                : studyPath is not null
                    ? StudyArgument.Analyse(studyPath, StudyAnalysisOptions.Default with { Recist = options, Evaluator = ev }).DeriveRecist()
                    : RecistRun.FromLesions(LesionFiles.Read(lesionFiles, ev), options);
            cli.Write(parse.GetValue(format), () => RecistReport.ToDocument(run), () => RecistReport.ToJson(run));
            return ExitCodes.Success;
        });
        return command;
    }
}
