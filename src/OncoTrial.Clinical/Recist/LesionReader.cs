using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Recist;

/// <summary>Lesion assessments read from a file or a study folder, with the reference dates and every problem found.</summary>
/// <param name="Lesions">One record per subject, lesion and time point (baseline or follow-up), ready for <see cref="RecistDerivation.DeriveTimePointResponses"/>.</param>
/// <param name="ReferenceDates">Day 0 of each subject (DM.RFSTDTC, or the flat file's ref_date); without one, the subject's baseline date.</param>
/// <param name="Problems">Errors (the input cannot be derived until they are fixed) and warnings (imputed dates, repeated records).</param>
public sealed record LesionInput(
    IReadOnlyList<LesionAssessment> Lesions,
    IReadOnlyDictionary<string, DateOnly> ReferenceDates,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>True when a problem is an error.</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>
/// Reads lesion-level RECIST input: SDTM TU/TR (a study folder, or standalone CSV files as pharmaversesdtm writes them)
/// and the flat lesion CSV of docs/data-format.md ("Lesion file"). Every reader collects all problems in one pass.
/// </summary>
/// <remarks>
/// <para>Baseline: the records flagged baseline (TR.TRLOBXFL = Y, flat column <c>baseline</c> = Y) when the input has
/// the flag; otherwise, for each lesion, its last assessment on or before the subject's reference date (DM.RFSTDTC or
/// <c>ref_date</c>); without a reference date, its earliest assessment. Assessments of a lesion before its baseline
/// are dropped (superseded screening scans). TUDTC is not read: baseline comes from TR.</para>
/// <para>Follow-up time points: the records of one VISIT form one time point when the visit is given; its date is the
/// latest scan date of the visit (RECIST 1.1 §4.3.1 dates a time point by its last scan; admiralonco's ADRS records
/// carry one date per visit). Without a visit, each scan date is a time point. A visit that assesses one lesion on two
/// complete dates (pharmaverse's UNSCHEDULED 9.2 of 01-711-1143: 2013-06-22 and 2013-09-22) holds two assessments:
/// each date is its own time point, with a warning (TIMEPOINT_SPLIT).</para>
/// <para>Dates: a partial TRDTC (<c>2014-02</c>, <c>2014</c>) is imputed to the first or last day of its month or year
/// (<see cref="DateImputation"/>, admiral's <c>date_imputation</c>; last by default) and reported as a warning; the
/// time point carries the imputation flag (ADTF "D" or "M"); a complete date of the same visit wins over an imputed
/// one. A partial date whose span contains the subject's reference date is never imputed after it (admiral's
/// <c>max_dates</c>): 2014-01 with RFSTDTC 2014-01-02 is a baseline scan dated 2014-01-02 under <c>last</c> (2014-01-01
/// under <c>first</c>). An invalid date is an error.</para>
/// <para>Evaluators: TU and TR hold one set of lesions per evaluator (TUEVAL/TREVAL, and TUEVALID/TREVALID for one of
/// several independent readers). The evaluator option keeps the records whose EVAL or EVALID equals it; records of
/// another evaluator are never linked. When the kept records still belong to more than one evaluator (INDEPENDENT
/// ASSESSOR with RADIOLOGIST 1 and 2), the input is an error (<c>EVALUATOR_AMBIGUOUS</c>) naming them.</para>
/// <para>SDTM measurements: a nodal target's size is its LPERP (short axis) record, a non-nodal target's its LDIAM
/// record; the other test is ignored (pharmaverse records both for every target). A lesion is nodal when TU.TUNODFL =
/// Y, or, without that column, when TULOC contains LYMPH NODE. Results: a number is a measurement in mm (TRSTRESN,
/// else TRSTRESC/TRORRES); TOO SMALL TO MEASURE, ABSENT, PRESENT, UNEQUIVOCAL PROGRESSION are states (the derivation
/// sizes TOO SMALL TO MEASURE as <see cref="RecistThresholds.TooSmallToMeasureMm"/>, 5 mm under RECIST 1.1); NOT
/// ASSESSED, NOT DONE, NOT EVALUABLE, NE, a blank result or TRSTAT = NOT DONE mean not assessed. TUMSTATE
/// UNEQUIVOCAL (CDISC CT) is a new lesion present for a NEW lesion and unequivocal progression for a non-target;
/// EQUIVOCAL is <see cref="LesionState.Equivocal"/> (not progression at that time point; RECIST 1.1 §4.3.2). TR
/// records with an empty TRLNKID and TRTESTCD SUMDIAM (the sum of diameters, not a lesion) are skipped: OncoTrial sums
/// the lesions itself. Identical repeated records are kept once (warning); conflicting ones are an error.</para>
/// </remarks>
public static class LesionReader
{
    /// <summary>The evaluator kept by default (TREVAL/TUEVAL): the investigator, whose responses RS.OVRLRESP records.</summary>
    public const string DefaultEvaluator = "INVESTIGATOR";

    private static readonly string[] ResultColumns = ["TRSTRESN", "TRSTRESC", "TRORRES"];

    private static readonly string[] FlatColumns = ["subject", "lesion", "role", "location", "date", "result"];

    /// <summary>Reads TU, TR and (for reference dates) DM of a study folder.</summary>
    /// <param name="study">A loaded study folder.</param>
    /// <param name="evaluator">Keep only TR/TU records of this evaluator (TREVAL/TUEVAL or TREVALID/TUEVALID, case-insensitive); null keeps all.</param>
    /// <param name="imputation">The day a partial TRDTC is imputed to (last by default).</param>
    public static LesionInput ReadStudy(StudyFolder study, string? evaluator = DefaultEvaluator, DateImputation imputation = DateImputation.Last)
    {
        ArgumentNullException.ThrowIfNull(study);
        var problems = new List<Problem>();
        var tu = study.Domain("TU");
        var tr = study.Domain("TR");
        if (tu is null || tr is null)
        {
            foreach (var name in new[] { ("TU", tu), ("TR", tr) }.Where(d => d.Item2 is null).Select(d => d.Item1))
            {
                string file = study.FileNameOf(name);
                problems.Add(new Problem(file, null, null, null, "FILE_MISSING", $"the {name} domain file (lesion-level RECIST input needs both TU and TR)", "no such file", $"Add {file} with the columns listed in docs/data-format.md, or derive from the recorded responses (--responses rs)."));
            }

            return new LesionInput([], new Dictionary<string, DateOnly>(StringComparer.Ordinal), problems);
        }

        return ReadSdtm(tu.Table, tr.Table, study.Domain("DM")?.Table, evaluator, imputation, problems);
    }

    /// <summary>Reads standalone SDTM TU and TR CSV files (e.g. pharmaversesdtm's tu_onco_recist, tr_onco_recist) and optionally DM.</summary>
    /// <param name="tuPath">The TU file.</param>
    /// <param name="trPath">The TR file.</param>
    /// <param name="dmPath">A DM file for RFSTDTC, or null.</param>
    /// <param name="evaluator">Keep only records of this evaluator (TREVAL/TUEVAL or TREVALID/TUEVALID); null keeps all.</param>
    /// <param name="imputation">The day a partial TRDTC is imputed to (last by default).</param>
    public static LesionInput ReadSdtmFiles(string tuPath, string trPath, string? dmPath, string? evaluator = DefaultEvaluator, DateImputation imputation = DateImputation.Last)
    {
        ArgumentNullException.ThrowIfNull(tuPath);
        ArgumentNullException.ThrowIfNull(trPath);
        var problems = new List<Problem>();
        var tu = ReadTable(tuPath, problems);
        var tr = ReadTable(trPath, problems);
        var dm = dmPath is null ? null : ReadTable(dmPath, problems);
        if (tu is null || tr is null || (dmPath is not null && dm is null))
        {
            return new LesionInput([], new Dictionary<string, DateOnly>(StringComparer.Ordinal), problems);
        }

        return ReadSdtm(tu, tr, dm, evaluator, imputation, problems);
    }

    /// <summary>Reads the flat lesion CSV (docs/data-format.md, "Lesion file").</summary>
    public static LesionInput ReadFlat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<Problem>();
        var table = ReadTable(path, problems);
        return table is null ? new LesionInput([], new Dictionary<string, DateOnly>(StringComparer.Ordinal), problems) : ReadFlat(table, problems);
    }

    /// <summary>True when a CSV header looks like SDTM TU (has TULNKID), TR (TRLNKID), DM (RFSTDTC) or the flat lesion file.</summary>
    public static string? Recognise(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        bool Has(string c) => header.Contains(c, StringComparer.OrdinalIgnoreCase);
        return Has("TULNKID") ? "TU" : Has("TRLNKID") ? "TR" : Has("RFSTDTC") ? "DM" : FlatColumns.All(Has) ? "LESIONS" : null;
    }

    private static CsvTable? ReadTable(string path, List<Problem> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new Problem(path, null, null, null, "FILE_MISSING", "a CSV file", "no such file", "Check the path."));
            return null;
        }

        var (table, csvProblems) = CsvTable.Parse(File.ReadAllText(path), path);
        problems.AddRange(csvProblems);

        return table;
    }

    internal static LesionInput ReadSdtm(CsvTable tu, CsvTable tr, CsvTable? dm, string? evaluator, DateImputation imputation, List<Problem> problems)
    {
        var columnsOk = RequireColumns(tu, ["USUBJID", "TULNKID", "TUORRES", "TULOC"], problems)
            & RequireColumns(tr, ["USUBJID", "TRLNKID", "TRTESTCD", "TRDTC"], problems)
            & (dm is null || RequireColumns(dm, ["USUBJID", "RFSTDTC"], problems));
        if (!columnsOk)
        {
            return new LesionInput([], new Dictionary<string, DateOnly>(StringComparer.Ordinal), problems);
        }

        // Reference dates.
        var refDates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        if (dm is not null)
        {
            foreach (var r in dm.Records)
            {
                var subject = Get(dm, r, "USUBJID");
                var text = Get(dm, r, "RFSTDTC");
                if (text.Length == 0)
                {
                    continue;
                }

                if (PartialDate.TryParse(text, out var d) && d.IsCompleteDate)
                {
                    refDates[subject] = d.Earliest;
                }
                else
                {
                    problems.Add(At(dm, r, "RFSTDTC", "DATE_INVALID", "a complete ISO 8601 date YYYY-MM-DD", Problem.Quote(text), "Give the reference start date in full, or leave it blank to use the baseline date."));
                }
            }
        }

        // Lesions (TU).
        var lesions = new Dictionary<(string, string), (LesionRole Role, string Location, bool IsNode, CsvRecord Record)>();
        var hasNodeFlag = tu.IndexOf("TUNODFL") >= 0;
        var tuKept = tu.Records.Where(r => KeepEvaluator(tu, r, "TU", evaluator)).ToList();
        var trKept = tr.Records.Where(r => KeepEvaluator(tr, r, "TR", evaluator)).ToList();
        var ambiguous = new[] { Evaluators.CheckSingle(tu, tuKept, "TU", evaluator), Evaluators.CheckSingle(tr, trKept, "TR", evaluator) }.OfType<Problem>().ToList();
        if (ambiguous.Count > 0)
        {
            problems.AddRange(ambiguous);
            return new LesionInput([], new Dictionary<string, DateOnly>(StringComparer.Ordinal), problems);
        }

        foreach (var r in tuKept)
        {
            var subject = Get(tu, r, "USUBJID");
            var id = Get(tu, r, "TULNKID");
            var roleText = Get(tu, r, "TUORRES");
            LesionRole? role = roleText.ToUpperInvariant() switch
            {
                "TARGET" => LesionRole.Target,
                "NON-TARGET" => LesionRole.NonTarget,
                "NEW" => LesionRole.New,
                _ => null,
            };
            if (role is null)
            {
                problems.Add(At(tu, r, "TUORRES", "VALUE_NOT_ALLOWED", "TARGET, NON-TARGET or NEW", Problem.Quote(roleText), "Give the lesion type."));
                continue;
            }

            var location = Get(tu, r, "TULOC");
            var isNode = hasNodeFlag
                ? string.Equals(Get(tu, r, "TUNODFL"), "Y", StringComparison.OrdinalIgnoreCase)
                : location.Contains("LYMPH NODE", StringComparison.OrdinalIgnoreCase);
            if (lesions.TryGetValue((subject, id), out var earlier))
            {
                if (earlier.Role != role || !string.Equals(earlier.Location, location, StringComparison.OrdinalIgnoreCase) || earlier.IsNode != isNode)
                {
                    problems.Add(At(tu, r, "TULNKID", "DUPLICATE_CONFLICT", string.Create(CultureInfo.InvariantCulture, $"one identification of lesion {id} of subject {subject}"), string.Create(CultureInfo.InvariantCulture, $"a second one (line {earlier.Record.Line}) with another type or location"), "Keep one TU record per lesion and evaluator, or choose the evaluator (--evaluator)."));
                }

                continue;
            }

            lesions[(subject, id)] = (role.Value, location, isNode, r);
        }

        // Results (TR).
        var raw = new List<RawRecord>();
        var hasBaselineFlag = tr.IndexOf("TRLOBXFL") >= 0;
        foreach (var r in trKept)
        {
            var subject = Get(tr, r, "USUBJID");
            var id = Get(tr, r, "TRLNKID");
            if (id.Length == 0 && string.Equals(Get(tr, r, "TRTESTCD"), "SUMDIAM", StringComparison.OrdinalIgnoreCase))
            {
                continue; // the sum of diameters (SDTMIG: no TRLNKID): OncoTrial sums the lesions itself
            }

            if (!lesions.TryGetValue((subject, id), out var lesion))
            {
                problems.Add(At(tr, r, "TRLNKID", "RECIST_LESION_NOT_IDENTIFIED", "a lesion identified in TU for this subject" + (evaluator is null ? string.Empty : " and evaluator " + evaluator), Problem.Quote(id), "Add the TU record or correct TRLNKID."));
                continue;
            }

            var test = Get(tr, r, "TRTESTCD").ToUpperInvariant();
            int priority;
            if (lesion.Role == LesionRole.Target)
            {
                var sizeTest = lesion.IsNode ? "LPERP" : "LDIAM";
                priority = test == sizeTest ? 2 : test == "TUMSTATE" ? 1 : 0;
            }
            else
            {
                priority = test is "TUMSTATE" or "LNSTATE" ? 2 : 0;
            }

            if (priority == 0)
            {
                continue; // the other diameter of a target, or a measurement of a non-target: not used by RECIST 1.1
            }

            var date = ParseDate(tr, r, "TRDTC", imputation, problems);
            if (date is null)
            {
                continue;
            }

            var state = ParseResult(tr, r, lesion.Role, problems, out var diameter);
            if (state is null)
            {
                continue;
            }

            bool? baseline = hasBaselineFlag ? string.Equals(Get(tr, r, "TRLOBXFL"), "Y", StringComparison.OrdinalIgnoreCase) : null;
            raw.Add(new RawRecord(subject, id, lesion.Role, lesion.Location, lesion.IsNode, NullIfEmpty(Get(tr, r, "VISIT")), date.Value.Imputed.Date, date.Value.Date, date.Value.Imputed.Flag, baseline, state.Value, diameter, priority, tr, r));
        }

        return Assemble(raw, refDates, imputation, problems);
    }

    internal static LesionInput ReadFlat(CsvTable table, List<Problem> problems, DateImputation imputation = DateImputation.Last)
    {
        if (!RequireColumns(table, FlatColumns, problems))
        {
            return new LesionInput([], new Dictionary<string, DateOnly>(StringComparer.Ordinal), problems);
        }

        var refDates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var hasBaselineFlag = table.IndexOf("baseline") >= 0;
        var hasNode = table.IndexOf("node") >= 0;
        var raw = new List<RawRecord>();
        foreach (var r in table.Records)
        {
            var subject = Get(table, r, "subject");
            var ok = true;
            if (subject.Length == 0)
            {
                problems.Add(At(table, r, "subject", "VALUE_MISSING", "a subject identifier", "a blank", "Give the subject."));
                ok = false;
            }

            var refText = Get(table, r, "ref_date");
            if (refText.Length > 0)
            {
                if (DateOnly.TryParseExact(refText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var refDate))
                {
                    if (refDates.TryGetValue(subject, out var other) && other != refDate)
                    {
                        problems.Add(At(table, r, "ref_date", "REF_DATE_CONFLICT", "one reference date per subject", string.Create(CultureInfo.InvariantCulture, $"{refText} and {other:yyyy-MM-dd}"), "Give the same ref_date on every row of the subject."));
                    }

                    refDates[subject] = refDate;
                }
                else
                {
                    problems.Add(At(table, r, "ref_date", "DATE_INVALID", "a date YYYY-MM-DD", Problem.Quote(refText), "Give the reference date (first dose) as YYYY-MM-DD, or leave it blank."));
                }
            }

            var roleText = Get(table, r, "role");
            LesionRole? role = roleText.ToUpperInvariant() switch
            {
                "TARGET" => LesionRole.Target,
                "NON-TARGET" => LesionRole.NonTarget,
                "NEW" => LesionRole.New,
                _ => null,
            };
            if (role is null)
            {
                problems.Add(At(table, r, "role", "VALUE_NOT_ALLOWED", "TARGET, NON-TARGET or NEW", Problem.Quote(roleText), "Give the lesion type."));
                ok = false;
            }

            var location = Get(table, r, "location");
            var nodeText = hasNode ? Get(table, r, "node").ToUpperInvariant() : string.Empty;
            bool isNode;
            if (nodeText is "Y" or "N")
            {
                isNode = nodeText == "Y";
            }
            else if (nodeText.Length == 0)
            {
                isNode = location.Contains("LYMPH NODE", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                problems.Add(At(table, r, "node", "VALUE_NOT_ALLOWED", "Y, N or blank", Problem.Quote(Get(table, r, "node")), "Write Y for a lymph node, N otherwise; blank reads the location."));
                isNode = false;
                ok = false;
            }

            bool? baseline = null;
            if (hasBaselineFlag)
            {
                var b = Get(table, r, "baseline").ToUpperInvariant();
                if (b is "Y" or "N" or "")
                {
                    baseline = b == "Y";
                }
                else
                {
                    problems.Add(At(table, r, "baseline", "VALUE_NOT_ALLOWED", "Y, N or blank", Problem.Quote(Get(table, r, "baseline")), "Write Y on the baseline records."));
                    ok = false;
                }
            }

            var date = ParseDate(table, r, "date", imputation, problems);
            var state = ParseResult(table, r, role ?? LesionRole.Target, problems, out var diameter, "result");
            if (!ok || date is null || state is null || role is null)
            {
                continue;
            }

            raw.Add(new RawRecord(subject, Get(table, r, "lesion"), role.Value, location, isNode, NullIfEmpty(Get(table, r, "visit")), date.Value.Imputed.Date, date.Value.Date, date.Value.Imputed.Flag, baseline, state.Value, diameter, 2, table, r));
        }

        return Assemble(raw, refDates, imputation, problems);
    }

    private static LesionInput Assemble(List<RawRecord> raw, Dictionary<string, DateOnly> refDates, DateImputation imputation, List<Problem> problems)
    {
        var result = new List<LesionAssessment>();
        var referenceDates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var subject in raw.GroupBy(r => r.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var hasRef = refDates.TryGetValue(subject.Key, out var refDate);

            // A partial date whose span contains the reference date is never imputed after it (admiral max_dates): with
            // the baseline flag, for the flagged records; without it, for every record (it is then a baseline candidate).
            var records = subject.Select(r => hasRef && r.IsDateImputed && r.Earliest <= refDate && refDate <= r.Latest && r.Date > refDate && r.IsBaseline != false
                ? r with { Date = refDate, IsCappedAtReference = true }
                : r).ToList();

            // Baseline, per lesion.
            var baselineRecords = new List<RawRecord>();
            var followUp = new List<RawRecord>();
            foreach (var lesion in records.GroupBy(r => r.LesionId, StringComparer.Ordinal))
            {
                var ordered = lesion.OrderBy(r => r.Date).ThenByDescending(r => r.Priority).ToList();
                if (ordered[0].Role == LesionRole.New)
                {
                    followUp.AddRange(ordered.Where(r => r.IsBaseline != true));
                    continue;
                }

                DateOnly? baseDate;
                if (ordered[0].IsBaseline is not null)
                {
                    baseDate = ordered.Where(r => r.IsBaseline == true).Select(r => (DateOnly?)r.Date).LastOrDefault();
                }
                else if (hasRef)
                {
                    baseDate = ordered.Where(r => r.Date <= refDate).Select(r => (DateOnly?)r.Date).LastOrDefault();
                }
                else
                {
                    baseDate = ordered[0].Date;
                }

                if (baseDate is null)
                {
                    var first = ordered[0];
                    problems.Add(At(first.Table, first.Record, null, "RECIST_NO_BASELINE",
                        ordered[0].IsBaseline is not null ? "a baseline record (flag Y) of this lesion" : string.Create(CultureInfo.InvariantCulture, $"an assessment on or before the reference date {refDate:yyyy-MM-dd}"),
                        string.Create(CultureInfo.InvariantCulture, $"none for lesion {lesion.Key} of subject {subject.Key}"),
                        "Flag the baseline assessment, or check the reference date."));
                    continue;
                }

                baselineRecords.AddRange(ordered.Where(r => r.Date == baseDate));
                followUp.AddRange(ordered.Where(r => r.Date > baseDate && r.IsBaseline != true));
            }

            // Follow-up time points: by visit when given, else by date; dated by the latest (complete) scan. A visit that
            // assesses one lesion on two complete dates holds two assessments: each date is its own time point.
            var split = new HashSet<string>(StringComparer.Ordinal);
            foreach (var visit in followUp.Where(r => r.Visit is not null).GroupBy(r => r.Visit!, StringComparer.Ordinal))
            {
                var twice = visit.Where(r => !r.IsDateImputed).GroupBy(r => r.LesionId, StringComparer.Ordinal).FirstOrDefault(l => l.Select(r => r.Date).Distinct().Count() > 1);
                if (twice is not null)
                {
                    split.Add(visit.Key);
                    var first = twice.First();
                    problems.Add(At(first.Table, first.Record, null, "TIMEPOINT_SPLIT", string.Create(CultureInfo.InvariantCulture, $"one assessment of each lesion per visit (subject {subject.Key}, visit {visit.Key})"), string.Create(CultureInfo.InvariantCulture, $"lesion {twice.Key} assessed on {string.Join(" and ", twice.Select(r => r.Date).Distinct().Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}"), "Each scan date of the visit is taken as its own time point; give the later assessment its own VISIT.", ProblemSeverity.Warning));
                }
            }

            string TimePointKey(RawRecord r) => r.Visit is { } v && !split.Contains(v) ? "V:" + v : "D:" + r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var timePointDate = new Dictionary<string, (DateOnly Date, DateImputationLevel? Flag)>(StringComparer.Ordinal);
            foreach (var tp in followUp.GroupBy(TimePointKey, StringComparer.Ordinal))
            {
                timePointDate[tp.Key] = DateOf(tp.ToList());
            }

            var baselineDate = baselineRecords.Count > 0 ? DateOf(baselineRecords) : default;
            var kept = new List<(RawRecord Record, DateOnly Date, DateImputationLevel? Flag, bool IsBaseline)>();
            kept.AddRange(baselineRecords.Select(r => (r, baselineDate.Date, baselineDate.Flag, true)));
            kept.AddRange(followUp.Select(r => (r, timePointDate[TimePointKey(r)].Date, timePointDate[TimePointKey(r)].Flag, false)));
            foreach (var imputed in kept.Where(k => k.Record.IsDateImputed).GroupBy(k => (k.Record.Table, k.Date, k.Record.Visit)))
            {
                var first = imputed.First().Record;
                problems.Add(At(first.Table, first.Record, null, "DATE_IMPUTED", "a complete assessment date", string.Create(CultureInfo.InvariantCulture, $"a partial date on {imputed.Count()} record(s) of subject {subject.Key}{(first.Visit is null ? string.Empty : ", visit " + first.Visit)}"), string.Create(CultureInfo.InvariantCulture, $"The time point is dated {imputed.Key.Date:yyyy-MM-dd} ({(imputed.Any(k => k.Record.IsCappedAtReference) ? "the reference date, which the partial date spans: a baseline scan is not imputed after it" : $"latest complete scan of the visit, else the {imputation.Describe()} of the month or year")})."), ProblemSeverity.Warning));
            }

            foreach (var group in kept.GroupBy(k => (k.Record.LesionId, k.Date, k.Flag, k.IsBaseline)))
            {
                var best = group.OrderByDescending(g => g.Record.Priority).ToList();
                var top = best.Where(b => b.Record.Priority == best[0].Record.Priority).ToList();
                var chosen = top[0].Record;
                if (top.Count > 1)
                {
                    var conflict = top.Any(t => t.Record.State != chosen.State || t.Record.DiameterMm != chosen.DiameterMm);
                    var second = top[1].Record;
                    problems.Add(At(second.Table, second.Record, null, conflict ? "DUPLICATE_CONFLICT" : "DUPLICATE_IDENTICAL",
                        string.Create(CultureInfo.InvariantCulture, $"one result for lesion {chosen.LesionId} of subject {subject.Key} at the time point of {group.Key.Date:yyyy-MM-dd}"),
                        string.Create(CultureInfo.InvariantCulture, $"{top.Count} records (first at line {chosen.Record.Line}){(conflict ? " that disagree" : ", identical")}"),
                        conflict ? "Keep one record, or choose the evaluator (--evaluator)." : "Kept one; remove the repeats.",
                        conflict ? ProblemSeverity.Error : ProblemSeverity.Warning));
                    if (conflict)
                    {
                        continue;
                    }
                }

                result.Add(new LesionAssessment(subject.Key, chosen.LesionId, chosen.Role, chosen.Location, chosen.IsNode, group.Key.Date, group.Key.IsBaseline, chosen.State, chosen.DiameterMm, chosen.Visit) { DateFlag = group.Key.Flag });
            }

            if (baselineRecords.Count > 0)
            {
                referenceDates[subject.Key] = hasRef ? refDate : baselineRecords.Max(b => b.Date);
            }
        }

        foreach (var p in RecistDerivation.ValidateLesions(result))
        {
            problems.Add(new Problem("lesions", null, null, null, "RECIST_LESION_INPUT", "a consistent lesion record", p, "Correct the source records.", ProblemSeverity.Error));
        }

        var ordered2 = result.OrderBy(l => l.Subject, StringComparer.Ordinal).ThenBy(l => l.Date).ThenBy(l => l.LesionId, StringComparer.Ordinal).ToList();
        return new LesionInput(ordered2, referenceDates, problems);
    }

    /// <summary>The date of a time point: its latest complete scan, else its latest imputed one (with that flag).</summary>
    private static (DateOnly Date, DateImputationLevel? Flag) DateOf(List<RawRecord> records)
    {
        var complete = records.Where(r => !r.IsDateImputed).ToList();
        if (complete.Count > 0)
        {
            return (complete.Max(r => r.Date), null);
        }

        var date = records.Max(r => r.Date);
        return (date, records.Where(r => r.Date == date).Aggregate((DateImputationLevel?)null, (f, r) => DateImputationLevels.Max(f, r.DateFlag)));
    }

    private static LesionState? ParseResult(CsvTable t, CsvRecord r, LesionRole role, List<Problem> problems, out double? diameter, string? column = null)
    {
        diameter = null;
        string text;
        string col;
        if (column is not null)
        {
            col = column;
            text = Get(t, r, column);
        }
        else
        {
            if (string.Equals(Get(t, r, "TRSTAT"), "NOT DONE", StringComparison.OrdinalIgnoreCase))
            {
                return LesionState.NotAssessed;
            }

            col = ResultColumns.FirstOrDefault(c => Get(t, r, c).Length > 0) ?? "TRORRES";
            text = Get(t, r, col);
        }

        var upper = text.Trim().ToUpperInvariant();
        switch (upper)
        {
            case "PRESENT": return LesionState.Present;
            case "ABSENT": return LesionState.Absent;
            case "UNEQUIVOCAL PROGRESSION": return LesionState.UnequivocalProgression;
            case "TOO SMALL TO MEASURE": return LesionState.TooSmallToMeasure;
            case "EQUIVOCAL": return LesionState.Equivocal;
            case "UNEQUIVOCAL": return role == LesionRole.New ? LesionState.Present : LesionState.UnequivocalProgression;
            case "NOT ASSESSED" or "NOT DONE" or "NOT EVALUABLE" or "NE" or "": return LesionState.NotAssessed;
        }

        if (double.TryParse(upper, NumberStyles.Float, CultureInfo.InvariantCulture, out var mm) && mm >= 0 && double.IsFinite(mm))
        {
            diameter = mm;
            return LesionState.Measured;
        }

        problems.Add(At(t, r, col, "VALUE_NOT_ALLOWED", "a size in mm >= 0 (dot as decimal separator) or PRESENT, ABSENT, UNEQUIVOCAL PROGRESSION, UNEQUIVOCAL, EQUIVOCAL, TOO SMALL TO MEASURE, NOT ASSESSED", Problem.Quote(text), "Correct the result."));
        return null;
    }

    private static (PartialDate Date, ImputedDate Imputed)? ParseDate(CsvTable t, CsvRecord r, string column, DateImputation imputation, List<Problem> problems)
    {
        var text = Get(t, r, column);
        if (PartialDate.TryParse(text, out var d))
        {
            return (d, ImputedDate.From(d, imputation));
        }

        problems.Add(At(t, r, column, "DATE_INVALID", "an ISO 8601 date YYYY-MM-DD (YYYY-MM and YYYY are imputed)", Problem.Quote(text), "Give the assessment date."));
        return null;
    }

    private static bool KeepEvaluator(CsvTable t, CsvRecord r, string prefix, string? evaluator) =>
        Evaluators.Matches(Get(t, r, prefix + "EVAL"), Get(t, r, prefix + "EVALID"), evaluator);

    private static bool RequireColumns(CsvTable t, IEnumerable<string> columns, List<Problem> problems)
    {
        var ok = true;
        foreach (var c in columns.Where(c => t.IndexOf(c) < 0))
        {
            problems.Add(new Problem(t.Source, 1, null, c, "COLUMN_MISSING", "a column " + c, "the header " + Problem.Quote(string.Join(',', t.Columns)), "Add the column (docs/data-format.md)."));
            ok = false;
        }

        return ok;
    }

    private static string Get(CsvTable t, CsvRecord r, string column)
    {
        var i = t.IndexOf(column);
        return i >= 0 ? r.Fields[i].Trim() : string.Empty;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static Problem At(CsvTable t, CsvRecord r, string? column, string code, string expected, string found, string fix, ProblemSeverity severity = ProblemSeverity.Error) =>
        new(t.Source, r.Line, r.Row, column, code, expected, found, fix, severity);

    private sealed record RawRecord(
        string Subject,
        string LesionId,
        LesionRole Role,
        string Location,
        bool IsNode,
        string? Visit,
        DateOnly Date,
        PartialDate Collected,
        DateImputationLevel? DateFlag,
        bool? IsBaseline,
        LesionState State,
        double? DiameterMm,
        int Priority,
        CsvTable Table,
        CsvRecord Record)
    {
        public bool IsDateImputed => DateFlag is not null;

        public bool IsCappedAtReference { get; init; }

        public DateOnly Earliest => Collected.Earliest;

        public DateOnly Latest => Collected.Latest;
    }
}
