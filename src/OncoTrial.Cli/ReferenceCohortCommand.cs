using System.CommandLine;
using System.Globalization;
using OncoTrial.ReferenceCohort;
using OncoTrial.Reporting.Contracts;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial reference-cohort --out DIR</c>: writes the built-in reference cohort (or the one of another seed) as a study folder.</summary>
internal static class ReferenceCohortCommand
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal) { ["csv"] = ".csv", ["json"] = ".json", ["xpt"] = ".xpt" };

    public static Command Create(CliContext cli)
    {
        var outDir = new Option<string>("--out") { Description = "Folder to write the study to (one file per SDTM domain); created if missing, files overwritten.", Required = true };
        var format = new Option<string>("--format") { Description = "csv (default), json (Dataset-JSON v1.1) or xpt (SAS XPORT v5).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong([.. Extensions.Keys]);
        var seed = new Option<int>("--seed") { Description = $"The seed of the generator; {SyntheticCohort.DefaultSeed} gives the built-in cohort.", DefaultValueFactory = _ => SyntheticCohort.DefaultSeed };
        var command = new Command("reference-cohort", "Writes the reference cohort: synthetic SDTM source data of the seed trial's 59 screened and 50 enrolled patients (DM, SC, DS, EX, TU, TR, AE, LB, VS, CM, TS) whose analysis reproduces the paper (oncotrial reproduce). Nothing derived is written.")
        {
            outDir, format, seed,
        };

        command.SetAction(parse =>
        {
            int s = parse.GetValue(seed);
            SyntheticCohort cohort;
            try
            {
                cohort = s == SyntheticCohort.DefaultSeed ? SyntheticCohort.BuiltIn : SyntheticCohort.Generate(s);
            }
            catch (InvalidOperationException e)
            {
                cli.WriteProblems([Problem.ForOption("seed", "SEED_NOT_CALIBRATED", "a seed whose search meets every published value", s.ToString(CultureInfo.InvariantCulture), e.Message)]);
                return ExitCodes.InvalidData;
            }

            var paths = cohort.WriteTo(parse.GetValue(outDir)!, Extensions[parse.GetValue(format)!]);
            var written = cohort.Datasets.Zip(paths, (d, p) => new DatasetFileJson(d.Name, d.RowCount, d.Columns.Count, p)).ToList();
            cli.WriteText(DatasetReport.ToDocument(written));
            return ExitCodes.Success;
        });
        return command;
    }
}
