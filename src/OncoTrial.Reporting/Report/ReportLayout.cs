using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Report;

/// <summary>What a report folder holds, each output in its back ends.</summary>
[Flags]
public enum ReportOutputs
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>report.html</c>, the self-contained page.</summary>
    Html = 1,

    /// <summary><c>tables/*.docx</c> and <c>report.docx</c> (every table and figure in one document).</summary>
    Docx = 2,

    /// <summary><c>tables/*.rtf</c>.</summary>
    Rtf = 4,

    /// <summary><c>tables/*.csv</c>.</summary>
    Csv = 8,

    /// <summary><c>figures/*.svg</c>.</summary>
    Svg = 16,

    /// <summary><c>figures/*.png</c> (300 dpi).</summary>
    Png = 32,

    /// <summary><c>ard.json</c>, the analysis-results file.</summary>
    Ard = 64,

    /// <summary><c>adam/</c>: ADSL, ADRS, ADTR, ADTTE, ADAE, ADEX as CSV, Dataset-JSON and XPT.</summary>
    Adam = 128,

    /// <summary>Everything.</summary>
    All = Html | Docx | Rtf | Csv | Svg | Png | Ard | Adam,
}

/// <summary>
/// The layout of a report folder (docs/methods/report.md): <c>report.html</c>, <c>report.docx</c>, <c>ard.json</c>,
/// <c>tables/{id}.docx|.rtf|.csv</c>, <c>figures/{id}.svg|.png</c>, <c>adam/{name}.csv|.json|.xpt</c>. Paths are relative
/// to the folder, with '/' between parts.
/// </summary>
public static class ReportLayout
{
    /// <summary>The page.</summary>
    public const string Html = "report.html";

    /// <summary>Every table and figure in one Word document.</summary>
    public const string Docx = "report.docx";

    /// <summary>The analysis-results file.</summary>
    public const string Ard = "ard.json";

    /// <summary>The folder of the table files.</summary>
    public const string TablesFolder = "tables";

    /// <summary>The folder of the figure files.</summary>
    public const string FiguresFolder = "figures";

    /// <summary>The folder of the ADaM datasets.</summary>
    public const string AdamFolder = "adam";

    /// <summary>The extensions of the ADaM files: CSV, Dataset-JSON v1.1, SAS XPORT v5.</summary>
    public static IReadOnlyList<string> AdamExtensions { get; } = [".csv", ".json", ".xpt"];

    /// <summary>The words of <see cref="ParseOutputs"/>, in order, each naming one back end.</summary>
    public static IReadOnlyList<(string Word, ReportOutputs Output)> OutputWords { get; } =
    [
        ("html", ReportOutputs.Html), ("docx", ReportOutputs.Docx), ("rtf", ReportOutputs.Rtf), ("csv", ReportOutputs.Csv),
        ("svg", ReportOutputs.Svg), ("png", ReportOutputs.Png), ("ard", ReportOutputs.Ard), ("adam", ReportOutputs.Adam), ("all", ReportOutputs.All),
    ];

    /// <summary>
    /// The outputs named by a comma-separated list of <see cref="OutputWords"/> (e.g. <c>html,ard</c>; <c>all</c>);
    /// every unknown word is a problem of option <paramref name="option"/>.
    /// </summary>
    /// <param name="text">The list.</param>
    /// <param name="option">The option's name, for the problems (e.g. <c>format</c>).</param>
    /// <param name="problems">Where the problems go.</param>
    public static ReportOutputs ParseOutputs(string text, string option, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var outputs = ReportOutputs.None;
        foreach (string word in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = OutputWords.FirstOrDefault(w => string.Equals(w.Word, word, StringComparison.OrdinalIgnoreCase));
            if (match.Word is null)
            {
                problems.Add(Problem.ForOption(option, OptionProblems.Range, "a comma-separated list of " + string.Join(", ", OutputWords.Select(w => w.Word)), word));
                continue;
            }

            outputs |= match.Output;
        }

        if (outputs == ReportOutputs.None && problems.Count == 0)
        {
            problems.Add(Problem.ForOption(option, OptionProblems.Range, "at least one of " + string.Join(", ", OutputWords.Select(w => w.Word)), text));
        }

        return outputs;
    }

    /// <summary>The files of a table under <paramref name="outputs"/>.</summary>
    public static IReadOnlyList<string> TableFiles(string id, ReportOutputs outputs)
    {
        var files = new List<string>();
        if (outputs.HasFlag(ReportOutputs.Docx))
        {
            files.Add(TablesFolder + "/" + id + ".docx");
        }

        if (outputs.HasFlag(ReportOutputs.Rtf))
        {
            files.Add(TablesFolder + "/" + id + ".rtf");
        }

        if (outputs.HasFlag(ReportOutputs.Csv))
        {
            files.Add(TablesFolder + "/" + id + ".csv");
        }

        return files;
    }

    /// <summary>The files of a figure under <paramref name="outputs"/>.</summary>
    public static IReadOnlyList<string> FigureFiles(string id, ReportOutputs outputs)
    {
        var files = new List<string>();
        if (outputs.HasFlag(ReportOutputs.Svg))
        {
            files.Add(FiguresFolder + "/" + id + ".svg");
        }

        if (outputs.HasFlag(ReportOutputs.Png))
        {
            files.Add(FiguresFolder + "/" + id + ".png");
        }

        return files;
    }
}
