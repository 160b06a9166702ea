using System.Globalization;
using OncoTrial.Clinical.Data;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study;

/// <summary>
/// Validates a study folder in one pass and reports every problem with file, line, data row, column, what was
/// expected, what was found and the fix. Never throws for bad content. The checks and their codes are listed in
/// docs/data-format.md ("Validation").
/// </summary>
public static class StudyValidator
{
    private static readonly HashSet<string> MissingValueCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "N/A", "NA", "ND", "NULL", "NONE", ".", "-", "UNK", "UNKNOWN", "NAN", "MISSING",
    };

    private static readonly HashSet<string> UnitVariables = new(StringComparer.Ordinal) { "EXDOSU", "TRSTRESU", "VSSTRESU" };

    /// <summary>Validates the study folder or .zip at <paramref name="path"/>.</summary>
    public static ValidationReport Validate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Validate(StudyFolder.Load(path));
    }

    /// <summary>Validates a study read from a source of named files (a folder, a .zip, files in memory).</summary>
    public static ValidationReport Validate(FileSource source) => Validate(StudyFolder.Load(source));

    /// <summary>Validates a loaded study: its reading problems and every rule.</summary>
    public static ValidationReport Validate(StudyFolder study)
    {
        ArgumentNullException.ThrowIfNull(study);
        string dir = study.Name;
        var problems = new List<Problem>(study.Problems);
        if (!study.IsUsable)
        {
            return new ValidationReport(dir, Sort(problems), isUsable: false);
        }

        var dates = new Dictionary<(string Domain, int Row, string Column), PartialDate>();
        foreach (var domain in study.Domains.Values)
        {
            CheckValues(domain, problems, dates);
            CheckKeys(domain, problems);
        }

        var dm = study.Domain("DM")!;
        var subjects = Subjects(dm, dates);
        foreach (var domain in study.Domains.Values.Where(d => d.Spec.HasSubjects && d.Spec.Name != "DM" && d.Has("USUBJID")))
        {
            foreach (var r in domain.Table.Records)
            {
                string id = domain.Value(r, "USUBJID");
                if (id.Length > 0 && !subjects.ContainsKey(id))
                {
                    problems.Add(new Problem(domain.FileName, r.Line, r.Row, "USUBJID", "UNKNOWN_SUBJECT", "a subject listed in DM", Problem.Quote(id), "Add the subject to dm.csv or correct the identifier."));
                }
            }
        }

        CheckStudyId(study, problems);
        CheckDeath(study, subjects, dates, problems);
        CheckEventOrder(study, subjects, dates, problems);
        CheckRecist(study, dates, problems);
        CheckAdverseEvents(study, problems);
        CheckLabs(study, problems);
        CheckTrialSummary(study, problems);
        CheckCutoff(study, dates, problems);
        CheckTargetsAtBaseline(study, dates, problems);
        CheckDisposition(study, subjects, problems);
        CheckScreenFailureDoses(study, problems);
        CheckCharacteristics(study, problems);
        CheckCycleOrder(study, dates, problems);
        return new ValidationReport(dir, Sort(problems), isUsable: true);
    }

    private sealed record Subject(PartialDate? Consent, PartialDate? FirstDose, PartialDate? Death, CsvRecord Record);

    private static List<Problem> Sort(List<Problem> problems)
    {
        int FileOrder(string? file)
        {
            if (file is null or ".")
            {
                return -1;
            }

            for (int i = 0; i < DomainSpecs.All.Count; i++)
            {
                if (string.Equals(Path.GetFileNameWithoutExtension(file), DomainSpecs.All[i].Name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return DomainSpecs.All.Count;
        }

        return problems.Select((p, i) => (p, i))
            .OrderBy(t => FileOrder(t.p.File)).ThenBy(t => t.p.File, StringComparer.Ordinal).ThenBy(t => t.p.Line ?? 0).ThenBy(t => t.i)
            .Select(t => t.p).ToList();
    }

    private static void CheckValues(StudyDomain domain, List<Problem> problems, Dictionary<(string, int, string), PartialDate> dates)
    {
        var present = domain.Spec.Variables.Where(v => domain.Has(v.Name)).Select(v => (Spec: v, Index: domain.Table.IndexOf(v.Name))).ToArray();
        foreach (var r in domain.Table.Records)
        {
            foreach (var (v, index) in present)
            {
                string value = r.Fields[index];
                if (value.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    continue; // reported once for the file as ENCODING
                }

                var problem = CheckValue(domain.FileName, r, v, value, out PartialDate? date);
                if (problem is not null)
                {
                    problems.Add(problem);
                }
                else if (date is { } d)
                {
                    dates[(domain.Spec.Name, r.Row, v.Name)] = d;
                }
            }
        }
    }

    private static Problem? CheckValue(string file, CsvRecord r, VariableSpec v, string value, out PartialDate? date)
    {
        date = null;
        Problem P(string code, string expected, string fix) => new(file, r.Line, r.Row, v.Name, code, expected, Problem.Quote(value), fix);
        if (value.Length == 0)
        {
            return v.Required ? P("VALUE_MISSING", $"a value ({v.Description.TrimEnd('.')})", $"Fill in {v.Name}; it is required in every record.") : null;
        }

        if (MissingValueCodes.Contains(value.Trim()))
        {
            return P("MISSING_CODE", v.Required ? "a value" : "a value or an empty field", "SDTM has no missing-value codes: leave the field empty when the value is missing" + (v.Required ? $", and {v.Name} is required." : "."));
        }

        switch (v.Type)
        {
            case VariableType.WholeNumber:
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    return P("NOT_A_NUMBER", "a whole number", LooksLikeDecimalComma(value) ? "Use a dot as the decimal separator; this column takes whole numbers." : "Write digits only (no units, blanks or text).");
                }

                break;
            case VariableType.Number:
                if (!double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x))
                {
                    return P("NOT_A_NUMBER", "a number with a dot as the decimal separator", LooksLikeDecimalComma(value) ? "Use a dot as the decimal separator." : "Write the number only (no units, blanks or text).");
                }

                break;
            case VariableType.Date:
                if (!PartialDate.TryParse(value, out var d, out var status))
                {
                    return status == PartialDateStatus.Impossible
                        ? P("DATE_IMPOSSIBLE", "a date that exists", "Correct the date; when the day or month is unknown, leave it out (YYYY-MM or YYYY).")
                        : P("DATE_FORMAT", "an ISO 8601 date YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm", "Write the date as ISO 8601, e.g. 2021-09-03; leave unknown parts out rather than writing UN or 00.");
                }

                date = d;
                break;
        }

        if (v.Allowed.Count > 0 && !v.Allowed.Contains(value, StringComparer.Ordinal))
        {
            string list = string.Join(", ", v.Allowed);
            string? near = v.Allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
            string fix = near is not null ? $"Write {near} (exact case, no blanks)." : $"Use one of: {list}.";
            return UnitVariables.Contains(v.Name)
                ? P("UNIT_UNKNOWN", $"a known unit ({list})", fix + " Convert the value if it was recorded in another unit.")
                : P("VALUE_NOT_ALLOWED", "one of " + list, fix);
        }

        return null;
    }

    private static bool LooksLikeDecimalComma(string value)
    {
        int comma = value.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && comma < value.Length - 1 && value.Count(c => c == ',') == 1
            && value.Remove(comma, 1).TrimStart('-').All(char.IsAsciiDigit);
    }

    private static void CheckKeys(StudyDomain domain, List<Problem> problems)
    {
        var spec = domain.Spec;
        if (spec.Name == "DM")
        {
            if (domain.Has("USUBJID"))
            {
                var first = new Dictionary<string, CsvRecord>(StringComparer.Ordinal);
                foreach (var r in domain.Table.Records)
                {
                    string id = domain.Value(r, "USUBJID");
                    if (id.Length > 0 && !first.TryAdd(id, r))
                    {
                        problems.Add(new Problem(domain.FileName, r.Line, r.Row, "USUBJID", "DUPLICATE_SUBJECT", "one record per subject", string.Create(CultureInfo.InvariantCulture, $"{Problem.Quote(id)} again (first on line {first[id].Line})"), "Remove the repeated subject or give it its own USUBJID."));
                    }
                }
            }

            return;
        }

        string seq = spec.Name + "SEQ";
        if (spec.HasSubjects && domain.Has(seq) && domain.Has("USUBJID"))
        {
            Duplicates(domain, ["USUBJID", seq], problems, "DUPLICATE_SEQ", seq, $"{seq} unique within each subject", "Renumber the records of this subject.");
        }

        if (spec.NaturalKey.All(domain.Has))
        {
            Duplicates(domain, spec.NaturalKey, problems, "DUPLICATE_RECORD", null, "one record per " + string.Join(", ", spec.NaturalKey), "Remove the repeated record or correct the value that should differ.");
        }
    }

    private static void Duplicates(StudyDomain domain, IReadOnlyList<string> key, List<Problem> problems, string code, string? column, string expected, string fix)
    {
        var first = new Dictionary<string, CsvRecord>(StringComparer.Ordinal);
        foreach (var r in domain.Table.Records)
        {
            var values = key.Select(k => domain.Value(r, k)).ToArray();
            if (values.Any(v => v.Length == 0))
            {
                continue;
            }

            string joined = string.Join("\u001F", values);
            if (!first.TryAdd(joined, r))
            {
                problems.Add(new Problem(domain.FileName, r.Line, r.Row, column, code, expected, string.Create(CultureInfo.InvariantCulture, $"the same {string.Join(", ", key)} as line {first[joined].Line}"), fix));
            }
        }
    }

    private static Dictionary<string, Subject> Subjects(StudyDomain dm, Dictionary<(string, int, string), PartialDate> dates)
    {
        var subjects = new Dictionary<string, Subject>(StringComparer.Ordinal);
        foreach (var r in dm.Table.Records)
        {
            string id = dm.Value(r, "USUBJID");
            if (id.Length == 0 || subjects.ContainsKey(id))
            {
                continue;
            }

            PartialDate? Get(string column) => dates.TryGetValue(("DM", r.Row, column), out var d) ? d : null;
            subjects.Add(id, new Subject(Get("RFICDTC"), Get("RFXSTDTC"), Get("DTHDTC"), r));
        }

        return subjects;
    }

    private static void CheckStudyId(StudyFolder study, List<Problem> problems)
    {
        var dm = study.Domain("DM")!;
        string expected = dm.Table.Records.Select(r => dm.Value(r, "STUDYID")).FirstOrDefault(v => v.Length > 0) ?? string.Empty;
        if (expected.Length == 0)
        {
            return;
        }

        foreach (var domain in study.Domains.Values.Where(d => d.Has("STUDYID")))
        {
            foreach (var r in domain.Table.Records)
            {
                string value = domain.Value(r, "STUDYID");
                if (value.Length > 0 && value != expected)
                {
                    problems.Add(new Problem(domain.FileName, r.Line, r.Row, "STUDYID", "STUDYID_MISMATCH", $"the study of dm.csv ({expected})", Problem.Quote(value), "Every file of a study folder holds one study; correct STUDYID."));
                }
            }
        }
    }

    private static void CheckDeath(StudyFolder study, Dictionary<string, Subject> subjects, Dictionary<(string, int, string), PartialDate> dates, List<Problem> problems)
    {
        var dm = study.Domain("DM")!;
        var firstDose = FirstDoses(study, dates);
        foreach (var (id, s) in subjects)
        {
            var r = s.Record;
            string flag = dm.Value(r, "DTHFL"), dtc = dm.Value(r, "DTHDTC");
            if (dm.Has("DTHFL") && flag == "Y" && dtc.Length == 0 && dm.Has("DTHDTC"))
            {
                problems.Add(new Problem(dm.FileName, r.Line, r.Row, "DTHDTC", "DEATH_DATE_MISSING", "the date of death when DTHFL = Y", "an empty field", "Fill in DTHDTC (a partial date is allowed)."));
            }
            else if (dtc.Length > 0 && flag != "Y")
            {
                problems.Add(new Problem(dm.FileName, r.Line, r.Row, "DTHFL", "DEATH_FLAG_MISSING", "Y when DTHDTC is filled in", Problem.Quote(flag), "Set DTHFL to Y, or empty DTHDTC if the subject is alive."));
            }

            PartialDate? first = firstDose.TryGetValue(id, out var f) ? f : s.FirstDose;
            if (s.Death is { } death && first is { } dose && death.IsCertainlyBefore(dose))
            {
                problems.Add(new Problem(dm.FileName, r.Line, r.Row, "DTHDTC", "EVENT_ORDER", $"a death on or after the first dose ({dose})", Problem.Quote(death.ToString()), "Correct the date of death or the exposure dates."));
            }
        }
    }

    private static Dictionary<string, PartialDate> FirstDoses(StudyFolder study, Dictionary<(string, int, string), PartialDate> dates)
    {
        var first = new Dictionary<string, PartialDate>(StringComparer.Ordinal);
        var ex = study.Domain("EX");
        if (ex is null)
        {
            return first;
        }

        foreach (var r in ex.Table.Records)
        {
            string id = ex.Value(r, "USUBJID");
            if (id.Length > 0 && dates.TryGetValue(("EX", r.Row, "EXSTDTC"), out var d) && (!first.TryGetValue(id, out var cur) || d.Earliest < cur.Earliest))
            {
                first[id] = d;
            }
        }

        return first;
    }

    private static void CheckEventOrder(StudyFolder study, Dictionary<string, Subject> subjects, Dictionary<(string, int, string), PartialDate> dates, List<Problem> problems)
    {
        var dm = study.Domain("DM")!;
        foreach (var s in subjects.Values)
        {
            if (s.Consent is { } consent && dates.TryGetValue(("DM", s.Record.Row, "RFSTDTC"), out var start) && start.IsCertainlyBefore(consent))
            {
                problems.Add(new Problem(dm.FileName, s.Record.Line, s.Record.Row, "RFSTDTC", "EVENT_ORDER", $"a treatment start on or after informed consent ({consent})", Problem.Quote(start.ToString()), "Correct RFSTDTC or RFICDTC."));
            }
        }

        (string Domain, string Column, string What)[] afterConsent =
        [
            ("DS", "DSSTDTC", "a disposition event"), ("EX", "EXSTDTC", "a dose"), ("TU", "TUDTC", "a tumour assessment"), ("TR", "TRDTC", "a tumour assessment"),
            ("RS", "RSDTC", "a response assessment"), ("LB", "LBDTC", "a lab sample"), ("VS", "VSDTC", "a vital-sign measurement"), ("AE", "AESTDTC", "an adverse event"),
        ];
        foreach (var (name, column, what) in afterConsent)
        {
            var domain = study.Domain(name);
            if (domain is null)
            {
                continue;
            }

            foreach (var r in domain.Table.Records)
            {
                if (subjects.TryGetValue(domain.Value(r, "USUBJID"), out var s) && s.Consent is { } consent
                    && dates.TryGetValue((name, r.Row, column), out var d) && d.IsCertainlyBefore(consent))
                {
                    problems.Add(new Problem(domain.FileName, r.Line, r.Row, column, "EVENT_ORDER", $"{what} on or after informed consent ({consent})", Problem.Quote(d.ToString()), $"Correct {column}, or DM.RFICDTC if the consent date is wrong."));
                }
            }
        }

        (string Domain, string Start, string End)[] spans = [("AE", "AESTDTC", "AEENDTC"), ("EX", "EXSTDTC", "EXENDTC"), ("CM", "CMSTDTC", "CMENDTC")];
        foreach (var (name, startColumn, endColumn) in spans)
        {
            var domain = study.Domain(name);
            if (domain is null)
            {
                continue;
            }

            foreach (var r in domain.Table.Records)
            {
                if (dates.TryGetValue((name, r.Row, startColumn), out var start) && dates.TryGetValue((name, r.Row, endColumn), out var end) && end.IsCertainlyBefore(start))
                {
                    problems.Add(new Problem(domain.FileName, r.Line, r.Row, endColumn, "EVENT_ORDER", $"an end on or after the start ({startColumn} {start})", Problem.Quote(end.ToString()), $"Correct {endColumn} or {startColumn}."));
                }
            }
        }

        (string Domain, string Column, string What)[] beforeDeath = [("EX", "EXSTDTC", "a dose"), ("TR", "TRDTC", "a tumour assessment"), ("RS", "RSDTC", "a response assessment")];
        foreach (var (name, column, what) in beforeDeath)
        {
            var domain = study.Domain(name);
            if (domain is null)
            {
                continue;
            }

            foreach (var r in domain.Table.Records)
            {
                if (subjects.TryGetValue(domain.Value(r, "USUBJID"), out var s) && s.Death is { } death
                    && dates.TryGetValue((name, r.Row, column), out var d) && death.IsCertainlyBefore(d))
                {
                    problems.Add(new Problem(domain.FileName, r.Line, r.Row, column, "EVENT_ORDER", $"{what} on or before the date of death ({death})", Problem.Quote(d.ToString()), $"Correct {column}, or DM.DTHDTC if the date of death is wrong."));
                }
            }
        }
    }

    private static void CheckRecist(StudyFolder study, Dictionary<(string, int, string), PartialDate> dates, List<Problem> problems)
    {
        var tu = study.Domain("TU");
        var tr = study.Domain("TR");
        if (tu is null || !tu.Has("USUBJID") || !tu.Has("TULNKID"))
        {
            return;
        }

        bool nodeColumn = tu.Has("TUNODFL");
        var lesions = new Dictionary<(string, string), (bool Target, bool Nodal)>();
        var targetCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var organCount = new Dictionary<(string, string), int>();
        foreach (var r in tu.Table.Records)
        {
            string id = tu.Value(r, "USUBJID"), link = tu.Value(r, "TULNKID"), loc = tu.Value(r, "TULOC");
            bool target = tu.Value(r, "TUORRES") == "TARGET";
            bool nodal = nodeColumn ? tu.Value(r, "TUNODFL") == "Y" : loc.Contains("LYMPH NODE", StringComparison.OrdinalIgnoreCase);
            lesions.TryAdd((id, link), (target, nodal));
            if (!target || id.Length == 0)
            {
                continue;
            }

            int n = targetCount[id] = targetCount.GetValueOrDefault(id) + 1;
            if (n == 6)
            {
                problems.Add(new Problem(tu.FileName, r.Line, r.Row, "TUORRES", "RECIST_TARGET_COUNT", "at most 5 target lesions per subject (RECIST 1.1 §4.3)", string.Create(CultureInfo.InvariantCulture, $"a 6th target lesion {Problem.Quote(link)}"), "Record the extra lesions as NON-TARGET."));
            }

            string organ = nodal ? "LYMPH NODE" : loc.Trim().ToUpperInvariant();
            int m = organCount[(id, organ)] = organCount.GetValueOrDefault((id, organ)) + 1;
            if (m == 3)
            {
                problems.Add(new Problem(tu.FileName, r.Line, r.Row, "TULOC", "RECIST_TARGETS_PER_ORGAN", "at most 2 target lesions per organ, all lymph nodes counting as one organ (RECIST 1.1 §4.3)", string.Create(CultureInfo.InvariantCulture, $"a 3rd target lesion in {Problem.Quote(organ)} ({Problem.Quote(link)})"), "Record the extra lesion as NON-TARGET."));
            }
        }

        if (tr is null || !tr.Has("USUBJID") || !tr.Has("TRLNKID"))
        {
            return;
        }

        bool flagColumn = tr.Has("TRLOBXFL");
        var earliest = new Dictionary<string, PartialDate>(StringComparer.Ordinal);
        if (!flagColumn)
        {
            foreach (var r in tr.Table.Records)
            {
                string id = tr.Value(r, "USUBJID");
                if (dates.TryGetValue(("TR", r.Row, "TRDTC"), out var d) && (!earliest.TryGetValue(id, out var cur) || d.Earliest < cur.Earliest))
                {
                    earliest[id] = d;
                }
            }
        }

        foreach (var r in tr.Table.Records)
        {
            string id = tr.Value(r, "USUBJID"), link = tr.Value(r, "TRLNKID");
            if (id.Length == 0 || link.Length == 0)
            {
                continue;
            }

            if (!lesions.TryGetValue((id, link), out var lesion))
            {
                problems.Add(new Problem(tr.FileName, r.Line, r.Row, "TRLNKID", "RECIST_LESION_NOT_IDENTIFIED", "a lesion identified in tu.csv for this subject", Problem.Quote(link), "Add the lesion to tu.csv (TUORRES NEW when it appeared after baseline) or correct TRLNKID."));
                continue;
            }

            if (lesion.Target && lesion.Nodal && tr.Value(r, "TRTESTCD") == "LDIAM")
            {
                problems.Add(new Problem(tr.FileName, r.Line, r.Row, "TRTESTCD", "RECIST_NODE_LONG_AXIS", "the short axis (LPERP) for a target lymph node (RECIST 1.1 §3.1: nodes are measured by their short axis)", $"{Problem.Quote("LDIAM")} (longest diameter) for {Problem.Quote(link)}", "Record the node's short axis with TRTESTCD LPERP, or correct TUNODFL/TULOC in tu.csv if the lesion is not a lymph node."));
            }

            bool baseline = flagColumn ? tr.Value(r, "TRLOBXFL") == "Y"
                : earliest.TryGetValue(id, out var first) && dates.TryGetValue(("TR", r.Row, "TRDTC"), out var d) && d == first;
            if (!baseline || !lesion.Target
                || !double.TryParse(tr.Value(r, "TRSTRESN"), NumberStyles.Float, CultureInfo.InvariantCulture, out double mm))
            {
                continue;
            }

            string test = tr.Value(r, "TRTESTCD");
            if (lesion.Nodal && test == "LPERP" && mm < 15)
            {
                problems.Add(new Problem(tr.FileName, r.Line, r.Row, "TRSTRESN", "RECIST_NODE_TOO_SMALL", "a short axis of at least 15 mm for a target lymph node at baseline (RECIST 1.1 §3.1)", Problem.Quote(tr.Value(r, "TRSTRESN")) + " mm", "Record the node as NON-TARGET (10 to <15 mm) or as normal (<10 mm), or correct the measurement."));
            }
            else if (!lesion.Nodal && test == "LDIAM" && mm < 10)
            {
                problems.Add(new Problem(tr.FileName, r.Line, r.Row, "TRSTRESN", "RECIST_LESION_TOO_SMALL", "a longest diameter of at least 10 mm for a target lesion at baseline (RECIST 1.1 §3.1)", Problem.Quote(tr.Value(r, "TRSTRESN")) + " mm", "Record the lesion as NON-TARGET, or correct the measurement."));
            }
        }
    }

    private static void CheckAdverseEvents(StudyFolder study, List<Problem> problems)
    {
        var ae = study.Domain("AE");
        if (ae is null || !ae.Has("AEDECOD") || !ae.Has("AETOXGR"))
        {
            return;
        }

        foreach (var r in ae.Table.Records)
        {
            if (!int.TryParse(ae.Value(r, "AETOXGR"), NumberStyles.None, CultureInfo.InvariantCulture, out int grade) || grade is < 1 or > 5)
            {
                continue; // reported by the value check
            }

            string term = ae.Value(r, "AEDECOD");
            if (CtcaeGradeTable.V5.Find(term) is { } range && (grade < range.Min || grade > range.Max))
            {
                string allowed = range.Min == range.Max
                    ? range.Min.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{range.Min} to {range.Max}");
                problems.Add(new Problem(ae.FileName, r.Line, r.Row, "AETOXGR", "CTCAE_GRADE_NOT_ALLOWED", $"a CTCAE v5.0 grade that {term} defines ({allowed})", Problem.Quote(ae.Value(r, "AETOXGR")), $"Correct the grade or the term (source: {range.Source})."));
            }

            string outcome = ae.Value(r, "AEOUT");
            if (grade == 5 && ae.Has("AEOUT") && outcome.Length > 0 && outcome != "FATAL")
            {
                problems.Add(new Problem(ae.FileName, r.Line, r.Row, "AEOUT", "CTCAE_GRADE5_NOT_FATAL", "FATAL for a grade 5 event (CTCAE grade 5 = death related to the AE)", Problem.Quote(outcome), "Correct the grade or the outcome."));
            }
        }
    }

    private static void CheckLabs(StudyFolder study, List<Problem> problems)
    {
        var lb = study.Domain("LB");
        if (lb is null)
        {
            return;
        }

        foreach (var r in lb.Table.Records)
        {
            string value = lb.Value(r, "LBSTRESN");
            if (value.Length > 0 && lb.Value(r, "LBSTRESU").Length == 0 && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                problems.Add(new Problem(lb.FileName, r.Line, r.Row, "LBSTRESU", "UNIT_MISSING", "the unit of LBSTRESN", "an empty field", "Fill in LBSTRESU (SI units, e.g. 10^9/L, g/L, umol/L)."));
            }

            if (double.TryParse(lb.Value(r, "LBSTNRLO"), NumberStyles.Float, CultureInfo.InvariantCulture, out double lo)
                && double.TryParse(lb.Value(r, "LBSTNRHI"), NumberStyles.Float, CultureInfo.InvariantCulture, out double hi) && lo > hi)
            {
                problems.Add(new Problem(lb.FileName, r.Line, r.Row, "LBSTNRLO", "RANGE_INVERTED", "a lower limit of normal not above the upper limit", string.Create(CultureInfo.InvariantCulture, $"{lb.Value(r, "LBSTNRLO")} > {lb.Value(r, "LBSTNRHI")}"), "Swap LBSTNRLO and LBSTNRHI or correct them."));
            }
        }
    }

    private static void CheckTrialSummary(StudyFolder study, List<Problem> problems)
    {
        var ts = study.Domain("TS");
        if (ts is null || !ts.Has("TSPARMCD") || !ts.Has("TSVAL"))
        {
            return;
        }

        foreach (string parameter in new[] { "DCUTDTC", "REGIMEN" })
        {
            var records = ts.Table.Records.Where(r => ts.Value(r, "TSPARMCD") == parameter).ToList();
            if (records.Count == 0)
            {
                problems.Add(new Problem(ts.FileName, null, null, "TSPARMCD", "TS_PARAMETER_MISSING", $"a record with TSPARMCD = {parameter}", "none", parameter == "DCUTDTC" ? "Add the data cutoff date: TSPARMCD DCUTDTC, TSVAL YYYY-MM-DD." : "Add the regimen name: TSPARMCD REGIMEN."));
            }

            if (parameter != "DCUTDTC")
            {
                continue;
            }

            foreach (var r in records)
            {
                string value = ts.Value(r, "TSVAL");
                if (!PartialDate.TryParse(value, out var cutoff, out var status) || !cutoff.IsCompleteDate)
                {
                    problems.Add(new Problem(ts.FileName, r.Line, r.Row, "TSVAL", status == PartialDateStatus.Impossible ? "DATE_IMPOSSIBLE" : "DATE_FORMAT", "the data cutoff as a complete date YYYY-MM-DD", Problem.Quote(value), "Write the cutoff date in full, e.g. 2024-04-01."));
                }
            }
        }
    }

    /// <summary>The data cutoff (TS DCUTDTC) when TS gives exactly one complete date, else null.</summary>
    private static (PartialDate Date, CsvRecord Record)? Cutoff(StudyFolder study)
    {
        var ts = study.Domain("TS");
        if (ts is null || !ts.Has("TSPARMCD") || !ts.Has("TSVAL"))
        {
            return null;
        }

        var records = ts.Table.Records.Where(r => ts.Value(r, "TSPARMCD") == "DCUTDTC").ToList();
        return records.Count == 1 && PartialDate.TryParse(ts.Value(records[0], "TSVAL"), out var d) && d.IsCompleteDate ? (d, records[0]) : null;
    }

    private static void CheckCutoff(StudyFolder study, Dictionary<(string, int, string), PartialDate> dates, List<Problem> problems)
    {
        if (Cutoff(study) is not { } cutoff)
        {
            return; // missing or malformed: reported by the trial summary check
        }

        (string Domain, string Column, string What)[] events =
        [
            ("EX", "EXSTDTC", "a dose"), ("TU", "TUDTC", "a tumour assessment"), ("TR", "TRDTC", "a tumour assessment"), ("RS", "RSDTC", "a response assessment"),
            ("LB", "LBDTC", "a lab sample"), ("VS", "VSDTC", "a vital-sign measurement"), ("AE", "AESTDTC", "an adverse event start"),
        ];
        foreach (var (name, column, what) in events)
        {
            var domain = study.Domain(name);
            if (domain is null)
            {
                continue;
            }

            foreach (var r in domain.Table.Records)
            {
                if (dates.TryGetValue((name, r.Row, column), out var d) && cutoff.Date.IsCertainlyBefore(d))
                {
                    problems.Add(new Problem(domain.FileName, r.Line, r.Row, column, "AFTER_CUTOFF", $"{what} on or before the data cutoff (ts.csv DCUTDTC {cutoff.Date})", Problem.Quote(d.ToString()), $"Remove records after the cutoff from this data snapshot, or correct {column} (or DCUTDTC in ts.csv if the cutoff is wrong)."));
                }
            }
        }
    }

    private static void CheckTargetsAtBaseline(StudyFolder study, Dictionary<(string, int, string), PartialDate> dates, List<Problem> problems)
    {
        var tu = study.Domain("TU");
        var tr = study.Domain("TR");
        if (tu is null || !tu.Has("USUBJID") || !tu.Has("TUORRES"))
        {
            return;
        }

        // Baseline: the subject's latest baseline tumour assessment (TRLOBXFL = Y; without the column the earliest TRDTC);
        // a subject without one is judged against the first dose.
        var baseline = new Dictionary<string, PartialDate>(StringComparer.Ordinal);
        if (tr is not null && tr.Has("USUBJID"))
        {
            bool flagColumn = tr.Has("TRLOBXFL");
            foreach (var r in tr.Table.Records)
            {
                string id = tr.Value(r, "USUBJID");
                if (!dates.TryGetValue(("TR", r.Row, "TRDTC"), out var d))
                {
                    continue;
                }

                bool better = !baseline.TryGetValue(id, out var cur) || (flagColumn ? d.Earliest > cur.Earliest : d.Earliest < cur.Earliest);
                if ((!flagColumn || tr.Value(r, "TRLOBXFL") == "Y") && better)
                {
                    baseline[id] = d;
                }
            }
        }

        foreach (var (id, first) in FirstDoses(study, dates))
        {
            baseline.TryAdd(id, first);
        }

        foreach (var r in tu.Table.Records)
        {
            string id = tu.Value(r, "USUBJID");
            if (tu.Value(r, "TUORRES") == "TARGET" && baseline.TryGetValue(id, out var b) && dates.TryGetValue(("TU", r.Row, "TUDTC"), out var d) && b.IsCertainlyBefore(d))
            {
                problems.Add(new Problem(tu.FileName, r.Line, r.Row, "TUDTC", "RECIST_TARGET_AFTER_BASELINE", $"a target lesion identified at baseline, on or before {b} (RECIST 1.1 §4.2: targets are chosen at baseline)", $"{Problem.Quote(tu.Value(r, "TULNKID"))} first identified on {d}", "Record a lesion that appeared after baseline as NEW (TUORRES NEW), or correct TUDTC."));
            }
        }
    }

    private static void CheckDisposition(StudyFolder study, Dictionary<string, Subject> subjects, List<Problem> problems)
    {
        var ds = study.Domain("DS");
        if (ds is null || !ds.Has("USUBJID") || !ds.Has("DSDECOD"))
        {
            return;
        }

        var dm = study.Domain("DM")!;
        var deaths = ds.Table.Records.Where(r => ds.Value(r, "DSDECOD") == "DEATH").Select(r => ds.Value(r, "USUBJID")).ToHashSet(StringComparer.Ordinal);
        if (dm.Has("DTHFL"))
        {
            foreach (var (id, s) in subjects)
            {
                if (dm.Value(s.Record, "DTHFL") == "Y" && !deaths.Contains(id))
                {
                    problems.Add(new Problem(dm.FileName, s.Record.Line, s.Record.Row, "DTHFL", "DEATH_DISPOSITION_MISSING", "a ds.csv record with DSDECOD DEATH for a subject with DTHFL = Y", $"no DEATH record for {Problem.Quote(id)} in ds.csv", "Add the death to ds.csv (DSCAT DISPOSITION EVENT, DSSCAT STUDY, DSDECOD DEATH, DSSTDTC the date of death), or correct DTHFL."));
                }
            }
        }

        if (!ds.Has("DSCAT") || !ds.Has("DSSCAT"))
        {
            return;
        }

        var first = new Dictionary<(string, string), CsvRecord>();
        foreach (var r in ds.Table.Records)
        {
            string id = ds.Value(r, "USUBJID"), phase = ds.Value(r, "DSSCAT");
            if (ds.Value(r, "DSCAT") != "DISPOSITION EVENT" || id.Length == 0 || phase.Length == 0)
            {
                continue;
            }

            if (!first.TryAdd((id, phase), r))
            {
                var earlier = first[(id, phase)];
                problems.Add(new Problem(ds.FileName, r.Line, r.Row, "DSSCAT", "DISPOSITION_PHASE_TWICE", $"one end-of-phase record (DSCAT DISPOSITION EVENT) per subject and phase", string.Create(CultureInfo.InvariantCulture, $"a second end of {Problem.Quote(phase)}: {Problem.Quote(ds.Value(r, "DSDECOD"))} after {Problem.Quote(ds.Value(earlier, "DSDECOD"))} on line {earlier.Line}"), "Keep the one reason the phase ended (the primary reason); record other events as DSCAT OTHER EVENT, or correct DSSCAT."));
            }
        }
    }

    private static void CheckScreenFailureDoses(StudyFolder study, List<Problem> problems)
    {
        var ds = study.Domain("DS");
        var ex = study.Domain("EX");
        if (ds is null || ex is null || !ds.Has("USUBJID") || !ds.Has("DSDECOD") || !ex.Has("USUBJID"))
        {
            return;
        }

        var screenFailures = new Dictionary<string, CsvRecord>(StringComparer.Ordinal);
        foreach (var r in ds.Table.Records.Where(r => ds.Value(r, "DSDECOD") == "SCREEN FAILURE"))
        {
            screenFailures.TryAdd(ds.Value(r, "USUBJID"), r);
        }

        foreach (var r in ex.Table.Records)
        {
            string id = ex.Value(r, "USUBJID");
            if (screenFailures.TryGetValue(id, out var failure))
            {
                problems.Add(new Problem(ex.FileName, r.Line, r.Row, "USUBJID", "DOSE_TO_SCREEN_FAILURE", "doses only for subjects who passed screening", string.Create(CultureInfo.InvariantCulture, $"a dose for {Problem.Quote(id)}, a screen failure (ds.csv line {failure.Line})"), "Remove the dose, or remove the SCREEN FAILURE record from ds.csv if the subject was enrolled."));
            }
        }
    }

    private static void CheckCharacteristics(StudyFolder study, List<Problem> problems)
    {
        var sc = study.Domain("SC");
        if (sc is null || !sc.Has("SCTESTCD") || !sc.Has("SCSTRESC"))
        {
            return;
        }

        foreach (var r in sc.Table.Records)
        {
            string test = sc.Value(r, "SCTESTCD"), value = sc.Value(r, "SCSTRESC");
            if (value.Length == 0 || MissingValueCodes.Contains(value.Trim()))
            {
                continue; // reported by the value check
            }

            (bool ok, string expected, string fix) = test switch
            {
                "ECOG" => (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int ecog) && ecog <= 5, "an ECOG performance status, a whole number 0 to 5", "Write the ECOG grade as a digit 0-5."),
                "PDL1CPS" => (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double cps) && cps <= 100, "a PD-L1 combined positive score, a number 0 to 100", "Write the score as a number (CPS < 1 as 0, CPS above 100 as 100); keep the text as collected in SCORRES."),
                "NMETSITE" => (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _), "a number of metastatic sites, a whole number >= 0", "Write the count as digits."),
                "PRSURG" or "PRRADIO" => (value is "Y" or "N", "Y or N", "Write Y or N; keep the text as collected in SCORRES."),
                _ => (true, string.Empty, string.Empty),
            };
            if (!ok)
            {
                problems.Add(new Problem(sc.FileName, r.Line, r.Row, "SCSTRESC", "CHARACTERISTIC_VALUE", $"{expected} for SCTESTCD {test}", Problem.Quote(value), fix));
            }
        }
    }

    private static void CheckCycleOrder(StudyFolder study, Dictionary<(string, int, string), PartialDate> dates, List<Problem> problems)
    {
        var ex = study.Domain("EX");
        if (ex is null || !ex.Has("USUBJID") || !ex.Has("EXCYCLE"))
        {
            return;
        }

        var doses = new List<(string Id, PartialDate Date, int Cycle, CsvRecord Record)>();
        foreach (var r in ex.Table.Records)
        {
            if (dates.TryGetValue(("EX", r.Row, "EXSTDTC"), out var d) && int.TryParse(ex.Value(r, "EXCYCLE"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int cycle))
            {
                doses.Add((ex.Value(r, "USUBJID"), d, cycle, r));
            }
        }

        foreach (var subject in doses.GroupBy(x => x.Id, StringComparer.Ordinal))
        {
            (PartialDate Date, int Cycle, CsvRecord Record)? highest = null;
            foreach (var dose in subject.OrderBy(x => x.Date.Earliest).ThenBy(x => x.Cycle).ThenBy(x => x.Record.Row))
            {
                if (highest is { } h && dose.Cycle < h.Cycle && h.Date.IsCertainlyBefore(dose.Date))
                {
                    problems.Add(new Problem(ex.FileName, dose.Record.Line, dose.Record.Row, "EXCYCLE", "CYCLE_ORDER", string.Create(CultureInfo.InvariantCulture, $"cycle {h.Cycle} or later on {dose.Date} (cycle {h.Cycle} was given on {h.Date}, line {h.Record.Line})"), Problem.Quote(ex.Value(dose.Record, "EXCYCLE")), "Correct EXCYCLE or EXSTDTC: cycles are numbered 1, 2, ... in the order they are given."));
                }
                else if (highest is null || dose.Cycle > highest.Value.Cycle)
                {
                    highest = (dose.Date, dose.Cycle, dose.Record);
                }
            }
        }
    }
}
