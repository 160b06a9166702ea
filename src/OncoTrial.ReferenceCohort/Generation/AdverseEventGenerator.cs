using System.Globalization;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>
/// The adverse events, laboratory results and vital signs of the reference cohort's enrolled subjects, from their
/// treatment courses and a seed (deterministic: the same courses and seed give the same records). Three steps:
/// <see cref="AdversePlanner"/> deals Table 3's cells and the paper's narrative events to subjects,
/// <see cref="AdverseEpisodes"/> places them in time, <see cref="LabsBuilder"/> and <see cref="VitalsBuilder"/> draw
/// the measurements the events imply (a subject whose labs cannot be drawn is placed again), and
/// <see cref="AdverseActions"/> decides what each event did to dosing. The result is checked against the targets.
/// </summary>
internal static class AdverseEventGenerator
{
    private const int Attempts = 200;

    /// <summary>The cohort's AE, LB and VS records for the paper's targets.</summary>
    /// <exception cref="InvalidOperationException">The courses cannot carry the targets, or (a bug) the records miss one.</exception>
    public static AdverseCohort Generate(IReadOnlyList<SubjectCourse> courses, int seed) => Generate(courses, seed, AdverseTargets.Paper);

    /// <summary>The cohort's AE, LB and VS records for given targets.</summary>
    /// <exception cref="InvalidOperationException">The courses cannot carry the targets, or (a bug) the records miss one.</exception>
    public static AdverseCohort Generate(IReadOnlyList<SubjectCourse> courses, int seed, AdverseTargets targets)
    {
        ArgumentNullException.ThrowIfNull(courses);
        ArgumentNullException.ThrowIfNull(targets);
        var random = new Random(seed);
        var timelines = courses.Select(c => new AdverseTimeline(c)).OrderBy(t => t.Course.Subject, StringComparer.Ordinal).ToList();
        var plan = AdversePlanner.Plan(timelines, targets, random);

        var placed = new List<(AdverseTimeline Timeline, IReadOnlyList<AdverseEpisode> Episodes)>();
        var labs = new List<LabResult>();
        var vitals = new List<VitalSign>();
        foreach (var t in timelines)
        {
            bool done = false;
            for (int attempt = 0; attempt < Attempts && !done; attempt++)
            {
                var episodes = AdverseEpisodes.Place(t, plan[t.Course.Subject], random);
                var unscheduled = LabsBuilder.UnscheduledDays(t, episodes).Concat(VitalsBuilder.UnscheduledDays(t, episodes)).Distinct().Order().ToList();
                (string, decimal) Visit(int day) => VisitOf(t, day, unscheduled);
                if (LabsBuilder.Build(t, episodes, Visit, random) is { } l && VitalsBuilder.Build(t, episodes, Visit, random) is { } v)
                {
                    placed.Add((t, episodes));
                    labs.AddRange(l);
                    vitals.AddRange(v);
                    done = true;
                }
            }

            if (!done)
            {
                throw new InvalidOperationException($"{t.Course.Subject}: no placement of the planned events in {Attempts} attempts gives labs and vital signs that agree with them.");
            }
        }

        var dosing = AdverseActions.Decide(placed, targets.Reduced, random);
        var events = placed.SelectMany(p => p.Episodes.Select(e => Record(p.Timeline, e, dosing.Actions[e])))
            .OrderBy(e => e.Subject, StringComparer.Ordinal).ThenBy(e => e.StartDay).ThenBy(e => e.DecodedTerm, StringComparer.Ordinal)
            .ToList();
        var cohort = new AdverseCohort(events, labs, vitals, dosing.Reductions, dosing.Withdrawals, dosing.Interruptions);
        var mismatches = Mismatches(cohort, timelines, targets);
        return mismatches.Count == 0 ? cohort : throw new InvalidOperationException("The generated AEs miss the targets: " + string.Join("; ", mismatches));
    }

    /// <summary>
    /// VISIT and VISITNUM: SCREENING (1), CYCLE k DAY 1 (k + 1), and UNSCHEDULED between them, numbered k + 1.01,
    /// k + 1.02, ... within cycle k.
    /// </summary>
    internal static (string Name, decimal Number) VisitOf(AdverseTimeline timeline, int day, IReadOnlyList<int> unscheduled)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(unscheduled);
        if (day == timeline.Course.ScreeningDay)
        {
            return ("SCREENING", 1m);
        }

        int index = timeline.Course.CycleDays.ToList().IndexOf(day);
        if (index >= 0)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"CYCLE {index + 1} DAY 1"), index + 2);
        }

        int cycle = timeline.CycleOf(day);
        int order = unscheduled.Count(d => d <= day && timeline.CycleOf(d) == cycle && !timeline.Course.CycleDays.Contains(d));
        return ("UNSCHEDULED", cycle + 1 + (order / 100m));
    }

    private static AdverseEventRecord Record(AdverseTimeline t, AdverseEpisode e, AdverseAction action)
    {
        var term = AdverseEventCatalogue.Get(e.Term);
        IReadOnlyList<string> related = !e.Plan.IsRelated ? [] : e.Plan.IsImmuneRelated ? [AdverseDrugs.Benmelstobart] : [.. AdverseDrugs.All.Where(term.RelatedDrugs.Contains)];
        bool serious = e.Grade >= 4 || e.Plan.Role is AdverseRole.Fatal or AdverseRole.WithdrawsTreatment or AdverseRole.WithdrawsDrug
            || (e.Grade >= 3 && e.Term is AdverseEventCatalogue.EsophagealFistula or AdverseEventCatalogue.Pneumonitis);
        return new AdverseEventRecord(
            t.Course.Subject, term.Verbatim, term.DecodedTerm, term.SystemOrganClass, e.StartDay, e.EndDay, t.Date(e.StartDay), e.EndDay is { } end ? t.Date(end) : null,
            e.Grade, serious, related, action, e.Plan.Role == AdverseRole.Fatal, e.Plan.IsImmuneRelated, e.Cycle);
    }

    /// <summary>
    /// The targets the records miss, counted as the AE summary counts them (treatment-emergent events only: onset
    /// from day 1 to the last dose + 30 days; one count per subject per row at the worst grade).
    /// </summary>
    internal static List<string> Mismatches(AdverseCohort cohort, IReadOnlyList<AdverseTimeline> timelines, AdverseTargets targets)
    {
        var lastDose = timelines.ToDictionary(t => t.Course.Subject, t => t.Course.LastDoseDay, StringComparer.Ordinal);
        var teae = cohort.AdverseEvents.Where(e => e.StartDay >= 1 && e.StartDay <= lastDose[e.Subject] + AdverseTimeline.TreatmentEmergentWindowDays).ToList();
        var problems = new List<string>();
        void Expect(string what, int expected, Func<AdverseEventRecord, bool> include, int minGrade = 1)
        {
            int found = teae.Where(include).GroupBy(e => e.Subject).Count(g => g.Max(e => e.Grade) >= minGrade);
            if (found != expected)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected}, found {found}"));
            }
        }

        foreach (var row in targets.Table)
        {
            Expect(row.Term + " any grade", row.Any, e => e.DecodedTerm == row.Term);
            Expect(row.Term + " grade >= 3", row.Grade3, e => e.DecodedTerm == row.Term, 3);
            Expect(row.Term + " related", row.Related, e => e.DecodedTerm == row.Term && e.IsRelated);
            Expect(row.Term + " related grade >= 3", row.Related3, e => e.DecodedTerm == row.Term && e.IsRelated, 3);
        }

        Expect("any AE", targets.AnyEvent, _ => true);
        Expect("grade >= 3", targets.Grade3, _ => true, 3);
        Expect("related", targets.Related, e => e.IsRelated);
        Expect("related grade >= 3", targets.Related3, e => e.IsRelated, 3);
        Expect("leading to discontinuation", targets.Withdrawn, e => e.Action == AdverseAction.DrugWithdrawn);
        Expect("leading to dose reduction", targets.Reduced, e => e.Action == AdverseAction.DoseReduced);
        Expect("immune-related", targets.ImmuneRelated, e => e.IsImmuneRelated);
        Expect("immune-related grade >= 3", targets.ImmuneRelated3, e => e.IsImmuneRelated, 3);
        Expect("immune-related hypothyroidism", targets.ImmuneHypothyroidism, e => e.IsImmuneRelated && e.DecodedTerm == "Hypothyroidism");
        Expect("immune-related diarrhoea", targets.ImmuneDiarrhea, e => e.IsImmuneRelated && e.DecodedTerm == "Diarrhea");
        Expect("immune-related ALT increased", targets.ImmuneAlt, e => e.IsImmuneRelated && e.DecodedTerm == AdverseEventCatalogue.AlanineAminotransferaseIncreased);
        Expect("bleeding", targets.Bleeding, e => e.DecodedTerm is AdverseEventCatalogue.IntracranialHemorrhage or AdverseEventCatalogue.Epistaxis or AdverseEventCatalogue.LowerGastrointestinalHemorrhage);
        Expect("grade 3-4 oesophageal fistula", targets.Fistula3, e => e.DecodedTerm == AdverseEventCatalogue.EsophagealFistula && e.Grade is 3 or 4, 3);
        int frequent = teae.Where(e => targets.Table.All(r => r.Term != e.DecodedTerm)).GroupBy(e => e.DecodedTerm).Count(g => 100 * g.Select(e => e.Subject).Distinct().Count() >= 20 * timelines.Count);
        if (frequent > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{frequent} term(s) outside Table 3 reach 20% of subjects"));
        }

        if (teae.Count != cohort.AdverseEvents.Count)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{cohort.AdverseEvents.Count - teae.Count} event(s) outside the treatment-emergent window"));
        }

        return problems;
    }
}
