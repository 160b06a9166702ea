using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace OncoTrial.Clinical.Study;

/// <summary>How bad a validation problem is.</summary>
public enum ValidationSeverity
{
    /// <summary>The data can be analysed, but a reviewer should look (reported, does not block).</summary>
    Warning,

    /// <summary>The data are wrong: the analysis would be wrong or impossible until it is fixed.</summary>
    Error,
}

/// <summary>One problem found in a study folder, located as precisely as the data allow.</summary>
/// <param name="File">File name within the study folder (e.g. <c>ae.csv</c>), or "." for the folder itself.</param>
/// <param name="Line">1-based line in the file where the record starts, or null.</param>
/// <param name="Row">1-based data row (header not counted), or null.</param>
/// <param name="Column">The variable, or null when the problem is not about one column.</param>
/// <param name="Code">Stable machine-readable code (e.g. <c>DATE_IMPOSSIBLE</c>), listed in docs/data-format.md.</param>
/// <param name="Expected">What a valid study has there.</param>
/// <param name="Found">What this study has there.</param>
/// <param name="Fix">What to change.</param>
/// <param name="Severity">Error unless stated.</param>
public sealed record ValidationProblem(
    string File,
    int? Line,
    int? Row,
    string? Column,
    string Code,
    string Expected,
    string Found,
    string Fix,
    ValidationSeverity Severity = ValidationSeverity.Error)
{
    /// <summary>"FILE, line L (data row R), column C: expected X, found Y. FIX".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(File);
        if (Line is { } line)
        {
            sb.Append(CultureInfo.InvariantCulture, $", line {line}");
            if (Row is { } row)
            {
                sb.Append(CultureInfo.InvariantCulture, $" (data row {row})");
            }
        }

        if (Column is not null)
        {
            sb.Append(", column ").Append(Column);
        }

        sb.Append(": expected ").Append(Expected).Append(", found ").Append(Found).Append(". ").Append(Fix);
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

/// <summary>The outcome of validating a study folder: every problem found, in file order.</summary>
public sealed class ValidationReport
{
    /// <summary>Creates a report.</summary>
    public ValidationReport(string study, IEnumerable<ValidationProblem> problems, bool isUsable)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Study = study;
        Problems = new ReadOnlyCollection<ValidationProblem>(problems.ToList());
        IsUsable = isUsable;
    }

    /// <summary>The folder validated, as given.</summary>
    public string Study { get; }

    /// <summary>Every problem, in the order found (folder, then each file in domain order, then cross-file checks).</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>False when the input cannot be analysed at all (folder missing, DM missing or unreadable).</summary>
    public bool IsUsable { get; }

    /// <summary>The worst severity found, or null when the study is clean.</summary>
    public ValidationSeverity? Severity => Problems.Count == 0 ? null : Problems.Max(p => p.Severity);

    /// <summary>True when no problem was found.</summary>
    public bool IsClean => Problems.Count == 0;

    /// <summary>Number of problems per code, codes in ordinal order.</summary>
    public IReadOnlyDictionary<string, int> CountsByCode =>
        Problems.GroupBy(p => p.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
