using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// A dataset file that cannot be read (or a dataset that cannot be written in a format). The message names the
/// file and the place (row, column, byte offset or record), what was expected, what was found and the fix;
/// <see cref="Problems"/> holds the same as structured <see cref="Problem"/>s where the reader made them.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    /// <summary>Creates the exception with a complete, actionable message.</summary>
    public DatasetFormatException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a complete, actionable message and the underlying cause.</summary>
    public DatasetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a generic message (prefer the message constructors).</summary>
    public DatasetFormatException()
        : base("The dataset file could not be read.")
    {
        Problems = [];
    }

    /// <summary>Creates the exception from structured problems (the message lists them, one per line).</summary>
    public DatasetFormatException(IReadOnlyList<Problem> problems)
        : base(string.Join(Environment.NewLine, problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>The problems, structured; empty when only the message was given.</summary>
    public IReadOnlyList<Problem> Problems { get; }
}
