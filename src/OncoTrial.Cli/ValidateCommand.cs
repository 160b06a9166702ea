using System.CommandLine;
using OncoTrial.Clinical.Study;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial validate --study DIR</c>: every problem of a study folder, one line each (or JSON with rule ids).
/// Exit code 0 when no problem is an error (warnings are listed), 1 when the study has errors, 2 when the path
/// names nothing.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext cli)
    {
        var study = new Option<string>("--study") { Description = StudyArgument.Description, Required = true };
        var format = CliOptions.Format();
        var profile = new Option<string?>("--profile")
        {
            Description = $"What to check against: sdtm (SDTMIG 3.4 and CDISC controlled terminology) or seed (the seed protocol on top of SDTM). Default: the profile the study names in TS (TSPARMCD {ValidationProfile.TrialSummaryParameter}), else sdtm.",
        };
        profile.AcceptOnlyFromAmong([.. Vocabulary.Tokens<ValidationProfileName>()]);
        var command = new Command("validate", "Checks a study folder against SDTMIG and CDISC controlled terminology (or a stricter profile) and lists every problem with file, line, row, column, what was expected, what was found, the fix and its severity; only errors fail.")
        {
            study, format, profile,
        };

        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(profile) is { } token ? ValidationProfile.Of(Vocabulary.Parse<ValidationProfileName>(token)) : null;
            var report = StudyValidator.Validate(StudyArgument.Load(parse.GetValue(study)!), chosen);
            cli.Write(parse.GetValue(format), () => ValidationView.ToDocument(report), () => ValidationView.ToJson(report));
            return report.IsUsable ? ExitCodes.For(report.Problems) : ExitCodes.InvalidData;
        });
        return command;
    }
}
