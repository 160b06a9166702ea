using System.Collections.ObjectModel;
using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Adam;

/// <summary>The dates of one treated subject that the endpoints need, read from a study folder.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="ReferenceDate">Day 1: first dose, DM RFXSTDTC (TRTSDT).</param>
/// <param name="DeathDate">DM DTHDTC, or null.</param>
/// <param name="LastKnownAliveDate">Latest complete date on or before the cutoff in DS, EX, RS, TR, TU, LB, VS and AE (see <see cref="StudyEndpointInputs.Read(StudyFolder, string, DateImputation)"/>), or null.</param>
/// <param name="NewAnticancerTherapyDate">Earliest CMSTDTC of a SUBSEQUENT ANTICANCER THERAPY record, or null.</param>
public sealed record StudySubject(string Subject, DateOnly ReferenceDate, DateOnly? DeathDate, DateOnly? LastKnownAliveDate, DateOnly? NewAnticancerTherapyDate);

/// <summary>What the ADaM derivations read from a study folder, and the problems met on the way.</summary>
/// <param name="StudyId">STUDYID (from DM).</param>
/// <param name="DataCutoffDate">TS DCUTDTC, or null when the study has none (all data are used; a note says so) or when it is not a complete date (an error says so).</param>
/// <param name="Subjects">Treated subjects (RFXSTDTC a complete date), in USUBJID order.</param>
/// <param name="Assessments">Time-point overall responses of the treated subjects from RS.</param>
/// <param name="Problems">Every problem found; errors block the derivation, warnings state an imputation or exclusion, notes a choice made for the user (no cutoff).</param>
public sealed record StudyInputs(
    string StudyId,
    DateOnly? DataCutoffDate,
    IReadOnlyList<StudySubject> Subjects,
    IReadOnlyList<AdrsAssessment> Assessments,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Whether any problem is an error.</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    /// <summary>
    /// The treated subjects with measurable disease at baseline: a TU record of the evaluator with TUSTRESC (else TUORRES)
    /// TARGET. Null when the study has no TU (measurable disease unknown).
    /// </summary>
    public IReadOnlySet<string>? MeasurableDiseaseSubjects { get; init; }

    /// <summary>Day 1 per subject.</summary>
    public IReadOnlyDictionary<string, DateOnly> ReferenceDates =>
        new ReadOnlyDictionary<string, DateOnly>(Subjects.ToDictionary(s => s.Subject, s => s.ReferenceDate, StringComparer.Ordinal));

    /// <summary>Start of new anticancer therapy per subject that has one.</summary>
    public IReadOnlyDictionary<string, DateOnly> NewTherapyDates =>
        new ReadOnlyDictionary<string, DateOnly>(Subjects.Where(s => s.NewAnticancerTherapyDate is not null).ToDictionary(s => s.Subject, s => s.NewAnticancerTherapyDate!.Value, StringComparer.Ordinal));
}

/// <summary>Builds the endpoint inputs (<see cref="EndpointSubject"/>) from a study folder.</summary>
public static class StudyEndpointInputs
{
    /// <summary>The CMCAT of subsequent anticancer therapy (docs/data-format.md).</summary>
    public const string SubsequentTherapyCategory = "SUBSEQUENT ANTICANCER THERAPY";

    private static readonly (string Domain, string[] Columns)[] AliveSources =
    [
        ("DS", ["DSSTDTC"]), ("EX", ["EXSTDTC", "EXENDTC"]), ("RS", ["RSDTC"]), ("TR", ["TRDTC"]), ("TU", ["TUDTC"]), ("LB", ["LBDTC"]), ("VS", ["VSDTC"]), ("AE", ["AESTDTC", "AEENDTC"]),
    ];

    private static readonly string[] ResponseColumns = ["USUBJID", "RSTESTCD", "RSSTRESC", "RSDTC"];

    /// <summary>The domains <see cref="Read(StudyFolder, string, DateImputation)"/> reads; only their loading problems can block a derivation from it.</summary>
    internal static IReadOnlyList<string> Domains { get; } = ["DM", "TS", "RS", "CM", "DS", "EX", "TR", "TU", "LB", "VS", "AE"];

    /// <summary>Reads the subjects, their dates and their response assessments from a loaded study folder.</summary>
    /// <remarks>
    /// <para>Loading problems: the errors of the files read (unreadable, not UTF-8, broken CSV, repeated column) block the
    /// derivation; a missing optional file or column does not (each part below checks what it needs).</para>
    /// <para>Subjects: DM records with RFXSTDTC (first dose, day 1). No RFXSTDTC (screen failures, never dosed): left out,
    /// with a warning. A partial or invalid RFXSTDTC: an error; dates are never guessed for the time origin.</para>
    /// <para>Data cutoff: TS DCUTDTC, a complete date (a partial or invalid one is an error). Without TS or without a
    /// DCUTDTC record, all data are used: one note says so, no record is left out as after the cutoff, and OS of a subject
    /// not known to have died is censored at the last known alive date (never at an invented cutoff).</para>
    /// <para>Death: DM DTHDTC; a partial date is an error (no imputation).</para>
    /// <para>Assessments: RS records with RSTESTCD = OVRLRESP of the evaluator (RSEVAL or RSEVALID equal to
    /// <paramref name="evaluator"/>, or both empty; records of two evaluators are an error, EVALUATOR_AMBIGUOUS), response
    /// RSSTRESC (CR, PR, SD, NON-CR/NON-PD, PD, NE, ND), date RSDTC, visit VISIT. An unknown response (pharmaverse's
    /// "CHECK") is a warning and the record is left out. A partial RSDTC is imputed by <paramref name="imputation"/> (first
    /// or last day of the month or year) with a warning and the flag ADTF; an invalid one is an error. Records after the
    /// cutoff are left out with a warning.</para>
    /// <para>Measurable disease at baseline: TU records of the evaluator with TUSTRESC (else TUORRES) = TARGET.</para>
    /// <para>Last known alive: the latest complete date on or before the cutoff among DS DSSTDTC (DEATH records excluded),
    /// EX EXSTDTC/EXENDTC, RS RSDTC, TR TRDTC, TU TUDTC, LB LBDTC, VS VSDTC and AE AESTDTC/AEENDTC; partial dates are not
    /// used.</para>
    /// <para>New anticancer therapy: the earliest CMSTDTC of records with CMCAT = SUBSEQUENT ANTICANCER THERAPY. A partial
    /// start is imputed to the first day of its month (or year), the earliest date it can be, which censors no later than
    /// the truth; the imputation is reported as a warning.</para>
    /// </remarks>
    /// <param name="study">A loaded study folder.</param>
    /// <param name="evaluator">RSEVAL or RSEVALID (and TUEVAL or TUEVALID) of the records to use; INVESTIGATOR by default.</param>
    /// <param name="imputation">The day a partial RSDTC is imputed to; last by default (docs/decisions/0010-assessment-date-imputation.md).</param>
    public static StudyInputs Read(StudyFolder study, string evaluator = "INVESTIGATOR", DateImputation imputation = DateImputation.Last) =>
        Read(study, evaluator, imputation, readResponses: true);

    /// <summary>As <see cref="Read(StudyFolder, string, DateImputation)"/>; without <paramref name="readResponses"/>, RS is read only for last-known-alive dates.</summary>
    internal static StudyInputs Read(StudyFolder study, string evaluator, DateImputation imputation, bool readResponses)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(evaluator);
        var problems = new List<Problem>(LoadProblems.Of(study, Domains));
        var dm = study.Domain("DM");
        if (dm is null || !dm.Has("USUBJID"))
        {
            return new StudyInputs(string.Empty, null, [], [], problems);
        }

        if (!dm.Has("RFXSTDTC"))
        {
            problems.Add(new Problem(dm.FileName, 1, null, "RFXSTDTC", "COLUMN_MISSING", "a column RFXSTDTC (first dose: day 1 of the efficacy analysis)", "the header " + Problem.Quote(string.Join(',', dm.Table.Columns)), "Add RFXSTDTC to " + dm.FileName + "; see docs/data-format.md."));
            return new StudyInputs(string.Empty, null, [], [], problems);
        }

        string studyId = dm.Table.Records.Select(r => dm.Value(r, "STUDYID")).FirstOrDefault(s => s.Length > 0) ?? string.Empty;
        DateOnly? cutoff = ReadCutoff(study, problems);

        var treated = new SortedDictionary<string, (DateOnly Reference, DateOnly? Death)>(StringComparer.Ordinal);
        var unassigned = new List<string>();
        foreach (var r in dm.Table.Records)
        {
            string subject = dm.Value(r, "USUBJID");
            string rfx = dm.Value(r, "RFXSTDTC");
            if (rfx.Length == 0)
            {
                // A screen failure (ARMCD SCRNFAIL or NOTASSGN) is expected to have no dose: one note for all of them.
                if (Disposition.DispositionSummary.UnassignedArmCodes.Contains(dm.Value(r, "ARMCD"), StringComparer.OrdinalIgnoreCase))
                {
                    unassigned.Add(subject);
                }
                else
                {
                    problems.Add(Warn(dm, r, "RFXSTDTC", "ADAM_NOT_DOSED", "a first-dose date for a subject in the analysis", $"none for {subject}", "The subject is left out of ADRS and ADTTE (not treated)."));
                }

                continue;
            }

            if (CompleteDate(dm, r, "RFXSTDTC", problems) is not { } reference)
            {
                continue;
            }

            DateOnly? death = dm.Value(r, "DTHDTC").Length > 0 ? CompleteDate(dm, r, "DTHDTC", problems) : null;
            treated[subject] = (reference, death);
        }

        if (unassigned.Count > 0)
        {
            problems.Add(new Problem(
                dm.FileName, null, null, "ARMCD", "ADAM_NOT_ASSIGNED", "subjects of ADRS and ADTTE: those with a first dose (RFXSTDTC)",
                string.Create(CultureInfo.InvariantCulture, $"{unassigned.Count} never assigned to an arm (ARMCD {string.Join(" or ", Disposition.DispositionSummary.UnassignedArmCodes)}) and never dosed: {string.Join(", ", unassigned.Take(10))}{(unassigned.Count > 10 ? ", ..." : string.Empty)}"),
                "They are in ADSL (with SAFFL N), not in ADRS or ADTTE.", ProblemSeverity.Note));
        }

        var assessments = readResponses && study.Domain("RS") is { } rs ? ReadResponses(rs, treated.Keys.ToHashSet(StringComparer.Ordinal), evaluator, imputation, cutoff, problems) : [];
        var therapy = ReadNewTherapy(study.Domain("CM"), treated.Keys, problems);
        var alive = ReadLastAlive(study, cutoff);
        var subjects = treated.Select(t => new StudySubject(
            t.Key, t.Value.Reference, t.Value.Death, alive.TryGetValue(t.Key, out var a) ? a : null, therapy.TryGetValue(t.Key, out var n) ? n : null)).ToList();
        return new StudyInputs(studyId, cutoff, subjects, assessments, problems)
        {
            MeasurableDiseaseSubjects = ReadMeasurableDisease(study.Domain("TU"), evaluator),
        };
    }

    /// <summary>
    /// The endpoint subjects: start = RFXSTDTC, assessments = the ADRS OVR analysis records (ANL01FL, with their ASEQ for
    /// SRCSEQ), cutoff = DCUTDTC (none when the study has none: all data), death, last known alive and new-therapy dates
    /// from <paramref name="inputs"/>, and the first response from <paramref name="results"/>: the confirmed response date
    /// when <see cref="EndpointOptions.ResponseBasis"/> is confirmed, else the first CR/PR date.
    /// </summary>
    /// <param name="inputs">From <see cref="Read(StudyFolder, string, DateImputation)"/>.</param>
    /// <param name="overall">OVR records from <see cref="AdrsWriter.PrepareOverallResponses"/>.</param>
    /// <param name="results">Best overall responses per subject.</param>
    /// <param name="options">Endpoint options; the default when null.</param>
    public static IReadOnlyList<EndpointSubject> CreateEndpointSubjects(
        StudyInputs inputs, IEnumerable<AdrsOverallRecord> overall, IEnumerable<BestOverallResponse> results, EndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(overall);
        ArgumentNullException.ThrowIfNull(results);
        options ??= EndpointOptions.Default;
        var records = overall.Where(o => o.IsAnalysisRecord).ToLookup(o => o.Subject, StringComparer.Ordinal);
        var best = results.ToDictionary(r => r.Subject, StringComparer.Ordinal);
        var subjects = new List<EndpointSubject>();
        foreach (var s in inputs.Subjects)
        {
            var b = best.GetValueOrDefault(s.Subject);
            bool confirmed = options.ResponseBasis == ResponseBasis.Confirmed;
            var assessments = records[s.Subject].Select(o => new TumorAssessment(o.Date, o.Response, o.Sequence));
            var subject = inputs.DataCutoffDate is { } cutoff
                ? new EndpointSubject(s.Subject, s.ReferenceDate, assessments, cutoff)
                : new EndpointSubject(s.Subject, s.ReferenceDate, assessments);
            subjects.Add(subject with
            {
                DeathDate = s.DeathDate,
                LastKnownAliveDate = s.LastKnownAliveDate,
                NewAnticancerTherapyDate = s.NewAnticancerTherapyDate,
                FirstResponseDate = confirmed ? b?.ConfirmedResponseDate : b?.FirstResponseDate,
                IsResponseConfirmed = b?.IsConfirmedResponse ?? false,
            });
        }

        return subjects;
    }

    /// <summary>TS DCUTDTC: null with a note when absent (all data), null with an error when not a complete date.</summary>
    internal static DateOnly? ReadCutoff(StudyFolder study, List<Problem> problems)
    {
        var ts = study.Domain("TS");
        var record = ts?.Table.Records.FirstOrDefault(r => ts.Value(r, "TSPARMCD") == "DCUTDTC");
        if (ts is null || record is null)
        {
            problems.Add(new Problem(
                study.FileNameOf("TS"), null, null, "TSPARMCD", "ADAM_NO_CUTOFF", "a data cutoff date (TS TSPARMCD = DCUTDTC)", ts is null ? "no TS domain" : "no DCUTDTC record",
                "All data are used: no record is left out as after a cutoff, and OS is censored at the last known alive date. Add DCUTDTC to TS to analyse at a cutoff.",
                ProblemSeverity.Note));
            return null;
        }

        return CompleteDate(ts, record, "TSVAL", problems);
    }

    private static List<AdrsAssessment> ReadResponses(StudyDomain rs, HashSet<string> treated, string evaluator, DateImputation imputation, DateOnly? cutoff, List<Problem> problems)
    {
        var assessments = new List<AdrsAssessment>();
        var missing = ResponseColumns.Where(c => !rs.Has(c)).ToList();
        foreach (string column in missing)
        {
            problems.Add(new Problem(rs.FileName, 1, null, column, "COLUMN_MISSING", $"a column {column} (time-point responses: USUBJID, RSTESTCD, RSSTRESC, RSDTC)", "the header " + Problem.Quote(string.Join(',', rs.Table.Columns)), $"Add {column} to {rs.FileName}; see docs/data-format.md."));
        }

        if (missing.Count > 0)
        {
            return assessments;
        }

        var kept = rs.Table.Records.Where(r => rs.Value(r, "RSTESTCD") == "OVRLRESP" && treated.Contains(rs.Value(r, "USUBJID"))
            && Evaluators.Matches(rs.Value(r, "RSEVAL").Trim(), rs.Value(r, "RSEVALID").Trim(), evaluator)).ToList();
        if (Evaluators.CheckSingle(rs.Table, kept, "RS", evaluator) is { } ambiguous)
        {
            problems.Add(ambiguous);
            return assessments;
        }

        foreach (var r in kept)
        {
            string subject = rs.Value(r, "USUBJID");
            string code = rs.Value(r, "RSSTRESC");
            if (!OverallResponseCodes.TryParse(code, out var response))
            {
                problems.Add(Warn(rs, r, "RSSTRESC", "ADAM_RESPONSE_UNKNOWN", "an overall response CR, PR, SD, NON-CR/NON-PD, PD, NE or ND", Problem.Quote(code), "The record is left out of ADRS; correct the response in the source data."));
                continue;
            }

            string text = rs.Value(r, "RSDTC");
            if (!PartialDate.TryParse(text, out var partial))
            {
                problems.Add(Error(rs, r, "RSDTC", "ADAM_DATE_INVALID", "an ISO 8601 date YYYY-MM-DD (YYYY-MM and YYYY are imputed)", Problem.Quote(text), "Correct the date."));
                continue;
            }

            var date = ImputedDate.From(partial, imputation);
            if (date.IsImputed)
            {
                problems.Add(Warn(rs, r, "RSDTC", "ADAM_DATE_IMPUTED", "a complete assessment date", Problem.Quote(text), string.Create(CultureInfo.InvariantCulture, $"Imputed to {date.Date:yyyy-MM-dd} ({imputation.Describe()} of the period; ADTF {date.Flag!.Value.ToCode()}); complete the date if it is known.")));
            }

            if (cutoff is { } c && date.Date > c)
            {
                problems.Add(Warn(rs, r, "RSDTC", "ADAM_AFTER_CUTOFF", $"an assessment on or before the data cutoff {c:yyyy-MM-dd}", $"{date.Date:yyyy-MM-dd}", "The record is left out."));
                continue;
            }

            string visit = rs.Value(r, "VISIT");
            assessments.Add(new AdrsAssessment(subject, date.Date, response, visit.Length > 0 ? visit : null) { DateFlag = date.Flag });
        }

        return assessments;
    }

    private static HashSet<string>? ReadMeasurableDisease(StudyDomain? tu, string evaluator)
    {
        if (tu is null)
        {
            return null;
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in tu.Table.Records)
        {
            string role = tu.Value(r, "TUSTRESC");
            role = role.Length > 0 ? role : tu.Value(r, "TUORRES");
            if (string.Equals(role.Trim(), "TARGET", StringComparison.OrdinalIgnoreCase) && Evaluators.Matches(tu.Value(r, "TUEVAL").Trim(), tu.Value(r, "TUEVALID").Trim(), evaluator))
            {
                result.Add(tu.Value(r, "USUBJID"));
            }
        }

        return result;
    }

    private static Dictionary<string, DateOnly> ReadNewTherapy(StudyDomain? cm, IEnumerable<string> subjects, List<Problem> problems)
    {
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        if (cm is null)
        {
            return result;
        }

        var wanted = subjects.ToHashSet(StringComparer.Ordinal);
        foreach (var r in cm.Table.Records)
        {
            string subject = cm.Value(r, "USUBJID");
            if (!wanted.Contains(subject) || !string.Equals(cm.Value(r, "CMCAT"), SubsequentTherapyCategory, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string text = cm.Value(r, "CMSTDTC");
            if (!PartialDate.TryParse(text, out var date))
            {
                problems.Add(Error(cm, r, "CMSTDTC", "ADAM_DATE_INVALID", "an ISO 8601 start date of the subsequent therapy", Problem.Quote(text), "Give the start date (YYYY-MM-DD, or YYYY-MM when the day is unknown)."));
                continue;
            }

            if (!date.IsCompleteDate)
            {
                problems.Add(Warn(cm, r, "CMSTDTC", "ADAM_DATE_IMPUTED", "a complete start date of the subsequent therapy", Problem.Quote(text), $"Imputed to {date.Earliest:yyyy-MM-dd} (first day of the period) for NACT censoring; complete the date if it is known."));
            }

            if (!result.TryGetValue(subject, out var current) || date.Earliest < current)
            {
                result[subject] = date.Earliest;
            }
        }

        return result;
    }

    private static Dictionary<string, DateOnly> ReadLastAlive(StudyFolder study, DateOnly? cutoff)
    {
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var (name, columns) in AliveSources)
        {
            if (study.Domain(name) is not { } domain)
            {
                continue;
            }

            foreach (var r in domain.Table.Records)
            {
                if (name == "DS" && string.Equals(domain.Value(r, "DSDECOD"), "DEATH", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string subject = domain.Value(r, "USUBJID");
                foreach (string column in columns)
                {
                    if (PartialDate.TryParse(domain.Value(r, column), out var d) && d.IsCompleteDate && (cutoff is null || d.Earliest <= cutoff)
                        && (!result.TryGetValue(subject, out var current) || d.Earliest > current))
                    {
                        result[subject] = d.Earliest;
                    }
                }
            }
        }

        return result;
    }

    private static DateOnly? CompleteDate(StudyDomain domain, CsvRecord record, string column, List<Problem> problems)
    {
        string text = domain.Value(record, column);
        if (!PartialDate.TryParse(text, out var date))
        {
            problems.Add(Error(domain, record, column, "ADAM_DATE_INVALID", "an ISO 8601 date YYYY-MM-DD", Problem.Quote(text), "Correct the date."));
            return null;
        }

        if (!date.IsCompleteDate)
        {
            problems.Add(Error(domain, record, column, "ADAM_DATE_PARTIAL", "a complete date YYYY-MM-DD (this date is not imputed)", Problem.Quote(text), "Complete the date from the source documents."));
            return null;
        }

        return date.Earliest;
    }

    private static Problem Error(StudyDomain d, CsvRecord r, string column, string code, string expected, string found, string fix) =>
        new(d.FileName, r.Line, r.Row, column, code, expected, found, fix);

    private static Problem Warn(StudyDomain d, CsvRecord r, string column, string code, string expected, string found, string fix) =>
        new(d.FileName, r.Line, r.Row, column, code, expected, found, fix, ProblemSeverity.Warning);
}
