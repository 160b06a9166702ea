namespace OncoTrial.Clinical.Data;

/// <summary>
/// A dataset file that cannot be read (or a dataset that cannot be written in a format). The message names the
/// file and the place (row, column, byte offset or record), what was expected, what was found and the fix.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    /// <summary>Creates the exception with a complete, actionable message.</summary>
    public DatasetFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a complete, actionable message and the underlying cause.</summary>
    public DatasetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message (prefer the message constructors).</summary>
    public DatasetFormatException()
        : base("The dataset file could not be read.")
    {
    }
}
