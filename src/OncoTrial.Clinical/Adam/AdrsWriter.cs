using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Recist;
using static OncoTrial.Clinical.Adam.AdamColumns;

namespace OncoTrial.Clinical.Adam;

/// <summary>
/// The ADaM BDS dataset ADRS with admiralonco's parameter codes: OVR (one record per assessment), and one record per
/// subject of BOR, CBOR, RSP, CRSP, PD, CB, CCB, BCP, CBCP, LSTA, DEATH and MDIS. XPT-safe: names ≤ 8 characters,
/// labels ≤ 40; flags are "Y" or null.
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

                result.Add(new AdrsOverallRecord(a.Subject, i + 1, a.Date, StudyDays.Compute(a.Date, reference), a.Response, a.Visit, analysis, upToPd) { DateFlag = a.DateFlag });
            }
        }

        return missing.Count > 0 ? throw new ArgumentException(string.Join(Environment.NewLine, missing), nameof(referenceDates)) : result;
    }

    /// <summary>
    /// The ADRS dataset: per subject (USUBJID order) the OVR records, then BOR, CBOR, RSP, CRSP, PD, CB, CCB, BCP, CBCP,
    /// LSTA, DEATH and MDIS (admiralonco's ADRS template parameters; docs/methods/adam.md has each definition). Columns
    /// STUDYID, USUBJID, ASEQ, PARAMCD, PARAM, AVALC, AVAL, ADT, ADTF, ADY, AVISIT, ANL01FL, ANL02FL.
    /// </summary>
    /// <remarks>
    /// <para>AVAL codes responses as admiralonco's <c>aval_resp()</c> (CR 1, PR 2, SD 3, NON-CR/NON-PD 4, PD 5, NE 6,
    /// MISSING 7; ND has no code) and the Y/N parameters as Y 1, N 0 (<c>yn_to_numeric()</c>). "ovr" below is the OVR
    /// records with ANL01FL and ANL02FL (up to the first PD, before new therapy), as the template's <c>ovr</c>; the SD
    /// minimum is the results' <see cref="RecistOptions.SdMinDays"/> (42) from day 1.</para>
    /// <para>BOR and CBOR: AVALC the (confirmed) best response or MISSING, ADT the date it is attributed to. RSP: "Y" when
    /// BOR is CR or PR, ADT the first CR/PR date. CRSP: "Y" for a confirmed response, ADT the date of the response that was
    /// confirmed. PD: "Y" with the date of the first PD among the ANL01FL records. CB: "Y" when ovr has a CR or PR, or a
    /// CR, PR, SD or NON-CR/NON-PD at least the SD minimum after day 1; ADT the earliest such date. CCB: "Y" for a
    /// confirmed response or the CB condition without unconfirmed early CR/PR; ADT the earliest. BCP and CBCP: "Y" when
    /// BOR (CBOR) is CR or PR, ADT the BOR (CBOR) date. LSTA: the last ANL01FL OVR record's response and date (AVALC
    /// missing without one). DEATH: "Y" with the death date (PARCAT1 "Reference Event" in admiralonco). MDIS: "Y" when
    /// the subject has a target lesion at baseline (written only when <see cref="AdrsSubject.HasMeasurableDisease"/> is
    /// known). An "N" has no ADT.</para>
    /// <para>ADTF is the OVR record's date imputation flag ("D" day, "M" month imputed), on the subject-level records
    /// the flag of the OVR record whose date they carry. The subject-level records carry ANL01FL = "Y" (as the
    /// admiralonco template) and no ANL02FL or AVISIT.</para>
    /// </remarks>
    /// <param name="studyId">STUDYID.</param>
    /// <param name="overall">OVR records from <see cref="PrepareOverallResponses"/>.</param>
    /// <param name="results">Best overall responses, one per subject, from <see cref="RecistDerivation.DeriveBestOverallResponse"/>.</param>
    /// <param name="subjects">Day 1 per subject (for ADY and the SD minimum), death date and measurable disease.</param>
    /// <param name="evaluator">Who assessed the time points, for PARAM, e.g. "Investigator".</param>
    public static Dataset ToDataset(
        string studyId,
        IEnumerable<AdrsOverallRecord> overall,
        IEnumerable<BestOverallResponse> results,
        IEnumerable<AdrsSubject> subjects,
        string evaluator = "Investigator")
    {
        ArgumentNullException.ThrowIfNull(overall);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(subjects);
        var rows = new List<Row>();
        var ovrBySubject = overall.GroupBy(o => o.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Sequence).ToList(), StringComparer.Ordinal);
        var bestBySubject = results.ToDictionary(r => r.Subject, StringComparer.Ordinal);
        var subjectBy = subjects.ToDictionary(s => s.Subject, StringComparer.Ordinal);
        foreach (string subject in ovrBySubject.Keys.Union(bestBySubject.Keys).Order(StringComparer.Ordinal))
        {
            int seq = 0;
            var ovr = ovrBySubject.GetValueOrDefault(subject) ?? [];
            foreach (var o in ovr)
            {
                string avalc = o.Response.ToCode();
                rows.Add(new Row(subject, o.Sequence, "OVR", $"Overall Response by {evaluator}", avalc, ResponseCoding.ToAval(avalc), o.Date, o.DateFlag, o.StudyDay, o.Visit, o.IsAnalysisRecord, o.IsUpToFirstProgression));
                seq = Math.Max(seq, o.Sequence);
            }

            if (!bestBySubject.TryGetValue(subject, out var best))
            {
                continue;
            }

            var info = subjectBy.GetValueOrDefault(subject);
            DateOnly? reference = info?.ReferenceDate;
            var analysis = ovr.Where(o => o.IsAnalysisRecord).OrderBy(o => o.Date).ThenBy(o => o.Sequence).ToList();
            var flags = analysis.GroupBy(o => o.Date).ToDictionary(g => g.Key, g => g.Aggregate((DateImputationLevel?)null, (f, o) => DateImputationLevels.Max(f, o.DateFlag)));
            int? Day(DateOnly? d) => d is { } x && reference is { } rf ? StudyDays.Compute(x, rf) : null;
            void Add(string code, string param, string? avalc, double? aval, DateOnly? date) =>
                rows.Add(new Row(subject, ++seq, code, param, avalc, aval, date, date is { } d ? flags.GetValueOrDefault(d) : null, Day(date), null, true, false));
            void AddFlag(string code, string param, DateOnly? yesDate, bool yes) =>
                Add(code, param, yes ? "Y" : "N", ResponseCoding.YesNoToAval(yes), yes ? yesDate : null);

            string bor = ResponseCoding.ToAvalc(best.Bor);
            string cbor = ResponseCoding.ToAvalc(best.ConfirmedBor);
            bool rsp = best.Bor is OverallResponse.CompleteResponse or OverallResponse.PartialResponse;
            bool cbcp = best.ConfirmedBor is OverallResponse.CompleteResponse or OverallResponse.PartialResponse;
            Add("BOR", $"Best Overall Response by {evaluator}", bor, ResponseCoding.ToAval(bor), best.BorDate);
            Add("CBOR", $"Best Confirmed Overall Response by {evaluator}", cbor, ResponseCoding.ToAval(cbor), best.ConfirmedBorDate);
            AddFlag("RSP", $"Response (CR or PR) by {evaluator}", best.FirstResponseDate, rsp);
            AddFlag("CRSP", $"Confirmed Response (CR or PR) by {evaluator}", best.ConfirmedResponseDate, best.IsConfirmedResponse);

            var pd = analysis.FirstOrDefault(o => o.Response == OverallResponse.ProgressiveDisease);
            AddFlag("PD", $"Disease Progression by {evaluator}", pd?.Date, pd is not null);

            // admiralonco rsp_y (any CR/PR of ovr) and cb_y (CR, PR, SD or NON-CR/NON-PD at least the SD minimum after day 1).
            var ovrUpToPd = analysis.Where(o => o.IsUpToFirstProgression).ToList();
            DateOnly? sdFrom = reference?.AddDays(best.Options.SdMinDays);
            DateOnly? rspDate = ovrUpToPd.Where(o => IsCrOrPr(o.Response)).Select(o => (DateOnly?)o.Date).FirstOrDefault();
            DateOnly? cbDate = ovrUpToPd.Where(o => (IsCrOrPr(o.Response) || o.Response is OverallResponse.StableDisease or OverallResponse.NonCRNonPD) && sdFrom is { } f && o.Date >= f)
                .Select(o => (DateOnly?)o.Date).FirstOrDefault();
            DateOnly? cb = Earliest(rspDate, cbDate);
            AddFlag("CB", $"Clinical Benefit by {evaluator} (confirmation for response not required)", cb, cb is not null);
            DateOnly? ccb = Earliest(best.IsConfirmedResponse ? best.ConfirmedResponseDate : null, cbDate);
            AddFlag("CCB", $"Confirmed Clinical Benefit by {evaluator}", ccb, ccb is not null);
            AddFlag("BCP", $"Best Overall Response of CR/PR by {evaluator} (confirmation not required)", best.BorDate, rsp);
            AddFlag("CBCP", $"Best Confirmed Overall Response of CR/PR by {evaluator}", best.ConfirmedBorDate, cbcp);

            var last = analysis.LastOrDefault();
            string? lsta = last?.Response.ToCode();
            Add("LSTA", $"Last Disease Assessment by {evaluator}", lsta, ResponseCoding.ToAval(lsta), last?.Date);
            if (info is not null)
            {
                AddFlag("DEATH", "Death", info.DeathDate, info.DeathDate is not null);
                if (info.HasMeasurableDisease is { } mdis)
                {
                    AddFlag("MDIS", $"Measurable Disease at Baseline by {evaluator}", null, mdis);
                }
            }
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
            Text("ADTF", "Analysis Date Imputation Flag", [.. rows.Select(x => x.DateFlag?.ToCode())]),
            Integer("ADY", "Analysis Relative Day", [.. rows.Select(x => Number(x.Day))]),
            Text("AVISIT", "Analysis Visit", [.. rows.Select(x => x.Visit)]),
            Text("ANL01FL", "Analysis Flag 01", [.. rows.Select(x => Flag(x.Anl01))]),
            Text("ANL02FL", "Analysis Flag 02", [.. rows.Select(x => Flag(x.Anl02))]),
        ];
        return new Dataset(DatasetName, "Response Analysis Dataset", columns);
    }

    private static bool IsCrOrPr(OverallResponse response) => response is OverallResponse.CompleteResponse or OverallResponse.PartialResponse;

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is { } x && b is { } y ? (x <= y ? x : y) : a ?? b;

    private sealed record Row(string Subject, int Sequence, string ParamCode, string Param, string? Avalc, double? Aval, DateOnly? Date, DateImputationLevel? DateFlag, int? Day, string? Visit, bool Anl01, bool Anl02);
}

/// <summary>What ADRS needs about a treated subject besides its responses.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="ReferenceDate">Day 1 (first dose, TRTSDT): the origin of ADY and of the SD minimum of CB.</param>
/// <param name="DeathDate">Death date (ADSL DTHDT) on or before the data cutoff, or null: DEATH "Y" with this date, else "N".</param>
/// <param name="HasMeasurableDisease">A target lesion at baseline (MDIS "Y"/"N"); null when unknown (no TU): no MDIS record.</param>
public sealed record AdrsSubject(string Subject, DateOnly ReferenceDate, DateOnly? DeathDate = null, bool? HasMeasurableDisease = null);
