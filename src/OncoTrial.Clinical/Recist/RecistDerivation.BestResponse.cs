using System.Globalization;

namespace OncoTrial.Clinical.Recist;

public static partial class RecistDerivation
{
    /// <summary>
    /// Derives the unconfirmed and the confirmed best overall response of every subject, cut at the first PD
    /// (inclusive; always) and before the start of new anticancer therapy (when given).
    /// </summary>
    /// <remarks>
    /// <para>Preparation: one record per date (the worst, PD &gt; NON-CR/NON-PD &gt; SD &gt; PR &gt; CR &gt; NE &gt; ND, as the
    /// admiralonco template's <c>worst_resp()</c>; with a warning); records on or after the new-therapy start are
    /// left out; under <see cref="CrThenPrPolicy.StrictRecistTable3"/> a PR, SD or NON-CR/NON-PD after a CR becomes
    /// PD; ND becomes NE when <see cref="RecistOptions.NotDoneAsNotEvaluable"/>; records after the first PD are
    /// left out (admiralonco <c>filter_pd()</c>).</para>
    /// <para>Confirmed BOR (admiralonco <c>derive_param_confirmed_bor()</c>, docs/reference/recist-rules.md §2.3): a CR is confirmed
    /// when the records after it up to and including the first CR at least the confirmation interval later are all
    /// CR or NE with at most <c>MaxNotEvaluableBetween</c> NE; a PR when the records up to the first CR or PR at
    /// least the interval later are CR, PR, NE or SD (SD at most once, only with <c>AcceptSd</c>), with at most
    /// <c>MaxNotEvaluableBetween</c> NE and no PR after a CR. Then SD is a CR/PR/SD at or after reference +
    /// <c>SdMinDays</c>; NON-CR/NON-PD likewise; PD at any time; NE is an NE or an earlier CR/PR/SD/NON-CR/NON-PD;
    /// then ND; MISSING without records. The best category wins, ties to the earliest date.</para>
    /// <para>Unconfirmed BOR (admiralonco <c>derive_param_bor()</c>): CR and PR count at any time; SD and
    /// NON-CR/NON-PD only from reference + <c>SdMinDays</c>, earlier ones are NE.</para>
    /// </remarks>
    /// <param name="subjects">The subjects with their time-point responses; one entry per subject.</param>
    /// <param name="options">The options; <see cref="RecistOptions.Default"/> when null.</param>
    /// <returns>One result per subject, in input order.</returns>
    public static IReadOnlyList<BestOverallResponse> DeriveBestOverallResponse(IEnumerable<SubjectResponses> subjects, RecistOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        options ??= RecistOptions.Default;
        options.EnsureValid();
        var result = new List<BestOverallResponse>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in subjects)
        {
            if (!seen.Add(s.Subject))
            {
                throw new ArgumentException($"subject {s.Subject}: given more than once; give each subject's responses in one entry.", nameof(subjects));
            }

            var warnings = new List<string>();
            var (records, cutDate) = PrepareResponses(s, options, warnings);
            var (bor, borDate) = ComputeUnconfirmedBest(records, s.ReferenceDate, options);
            var (cbor, cborDate) = ComputeConfirmedBest(records, s.ReferenceDate, options);
            var confirmedDate = ComputeConfirmedResponseDate(records, options);
            DateOnly? firstResponse = records.Where(r => IsCrOrPr(r.Response)).Select(r => (DateOnly?)r.Date).FirstOrDefault();
            DateOnly? lastResponse = confirmedDate is { } c
                ? records.Where(r => r.Date >= c && IsCrOrPr(r.Response)).Max(r => r.Date)
                : null;
            result.Add(new BestOverallResponse(s.Subject, bor, borDate, cbor, cborDate, confirmedDate, firstResponse, lastResponse, cutDate, warnings, options));
        }

        return result;
    }

    /// <summary>Builds the BOR input from derived time points, with one reference date per subject.</summary>
    /// <exception cref="ArgumentException">A subject has no reference date.</exception>
    public static IReadOnlyList<SubjectResponses> ToSubjectResponses(IEnumerable<TimePointResponse> timePoints, IReadOnlyDictionary<string, DateOnly> referenceDates)
    {
        ArgumentNullException.ThrowIfNull(timePoints);
        ArgumentNullException.ThrowIfNull(referenceDates);
        var result = new List<SubjectResponses>();
        var missing = new List<string>();
        foreach (var g in timePoints.GroupBy(t => t.Subject, StringComparer.Ordinal))
        {
            if (!referenceDates.TryGetValue(g.Key, out var reference))
            {
                missing.Add($"subject {g.Key}: no reference date (day 0); give the first-dose or randomisation date.");
                continue;
            }

            result.Add(new SubjectResponses(g.Key, reference, g.Select(t => new DatedResponse(t.Date, t.Overall)).ToList()));
        }

        return missing.Count > 0 ? throw new ArgumentException(string.Join(Environment.NewLine, missing), nameof(referenceDates)) : result;
    }

    /// <summary>The cuts and recodings before BOR; returns the records in date order and the first-PD cut date.</summary>
    internal static (List<DatedResponse> Records, DateOnly? CutDate) PrepareResponses(SubjectResponses subject, RecistOptions options, List<string> warnings)
    {
        var records = new List<DatedResponse>();
        foreach (var g in subject.Responses.GroupBy(r => r.Date).OrderBy(g => g.Key))
        {
            var worst = g.MaxBy(r => WorstRank(r.Response));
            if (g.Count() > 1)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{g.Key:yyyy-MM-dd}: {g.Count()} responses on one date; the worst ({worst.Response.ToCode()}) is kept."));
            }

            records.Add(worst);
        }

        if (subject.NewAnticancerTherapyStart is { } nact)
        {
            records.RemoveAll(r => r.Date >= nact);
        }

        var seenCr = false;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (seenCr && r.Response is OverallResponse.PartialResponse or OverallResponse.StableDisease or OverallResponse.NonCRNonPD)
            {
                if (options.CrThenPr == CrThenPrPolicy.StrictRecistTable3)
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{r.Date:yyyy-MM-dd}: {r.Response.ToCode()} after a CR recoded PD (strict RECIST Table 3)."));
                    records[i] = r with { Response = OverallResponse.ProgressiveDisease };
                }
                else
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{r.Date:yyyy-MM-dd}: {r.Response.ToCode()} after a CR; a data issue (admiralonco signal_crpr), derived as recorded."));
                }
            }

            if (r.Response == OverallResponse.NotDone)
            {
                if (options.NotDoneAsNotEvaluable)
                {
                    records[i] = r with { Response = OverallResponse.NotEvaluable };
                }
                else
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{r.Date:yyyy-MM-dd}: ND (not done) record; it breaks a confirmation window (NotDoneAsNotEvaluable maps it to NE)."));
                }
            }

            seenCr |= r.Response == OverallResponse.CompleteResponse;
        }

        DateOnly? cut = records.Where(r => r.Response == OverallResponse.ProgressiveDisease).Select(r => (DateOnly?)r.Date).FirstOrDefault();
        if (subject.ProgressionDate is { } pd && (cut is null || pd < cut))
        {
            cut = pd;
        }

        if (cut is { } c)
        {
            records.RemoveAll(r => r.Date > c);
        }

        return (records, cut);
    }

    private static int WorstRank(OverallResponse r) => r switch
    {
        OverallResponse.ProgressiveDisease => 6,
        OverallResponse.NonCRNonPD => 5,
        OverallResponse.StableDisease => 4,
        OverallResponse.PartialResponse => 3,
        OverallResponse.CompleteResponse => 2,
        OverallResponse.NotEvaluable => 1,
        _ => 0,
    };

    private static bool IsCrOrPr(OverallResponse r) => r is OverallResponse.CompleteResponse or OverallResponse.PartialResponse;

    /// <summary>Best-response rank: CR 0, PR 1, SD 2, NON-CR/NON-PD 3, PD 4, NE 5, ND 6.</summary>
    private static int BestRank(OverallResponse r) => r switch
    {
        OverallResponse.CompleteResponse => 0,
        OverallResponse.PartialResponse => 1,
        OverallResponse.StableDisease => 2,
        OverallResponse.NonCRNonPD => 3,
        OverallResponse.ProgressiveDisease => 4,
        OverallResponse.NotEvaluable => 5,
        _ => 6,
    };

    /// <summary>admiralonco <c>derive_param_bor()</c> on records already cut, in date order.</summary>
    internal static (OverallResponse? Best, DateOnly? Date) ComputeUnconfirmedBest(IReadOnlyList<DatedResponse> records, DateOnly reference, RecistOptions options)
    {
        var window = reference.AddDays(options.SdMinDays);
        return SelectBest(records.Select(r => (r.Response switch
        {
            OverallResponse.StableDisease or OverallResponse.NonCRNonPD when r.Date < window => OverallResponse.NotEvaluable,
            _ => r.Response,
        }, r.Date)), options);
    }

    /// <summary>admiralonco <c>derive_param_confirmed_bor()</c> on records already cut, in date order.</summary>
    internal static (OverallResponse? Best, DateOnly? Date) ComputeConfirmedBest(IReadOnlyList<DatedResponse> records, DateOnly reference, RecistOptions options)
    {
        var window = reference.AddDays(options.SdMinDays);
        var candidates = new List<(OverallResponse, DateOnly)>();
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            switch (r.Response)
            {
                case OverallResponse.CompleteResponse when IsConfirmed(records, i, options):
                    candidates.Add((OverallResponse.CompleteResponse, r.Date));
                    break;
                case OverallResponse.PartialResponse when IsConfirmed(records, i, options):
                    candidates.Add((OverallResponse.PartialResponse, r.Date));
                    break;
                case OverallResponse.CompleteResponse or OverallResponse.PartialResponse or OverallResponse.StableDisease:
                    candidates.Add((r.Date >= window ? OverallResponse.StableDisease : OverallResponse.NotEvaluable, r.Date));
                    break;
                case OverallResponse.NonCRNonPD:
                    candidates.Add((r.Date >= window ? OverallResponse.NonCRNonPD : OverallResponse.NotEvaluable, r.Date));
                    break;
                default:
                    candidates.Add((r.Response, r.Date));
                    break;
            }

            // A confirmed CR/PR also qualifies as SD (or NE before the window); only the best is kept, so adding it changes nothing.
        }

        return SelectBest(candidates, options);
    }

    /// <summary>admiralonco <c>derive_param_confirmed_resp()</c>: the date of the earliest confirmed CR or PR, or null.</summary>
    internal static DateOnly? ComputeConfirmedResponseDate(IReadOnlyList<DatedResponse> records, RecistOptions options)
    {
        for (var i = 0; i < records.Count; i++)
        {
            if (IsCrOrPr(records[i].Response) && IsConfirmed(records, i, options))
            {
                return records[i].Date;
            }
        }

        return null;
    }

    /// <summary>Whether the CR or PR at <paramref name="index"/> is confirmed (docs/reference/recist-rules.md §2.3, steps 1 and 2).</summary>
    internal static bool IsConfirmed(IReadOnlyList<DatedResponse> records, int index, RecistOptions options)
    {
        var candidate = records[index];
        var isCr = candidate.Response == OverallResponse.CompleteResponse;
        var minDate = candidate.Date.AddDays(options.EffectiveConfirmationDays);
        var end = -1;
        for (var j = index + 1; j < records.Count; j++)
        {
            var r = records[j];
            var confirms = isCr ? r.Response == OverallResponse.CompleteResponse : IsCrOrPr(r.Response);
            if (confirms && r.Date >= minDate)
            {
                end = j;
                break;
            }
        }

        if (end < 0)
        {
            return false;
        }

        int ne = 0, sd = 0;
        DateOnly? firstCr = null, lastPr = null;
        for (var j = index + 1; j <= end; j++)
        {
            var r = records[j].Response;
            switch (r)
            {
                case OverallResponse.NotEvaluable:
                    ne++;
                    break;
                case OverallResponse.CompleteResponse:
                    firstCr ??= records[j].Date;
                    break;
                case OverallResponse.PartialResponse when !isCr:
                    lastPr = records[j].Date;
                    break;
                case OverallResponse.StableDisease when !isCr:
                    sd++;
                    break;
                default:
                    return false;
            }
        }

        if (ne > options.MaxNotEvaluableBetween)
        {
            return false;
        }

        if (isCr)
        {
            return true;
        }

        return sd <= (options.AcceptSd ? 1 : 0) && (firstCr is null || lastPr is null || firstCr > lastPr);
    }

    private static (OverallResponse? Best, DateOnly? Date) SelectBest(IEnumerable<(OverallResponse Response, DateOnly Date)> candidates, RecistOptions options)
    {
        (OverallResponse Response, DateOnly Date)? best = null;
        foreach (var c in candidates)
        {
            if (best is null || BestRank(c.Response) < BestRank(best.Value.Response)
                || (BestRank(c.Response) == BestRank(best.Value.Response) && c.Date < best.Value.Date))
            {
                best = c;
            }
        }

        return best is { } b ? (b.Response, b.Date)
            : options.MissingAsNotEvaluable ? (OverallResponse.NotEvaluable, null)
            : (null, null);
    }
}
