using System.CommandLine;
using System.Globalization;
using OncoTrial.Clinical.Protocol;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial regimen show|schedule|dose</c>: the built-in regimen or a regimen file, a schedule, a patient's doses.</summary>
internal static class RegimenCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("regimen", "The treatment regimen as data: show it, list a schedule from a first dose, or compute a patient's doses. Uses the seed trial's regimen unless --regimen names a file.");
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Schedule(cli));
        command.Subcommands.Add(Dose(cli));
        return command;
    }

    private static Option<string?> RegimenOption() => new("--regimen") { Description = "A regimen JSON file (regimen.schema.json); the built-in seed regimen when omitted." };

    private static Regimen LoadRegimen(string? path)
    {
        if (path is null)
        {
            return Regimen.Seed;
        }

        if (CliOptions.MissingPath("regimen", path, "a regimen JSON file") is { } missing)
        {
            throw new ProblemException(missing);
        }

        return Regimen.Load(path);
    }

    private static Command Show(CliContext cli)
    {
        var regimen = RegimenOption();
        var format = CliOptions.Format();
        var command = new Command("show", "Print the regimen: drugs, doses, days, phases, assessments, delay limits.") { regimen, format };
        command.SetAction(parse =>
        {
            var r = LoadRegimen(parse.GetValue(regimen));
            cli.Write(parse.GetValue(format), () => RegimenReport.ToDocument(r), () => RegimenReport.ToJson(r));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Schedule(CliContext cli)
    {
        var regimen = RegimenOption();
        var firstDose = new Option<string>("--first-dose") { Description = "Cycle 1 day 1, YYYY-MM-DD.", Required = true };
        var induction = new Option<int?>("--induction-cycles") { Description = "Cycles of the first phase (default: its maximum, 6 in the seed regimen)." };
        var maintenance = new Option<int?>("--maintenance-cycles") { Description = "Cycles of the second phase to list (default: its maximum, or none when it runs until progression)." };
        var format = CliOptions.Format();
        var command = new Command("schedule", "Planned cycle day-1 dates and tumour assessment dates from the first dose, without delays.") { regimen, firstDose, induction, maintenance, format };
        command.SetAction(parse =>
        {
            var r = LoadRegimen(parse.GetValue(regimen));
            string text = parse.GetValue(firstDose)!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                throw new ProblemException(Problem.ForOption("first-dose", "OPTION_FORMAT", "a date YYYY-MM-DD (e.g. 2024-01-02)", Problem.Quote(text), "Write the date as ISO 8601."));
            }

            int?[] given = [parse.GetValue(induction), parse.GetValue(maintenance)];
            var counts = r.Phases.Select((phase, p) => p < given.Length && given[p] is { } g ? g : phase.MaxCycles ?? phase.MinCycles).ToList();
            ProblemException.ThrowIfAnyError(TreatmentSchedule.Validate(r, counts));
            var s = TreatmentSchedule.Create(r, first, counts);
            cli.Write(parse.GetValue(format), () => RegimenReport.ToDocument(r, s), () => RegimenReport.ToJson(r, s));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Dose(CliContext cli)
    {
        var regimen = RegimenOption();
        var height = new Option<double>("--height") { Description = "Height in cm.", Required = true };
        var weight = new Option<double>("--weight") { Description = "Actual body weight in kg.", Required = true };
        var formula = CliOptions.Choice("--formula", "BSA formula.", BsaFormula.Mosteller);
        var bsaDecimals = new Option<int>("--bsa-decimals") { Description = "Decimals of BSA used for dosing (0-6).", DefaultValueFactory = _ => DoseRounding.Protocol.BsaDecimals };
        var roundMg = new Option<double>("--round-mg") { Description = "Round each dose to a multiple of this many mg (0: unrounded).", DefaultValueFactory = _ => DoseRounding.Protocol.DoseStepMg };
        var format = CliOptions.Format();
        var command = new Command("dose", "Each drug's planned dose for a patient: flat doses, mg/m2 x BSA, mg/kg x weight.") { regimen, height, weight, formula, bsaDecimals, roundMg, format };
        command.SetAction(parse =>
        {
            var r = LoadRegimen(parse.GetValue(regimen));
            double h = parse.GetValue(height), w = parse.GetValue(weight);
            var rounding = new DoseRounding(parse.GetValue(bsaDecimals), parse.GetValue(roundMg));
            ProblemException.ThrowIfAnyError(DoseCalculator.Validate(h, w, rounding));
            var dosing = PatientDosing.Compute(r, h, w, parse.GetValue(formula), rounding);
            cli.Write(parse.GetValue(format), () => RegimenReport.ToDocument(dosing), () => RegimenReport.ToJson(dosing));
            return ExitCodes.Success;
        });
        return command;
    }
}
