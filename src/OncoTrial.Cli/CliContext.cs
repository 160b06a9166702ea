using OncoTrial.Reporting;
using OncoTrial.Reporting.Json;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>Where a command writes: rendered results to standard output, problems and warnings to standard error.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error)
{
    /// <summary>Standard output.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>True when standard error is an interactive terminal (progress bars go there).</summary>
    public bool IsInteractive => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Writes the result in the format asked for: the document as text, the contract as JSON.</summary>
    public void Write<T>(OutputFormat format, Func<Document> document, Func<T> json)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(json);
        switch (format)
        {
            case OutputFormat.Json:
                Output.Write(ResultJson.Serialize(json()));
                Output.Write('\n');
                break;
            case OutputFormat.Text:
                Output.Write(TextRenderer.Render(document()));
                break;
            default:
                throw new InvalidOperationException($"This command does not write {format}.");
        }
    }

    /// <summary>Writes a document as text.</summary>
    public void WriteText(Document document) => Output.Write(TextRenderer.Render(document));

    /// <summary>Writes a table as CSV.</summary>
    public void WriteCsv(ReportTable table) => Output.Write(CsvRenderer.Render(table));

    /// <summary>Writes each problem on a line of standard error; warnings and notes are prefixed.</summary>
    public void WriteProblems(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var p in problems)
        {
            Error.WriteLine(p.Severity switch
            {
                ProblemSeverity.Warning => "warning: " + p,
                ProblemSeverity.Note => "note: " + p,
                _ => p.ToString(),
            });
        }
    }

    /// <summary>Writes the warnings (and notes) among <paramref name="problems"/>; errors are thrown elsewhere.</summary>
    public void WriteWarnings(IEnumerable<Problem> problems) => WriteProblems(problems.Where(p => p.Severity != ProblemSeverity.Error));
}
