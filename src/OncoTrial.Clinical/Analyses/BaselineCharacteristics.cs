using System.Globalization;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>The age of one column's subjects: median (min, max) over those with an age.</summary>
/// <param name="Summary">N, median, mean, min and max of ADSL AGE.</param>
/// <param name="Subjects">The subjects with an age.</param>
public sealed record AgeSummary(RangeSummary Summary, IReadOnlyList<string> Subjects);

/// <summary>
/// Table 1, baseline characteristics of the analysis set: age median (range) and below / at or above the cutoff; sex;
/// ECOG; stage; number of metastatic sites; metastatic sites; prior surgery; prior radiotherapy; PD-L1 CPS. Every
/// percentage is of the column's N (the analysis set), never of the subjects with a value; a "Missing" row makes each
/// section add up to N when a subject has no value.
/// </summary>
/// <param name="Options">The options.</param>
/// <param name="Population">The analysis set and its columns.</param>
/// <param name="Age">Per column, the age summary.</param>
/// <param name="Sections">The sections in the paper's order (keys <c>age</c>, <c>sex</c>, <c>ecog</c>, <c>stage</c>, <c>metsites</c>, <c>metsite</c>, <c>prior</c>, <c>pdl1</c>).</param>
/// <param name="Problems">Characteristics that could not be read (warnings) and notes.</param>
public sealed record BaselineCharacteristics(
    TrialResultsOptions Options,
    AnalysisPopulation Population,
    IReadOnlyList<AgeSummary> Age,
    IReadOnlyList<CountSection> Sections,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The row of a key (e.g. <c>sex/M</c>, <c>pdl1/ge10</c>, <c>pdl1/assessed</c>), or null.</summary>
    public CountRow? Row(string key) => Sections.SelectMany(s => s.Rows).FirstOrDefault(r => r.Key == key);

    /// <summary>The footnote of the table, from the result: population, N, PD-L1 assessed, percentage rule.</summary>
    public string Describe()
    {
        var assessed = Row("pdl1/assessed")?.Total.Count ?? 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Population.Describe()}. Data are median (range) or n (%); percentages of N, rounded half away from zero to {Options.PercentDecimals} decimals. PD-L1 CPS was assessed in {assessed} subjects.");
    }

    internal static BaselineCharacteristics Compute(AnalysisInputs inputs)
    {
        var options = inputs.Options;
        var population = inputs.Efficacy;
        var adsl = inputs.Adsl;
        var sc = inputs.Characteristics;
        SubjectCharacteristics? Sc(string id) => sc.GetValueOrDefault(id);
        double? AgeOf(string id) => adsl.TryGetValue(id, out var s) ? s.Age : null;

        var sections = new List<CountSection>();
        var age = population.Map(c =>
        {
            var with = c.Subjects.Where(id => AgeOf(id) is not null).ToList();
            return new AgeSummary(RangeSummary.Compute(with.Select(id => AgeOf(id)!.Value)), with);
        });

        string cut = options.AgeCutoff.ToString(CultureInfo.InvariantCulture);
        sections.Add(Section("age", "Age, years", population,
        [
            ($"age/lt{cut}", "< " + cut, id => AgeOf(id) < options.AgeCutoff),
            ($"age/ge{cut}", "≥ " + cut, id => AgeOf(id) >= options.AgeCutoff),
        ], id => AgeOf(id) is null));

        string SexOf(string id) => adsl.TryGetValue(id, out var s) ? s.Sex.ToUpperInvariant() : string.Empty;
        sections.Add(Categorical("sex", "Sex", population, SexOf, ["M", "F"], v => v switch { "M" => "Male", "F" => "Female", "U" => "Unknown", _ => Sentence(v) }));
        sections.Add(Categorical("ecog", "ECOG performance status", population, id => Sc(id)?.Ecog ?? string.Empty, [], v => v, numeric: true));
        sections.Add(Categorical("stage", "Disease stage", population, id => Sc(id)?.Stage ?? string.Empty, [], v => v));

        int? Sites(string id) => Sc(id)?.MetastaticSiteCount;
        var siteRows = new List<(string, string, Func<string, bool>)>();
        if (population.Subjects.Any(id => Sites(id) == 0))
        {
            siteRows.Add(("metsites/0", "0", id => Sites(id) == 0));
        }

        siteRows.Add(("metsites/1", "1", id => Sites(id) == 1));
        siteRows.Add(("metsites/2", "2", id => Sites(id) == 2));
        siteRows.Add(("metsites/ge3", "≥ 3", id => Sites(id) >= 3));
        sections.Add(Section("metsites", "Number of metastatic sites", population, siteRows, id => Sites(id) is null));

        // Metastatic sites: lymph node, lung, liver, then the others found (alphabetical); a subject may be in several rows.
        string[] first = [SubjectCharacteristics.LymphNode, "LUNG", SubjectCharacteristics.Liver];
        var others = population.Subjects.SelectMany(id => Sc(id)?.MetastaticSites ?? []).Distinct(StringComparer.Ordinal).Where(s => !first.Contains(s)).Order(StringComparer.Ordinal);
        sections.Add(new CountSection("metsite", "Metastatic sites",
            [.. first.Concat(others).Select(site => new CountRow("metsite/" + site, Sentence(site), population.Count(id => Sc(id)?.MetastaticSites.Contains(site, StringComparer.Ordinal) == true)))]));

        sections.Add(new CountSection("prior", "Prior therapy",
        [
            new CountRow("prior/surgery", "Prior surgery", population.Count(id => Sc(id)?.PriorSurgery == true)),
            new CountRow("prior/radiotherapy", "Prior radiotherapy", population.Count(id => Sc(id)?.PriorRadiotherapy == true)),
        ]));

        double? Cps(string id) => Sc(id)?.Cps;
        var cpsRows = new List<CountRow>();
        foreach (double c in options.CpsCutoffs)
        {
            string t = c.ToString("0.###", CultureInfo.InvariantCulture);
            cpsRows.Add(new CountRow("pdl1/lt" + t, "< " + t, population.Count(id => Cps(id) < c)));
            cpsRows.Add(new CountRow("pdl1/ge" + t, "≥ " + t, population.Count(id => Cps(id) >= c)));
        }

        cpsRows.Add(new CountRow("pdl1/unknown", "Unknown", population.Count(id => Cps(id) is null)));
        cpsRows.Add(new CountRow("pdl1/assessed", "Assessed", population.Count(id => Cps(id) is not null)));
        sections.Add(new CountSection("pdl1", "Baseline PD-L1 CPS", cpsRows));

        var problems = new List<Problem>(inputs.CharacteristicProblems);
        var noRecords = population.Subjects.Where(id => Sc(id) is null).ToList();
        if (noRecords.Count > 0)
        {
            problems.Add(new Problem(
                inputs.Analysis.Study.FileNameOf("SC"), null, null, "USUBJID", "ANALYSIS_NO_CHARACTERISTICS", "baseline characteristics (SC records) for every subject of the analysis set",
                string.Create(CultureInfo.InvariantCulture, $"none for {noRecords.Count} subject(s): {string.Join(", ", noRecords.Take(10))}{(noRecords.Count > 10 ? ", ..." : string.Empty)}"),
                "Add their SC records; until then they count in the Missing rows (and as PD-L1 unknown).", ProblemSeverity.Warning));
        }

        return new BaselineCharacteristics(options, population, age, sections, problems.AsReadOnly());
    }

    /// <summary>A section with fixed rows and, when any subject has no value, a Missing row.</summary>
    private static CountSection Section(string key, string label, AnalysisPopulation population, IEnumerable<(string Key, string Label, Func<string, bool> Include)> rows, Func<string, bool> missing)
    {
        var list = rows.Select(r => new CountRow(r.Key, r.Label, population.Count(r.Include))).ToList();
        if (population.Subjects.Any(missing))
        {
            list.Add(new CountRow(key + "/missing", "Missing", population.Count(missing)));
        }

        return new CountSection(key, label, list);
    }

    /// <summary>One row per value found: the <paramref name="leading"/> values first (when present), then the others in order (numeric when asked), then Missing.</summary>
    private static CountSection Categorical(string key, string label, AnalysisPopulation population, Func<string, string> valueOf, IReadOnlyList<string> leading, Func<string, string> labelOf, bool numeric = false)
    {
        var found = population.Subjects.Select(valueOf).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var rest = found.Where(v => !leading.Contains(v));
        rest = numeric
            ? rest.OrderBy(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.MaxValue).ThenBy(v => v, StringComparer.Ordinal)
            : rest.Order(StringComparer.Ordinal);
        var values = leading.Where(found.Contains).Concat(rest);
        return Section(key, label, population, values.Select(v => (key + "/" + v, labelOf(v), (Func<string, bool>)(id => valueOf(id) == v))), id => valueOf(id).Length == 0);
    }

    private static string Sentence(string value) => value.Length == 0 ? value : value[..1].ToUpperInvariant() + value[1..].ToLowerInvariant();
}
