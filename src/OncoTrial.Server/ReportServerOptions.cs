using OncoTrial.Clinical.Pipeline;
using OncoTrial.Statistics;

namespace OncoTrial.Server;

/// <summary>What <see cref="ReportServer"/> serves and how: the study, the port on 127.0.0.1, the analysis options and the debounce of file changes.</summary>
public sealed record ReportServerOptions
{
    /// <summary>The study folder, or a .zip of one, whose report is served; its files are watched.</summary>
    public required string Study { get; init; }

    /// <summary>The TCP port on 127.0.0.1, 0 ≤ port ≤ 65535; 0 lets the system choose a free one (<see cref="ReportServer.Address"/> says which). Default 8080.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>How long the study folder must be quiet after a change before the analysis is re-run (an editor's save, a copy of several files, is one rebuild); 0 &lt; debounce ≤ 1 minute, default 300 ms.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The options of the analysis, the same as <c>oncotrial report</c> takes.</summary>
    public StudyAnalysisOptions Analysis { get; init; } = StudyAnalysisOptions.Default;

    /// <summary>The port used when none is given.</summary>
    public const int DefaultPort = 8080;

    /// <summary>The problems of these options (port range, debounce), each about the option that has it.</summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (Port is < 0 or > 65535)
        {
            problems.Add(Problem.OptionRange("port", "a TCP port from 0 to 65535 (0: any free port)", Port));
        }

        if (Debounce <= TimeSpan.Zero || Debounce > TimeSpan.FromMinutes(1))
        {
            problems.Add(Problem.OptionRange("debounce", "a delay above 0 and at most 60000 ms", Debounce.TotalMilliseconds));
        }

        return problems;
    }
}
