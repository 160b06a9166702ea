using System.CommandLine;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Recist;
using OncoTrial.Reporting.Contracts;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial derive</c>: the ADaM datasets (ADRS, ADTR, ADTTE, ADAE, ADEX) of a study folder.</summary>
internal static class DeriveCommand
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal) { ["csv"] = ".csv", ["json"] = ".json", ["xpt"] = ".xpt" };

    public static Command Create(CliContext cli)
    {
        var study = new Option<string>("--study") { Description = StudyArgument.Description, Required = true };
        var outDir = new Option<string>("--out") { Description = "Folder to write the datasets to; created if missing, files overwritten.", Required = true };
        var format = new Option<string>("--format") { Description = "csv (default), json (Dataset-JSON v1.1) or xpt (SAS XPORT v5).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong([.. Extensions.Keys]);
        var responses = CliOptions.Choice(
            "--responses",
            "Where the time-point responses come from: lesions (OncoTrial's RECIST 1.1 derivation from TU/TR, which also gives ADTR; a study without TU and TR but with RS uses RS, with a note) or rs (the evaluator's RS.OVRLRESP as recorded).",
            StudyAnalysisOptions.Default.Responses);
        var evaluator = new Option<string>("--evaluator")
        {
            Description = "Keep the TU/TR/RS records of this evaluator: its --EVAL (INVESTIGATOR, INDEPENDENT ASSESSOR) or, when several readers share one, its --EVALID (e.g. 'RADIOLOGIST 1').",
            DefaultValueFactory = _ => LesionReader.DefaultEvaluator,
        };
        var imputation = CliOptions.Choice(
            "--date-imputation",
            "The day a partial RSDTC or TRDTC is imputed to: last or first day of the month (or year), admiral's date_imputation; ADTF says what was imputed.",
            StudyAnalysisOptions.Default.DateImputation);
        var cnsr = CliOptions.Choice(
            "--cnsr-coding",
            "ADTTE CNSR for censored records: detailed (1-4 by reason, docs/decisions/0003-censoring.md) or admiral (1 whatever the reason).",
            EndpointOptions.Default.CensorCoding);
        var command = new Command("derive", "Derives ADRS (OVR, BOR, CBOR, RSP, CRSP, PD, CB, CCB, BCP, CBCP, LSTA, DEATH, MDIS), ADTR (sum of diameters, from lesions), ADTTE (OS, PFS, DOR, TTR) from DM and TU/TR or RS, and the safety datasets (ADAE with treatment-emergent flags, ADEX with doses, cycles, RDI) from the domains they need, with the default RECIST, FDA censoring, safety and exposure options. Prints one line per dataset; warnings (imputations, exclusions) and notes go to standard error.")
        {
            study, outDir, format, responses, evaluator, imputation, cnsr,
        };

        command.SetAction(parse =>
        {
            var options = StudyAnalysisOptions.Default with
            {
                Responses = parse.GetValue(responses),
                Evaluator = parse.GetValue(evaluator),
                DateImputation = parse.GetValue(imputation),
                Endpoints = EndpointOptions.Default with { CensorCoding = parse.GetValue(cnsr) },
            };
            var analysis = StudyArgument.Analyse(parse.GetValue(study)!, options);
            var datasets = analysis.Datasets;
            ProblemException.ThrowIfAnyError(datasets.Problems);
            cli.WriteWarnings(datasets.Problems);
            string target = parse.GetValue(outDir)!;
            Directory.CreateDirectory(target);
            var written = new List<DatasetFileJson>();
            foreach (var dataset in datasets.Datasets)
            {
                string path = Path.Combine(target, dataset.Name.ToLowerInvariant() + Extensions[parse.GetValue(format)!]);
                DatasetFiles.Write(dataset, path);
                written.Add(new DatasetFileJson(dataset.Name, dataset.RowCount, dataset.Columns.Count, path));
            }

            cli.WriteText(DatasetReport.ToDocument(written));
            return ExitCodes.Success;
        });
        return command;
    }
}
