using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>One level of a subgroup variable (e.g. liver metastases: yes): its estimates per column.</summary>
/// <param name="Key">A stable key, e.g. <c>liver/yes</c>, <c>pdl1/ge10</c>.</param>
/// <param name="Label">The level as a forest plot prints it, e.g. "Yes", "CPS ≥ 10".</param>
/// <param name="Subjects">The level's subjects in the analysis set (over N), whether or not they have a record.</param>
/// <param name="Columns">Per column of the population: n, events, median (95% CI), landmarks, curve.</param>
/// <param name="ArmComparison">In a multi-arm study, the arms compared within the level (as tern's subgroup forest); null otherwise.</param>
public sealed record SubgroupLevel(string Key, string Label, Frequency Subjects, IReadOnlyList<EndpointEstimate> Columns, HazardComparison? ArmComparison)
{
    /// <summary>The total column's estimate.</summary>
    public EndpointEstimate Total => Columns[^1];
}

/// <summary>One subgroup variable: its levels, the subjects without a value, and the levels compared.</summary>
/// <param name="Key">A stable key: <c>pdl1-1</c>, <c>pdl1-10</c>, <c>sex</c>, <c>age</c>, <c>ecog</c>, <c>liver</c>, <c>prior-surgery</c>, <c>prior-radiotherapy</c>.</param>
/// <param name="Label">The variable, e.g. "PD-L1 CPS (cutoff 10)".</param>
/// <param name="Levels">The levels with at least one subject, reference first; a level without subjects is left out (a note says so).</param>
/// <param name="Excluded">Subjects of the analysis set without a value (e.g. PD-L1 unknown), left out of this variable.</param>
/// <param name="LevelComparison">Hazard ratio of each level against the first (Cox, one binary covariate, the options' ties) and the log-rank test, over every arm (stratified by arm in a multi-arm study); null when fewer than two levels have subjects.</param>
/// <param name="Problems">Notes (a level left out) and warnings (a degenerate fit).</param>
public sealed record SubgroupVariable(
    string Key,
    string Label,
    IReadOnlyList<SubgroupLevel> Levels,
    IReadOnlyList<string> Excluded,
    HazardComparison? LevelComparison,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The level of a key, or null.</summary>
    public SubgroupLevel? Level(string key) => Levels.FirstOrDefault(l => l.Key == key);
}

/// <summary>
/// The subgroup analysis of one endpoint (the paper's supplementary Figs S1 and S2; issue 13's forest plot): for each
/// subgroup variable, per level n, events and median (95% CI), and the hazard ratio of the levels with the log-rank p.
/// </summary>
/// <param name="Options">The options.</param>
/// <param name="Population">The analysis set and its columns.</param>
/// <param name="ParamCode">ADTTE PARAMCD (PFS, OS).</param>
/// <param name="Label">The endpoint in words.</param>
/// <param name="Variables">One per subgroup variable of the options, in order.</param>
/// <param name="Problems">Every note and warning of the variables.</param>
public sealed record SubgroupAnalysis(
    TrialResultsOptions Options,
    AnalysisPopulation Population,
    string ParamCode,
    string Label,
    IReadOnlyList<SubgroupVariable> Variables,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The variable of a key, or null.</summary>
    public SubgroupVariable? Variable(string key) => Variables.FirstOrDefault(v => v.Key == key);

    /// <summary>The footnote of the table, from the result.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Population.Describe()}. {Label}. Hazard ratio of each level against the first{(Population.IsMultiArm ? ", stratified by arm" : string.Empty)}. {SurvivalMethods.Describe(Options)}");

    internal static SubgroupAnalysis Compute(AnalysisInputs inputs, string paramCode)
    {
        var options = inputs.Options;
        var population = inputs.Efficacy;
        var records = SurvivalMethods.RecordsOf(inputs.Adtte[paramCode], population.Subjects);
        var sc = inputs.Characteristics;
        var adsl = inputs.Adsl;
        SubjectCharacteristics? Sc(string id) => sc.GetValueOrDefault(id);

        var variables = new List<SubgroupVariable>();
        foreach (var factor in options.Subgroups)
        {
            switch (factor)
            {
                case SubgroupFactor.PdL1:
                    foreach (double c in options.CpsCutoffs)
                    {
                        string t = c.ToString("0.###", CultureInfo.InvariantCulture);
                        variables.Add(Variable(inputs, records, "pdl1-" + t, $"PD-L1 CPS (cutoff {t})", [("pdl1/lt" + t, "CPS < " + t), ("pdl1/ge" + t, "CPS ≥ " + t)],
                            id => Sc(id)?.Cps is { } cps ? (cps >= c ? "pdl1/ge" + t : "pdl1/lt" + t) : null));
                    }

                    break;
                case SubgroupFactor.Sex:
                    variables.Add(Variable(inputs, records, "sex", "Sex", [("sex/M", "Male"), ("sex/F", "Female")],
                        id => adsl.GetValueOrDefault(id)?.Sex.ToUpperInvariant() switch { "M" => "sex/M", "F" => "sex/F", _ => null }, "ADSL"));
                    break;
                case SubgroupFactor.Age:
                    string a = options.AgeCutoff.ToString(CultureInfo.InvariantCulture);
                    variables.Add(Variable(inputs, records, "age", "Age, years", [("age/lt" + a, "< " + a), ("age/ge" + a, "≥ " + a)],
                        id => adsl.GetValueOrDefault(id)?.Age is { } age ? (age < options.AgeCutoff ? "age/lt" + a : "age/ge" + a) : null, "ADSL"));
                    break;
                case SubgroupFactor.Ecog:
                    variables.Add(Variable(inputs, records, "ecog", "ECOG performance status", [("ecog/0", "0"), ("ecog/ge1", "≥ 1")],
                        id => int.TryParse(Sc(id)?.Ecog, NumberStyles.None, CultureInfo.InvariantCulture, out int e) ? (e == 0 ? "ecog/0" : "ecog/ge1") : null));
                    break;
                case SubgroupFactor.LiverMetastases:
                    variables.Add(Variable(inputs, records, "liver", "Liver metastases", [("liver/no", "No"), ("liver/yes", "Yes")],
                        id => Sc(id)?.HasLiverMetastasis switch { true => "liver/yes", false => "liver/no", null => null }));
                    break;
                case SubgroupFactor.PriorSurgery:
                    variables.Add(Variable(inputs, records, "prior-surgery", "Prior surgery", [("prior-surgery/no", "No"), ("prior-surgery/yes", "Yes")],
                        id => Sc(id)?.PriorSurgery switch { true => "prior-surgery/yes", false => "prior-surgery/no", null => null }));
                    break;
                case SubgroupFactor.PriorRadiotherapy:
                    variables.Add(Variable(inputs, records, "prior-radiotherapy", "Prior radiotherapy", [("prior-radiotherapy/no", "No"), ("prior-radiotherapy/yes", "Yes")],
                        id => Sc(id)?.PriorRadiotherapy switch { true => "prior-radiotherapy/yes", false => "prior-radiotherapy/no", null => null }));
                    break;
            }
        }

        return new SubgroupAnalysis(options, population, paramCode, SurvivalMethods.Label(paramCode), variables, [.. variables.SelectMany(v => v.Problems)]);
    }

    private static SubgroupVariable Variable(
        AnalysisInputs inputs,
        IReadOnlyList<AdtteRecord> records,
        string key,
        string label,
        IReadOnlyList<(string Key, string Label)> levels,
        Func<string, string?> levelOf,
        string? source = null)
    {
        source ??= inputs.Analysis.Study.FileNameOf("SC");
        var options = inputs.Options;
        var population = inputs.Efficacy;
        var problems = new List<Problem>();
        var of = population.Subjects.Select(id => (id, Level: levelOf(id))).Where(x => x.Level is not null).ToDictionary(x => x.id, x => x.Level!, StringComparer.Ordinal);
        var excluded = population.Subjects.Where(id => !of.ContainsKey(id)).ToList();
        if (excluded.Count > 0)
        {
            problems.Add(new Problem(
                source, null, null, null, "ANALYSIS_SUBGROUP_UNKNOWN", $"a value of {label} for every subject of the analysis set",
                string.Create(CultureInfo.InvariantCulture, $"none for {excluded.Count} subject(s): {string.Join(", ", excluded.Take(10))}{(excluded.Count > 10 ? ", ..." : string.Empty)}"),
                "None needed: they are left out of this subgroup variable.", ProblemSeverity.Note));
        }

        var kept = new List<SubgroupLevel>();
        foreach (var (levelKey, levelLabel) in levels)
        {
            var subjects = population.Subjects.Where(id => of.GetValueOrDefault(id) == levelKey).ToList();
            if (subjects.Count == 0)
            {
                problems.Add(new Problem(
                    source, null, null, null, "ANALYSIS_SUBGROUP_LEVEL_EMPTY", $"subjects in the level {levelLabel} of {label}", "none in the analysis set",
                    "None needed: the level is left out of the subgroup analysis.", ProblemSeverity.Note));
                continue;
            }

            var set = subjects.ToHashSet(StringComparer.Ordinal);
            var columns = population.Map(c => SurvivalMethods.Estimate(c.Name, records, c.Subjects.Where(set.Contains), options));
            HazardComparison? arms = null;
            if (population.IsMultiArm)
            {
                var armOf = population.Arms.SelectMany(x => x.Subjects.Where(set.Contains).Select(id => (id, x.Name))).ToDictionary(x => x.id, x => x.Name, StringComparer.Ordinal);
                var names = population.Arms.Select(x => x.Name).ToList();
                string reference = options.ReferenceArm is { } r && names.Contains(r, StringComparer.Ordinal) ? r : names[0];
                arms = SurvivalMethods.Compare(records, armOf, names, reference, null, options, $"{label} {levelLabel}, by arm");
                problems.AddRange(arms.Problems);
            }

            kept.Add(new SubgroupLevel(levelKey, levelLabel, new Frequency(subjects, population.N), columns, arms));
        }

        HazardComparison? comparison = null;
        if (kept.Count >= 2)
        {
            IReadOnlyDictionary<string, string>? strata = null;
            if (population.IsMultiArm)
            {
                strata = population.Arms.SelectMany(x => x.Subjects.Select(id => (id, x.Name))).ToDictionary(x => x.id, x => x.Name, StringComparer.Ordinal);
            }

            comparison = SurvivalMethods.Compare(records, of, [.. kept.Select(l => l.Key)], kept[0].Key, strata, options, label);
            problems.AddRange(comparison.Problems);
        }

        return new SubgroupVariable(key, label, kept, excluded, comparison, problems.AsReadOnly());
    }
}
