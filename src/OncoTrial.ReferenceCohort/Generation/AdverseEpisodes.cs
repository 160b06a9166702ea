using OncoTrial.Clinical.Ctcae;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>One placed episode of a planned event: its grade and days. A subject's episodes of one term never overlap.</summary>
/// <param name="Plan">The planned event it belongs to.</param>
/// <param name="Grade">The episode's grade (the plan's worst grade for exactly one episode).</param>
/// <param name="StartDay">Onset day.</param>
/// <param name="EndDay">Last day, or null while ongoing at the subject's last contact.</param>
/// <param name="Cycle">The cycle of the onset.</param>
internal sealed record AdverseEpisode(PlannedAdverseEvent Plan, int Grade, int StartDay, int? EndDay, int Cycle)
{
    /// <summary>AEDECOD.</summary>
    public string Term => Plan.Term;

    /// <summary>The CTCAE term its labs or vital signs are graded for (through the CTCAE AE term map), or null.</summary>
    public string? CtcaeTerm { get; } = CtcaeCriteria.V5.TermForAe(Plan.Term);

    /// <summary>True when the episode covers the day (the AE's own dates, as the CTCAE cross-check reads them).</summary>
    public bool Covers(int day) => StartDay <= day && (EndDay is null || day <= EndDay);
}

/// <summary>
/// Places one subject's planned events in time, episode by episode: cytopenias at the nadir of a cycle and over by the
/// next cycle, nausea and vomiting in the days after an infusion, hypertension on anlotinib, hypothyroidism from
/// cycle 3, weight loss at a weighing, alopecia two to three weeks after the first paclitaxel, the fatal event ending
/// on the death day. Every onset is treatment-emergent (on or after day 1, on or before the last dose + 30 days) and
/// the subject is alive and in contact; an end after the last contact leaves the event ongoing.
/// </summary>
internal static class AdverseEpisodes
{
    /// <summary>The episodes of a subject's planned events.</summary>
    public static IReadOnlyList<AdverseEpisode> Place(AdverseTimeline timeline, IReadOnlyList<PlannedAdverseEvent> plan, Random random)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(random);
        var episodes = new List<AdverseEpisode>();
        var nadirs = new Dictionary<int, int>();
        int? fatalStart = null;
        foreach (var e in plan.OrderBy(e => e.Role == AdverseRole.Fatal ? 0 : 1).ThenBy(e => e.Term, StringComparer.Ordinal))
        {
            var term = AdverseEventCatalogue.Get(e.Term);
            switch (e.Role)
            {
                case AdverseRole.Fatal:
                    fatalStart = Fatal(timeline, e, random);
                    episodes.Add(new AdverseEpisode(e, 5, fatalStart.Value, timeline.Course.DeathDay, timeline.CycleOf(fatalStart.Value)));
                    break;
                case AdverseRole.AtFatalOnset:
                    int day = fatalStart ?? throw new InvalidOperationException($"{timeline.Course.Subject}: {e.Term} follows a fatal event the plan lacks.");
                    episodes.Add(new AdverseEpisode(e, e.Grade, day, null, timeline.CycleOf(day)));
                    break;
                case AdverseRole.WithdrawsTreatment:
                    {
                        int start = Math.Max(1, Math.Min(timeline.Course.LastDoseDay + 1 + random.Next(14), timeline.WindowEnd));
                        episodes.Add(new AdverseEpisode(e, e.Grade, start, Ended(timeline, start + 14 + random.Next(28)), timeline.CycleOf(start)));
                        break;
                    }

                case AdverseRole.WithdrawsDrug:
                case AdverseRole.HoldsImmunotherapy:
                    {
                        // In a cycle that another follows, mid-cycle, so that the drug is stopped (or held) from the next cycle.
                        var cycles = timeline.CandidateCycles(term, e.IsRelated, e.Grade).Where(k => k >= 2 && k < timeline.Cycles).ToList();
                        if (cycles.Count == 0)
                        {
                            throw new InvalidOperationException($"{timeline.Course.Subject}: no cycle that another follows for {e.Term}.");
                        }

                        int k = cycles[random.Next(cycles.Count)];
                        int start = Math.Min(Math.Min(timeline.DayOne(k) + 5 + random.Next(10), timeline.NextDayOne(k)!.Value - 1), timeline.WindowEnd);
                        int length = e.Role == AdverseRole.WithdrawsDrug ? 14 + random.Next(29) : 7 + random.Next(15);
                        episodes.Add(new AdverseEpisode(e, e.Grade, start, Ended(timeline, start + length), k));
                        break;
                    }

                default:
                    episodes.AddRange(Ordinary(timeline, term, e, nadirs, random));
                    break;
            }
        }

        return episodes;
    }

    /// <summary>The onset of the fatal event: days to weeks before death, within the treatment-emergent window.</summary>
    private static int Fatal(AdverseTimeline timeline, PlannedAdverseEvent e, Random random)
    {
        int death = timeline.Course.DeathDay ?? throw new InvalidOperationException($"{timeline.Course.Subject}: a fatal {e.Term} without a death day.");
        int before = e.Term switch
        {
            AdverseEventCatalogue.IntracranialHemorrhage => random.Next(3),
            AdverseEventCatalogue.Myelosuppression => 3 + random.Next(6),
            AdverseEventCatalogue.LungInfection => 3 + random.Next(8),
            _ => 5 + random.Next(16),
        };
        return Math.Max(1, Math.Min(death - before, timeline.WindowEnd));
    }

    private static List<AdverseEpisode> Ordinary(AdverseTimeline timeline, AdverseTerm term, PlannedAdverseEvent e, Dictionary<int, int> nadirs, Random random)
    {
        var cycles = timeline.CandidateCycles(term, e.IsRelated, e.Grade).ToList();
        if (cycles.Count == 0)
        {
            throw new InvalidOperationException($"{timeline.Course.Subject}: the course cannot carry {e.Term} (grade {e.Grade}).");
        }

        // Cytopenias and post-infusion symptoms recur over induction cycles; other events come once (sometimes twice).
        int count = term.Timing switch
        {
            AdverseTiming.Nadir or AdverseTiming.AfterInfusion when e.IsRelated => 1 + random.Next(Math.Min(3, cycles.Count)),
            AdverseTiming.AnyTime when cycles.Count > 1 && random.NextDouble() < 0.2 => 2,
            _ => 1,
        };
        // Anlotinib's hypertension, the thyroid and most other events start early rather than late (the smaller of two draws).
        bool early = term.Timing is AdverseTiming.OnAnlotinib or AdverseTiming.FromCycle3 or AdverseTiming.AnyTime;
        var chosen = new List<int>();
        for (int i = 0; i < count; i++)
        {
            int k = cycles[early ? Math.Min(random.Next(cycles.Count), random.Next(cycles.Count)) : random.Next(cycles.Count)];
            cycles.Remove(k);
            chosen.Add(k);
        }

        int worst = random.Next(count);
        var placed = new List<(AdverseEpisode Episode, bool IsWorst)>();
        for (int i = 0; i < count; i++)
        {
            int grade = i == worst ? e.Grade : 1 + random.Next(e.Grade);
            var (start, end) = Days(timeline, term, chosen[i], nadirs, random);
            placed.Add((new AdverseEpisode(e, grade, start, end, chosen[i]), i == worst));
        }

        // Keep the worst episode; drop any other that would overlap an episode kept before it.
        var kept = new List<AdverseEpisode>();
        foreach (var (episode, _) in placed.OrderBy(p => p.IsWorst ? 0 : 1).ThenBy(p => p.Episode.StartDay))
        {
            if (kept.All(k => !Overlap(k, episode)))
            {
                kept.Add(episode);
            }
        }

        return kept;
    }

    private static bool Overlap(AdverseEpisode a, AdverseEpisode b) =>
        a.StartDay <= (b.EndDay ?? int.MaxValue) && b.StartDay <= (a.EndDay ?? int.MaxValue);

    /// <summary>An episode's days in a cycle; the cytopenias of one cycle share its nadir day (one blood count shows them).</summary>
    private static (int Start, int? End) Days(AdverseTimeline timeline, AdverseTerm term, int cycle, Dictionary<int, int> nadirs, Random random)
    {
        int d1 = timeline.DayOne(cycle);
        int? next = timeline.NextDayOne(cycle);
        int beforeNext = (next ?? int.MaxValue) - 1;
        int latest = Math.Min(timeline.WindowEnd, beforeNext);
        int start = term.Timing switch
        {
            AdverseTiming.Nadir => nadirs.TryGetValue(cycle, out int nadir) ? nadir : nadirs[cycle] = d1 + 7 + random.Next(6),
            AdverseTiming.AfterInfusion => d1 + 1 + random.Next(4),
            AdverseTiming.OnAnlotinib => d1 + 3 + random.Next(12),
            AdverseTiming.AnyTime => d1 + 2 + random.Next(17),
            AdverseTiming.HairLoss => d1 + 14 + random.Next(7),
            _ => d1,
        };
        start = Math.Max(d1, Math.Min(start, latest));
        int? end = term.Timing switch
        {
            AdverseTiming.Nadir => Math.Min(start + 3 + random.Next(6), beforeNext),
            AdverseTiming.AfterInfusion => Math.Min(start + (term.DecodedTerm == "Anorexia" ? 4 + random.Next(11) : 2 + random.Next(6)), beforeNext),
            AdverseTiming.OnAnlotinib when term.DecodedTerm == "Hypertension" => random.NextDouble() < 0.4 ? null : start + 14 + random.Next(37),
            AdverseTiming.OnAnlotinib when term.MaxGrade == 1 => start + 1 + random.Next(3),
            AdverseTiming.OnAnlotinib => start + 7 + random.Next(24),
            AdverseTiming.AnyTime => start + 3 + random.Next(19),
            AdverseTiming.FromCycle3 when term.DecodedTerm == "Hypothyroidism" => null,
            AdverseTiming.FromCycle3 => start + 21 + random.Next(22),
            AdverseTiming.AtWeighing => null,
            AdverseTiming.HairLoss => timeline.DayOne(timeline.InductionCycles) + 40 + random.Next(51),
            _ => Math.Min(start + 7 + random.Next(8), beforeNext),
        };
        return (start, Ended(timeline, end));
    }

    /// <summary>The end day, or null (ongoing) when it falls after the subject's last contact.</summary>
    private static int? Ended(AdverseTimeline timeline, int? end) => end is { } e && e <= timeline.LastContactDay ? e : null;
}
