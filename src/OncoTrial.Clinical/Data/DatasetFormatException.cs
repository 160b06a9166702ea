using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// A dataset file that cannot be read (or a dataset that cannot be written in a format): every reader and writer
/// (CSV, Dataset-JSON, XPT) throws it with structured <see cref="Problem"/>s, each naming the file (or, for a dataset
/// being written, <c>dataset NAME</c> or the target path) and the place (line and data row, row, column,
/// <see cref="Problem.Place"/> such as "byte offset 80" or "attribute records"), what was expected, what was found and
/// the fix. The message is the problems, one per line.
/// </summary>
/// <remarks>
/// There are no message-only constructors: a front end reads <see cref="ProblemException.Problems"/>. CA1032 asks
/// for them on every exception; it is suppressed here as on <see cref="ProblemException"/>.
/// </remarks>
#pragma warning disable CA1032 // No message-only constructors: every DatasetFormatException carries structured problems.
public sealed class DatasetFormatException : ProblemException
#pragma warning restore CA1032
{
    /// <summary>Creates the exception from one or more problems (the message lists them, one per line).</summary>
    public DatasetFormatException(IEnumerable<Problem> problems)
        : base(problems)
    {
    }

    /// <summary>Creates the exception from one or more problems and the underlying cause.</summary>
    public DatasetFormatException(IEnumerable<Problem> problems, Exception? innerException)
        : base(problems, innerException)
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    public DatasetFormatException(Problem problem)
        : base(problem)
    {
    }

    /// <summary>Creates the exception with one problem and the underlying cause.</summary>
    public DatasetFormatException(Problem problem, Exception? innerException)
        : base([problem], innerException)
    {
    }
}
