using System.CommandLine;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Pipeline;
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
            "Where the time-point responses come from: lesions (OncoTrial's RECIST 1.1 derivation from TU/TR, which also gives ADTR) or rs (the investigator's RS.OVRLRESP as recorded).",
            StudyAnalysisOptions.Default.Responses);
        var command = new Command("derive", "Derives ADRS (OVR, BOR, CBOR, RSP, CRSP), ADTR (sum of diameters, from lesions), ADTTE (OS, PFS, DOR, TTR), ADAE (treatment-emergent flags) and ADEX (doses, cycles, RDI) from a study folder, with the default RECIST, FDA censoring, safety and exposure options. Prints one line per dataset; warnings (imputations, exclusions) go to standard error.")
        {
            study, outDir, format, responses,
        };

        command.SetAction(parse =>
        {
            var analysis = StudyArgument.Analyse(parse.GetValue(study)!, StudyAnalysisOptions.Default with { Responses = parse.GetValue(responses) });
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
