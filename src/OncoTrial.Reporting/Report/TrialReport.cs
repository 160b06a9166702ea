using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Reporting.Figures;
using OncoTrial.Reporting.Tables;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Report;

/// <summary>An analysis set of the report, as the header lists it.</summary>
/// <param name="Id">A stable id for the analysis-results file (<c>safety</c>, <c>efficacy</c>, <c>screened</c>).</param>
/// <param name="Name">Its name (e.g. "Efficacy analysis set").</param>
/// <param name="Definition">Who is in it, in words.</param>
/// <param name="Subjects">Its subjects (USUBJID, in order).</param>
public sealed record ReportAnalysisSet(string Id, string Name, string Definition, IReadOnlyList<string> Subjects)
{
    /// <summary>N.</summary>
    public int N => Subjects.Count;
}

/// <summary>The study header of a report: which study, which data, which sets.</summary>
/// <param name="StudyId">DM STUDYID (the first), or the study folder's name when DM has none.</param>
/// <param name="Source">The study folder's name.</param>
/// <param name="DataCutoff">TS DCUTDTC, or null when the study states none (every record was used).</param>
/// <param name="Arms">The arms of the analysis set (one for a single-arm study).</param>
/// <param name="AnalysisSets">Screened, safety and efficacy sets.</param>
public sealed record ReportHeader(string StudyId, string Source, DateOnly? DataCutoff, IReadOnlyList<string> Arms, IReadOnlyList<ReportAnalysisSet> AnalysisSets)
{
    /// <summary>The data cutoff in words ("2024-04-01", or "none stated").</summary>
    public string DataCutoffText => DataCutoff is { } d ? Formats.Date(d) : "none stated (every record used)";
}

/// <summary>A section of the report's methods, generated from the options of the results (their <c>Describe()</c>).</summary>
/// <param name="Id">A stable id (<c>methods-response</c>, ...).</param>
/// <param name="Title">The heading.</param>
/// <param name="Text">The methods in words, every method word spelled as the command line accepts it.</param>
public sealed record ReportMethod(string Id, string Title, string Text);

/// <summary>A headline number of the report (N, ORR, median PFS and OS) for a summary line, formatted by its cell.</summary>
/// <param name="Key">A stable key (<c>n</c>, <c>orr</c>, <c>median-pfs</c>, <c>median-os</c>).</param>
/// <param name="Label">What it is, in words.</param>
/// <param name="Value">The value, its format and subjects.</param>
public sealed record ReportHeadline(string Key, string Label, Cell Value);

/// <summary>
/// The whole report of a study, built once and rendered by every back end (HTML page, DOCX, RTF, CSV, SVG, PNG and the
/// analysis-results file): the study header, the numbered tables (<see cref="TrialTables"/>), the numbered figures
/// (<see cref="ReportFigures"/>), the methods generated from the options and the notes and warnings of the analyses.
/// One layout, several back ends. Immutable.
/// </summary>
public sealed class TrialReport
{
    private readonly Dictionary<string, string> _setOf;

    private TrialReport(TrialResults results, ReportHeader header, IReadOnlyList<ReportTable> tables, IReadOnlyList<ReportFigure> figures, IReadOnlyList<ReportMethod> methods, IReadOnlyList<Problem> notes, IReadOnlyList<ReportHeadline> headlines, Dictionary<string, string> setOf)
    {
        Results = results;
        Header = header;
        Tables = tables;
        Figures = figures;
        Methods = methods;
        Notes = notes;
        Headlines = headlines;
        _setOf = setOf;
    }

    /// <summary>The results the report shows.</summary>
    public TrialResults Results { get; }

    /// <summary>The study header.</summary>
    public ReportHeader Header { get; }

    /// <summary>The tables, numbered (<c>table-N-name</c>).</summary>
    public IReadOnlyList<ReportTable> Tables { get; }

    /// <summary>The figures, numbered (<c>figure-N-name</c>).</summary>
    public IReadOnlyList<ReportFigure> Figures { get; }

    /// <summary>The methods, from the options of every part.</summary>
    public IReadOnlyList<ReportMethod> Methods { get; }

    /// <summary>Warnings and notes of the analyses (records used with an assumption or left out, parts the study cannot give), in the order met, without repeats.</summary>
    public IReadOnlyList<Problem> Notes { get; }

    /// <summary>The headline numbers: N, ORR, median PFS and OS (those the study has).</summary>
    public IReadOnlyList<ReportHeadline> Headlines { get; }

    /// <summary>The title of the report: "Study {id}: tables and figures".</summary>
    public string Title => "Study " + Header.StudyId + ": tables and figures";

    /// <summary>Builds the report of a study analysis: every table and figure it can give, computed once.</summary>
    /// <param name="analysis">The study analysis.</param>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public static TrialReport Create(StudyAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var results = analysis.Results;
        ProblemException.ThrowIfAnyError(analysis.Datasets.Problems);
        var disposition = analysis.Safety.Disposition;
        var population = results.Population;
        var safetyPopulation = results.Safety.Population;
        var sets = new List<ReportAnalysisSet>
        {
            new("screened", disposition.Screened.Label, "every subject of DM", disposition.Screened.Subjects),
            new("safety", safetyPopulation.Name, safetyPopulation.Definition, safetyPopulation.Subjects),
        };
        if (population.Name != safetyPopulation.Name)
        {
            sets.Add(new ReportAnalysisSet("efficacy", population.Name, population.Definition, population.Subjects));
        }

        var header = new ReportHeader(StudyIdOf(analysis), analysis.Study.Name, disposition.DataCutoff, [.. population.Arms.Select(a => a.Name)], sets);
        var tables = TrialTables.Create(results);
        var figures = ReportFigures.Create(results);
        string SetIdOf(string name) => sets.FirstOrDefault(s => s.Name == name)?.Id ?? "efficacy";
        var setOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            bool safety = table.Id is { } id && (id.EndsWith("-" + AdverseEventTable.Id, StringComparison.Ordinal) || id.EndsWith("-" + DeathTable.Id, StringComparison.Ordinal) || id.EndsWith("-" + ExposureTable.Id, StringComparison.Ordinal));
            setOf[table.Id!] = SetIdOf(safety ? safetyPopulation.Name : population.Name);
        }

        foreach (var figure in figures)
        {
            setOf[figure.Id] = SetIdOf(figure.AnalysisSet);
        }

        var notes = results.Problems.Concat(analysis.Safety.Problems).Concat(analysis.Datasets.Problems).Distinct().ToList();
        return new TrialReport(results, header, tables, figures, MethodsOf(analysis), notes, HeadlinesOf(results), setOf);
    }

    /// <summary>The id of the analysis set of a table or figure (<see cref="ReportAnalysisSet.Id"/>).</summary>
    /// <param name="outputId">A table's or figure's id.</param>
    /// <exception cref="KeyNotFoundException">No table or figure has the id.</exception>
    public string AnalysisSetOf(string outputId) => _setOf[outputId];

    /// <summary>
    /// The report as one paged document (for DOCX): the header, every table (a page each) and every figure as a PNG (a page
    /// each, with its notes), then the methods.
    /// </summary>
    /// <param name="pngOf">The PNG of a figure (e.g. <see cref="PngRenderer.Render(Figure, double)"/> at <see cref="PngRenderer.DocumentDpi"/>).</param>
    public Document ToDocument(Func<ReportFigure, byte[]> pngOf)
    {
        ArgumentNullException.ThrowIfNull(pngOf);
        var doc = new DocumentBuilder(Title);
        doc.Heading(Title);
        foreach (string line in HeaderLines())
        {
            doc.Paragraph(line);
        }

        foreach (var table in Tables)
        {
            doc.PageBreak();
            doc.Table(table);
        }

        foreach (var figure in Figures)
        {
            doc.PageBreak();
            doc.Heading(figure.Title, 2);
            // A landscape A4 page has 9.7 x 6.3 inches inside 1-inch margins; a tall figure is scaled to fit its height.
            double scale = Math.Min(1, 430 / figure.Figure.Height);
            doc.Image(pngOf(figure), figure.Figure.Width * scale, figure.Figure.Height * scale, figure.Figure.Title);
            foreach (string note in figure.Notes)
            {
                doc.Paragraph(note);
            }
        }

        doc.PageBreak();
        doc.Heading("Methods");
        foreach (var m in Methods)
        {
            doc.Heading(m.Title, 2);
            doc.Paragraph(m.Text);
        }

        return doc.Build();
    }

    /// <summary>The header in lines: study, data cutoff, each analysis set with N.</summary>
    public IReadOnlyList<string> HeaderLines()
    {
        var lines = new List<string>
        {
            "Study: " + Header.StudyId + (Header.Source != Header.StudyId ? " (" + Header.Source + ")" : string.Empty),
            "Data cutoff: " + Header.DataCutoffText,
            "Arms: " + string.Join(", ", Header.Arms),
        };
        lines.AddRange(Header.AnalysisSets.Select(s => Formats.Invariant($"{s.Name} ({s.Definition}): N = {s.N}")));
        return lines;
    }

    private static string StudyIdOf(StudyAnalysis analysis)
    {
        if (analysis.Study.Domain("DM") is { } dm && dm.Has("STUDYID"))
        {
            foreach (var record in dm.Table.Records)
            {
                string id = dm.Value(record, "STUDYID").Trim();
                if (id.Length > 0)
                {
                    return id;
                }
            }
        }

        return analysis.Study.Name;
    }

    private static List<ReportMethod> MethodsOf(StudyAnalysis analysis)
    {
        var o = analysis.Options;
        var results = analysis.Results;
        var methods = new List<ReportMethod>
        {
            new("methods-analyses", "Analyses", results.Describe()),
            new("methods-recist", "Tumour response (RECIST 1.1)", o.Recist.Describe()),
            new("methods-censoring", "Time to event: censoring", o.Endpoints.Describe()),
            new("methods-safety", "Adverse events", o.Safety.Describe()),
            new("methods-exposure", "Exposure and dose intensity", o.Exposure.Describe()),
        };
        methods.Add(new ReportMethod("methods-population", "Analysis set", results.Population.Describe()));
        return methods;
    }

    private static List<ReportHeadline> HeadlinesOf(TrialResults results)
    {
        var population = results.Population;
        var total = population.Columns.Count - 1;
        var headlines = new List<ReportHeadline>
        {
            new("n", population.Name + " (N)", Cell.FromCount(population.N) with { Subjects = population.Subjects }),
        };
        int rate = results.Options.RateDecimals;
        if (results.Response is { } response)
        {
            var orr = response.ObjectiveResponse[total];
            headlines.Add(new ReportHeadline("orr", "Objective response rate, % (" + TableParts.Level(results.Options.ConfidenceLevel) + " CI, " + Vocabulary.Token(results.Options.ProportionMethod) + ")", TableParts.Rate(orr, rate, showDenominator: true)));
        }

        foreach (string code in ReportFigures.KaplanMeierEndpoints)
        {
            if (results.Efficacy?.Endpoint(code) is { } endpoint)
            {
                var m = endpoint.Total.Median;
                var all = endpoint.Total.Events.Subjects.Concat(endpoint.Total.Censored.Subjects).Order(StringComparer.Ordinal).ToList();
                headlines.Add(new ReportHeadline(
                    "median-" + code.ToLowerInvariant(),
                    "Median " + code + ", months (" + TableParts.Level(results.Options.ConfidenceLevel) + " CI)",
                    TableParts.Interval(m.Estimate, m.Lower, m.Upper, rate, 1, all)));
            }
        }

        return headlines;
    }
}
