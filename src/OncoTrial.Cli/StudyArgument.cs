using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Study;
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
}
