using System.Globalization;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>
/// Writes a solved <see cref="TimelineState"/> as the public plan: dates, scans with their intended responses,
/// treatment phases, deaths and exits, then the details the survival figures do not fix (which responders reach CR,
/// progression sites, subsequent therapy, baseline characteristics, sites and subject ids, screen failures), each
/// drawn from the seed.
/// </summary>
internal static class PlanBuilder
{
    /// <summary>Subjects whose best response is CR (Table 2).</summary>
    public const int CompleteResponses = 5;

    private static readonly string[] AntiPd1 = ["CAMRELIZUMAB", "SINTILIMAB", "TISLELIZUMAB", "TORIPALIMAB", "PEMBROLIZUMAB", "NIVOLUMAB"];

    private static readonly string[] ScreeningCriteria =
    [
        "ECOG PERFORMANCE STATUS 2",
        "ESOPHAGEAL STENT IN PLACE",
        "TUMOUR INVASION OF ADJACENT ORGANS (AORTA OR TRACHEA)",
        "NO MEASURABLE LESION PER RECIST 1.1",
        "INTERSTITIAL LUNG DISEASE",
        "SUBSTANTIAL MALNUTRITION",
        "ACTIVE AUTOIMMUNE DISEASE",
        "UNCONTROLLED HYPERTENSION",
    ];

    /// <summary>Subjects per site among the 59 screened (5 centres).</summary>
    private static readonly int[] SiteSizes = [20, 14, 11, 8, 6];

    /// <summary>The timeline of one subject as written into the plan (before identity and baseline are added).</summary>
    internal sealed record Timeline(
        DateOnly FirstDose,
        PlannedTreatment Treatment,
        List<PlannedScan> Scans,
        PlannedProgression? Progression,
        PlannedDeath? Death,
        PlannedStudyExit? Exit,
        int LastKnownAlive,
        int TherapyRoom);

    public static CohortOutcomePlan Build(int seed, TimelineState state, PlanSearchSummary search, BaselineDraw[] baseline, PlannerRandom rng)
    {
        int n = state.Count;
        var timelines = new Timeline[n];
        for (int i = 0; i < n; i++)
        {
            timelines[i] = Describe(state, i);
        }

        AssignCompleteResponses(state, timelines, rng);
        var progressionSites = AssignProgressionSites(state, timelines, baseline, rng);
        var therapies = AssignSubsequentTherapy(state, timelines, rng);

        // Identity: sites dealt in a seeded order, numbers in screening order at each site (screen failures included).
        var failures = DrawScreenFailures(rng);
        var siteOf = SiteSizes.SelectMany((size, s) => Enumerable.Repeat(s + 1, size)).ToList();
        rng.Shuffle(siteOf);
        var screening = new (DateOnly Date, int Index)[n + failures.Count];
        var screeningDay = new int[n];
        var baselineScan = new int[n];
        for (int i = 0; i < n; i++)
        {
            baselineScan[i] = -rng.Between(3, 21);
            screeningDay[i] = baselineScan[i] - rng.Between(0, ProtocolCalendar.BaselineWindowDays + baselineScan[i]);
            screening[i] = (timelines[i].FirstDose.AddDays(screeningDay[i]), i);
        }

        for (int f = 0; f < failures.Count; f++)
        {
            screening[n + f] = (failures[f].Screening, n + f);
        }

        var ids = new string[screening.Length];
        var counter = new int[SiteSizes.Length + 1];
        foreach (var (_, index) in screening.OrderBy(x => x.Date).ThenBy(x => x.Index))
        {
            int site = siteOf[index];
            ids[index] = string.Create(CultureInfo.InvariantCulture, $"{site:00}-{++counter[site]:000}");
        }

        var subjects = new List<PlannedSubject>(n);
        for (int i = 0; i < n; i++)
        {
            var t = timelines[i];
            var b = baseline[i];
            var v = state.Vars[i];
            double? cps = v.Cps switch
            {
                CpsClass.BelowOne => 0,
                CpsClass.OneToNine => rng.Between(1, 9),
                CpsClass.TenOrMore => rng.Between(10, 60),
                _ => null,
            };
            var progression = t.Progression is { } p ? p with { Sites = progressionSites[i] } : null;
            subjects.Add(new PlannedSubject(
                ids[i], siteOf[i], t.FirstDose, screeningDay[i],
                new PlannedBaseline(b.Age, b.Sex, b.Ecog, b.Stage, b.Sites, b.PriorSurgery, b.PriorRadiotherapy, cps),
                t.Treatment, baselineScan[i], t.Scans, progression, t.Death, t.Exit, t.LastKnownAlive, therapies[i]));
        }

        var screenFailures = failures.Select((f, k) => new PlannedScreenFailure(
            ids[n + k], siteOf[n + k], f.Screening, f.End, f.Age, f.Sex, f.Reason, f.Criterion)).OrderBy(f => f.SubjectId, StringComparer.Ordinal).ToList();
        return new CohortOutcomePlan(seed, ProtocolCalendar.DataCutoff, [.. subjects.OrderBy(s => s.SubjectId, StringComparer.Ordinal)], screenFailures, search);
    }

    /// <summary>One subject's timeline from its resolved numbers: scans with the responses of its class, phases, death, exit.</summary>
    internal static Timeline Describe(TimelineState state, int i)
    {
        Span<int> a = stackalloc int[TimelineState.MaxScans];
        var t = state.Resolve(i, a);
        var v = state.Vars[i];
        var p = state.Profiles[i];
        var scans = new List<PlannedScan>(t.Scans);
        for (int k = 0; k < t.Scans; k++)
        {
            int nominal = ProtocolCalendar.NominalScanDay(k, v.Cycles, p.EntersMaintenance);
            var response = k == t.ProgressionScan ? OverallResponse.ProgressiveDisease : v.Response switch
            {
                ResponseClass.NotEvaluable when p.Path == SubjectPath.InductionWithdrawalAfterNeScan => OverallResponse.StableDisease,
                ResponseClass.NotEvaluable => OverallResponse.NotEvaluable,
                ResponseClass.Responder when k >= v.FirstResponseScan => OverallResponse.PartialResponse,
                _ => OverallResponse.StableDisease,
            };

            // CR, PR and SD shrink; the one scan of a withdrawal after a scan is an SD (shrinking, complete) before the SD
            // minimum duration, so its best overall response is NE.
            bool below = response is not OverallResponse.ProgressiveDisease;
            scans.Add(new PlannedScan(a[k], nominal, ProtocolCalendar.VisitName(nominal), response, below, false));
        }

        PlannedProgression? progression = null;
        if (t.ProgressionScan >= 0)
        {
            // The PD at the first scan comes from a new lesion while the targets shrink (the waterfall's asterisk).
            bool byNewLesion = p.Path == SubjectPath.InductionProgression;
            var pdScan = scans[t.ProgressionScan];
            scans[t.ProgressionScan] = pdScan with { IsTargetSumBelowBaseline = byNewLesion, HasNewLesion = byNewLesion };
            progression = new PlannedProgression(pdScan.Day, byNewLesion, []);
        }

        PlannedDeath? death = t.DeathDay > 0 ? new PlannedDeath(t.DeathDay, p.Cause ?? DeathCause.ProgressiveDisease) : null;
        PlannedStudyExit? exit = t.DeathDay == 0 && !t.FollowedToCutoff
            ? new PlannedStudyExit(t.LastKnownAlive, p.Path == SubjectPath.InductionLost ? StudyExitReason.LostToFollowUp : StudyExitReason.WithdrawalBySubject)
            : null;

        PlannedTreatment treatment;
        var reason = p.Reason;
        if (p.EntersMaintenance)
        {
            int start = t.MaintenanceStart;
            int maintenanceCycles = p.Path == SubjectPath.Ongoing
                ? ProtocolCalendar.CyclesStarted(start, t.CutoffDay + 1)
                : ProtocolCalendar.CyclesStarted(start, t.StopDay);
            treatment = new PlannedTreatment(v.Cycles, maintenanceCycles, null, p.Path == SubjectPath.Ongoing ? null : new PlannedDiscontinuation(t.StopDay, reason!.Value));
        }
        else
        {
            treatment = new PlannedTreatment(ProtocolCalendar.CyclesStarted(1, t.StopDay), 0, new PlannedDiscontinuation(t.StopDay, reason!.Value), null);
        }

        int room = t.ProgressionScan >= 0 ? (t.DeathDay > 0 ? t.DeathDay : t.CutoffDay) - a[t.ProgressionScan] : -1;
        return new Timeline(
            ProtocolCalendar.EnrolmentStart.AddDays(v.FirstDose), treatment, scans, progression, death, exit, t.LastKnownAlive, room);
    }

    /// <summary>
    /// Five responders reach a confirmed CR: those with the most scans of response, CR from a scan at least two scans
    /// after the first response and held to the end (a later progression comes from a new lesion).
    /// </summary>
    private static void AssignCompleteResponses(TimelineState state, Timeline[] timelines, PlannerRandom rng)
    {
        var candidates = new List<(int Subject, int First, int Responses)>();
        for (int i = 0; i < timelines.Length; i++)
        {
            var scans = timelines[i].Scans;
            int first = scans.FindIndex(s => s.Response == OverallResponse.PartialResponse);
            int responses = scans.Count(s => s.Response == OverallResponse.PartialResponse);
            if (first >= 0 && responses >= 4)
            {
                candidates.Add((i, first, responses));
            }
        }

        rng.Shuffle(candidates);
        foreach (var (i, first, responses) in candidates.OrderByDescending(c => c.Responses).Take(CompleteResponses))
        {
            var scans = timelines[i].Scans;
            int from = first + 2 + rng.Next(Math.Max(1, responses - 3));
            for (int k = from; k < scans.Count; k++)
            {
                if (scans[k].Response == OverallResponse.PartialResponse)
                {
                    scans[k] = scans[k] with { Response = OverallResponse.CompleteResponse };
                }
            }

            if (timelines[i].Progression is { } pd)
            {
                int k = scans.FindIndex(s => s.Day == pd.ScanDay);
                scans[k] = scans[k] with { HasNewLesion = true, IsTargetSumBelowBaseline = true };
                timelines[i] = timelines[i] with { Progression = pd with { ByNewLesion = true } };
            }
        }

        if (candidates.Count < CompleteResponses)
        {
            throw new InvalidOperationException($"The plan has {candidates.Count} responders with four responding scans; {CompleteResponses} are needed for the CRs.");
        }
    }

    /// <summary>
    /// Progression sites: one subject progresses in three organs (systemic: two of its sites and a new one), the others
    /// in one or two (oligo-progression). A progression by new lesion adds an organ the subject did not have.
    /// </summary>
    private static TumourSite[][] AssignProgressionSites(TimelineState state, Timeline[] timelines, BaselineDraw[] baseline, PlannerRandom rng)
    {
        var result = new TumourSite[timelines.Length][];
        var progressed = Enumerable.Range(0, timelines.Length).Where(i => timelines[i].Progression is not null).ToList();
        var systemicCandidates = progressed.Where(i => baseline[i].Sites.Length >= 2).ToList();
        int systemic = systemicCandidates.Count > 0 ? systemicCandidates[rng.Next(systemicCandidates.Count)] : -1;
        TumourSite[] newOrgans = [TumourSite.Liver, TumourSite.Lung, TumourSite.Bone, TumourSite.AdrenalGland, TumourSite.Pleura];
        foreach (int i in progressed)
        {
            var own = new[] { TumourSite.Esophagus }.Concat(baseline[i].Sites).ToList();
            var fresh = newOrgans.Where(o => !own.Contains(o)).ToList();
            var pd = timelines[i].Progression!;
            if (!pd.ByNewLesion && i != systemic && rng.Chance(2, 5))
            {
                pd = pd with { ByNewLesion = true };
                int k = timelines[i].Scans.FindIndex(s => s.Day == pd.ScanDay);
                timelines[i].Scans[k] = timelines[i].Scans[k] with { HasNewLesion = true };
                timelines[i] = timelines[i] with { Progression = pd };
            }

            var sites = new List<TumourSite>();
            if (i == systemic)
            {
                rng.Shuffle(own);
                sites.AddRange(own.Take(2));
                sites.Add(fresh[rng.Next(fresh.Count)]);
                if (!pd.ByNewLesion)
                {
                    timelines[i] = timelines[i] with { Progression = pd with { ByNewLesion = true } };
                    int k = timelines[i].Scans.FindIndex(s => s.Day == pd.ScanDay);
                    timelines[i].Scans[k] = timelines[i].Scans[k] with { HasNewLesion = true };
                }
            }
            else if (pd.ByNewLesion)
            {
                sites.Add(fresh[rng.Next(fresh.Count)]);
                if (rng.Chance(1, 3))
                {
                    sites.Add(own[rng.Next(own.Count)]);
                }
            }
            else
            {
                rng.Shuffle(own);
                sites.AddRange(own.Take(rng.Chance(1, 2) ? 1 : 2));
            }

            result[i] = [.. sites.Distinct().OrderBy(s => s)];
        }

        return result;
    }

    /// <summary>
    /// Seven of the thirteen who progress start a subsequent therapy (Results: 7/13): six an anti-PD-1 antibody, one
    /// chemotherapy; one of the six goes on to a third line.
    /// </summary>
    private static PlannedTherapy[][] AssignSubsequentTherapy(TimelineState state, Timeline[] timelines, PlannerRandom rng)
    {
        var result = Enumerable.Range(0, timelines.Length).Select(_ => Array.Empty<PlannedTherapy>()).ToArray();
        var eligible = Enumerable.Range(0, timelines.Length).Where(i => timelines[i].TherapyRoom >= TimelineState.TherapyRoomDays).ToList();
        var longest = eligible.Where(i => timelines[i].TherapyRoom >= TimelineState.ThirdLineRoomDays).ToList();
        if (eligible.Count < TimelineState.SubsequentTherapySubjects || longest.Count == 0)
        {
            throw new InvalidOperationException($"Only {eligible.Count} progressions leave room for a subsequent therapy ({longest.Count} for two lines); {TimelineState.SubsequentTherapySubjects} are needed, one with two lines.");
        }

        int thirdLine = longest[rng.Next(longest.Count)];
        eligible.Remove(thirdLine);
        rng.Shuffle(eligible);
        var chosen = new List<int> { thirdLine };
        chosen.AddRange(eligible.Take(TimelineState.SubsequentTherapySubjects - 1));
        int chemotherapyOnly = chosen[1 + rng.Next(chosen.Count - 1)];
        foreach (int i in chosen)
        {
            int pdDay = timelines[i].Progression!.ScanDay;
            int room = timelines[i].TherapyRoom;
            int start = pdDay + rng.Between(10, Math.Min(35, room - 10));
            bool antiPd1 = i != chemotherapyOnly;
            var lines = new List<PlannedTherapy>
            {
                new(2, start, antiPd1 ? AntiPd1[rng.Next(AntiPd1.Length)] : "DOCETAXEL", antiPd1),
            };
            if (i == thirdLine)
            {
                int end = pdDay + room;
                lines.Add(new PlannedTherapy(3, start + rng.Between(42, Math.Max(42, Math.Min(120, end - start - 7))), "IRINOTECAN", false));
            }

            result[i] = [.. lines];
        }

        if (chosen.Count(i => result[i].Length > 1) != 1 || chosen.Count(i => result[i].Any(t => t.IsAntiPd1)) != TimelineState.SubsequentTherapySubjects - 1)
        {
            throw new InvalidOperationException("The subsequent therapies do not give one third line and six anti-PD-1 subjects.");
        }

        return result;
    }

    private sealed record ScreenFailureDraw(DateOnly Screening, DateOnly End, int Age, PlannedSex Sex, ScreenFailureReason Reason, string? Criterion);

    /// <summary>Nine screen failures over the enrolment period: eight ineligible (one criterion each), one consent withdrawal.</summary>
    private static List<ScreenFailureDraw> DrawScreenFailures(PlannerRandom rng)
    {
        int span = ProtocolCalendar.EnrolmentEnd.DayNumber - ProtocolCalendar.EnrolmentStart.DayNumber;
        var criteria = ScreeningCriteria.ToList();
        rng.Shuffle(criteria);
        var list = new List<ScreenFailureDraw>();
        for (int k = 0; k < 9; k++)
        {
            var start = ProtocolCalendar.EnrolmentStart.AddDays(rng.Between(0, span - 30));
            bool consent = k == 8;
            list.Add(new ScreenFailureDraw(
                start, start.AddDays(rng.Between(3, 21)), rng.Between(45, 75), rng.Chance(3, 4) ? PlannedSex.Male : PlannedSex.Female,
                consent ? ScreenFailureReason.ConsentWithdrawn : ScreenFailureReason.Ineligible, consent ? null : criteria[k]));
        }

        return list;
    }
}
