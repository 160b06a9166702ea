using System.Globalization;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Ctcae;

/// <summary>
/// The CTCAE lab and vital-sign criteria of one version, read from the embedded data file
/// (<c>Ctcae/ctcae-v5.0-lab-criteria.csv</c>), and the map from reported AE terms to CTCAE terms
/// (<c>Ctcae/ctcae-v5.0-ae-term-map.csv</c>). Terms match ignoring case.
/// </summary>
public sealed class CtcaeCriteria
{
    private const string CriteriaResource = "OncoTrial.Clinical.Ctcae.ctcae-v5.0-lab-criteria.csv";
    private const string MapResource = "OncoTrial.Clinical.Ctcae.ctcae-v5.0-ae-term-map.csv";
    private readonly Dictionary<string, IReadOnlyList<LabCriterion>> _byTerm;
    private readonly Dictionary<string, string> _aeMap;

    private CtcaeCriteria(string version, IReadOnlyList<LabCriterion> rows, Dictionary<string, string> aeMap)
    {
        Version = version;
        Rows = rows;
        _aeMap = aeMap;
        _byTerm = rows.GroupBy(r => r.Term, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<LabCriterion>)g.ToList().AsReadOnly(), StringComparer.OrdinalIgnoreCase);
        Terms = rows.Select(r => r.Term).Distinct(StringComparer.Ordinal).ToList().AsReadOnly();
    }

    /// <summary>CTCAE v5.0, as shipped.</summary>
    public static CtcaeCriteria V5 { get; } = Load();

    /// <summary>The CTCAE version of every row ("5.0").</summary>
    public string Version { get; }

    /// <summary>Every row, in file order.</summary>
    public IReadOnlyList<LabCriterion> Rows { get; }

    /// <summary>The terms, in file order.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The rows of a term, or an empty list when the term has none.</summary>
    public IReadOnlyList<LabCriterion> For(string term) =>
        _byTerm.TryGetValue(term?.Trim() ?? string.Empty, out var rows) ? rows : [];

    /// <summary>The terms graded from a test code (LBTESTCD/VSTESTCD), e.g. LYM gives both lymphocyte terms.</summary>
    public IReadOnlyList<string> TermsForTest(string testCode) =>
        Rows.Where(r => string.Equals(r.TestCode, testCode?.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Term).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The CTCAE term a reported AE term (AEDECOD) is checked against, or null when it has no lab criteria.</summary>
    public string? TermForAe(string aeTerm) =>
        _aeMap.TryGetValue(aeTerm?.Trim() ?? string.Empty, out var t) ? t : null;

    private static CsvTable ReadResource(string name)
    {
        using var stream = typeof(CtcaeCriteria).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        var (table, problems) = CsvTable.Parse(reader.ReadToEnd(), name);
        return problems.Count > 0 ? throw new InvalidOperationException(string.Join(Environment.NewLine, problems)) : table;
    }

    private static CtcaeCriteria Load()
    {
        var table = ReadResource(CriteriaResource);
        string F(CsvRecord r, string column) => r.Fields[table.IndexOf(column)].Trim();
        var rows = new List<LabCriterion>();
        foreach (var r in table.Records)
        {
            string factor = F(r, "factor");
            rows.Add(new LabCriterion(
                F(r, "version"),
                F(r, "term"),
                F(r, "direction")[0],
                F(r, "testcd"),
                F(r, "quantity"),
                CtcaeGrade.Create(int.Parse(F(r, "grade"), CultureInfo.InvariantCulture)),
                F(r, "applies") switch
                {
                    "always" => CriterionApplies.Always,
                    "baseline-normal" => CriterionApplies.BaselineNormal,
                    "baseline-abnormal" => CriterionApplies.BaselineAbnormal,
                    "baseline-clause" => CriterionApplies.BaselineClause,
                    var a => throw new InvalidOperationException($"{CriteriaResource} line {r.Line}: unknown applies '{a}'."),
                },
                F(r, "measure") switch
                {
                    "value" => CriterionMeasure.Value,
                    "percent-loss-from-baseline" => CriterionMeasure.PercentLossFromBaseline,
                    "clinical" => CriterionMeasure.Clinical,
                    var m => throw new InvalidOperationException($"{CriteriaResource} line {r.Line}: unknown measure '{m}'."),
                },
                F(r, "op"),
                factor.Length == 0 ? null : decimal.Parse(factor, NumberStyles.Float, CultureInfo.InvariantCulture),
                F(r, "basis") switch
                {
                    "" => null,
                    "ABS" => CriterionBasis.Absolute,
                    "ULN" => CriterionBasis.UpperLimit,
                    "LLN" => CriterionBasis.LowerLimit,
                    "BASE" => CriterionBasis.Baseline,
                    var b => throw new InvalidOperationException($"{CriteriaResource} line {r.Line}: unknown basis '{b}'."),
                },
                F(r, "unit"),
                F(r, "source_text"),
                F(r, "comment"),
                r.Line));
        }

        var versions = rows.Select(r => r.Version).Distinct(StringComparer.Ordinal).ToList();
        if (versions.Count != 1)
        {
            throw new InvalidOperationException($"{CriteriaResource} mixes versions: {string.Join(", ", versions)}.");
        }

        var map = ReadResource(MapResource);
        var aeMap = map.Records.ToDictionary(
            r => r.Fields[map.IndexOf("ae_term")].Trim(), r => r.Fields[map.IndexOf("ctcae_term")].Trim(), StringComparer.OrdinalIgnoreCase);
        return new CtcaeCriteria(versions[0], rows.AsReadOnly(), aeMap);
    }
}
