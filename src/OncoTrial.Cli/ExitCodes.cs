using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>The exit codes of <c>oncotrial</c>, and the one place where problems become one of them.</summary>
internal static class ExitCodes
{
    /// <summary>Success (warnings may have been printed).</summary>
    public const int Success = 0;

    /// <summary>The input data are invalid (a file, a study folder, a value in a row): the user's to fix.</summary>
    public const int InvalidData = 1;

    /// <summary>The command line is wrong (an unknown or missing option, a value out of range, a path that does not exist).</summary>
    public const int Usage = 2;

    /// <summary>An internal error: a bug in OncoTrial, reported as such (EX_SOFTWARE of sysexits.h).</summary>
    public const int InternalError = 70;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>Usage when an error is about an option, otherwise invalid data; success when there is no error.</summary>
    public static int For(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        return errors.Count == 0 ? Success : errors.Any(p => p.Kind == ProblemKind.Usage) ? Usage : InvalidData;
    }
}
