using System.Globalization;
using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>One bar of the waterfall plot: a subject's best percent change of the target-lesion sum from baseline.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Arm">The subject's column (arm).</param>
/// <param name="PercentChange">ADTR PCHG of the ANL02FL record: the smallest over the complete post-baseline sums.</param>
/// <param name="Date">ADT of that record.</param>
/// <param name="Day">ADY of that record, or null.</param>
/// <param name="BestResponse">Confirmed (or unconfirmed) BOR, the bar's colour.</param>
/// <param name="ProgressedByNewLesion">Whether the first PD time point has a new lesion (the paper's asterisk); null when responses came from RS.</param>
/// <param name="Cps">PD-L1 CPS, or null when unknown.</param>
public sealed record WaterfallBar(string Subject, string Arm, double PercentChange, DateOnly? Date, int? Day, string BestResponse, bool? ProgressedByNewLesion, double? Cps);

/// <summary>One point of the spider plot: the percent change of the target-lesion sum from baseline at an assessment (0 at baseline).</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Date">ADT.</param>
/// <param name="Day">ADY, or null.</param>
/// <param name="PercentChange">ADTR PCHG (0 at the baseline record).</param>
public sealed record SpiderPoint(string Subject, DateOnly? Date, int? Day, double PercentChange);

/// <summary>The progression of a subject who progressed (ADRS PD = Y) and its sites at the first PD time point.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Date">ADT of ADRS PD: the first PD.</param>
/// <param name="Day">ADY of that record.</param>
/// <param name="Sites">The organs progressing at that time point (RECIST time point's progressing sites, all lymph nodes one organ); null when the responses came from RS (no lesions).</param>
/// <param name="HasNewLesion">Whether a new lesion was seen at that time point; null without lesions.</param>
/// <param name="Pattern">Oligo (1 to the options' maximum sites) or systemic; null when the sites are unknown.</param>
public sealed record Progression(string Subject, DateOnly? Date, int? Day, IReadOnlyList<string>? Sites, bool? HasNewLesion, ProgressionPattern? Pattern)
{
    /// <summary>The number of progression sites, or null when unknown.</summary>
    public int? SiteCount => Sites?.Count;
}

/// <summary>A stretch of treatment in one phase (the bar of a swimmer lane).</summary>
/// <param name="Phase">ADEX PARCAT2 (INITIAL THERAPY, MAINTENANCE THERAPY), or TREATMENT when the study has no phases (ADSL TRTSDT to TRTEDT).</param>
/// <param name="Start">First dose of any drug in the phase.</param>
/// <param name="End">Last dose of any drug in the phase.</param>
/// <param name="StartDay">Study day of the start (day 1 = first dose).</param>
/// <param name="EndDay">Study day of the end.</param>
public sealed record TreatmentSpan(string Phase, DateOnly Start, DateOnly End, int StartDay, int EndDay);

/// <summary>A dated response on a swimmer lane.</summary>
/// <param name="Date">ADT.</param>
/// <param name="Day">ADY, or null.</param>
/// <param name="Response">AVALC.</param>
public sealed record ResponseMark(DateOnly Date, int? Day, string Response);

/// <summary>One lane of the swimmer plot.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Arm">The subject's column (arm).</param>
/// <param name="BestResponse">Confirmed (or unconfirmed) BOR.</param>
/// <param name="Treatment">Treatment per phase, in time order.</param>
/// <param name="Responses">The time-point responses (ADRS OVR, ANL01FL).</param>
/// <param name="FirstResponse">The first (confirmed) response: ADRS CRSP (RSP) = Y; null for a non-responder.</param>
/// <param name="Progression">ADRS PD = Y: the first PD; null without one.</param>
/// <param name="DeathDate">ADSL DTHDT, or null.</param>
/// <param name="DeathDay">Study day of the death, or null.</param>
/// <param name="IsOngoing">Treatment ongoing at the cutoff (DispositionSummary: ongoing in maintenance or initial therapy; without treatment phases, no end-of-study record): an arrow.</param>
public sealed record SwimmerLane(
    string Subject,
    string Arm,
    string BestResponse,
    IReadOnlyList<TreatmentSpan> Treatment,
    IReadOnlyList<ResponseMark> Responses,
    ResponseMark? FirstResponse,
    ResponseMark? Progression,
    DateOnly? DeathDate,
    int? DeathDay,
    bool IsOngoing)
{
    /// <summary>The last study day of treatment (0 without treatment).</summary>
    public int LastTreatmentDay => Treatment.Count == 0 ? 0 : Treatment.Max(t => t.EndDay);
}

/// <summary>
/// The response details of the paper's Results and Fig. 3: target-lesion decrease, SD with shrinkage, durable responses,
/// progressions with their sites (oligo vs systemic), and the waterfall, swimmer and spider data. Computed from ADTR,
/// ADRS, ADTTE DOR, ADEX and ADSL, and for the progression sites from the RECIST time points the ADRS was derived from.
/// </summary>
/// <param name="Options">The options.</param>
/// <param name="Population">The analysis set and its columns.</param>
/// <param name="Waterfall">One bar per subject with a complete post-baseline target sum, largest change first.</param>
/// <param name="WithoutPostBaselineScan">Subjects of the set without a complete post-baseline target sum (no ADTR ANL01FL post-baseline record): no bar.</param>
/// <param name="TargetLesionDecrease">Per column: best percent change &lt; 0, over N.</param>
/// <param name="StableDiseaseWithShrinkage">Per column: BOR SD with best percent change &lt; 0, over the SD subjects.</param>
/// <param name="DurableResponses">Per column: BOR CR or PR with ADTTE DOR AVAL &gt; the durable months (event or censored), over the responders.</param>
/// <param name="Progressed">Per column: ADRS PD = Y, over N.</param>
/// <param name="Progressions">Each subject who progressed, with the sites at the first PD.</param>
/// <param name="Oligoprogression">Per column: 1 to the options' maximum progression sites, over those who progressed.</param>
/// <param name="SystemicProgression">Per column: more sites, over those who progressed.</param>
/// <param name="ProgressionSitesUnknown">Per column: sites not known (responses from RS, or no site named), over those who progressed.</param>
/// <param name="Swimmer">One lane per subject of the set, longest treatment first.</param>
/// <param name="Spider">The percent change at every complete assessment, baseline (0) included, per subject and day.</param>
/// <param name="Problems">Notes and warnings.</param>
public sealed record ResponseDetails(
    TrialResultsOptions Options,
    AnalysisPopulation Population,
    IReadOnlyList<WaterfallBar> Waterfall,
    IReadOnlyList<string> WithoutPostBaselineScan,
    IReadOnlyList<Frequency> TargetLesionDecrease,
    IReadOnlyList<Frequency> StableDiseaseWithShrinkage,
    IReadOnlyList<Frequency> DurableResponses,
    IReadOnlyList<Frequency> Progressed,
    IReadOnlyList<Progression> Progressions,
    IReadOnlyList<Frequency> Oligoprogression,
    IReadOnlyList<Frequency> SystemicProgression,
    IReadOnlyList<Frequency> ProgressionSitesUnknown,
    IReadOnlyList<SwimmerLane> Swimmer,
    IReadOnlyList<SpiderPoint> Spider,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The footnote of the details, from the result.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Population.Describe()}. Best percent change: the smallest ADTR PCHG over complete post-baseline target sums. Durable response: duration of response > {Options.DurableResponseMonths.ToString("0.###", CultureInfo.InvariantCulture)} months (event or censored). "
        + $"Progression sites: organs (all lymph nodes one) with a new lesion, unequivocal non-target progression or, when the target sum made the PD, a target lesion larger than at the nadir, at the first PD; oligo-progression 1-{Options.OligoprogressionMaxSites} sites, systemic more.");

    internal static ResponseDetails Compute(AnalysisInputs inputs)
    {
        var options = inputs.Options;
        var population = inputs.Efficacy;
        var problems = new List<Problem>();
        var armOf = population.Arms.SelectMany(a => a.Subjects.Select(id => (id, a.Name))).ToDictionary(x => x.id, x => x.Name, StringComparer.Ordinal);
        var bor = population.Subjects.ToDictionary(id => id, inputs.BestResponse, StringComparer.Ordinal);

        // Waterfall and spider from ADTR.
        var best = new Dictionary<string, AdtrRecord>(StringComparer.Ordinal);
        var spider = new List<SpiderPoint>();
        foreach (string id in population.Subjects)
        {
            var records = inputs.Adtr[id].ToList();
            if (records.FirstOrDefault(r => r.IsBest && !r.IsBaseline && r.PercentChange is not null) is { } b)
            {
                best[id] = b;
            }

            spider.AddRange(records.Where(r => r.IsAnalysis && (r.IsBaseline || r.PercentChange is not null))
                .OrderBy(r => r.Date).Select(r => new SpiderPoint(id, r.Date, r.Day, r.IsBaseline ? 0 : r.PercentChange!.Value)));
        }

        var timePoints = inputs.TimePoints?.ToLookup(t => t.Subject, StringComparer.Ordinal);
        TimePointResponse? FirstPd(string id)
        {
            if (timePoints is null || inputs.Parameter(id, "PD") is not { Value: "Y", Date: { } date })
            {
                return null;
            }

            return timePoints[id].FirstOrDefault(t => t.Date == date && t.Overall == OverallResponse.ProgressiveDisease);
        }

        var waterfall = best
            .Select(x => new WaterfallBar(
                x.Key, armOf.GetValueOrDefault(x.Key, string.Empty), x.Value.PercentChange!.Value, x.Value.Date, x.Value.Day, bor[x.Key],
                timePoints is null ? null : FirstPd(x.Key)?.HasNewLesion ?? false, inputs.Characteristics.GetValueOrDefault(x.Key)?.Cps))
            .OrderByDescending(b => b.PercentChange).ThenBy(b => b.Subject, StringComparer.Ordinal)
            .ToList();
        var without = population.Subjects.Where(id => !best.ContainsKey(id)).ToList();
        if (!inputs.HasAdtr)
        {
            problems.Add(new Problem(
                "ADTR", null, null, null, "ANALYSIS_NO_ADTR", "ADTR (target-lesion sums from TU/TR)", "no ADTR: the responses came from RS",
                "None needed: the waterfall, spider plot, target-lesion decrease and SD with shrinkage are empty.", ProblemSeverity.Note));
        }

        bool Decreased(string id) => best.TryGetValue(id, out var b) && b.PercentChange < 0;
        var responders = population.Subjects.Where(id => bor[id] is "CR" or "PR").ToHashSet(StringComparer.Ordinal);
        var stable = population.Subjects.Where(id => bor[id] == "SD").ToHashSet(StringComparer.Ordinal);
        double durableDays = options.ToDays(options.DurableResponseMonths);
        var dor = inputs.Adtte["DOR"].GroupBy(r => r.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var respondersWithoutDor = responders.Where(id => !dor.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        if (respondersWithoutDor.Count > 0)
        {
            problems.Add(new Problem(
                "ADTTE", null, null, "PARAMCD", "ANALYSIS_NO_DURATION_OF_RESPONSE", "an ADTTE DOR record for every responder", "none for " + string.Join(", ", respondersWithoutDor),
                "They count as responders without a durable response; check that ADTTE DOR uses the same response basis.", ProblemSeverity.Warning));
        }

        // Progressions and their sites.
        var progressed = population.Subjects.Where(id => inputs.Parameter(id, "PD")?.Value == "Y").ToHashSet(StringComparer.Ordinal);
        var progressions = progressed.Order(StringComparer.Ordinal).Select(id =>
        {
            var pd = inputs.Parameter(id, "PD")!;
            var tp = FirstPd(id);
            IReadOnlyList<string>? sites = tp?.ProgressingSites;
            ProgressionPattern? pattern = sites is { Count: > 0 } s ? (s.Count <= options.OligoprogressionMaxSites ? ProgressionPattern.Oligoprogression : ProgressionPattern.Systemic) : null;
            return new Progression(id, pd.Date, pd.Day, sites, tp?.HasNewLesion, pattern);
        }).ToList();
        if (timePoints is null && progressed.Count > 0)
        {
            problems.Add(new Problem(
                "ADRS", null, null, null, "ANALYSIS_PROGRESSION_SITES_UNKNOWN", "lesion measurements (TU/TR) to name the progression sites", "responses from RS",
                "None needed: the progression sites are unknown; oligo and systemic progression are not counted.", ProblemSeverity.Note));
        }

        var pattern = progressions.ToDictionary(p => p.Subject, p => p.Pattern, StringComparer.Ordinal);
        return new ResponseDetails(
            options,
            population,
            waterfall,
            without,
            population.Count(Decreased),
            population.Count(Decreased, stable),
            population.Count(id => dor.TryGetValue(id, out var r) && r.Days > durableDays, responders),
            population.Count(progressed.Contains),
            progressions,
            population.Count(id => pattern.GetValueOrDefault(id) == ProgressionPattern.Oligoprogression, progressed),
            population.Count(id => pattern.GetValueOrDefault(id) == ProgressionPattern.Systemic, progressed),
            population.Count(id => pattern.GetValueOrDefault(id) is null, progressed),
            Lanes(inputs, armOf, bor),
            spider,
            problems.AsReadOnly());
    }

    private static List<SwimmerLane> Lanes(AnalysisInputs inputs, Dictionary<string, string> armOf, Dictionary<string, string> bor)
    {
        var disposition = inputs.Analysis.Safety.Disposition;
        var ongoing = (disposition.HasTreatmentPhases
            ? disposition.OngoingAtCutoff.Subjects.Concat(disposition.InitialOngoing.Subjects)
            : disposition.StudyOngoing.Subjects).ToHashSet(StringComparer.Ordinal);
        string responseParam = inputs.Options.ResponseBasis == ResponseBasis.Confirmed ? "CRSP" : "RSP";
        var lanes = new List<SwimmerLane>();
        foreach (string id in inputs.Efficacy.Subjects)
        {
            var adsl = inputs.Adsl.GetValueOrDefault(id);
            DateOnly? start = adsl?.FirstDose;
            int Day(DateOnly d) => start is { } s ? StudyDays.Compute(d, s) : 0;
            var spans = new List<TreatmentSpan>();
            var phases = inputs.Adex[id].Where(x => x.Phase != Exposure.AdexWriter.OverallPhase && x.Start is not null && x.End is not null).GroupBy(x => x.Phase, StringComparer.Ordinal);
            foreach (var phase in phases)
            {
                var first = phase.Min(x => x.Start!.Value);
                var last = phase.Max(x => x.End!.Value);
                spans.Add(new TreatmentSpan(phase.Key, first, last, Day(first), Day(last)));
            }

            if (spans.Count == 0 && adsl is { FirstDose: { } f, LastDose: { } l })
            {
                spans.Add(new TreatmentSpan("TREATMENT", f, l, Day(f), Day(l)));
            }

            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            var responses = inputs.Ovr(id).Where(o => o.IsAnalysis).Select(o => new ResponseMark(o.Date, o.Day, o.Response)).ToList();
            ResponseMark? Mark(string param) => inputs.Parameter(id, param) is { Value: "Y", Date: { } d } p ? new ResponseMark(d, p.Day, param) : null;
            var death = adsl?.DeathDate;
            lanes.Add(new SwimmerLane(
                id, armOf.GetValueOrDefault(id, string.Empty), bor[id], spans, responses, Mark(responseParam), Mark("PD"), death, death is { } dd && start is not null ? Day(dd) : null, ongoing.Contains(id)));
        }

        return [.. lanes.OrderByDescending(l => l.LastTreatmentDay).ThenBy(l => l.Subject, StringComparer.Ordinal)];
    }
}
