using System.Globalization;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>How the first progression shows on the scan.</summary>
internal enum ProgressionKind
{
    /// <summary>The sum of the target lesions grows by at least 20% and 5 mm from the nadir.</summary>
    TargetGrowth,

    /// <summary>A new lesion appears (the waterfall's marker).</summary>
    NewLesion,

    /// <summary>A non-target lesion progresses unequivocally.</summary>
    NonTargetProgression,
}

/// <summary>One planned tumour scan: its day (day 1 = first dose) and the overall response it is meant to show.</summary>
/// <param name="Day">Study day of the scan.</param>
/// <param name="Response">The intended RECIST 1.1 overall response.</param>
/// <param name="TargetsShrink">At NE or PD: whether the measured targets are below baseline (at CR, PR and SD they always are).</param>
/// <param name="Visit">The visit name (TR VISIT), or null for "TUMOUR ASSESSMENT n".</param>
internal readonly record struct ScanIntent(int Day, OverallResponse Response, bool TargetsShrink = true, string? Visit = null);

/// <summary>What one subject's tumours are meant to do: the input of <see cref="TumourBuilder"/>.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="FirstDose">Day 1.</param>
/// <param name="MetastaticOrgans">The organs with metastases at baseline (LYMPH NODE, LUNG, LIVER, BONE, ...).</param>
/// <param name="HasPrimaryTumour">True when the oesophageal primary is in place (not resected).</param>
/// <param name="BaselineDay">Study day of the baseline scan (before day 1).</param>
/// <param name="Scans">The post-baseline scans in day order.</param>
/// <param name="Progression">How the first PD scan shows progression, or null without PD.</param>
/// <param name="ProgressionSites">The number of organs progressing at the first PD (1-2 oligo, 3 or more systemic).</param>
/// <param name="ProgressionOrgans">The organs that progress at the first PD (their number wins over <paramref name="ProgressionSites"/>), or null to choose them.</param>
internal sealed record TumourPlan(
    string Subject,
    DateOnly FirstDose,
    IReadOnlyList<string> MetastaticOrgans,
    bool HasPrimaryTumour,
    int BaselineDay,
    IReadOnlyList<ScanIntent> Scans,
    ProgressionKind? Progression = null,
    int ProgressionSites = 1,
    IReadOnlyList<string>? ProgressionOrgans = null);

/// <summary>A lesion of the generated cohort (a TU record).</summary>
/// <param name="Id">TULNKID.</param>
/// <param name="Role">Target, non-target or new.</param>
/// <param name="Location">TULOC.</param>
/// <param name="IsNode">True for a lymph node (TUNODFL = Y; its short axis is measured).</param>
/// <param name="IdentifiedDay">Study day of the scan that first showed it.</param>
internal sealed record GeneratedLesion(string Id, LesionRole Role, string Location, bool IsNode, int IdentifiedDay);

/// <summary>The lesions of one subject and every assessment of each (TU and TR).</summary>
/// <param name="Lesions">The lesions.</param>
/// <param name="Assessments">One per lesion and scan, baseline included.</param>
internal sealed record TumourCourse(IReadOnlyList<GeneratedLesion> Lesions, IReadOnlyList<LesionAssessment> Assessments);

/// <summary>
/// Lesion sizes that give exactly the planned time-point responses under RECIST 1.1, so that the cohort's responses
/// come out of the real derivation from measurements (the issue: "a generator that must write responses to get the
/// counts right has failed"). Each target of a subject follows one shrinkage path; the sizes keep a margin from every
/// RECIST threshold, so rounding to whole millimetres never moves a response, and <see cref="Build"/> checks the
/// result with <see cref="RecistDerivation.DeriveTimePointResponses"/>.
/// </summary>
internal static class TumourBuilder
{
    private static readonly string[] NodeSites = ["MEDIASTINAL LYMPH NODE", "SUPRACLAVICULAR LYMPH NODE", "CELIAC LYMPH NODE", "PARATRACHEAL LYMPH NODE", "RETROPERITONEAL LYMPH NODE"];
    private static readonly string[] NewLesionOrgans = ["LIVER", "LUNG", "BONE", "ADRENAL GLAND", "PLEURA", "BRAIN"];

    /// <summary>Builds the lesions and their assessments and checks them against the plan.</summary>
    /// <exception cref="InvalidOperationException">The derivation does not give the planned responses (a bug of the builder).</exception>
    public static TumourCourse Build(TumourPlan plan, Random random)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(random);
        string? last = null;
        for (int attempt = 0; attempt < 100; attempt++)
        {
            var course = Generate(plan, random);
            last = Mismatch(plan, course);
            if (last is null)
            {
                return course;
            }
        }

        throw new InvalidOperationException(last);
    }

    private static TumourCourse Generate(TumourPlan plan, Random random)
    {
        var lesions = new List<GeneratedLesion>();
        var targets = new List<(GeneratedLesion Lesion, double Baseline, double Floor)>();
        int t = 0, n = 0;
        string Id(LesionRole role) => role switch
        {
            LesionRole.Target => string.Create(CultureInfo.InvariantCulture, $"T{++t:00}"),
            LesionRole.NonTarget => string.Create(CultureInfo.InvariantCulture, $"NT{++n:00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"NEW{lesions.Count(l => l.Role == LesionRole.New) + 1:00}"),
        };

        void AddTarget(string location, bool node)
        {
            var lesion = new GeneratedLesion(Id(LesionRole.Target), LesionRole.Target, location, node, plan.BaselineDay);
            lesions.Add(lesion);
            double size = node ? random.Next(16, 31) : random.Next(15, 46);
            targets.Add((lesion, size, node ? random.Next(5, 10) : 0));
        }

        if (plan.HasPrimaryTumour)
        {
            AddTarget("ESOPHAGUS", node: false);
        }

        int nodeIndex = random.Next(NodeSites.Length);
        foreach (string organ in plan.MetastaticOrgans)
        {
            if (targets.Count >= 4)
            {
                break;
            }

            bool node = organ == "LYMPH NODE";
            AddTarget(node ? NodeSites[nodeIndex++ % NodeSites.Length] : organ, node);
        }

        if (targets.Count == 0)
        {
            AddTarget(NodeSites[nodeIndex++ % NodeSites.Length], node: true);
        }

        // One non-target: another node, or bone, or the first metastatic organ.
        var nonTarget = new GeneratedLesion(Id(LesionRole.NonTarget), LesionRole.NonTarget, NodeSites[nodeIndex % NodeSites.Length], true, plan.BaselineDay);
        lesions.Add(nonTarget);

        var assessments = new List<LesionAssessment>();
        DateOnly Date(int day) => plan.FirstDose.AddDays(day > 0 ? day - 1 : day);
        void Record(GeneratedLesion lesion, int day, bool baseline, LesionState state, double? mm = null) =>
            assessments.Add(new LesionAssessment(plan.Subject, lesion.Id, lesion.Role, lesion.Location, lesion.IsNode, Date(day), baseline, state, mm, VisitOf(plan, day)));

        foreach (var (lesion, size, _) in targets)
        {
            Record(lesion, plan.BaselineDay, true, LesionState.Measured, size);
        }

        Record(nonTarget, plan.BaselineDay, true, LesionState.Present);

        // The path of the target sum: a fraction of baseline per scan, chosen with margins from 0.7 (PR) and from the
        // PD line (1.2 x nadir and nadir + 5 mm). A PR that an SD or NE follows stays shallow (>= 0.6), so that the
        // later sum can be above 0.7 x baseline without reaching 1.2 x the nadir.
        bool shallow = plan.Scans.Select((s, i) => (s, i)).Any(x => x.s.Response == OverallResponse.PartialResponse
            && plan.Scans.Skip(x.i + 1).Any(y => y.Response is OverallResponse.StableDisease));
        double floor = shallow ? 0.6 : 0.25;
        double fraction = 1.0;
        double nadirSum = targets.Sum(x => x.Baseline);
        double[] nadirSizes = [.. targets.Select(x => x.Baseline)];
        bool progressed = false;
        foreach (var scan in plan.Scans)
        {
            if (progressed)
            {
                break;
            }

            double[] sizes;
            bool notAssessedFirst = false;
            var nonTargetState = LesionState.Present;
            switch (scan.Response)
            {
                case OverallResponse.CompleteResponse:
                    sizes = [.. targets.Select(x => x.Floor)];
                    nonTargetState = LesionState.Absent;
                    break;
                case OverallResponse.PartialResponse:
                    fraction = fraction > 0.66
                        ? (shallow ? 0.62 + (0.04 * random.NextDouble()) : 0.45 + (0.2 * random.NextDouble()))
                        : Math.Max(floor, fraction - (0.08 * random.NextDouble()));
                    sizes = Scale(targets, fraction);
                    break;
                case OverallResponse.StableDisease:
                    double nadirFraction = nadirSum / targets.Sum(x => x.Baseline);
                    fraction = nadirFraction > 0.74
                        ? Math.Min(0.75 + (0.18 * random.NextDouble()), (nadirFraction * 1.15) - 0.01)
                        : 0.715 + (0.01 * random.NextDouble());
                    sizes = Scale(targets, fraction);
                    break;
                case OverallResponse.NotEvaluable:
                    fraction = !scan.TargetsShrink ? Math.Max(fraction, 1.0) : fraction > 0.95 ? 0.8 + (0.12 * random.NextDouble()) : fraction;
                    sizes = Scale(targets, fraction);
                    notAssessedFirst = true;
                    break;
                case OverallResponse.ProgressiveDisease:
                    progressed = true;
                    sizes = Progress(plan, targets, nadirSizes, nadirSum, fraction, lesions, Record, scan.Day, random, out nonTargetState, nonTarget);
                    break;
                default:
                    throw new InvalidOperationException($"A tumour plan cannot show {scan.Response}.");
            }

            for (int i = 0; i < targets.Count; i++)
            {
                if (notAssessedFirst && i == 0)
                {
                    Record(targets[i].Lesion, scan.Day, false, LesionState.NotAssessed);
                    continue;
                }

                double mm = sizes[i];
                Record(targets[i].Lesion, scan.Day, false, mm == 0 ? LesionState.Absent : LesionState.Measured, mm == 0 ? null : mm);
            }

            Record(nonTarget, scan.Day, false, nonTargetState);
            if (!notAssessedFirst && !progressed)
            {
                double sum = sizes.Sum();
                if (sum < nadirSum)
                {
                    nadirSum = sum;
                    nadirSizes = sizes;
                }
            }
        }

        return new TumourCourse(lesions, assessments);
    }

    /// <summary>Target sizes at a fraction of baseline, whole millimetres, nodes never below their floor (5-9 mm).</summary>
    private static double[] Scale(List<(GeneratedLesion Lesion, double Baseline, double Floor)> targets, double fraction) =>
        [.. targets.Select(x => Math.Max(x.Floor, Math.Round(x.Baseline * fraction, MidpointRounding.AwayFromZero)))];

    private static double[] Progress(
        TumourPlan plan,
        List<(GeneratedLesion Lesion, double Baseline, double Floor)> targets,
        double[] nadirSizes,
        double nadirSum,
        double fraction,
        List<GeneratedLesion> lesions,
        Action<GeneratedLesion, int, bool, LesionState, double?> record,
        int day,
        Random random,
        out LesionState nonTargetState,
        GeneratedLesion nonTarget)
    {
        nonTargetState = LesionState.Present;
        var wanted = plan.ProgressionOrgans is { Count: > 0 } named ? named.ToList() : null;
        int sites = wanted?.Count ?? Math.Max(1, plan.ProgressionSites);
        var organs = new HashSet<string>(StringComparer.Ordinal);
        double[] sizes = [.. nadirSizes];
        switch (plan.Progression ?? ProgressionKind.TargetGrowth)
        {
            case ProgressionKind.TargetGrowth:
                {
                    // Grow the targets of the progressing organs (the named ones that have targets, else the first ones)
                    // until the sum is 30% and 6 mm above the nadir.
                    var byOrgan = targets.Select((x, i) => (x, i)).GroupBy(x => OrganOf(x.x.Lesion)).ToList();
                    var chosen = wanted is null ? byOrgan.Take(sites).ToList() : byOrgan.Where(g => wanted.Contains(g.Key)).ToList();
                    if (chosen.Count == 0)
                    {
                        chosen = byOrgan.Take(1).ToList();
                        wanted?.Add(chosen[0].Key);
                        sites = wanted?.Count ?? sites;
                    }

                    var grown = chosen.SelectMany(g => g).ToList();
                    double need = Math.Max(0.3 * nadirSum, 6) + 1;
                    foreach (var (x, i) in grown)
                    {
                        sizes[i] = nadirSizes[i] + Math.Ceiling(need / grown.Count);
                        organs.Add(OrganOf(x.Lesion));
                    }

                    break;
                }

            case ProgressionKind.NonTargetProgression:
                nonTargetState = LesionState.UnequivocalProgression;
                organs.Add(OrganOf(nonTarget));
                break;
            case ProgressionKind.NewLesion:
                // A new lesion while the targets still shrink a little (the waterfall shows a decrease beside the marker),
                // unless the plan says they do not.
                if (plan.Scans.FirstOrDefault(x => x.Day == day).TargetsShrink)
                {
                    fraction = Math.Min(fraction, 0.85 + (0.08 * random.NextDouble()));
                }

                break;
        }

        // The targets that do not progress stay at their nadir size (not larger, so they are not progression sites),
        // or at the current fraction when that is smaller.
        for (int i = 0; i < sizes.Length; i++)
        {
            if (!organs.Contains(OrganOf(targets[i].Lesion)) || plan.Progression != ProgressionKind.TargetGrowth)
            {
                sizes[i] = Math.Min(nadirSizes[i], Math.Max(targets[i].Floor, Math.Round(targets[i].Baseline * fraction, MidpointRounding.AwayFromZero)));
            }
        }

        // New lesions make up the remaining sites, each in an organ not yet progressing (the named ones first).
        int organIndex = random.Next(NewLesionOrgans.Length);
        var pending = new Queue<string>(wanted?.Where(o => !organs.Contains(o)) ?? []);
        while (organs.Count < sites)
        {
            string organ = pending.Count > 0 ? pending.Dequeue() : NewLesionOrgans[organIndex++ % NewLesionOrgans.Length];
            if (!organs.Add(organ))
            {
                continue;
            }

            bool node = organ == "LYMPH NODE";
            var lesion = new GeneratedLesion(string.Create(CultureInfo.InvariantCulture, $"NEW{lesions.Count(l => l.Role == LesionRole.New) + 1:00}"), LesionRole.New, node ? "ABDOMINAL LYMPH NODE" : organ, node, day);
            lesions.Add(lesion);
            record(lesion, day, false, LesionState.Present, null);
        }

        return sizes;
    }

    private static string OrganOf(GeneratedLesion lesion) => lesion.IsNode ? "LYMPH NODE" : lesion.Location;

    /// <summary>The visit name of a scan: BASELINE, the plan's visit, or the tumour assessment's ordinal.</summary>
    internal static string VisitOf(TumourPlan plan, int day)
    {
        if (day == plan.BaselineDay)
        {
            return "BASELINE";
        }

        int index = 0;
        foreach (var scan in plan.Scans)
        {
            index++;
            if (scan.Day == day)
            {
                return scan.Visit ?? string.Create(CultureInfo.InvariantCulture, $"TUMOUR ASSESSMENT {index}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"DAY {day}");
    }

    /// <summary>Why the lesions do not give the plan, or null when they do.</summary>
    private static string? Mismatch(TumourPlan plan, TumourCourse course)
    {
        var derived = RecistDerivation.DeriveTimePointResponses(course.Assessments);
        var expected = plan.Scans.TakeWhile((s, i) => i == 0 || plan.Scans[i - 1].Response != OverallResponse.ProgressiveDisease).ToList();
        var actual = derived.Select(r => (Day: r.Date.DayNumber - plan.FirstDose.DayNumber + 1, r.Overall)).ToList();
        bool same = expected.Count == actual.Count && expected.Zip(actual).All(p => p.First.Day == p.Second.Day && p.First.Response == p.Second.Overall);
        if (!same)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{plan.Subject}: the lesions give {string.Join(" ", actual.Select(a => a.Day + ":" + a.Overall.ToCode()))}, the plan wants {string.Join(" ", expected.Select(e => e.Day + ":" + e.Response.ToCode()))}.");
        }

        if (plan.Progression is not null && plan.Scans.Any(s => s.Response == OverallResponse.ProgressiveDisease))
        {
            var pd = derived.First(r => r.Overall == OverallResponse.ProgressiveDisease);
            if (pd.ProgressingSites.Count != plan.ProgressionSites)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{plan.Subject}: PD with {pd.ProgressingSites.Count} progressing sites ({string.Join(", ", pd.ProgressingSites)}), the plan wants {plan.ProgressionSites}.");
            }
        }

        return null;
    }
}
