using System.Collections.ObjectModel;
using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>
/// The published figures of a plan computed by the project's own code, as the pipeline computes them from a study:
/// the planned time-point responses through <see cref="AdrsWriter.PrepareOverallResponses"/> and
/// <see cref="RecistDerivation.DeriveBestOverallResponse"/> (<see cref="RecistOptions.Default"/>), the endpoints through
/// <see cref="StudyEndpointInputs.CreateEndpointSubjects"/> and <see cref="TimeToEventEndpoints"/>
/// (<see cref="EndpointOptions.Default"/>: FDA censoring, day 1 = first dose, data cutoff 2024-04-01), and the statistics
/// through <see cref="KaplanMeier"/> (<see cref="KaplanMeierOptions.Default"/>) and <see cref="LogRankTest"/>. Months are
/// days / 30.4375; the 12-month landmark is day 365.25. Values are keyed by the ids of published-values.json (a CI bound
/// as <c>id/lower</c>, <c>id/upper</c>; a denominator as <c>id/of</c>).
/// </summary>
internal sealed class PlanFigures
{
    private readonly Dictionary<string, double?> _values = new(StringComparer.Ordinal);

    private PlanFigures(CohortOutcomePlan plan)
    {
        Plan = plan;
    }

    /// <summary>The plan.</summary>
    public CohortOutcomePlan Plan { get; }

    /// <summary>Best overall responses (unconfirmed and confirmed) per subject, in subject order.</summary>
    public IReadOnlyList<BestOverallResponse> BestResponses { get; private set; } = [];

    /// <summary>The ADTTE records of PFS, in subject order.</summary>
    public IReadOnlyList<TimeToEventRecord> Pfs { get; private set; } = [];

    /// <summary>The ADTTE records of OS, in subject order.</summary>
    public IReadOnlyList<TimeToEventRecord> Os { get; private set; } = [];

    /// <summary>The ADTTE records of DoR (confirmed responders), in subject order.</summary>
    public IReadOnlyList<TimeToEventRecord> Dor { get; private set; } = [];

    /// <summary>Every computed value by id (null: not estimable or not reached).</summary>
    public IReadOnlyDictionary<string, double?> Values => new ReadOnlyDictionary<string, double?>(_values);

    /// <summary>The computed value of an id.</summary>
    public double? this[string id] => _values.TryGetValue(id, out var v) ? v : throw new KeyNotFoundException($"id: expected an id the plan figures compute, found \"{id}\".");

    /// <summary>The Kaplan-Meier and log-rank ids the search calibrates.</summary>
    public static IReadOnlyList<string> SurvivalIds { get; } =
    [
        "pfs_median", "pfs_median/lower", "pfs_median/upper", "pfs_rate_12m", "pfs_rate_12m/lower", "pfs_rate_12m/upper",
        "os_median", "os_median/lower", "os_median/upper", "os_rate_12m", "os_rate_12m/lower", "os_rate_12m/upper",
        "dor_median", "dor_median/lower", "dor_median/upper", "follow_up_median", "follow_up_median/lower", "follow_up_median/upper",
        "pfs_median_cps_ge1", "pfs_median_cps_lt1", "pfs_median_cps_ge10", "pfs_median_cps_lt10",
        "pfs_median_no_liver_mets", "pfs_median_liver_mets", "os_median_no_liver_mets", "os_median_liver_mets",
        "pfs_liver_mets_logrank_p", "os_liver_mets_logrank_p",
    ];

    /// <summary>Runs the derivations and statistics on the plan.</summary>
    public static PlanFigures Compute(CohortOutcomePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var figures = new PlanFigures(plan);
        figures.Run();
        return figures;
    }

    /// <summary>The published value an id is compared with (a bound for <c>/lower</c> and <c>/upper</c>).</summary>
    public static PublishedNumber Published(string id)
    {
        int slash = id.IndexOf('/', StringComparison.Ordinal);
        var value = PublishedValues.Paper[slash < 0 ? id : id[..slash]];
        return (slash < 0 ? null : id[(slash + 1)..]) switch
        {
            null => value.Value,
            "lower" => value.Ci!.Value.Lower,
            "upper" => value.Ci!.Value.Upper,
            _ => throw new ArgumentException($"id: expected an id, id/lower or id/upper, found \"{id}\".", nameof(id)),
        };
    }

    /// <summary>True when the computed value of a survival id rounds to the published one (a p-value: is below its bound).</summary>
    public bool Matches(string id)
    {
        double? computed = this[id];
        var published = PublishedValues.Paper[id.Split('/')[0]];
        if (published.Kind == PublishedKind.P)
        {
            return computed is { } p && published.Bound is { } bound && bound.StartsWith('<')
                && p < double.Parse(bound[1..], System.Globalization.CultureInfo.InvariantCulture);
        }

        return PlanTargets.RoundsTo(computed, Published(id));
    }

    /// <summary>The survival ids whose computed value does not round to the published one.</summary>
    public IReadOnlyList<string> Misses() => [.. SurvivalIds.Where(id => !Matches(id))];

    private void Run()
    {
        var subjects = Plan.Subjects;
        var cutoff = Plan.DataCutoff;
        var assessments = new List<AdrsAssessment>();
        var studySubjects = new List<StudySubject>();
        foreach (var s in subjects)
        {
            foreach (var scan in s.Scans)
            {
                assessments.Add(new AdrsAssessment(s.SubjectId, s.DateOf(scan.Day), scan.Response, scan.Visit));
            }

            DateOnly? therapy = s.SubsequentTherapies.Count > 0 ? s.DateOf(s.SubsequentTherapies.Min(t => t.StartDay)) : null;
            studySubjects.Add(new StudySubject(s.SubjectId, s.FirstDoseDate, s.Death is { } d ? s.DateOf(d.Day) : null, s.DateOf(s.LastKnownAliveDay), therapy));
        }

        var inputs = new StudyInputs("REFERENCE", cutoff, studySubjects, assessments, []);
        var overall = AdrsWriter.PrepareOverallResponses(assessments, inputs.ReferenceDates, inputs.NewTherapyDates);
        var analysis = overall.Where(o => o.IsAnalysisRecord).ToLookup(o => o.Subject, StringComparer.Ordinal);
        var responses = studySubjects.Select(s => new SubjectResponses(
            s.Subject, s.ReferenceDate, [.. analysis[s.Subject].Select(o => new DatedResponse(o.Date, o.Response))], s.NewAnticancerTherapyDate));
        BestResponses = RecistDerivation.DeriveBestOverallResponse(responses, RecistOptions.Default);
        var endpointSubjects = StudyEndpointInputs.CreateEndpointSubjects(inputs, overall, BestResponses, EndpointOptions.Default);
        Pfs = TimeToEventEndpoints.DerivePfs(endpointSubjects);
        Os = TimeToEventEndpoints.DeriveOs(endpointSubjects);
        Dor = TimeToEventEndpoints.DeriveDor(endpointSubjects);

        ResponseCounts(subjects);
        var all = subjects.Select(_ => true).ToArray();
        var liver = subjects.Select(s => s.Baseline.HasLiverMetastases).ToArray();
        var noLiver = liver.Select(x => !x).ToArray();
        bool[] Cps(Func<double, bool> test) => [.. subjects.Select(s => s.Baseline.PdL1Cps is { } c && test(c))];

        Curve("pfs_median", Pfs, all, landmark: "pfs_rate_12m");
        Curve("os_median", Os, all, landmark: "os_rate_12m");
        Curve("dor_median", Dor, null);
        Curve("pfs_median_cps_ge1", Pfs, Cps(c => c >= 1));
        Curve("pfs_median_cps_lt1", Pfs, Cps(c => c < 1));
        Curve("pfs_median_cps_ge10", Pfs, Cps(c => c >= 10));
        Curve("pfs_median_cps_lt10", Pfs, Cps(c => c < 10));
        Curve("pfs_median_no_liver_mets", Pfs, noLiver);
        Curve("pfs_median_liver_mets", Pfs, liver);
        Curve("os_median_no_liver_mets", Os, noLiver);
        Curve("os_median_liver_mets", Os, liver);

        var (osTime, osStatus) = Data(Os, all);
        var followUp = KaplanMeier.FitReverse(osTime, osStatus).Median;
        _values["follow_up_median"] = PlanTargets.Months(followUp.Estimate);
        _values["follow_up_median/lower"] = PlanTargets.Months(followUp.Lower);
        _values["follow_up_median/upper"] = PlanTargets.Months(followUp.Upper);

        _values["pfs_events"] = Pfs.Count(r => r.IsEvent);
        _values["os_deaths"] = Os.Count(r => r.IsEvent);
        _values["alive_at_cutoff"] = Os.Count(r => !r.IsEvent);
        _values["dor_gt_6m"] = Dor.Count(r => r.AnalysisValueMonths > 6);
        _values["dor_gt_6m/of"] = Dor.Count;
        _values["pfs_liver_mets_logrank_p"] = LogRankP(Pfs, liver);
        _values["os_liver_mets_logrank_p"] = LogRankP(Os, liver);
    }

    private void ResponseCounts(IReadOnlyList<PlannedSubject> subjects)
    {
        int Count(OverallResponse? r) => BestResponses.Count(b => b.ConfirmedBor == r);
        _values["bor_cr"] = Count(OverallResponse.CompleteResponse);
        _values["bor_pr"] = Count(OverallResponse.PartialResponse);
        _values["bor_sd"] = Count(OverallResponse.StableDisease);
        _values["bor_pd"] = Count(OverallResponse.ProgressiveDisease);
        _values["bor_ne"] = Count(OverallResponse.NotEvaluable) + Count(null);
        _values["orr"] = BestResponses.Count(b => b.IsConfirmedResponse);
        _values["dcr"] = BestResponses.Count(b => b.ConfirmedBor is OverallResponse.CompleteResponse or OverallResponse.PartialResponse or OverallResponse.StableDisease);
        // Evaluable: a confirmed best overall response other than NE (the paper's 43 = 5 CR + 31 PR + 6 SD + 1 PD).
        var evaluable = BestResponses.Where(b => b.ConfirmedBor is not (null or OverallResponse.NotEvaluable)).Select(b => b.Subject).ToHashSet(StringComparer.Ordinal);
        _values["orr_evaluable"] = BestResponses.Count(b => b.IsConfirmedResponse && evaluable.Contains(b.Subject));
        _values["orr_evaluable/of"] = evaluable.Count;
        _values["target_lesion_decrease"] = subjects.Count(s => s.Scans.Any(x => x.IsTargetSumBelowBaseline));
        _values["progressed"] = BestResponses.Count(b => b.CutDate is not null);

        var responder = BestResponses.ToDictionary(b => b.Subject, b => b.IsConfirmedResponse, StringComparer.Ordinal);
        void Orr(string id, Func<double, bool> test)
        {
            var members = subjects.Where(s => s.Baseline.PdL1Cps is { } c && test(c)).ToList();
            _values[id] = members.Count(s => responder[s.SubjectId]);
            _values[id + "/of"] = members.Count;
        }

        Orr("orr_cps_ge10", c => c >= 10);
        Orr("orr_cps_lt10", c => c < 10);
        Orr("orr_cps_ge1", c => c >= 1);
        Orr("orr_cps_lt1", c => c < 1);
    }

    private void Curve(string id, IReadOnlyList<TimeToEventRecord> records, bool[]? members, string? landmark = null)
    {
        var (time, status) = Data(records, members);
        var curve = KaplanMeier.Fit(time, status);
        var median = curve.Median;
        _values[id] = PlanTargets.Months(median.Estimate);
        _values[id + "/lower"] = PlanTargets.Months(median.Lower);
        _values[id + "/upper"] = PlanTargets.Months(median.Upper);
        if (landmark is not null)
        {
            var at = curve.Landmark(PlanTargets.TwelveMonthsDays);
            _values[landmark] = at.Survival * 100;
            _values[landmark + "/lower"] = at.Lower * 100;
            _values[landmark + "/upper"] = at.Upper * 100;
        }
    }

    /// <summary>AVAL in days and the event flag of the records whose subject is a member (null: every record).</summary>
    private (double[] Time, int[] Status) Data(IReadOnlyList<TimeToEventRecord> records, bool[]? members)
    {
        var index = Plan.Subjects.Select((s, i) => (s.SubjectId, i)).ToDictionary(x => x.SubjectId, x => x.i, StringComparer.Ordinal);
        var kept = records.Where(r => members is null || members[index[r.SubjectId]]).ToList();
        return ([.. kept.Select(r => (double)r.AnalysisValueDays)], [.. kept.Select(r => r.IsEvent ? 1 : 0)]);
    }

    private double LogRankP(IReadOnlyList<TimeToEventRecord> records, bool[] group)
    {
        var (time, status) = Data(records, null);
        var index = Plan.Subjects.Select((s, i) => (s.SubjectId, i)).ToDictionary(x => x.SubjectId, x => x.i, StringComparer.Ordinal);
        var labels = records.Select(r => group[index[r.SubjectId]] ? "yes" : "no").ToList();
        return LogRankTest.Compute(time, status, labels).Test.PValue;
    }
}
