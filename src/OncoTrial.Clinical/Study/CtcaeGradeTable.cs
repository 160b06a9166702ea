using System.Globalization;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Study;

/// <summary>
/// The CTCAE v5.0 grades each term allows, read from the embedded <c>Ctcae/ctcae-v5.0-terms.csv</c> (one row per
/// term with its source text and a comment for every judgement call). Terms are matched to AEDECOD ignoring case.
/// </summary>
internal sealed class CtcaeGradeTable
{
    private const string ResourceName = "OncoTrial.Clinical.Ctcae.ctcae-v5.0-terms.csv";
    private readonly Dictionary<string, (int Min, int Max, string Source)> _terms;

    private CtcaeGradeTable(Dictionary<string, (int Min, int Max, string Source)> terms) => _terms = terms;

    /// <summary>The CTCAE v5.0 table shipped with the library.</summary>
    public static CtcaeGradeTable V5 { get; } = Load();

    /// <summary>The allowed grade range of a term, or null when the term is not in the table (then no check is made).</summary>
    public (int Min, int Max, string Source)? Find(string term) =>
        _terms.TryGetValue(term.Trim(), out var range) ? range : null;

    private static CtcaeGradeTable Load()
    {
        using var stream = typeof(CtcaeGradeTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var (table, problems) = CsvTable.Parse(reader.ReadToEnd(), ResourceName);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        int term = table.IndexOf("term"), grades = table.IndexOf("grades"), source = table.IndexOf("source");
        var terms = new Dictionary<string, (int, int, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in table.Records)
        {
            string g = r.Fields[grades];
            int dash = g.IndexOf('-', StringComparison.Ordinal);
            int min = int.Parse(dash < 0 ? g : g[..dash], CultureInfo.InvariantCulture);
            int max = int.Parse(dash < 0 ? g : g[(dash + 1)..], CultureInfo.InvariantCulture);
            terms.Add(r.Fields[term], (min, max, r.Fields[source]));
        }

        return new CtcaeGradeTable(terms);
    }
}
