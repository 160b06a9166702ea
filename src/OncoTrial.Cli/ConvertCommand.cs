using System.CommandLine;
using OncoTrial.Clinical.Data;
using OncoTrial.Reporting.Contracts;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial convert</c>: a dataset from one file format to another, formats chosen by extension.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliContext cli)
    {
        var input = new Option<string>("--input") { Description = "Dataset to read: .csv, .json (Dataset-JSON v1.1), .ndjson, .dsjc or .xpt.", Required = true };
        var outputFile = new Option<string>("--output") { Description = "Dataset to write, same formats; an existing file is overwritten.", Required = true };
        var command = new Command("convert", "Converts a dataset between CSV, CDISC Dataset-JSON v1.1 (JSON, NDJSON, compressed DSJC) and SAS XPT; formats follow the file extensions. The output file is overwritten if it exists.")
        {
            input, outputFile,
        };

        command.SetAction(parse =>
        {
            string from = parse.GetValue(input)!, to = parse.GetValue(outputFile)!;
            var problems = new List<Problem>();
            if (CliOptions.MissingPath("input", from, "an existing dataset file") is { } missing)
            {
                problems.Add(missing);
            }

            problems.AddRange(DatasetFiles.CheckExtension(from, "input"));
            problems.AddRange(DatasetFiles.CheckExtension(to, "output"));
            ProblemException.ThrowIfAnyError(problems);
            var dataset = DatasetFiles.Read(from);
            DatasetFiles.Write(dataset, to);
            cli.WriteText(DatasetReport.Converted(new DatasetFileJson(dataset.Name, dataset.RowCount, dataset.Columns.Count, to), DatasetFiles.FormatName(to)));
            return ExitCodes.Success;
        });
        return command;
    }
}
