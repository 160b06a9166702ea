using System.CommandLine;
using System.Globalization;
using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial derive</c>: the ADaM datasets (ADRS, ADTR, ADTTE, ADAE, ADEX) of a study folder.</summary>
internal static class DeriveCommand
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal) { ["csv"] = ".csv", ["json"] = ".json", ["xpt"] = ".xpt" };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var study = new Option<string>("--study") { Description = "Study folder with one CSV file per SDTM domain (docs/data-format.md).", Required = true };
        var outDir = new Option<string>("--out") { Description = "Folder to write the datasets to; created if missing, files overwritten.", Required = true };
        var format = new Option<string>("--format") { Description = "csv (default), json (Dataset-JSON v1.1) or xpt (SAS XPORT v5).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong([.. Extensions.Keys]);
        var responses = new Option<string>("--responses")
        {
            Description = "Where the time-point responses come from: lesions (default: OncoTrial's RECIST 1.1 derivation from TU/TR, which also gives ADTR) or rs (the investigator's RS.OVRLRESP as recorded).",
            DefaultValueFactory = _ => "lesions",
        };
        responses.AcceptOnlyFromAmong("lesions", "rs");
        var command = new Command("derive", "Derives ADRS (OVR, BOR, CBOR, RSP, CRSP), ADTR (sum of diameters, from lesions), ADTTE (OS, PFS, DOR, TTR), ADAE (treatment-emergent flags) and ADEX (doses, cycles, RDI) from a study folder, with the default RECIST, FDA censoring, safety and exposure options. Prints one line per dataset; warnings (imputations, exclusions) go to standard error.")
        {
            study, outDir, format, responses,
        };

        command.SetAction(parse =>
        {
            string dir = parse.GetValue(study)!;
            string target = parse.GetValue(outDir)!;
            string extension = Extensions[parse.GetValue(format)!];
            var folder = StudyFolder.Load(dir);
            var options = StudyDerivationOptions.Default;
            if (parse.GetValue(responses) == "lesions" && folder.IsUsable)
            {
                var lesions = LesionReader.ReadStudy(folder);
                if (lesions.HasErrors)
                {
                    throw new CommandLineInputException([.. lesions.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString())]);
                }

                foreach (var warning in lesions.Problems)
                {
                    error.WriteLine("warning: " + warning);
                }

                options = options with { TimePoints = RecistDerivation.DeriveTimePointResponses(lesions.Lesions, options.Recist) };
            }

            var result = StudyDerivation.Run(folder, options);
            if (result.HasErrors)
            {
                throw new CommandLineInputException([.. result.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString())]);
            }

            foreach (var warning in result.Problems)
            {
                error.WriteLine("warning: " + warning);
            }

            var safety = SafetyDatasets.Run(folder);
            foreach (var warning in safety.Problems)
            {
                error.WriteLine("warning: " + warning);
            }

            Directory.CreateDirectory(target);
            foreach (var dataset in result.Datasets.Concat(safety.Datasets))
            {
                string path = Path.Combine(target, dataset.Name.ToLowerInvariant() + extension);
                DatasetFiles.Write(dataset, path);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dataset.Name}: {dataset.RowCount} rows, {dataset.Columns.Count} columns, {path}"));
            }

            return 0;
        });
        return command;
    }
}
