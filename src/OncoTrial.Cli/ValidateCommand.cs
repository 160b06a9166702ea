using System.CommandLine;
using OncoTrial.Clinical.Study;
using OncoTrial.Reporting.Views;

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
        var command = new Command("validate", "Checks a study folder and lists every problem with file, line, row, column, what was expected, what was found and the fix.")
        {
            study, format,
        };

        command.SetAction(parse =>
        {
            var report = StudyValidator.Validate(StudyArgument.Load(parse.GetValue(study)!));
            cli.Write(parse.GetValue(format), () => ValidationView.ToDocument(report), () => ValidationView.ToJson(report));
            return report.IsUsable ? ExitCodes.For(report.Problems) : ExitCodes.InvalidData;
        });
        return command;
    }
}
