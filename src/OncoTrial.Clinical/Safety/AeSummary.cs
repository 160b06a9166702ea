using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Safety;

/// <summary>Subjects counted in one cell: each subject once.</summary>
/// <param name="Subjects">USUBJID of each subject counted, in order.</param>
public sealed record SubjectCount(IReadOnlyList<string> Subjects)
{
    /// <summary>The number of subjects.</summary>
    public int Count => Subjects.Count;
}

/// <summary>One row of an AE table: subjects with at least one event, and those whose worst grade is 3 or more (or, on the severity scale, whose worst severity is SEVERE).</summary>
/// <param name="Label">Term, group or category.</param>
/// <param name="AnyGrade">Subjects with at least one event of the row (any grade, or any severity).</param>
/// <param name="Grade3OrWorse">Subjects whose worst grade for the row is 3, 4 or 5; on the <see cref="IntensityScale.Severity"/> scale, whose worst severity is SEVERE.</param>
public sealed record AeCountRow(string Label, SubjectCount AnyGrade, SubjectCount Grade3OrWorse);

/// <summary>The counts of one set of treatment-emergent events (all-cause, treatment-related, or related to one drug).</summary>
/// <param name="Any">Any event.</param>
/// <param name="LeadingToDiscontinuation">Events with AEACN = DRUG WITHDRAWN.</param>
/// <param name="LeadingToDoseReduction">Events with AEACN = DOSE REDUCED.</param>
/// <param name="ImmuneRelated">Events with AEIRFL = Y.</param>
/// <param name="Serious">Events with AESER = Y.</param>
/// <param name="Fatal">Grade 5, AEOUT = FATAL or AESDTH = Y.</param>
/// <param name="Terms">Every term (AEDECOD), by descending any-grade count, ties by term.</param>
/// <param name="Groups">One row per grouped term of the options, in the options' order.</param>
public sealed record AeCounts(
    AeCountRow Any,
    AeCountRow LeadingToDiscontinuation,
    AeCountRow LeadingToDoseReduction,
    AeCountRow ImmuneRelated,
    AeCountRow Serious,
    AeCountRow Fatal,
    IReadOnlyList<AeCountRow> Terms,
    IReadOnlyList<AeCountRow> Groups)
{
    /// <summary>The row of a term, or an empty row when no subject had it.</summary>
    public AeCountRow Term(string term) =>
        Terms.FirstOrDefault(t => string.Equals(t.Label, term, StringComparison.OrdinalIgnoreCase))
        ?? new AeCountRow(term, new SubjectCount([]), new SubjectCount([]));
}

/// <summary>The counts of one treatment arm: the arm's safety set and its treatment-emergent events.</summary>
/// <param name="Name">The arm (DM ARM, or ACTARM per <see cref="SafetyOptions.Arm"/>); <see cref="AeSummary.NoArm"/> for subjects without one.</param>
/// <param name="Code">ARMCD (or ACTARMCD); "" when none.</param>
/// <param name="SafetySet">The arm's treated subjects: the denominator of its percentages.</param>
/// <param name="AllCause">Every treatment-emergent event of the arm.</param>
/// <param name="Related">Its treatment-emergent events related to any study drug.</param>
public sealed record AeArm(string Name, string Code, IReadOnlyList<string> SafetySet, AeCounts AllCause, AeCounts Related)
{
    /// <summary>N of the arm.</summary>
    public int N => SafetySet.Count;
}

/// <summary>Deaths with one recorded cause.</summary>
/// <param name="Cause">DSTERM of the death record.</param>
/// <param name="Subjects">The subjects.</param>
/// <param name="FatalAdverseEvents">The fatal AE terms of these subjects (AEDECOD), for the reader to see which deaths were due to an AE.</param>
public sealed record DeathCauseRow(string Cause, SubjectCount Subjects, IReadOnlyList<string> FatalAdverseEvents);

/// <summary>The AE summary of a study (Table 3 and the safety paragraph of the paper). Carries the options that made it.</summary>
/// <param name="Options">The options.</param>
/// <param name="SafetySet">Subjects with at least one exposure record (ADSL SAFFL = Y): the denominator N of every total percentage.</param>
/// <param name="AllCause">Every treatment-emergent event.</param>
/// <param name="Related">Treatment-emergent events related to any study drug.</param>
/// <param name="RelatedByDrug">Treatment-emergent events related to each drug (EXTRT), for drugs with a causality column.</param>
/// <param name="FrequentTerms">All-cause term rows at or above the threshold, by descending any-grade count, ties by term.</param>
/// <param name="Deaths">Deaths of the safety set by cause, by descending count, ties by cause.</param>
/// <param name="Events">The analysis records behind the counts (ADAE).</param>
/// <param name="Problems">Problems met while reading.</param>
public sealed record AeSummary(
    SafetyOptions Options,
    IReadOnlyList<string> SafetySet,
    AeCounts AllCause,
    AeCounts Related,
    IReadOnlyDictionary<string, AeCounts> RelatedByDrug,
    IReadOnlyList<string> FrequentTerms,
    IReadOnlyList<DeathCauseRow> Deaths,
    IReadOnlyList<AnalysisAdverseEvent> Events,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The arm name of treated subjects whose DM record has no arm.</summary>
    public const string NoArm = "No arm in DM";

    /// <summary>The intensity scale counted: CTCAE grade (any grade, grade ≥ 3) or AESEV (any severity, severe).</summary>
    public IntensityScale Scale { get; init; } = IntensityScale.CtcaeGrade;

    /// <summary>
    /// The counts per treatment arm of the safety set, by arm name (ordinal, ignoring case; subjects without an arm
    /// last). <see cref="AllCause"/> and <see cref="Related"/> are the total over every arm.
    /// </summary>
    public IReadOnlyList<AeArm> Arms { get; init; } = [];

    /// <summary>Whether the safety set spans more than one arm (then the table has a column group per arm and a total).</summary>
    public bool IsMultiArm => Arms.Count > 1;

    /// <summary>Every causality value of the AE records and what it counted as (<see cref="SafetyOptions.Causality"/>).</summary>
    public IReadOnlyList<CausalityValue> CausalityValues { get; init; } = [];

    /// <summary>N, the size of the safety set.</summary>
    public int N => SafetySet.Count;

    /// <summary>Every death of the safety set.</summary>
    public int DeathCount => Deaths.Sum(d => d.Subjects.Count);

    /// <summary>Summarises a loaded study folder.</summary>
    public static AeSummary Compute(StudyFolder study, SafetyOptions? options = null)
    {
        options ??= SafetyOptions.Default;
        return Compute(SafetyData.Read(study, options), options);
    }

    /// <summary>Summarises the safety data: treatment-emergent events of the safety set, one count per subject per row at the worst grade.</summary>
    public static AeSummary Compute(SafetyData data, SafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var events = TreatmentEmergence.Derive(data, options);
        var teae = events.Where(e => e.IsTreatmentEmergent).ToList();
        var safetySet = data.SafetySet.ToList();

        var allCause = Count(teae, options);
        var related = Count(teae.Where(e => e.IsRelated).ToList(), options);
        var arms = safetySet
            .GroupBy(id => data.Arms.TryGetValue(id, out var a) && a.By(options.Arm) is { Name.Length: > 0 } arm ? arm : (NoArm, string.Empty))
            .OrderBy(g => g.Key.Item1 == NoArm ? 1 : 0).ThenBy(g => g.Key.Item1, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key.Item1, StringComparer.Ordinal)
            .Select(g =>
            {
                var ids = g.ToHashSet(StringComparer.Ordinal);
                var armTeae = teae.Where(e => ids.Contains(e.Event.Subject)).ToList();
                return new AeArm(g.Key.Item1, g.Key.Item2, [.. g], Count(armTeae, options), Count(armTeae.Where(e => e.IsRelated).ToList(), options));
            })
            .ToList();
        var byDrug = SafetyData.CausalityColumns
            .Where(c => data.AdverseEvents.Any(a => a.RelatedByDrug.ContainsKey(c.Drug)))
            .ToDictionary(c => c.Drug, c => Count(teae.Where(e => e.Event.IsRelatedTo(c.Drug, options.MissingCausality)).ToList(), options), StringComparer.Ordinal);

        int n = safetySet.Count;
        var frequent = allCause.Terms
            .Where(t => n > 0 && 100m * t.AnyGrade.Count >= options.FrequencyThresholdPercent * n)
            .Select(t => t.Label)
            .ToList();

        var set = safetySet.ToHashSet(StringComparer.Ordinal);
        var deaths = data.Deaths
            .Where(d => set.Contains(d.Subject))
            .GroupBy(d => d.Cause, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var ids = g.Select(d => d.Subject).Order(StringComparer.Ordinal).ToList();
                var fatal = data.AdverseEvents.Where(a => a.IsFatal && ids.Contains(a.Subject, StringComparer.Ordinal)).Select(a => a.DecodedTerm).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
                return new DeathCauseRow(g.First().Cause, new SubjectCount(ids), fatal);
            })
            .OrderByDescending(r => r.Subjects.Count).ThenBy(r => r.Cause, StringComparer.Ordinal)
            .ToList();

        return new AeSummary(options, safetySet, allCause, related, byDrug, frequent, deaths, events, data.Problems)
        {
            Scale = data.Scale,
            Arms = arms,
            CausalityValues = data.CausalityValues,
        };
    }

    private static AeCounts Count(List<AnalysisAdverseEvent> events, SafetyOptions options)
    {
        AeCountRow Row(string label, Func<AdverseEvent, bool> include)
        {
            var worst = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in events)
            {
                if (include(e.Event))
                {
                    int g = e.Event.Intensity ?? 0;
                    worst[e.Event.Subject] = worst.TryGetValue(e.Event.Subject, out int cur) ? Math.Max(cur, g) : g;
                }
            }

            return new AeCountRow(label, new SubjectCount([.. worst.Keys]), new SubjectCount([.. worst.Where(w => w.Value >= 3).Select(w => w.Key)]));
        }

        var terms = events
            .Select(e => e.Event.DecodedTerm)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(t => Row(t, a => string.Equals(a.DecodedTerm, t, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(r => r.AnyGrade.Count).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();

        return new AeCounts(
            Row("Any events", _ => true),
            Row("Events leading to discontinuation", a => a.LedToDiscontinuation),
            Row("Events leading to dose reduction", a => a.LedToDoseReduction),
            Row("Immune-related events", a => a.IsImmuneRelated),
            Row("Serious events", a => a.IsSerious),
            Row("Fatal events", a => a.IsFatal),
            terms,
            [.. options.Groups.Select(g => Row(g.Name, a => g.Contains(a.DecodedTerm)))]);
    }
}
