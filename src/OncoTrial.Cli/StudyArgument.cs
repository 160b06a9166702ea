using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Study;
using OncoTrial.ReferenceCohort;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>The <c>--study</c> argument every study command takes: a folder or a .zip of one.</summary>
internal static class StudyArgument
{
    /// <summary>The option's description.</summary>
    public const string Description = "Study folder, or a .zip of one: one file per SDTM domain as CSV, Dataset-JSON or XPT (docs/data-format.md).";

    /// <summary>Loads the study; a path that names nothing is a usage problem.</summary>
    public static StudyFolder Load(string path)
    {
        if (CliOptions.MissingPath("study", path, "an existing study folder or .zip archive", folderAllowed: true) is { } missing)
        {
            throw new ProblemException(missing);
        }

        return StudyFolder.Load(path);
    }

    /// <summary>Loads the study and starts its analysis with <paramref name="options"/>.</summary>
    public static StudyAnalysis Analyse(string path, StudyAnalysisOptions options) => StudyAnalysis.Create(Load(path), options);

    /// <summary>
    /// The analysis options of a command whose study defaults to the built-in reference cohort (report, serve): the
    /// paper's reading (<see cref="PaperReproduction.Options"/>) on the cohort, the defaults on a study; Table 3's
    /// frequency threshold from <c>--ae-threshold</c>. Not validated here.
    /// </summary>
    public static StudyAnalysisOptions OptionsFor(string? path, decimal aeThresholdPercent)
    {
        var defaults = path is null ? PaperReproduction.Options : StudyAnalysisOptions.Default;
        return defaults with { Safety = defaults.Safety with { FrequencyThresholdPercent = aeThresholdPercent } };
    }

    /// <summary>Starts the analysis of the study, or of the built-in reference cohort when <paramref name="path"/> is null.</summary>
    public static StudyAnalysis AnalyseOrBuiltIn(string? path, StudyAnalysisOptions options) =>
        path is null ? StudyAnalysis.Create(SyntheticCohort.BuiltIn.ToFileSource(), options) : Analyse(path, options);
}
