using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Recist;

/// <summary>
/// Confirmed or unconfirmed responses: which best response a rate counts, and which response date the duration of
/// response and the time to response start from (<c>Endpoints.EndpointOptions.ResponseBasis</c>).
/// </summary>
public enum ResponseBasis
{
    /// <summary>Confirmed (admiralonco CBOR / CRSP): the primary ORR of a single-arm trial, and the first CR/PR that was later confirmed. The default.</summary>
    Confirmed,

    /// <summary>Unconfirmed (admiralonco BOR / RSP): any CR/PR, confirmed or not.</summary>
    Unconfirmed,
}

/// <summary>ORR and DCR over one set of subjects.</summary>
/// <param name="N">Subjects in the set.</param>
/// <param name="Responders">Subjects with BOR CR or PR.</param>
/// <param name="DiseaseControlled">Subjects with BOR CR, PR, SD or NON-CR/NON-PD.</param>
/// <param name="ObjectiveResponseRate">Responders / N with its Clopper-Pearson interval; null when N = 0.</param>
/// <param name="DiseaseControlRate">DiseaseControlled / N with its Clopper-Pearson interval; null when N = 0.</param>
public sealed record ResponseRate(int N, int Responders, int DiseaseControlled, ProportionEstimate? ObjectiveResponseRate, ProportionEstimate? DiseaseControlRate);

/// <summary>ORR and DCR over the analysis set and over its evaluable subset.</summary>
/// <param name="Basis">Confirmed or unconfirmed BOR.</param>
/// <param name="AnalysisSet">Every subject of the denominator set (subjects without a result count as MISSING, non-responders).</param>
/// <param name="Evaluable">The subjects whose BOR is not NE, ND or MISSING.</param>
/// <param name="Counts">Subjects per BOR code (CR, PR, SD, NON-CR/NON-PD, PD, NE, ND, MISSING) in the analysis set.</param>
/// <param name="Options">The RECIST options of the BOR derivation.</param>
public sealed record ResponseRateSummary(ResponseBasis Basis, ResponseRate AnalysisSet, ResponseRate Evaluable, IReadOnlyDictionary<string, int> Counts, RecistOptions Options)
{
    /// <summary>The interval method of every rate (exact Clopper-Pearson).</summary>
    public BinomialCiMethod Method { get; init; } = BinomialCiMethod.ClopperPearson;

    /// <summary>The two-sided confidence level of every rate.</summary>
    public ConfidenceLevel ConfidenceLevel { get; init; } = ConfidenceLevel.Default;
}

/// <summary>A responder's duration of maintained response.</summary>
/// <param name="Subject">Subject identifier.</param>
/// <param name="FirstResponseDate">The first (confirmed) CR or PR date.</param>
/// <param name="LastResponseDate">The last CR or PR assessment before PD, new therapy or the end of data.</param>
/// <param name="DurationDays">LastResponseDate − FirstResponseDate, in days.</param>
/// <param name="IsDurable">True when the duration is more than 6 months of 30.4375 days (&gt; 182.625 days).</param>
public sealed record DurableResponse(string Subject, DateOnly FirstResponseDate, DateOnly LastResponseDate, int DurationDays, bool IsDurable);

/// <summary>One subject's best (smallest) percent change of the target sum from baseline: one bar of a waterfall plot.</summary>
public sealed record BestPercentChange(string Subject, DateOnly Date, double PercentChange);

/// <summary>One point of a spider plot: the percent change of the target sum from baseline at an assessment (0 at baseline).</summary>
public sealed record PercentChangePoint(string Subject, DateOnly Date, int Day, double PercentChange);

/// <summary>Summaries of RECIST results: ORR, DCR, waterfall, spider and durable response.</summary>
public static class ResponseSummaries
{
    /// <summary>Days in a month for durations in months (days / 30.4375, as admiral).</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>
    /// ORR (BOR CR or PR) and DCR (BOR CR, PR, SD or NON-CR/NON-PD) with exact Clopper-Pearson intervals
    /// (<see cref="BinomialInterval.Compute"/>; SAS PROC FREQ EXACT BINOMIAL, R <c>binom.test</c>).
    /// </summary>
    /// <param name="results">BOR results.</param>
    /// <param name="analysisSet">The denominator subjects (e.g. the efficacy set); all results when null.</param>
    /// <param name="basis">Confirmed (default) or unconfirmed BOR.</param>
    /// <param name="level">Confidence level; 95% when null.</param>
    public static ResponseRateSummary ComputeResponseRates(IEnumerable<BestOverallResponse> results, IEnumerable<string>? analysisSet = null, ResponseBasis basis = ResponseBasis.Confirmed, ConfidenceLevel? level = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var bySubject = results.ToDictionary(r => r.Subject, StringComparer.Ordinal);
        var subjects = analysisSet?.Distinct(StringComparer.Ordinal).ToList() ?? bySubject.Keys.ToList();
        var bors = subjects.Select(s => bySubject.TryGetValue(s, out var r) ? (basis == ResponseBasis.Confirmed ? r.ConfirmedBor : r.Bor) : null).ToList();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var b in bors)
        {
            var code = BestOverallResponse.Code(b);
            counts[code] = counts.GetValueOrDefault(code) + 1;
        }

        var evaluable = bors.Where(b => b is not (null or OverallResponse.NotEvaluable or OverallResponse.NotDone)).ToList();
        var options = bySubject.Values.FirstOrDefault()?.Options ?? RecistOptions.Default;
        return new ResponseRateSummary(basis, Rate(bors, level), Rate(evaluable, level), counts, options)
        {
            Method = BinomialCiMethod.ClopperPearson,
            ConfidenceLevel = level ?? ConfidenceLevel.Default,
        };
    }

    private static ResponseRate Rate(List<OverallResponse?> bors, ConfidenceLevel? level)
    {
        var responders = bors.Count(b => b is OverallResponse.CompleteResponse or OverallResponse.PartialResponse);
        var controlled = bors.Count(b => b is OverallResponse.CompleteResponse or OverallResponse.PartialResponse or OverallResponse.StableDisease or OverallResponse.NonCRNonPD);
        return bors.Count == 0
            ? new ResponseRate(0, 0, 0, null, null)
            : new ResponseRate(
                bors.Count,
                responders,
                controlled,
                BinomialInterval.Compute(responders, bors.Count, BinomialCiMethod.ClopperPearson, level),
                BinomialInterval.Compute(controlled, bors.Count, BinomialCiMethod.ClopperPearson, level));
    }

    /// <summary>
    /// Durable response for confirmed responders: from the first confirmed CR/PR date to the last CR or PR
    /// assessment after it (before PD or new therapy); durable when that is more than 6 months (&gt; 6 × 30.4375 days).
    /// </summary>
    public static IReadOnlyList<DurableResponse> DeriveDurableResponses(IEnumerable<BestOverallResponse> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results
            .Where(r => r.ConfirmedResponseDate is not null && r.LastResponseDate is not null)
            .Select(r =>
            {
                var days = r.LastResponseDate!.Value.DayNumber - r.ConfirmedResponseDate!.Value.DayNumber;
                return new DurableResponse(r.Subject, r.ConfirmedResponseDate.Value, r.LastResponseDate.Value, days, days / DaysPerMonth > 6);
            })
            .ToList();
    }

    /// <summary>
    /// Best (smallest) percent change of the target sum from baseline per subject, over time points with a complete
    /// sum up to and including the first PD (waterfall). Subjects without a complete post-baseline sum are left out.
    /// </summary>
    public static IReadOnlyList<BestPercentChange> DeriveBestPercentChanges(IEnumerable<TimePointResponse> timePoints)
    {
        ArgumentNullException.ThrowIfNull(timePoints);
        var result = new List<BestPercentChange>();
        foreach (var g in timePoints.GroupBy(t => t.Subject, StringComparer.Ordinal))
        {
            BestPercentChange? best = null;
            foreach (var t in g.OrderBy(t => t.Date))
            {
                if (t.IsSumComplete && t.PercentChangeFromBaseline is { } p && (best is null || p < best.PercentChange))
                {
                    best = new BestPercentChange(g.Key, t.Date, p);
                }

                if (t.Overall == OverallResponse.ProgressiveDisease)
                {
                    break;
                }
            }

            if (best is not null)
            {
                result.Add(best);
            }
        }

        return result;
    }

    /// <summary>Percent change of the target sum from baseline at baseline (0) and every complete time point (spider plot); day counted from the reference date (day 0).</summary>
    public static IReadOnlyList<PercentChangePoint> DerivePercentChangeOverTime(IEnumerable<TimePointResponse> timePoints, IReadOnlyDictionary<string, DateOnly> referenceDates)
    {
        ArgumentNullException.ThrowIfNull(timePoints);
        ArgumentNullException.ThrowIfNull(referenceDates);
        var result = new List<PercentChangePoint>();
        foreach (var g in timePoints.Where(t => t.BaselineSumMm is not null).GroupBy(t => t.Subject, StringComparer.Ordinal))
        {
            var reference = referenceDates.TryGetValue(g.Key, out var d) ? d : g.First().BaselineDate;
            var first = g.First();
            result.Add(new PercentChangePoint(g.Key, first.BaselineDate, first.BaselineDate.DayNumber - reference.DayNumber, 0));
            foreach (var t in g.Where(t => t.IsSumComplete).OrderBy(t => t.Date))
            {
                result.Add(new PercentChangePoint(g.Key, t.Date, t.Date.DayNumber - reference.DayNumber, t.PercentChangeFromBaseline!.Value));
            }
        }

        return result;
    }
}
