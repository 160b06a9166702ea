namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>What the adverse events do to dosing: the action of every episode, and the reductions, withdrawals and held cycles that follow.</summary>
/// <param name="Actions">AEACN of every episode (by reference).</param>
/// <param name="Reductions">Dose reductions.</param>
/// <param name="Withdrawals">Drugs or treatments stopped.</param>
/// <param name="Interruptions">Drugs held for a cycle.</param>
internal sealed record AdverseDosing(
    IReadOnlyDictionary<AdverseEpisode, AdverseAction> Actions,
    IReadOnlyList<AdverseDoseReduction> Reductions,
    IReadOnlyList<AdverseWithdrawal> Withdrawals,
    IReadOnlyList<AdverseInterruption> Interruptions);

/// <summary>
/// Decides AEACN for every episode. The narrative events act as the plan says (withdrawal, benmelstobart held);
/// a fatal event or one that began after the last dose is NOT APPLICABLE. Exactly as many subjects as the paper reports
/// have a dose reduced: a related event of grade 3 or worse (grade 2 for anlotinib's own toxicities) in a cycle that
/// another follows with the drug still given; the drug is the one the term's toxicity is attributed to (anlotinib
/// 10 -> 8 mg, and to 6 mg when a later anlotinib toxicity recurs; paclitaxel or cisplatin to 80%). Other grade 3-4
/// events before a postponed cycle are DRUG INTERRUPTED; the rest DOSE NOT CHANGED.
/// </summary>
internal static class AdverseActions
{
    /// <summary>The dosing consequences of every subject's episodes.</summary>
    /// <exception cref="InvalidOperationException">Fewer subjects than <paramref name="reduced"/> have an event that can reduce a dose.</exception>
    public static AdverseDosing Decide(IReadOnlyList<(AdverseTimeline Timeline, IReadOnlyList<AdverseEpisode> Episodes)> subjects, int reduced, Random random)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(random);
        var actions = new Dictionary<AdverseEpisode, AdverseAction>(ReferenceEqualityComparer.Instance);
        var withdrawals = new List<AdverseWithdrawal>();
        var interruptions = new List<AdverseInterruption>();
        foreach (var (t, episodes) in subjects)
        {
            string subject = t.Course.Subject;
            foreach (var e in episodes)
            {
                actions[e] = e.Plan.Role switch
                {
                    AdverseRole.Fatal => AdverseAction.NotApplicable,
                    AdverseRole.WithdrawsTreatment => AdverseAction.DrugWithdrawn,
                    AdverseRole.WithdrawsDrug => AdverseAction.DrugWithdrawn,
                    AdverseRole.HoldsImmunotherapy => AdverseAction.DrugInterrupted,
                    _ when e.StartDay > t.Course.LastDoseDay => AdverseAction.NotApplicable,
                    _ when e.Grade >= 3 && t.IsNextCycleDelayed(e.Cycle) => AdverseAction.DrugInterrupted,
                    _ => AdverseAction.DoseNotChanged,
                };
                switch (e.Plan.Role)
                {
                    case AdverseRole.WithdrawsTreatment:
                        withdrawals.Add(new AdverseWithdrawal(subject, null, t.Cycles + 1, e.Term));
                        break;
                    case AdverseRole.WithdrawsDrug:
                        withdrawals.Add(new AdverseWithdrawal(subject, e.Plan.Drug, e.Cycle + 1, e.Term));
                        break;
                    case AdverseRole.HoldsImmunotherapy:
                        interruptions.Add(new AdverseInterruption(subject, AdverseDrugs.Benmelstobart, e.Cycle + 1, e.Term));
                        break;
                }
            }
        }

        // Dose reductions: subjects with a grade 3+ candidate first, then those with a grade 2 anlotinib toxicity.
        var candidates = subjects
            .Select(s => (s.Timeline, Events: s.Episodes.Where(e => Reduces(s.Timeline, e, withdrawals) is not null).OrderBy(e => e.StartDay).ToList()))
            .Where(s => s.Events.Count > 0)
            .Select(s => (s.Timeline, s.Events, Tier: s.Events.Any(e => e.Grade >= 3) ? 0 : 1, Key: random.NextDouble()))
            .OrderBy(s => s.Tier).ThenBy(s => s.Key)
            .ToList();
        if (candidates.Count < reduced)
        {
            throw new InvalidOperationException($"Expected {reduced} subjects with an AE leading to a dose reduction, found {candidates.Count} with a related event in a cycle that another follows.");
        }

        var reductions = new List<AdverseDoseReduction>();
        foreach (var (t, events, tier, _) in candidates.Take(reduced))
        {
            var first = events.First(e => tier == 1 || e.Grade >= 3);
            string drug = Reduces(t, first, withdrawals)!;
            actions[first] = AdverseAction.DoseReduced;
            reductions.Add(new AdverseDoseReduction(t.Course.Subject, drug, first.Cycle + 1, first.Term));

            // A second anlotinib toxicity in a later cycle takes the dose down to 6 mg.
            var again = events.FirstOrDefault(e => e.Cycle > first.Cycle && Reduces(t, e, withdrawals) == AdverseDrugs.Anlotinib);
            if (drug == AdverseDrugs.Anlotinib && again is not null && random.NextDouble() < 0.5)
            {
                actions[again] = AdverseAction.DoseReduced;
                reductions.Add(new AdverseDoseReduction(t.Course.Subject, AdverseDrugs.Anlotinib, again.Cycle + 1, again.Term));
            }
        }

        return new AdverseDosing(
            actions,
            [.. reductions.OrderBy(r => r.Subject, StringComparer.Ordinal).ThenBy(r => r.FromCycle)],
            [.. withdrawals.OrderBy(w => w.Subject, StringComparer.Ordinal)],
            [.. interruptions.OrderBy(i => i.Subject, StringComparer.Ordinal).ThenBy(i => i.Cycle)]);
    }

    /// <summary>The drug an episode reduces, or null: an ordinary related event of grade 3+ (2+ for anlotinib) before the last dose whose drug the next cycle still gives.</summary>
    private static string? Reduces(AdverseTimeline t, AdverseEpisode e, List<AdverseWithdrawal> withdrawals)
    {
        var term = AdverseEventCatalogue.Get(e.Term);
        if (e.Plan.Role != AdverseRole.Ordinary || !e.Plan.IsRelated || e.Plan.IsImmuneRelated || term.ReducedDrug is not { } drug || e.StartDay > t.Course.LastDoseDay)
        {
            return null;
        }

        int next = e.Cycle + 1;
        bool given = drug == AdverseDrugs.Anlotinib
            ? next <= t.Cycles && !withdrawals.Any(w => w.Subject == t.Course.Subject && (w.Drug is null || w.Drug == drug) && w.FromCycle <= next)
            : next <= t.InductionCycles;
        bool severe = e.Grade >= 3 || (e.Grade == 2 && drug == AdverseDrugs.Anlotinib);
        return given && severe ? drug : null;
    }
}
