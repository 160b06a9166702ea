using System.CommandLine;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.ReferenceCohort;
using OncoTrial.Reporting.Views;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial reproduce [--study DIR]</c>: runs the whole pipeline (on the built-in reference cohort when no study is
/// given) and prints every value the paper publishes beside the computed one, the difference and a verdict. Exit 1
/// when a count differs.
/// </summary>
internal static class ReproduceCommand
{
    public static Command Create(CliContext cli)
    {
        var study = new Option<string?>("--study") { Description = StudyArgument.Description + " Default: the built-in reference cohort." };
        var format = CliOptions.Format();
        var command = new Command("reproduce", "Runs validate, RECIST, endpoints, exposure, CTCAE/safety, disposition and statistics on a study (the built-in reference cohort by default) and prints every value of Li et al. 2024 beside the computed one, with exact (at the paper's precision), within (its stated tolerance) or differs. Exit 1 when a count differs.")
        {
            study, format,
        };

        command.SetAction(parse =>
        {
            string? path = parse.GetValue(study);
            var analysis = StudyArgument.AnalyseOrBuiltIn(path, PaperReproduction.Options);
            var reproduction = PaperReproduction.Run(analysis, path ?? SyntheticCohort.BuiltInName);
            cli.Write(parse.GetValue(format), () => ReproductionView.ToDocument(reproduction), () => ReproductionView.ToJson(reproduction));
            return reproduction.AnyCountDiffers ? ExitCodes.InvalidData : ExitCodes.Success;
        });
        return command;
    }
}
