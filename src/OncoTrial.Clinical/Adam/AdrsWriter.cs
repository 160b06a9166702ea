using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Recist;
using static OncoTrial.Clinical.Adam.AdamColumns;

namespace OncoTrial.Clinical.Adam;

/// <summary>
/// The ADaM BDS dataset ADRS with admiralonco's parameter codes: OVR (one record per assessment), BOR, CBOR, RSP and CRSP
/// (one record per subject). XPT-safe: names ≤ 8 characters, labels ≤ 40; flags are "Y" or null.
/// </summary>
public static class AdrsWriter
{
    /// <summary>The dataset name, ADRS.</summary>
    public const string DatasetName = "ADRS";

    /// <summary>
    /// Numbers the OVR records and sets the analysis flags the admiralonco template sets before deriving responses.
    /// </summary>
    /// <remarks>
    /// Per subject, records are ordered by date (input order within a date) and numbered ASEQ = 1, 2, … .
    /// ANL01FL: among the records on or after the reference date and, when the subject started new anticancer therapy,
    /// before that date, one per date: the highest rank of <see cref="ResponseCoding.WorstRank"/> (PD &gt; NON-CR/NON-PD &gt;
    /// SD &gt; PR &gt; CR &gt; NE &gt; ND; the first on a tie). ANL02FL: the ANL01FL records up to and including the first PD
    /// (admiral <c>derive_var_relative_flag(mode = "first", selection = "before", inclusive = TRUE)</c>).
    /// </remarks>
    /// <param name="assessments">Time-point responses of any number of subjects.</param>
    /// <param name="referenceDates">Day 1 per subject (first dose); every assessed subject needs one.</param>
    /// <param name="newTherapyDates">Start of new anticancer therapy per subject, or null when none.</param>
    /// <exception cref="ArgumentException">A subject has no reference date.</exception>
    public static IReadOnlyList<AdrsOverallRecord> PrepareOverallResponses(
        IEnumerable<AdrsAssessment> assessments,
        IReadOnlyDictionary<string, DateOnly> referenceDates,
        IReadOnlyDictionary<string, DateOnly>? newTherapyDates = null)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(referenceDates);
        var result = new List<AdrsOverallRecord>();
        var missing = new List<string>();
        foreach (var subject in assessments.GroupBy(a => a.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!referenceDates.TryGetValue(subject.Key, out var reference))
            {
                missing.Add($"subject {subject.Key}: expected a reference date (first dose) for its response assessments, found none. Give the subject's RFXSTDTC.");
                continue;
            }

            DateOnly? nact = newTherapyDates is not null && newTherapyDates.TryGetValue(subject.Key, out var n) ? n : null;
            var ordered = subject.Select((a, i) => (a, i)).OrderBy(x => x.a.Date).ThenBy(x => x.i).Select(x => x.a).ToList();
            var kept = new HashSet<int>();
            foreach (var date in ordered.Select((a, i) => (a, i)).Where(x => x.a.Date >= reference && (nact is null || x.a.Date < nact)).GroupBy(x => x.a.Date))
            {
                kept.Add(date.OrderByDescending(x => ResponseCoding.WorstRank(x.a.Response)).ThenBy(x => x.i).First().i);
            }

            bool progressed = false;
            for (int i = 0; i < ordered.Count; i++)
            {
                var a = ordered[i];
                bool analysis = kept.Contains(i);
                bool upToPd = analysis && !progressed;
                if (analysis && a.Response == OverallResponse.ProgressiveDisease)
                {
                    progressed = true;
                }

                result.Add(new AdrsOverallRecord(a.Subject, i + 1, a.Date, StudyDays.Compute(a.Date, reference), a.Response, a.Visit, analysis, upToPd));
            }
        }

        return missing.Count > 0 ? throw new ArgumentException(string.Join(Environment.NewLine, missing), nameof(referenceDates)) : result;
    }

    /// <summary>
    /// The ADRS dataset: per subject (USUBJID order) the OVR records, then BOR, CBOR, RSP and CRSP. Columns STUDYID,
    /// USUBJID, ASEQ, PARAMCD, PARAM, AVALC, AVAL, ADT, ADY, AVISIT, ANL01FL, ANL02FL.
    /// </summary>
    /// <remarks>
    /// AVAL codes responses as admiralonco's <c>aval_resp()</c> (CR 1, PR 2, SD 3, NON-CR/NON-PD 4, PD 5, NE 6, MISSING 7;
    /// ND has no code) and RSP/CRSP as Y 1, N 0. BOR and CBOR: AVALC the (confirmed) best response or MISSING, ADT the
    /// date it is attributed to. RSP: "Y" when the unconfirmed BOR is CR or PR, ADT the first CR/PR date. CRSP: "Y" for a
    /// confirmed response, ADT the date of the response that was confirmed. The subject-level records carry ANL01FL = "Y"
    /// (as the admiralonco template) and no ANL02FL or AVISIT.
    /// </remarks>
    /// <param name="studyId">STUDYID.</param>
    /// <param name="overall">OVR records from <see cref="PrepareOverallResponses"/>.</param>
    /// <param name="results">Best overall responses, one per subject, from <see cref="RecistDerivation.DeriveBestOverallResponse"/>.</param>
    /// <param name="referenceDates">Day 1 per subject for ADY of the subject-level records.</param>
    /// <param name="evaluator">Who assessed the time points, for PARAM, e.g. "Investigator".</param>
    public static Dataset ToDataset(
        string studyId,
        IEnumerable<AdrsOverallRecord> overall,
        IEnumerable<BestOverallResponse> results,
        IReadOnlyDictionary<string, DateOnly> referenceDates,
        string evaluator = "Investigator")
    {
        ArgumentNullException.ThrowIfNull(overall);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(referenceDates);
        var rows = new List<Row>();
        var ovrBySubject = overall.GroupBy(o => o.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Sequence).ToList(), StringComparer.Ordinal);
        var bestBySubject = results.ToDictionary(r => r.Subject, StringComparer.Ordinal);
        foreach (string subject in ovrBySubject.Keys.Union(bestBySubject.Keys).Order(StringComparer.Ordinal))
        {
            int seq = 0;
            if (ovrBySubject.TryGetValue(subject, out var ovr))
            {
                foreach (var o in ovr)
                {
                    string avalc = o.Response.ToCode();
                    rows.Add(new Row(subject, o.Sequence, "OVR", $"Overall Response by {evaluator}", avalc, ResponseCoding.ToAval(avalc), o.Date, o.StudyDay, o.Visit, o.IsAnalysisRecord, o.IsUpToFirstProgression));
                    seq = Math.Max(seq, o.Sequence);
                }
            }

            if (!bestBySubject.TryGetValue(subject, out var best))
            {
                continue;
            }

            DateOnly? reference = referenceDates.TryGetValue(subject, out var r) ? r : null;
            int? Day(DateOnly? d) => d is { } x && reference is { } rf ? StudyDays.Compute(x, rf) : null;
            Row Subject(string code, string param, string avalc, double? aval, DateOnly? date) =>
                new(subject, ++seq, code, param, avalc, aval, date, Day(date), null, true, false);

            string bor = ResponseCoding.ToAvalc(best.Bor);
            string cbor = ResponseCoding.ToAvalc(best.ConfirmedBor);
            bool rsp = best.Bor is OverallResponse.CompleteResponse or OverallResponse.PartialResponse;
            bool crsp = best.IsConfirmedResponse;
            rows.Add(Subject("BOR", $"Best Overall Response by {evaluator}", bor, ResponseCoding.ToAval(bor), best.BorDate));
            rows.Add(Subject("CBOR", $"Best Confirmed Overall Response by {evaluator}", cbor, ResponseCoding.ToAval(cbor), best.ConfirmedBorDate));
            rows.Add(Subject("RSP", $"Response (CR or PR) by {evaluator}", rsp ? "Y" : "N", ResponseCoding.YesNoToAval(rsp), rsp ? best.FirstResponseDate : null));
            rows.Add(Subject("CRSP", $"Confirmed Response (CR or PR) by {evaluator}", crsp ? "Y" : "N", ResponseCoding.YesNoToAval(crsp), best.ConfirmedResponseDate));
        }

        int n = rows.Count;
        DatasetColumn[] columns =
        [
            Text("STUDYID", "Study Identifier", [.. Enumerable.Repeat(studyId, n)]),
            Text("USUBJID", "Unique Subject Identifier", [.. rows.Select(x => x.Subject)]),
            Integer("ASEQ", "Analysis Sequence Number", [.. rows.Select(x => (double)x.Sequence)]),
            Text("PARAMCD", "Parameter Code", [.. rows.Select(x => x.ParamCode)]),
            Text("PARAM", "Parameter", [.. rows.Select(x => x.Param)]),
            Text("AVALC", "Analysis Value (C)", [.. rows.Select(x => x.Avalc)]),
            Integer("AVAL", "Analysis Value", [.. rows.Select(x => Number(x.Aval))]),
            Date("ADT", "Analysis Date", [.. rows.Select(x => SasDate(x.Date))]),
            Integer("ADY", "Analysis Relative Day", [.. rows.Select(x => Number(x.Day))]),
            Text("AVISIT", "Analysis Visit", [.. rows.Select(x => x.Visit)]),
            Text("ANL01FL", "Analysis Flag 01", [.. rows.Select(x => Flag(x.Anl01))]),
            Text("ANL02FL", "Analysis Flag 02", [.. rows.Select(x => Flag(x.Anl02))]),
        ];
        return new Dataset(DatasetName, "Response Analysis Dataset", columns);
    }

    private sealed record Row(string Subject, int Sequence, string ParamCode, string Param, string Avalc, double? Aval, DateOnly? Date, int? Day, string? Visit, bool Anl01, bool Anl02);
}
