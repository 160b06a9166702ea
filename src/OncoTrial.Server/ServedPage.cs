using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Server;

/// <summary>What a served page shows.</summary>
public enum ServedPageKind
{
    /// <summary>The study's report.</summary>
    Report,

    /// <summary>The study does not validate (or cannot be read): its problems, instead of a stale report.</summary>
    Problems,

    /// <summary>Building the report failed on a bug in OncoTrial: the error, to be reported.</summary>
    InternalError,
}

/// <summary>One build of the page: what it shows, its HTML, the problems behind it and how long the analysis took.</summary>
/// <param name="Version">1 for the first build, then one more per rebuild.</param>
/// <param name="Kind">Report, problems or internal error.</param>
/// <param name="Html">The whole page (UTF-8 when served).</param>
/// <param name="Problems">The study's problems: on a report its warnings and notes, on a problems page every problem (the errors first).</param>
/// <param name="Elapsed">Wall time of the analysis and rendering.</param>
public sealed record ServedPage(int Version, ServedPageKind Kind, string Html, IReadOnlyList<Problem> Problems, TimeSpan Elapsed)
{
    /// <summary>The number of errors among <see cref="Problems"/>.</summary>
    public int ErrorCount => Problems.Count(p => p.Severity == ProblemSeverity.Error);

    /// <summary>One line for a person: "build 2: the report (0.41 s)", "build 3: 2 errors, 1 warning, 0 notes; the page shows the study's problems (0.05 s)".</summary>
    public string Describe()
    {
        string seconds = Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        string build = "build " + Version.ToString(CultureInfo.InvariantCulture) + ": ";
        return Kind switch
        {
            ServedPageKind.Report => build + "the report (" + seconds + " s)",
            ServedPageKind.Problems => build + Count(ProblemSeverity.Error, "error") + ", " + Count(ProblemSeverity.Warning, "warning") + ", " + Count(ProblemSeverity.Note, "note")
                + "; the page shows the study's problems (" + seconds + " s)",
            _ => build + "an internal error (a bug in OncoTrial); the page shows it",
        };
    }

    private string Count(ProblemSeverity severity, string word)
    {
        int n = Problems.Count(p => p.Severity == severity);
        return n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? string.Empty : "s");
    }
}

/// <summary>The event data of <see cref="ReportServer.PageBuilt"/>.</summary>
/// <param name="page">The page now served.</param>
public sealed class ServedPageEventArgs(ServedPage page) : EventArgs
{
    /// <summary>The page now served.</summary>
    public ServedPage Page { get; } = page;
}
