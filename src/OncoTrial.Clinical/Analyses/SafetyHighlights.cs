using System.Globalization;
using OncoTrial.Clinical.Safety;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>Subjects with a treatment-emergent event of a term (or category), any grade and grade ≥ 3, per column.</summary>
/// <param name="Term">AEDECOD, or the category.</param>
/// <param name="AnyGrade">Per column: subjects with at least one event, over the column's safety set.</param>
/// <param name="Grade3OrWorse">Per column: subjects whose worst grade is 3 or more (SEVERE on the AESEV scale).</param>
public sealed record AeTermRow(string Term, IReadOnlyList<Frequency> AnyGrade, IReadOnlyList<Frequency> Grade3OrWorse);

/// <summary>Subjects with a treatment-emergent event of a term by their worst grade, per column: 1-2, 3-4 and 5 apart (the paper counts a grade 5 event apart from grade ≥ 3).</summary>
/// <param name="Term">AEDECOD.</param>
/// <param name="AnyGrade">Per column: any grade.</param>
/// <param name="Grade1To2">Per column: worst grade 1 or 2 (or missing).</param>
/// <param name="Grade3To4">Per column: worst grade 3 or 4.</param>
/// <param name="Grade5">Per column: worst grade 5.</param>
public sealed record AeGradeRow(string Term, IReadOnlyList<Frequency> AnyGrade, IReadOnlyList<Frequency> Grade1To2, IReadOnlyList<Frequency> Grade3To4, IReadOnlyList<Frequency> Grade5);

/// <summary>A grouped term (e.g. bleeding events): the group's row and its member terms that occurred, by worst grade.</summary>
/// <param name="Group">The group's row (<c>AeSummary.AllCause.Groups</c>).</param>
/// <param name="Terms">The member terms with at least one treatment-emergent event.</param>
public sealed record AeGroupHighlight(AeTermRow Group, IReadOnlyList<AeGradeRow> Terms);

/// <summary>Deaths of the safety set: total, by recorded cause (DS DSTERM), with a fatal AE, and alive.</summary>
/// <param name="Total">Per column: every death, over the safety set.</param>
/// <param name="ByCause">One row per cause (key <c>death/CAUSE</c>), most frequent first.</param>
/// <param name="WithFatalAdverseEvent">Per column: deaths of subjects with a fatal AE (grade 5, AEOUT FATAL or AESDTH Y).</param>
/// <param name="FatalAdverseEventTerms">The fatal AE terms (AEDECOD) of the safety set.</param>
/// <param name="Alive">Per column: subjects without a death record: alive at the data cutoff.</param>
public sealed record DeathSummary(IReadOnlyList<Frequency> Total, IReadOnlyList<CountRow> ByCause, IReadOnlyList<Frequency> WithFatalAdverseEvent, IReadOnlyList<string> FatalAdverseEventTerms, IReadOnlyList<Frequency> Alive);

/// <summary>
/// The safety paragraph of the paper from the AE summary (<see cref="AeSummary"/>, its analysis records and options):
/// immune-related AEs by term, grouped terms (bleeding), every term by worst grade band, and deaths. Columns are the arms
/// of the safety set and a total, as the AE table.
/// </summary>
/// <param name="Options">The options.</param>
/// <param name="Safety">The options of the AE summary (window, causality, groups).</param>
/// <param name="Population">The safety set and its columns.</param>
/// <param name="ImmuneRelated">Any immune-related AE (AEIRFL = Y), any grade and grade ≥ 3.</param>
/// <param name="ImmuneRelatedByTerm">Immune-related AEs by term, most frequent first.</param>
/// <param name="Groups">Each grouped term of the safety options.</param>
/// <param name="Terms">Every treatment-emergent term by worst grade band, most frequent first.</param>
/// <param name="Deaths">The deaths.</param>
/// <param name="Problems">The problems of the AE summary.</param>
public sealed record SafetyHighlights(
    TrialResultsOptions Options,
    SafetyOptions Safety,
    AnalysisPopulation Population,
    AeTermRow ImmuneRelated,
    IReadOnlyList<AeTermRow> ImmuneRelatedByTerm,
    IReadOnlyList<AeGroupHighlight> Groups,
    IReadOnlyList<AeGradeRow> Terms,
    DeathSummary Deaths,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The grade-band row of a term (ignoring case), or null.</summary>
    public AeGradeRow? Term(string term) => Terms.FirstOrDefault(t => string.Equals(t.Term, term, StringComparison.OrdinalIgnoreCase));

    /// <summary>The immune-related row of a term (ignoring case), or null.</summary>
    public AeTermRow? ImmuneRelatedTerm(string term) => ImmuneRelatedByTerm.FirstOrDefault(t => string.Equals(t.Term, term, StringComparison.OrdinalIgnoreCase));

    /// <summary>The footnote, from the result.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Population.Describe()}. {Safety.Describe()} Worst grade per subject and term.");

    internal static SafetyHighlights Compute(AnalysisInputs inputs)
    {
        var ae = inputs.Analysis.Safety.AdverseEvents;
        var options = inputs.Options;
        var armOf = ae.Arms.SelectMany(a => a.SafetySet.Select(id => (id, a.Name, a.Code))).ToDictionary(x => x.id, x => (x.Name, x.Code), StringComparer.Ordinal);
        var population = AnalysisPopulation.Create("Safety analysis set", "subjects who received at least one dose", ae.SafetySet, id => armOf.GetValueOrDefault(id, (string.Empty, string.Empty)));
        var teae = ae.Events.Where(e => e.IsTreatmentEmergent).ToList();

        // Worst intensity per subject among the events a row selects (a missing grade counts as 0).
        Dictionary<string, int> Worst(Func<AdverseEvent, bool> include) => teae
            .Where(e => include(e.Event))
            .GroupBy(e => e.Event.Subject, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(e => e.Event.Intensity ?? 0), StringComparer.Ordinal);
        AeTermRow TermRow(string term, Func<AdverseEvent, bool> include)
        {
            var worst = Worst(include);
            return new AeTermRow(term, population.Count(worst.ContainsKey), population.Count(id => worst.GetValueOrDefault(id, -1) >= 3));
        }

        AeGradeRow GradeRow(string term, Func<AdverseEvent, bool> include)
        {
            var worst = Worst(include);
            return new AeGradeRow(
                term,
                population.Count(worst.ContainsKey),
                population.Count(id => worst.TryGetValue(id, out int g) && g <= 2),
                population.Count(id => worst.GetValueOrDefault(id, -1) is 3 or 4),
                population.Count(id => worst.GetValueOrDefault(id, -1) == 5));
        }

        static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        IEnumerable<string> TermsOf(Func<AdverseEvent, bool> include) => teae.Where(e => include(e.Event)).Select(e => e.Event.DecodedTerm).Distinct(StringComparer.OrdinalIgnoreCase);
        static IEnumerable<T> Ordered<T>(IEnumerable<T> rows, Func<T, int> count, Func<T, string> term) =>
            rows.OrderByDescending(count).ThenBy(term, StringComparer.OrdinalIgnoreCase).ThenBy(term, StringComparer.Ordinal);

        var irByTerm = Ordered(TermsOf(a => a.IsImmuneRelated).Select(t => TermRow(t, a => a.IsImmuneRelated && Same(a.DecodedTerm, t))), r => r.AnyGrade[^1].Count, r => r.Term).ToList();
        var groups = ae.Options.Groups.Select(g => new AeGroupHighlight(
            TermRow(g.Name, a => g.Contains(a.DecodedTerm)),
            [.. Ordered(TermsOf(a => g.Contains(a.DecodedTerm)).Select(t => GradeRow(t, a => Same(a.DecodedTerm, t))), r => r.AnyGrade[^1].Count, r => r.Term)])).ToList();
        var terms = Ordered(TermsOf(_ => true).Select(t => GradeRow(t, a => Same(a.DecodedTerm, t))), r => r.AnyGrade[^1].Count, r => r.Term).ToList();

        var dead = ae.Deaths.SelectMany(d => d.Subjects.Subjects).ToHashSet(StringComparer.Ordinal);
        var fatal = ae.Events.Where(e => e.Event.IsFatal).Select(e => e.Event.Subject).ToHashSet(StringComparer.Ordinal);
        var deaths = new DeathSummary(
            population.Count(dead.Contains),
            [.. ae.Deaths.Select(d => new CountRow("death/" + d.Cause, d.Cause, population.Count(d.Subjects.Subjects.Contains)))],
            population.Count(id => dead.Contains(id) && fatal.Contains(id)),
            [.. ae.Events.Where(e => e.Event.IsFatal).Select(e => e.Event.DecodedTerm).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            population.Count(id => !dead.Contains(id)));

        return new SafetyHighlights(
            options, ae.Options, population, TermRow("Immune-related events", a => a.IsImmuneRelated), irByTerm, groups, terms, deaths, ae.Problems);
    }
}
