using System.Globalization;
using System.Text.Json;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Protocol;

/// <summary>
/// A subject's screening data, as the eligibility criteria need it. Null means "not collected": a criterion that needs
/// it is <see cref="EligibilityStatus.NotAssessable"/>, never met or failed by default.
/// </summary>
/// <param name="SubjectId">USUBJID.</param>
/// <param name="Age">Age in years at consent (DM.AGE).</param>
/// <param name="Histology">Histology code, ESCC for esophageal squamous cell carcinoma.</param>
/// <param name="Unresectable">Whether the disease is unresectable.</param>
/// <param name="DiseaseSetting">RECURRENT, METASTATIC or LOCALLY ADVANCED.</param>
/// <param name="PriorSystemicTherapy">Whether the subject had any previous systemic anticancer therapy.</param>
/// <param name="MonthsFromPriorTherapyToRecurrence">Months from completing (neo)adjuvant or radical therapy to recurrence.</param>
/// <param name="MeasurableDisease">At least one measurable lesion (RECIST 1.1).</param>
/// <param name="Ecog">ECOG performance status 0-5 (SC, SCTESTCD = ECOG).</param>
/// <param name="ExpectedSurvivalMonths">The investigator's expected survival in months.</param>
/// <param name="Conditions">Exclusion conditions present (codes as in the eligibility file, e.g. ESOPHAGEAL_STENT); an empty set when screened and none found; null when not collected.</param>
public sealed record ScreeningRecord(
    string SubjectId,
    int? Age = null,
    string? Histology = null,
    bool? Unresectable = null,
    string? DiseaseSetting = null,
    bool? PriorSystemicTherapy = null,
    double? MonthsFromPriorTherapyToRecurrence = null,
    bool? MeasurableDisease = null,
    int? Ecog = null,
    double? ExpectedSurvivalMonths = null,
    IReadOnlySet<string>? Conditions = null)
{
    /// <summary>The field names a rule may use.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["age", "histology", "unresectable", "diseaseSetting", "priorSystemicTherapy", "monthsFromPriorTherapyToRecurrence", "measurableDisease", "ecog", "expectedSurvivalMonths"];

    internal object? Field(string name) => name switch
    {
        "age" => Age is { } a ? (double)a : null,
        "histology" => Histology,
        "unresectable" => Unresectable,
        "diseaseSetting" => DiseaseSetting,
        "priorSystemicTherapy" => PriorSystemicTherapy,
        "monthsFromPriorTherapyToRecurrence" => MonthsFromPriorTherapyToRecurrence,
        "measurableDisease" => MeasurableDisease,
        "ecog" => Ecog is { } e ? (double)e : null,
        "expectedSurvivalMonths" => ExpectedSurvivalMonths,
        _ => null,
    };

    /// <summary>
    /// The screening data a study folder holds: AGE from DM and ECOG from SC (SCSTRESN, else SCSTRESC). The other
    /// fields are not in the study folder format and stay null (not assessable).
    /// </summary>
    public static IReadOnlyList<ScreeningRecord> Read(StudyFolder study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var dm = study.Domain("DM");
        if (dm is null)
        {
            return [];
        }

        var ecog = new Dictionary<string, int>(StringComparer.Ordinal);
        if (study.Domain("SC") is { } sc)
        {
            foreach (var r in sc.Table.Records)
            {
                if (sc.Value(r, "SCTESTCD") != "ECOG")
                {
                    continue;
                }

                string text = sc.Value(r, "SCSTRESN") is { Length: > 0 } n ? n : sc.Value(r, "SCSTRESC");
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v == Math.Floor(v))
                {
                    ecog.TryAdd(sc.Value(r, "USUBJID"), (int)v);
                }
            }
        }

        var result = new List<ScreeningRecord>();
        foreach (var r in dm.Table.Records)
        {
            string id = dm.Value(r, "USUBJID");
            int? age = int.TryParse(dm.Value(r, "AGE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int a) ? a : null;
            result.Add(new ScreeningRecord(id, Age: age, Ecog: ecog.TryGetValue(id, out int e) ? e : null));
        }

        return result.AsReadOnly();
    }
}

/// <summary>Inclusion or exclusion.</summary>
public enum CriterionKind
{
    /// <summary>Must hold for the subject to be eligible.</summary>
    Inclusion,

    /// <summary>Excludes the subject when present (its rule says the condition is absent).</summary>
    Exclusion,
}

/// <summary>Outcome of one criterion for one subject.</summary>
public enum EligibilityStatus
{
    /// <summary>The criterion is satisfied.</summary>
    Met,

    /// <summary>The criterion is not satisfied: the subject is ineligible.</summary>
    NotMet,

    /// <summary>The data needed are missing.</summary>
    NotAssessable,
}

/// <summary>A machine rule over a <see cref="ScreeningRecord"/>: true when the subject satisfies it, null when not assessable.</summary>
public abstract record EligibilityRule
{
    /// <summary>Evaluates the rule; <paramref name="found"/> describes the values used.</summary>
    public abstract bool? Evaluate(ScreeningRecord subject, out string found);

    internal static string Show(object? v) => v switch
    {
        null => "missing",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => v.ToString() ?? string.Empty,
    };
}

/// <summary>A numeric field within bounds (min and max inclusive, greaterThan exclusive).</summary>
public sealed record RangeRule(string Field, double? Min, double? Max, double? GreaterThan) : EligibilityRule
{
    /// <inheritdoc/>
    public override bool? Evaluate(ScreeningRecord subject, out string found)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var v = subject.Field(Field) as double?;
        found = $"{Field} = {Show(v)}";
        return v is not { } x ? null : (Min is null || x >= Min) && (Max is null || x <= Max) && (GreaterThan is null || x > GreaterThan);
    }
}

/// <summary>A field equal to one value (text compared ordinally, ignoring case).</summary>
public sealed record EqualsRule(string Field, object Value) : EligibilityRule
{
    /// <inheritdoc/>
    public override bool? Evaluate(ScreeningRecord subject, out string found)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var v = subject.Field(Field);
        found = $"{Field} = {Show(v)}";
        return v is null ? null : v is string s ? string.Equals(s, Value as string, StringComparison.OrdinalIgnoreCase) : v.Equals(Value);
    }
}

/// <summary>A field equal to one of several values.</summary>
public sealed record InRule(string Field, IReadOnlyList<object> Values) : EligibilityRule
{
    /// <inheritdoc/>
    public override bool? Evaluate(ScreeningRecord subject, out string found)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var v = subject.Field(Field);
        found = $"{Field} = {Show(v)}";
        return v is null ? null : Values.Any(x => v is string s ? string.Equals(s, x as string, StringComparison.OrdinalIgnoreCase) : v.Equals(x));
    }
}

/// <summary>An exclusion condition that must be absent from <see cref="ScreeningRecord.Conditions"/>.</summary>
public sealed record AbsentRule(string Condition) : EligibilityRule
{
    /// <inheritdoc/>
    public override bool? Evaluate(ScreeningRecord subject, out string found)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Conditions is null)
        {
            found = "conditions not collected";
            return null;
        }

        bool present = subject.Conditions.Contains(Condition);
        found = present ? Condition + " present" : Condition + " absent";
        return !present;
    }
}

/// <summary>All of the rules hold (not assessable when none fails and one is not assessable).</summary>
public sealed record AllOfRule(IReadOnlyList<EligibilityRule> Rules) : EligibilityRule
{
    /// <inheritdoc/>
    public override bool? Evaluate(ScreeningRecord subject, out string found)
    {
        var parts = new List<string>();
        bool? result = true;
        foreach (var r in Rules)
        {
            bool? one = r.Evaluate(subject, out string f);
            parts.Add(f);
            result = one == false || result == false ? false : one is null || result is null ? null : true;
        }

        found = string.Join("; ", parts);
        return result;
    }
}

/// <summary>At least one of the rules holds (not assessable when none holds and one is not assessable).</summary>
public sealed record AnyOfRule(IReadOnlyList<EligibilityRule> Rules) : EligibilityRule
{
    /// <inheritdoc/>
    public override bool? Evaluate(ScreeningRecord subject, out string found)
    {
        var parts = new List<string>();
        bool? result = false;
        foreach (var r in Rules)
        {
            bool? one = r.Evaluate(subject, out string f);
            parts.Add(f);
            result = one == true || result == true ? true : one is null || result is null ? null : false;
        }

        found = string.Join("; ", parts);
        return result;
    }
}

/// <summary>One eligibility criterion: its id, the protocol text and the machine rule.</summary>
public sealed record EligibilityCriterion(string Id, CriterionKind Kind, string Text, EligibilityRule Rule, string? Comment);

/// <summary>One criterion's outcome for one subject.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Status">Met, not met, or not assessable.</param>
/// <param name="Found">The values used (e.g. "age = 77").</param>
public sealed record CriterionOutcome(EligibilityCriterion Criterion, EligibilityStatus Status, string Found);

/// <summary>A subject's eligibility.</summary>
/// <param name="SubjectId">USUBJID.</param>
/// <param name="Outcomes">One outcome per criterion, in the file's order.</param>
public sealed record EligibilityResult(string SubjectId, IReadOnlyList<CriterionOutcome> Outcomes)
{
    /// <summary>The criteria not met: the reasons for exclusion.</summary>
    public IReadOnlyList<CriterionOutcome> Failures => [.. Outcomes.Where(o => o.Status == EligibilityStatus.NotMet)];

    /// <summary>True when no criterion failed (some may be not assessable).</summary>
    public bool IsEligible => Outcomes.All(o => o.Status != EligibilityStatus.NotMet);

    /// <summary>True when every criterion could be checked.</summary>
    public bool IsComplete => Outcomes.All(o => o.Status != EligibilityStatus.NotAssessable);
}

/// <summary>Eligibility criteria as data; the seed trial's key criteria are built in (<see cref="Seed"/>).</summary>
/// <param name="Id">Identifier of the criteria set.</param>
/// <param name="Version">Version of the file.</param>
/// <param name="Source">Where the criteria come from.</param>
/// <param name="Criteria">The criteria in order.</param>
public sealed record EligibilityCriteria(string Id, string Version, string? Source, IReadOnlyList<EligibilityCriterion> Criteria)
{
    private static readonly Lazy<EligibilityCriteria> SeedCriteria = new(() => Parse(Regimen.ReadResource("seed-eligibility.json"), "seed-eligibility.json"));

    private static readonly Dictionary<string, CriterionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["inclusion"] = CriterionKind.Inclusion,
        ["exclusion"] = CriterionKind.Exclusion,
    };

    /// <summary>The seed trial's key criteria (the paper's Methods), from the embedded <c>seed-eligibility.json</c>.</summary>
    public static EligibilityCriteria Seed => SeedCriteria.Value;

    /// <summary>Reads and validates an eligibility file.</summary>
    /// <exception cref="ProtocolFormatException">Every problem, each with its JSON path.</exception>
    public static EligibilityCriteria Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates eligibility JSON.</summary>
    /// <exception cref="ProtocolFormatException">Every problem, each with its JSON path.</exception>
    public static EligibilityCriteria Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        using var doc = Regimen.ParseDocument(json, source);
        var f = new JsonFields(source);
        var root = doc.RootElement;
        string? id = f.String(root, "$", "id");
        string? version = f.String(root, "$", "version");
        string? src = f.String(root, "$", "source", required: false);
        var criteria = new List<EligibilityCriterion>();
        var elements = f.Array(root, "$", "criteria");
        for (int i = 0; i < elements.Count; i++)
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"$.criteria[{i}]");
            int before = f.Problems.Count;
            string? cid = f.String(elements[i], path, "id");
            var kind = f.Enum(elements[i], path, "kind", Kinds);
            string? text = f.String(elements[i], path, "text");
            string? comment = f.String(elements[i], path, "comment", required: false);
            EligibilityRule? rule = null;
            if (JsonFields.TryGet(elements[i], "rule", out var re))
            {
                rule = ReadRule(f, re, path + ".rule");
            }
            else
            {
                f.Add(path + ".rule", "a rule object", "no such property", "Add \"rule\".");
            }

            if (cid is not null && criteria.Any(c => c.Id == cid))
            {
                f.Add(path + ".id", "a criterion id used once", "\"" + cid + "\" again", "Give each criterion its own id.");
            }

            if (f.Problems.Count == before)
            {
                criteria.Add(new EligibilityCriterion(cid!, kind!.Value, text!, rule!, comment));
            }
        }

        if (f.Problems.Count > 0)
        {
            throw new ProtocolFormatException(f.Problems);
        }

        return new EligibilityCriteria(id!, version!, src, criteria.AsReadOnly());
    }

    /// <summary>Checks one subject against every criterion.</summary>
    public EligibilityResult Check(ScreeningRecord subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var outcomes = new List<CriterionOutcome>(Criteria.Count);
        foreach (var c in Criteria)
        {
            bool? met = c.Rule.Evaluate(subject, out string found);
            outcomes.Add(new CriterionOutcome(c, met switch { true => EligibilityStatus.Met, false => EligibilityStatus.NotMet, _ => EligibilityStatus.NotAssessable }, found));
        }

        return new EligibilityResult(subject.SubjectId, outcomes.AsReadOnly());
    }

    /// <summary>
    /// The excluded boxes of a CONSORT diagram (the paper's Figure 1): for each criterion, the number of subjects who
    /// failed it, in the file's order, only criteria with at least one failure. A subject failing two criteria counts
    /// under both; <see cref="EligibilityResult.IsEligible"/> counts subjects.
    /// </summary>
    public static IReadOnlyList<(EligibilityCriterion Criterion, int Subjects)> CountFailures(IEnumerable<EligibilityResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var order = list.SelectMany(r => r.Outcomes).Select(o => o.Criterion).Distinct().ToList();
        return [.. order
            .Select(c => (c, list.Count(r => r.Outcomes.Any(o => o.Criterion == c && o.Status == EligibilityStatus.NotMet))))
            .Where(t => t.Item2 > 0)];
    }

    private static EligibilityRule? ReadRule(JsonFields f, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            f.Add(path, "a rule object", JsonFields.Describe(e), "Write the rule as { \"field\": ..., ... }.");
            return null;
        }

        foreach (string combinator in new[] { "allOf", "anyOf" })
        {
            if (JsonFields.TryGet(e, combinator, out _))
            {
                var items = f.Array(e, path, combinator);
                var rules = new List<EligibilityRule>();
                for (int i = 0; i < items.Count; i++)
                {
                    if (ReadRule(f, items[i], string.Create(CultureInfo.InvariantCulture, $"{path}.{combinator}[{i}]")) is { } r)
                    {
                        rules.Add(r);
                    }
                }

                if (items.Count == 0)
                {
                    f.Add(path + "." + combinator, "at least one rule", "none", "List the rules.");
                }

                return combinator == "allOf" ? new AllOfRule(rules.AsReadOnly()) : new AnyOfRule(rules.AsReadOnly());
            }
        }

        if (JsonFields.TryGet(e, "absent", out _))
        {
            string? condition = f.String(e, path, "absent");
            return condition is null ? null : new AbsentRule(condition);
        }

        string? field = f.String(e, path, "field");
        if (field is null)
        {
            return null;
        }

        if (!ScreeningRecord.FieldNames.Contains(field))
        {
            f.Add(path + ".field", "one of " + string.Join(", ", ScreeningRecord.FieldNames), "\"" + field + "\"", "Use a screening field name.");
            return null;
        }

        if (JsonFields.TryGet(e, "equals", out var eq))
        {
            return Value(f, eq, path + ".equals") is { } v ? new EqualsRule(field, v) : null;
        }

        if (JsonFields.TryGet(e, "in", out _))
        {
            var values = f.Array(e, path, "in");
            var list = new List<object>();
            for (int i = 0; i < values.Count; i++)
            {
                if (Value(f, values[i], string.Create(CultureInfo.InvariantCulture, $"{path}.in[{i}]")) is { } v)
                {
                    list.Add(v);
                }
            }

            return new InRule(field, list.AsReadOnly());
        }

        double? min = f.Number(e, path, "min", false);
        double? max = f.Number(e, path, "max", false);
        double? gt = f.Number(e, path, "greaterThan", false);
        if (min is null && max is null && gt is null)
        {
            f.Add(path, "one of equals, in, min/max, greaterThan, absent, allOf, anyOf", "none of them", "Add the comparison.");
            return null;
        }

        return new RangeRule(field, min, max, gt);
    }

    private static object? Value(JsonFields f, JsonElement v, string path) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => Fail(f, v, path),
    };

    private static object? Fail(JsonFields f, JsonElement v, string path)
    {
        f.Add(path, "a string, number, true or false", JsonFields.Describe(v), "Correct the value.");
        return null;
    }
}
