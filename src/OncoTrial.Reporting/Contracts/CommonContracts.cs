using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Contracts;

/// <summary>One problem (bad input), as every JSON output reports it: the fields of <see cref="Problem"/> and <c>message</c>, the whole problem as text output prints it.</summary>
public sealed record ProblemJson(
    string? File, int? Line, int? Row, string? Column, string? Place, string? Option, string Code, string? RuleId, ProblemSeverity Severity, string Expected, string Found, string Fix, string Message)
{
    /// <summary>The contract of a problem.</summary>
    public static ProblemJson From(Problem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.File, p.Line, p.Row, p.Column, p.Place, p.Option, p.Code, p.RuleId, p.Severity, p.Expected, p.Found, p.Fix, p.ToString());
    }
}

/// <summary><c>oncotrial validate --format json</c>: the profile checked against, every problem of a study and the counts; <c>passes</c> when no problem is an error.</summary>
public sealed record ValidationJson(string Study, OncoTrial.Clinical.Study.ValidationProfileName Profile, bool Usable, bool Passes, IReadOnlyList<ProblemJson> Problems, ValidationCountsJson Counts);

/// <summary>Problem counts by severity, code and rule.</summary>
public sealed record ValidationCountsJson(int Total, int Errors, int Warnings, int Notes, IReadOnlyDictionary<string, int> ByCode, IReadOnlyDictionary<string, int> ByRule);

/// <summary>The tables of a document, cell by cell (display text, values and subjects): the analysis-results form of any table output.</summary>
public sealed record DocumentJson(string Title, IReadOnlyList<TableJson> Tables);

/// <summary>One table: its title, leaf columns, rows by group, footnotes.</summary>
public sealed record TableJson(string? Title, IReadOnlyList<ColumnJson> Columns, IReadOnlyList<RowGroupJson> Groups, IReadOnlyList<string> Footnotes);

/// <summary>A leaf column with the labels of the headers above it.</summary>
public sealed record ColumnJson(string Key, string Label, IReadOnlyList<string> Spanning);

/// <summary>Rows under a group label.</summary>
public sealed record RowGroupJson(string? Label, IReadOnlyList<RowJson> Rows);

/// <summary>One row of cells.</summary>
public sealed record RowJson(int Indent, IReadOnlyList<CellJson> Cells);

/// <summary>One cell: what it shows, the numbers behind it and the subjects it counts.</summary>
public sealed record CellJson(string Display, IReadOnlyList<double?> Values, IReadOnlyList<string> Subjects);

/// <summary><c>oncotrial derive</c>: the datasets written.</summary>
public sealed record DeriveJson(IReadOnlyList<DatasetFileJson> Datasets, IReadOnlyList<ProblemJson> Warnings);

/// <summary>One dataset written.</summary>
public sealed record DatasetFileJson(string Name, int Rows, int Columns, string Path);
