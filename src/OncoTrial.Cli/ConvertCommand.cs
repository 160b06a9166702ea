using System.CommandLine;
using System.Globalization;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial convert</c>: a dataset from one file format to another, formats chosen by extension.</summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Option<string>("--input") { Description = "Dataset to read: .csv, .json (Dataset-JSON v1.1), .ndjson or .dsjc.", Required = true };
        var outputFile = new Option<string>("--output") { Description = "Dataset to write, same formats; an existing file is overwritten.", Required = true };
        var command = new Command("convert", "Converts a dataset between CSV and CDISC Dataset-JSON v1.1 (JSON, NDJSON, compressed DSJC); formats follow the file extensions. The output file is overwritten if it exists.")
        {
            input, outputFile,
        };

        command.SetAction(parse =>
        {
            string from = parse.GetValue(input)!;
            string to = parse.GetValue(outputFile)!;
            var problems = new List<string>();
            if (!File.Exists(from))
            {
                problems.Add($"--input: expected an existing dataset file, found no file at \"{from}\". Check the path.");
            }

            string? format = null;
            try
            {
                format = DatasetFiles.FormatName(to);
                DatasetFiles.FormatName(from);
            }
            catch (DatasetFormatException ex)
            {
                problems.Add(ex.Message);
            }

            if (problems.Count > 0)
            {
                throw new CommandLineInputException(problems);
            }

            var dataset = DatasetFiles.Read(from);
            DatasetFiles.Write(dataset, to);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {dataset.RowCount} rows x {dataset.Columns.Count} columns to {to} ({format})."));
            return 0;
        });
        return command;
    }
}
