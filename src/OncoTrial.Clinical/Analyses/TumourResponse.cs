using System.Globalization;
using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>A response rate: the responders over the denominator, with its confidence interval.</summary>
/// <param name="Count">The subjects counted and the denominator.</param>
/// <param name="Estimate">x / n with its interval (method and level on it); null when the denominator is 0.</param>
public sealed record RateEstimate(Frequency Count, ProportionEstimate? Estimate)
{
    internal static RateEstimate Compute(Frequency count, TrialResultsOptions options) =>
        new(count, count.Denominator > 0 ? BinomialInterval.Compute(count.Count, count.Denominator, options.ProportionMethod, options.ConfidenceLevel) : null);
}

/// <summary>ORR and DCR of one PD-L1 CPS level (e.g. CPS ≥ 10), per column.</summary>
/// <param name="Key">pdl1/ge10, pdl1/lt10, ..., pdl1/unknown.</param>
/// <param name="Label">"CPS ≥ 10", ..., "Unknown".</param>
/// <param name="ObjectiveResponse">Per column: responders among the level's subjects.</param>
/// <param name="DiseaseControl">Per column: disease control among the level's subjects.</param>
public sealed record PdL1ResponseRow(string Key, string Label, IReadOnlyList<RateEstimate> ObjectiveResponse, IReadOnlyList<RateEstimate> DiseaseControl);

/// <summary>
/// Table 2, tumour response: best overall response counts, ORR (CR + PR) and DCR (CR + PR + SD, and NON-CR/NON-PD in a
/// study with non-measurable disease only) with their intervals over the analysis set and over its evaluable subset, and
/// ORR and DCR by PD-L1 CPS. BOR is ADRS CBOR (or BOR); a subject of the set without one counts as MISSING, with NE and
/// ND in "not evaluable".
/// </summary>
/// <param name="Options">The options (basis, interval method and level, evaluable definition).</param>
/// <param name="Population">The analysis set and its columns: the denominators.</param>
/// <param name="BestResponse">Rows bor/CR, bor/PR, bor/SD, bor/NON-CR/NON-PD (only when any subject has it), bor/PD, bor/NE (NE, ND and MISSING).</param>
/// <param name="ObjectiveResponse">Per column: CR or PR over N.</param>
/// <param name="DiseaseControl">Per column: CR, PR, SD or NON-CR/NON-PD over N.</param>
/// <param name="Evaluable">Per column: the evaluable subset (<see cref="TrialResultsOptions.Evaluable"/>) over N.</param>
/// <param name="EvaluableObjectiveResponse">Per column: CR or PR over the evaluable subset.</param>
/// <param name="EvaluableDiseaseControl">Per column: disease control over the evaluable subset.</param>
/// <param name="ByPdL1">ORR and DCR per PD-L1 level: ≥ c and &lt; c for each cutoff, then unknown.</param>
/// <param name="Recist">The RECIST options of the BOR derivation (confirmation, SD minimum).</param>
/// <param name="Problems">Notes and warnings (subjects of the set without a BOR record).</param>
public sealed record TumourResponse(
    TrialResultsOptions Options,
    AnalysisPopulation Population,
    IReadOnlyList<CountRow> BestResponse,
    IReadOnlyList<RateEstimate> ObjectiveResponse,
    IReadOnlyList<RateEstimate> DiseaseControl,
    IReadOnlyList<Frequency> Evaluable,
    IReadOnlyList<RateEstimate> EvaluableObjectiveResponse,
    IReadOnlyList<RateEstimate> EvaluableDiseaseControl,
    IReadOnlyList<PdL1ResponseRow> ByPdL1,
    RecistOptions Recist,
    IReadOnlyList<Problem> Problems)
{
    private static readonly (string Code, string Label)[] Rows =
    [
        ("CR", "Complete response"), ("PR", "Partial response"), ("SD", "Stable disease"), ("NON-CR/NON-PD", "Non-CR/non-PD"),
        ("PD", "Progressive disease"), ("NE", "Not evaluable"),
    ];

    /// <summary>The row of a best-response code (CR, PR, SD, NON-CR/NON-PD, PD, NE), or null.</summary>
    public CountRow? Row(string code) => BestResponse.FirstOrDefault(r => r.Key == "bor/" + code);

    /// <summary>The PD-L1 row of a key (pdl1/ge10, ...), or null.</summary>
    public PdL1ResponseRow? PdL1(string key) => ByPdL1.FirstOrDefault(r => r.Key == key);

    /// <summary>The footnote of the table, from the result.</summary>
    public string Describe()
    {
        string level = (Options.ConfidenceLevel.Value * 100).ToString("0.###", CultureInfo.InvariantCulture);
        string evaluable = Options.Evaluable == EvaluableDefinition.PostBaselineResponse
            ? "at least one post-baseline time-point response other than NE/ND"
            : "a best overall response of CR, PR, SD or PD";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Population.Describe()}. {(Options.ResponseBasis == ResponseBasis.Confirmed ? "Confirmed" : "Unconfirmed")} best overall response per RECIST 1.1 ({Recist.Describe()}). "
            + $"Not evaluable: NE, ND or no response assessment. Objective response = CR + PR; disease control = CR + PR + SD. {level}% CIs by {Vocabulary.Token(Options.ProportionMethod)}. "
            + $"Evaluable subset: {evaluable} (n = {Evaluable[^1].Count}).");
    }

    internal static TumourResponse Compute(AnalysisInputs inputs)
    {
        var options = inputs.Options;
        var population = inputs.Efficacy;
        var bor = population.Subjects.ToDictionary(id => id, inputs.BestResponse, StringComparer.Ordinal);
        string Group(string id) => bor[id] is "NE" or "ND" or "MISSING" ? "NE" : bor[id];
        static bool Responder(string code) => code is "CR" or "PR";
        static bool Controlled(string code) => code is "CR" or "PR" or "SD" or "NON-CR/NON-PD";

        var rows = Rows
            .Where(r => r.Code != "NON-CR/NON-PD" || population.Subjects.Any(id => Group(id) == r.Code))
            .Select(r => new CountRow("bor/" + r.Code, r.Label, population.Count(id => Group(id) == r.Code)))
            .ToList();

        var evaluable = population.Subjects.Where(id => options.Evaluable == EvaluableDefinition.PostBaselineResponse
            ? inputs.Ovr(id).Any(o => o.IsAnalysis && o.Response is not ("NE" or "ND" or ""))
            : Group(id) != "NE").ToHashSet(StringComparer.Ordinal);

        IReadOnlyList<RateEstimate> Rates(Func<string, bool> include, IReadOnlySet<string>? within = null) =>
            [.. (within is null ? population.Count(include) : population.Count(include, within)).Select(f => RateEstimate.Compute(f, options))];

        var byPdL1 = new List<PdL1ResponseRow>();
        double? Cps(string id) => inputs.Characteristics.GetValueOrDefault(id)?.Cps;
        void AddLevel(string key, string label, Func<string, bool> inLevel)
        {
            var level = population.Subjects.Where(inLevel).ToHashSet(StringComparer.Ordinal);
            byPdL1.Add(new PdL1ResponseRow(key, label, Rates(id => Responder(bor[id]), level), Rates(id => Controlled(bor[id]), level)));
        }

        foreach (double c in options.CpsCutoffs)
        {
            string t = c.ToString("0.###", CultureInfo.InvariantCulture);
            AddLevel("pdl1/ge" + t, "CPS ≥ " + t, id => Cps(id) >= c);
            AddLevel("pdl1/lt" + t, "CPS < " + t, id => Cps(id) < c);
        }

        AddLevel("pdl1/unknown", "CPS unknown", id => Cps(id) is null);

        var problems = new List<Problem>();
        var missing = population.Subjects.Where(id => bor[id] == "MISSING").ToList();
        if (missing.Count > 0)
        {
            problems.Add(new Problem(
                "ADRS", null, null, options.ResponseBasis == ResponseBasis.Confirmed ? "CBOR" : "BOR", "ANALYSIS_NO_BEST_RESPONSE", "a best overall response for every subject of the analysis set",
                string.Create(CultureInfo.InvariantCulture, $"none (or MISSING) for {missing.Count} subject(s): {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", ..." : string.Empty)}"),
                "None needed: they count as not evaluable (non-responders) in the denominator.", ProblemSeverity.Note));
        }

        return new TumourResponse(
            options,
            population,
            rows,
            Rates(id => Responder(bor[id])),
            Rates(id => Controlled(bor[id])),
            population.Count(evaluable.Contains),
            Rates(id => Responder(bor[id]), evaluable),
            Rates(id => Controlled(bor[id]), evaluable),
            byPdL1,
            inputs.Analysis.Options.Recist,
            problems.AsReadOnly());
    }
}
