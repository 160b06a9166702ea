using System.Globalization;

namespace OncoTrial.Clinical.Recist;

/// <summary>
/// RECIST 1.1 derivations, named after admiral's verbs: lesions → time-point responses → best overall response →
/// summaries. Rules: Eisenhauer et al., EJC 2009;45:228–247 and the EORTC RECIST FAQ; the best-response algorithm
/// is the one of admiralonco <c>derive_param_bor()</c> / <c>derive_param_confirmed_bor()</c> (docs/reference/recist-rules.md §2.3).
/// </summary>
public static partial class RecistDerivation
{
    /// <summary>
    /// Derives the time-point responses of every subject from lesion-level assessments: sum of diameters, percent
    /// change from baseline and from nadir, target, non-target and new-lesion responses and the overall response.
    /// </summary>
    /// <remarks>
    /// <para>Target response, in this order (RECIST 1.1 §4.3.1; docs/reference/recist-rules.md §1.4): PD when the sum (of the lesions
    /// that were assessed) is ≥ 120% of the nadir and ≥ 5 mm above it, even if a target was not assessed; NE when a
    /// baseline target was not assessed; CR when every non-nodal target is 0 mm and every nodal target is &lt; 10 mm
    /// short axis (the sum need not be 0); PR when the sum is ≤ 70% of baseline; SD otherwise. The nadir is the
    /// smallest complete sum before the time point, baseline included. Comparisons are exact (decimal arithmetic,
    /// no rounding). The numbers are those of <see cref="RecistOptions.Thresholds"/> (RECIST 1.1 by default); a
    /// lesion too small to measure counts as <see cref="RecistThresholds.TooSmallToMeasureMm"/>.</para>
    /// <para>Non-target response: PD on unequivocal progression of any non-target lesion; NE when one was not
    /// assessed; CR when all are absent (nodes: absent or &lt; 10 mm); NON-CR/NON-PD otherwise (an equivocal non-target
    /// lesion is present, not progressing).</para>
    /// <para>New lesions: a new lesion present, measured, too small to measure or unequivocal is PD. An equivocal one is
    /// not PD at that time point; when a later scan shows the same lesion (TRLNKID) unequivocally, the earlier time point
    /// is PD too (RECIST 1.1 §4.3.2: "progression should be declared using the date of the initial scan").</para>
    /// <para>Overall: any PD (target, non-target or new lesion) is PD; then target NE is NE; then Table 1 (target CR
    /// with non-target NON-CR/NON-PD or NE is PR). Without target lesions Table 2 applies: CR, NON-CR/NON-PD or NE.
    /// A subject with neither target nor non-target lesions at baseline gets NE unless a new lesion appears.</para>
    /// <para>Progressing sites at PD: the distinct organs (all lymph nodes one organ) of target lesions larger than
    /// at the nadir assessment (when the target response is PD), of non-target lesions with unequivocal
    /// progression and of new lesions. 1–2 sites is oligo-progression, ≥ 3 systemic.</para>
    /// <para>With <see cref="RecistOptions.StickyConfirmedPartialResponse"/>, a time point that would be SD after a
    /// confirmed PR (a PR followed by a PR or CR at least the confirmation interval later) stays PR.</para>
    /// </remarks>
    /// <param name="lesions">Lesion assessments of any number of subjects; each subject needs baseline records.</param>
    /// <param name="options">The options; <see cref="RecistOptions.Default"/> when null.</param>
    /// <returns>One record per subject and follow-up date, ordered by subject (ordinal) and date.</returns>
    /// <exception cref="ArgumentException">The input has problems; the message lists every one.</exception>
    public static IReadOnlyList<TimePointResponse> DeriveTimePointResponses(IEnumerable<LesionAssessment> lesions, RecistOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lesions);
        options ??= RecistOptions.Default;
        options.EnsureValid();
        var all = lesions.ToList();
        var problems = ValidateLesions(all);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(lesions));
        }

        var result = new List<TimePointResponse>();
        foreach (var subject in all.GroupBy(l => l.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            result.AddRange(DeriveSubjectTimePoints(subject.Key, subject.ToList(), options));
        }

        return result;
    }

    /// <summary>Every problem of a lesion-level input, one message each: what was expected, what was found.</summary>
    public static IReadOnlyList<string> ValidateLesions(IReadOnlyList<LesionAssessment> lesions)
    {
        ArgumentNullException.ThrowIfNull(lesions);
        var problems = new List<string>();
        var seen = new HashSet<(string, string, DateOnly)>();
        for (var i = 0; i < lesions.Count; i++)
        {
            var l = lesions[i];
            var where = string.Create(CultureInfo.InvariantCulture, $"lesion record {i + 1} (subject {l.Subject}, lesion {l.LesionId}, {l.Date:yyyy-MM-dd})");
            if (l.State == LesionState.Measured && (l.DiameterMm is not { } d || double.IsNaN(d) || d < 0))
            {
                problems.Add($"{where}: expected a diameter in mm >= 0 for a measured lesion, found {(l.DiameterMm?.ToString(CultureInfo.InvariantCulture) ?? "none")}. Give the measurement, or the state TOO SMALL TO MEASURE, ABSENT or NOT DONE.");
            }

            if (l.Role == LesionRole.Target && l.State is LesionState.Present or LesionState.UnequivocalProgression or LesionState.Equivocal)
            {
                problems.Add($"{where}: a target lesion needs a measurement (or too small to measure, absent, not done), found the state {l.State}.");
            }

            if (l.Role == LesionRole.New && l.IsBaseline)
            {
                problems.Add($"{where}: a new lesion cannot be part of the baseline assessment.");
            }

            if (!seen.Add((l.Subject, l.LesionId, l.Date)))
            {
                problems.Add($"{where}: more than one record for this lesion on this date; keep one.");
            }
        }

        foreach (var subject in lesions.GroupBy(l => l.Subject, StringComparer.Ordinal))
        {
            if (!subject.Any(l => l.IsBaseline))
            {
                problems.Add($"subject {subject.Key}: no baseline lesion assessment; flag the baseline records (TRLOBXFL = Y).");
            }

            foreach (var target in subject.Where(l => l.IsBaseline && l.Role == LesionRole.Target && l.SizeMm is null))
            {
                problems.Add($"subject {subject.Key}, lesion {target.LesionId}: the baseline target lesion has no size; a target must be measured at baseline.");
            }
        }

        return problems;
    }

    private static List<TimePointResponse> DeriveSubjectTimePoints(string subject, List<LesionAssessment> records, RecistOptions options)
    {
        var baseline = records.Where(l => l.IsBaseline).ToList();
        var baselineDate = baseline.Max(l => l.Date);
        var thresholds = options.Thresholds;
        var targets = baseline.Where(l => l.Role == LesionRole.Target).GroupBy(l => l.LesionId, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var nonTargets = baseline.Where(l => l.Role == LesionRole.NonTarget).GroupBy(l => l.LesionId, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var hasTargets = targets.Count > 0;
        decimal baselineSum = targets.Sum(t => (decimal)t.SizeMmUnder(thresholds)!.Value);
        var nadir = baselineSum;
        var nadirSizes = targets.ToDictionary(t => t.LesionId, t => (decimal)t.SizeMmUnder(thresholds)!.Value, StringComparer.Ordinal);

        // RECIST 1.1 §4.3.2: an equivocal new lesion that a later scan shows unequivocally is progression from its first scan.
        var unequivocalNew = records.Where(l => l.Role == LesionRole.New && IsNewLesionSeen(l.State))
            .GroupBy(l => l.LesionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(l => l.Date), StringComparer.Ordinal);
        var baselineFlag = baseline.Aggregate((DateImputationLevel?)null, (f, l) => DateImputationLevels.Max(f, l.DateFlag));
        var byDate = records.Where(l => !l.IsBaseline).GroupBy(l => l.Date).OrderBy(g => g.Key);
        var result = new List<TimePointResponse>();
        var responseDates = new List<(DateOnly Date, OverallResponse Response)>();
        var prConfirmed = false;
        foreach (var visit in byDate)
        {
            var date = visit.Key;
            var byLesion = visit.GroupBy(l => l.LesionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

            // Target lesions.
            OverallResponse? target = null;
            decimal sum = 0;
            var complete = true;
            var sizes = new Dictionary<string, decimal>(StringComparer.Ordinal);
            if (hasTargets)
            {
                var allNormal = true;
                foreach (var t in targets)
                {
                    if (byLesion.TryGetValue(t.LesionId, out var r) && r.SizeMmUnder(thresholds) is { } size)
                    {
                        var s = (decimal)size;
                        sizes[t.LesionId] = s;
                        sum += s;
                        allNormal &= t.IsLymphNode ? s < thresholds.NormalNodeShortAxisMm : s == 0;
                    }
                    else
                    {
                        complete = false;
                    }
                }

                target = thresholds.IsProgression(sum, nadir) ? OverallResponse.ProgressiveDisease
                    : !complete ? OverallResponse.NotEvaluable
                    : allNormal ? OverallResponse.CompleteResponse
                    : thresholds.IsPartialResponse(sum, baselineSum) ? OverallResponse.PartialResponse
                    : OverallResponse.StableDisease;
            }

            // Non-target lesions.
            OverallResponse? nonTarget = null;
            var sites = new SortedSet<string>(StringComparer.Ordinal);
            var nonTargetProgressing = visit.Where(l => l.Role == LesionRole.NonTarget && l.State == LesionState.UnequivocalProgression).ToList();
            foreach (var l in nonTargetProgressing)
            {
                sites.Add(l.Organ);
            }

            if (nonTargets.Count > 0 || nonTargetProgressing.Count > 0)
            {
                var notAssessed = false;
                var allGone = true;
                foreach (var n in nonTargets)
                {
                    if (!byLesion.TryGetValue(n.LesionId, out var r) || r.State == LesionState.NotAssessed)
                    {
                        notAssessed = true;
                        continue;
                    }

                    allGone &= r.State == LesionState.Absent
                        || (n.IsLymphNode && r.SizeMmUnder(thresholds) is { } s && s < (double)thresholds.NormalNodeShortAxisMm);
                }

                nonTarget = nonTargetProgressing.Count > 0 ? OverallResponse.ProgressiveDisease
                    : notAssessed ? OverallResponse.NotEvaluable
                    : allGone ? OverallResponse.CompleteResponse
                    : OverallResponse.NonCRNonPD;
            }

            // New lesions.
            var newLesions = visit.Where(l => l.Role == LesionRole.New && IsNewLesionSeen(l.State)).ToList();
            var confirmedLater = visit.Where(l => l.Role == LesionRole.New && l.State == LesionState.Equivocal
                && unequivocalNew.TryGetValue(l.LesionId, out var seen) && seen > date).ToList();
            newLesions.AddRange(confirmedLater);
            foreach (var l in newLesions)
            {
                sites.Add(l.Organ);
            }

            if (target == OverallResponse.ProgressiveDisease)
            {
                foreach (var t in targets)
                {
                    if (sizes.TryGetValue(t.LesionId, out var s) && s > nadirSizes.GetValueOrDefault(t.LesionId))
                    {
                        sites.Add(t.Organ);
                    }
                }
            }

            var (overall, rule) = CombineOverall(target, nonTarget, newLesions.Count > 0);
            if (overall == OverallResponse.ProgressiveDisease && rule == "new lesion" && newLesions.Count == confirmedLater.Count)
            {
                rule = string.Create(CultureInfo.InvariantCulture, $"new lesion, equivocal at this scan and unequivocal on {unequivocalNew[confirmedLater[0].LesionId]:yyyy-MM-dd} (RECIST 1.1 §4.3.2: progression dated from the first scan)");
            }

            if (options.StickyConfirmedPartialResponse && prConfirmed && overall == OverallResponse.StableDisease)
            {
                overall = OverallResponse.PartialResponse;
                target = OverallResponse.PartialResponse;
                rule = "sticky confirmed PR: SD after a confirmed PR stays PR (EORTC FAQ)";
            }

            if (overall is OverallResponse.PartialResponse or OverallResponse.CompleteResponse
                && responseDates.Any(p => p.Response == OverallResponse.PartialResponse && date.DayNumber - p.Date.DayNumber >= options.EffectiveConfirmationDays))
            {
                prConfirmed = true;
            }

            if (overall is OverallResponse.PartialResponse or OverallResponse.CompleteResponse)
            {
                responseDates.Add((date, overall));
            }
            else if (overall == OverallResponse.ProgressiveDisease)
            {
                prConfirmed = false;
                responseDates.Clear();
            }

            double? sumOut = hasTargets ? (double)sum : null;
            double? pctBaseline = hasTargets && baselineSum > 0 ? (double)((sum - baselineSum) * 100 / baselineSum) : null;
            double? pctNadir = hasTargets && nadir > 0 ? (double)((sum - nadir) * 100 / nadir) : null;
            result.Add(new TimePointResponse(
                subject,
                date,
                baselineDate,
                sumOut,
                hasTargets && complete,
                hasTargets ? (double)baselineSum : null,
                hasTargets ? (double)nadir : null,
                pctBaseline,
                pctNadir,
                target,
                nonTarget,
                newLesions.Count > 0,
                overall,
                overall == OverallResponse.ProgressiveDisease ? sites.ToList() : [],
                rule)
            {
                DateFlag = visit.Aggregate((DateImputationLevel?)null, (f, l) => DateImputationLevels.Max(f, l.DateFlag)),
                BaselineDateFlag = baselineFlag,
            });

            if (hasTargets && complete && sum < nadir)
            {
                nadir = sum;
                nadirSizes = new Dictionary<string, decimal>(sizes, StringComparer.Ordinal);
            }
        }

        return result;
    }

    /// <summary>A new lesion is there: present, measured, too small to measure or unequivocal (not absent, equivocal or not assessed).</summary>
    private static bool IsNewLesionSeen(LesionState state) =>
        state is LesionState.Present or LesionState.Measured or LesionState.TooSmallToMeasure or LesionState.UnequivocalProgression;

    /// <summary>RECIST 1.1 Table 1 (with target lesions) and Table 2 (non-target disease only).</summary>
    internal static (OverallResponse Overall, string Rule) CombineOverall(OverallResponse? target, OverallResponse? nonTarget, bool hasNewLesion)
    {
        if (target == OverallResponse.ProgressiveDisease)
        {
            return (OverallResponse.ProgressiveDisease, "target PD");
        }

        if (nonTarget == OverallResponse.ProgressiveDisease)
        {
            return (OverallResponse.ProgressiveDisease, "unequivocal non-target progression");
        }

        if (hasNewLesion)
        {
            return (OverallResponse.ProgressiveDisease, "new lesion");
        }

        if (target is null)
        {
            return nonTarget switch
            {
                OverallResponse.CompleteResponse => (OverallResponse.CompleteResponse, "Table 2: non-target CR, no new lesion"),
                OverallResponse.NonCRNonPD => (OverallResponse.NonCRNonPD, "Table 2: non-target NON-CR/NON-PD, no new lesion"),
                OverallResponse.NotEvaluable => (OverallResponse.NotEvaluable, "Table 2: non-target not all evaluated"),
                _ => (OverallResponse.NotEvaluable, "no target or non-target lesion at baseline"),
            };
        }

        return target switch
        {
            OverallResponse.NotEvaluable => (OverallResponse.NotEvaluable, "Table 1: target not all evaluated"),
            OverallResponse.CompleteResponse when nonTarget is null or OverallResponse.CompleteResponse => (OverallResponse.CompleteResponse, "Table 1: target CR, non-target CR or none"),
            OverallResponse.CompleteResponse => (OverallResponse.PartialResponse, "Table 1: target CR, non-target NON-CR/NON-PD or not evaluated"),
            OverallResponse.PartialResponse => (OverallResponse.PartialResponse, "Table 1: target PR, non-target non-PD or not all evaluated"),
            _ => (OverallResponse.StableDisease, "Table 1: target SD, non-target non-PD or not all evaluated"),
        };
    }
}
