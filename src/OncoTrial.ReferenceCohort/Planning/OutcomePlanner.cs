namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>
/// Plans the outcomes and timelines of the reference cohort: the 50 enrolled subjects of the seed trial and its 9
/// screen failures, calibrated by search so that the project's own derivations on the plan give the paper's Fig. 1,
/// Table 1, Table 2 and every Kaplan-Meier figure at the paper's precision (docs/reference-cohort.md).
/// </summary>
public static class OutcomePlanner
{
    /// <summary>The most climbs (fresh start states) tried before giving up; each is one seeded stream.</summary>
    public const int MaxClimbs = 64;

    /// <summary>The most baseline draws tried for one timeline before the next climb.</summary>
    public const int MaxBaselineDraws = 200;

    /// <summary>
    /// The plan of a seed. Deterministic: the same seed gives the same plan on any machine and any number of cores
    /// (seeded integer random streams, one per climb; the lowest successful climb wins; losses rounded to 1e-9 before
    /// they are compared).
    /// </summary>
    /// <remarks>
    /// Categories first: each subject's path through the trial (Fig. 1's boxes, the deaths by cause, RECIST progression,
    /// evaluability) is fixed by a design table. Then days: a late-acceptance hill climb
    /// places first doses, scan offsets, progression scans, deaths and last contacts, and trades the liver, PD-L1 and
    /// responder labels, until every survival figure rounds to the published one. Then the details that no figure
    /// fixes are drawn (CRs, progression sites, subsequent therapy, baseline characteristics), and the plan is checked
    /// with the real derivations (<c>RecistDerivation</c>, <c>TimeToEventEndpoints</c>, <c>KaplanMeier</c>,
    /// <c>LogRankTest</c>); a climb that fails the check is abandoned for the next stream.
    /// </remarks>
    /// <param name="seed">Any integer.</param>
    /// <exception cref="InvalidOperationException">No climb met every target (not seen for any seed tried; the message says what was missed).</exception>
    public static CohortOutcomePlan Plan(int seed)
    {
        long steps = 0;
        string last = "no climb finished";
        int batch = Math.Clamp(Environment.ProcessorCount, 1, 4);
        for (int first = 0; first < MaxClimbs; first += batch)
        {
            // Climbs are independent (each has its own state and random stream), so a batch runs in parallel; the plan
            // is the one of the lowest stream that succeeds, whatever the number of cores.
            int count = Math.Min(batch, MaxClimbs - first);
            var climbs = new (TimelineState State, long Steps)[count];
            Parallel.For(0, count, k => climbs[k] = TimelineSearch.Climb(seed, first + k));
            for (int k = 0; k < count; k++)
            {
                int stream = first + k;
                var (state, taken) = climbs[k];
                steps += taken;
                if (state.Loss() > 0)
                {
                    last = "the search did not meet every survival figure";
                    continue;
                }

                if (Finish(seed, stream, state, steps, out string why) is { } plan)
                {
                    return plan;
                }

                last = why;
            }
        }

        throw new InvalidOperationException($"seed {seed}: no plan met every published figure in {MaxClimbs} climbs ({last}). Try another seed and report this one.");
    }

    /// <summary>Draws the baseline and the details of a solved timeline, builds the plan and checks it with the real derivations.</summary>
    private static CohortOutcomePlan? Finish(int seed, int stream, TimelineState state, long steps, out string why)
    {
        var rng = new PlannerRandom(seed, 1_000_000 + stream);
        var liver = state.Vars.Select(v => v.Liver).ToArray();
        int fistula = Array.FindIndex([.. state.Profiles], p => p.Cause == DeathCause.EsophagealFistula);
        BaselineDraw[]? baseline = null;
        int draws = 0;
        while (baseline is null && draws < MaxBaselineDraws)
        {
            draws++;
            var draw = BaselineAssignment.Draw(rng, liver, fistula);
            if (OtherSubgroupsShowNoDifference(state, draw))
            {
                baseline = draw;
            }
        }

        if (baseline is null)
        {
            why = "no baseline draw left every other subgroup without a difference";
            return null;
        }

        var plan = PlanBuilder.Build(seed, state, new PlanSearchSummary(steps, stream, draws), baseline, rng);
        var misses = PlanFigures.Compute(plan).Misses();
        why = "the derivations missed " + string.Join(", ", misses);
        return misses.Count == 0 ? plan : null;
    }

    /// <summary>
    /// The paper: "other characteristics had no correlations with PFS or OS". A baseline draw is kept when the log-rank
    /// test of sex, age &lt; 65, ECOG and prior surgery and radiotherapy gives p ≥ 0.05 (χ² &lt; 3.841) for PFS and OS.
    /// </summary>
    private static bool OtherSubgroupsShowNoDifference(TimelineState state, BaselineDraw[] baseline)
    {
        const double chiSquareAtFivePercent = 3.841459;
        int n = state.Count;
        var pfsOrder = Enumerable.Range(0, n).ToArray();
        var osOrder = Enumerable.Range(0, n).ToArray();
        SearchSurvival.SortByTime(pfsOrder, state.PfsTime);
        SearchSurvival.SortByTime(osOrder, state.OsTime);
        Func<BaselineDraw, bool>[] groups =
        [
            b => b.Sex == PlannedSex.Male,
            b => b.Age < 65,
            b => b.Ecog == 0,
            b => b.PriorSurgery,
            b => b.PriorRadiotherapy,
        ];
        foreach (var test in groups)
        {
            var group = baseline.Select(test).ToArray();
            if (SearchSurvival.LogRankChiSquare(pfsOrder, state.PfsTime, state.PfsEvent, null, group) >= chiSquareAtFivePercent
                || SearchSurvival.LogRankChiSquare(osOrder, state.OsTime, state.OsEvent, null, group) >= chiSquareAtFivePercent)
            {
                return false;
            }
        }

        return true;
    }
}
