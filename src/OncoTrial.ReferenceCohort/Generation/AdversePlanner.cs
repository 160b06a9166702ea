namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>What an adverse event does beyond being counted.</summary>
internal enum AdverseRole
{
    /// <summary>An ordinary event; its action is chosen later (dose reduced, cycle postponed or nothing).</summary>
    Ordinary,

    /// <summary>The fatal event of a subject who died of an AE (grade 5, on the death day).</summary>
    Fatal,

    /// <summary>A cytopenia found on the day the fatal myelosuppression began.</summary>
    AtFatalOnset,

    /// <summary>The event that stopped the whole treatment (Fig. 1's "Adverse events").</summary>
    WithdrawsTreatment,

    /// <summary>The event that stopped one drug for good while the others went on.</summary>
    WithdrawsDrug,

    /// <summary>An immune-related event for which benmelstobart was held for a cycle.</summary>
    HoldsImmunotherapy,

    /// <summary>An event the paper says led to no dose change (the lower gastrointestinal bleed).</summary>
    NoDoseChange,
}

/// <summary>One subject's event of one term, before it is placed in time: its worst grade, causality and role.</summary>
/// <param name="Term">AEDECOD.</param>
/// <param name="Grade">The worst grade the subject has for the term.</param>
/// <param name="IsRelated">True when the investigator judged it related to a study drug.</param>
/// <param name="IsImmuneRelated">AEIRFL = Y.</param>
/// <param name="Role">What the event does.</param>
/// <param name="Drug">The drug a <see cref="AdverseRole.WithdrawsDrug"/> event stops, or null.</param>
internal sealed record PlannedAdverseEvent(string Term, int Grade, bool IsRelated, bool IsImmuneRelated, AdverseRole Role = AdverseRole.Ordinary, string? Drug = null);

/// <summary>
/// Decides which subject has which term at which worst grade, related or not, so that the paper's Table 3 and its
/// safety paragraph come out exactly under the AE summary's counting (one count per subject per row at the worst grade).
/// </summary>
/// <remarks>
/// The union rows (any AE, grade 3 or worse, related, related grade 3 or worse) are met by construction: the AE
/// subjects are split first into those with a related event of grade 3 or worse (R3), those whose only grade 3+
/// events are unrelated (U3) and those with grade 1-2 events only (L); each term's grade 3+ related cells are then
/// dealt to R3 subjects only (every R3 subject gets at least one), its grade 3+ unrelated cells to R3 or U3 (every U3
/// subject gets one), its grade 1-2 cells to anyone with AEs, every subject getting at least one related event.
/// Subjects are drawn with weights that give longer courses more events; chemotherapy toxicity falls in induction
/// cycles (<see cref="AdverseTimeline.CandidateCycles"/>).
/// </remarks>
internal sealed class AdversePlanner
{
    /// <summary>The cytopenias found (grade 4) on the day a fatal myelosuppression begins.</summary>
    private static readonly string[] FatalCytopenias = ["Neutropenia", "Leukopenia"];

    private readonly List<AdverseTimeline> _subjects;
    private readonly AdverseTargets _targets;
    private readonly Random _random;
    private readonly Dictionary<string, Dictionary<string, PlannedAdverseEvent>> _plan = new(StringComparer.Ordinal);

    private AdversePlanner(IEnumerable<AdverseTimeline> subjects, AdverseTargets targets, Random random)
    {
        _subjects = [.. subjects.OrderBy(s => s.Course.Subject, StringComparer.Ordinal)];
        _targets = targets;
        _random = random;
        foreach (var s in _subjects)
        {
            _plan[s.Course.Subject] = new Dictionary<string, PlannedAdverseEvent>(StringComparer.Ordinal);
        }
    }

    /// <summary>The planned events of every subject (an empty list for a subject without AEs), by USUBJID.</summary>
    /// <exception cref="InvalidOperationException">The courses cannot carry the targets (too few subjects long enough for a term, or a fatal AE the catalogue lacks).</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<PlannedAdverseEvent>> Plan(IReadOnlyList<AdverseTimeline> subjects, AdverseTargets targets, Random random)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(random);
        var planner = new AdversePlanner(subjects, targets, random);
        planner.Run();
        return planner._plan.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<PlannedAdverseEvent>)[.. p.Value.Values.OrderBy(e => e.Term, StringComparer.Ordinal)],
            StringComparer.Ordinal);
    }

    private void Run()
    {
        var t = _targets;
        if (t.AnyEvent != t.Related)
        {
            throw new InvalidOperationException($"The planner gives every subject with an AE a related one: expected as many subjects with a related AE as with any AE, found {t.Related} and {t.AnyEvent}.");
        }

        // 1. The subjects the courses give a role: the AE deaths and the subject who stopped for an AE.
        var fatal = _subjects.Where(s => s.Course.Death == DeathCause.AdverseEvent).ToList();
        foreach (var s in fatal)
        {
            string name = s.Course.FatalAdverseEvent ?? throw new InvalidOperationException($"{s.Course.Subject}: died of an AE but names no fatal AE.");
            var term = AdverseEventCatalogue.Get(name);
            if (term.MaxGrade < 5)
            {
                throw new InvalidOperationException($"{s.Course.Subject}: the fatal AE {name} has no grade 5 in the catalogue.");
            }

            Add(s, new PlannedAdverseEvent(name, 5, term.RelatedDrugs.Count > 0, false, AdverseRole.Fatal));
        }

        var stopped = _subjects.Where(s => s.Course.StoppedForAdverseEvent && s.Course.Death != DeathCause.AdverseEvent).ToList();
        int partial = t.Withdrawn - stopped.Count;
        if (stopped.Count > 1 || partial is < 0 or > 2)
        {
            throw new InvalidOperationException($"The planner knows one treatment stop and two drug withdrawals (anlotinib, benmelstobart) for AEs: expected {t.Withdrawn} withdrawals with at most one stop, found {stopped.Count} subjects who stopped for an AE.");
        }

        foreach (var s in stopped)
        {
            Add(s, new PlannedAdverseEvent(AdverseEventCatalogue.Pneumonitis, 3, true, true, AdverseRole.WithdrawsTreatment));
        }

        // 2. Subjects without any AE: the shortest courses.
        var special = fatal.Concat(stopped).Select(s => s.Course.Subject).ToHashSet(StringComparer.Ordinal);
        var noAe = _subjects.Where(s => !special.Contains(s.Course.Subject))
            .Select(s => (s, Key: _random.NextDouble()))
            .OrderBy(x => x.s.WindowEnd).ThenBy(x => x.Key)
            .Take(_subjects.Count - t.AnyEvent)
            .Select(x => x.s)
            .ToHashSet();
        if (noAe.Count != _subjects.Count - t.AnyEvent)
        {
            throw new InvalidOperationException($"Expected {_subjects.Count - t.AnyEvent} subjects without an AE, found only {noAe.Count} who could be.");
        }

        var withAe = _subjects.Where(s => !noAe.Contains(s)).ToList();
        var taken = new HashSet<AdverseTimeline>(fatal.Concat(stopped));
        IEnumerable<AdverseTimeline> Free() => withAe.Where(s => !taken.Contains(s));
        bool Continues(AdverseTimeline s, string term, int grade) => s.CandidateCycles(AdverseEventCatalogue.Get(term), true, grade).Any(k => k >= 2 && k < s.Cycles);
        AdverseTimeline Choose(IEnumerable<AdverseTimeline> pool, string what)
        {
            var chosen = Draw(pool, 1, s => s.Exposure, what)[0];
            taken.Add(chosen);
            return chosen;
        }

        // 3. The narrative events: drug withdrawals, the grade 3 immune-related diarrhoea, the grade 3-4 fistulas, bleeds.
        var forcedRelated3 = new HashSet<AdverseTimeline>(fatal.Where(s => _plan[s.Course.Subject].Values.Any(e => e.IsRelated)).Concat(stopped));
        var unrelated3 = new List<AdverseTimeline>(fatal.Where(s => !forcedRelated3.Contains(s)));
        if (partial >= 1)
        {
            var s = Choose(Free().Where(x => Continues(x, AdverseEventCatalogue.AlanineAminotransferaseIncreased, 3)), "an immune-related grade 3 ALT increase that withdraws benmelstobart");
            Add(s, new PlannedAdverseEvent(AdverseEventCatalogue.AlanineAminotransferaseIncreased, 3, true, true, AdverseRole.WithdrawsDrug, AdverseDrugs.Benmelstobart));
            forcedRelated3.Add(s);
        }

        int fistulas = t.Fistula3;
        if (partial >= 2)
        {
            var s = Choose(Free().Where(x => Continues(x, AdverseEventCatalogue.EsophagealFistula, 3)), "a grade 3 oesophageal fistula that withdraws anlotinib");
            Add(s, new PlannedAdverseEvent(AdverseEventCatalogue.EsophagealFistula, 3, true, false, AdverseRole.WithdrawsDrug, AdverseDrugs.Anlotinib));
            forcedRelated3.Add(s);
            fistulas--;
        }

        for (int i = 0; i < fistulas; i++)
        {
            var s = Choose(Free().Where(x => x.Cycles >= 2), "an unrelated grade 3 oesophageal fistula");
            Add(s, new PlannedAdverseEvent(AdverseEventCatalogue.EsophagealFistula, 3, false, false));
            unrelated3.Add(s);
        }

        var diarrhea = Choose(Free().Where(x => Continues(x, "Diarrhea", 3)), "an immune-related grade 3 diarrhoea");
        Add(diarrhea, new PlannedAdverseEvent("Diarrhea", 3, true, true, AdverseRole.HoldsImmunotherapy));
        forcedRelated3.Add(diarrhea);
        int immune3 = stopped.Count + Math.Min(partial, 1) + 1;
        if (immune3 != t.ImmuneRelated3)
        {
            throw new InvalidOperationException($"The planner's grade 3 immune-related events (pneumonitis, ALT, diarrhoea) give {immune3} subjects; expected {t.ImmuneRelated3}.");
        }

        var ich = fatal.Where(s => _plan[s.Course.Subject].ContainsKey(AdverseEventCatalogue.IntracranialHemorrhage)).ToList();
        string[] bleeds = [AdverseEventCatalogue.Epistaxis, AdverseEventCatalogue.LowerGastrointestinalHemorrhage];
        if (t.Bleeding - ich.Count != bleeds.Length)
        {
            throw new InvalidOperationException($"The planner gives a grade 1 epistaxis and a grade 1 lower GI bleed beside the fatal intracranial haemorrhages: expected {t.Bleeding} bleeding subjects, found {ich.Count} fatal.");
        }

        var bled = new HashSet<AdverseTimeline>(ich);
        foreach (string bleed in bleeds)
        {
            var s = Draw(withAe.Where(x => !bled.Contains(x) && Eligible(x, bleed, true, 1)), 1, x => x.Exposure, bleed)[0];
            bled.Add(s);
            Add(s, new PlannedAdverseEvent(bleed, 1, true, false, AdverseRole.NoDoseChange));
        }

        // 4. The split of the AE subjects: related grade 3+ (R3), unrelated grade 3+ only (U3), grade 1-2 only (L).
        int u3Count = t.Grade3 - t.Related3;
        var u3 = unrelated3.OrderBy(_ => _random.NextDouble()).Take(u3Count).ToList();
        forcedRelated3.UnionWith(unrelated3.Except(u3));
        var open = withAe.Where(s => !forcedRelated3.Contains(s) && !u3.Contains(s)).ToList();
        if (u3.Count < u3Count)
        {
            u3.AddRange(Draw(open, u3Count - u3.Count, s => s.Exposure, "subjects whose only grade 3+ AEs are unrelated"));
        }

        open = [.. open.Where(s => !u3.Contains(s))];
        var low = Draw(open, t.AnyEvent - t.Grade3, s => 1.0 / s.Exposure, "subjects with grade 1-2 AEs only").ToHashSet();
        var r3 = withAe.Where(s => !u3.Contains(s) && !low.Contains(s)).ToList();
        if (r3.Count != t.Related3)
        {
            throw new InvalidOperationException($"Expected {t.Related3} subjects with a related grade 3+ AE, found {r3.Count} after the split.");
        }

        var rows = t.Table.ToDictionary(r => r.Term, r => new int[] { r.Related3, r.Unrelated3, r.RelatedLow, r.UnrelatedLow }, StringComparer.Ordinal);
        foreach (var r in t.Table)
        {
            if (r.UnrelatedLow < 0 || r.RelatedLow < 0 || r.Unrelated3 < 0)
            {
                throw new InvalidOperationException($"Table 3 row {r.Term}: the counts {r.Any}, {r.Grade3}, {r.Related}, {r.Related3} do not nest.");
            }
        }

        // 5. Cells fixed by the narrative: the immune-related grade 3 diarrhoea; the cytopenias of the fatal myelosuppression.
        rows["Diarrhea"][0]--;
        foreach (var s in fatal.Where(s => _plan[s.Course.Subject].ContainsKey(AdverseEventCatalogue.Myelosuppression)))
        {
            foreach (string cytopenia in FatalCytopenias.Where(c => rows[c][0] > 0))
            {
                Add(s, new PlannedAdverseEvent(cytopenia, 4, true, false, AdverseRole.AtFatalOnset));
                rows[cytopenia][0]--;
            }
        }

        // 6. Related grade 3+ cells: first one for every R3 subject still without one, then the rest.
        var order = t.Table.OrderBy(r => r.Term == "Neutropenia" ? 0 : 1).Select(r => r.Term).ToList();
        foreach (var s in r3.Where(s => !HasRelated3(s)).OrderBy(_ => _random.NextDouble()).ToList())
        {
            var options = order.Where(term => rows[term][0] > 0 && !Has(s, term) && Eligible(s, term, true, 3)).ToList();
            string term = DrawTerm(options, x => rows[x][0], s);
            Add(s, new PlannedAdverseEvent(term, SevereGrade(term), true, false));
            rows[term][0]--;
        }

        foreach (string term in order)
        {
            foreach (var s in Draw(r3.Where(s => !Has(s, term) && Eligible(s, term, true, 3)), rows[term][0], s => Affinity(s, term), $"related grade 3+ {term}"))
            {
                Add(s, new PlannedAdverseEvent(term, SevereGrade(term), true, false));
            }
        }

        // 7. Unrelated grade 3+ cells: one for every U3 subject still without one, then the rest (R3 or U3).
        foreach (var s in u3.Where(s => !_plan[s.Course.Subject].Values.Any(e => e.Grade >= 3)).ToList())
        {
            var options = order.Where(term => rows[term][1] > 0 && !Has(s, term) && Eligible(s, term, false, 3)).ToList();
            string term = DrawTerm(options, x => rows[x][1], s);
            Add(s, new PlannedAdverseEvent(term, 3, false, false));
            rows[term][1]--;
        }

        foreach (string term in order)
        {
            foreach (var s in Draw(r3.Concat(u3).Where(s => !Has(s, term) && Eligible(s, term, false, 3)), rows[term][1], s => s.Exposure, $"unrelated grade 3+ {term}"))
            {
                Add(s, new PlannedAdverseEvent(term, 3, false, false));
            }
        }

        // 8. Related grade 1-2 cells: one for every subject still without a related event, then the rest.
        foreach (var s in withAe.Where(s => !_plan[s.Course.Subject].Values.Any(e => e.IsRelated)).ToList())
        {
            var options = order.Where(term => rows[term][2] > 0 && !Has(s, term) && Eligible(s, term, true, 1)).ToList();
            string term = DrawTerm(options, x => rows[x][2], s);
            Add(s, new PlannedAdverseEvent(term, LowGrade(s, term, true), true, false));
            rows[term][2]--;
        }

        foreach (string term in order)
        {
            foreach (var s in Draw(withAe.Where(s => !Has(s, term) && Eligible(s, term, true, 1)), rows[term][2], s => s.Exposure, $"related grade 1-2 {term}"))
            {
                Add(s, new PlannedAdverseEvent(term, LowGrade(s, term, true), true, false));
            }

            foreach (var s in Draw(withAe.Where(s => !Has(s, term) && Eligible(s, term, false, 1)), rows[term][3], s => s.Exposure, $"unrelated grade 1-2 {term}"))
            {
                Add(s, new PlannedAdverseEvent(term, LowGrade(s, term, false), false, false));
            }
        }

        // 9. Immune-related events: related hypothyroidism, diarrhoea and ALT increased, then other irAEs to the paper's total.
        MarkImmuneRelated("Hypothyroidism", t.ImmuneHypothyroidism, withAe);
        MarkImmuneRelated("Diarrhea", t.ImmuneDiarrhea, withAe);
        int alt = withAe.Count(s => _plan[s.Course.Subject].TryGetValue(AdverseEventCatalogue.AlanineAminotransferaseIncreased, out var e) && e.IsImmuneRelated);
        foreach (var s in Draw(withAe.Where(s => !Has(s, AdverseEventCatalogue.AlanineAminotransferaseIncreased) && Eligible(s, AdverseEventCatalogue.AlanineAminotransferaseIncreased, true, 2)), t.ImmuneAlt - alt, s => IsImmune(s) ? 3.0 : 1.0, "immune-related ALT increased"))
        {
            Add(s, new PlannedAdverseEvent(AdverseEventCatalogue.AlanineAminotransferaseIncreased, 1 + _random.Next(2), true, true));
        }

        int missing = t.ImmuneRelated - withAe.Count(IsImmune);
        if (missing < 0)
        {
            throw new InvalidOperationException($"Hypothyroidism, diarrhoea, ALT and pneumonitis already give {withAe.Count(IsImmune)} subjects with an irAE; expected {t.ImmuneRelated}.");
        }

        var others = AdverseEventCatalogue.OtherImmuneRelatedTerms;
        var fill = Draw(withAe.Where(s => !IsImmune(s)), missing, s => s.Exposure, "other immune-related events");
        for (int i = 0; i < fill.Count; i++)
        {
            string term = others.Skip(i % others.Count).Concat(others).First(x => !Has(fill[i], x) && Eligible(fill[i], x, true, 1));
            Add(fill[i], new PlannedAdverseEvent(term, 1 + _random.Next(2), true, true));
        }

        // 10. Background grade 1-2 events, none in 20% of subjects.
        foreach (var (term, min, max, related) in AdverseEventCatalogue.BackgroundTerms)
        {
            int n = min + _random.Next(max - min + 1);
            var candidates = withAe.Where(s => !Has(s, term) && Eligible(s, term, related, 1)).ToList();
            foreach (var s in Draw(candidates, Math.Min(n, candidates.Count), s => s.Exposure, term))
            {
                Add(s, new PlannedAdverseEvent(term, LowGrade(s, term, related), related, false));
            }
        }
    }

    private void MarkImmuneRelated(string term, int count, List<AdverseTimeline> subjects)
    {
        var holders = subjects.Where(s => _plan[s.Course.Subject].TryGetValue(term, out var e) && e.IsRelated).ToList();
        int already = holders.Count(s => _plan[s.Course.Subject][term].IsImmuneRelated);
        var candidates = holders.Where(s => !_plan[s.Course.Subject][term].IsImmuneRelated && _plan[s.Course.Subject][term].Grade < 3).ToList();
        foreach (var s in Draw(candidates, count - already, x => x.Exposure, $"immune-related {term}"))
        {
            var e = _plan[s.Course.Subject][term];
            _plan[s.Course.Subject][term] = e with { IsImmuneRelated = true };
        }
    }

    private bool IsImmune(AdverseTimeline s) => _plan[s.Course.Subject].Values.Any(e => e.IsImmuneRelated);

    private bool Has(AdverseTimeline s, string term) => _plan[s.Course.Subject].ContainsKey(term);

    private bool HasRelated3(AdverseTimeline s) => _plan[s.Course.Subject].Values.Any(e => e.IsRelated && e.Grade >= 3);

    private void Add(AdverseTimeline s, PlannedAdverseEvent e)
    {
        if (!_plan[s.Course.Subject].TryAdd(e.Term, e))
        {
            throw new InvalidOperationException($"{s.Course.Subject}: {e.Term} planned twice.");
        }
    }

    private static bool Eligible(AdverseTimeline s, string term, bool related, int grade) =>
        s.CandidateCycles(AdverseEventCatalogue.Get(term), related, grade).Count > 0;

    /// <summary>Grade 3, or 4 for a third of the neutropenias and thrombocytopenias (grade 4 needs no other cytopenia's lab to agree).</summary>
    private int SevereGrade(string term) => term is "Neutropenia" or "Thrombocytopenia" && _random.NextDouble() < 0.35 ? 4 : 3;

    private int LowGrade(AdverseTimeline s, string term, bool related)
    {
        double grade2 = term switch
        {
            "Hypertension" => 0.6,
            "Leukopenia" or "Neutropenia" => 0.5,
            "Anemia" or "Thrombocytopenia" or "Lymphopenia" => 0.4,
            _ => 0.3,
        };
        var t = AdverseEventCatalogue.Get(term);
        return t.MaxGrade >= 2 && _random.NextDouble() < grade2 && s.CandidateCycles(t, related, 2).Count > 0 ? 2 : 1;
    }

    /// <summary>How likely a subject gets a term's severe cell: cytopenias go together (a grade 3 leukopenia mostly with a grade 3 neutropenia).</summary>
    private double Affinity(AdverseTimeline s, string term)
    {
        bool Severe(string other) => _plan[s.Course.Subject].TryGetValue(other, out var e) && e.Grade >= 3;
        return term switch
        {
            "Leukopenia" => Severe("Neutropenia") ? 8 : 1,
            "Lymphopenia" => Severe("Leukopenia") ? 4 : 1,
            "Anemia" or "Thrombocytopenia" => Severe("Neutropenia") ? 2 : 1,
            _ => s.Exposure,
        };
    }

    private string DrawTerm(List<string> options, Func<string, int> capacity, AdverseTimeline s)
    {
        if (options.Count == 0)
        {
            throw new InvalidOperationException($"{s.Course.Subject}: no Table 3 term has a cell left that the course can carry (last day {s.WindowEnd}, {s.Cycles} cycles).");
        }

        double total = options.Sum(o => (double)capacity(o));
        double u = _random.NextDouble() * total;
        foreach (string o in options)
        {
            u -= capacity(o);
            if (u < 0)
            {
                return o;
            }
        }

        return options[^1];
    }

    /// <summary>Draws <paramref name="count"/> subjects without replacement, each with probability proportional to its weight (Efraimidis-Spirakis keys).</summary>
    private List<AdverseTimeline> Draw(IEnumerable<AdverseTimeline> candidates, int count, Func<AdverseTimeline, double> weight, string what)
    {
        var pool = candidates.ToList();
        if (count < 0 || pool.Count < count)
        {
            throw new InvalidOperationException($"Expected {count} subjects for {what}, found {pool.Count} whose course can carry it.");
        }

        return [.. pool
            .Select(s => (s, Key: Math.Log(1.0 - _random.NextDouble()) / Math.Max(1e-9, weight(s))))
            .OrderByDescending(x => x.Key)
            .Take(count)
            .Select(x => x.s)];
    }
}
