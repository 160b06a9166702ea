using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace OncoTrial.Statistics;

/// <summary>How bad a problem is. Only <see cref="Error"/> stops an analysis; the order is the order of badness.</summary>
public enum ProblemSeverity
{
    /// <summary>Worth knowing (a convention applied, a permissible variable absent); never blocks.</summary>
    Note,

    /// <summary>The data can be analysed, but a reviewer should look (reported, does not block).</summary>
    Warning,

    /// <summary>The input is wrong: the analysis would be wrong or impossible until it is fixed.</summary>
    Error,
}

/// <summary>What was bad, which decides the exit code of a front end (usage 2, invalid data 1).</summary>
public enum ProblemKind
{
    /// <summary>A data file or study folder: its content, structure or encoding.</summary>
    Data,

    /// <summary>A command-line option or argument (<see cref="Problem.Option"/> is set).</summary>
    Usage,
}

/// <summary>
/// One problem with an input, the single type for every kind of bad input: CSV, XPT and Dataset-JSON files, study
/// folders and their validation rules, regimen files and options. It is located as precisely as the input allows
/// (file, line, data row, column or variable, or another place such as a byte offset; or an option) and says what
/// was expected, what was found and the fix, with a severity. Front ends map problems to exit codes in one place.
/// </summary>
/// <param name="File">File name (as the user has it, e.g. <c>ae.xpt</c>), "." for a study folder itself, or null for an option.</param>
/// <param name="Line">1-based line in the file where the record starts, or null.</param>
/// <param name="Row">1-based data row (header not counted), or null.</param>
/// <param name="Column">The column or variable, or null when the problem is not about one.</param>
/// <param name="Code">Stable machine-readable code of the kind of problem (e.g. <c>DATE_IMPOSSIBLE</c>, <c>OPTION_RANGE</c>).</param>
/// <param name="Expected">What a valid input has there.</param>
/// <param name="Found">What this input has there.</param>
/// <param name="Fix">What to change.</param>
/// <param name="Severity">Error unless stated.</param>
public sealed record Problem(
    string? File,
    int? Line,
    int? Row,
    string? Column,
    string Code,
    string Expected,
    string Found,
    string Fix,
    ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <summary>Another locator inside the file when lines and rows do not apply: "byte offset 80", "attribute records", "$.drugs[0].dose".</summary>
    public string? Place { get; init; }

    /// <summary>The option or argument the problem is about, spelled as the command line accepts it without dashes (e.g. <c>conf-level</c>).</summary>
    public string? Option { get; init; }

    /// <summary>The stable id of the validation rule that found it (e.g. <c>OT1001</c>), or null when no rule did.</summary>
    public string? RuleId { get; init; }

    /// <summary>Usage when the problem is about an option, else Data.</summary>
    public ProblemKind Kind => Option is null ? ProblemKind.Data : ProblemKind.Usage;

    /// <summary>A problem with an option value.</summary>
    /// <param name="option">The option, spelled as the command line accepts it, without dashes (e.g. <c>conf-level</c>).</param>
    /// <param name="code">Stable code, e.g. <c>OPTION_RANGE</c>.</param>
    /// <param name="expected">What a valid value is.</param>
    /// <param name="found">The value given.</param>
    /// <param name="fix">What to change; may be empty.</param>
    public static Problem ForOption(string option, string code, string expected, string found, string fix = "") =>
        new(null, null, null, null, code, expected, found, fix) { Option = option };

    /// <summary>An option outside its range: "--NAME: expected EXPECTED, found VALUE."</summary>
    public static Problem OptionRange(string option, string expected, double found, string fix = "") =>
        ForOption(option, "OPTION_RANGE", expected, found.ToString("R", CultureInfo.InvariantCulture), fix);

    /// <summary>A problem about a whole file (no line or row).</summary>
    public static Problem InFile(string file, string code, string expected, string found, string fix) =>
        new(file, null, null, null, code, expected, found, fix);

    /// <summary>"FILE, line L (data row R), PLACE, column C: expected X, found Y. FIX", or "--OPTION: expected X, found Y. FIX".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Option is not null)
        {
            sb.Append("--").Append(Option);
            if (File is not null)
            {
                sb.Append(' ').Append(File);
            }
        }
        else
        {
            sb.Append(File);
        }

        if (Line is { } line)
        {
            sb.Append(CultureInfo.InvariantCulture, $", line {line}");
            if (Row is { } row)
            {
                sb.Append(CultureInfo.InvariantCulture, $" (data row {row})");
            }
        }
        else if (Row is { } row)
        {
            sb.Append(CultureInfo.InvariantCulture, $", row {row}");
        }

        if (Place is not null)
        {
            sb.Append(", ").Append(Place);
        }

        if (Column is not null)
        {
            sb.Append(", column ").Append(Column);
        }

        sb.Append(": expected ").Append(Expected).Append(", found ").Append(Found).Append('.');
        if (Fix.Length > 0)
        {
            sb.Append(' ').Append(Fix);
        }

        return sb.ToString();
    }

    /// <summary>Writes a data value for the Found part: quoted, control characters escaped, long values cut.</summary>
    public static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "an empty field";
        }

        const int Max = 60;
        var sb = new StringBuilder("\"");
        int n = Math.Min(value.Length, Max);
        for (int i = 0; i < n; i++)
        {
            char c = value[i];
            if (c == '"')
            {
                sb.Append("\\\"");
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD' || c == '\uFEFF')
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        if (value.Length > Max)
        {
            sb.Append(CultureInfo.InvariantCulture, $"...\" ({value.Length} characters)");
        }
        else
        {
            sb.Append('"');
        }

        return sb.ToString();
    }
}

/// <summary>
/// Bad input found by a library call: carries every <see cref="Problem"/> found (the message lists them, one per
/// line). Thrown only for the user's input, never for a programming error, so a front end can show it as the
/// user's to fix and choose the exit code from <see cref="Problem.Kind"/>.
/// </summary>
#pragma warning disable CA1032 // No message-only constructors: every ProblemException carries structured problems.
public class ProblemException : Exception
#pragma warning restore CA1032
{
    /// <summary>Creates the exception from one or more problems.</summary>
    public ProblemException(IEnumerable<Problem> problems)
        : this(Materialise(problems), null)
    {
    }

    /// <summary>Creates the exception from one or more problems and the underlying cause.</summary>
    public ProblemException(IEnumerable<Problem> problems, Exception? innerException)
        : this(Materialise(problems), innerException)
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    public ProblemException(Problem problem)
        : this([problem])
    {
    }

    /// <summary>Creates the exception with a generic message (prefer the problem constructors).</summary>
    public ProblemException()
        : this(Materialise([new Problem(null, null, null, null, "INPUT", "valid input", "input that could not be used", string.Empty)]), null)
    {
    }

    private ProblemException(ReadOnlyCollection<Problem> problems, Exception? innerException)
        : base(string.Join(Environment.NewLine, problems), innerException)
    {
        Problems = problems;
    }

    /// <summary>Every problem found, at least one.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>Throws a <see cref="ProblemException"/> with the errors among <paramref name="problems"/>, if there are any.</summary>
    public static void ThrowIfAnyError(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ProblemException(errors);
        }
    }

    private static ReadOnlyCollection<Problem> Materialise(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A ProblemException needs at least one problem.", nameof(problems));
        }

        return list.AsReadOnly();
    }
}
