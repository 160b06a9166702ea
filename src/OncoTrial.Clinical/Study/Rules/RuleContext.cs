using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>A DM subject as the rules see it: its first DM record and the dates that order its events.</summary>
internal sealed record Subject(PartialDate? Consent, PartialDate? FirstDose, PartialDate? Death, CsvRecord Record);

/// <summary>A TU lesion: whether it is a target and whether it is a lymph node.</summary>
internal readonly record struct Lesion(bool IsTarget, bool IsNodal);

/// <summary>
/// Who assessed a tumour record: --EVAL and --EVALID (empty when the columns are absent). SDTM keeps one set of
/// lesions per evaluator (the investigator, each independent radiologist), so RECIST checks count within one.
/// </summary>
internal readonly record struct Assessor(string Evaluator, string EvaluatorId)
{
    /// <summary>The assessor of a TU (TUEVAL, TUEVALID) or TR (TREVAL, TREVALID) record, reading only the parts named.</summary>
    public static Assessor Of(StudyDomain domain, CsvRecord record, bool evaluator, bool evaluatorId) => new(
        evaluator ? domain.Value(record, domain.Spec.Name + "EVAL").Trim() : string.Empty,
        evaluatorId ? domain.Value(record, domain.Spec.Name + "EVALID").Trim() : string.Empty);

    /// <summary>"" for a study with one evaluator, else " (evaluator INDEPENDENT ASSESSOR RADIOLOGIST 1)".</summary>
    public string Describe() => Evaluator.Length == 0 && EvaluatorId.Length == 0 ? string.Empty : $" (evaluator {string.Join(' ', new[] { Evaluator, EvaluatorId }.Where(x => x.Length > 0))})";
}

/// <summary>A date column of a domain and what its records are, for messages ("a dose").</summary>
internal readonly record struct DateColumn(string Domain, string Column, string What = "");

/// <summary>A date on the wrong side of its limit.</summary>
internal readonly record struct MisplacedDate(DateColumn Column, StudyDomain Domain, CsvRecord Record, PartialDate Date, PartialDate Limit);

/// <summary>Which side of its limit a date must be on.</summary>
internal enum DateLimit
{
    /// <summary>The date must not be certainly before the limit.</summary>
    OnOrAfter,

    /// <summary>The date must not be certainly after the limit.</summary>
    OnOrBefore,
}

/// <summary>
/// What several rules need, computed once per validation: the dates that parse (the value rules report the others),
/// the DM subjects, first doses, the data cutoff, the TU lesions and the tumour baseline dates.
/// </summary>
internal sealed class RuleContext
{
    private readonly Dictionary<(string Domain, int Row, string Column), PartialDate> _dates = [];
    private Dictionary<string, PartialDate>? _firstDoses;
    private Dictionary<(string Subject, Assessor Assessor, string Lesion), Lesion>? _lesions;
    private Dictionary<(string Subject, Assessor Assessor), PartialDate>? _earliestTumourAssessments;
    private PartialDate? _cutoff;
    private bool _cutoffRead;
    private bool? _baselineFlags;

    /// <summary>Reads what the rules share from a usable study.</summary>
    public RuleContext(StudyFolder study, RecistThresholds? thresholds = null, ValidationProfile? profile = null)
    {
        Study = study;
        Thresholds = thresholds ?? RecistThresholds.Recist11;
        Profile = profile ?? ValidationProfile.For(study);
        Dm = study.Domain("DM") ?? throw new ArgumentException("The study has no DM domain; only usable studies are checked.", nameof(study));
        foreach (var cell in ValueCell.All(study, Profile))
        {
            if (cell.Variable.Type == VariableType.Date && cell.HasValue && cell.IsAllowed && PartialDate.TryParse(cell.Value, out var date))
            {
                _dates[(cell.Domain.Spec.Name, cell.Record.Row, cell.Variable.Name)] = date;
            }
        }

        foreach (var r in Dm.Table.Records)
        {
            string id = Dm.Value(r, "USUBJID");
            if (id.Length > 0 && !Subjects.ContainsKey(id))
            {
                Subjects.Add(id, new Subject(Date(Dm, r, "RFICDTC"), Date(Dm, r, "RFXSTDTC"), Date(Dm, r, "DTHDTC"), r));
            }
        }
    }

    /// <summary>The study checked.</summary>
    public StudyFolder Study { get; }

    /// <summary>Demographics; a usable study has it.</summary>
    public StudyDomain Dm { get; }

    /// <summary>The RECIST numbers the RECIST rules check against (RECIST 1.1).</summary>
    public RecistThresholds Thresholds { get; }

    /// <summary>The profile the study is checked against.</summary>
    public ValidationProfile Profile { get; }

    /// <summary>Every value of the study with what the profile says of its variable.</summary>
    public IEnumerable<ValueCell> Values => ValueCell.All(Study, Profile);

    /// <summary>The subjects of DM by USUBJID (the first record of a repeated subject).</summary>
    public Dictionary<string, Subject> Subjects { get; } = new(StringComparer.Ordinal);

    /// <summary>The earliest EXSTDTC of each subject with a dose.</summary>
    public IReadOnlyDictionary<string, PartialDate> FirstDoses => _firstDoses ??= EarliestDates("EX", "EXSTDTC");

    /// <summary>The earliest TRDTC of each subject and assessor with a tumour measurement.</summary>
    public IReadOnlyDictionary<(string Subject, Assessor Assessor), PartialDate> EarliestTumourAssessments => _earliestTumourAssessments ??= EarliestAssessments();

    /// <summary>The data cutoff (TS DCUTDTC) when TS gives exactly one complete date, else null.</summary>
    public PartialDate? Cutoff
    {
        get
        {
            if (!_cutoffRead)
            {
                _cutoffRead = true;
                var records = ParameterRecords("DCUTDTC");
                _cutoff = records.Count == 1 && PartialDate.TryParse(records[0].Ts.Value(records[0].Record, "TSVAL"), out var d) && d.IsCompleteDate ? d : null;
            }

            return _cutoff;
        }
    }

    /// <summary>The TU lesions by subject, assessor and TULNKID (the first record of each), or none when TU lacks USUBJID or TULNKID.</summary>
    public IReadOnlyDictionary<(string Subject, Assessor Assessor, string Lesion), Lesion> Lesions => _lesions ??= ReadLesions();

    /// <summary>The domain with that code, or null.</summary>
    public StudyDomain? Domain(string name) => Study.Domain(name);

    /// <summary>
    /// The assessor of a TU or TR record. An evaluator column counts only when TU has it and TR, when present, has it
    /// too: TR records cannot be matched to TU lesions by an evaluator that one side does not record.
    /// </summary>
    public Assessor AssessorOf(StudyDomain domain, CsvRecord record)
    {
        bool Both(string part) => Domain("TU")?.Has("TU" + part) == true && (Domain("TR")?.Has("TR" + part) ?? true);
        return Assessor.Of(domain, record, Both("EVAL"), Both("EVALID"));
    }

    /// <summary>The domain with that code when it has every column named, else null.</summary>
    public StudyDomain? Domain(string name, params string[] columns) => Study.Domain(name) is { } d && columns.All(d.Has) ? d : null;

    /// <summary>The records of a domain that has every column named, each with its domain; none when it is absent or lacks one.</summary>
    public IEnumerable<(StudyDomain Domain, CsvRecord Record)> RecordsOf(string name, params string[] columns) =>
        Domain(name, columns) is { } d ? d.Table.Records.Select(r => (d, r)) : [];

    /// <summary>The items that are the first beyond <paramref name="max"/> of their key (the 6th target of a subject when at most 5 are allowed).</summary>
    public static IEnumerable<T> FirstBeyond<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, int max)
        where TKey : notnull
    {
        var count = new Dictionary<TKey, int>();
        foreach (var item in items)
        {
            var k = key(item);
            if ((count[k] = count.GetValueOrDefault(k) + 1) == max + 1)
            {
                yield return item;
            }
        }
    }

    /// <summary>The parsed date of a record's column, or null when it is empty or reported as invalid.</summary>
    public PartialDate? Date(StudyDomain domain, CsvRecord record, string column) =>
        _dates.TryGetValue((domain.Spec.Name, record.Row, column), out var d) ? d : null;

    /// <summary>The DM subject a record belongs to, or null.</summary>
    public Subject? SubjectOf(StudyDomain domain, CsvRecord record) =>
        Subjects.TryGetValue(domain.Value(record, "USUBJID"), out var s) ? s : null;

    /// <summary>The TS records of a parameter (TSPARMCD), or none when TS lacks TSPARMCD or TSVAL.</summary>
    public List<(StudyDomain Ts, CsvRecord Record)> ParameterRecords(string parameter) =>
        RecordsOf("TS", "TSPARMCD", "TSVAL").Where(x => x.Domain.Value(x.Record, "TSPARMCD") == parameter).ToList();

    /// <summary>
    /// The dates of the columns given that are certainly on the wrong side of their limit: before it
    /// (<see cref="DateLimit.OnOrAfter"/>) or after it (<see cref="DateLimit.OnOrBefore"/>). A record without a date
    /// or without a limit is skipped; absent domains are skipped.
    /// </summary>
    public IEnumerable<MisplacedDate> DatesOutside(IEnumerable<DateColumn> columns, DateLimit limit, Func<DateColumn, StudyDomain, CsvRecord, PartialDate?> limitOf)
    {
        foreach (var column in columns)
        {
            foreach (var (domain, r) in RecordsOf(column.Domain))
            {
                if (Date(domain, r, column.Column) is { } d && limitOf(column, domain, r) is { } x
                    && (limit == DateLimit.OnOrAfter ? d.IsCertainlyBefore(x) : x.IsCertainlyBefore(d)))
                {
                    yield return new MisplacedDate(column, domain, r, d, x);
                }
            }
        }
    }

    /// <summary>
    /// The records whose key values repeat an earlier record's, each with that first record. Records with an empty key
    /// value are skipped, unless <paramref name="emptyIsValue"/>: then an empty or absent column counts as a value, and
    /// only a record without USUBJID (in a subject domain) is skipped.
    /// </summary>
    public static IEnumerable<(CsvRecord Record, CsvRecord First)> Repeats(StudyDomain domain, IReadOnlyList<string> key, bool emptyIsValue = false)
    {
        var first = new Dictionary<string, CsvRecord>(StringComparer.Ordinal);
        foreach (var r in domain.Table.Records)
        {
            var values = key.Select(k => domain.Value(r, k)).ToArray();
            if (emptyIsValue ? domain.Spec.HasSubjects && domain.Value(r, "USUBJID").Length == 0 : values.Any(v => v.Length == 0))
            {
                continue;
            }

            string joined = string.Join("\u001F", values);
            if (!first.TryAdd(joined, r))
            {
                yield return (r, first[joined]);
            }
        }
    }

    /// <summary>"the same USUBJID, AESEQ as line 2".</summary>
    public static string SameKey(IReadOnlyList<string> key, CsvRecord first) =>
        string.Create(CultureInfo.InvariantCulture, $"the same {string.Join(", ", key)} as line {first.Line}");

    /// <summary>The TU target lesions with a subject, in file order, each with its assessor, when TU has USUBJID and TULNKID.</summary>
    public IEnumerable<(StudyDomain Tu, CsvRecord Record, string Subject, Assessor Assessor, string Lesion)> TargetLesions()
    {
        if (Domain("TU", "USUBJID", "TULNKID") is not { } tu)
        {
            return [];
        }

        return from r in tu.Table.Records
               let id = tu.Value(r, "USUBJID")
               where id.Length > 0 && IsTarget(tu, r)
               select (tu, r, id, AssessorOf(tu, r), tu.Value(r, "TULNKID"));
    }

    /// <summary>True when a TU record is a target lesion: TUSTRESC = TARGET, or TUORRES when TUSTRESC is absent or empty.</summary>
    public static bool IsTarget(StudyDomain tu, CsvRecord record)
    {
        string standard = tu.Value(record, "TUSTRESC");
        return (standard.Length > 0 ? standard : tu.Value(record, "TUORRES")) == "TARGET";
    }

    /// <summary>
    /// The TR records with a subject and a TRLNKID (records about all lesions, such as SUMDIAM, have none), with their
    /// assessor and their TU lesion of the same assessor (null when TU has none), when TU has USUBJID and TULNKID and TR
    /// has USUBJID and TRLNKID.
    /// </summary>
    public IEnumerable<(StudyDomain Tr, CsvRecord Record, string Subject, Assessor Assessor, string Link, Lesion? Lesion)> Measurements()
    {
        if (Domain("TU", "USUBJID", "TULNKID") is null || Domain("TR", "USUBJID", "TRLNKID") is not { } tr)
        {
            return [];
        }

        return from r in tr.Table.Records
               let id = tr.Value(r, "USUBJID")
               let link = tr.Value(r, "TRLNKID")
               where id.Length > 0 && link.Length > 0
               let assessor = AssessorOf(tr, r)
               select (tr, r, id, assessor, link, Lesions.TryGetValue((id, assessor, link), out var lesion) ? lesion : (Lesion?)null);
    }

    /// <summary>
    /// True when a TR record belongs to the subject's baseline: TRLOBXFL = Y when the column has a value in the study,
    /// or else its TRDTC is the earliest of the subject and assessor.
    /// </summary>
    public bool IsBaseline(StudyDomain tr, CsvRecord record, string subject) => HasBaselineFlags(tr)
        ? tr.Value(record, "TRLOBXFL") == "Y"
        : EarliestTumourAssessments.TryGetValue((subject, AssessorOf(tr, record)), out var first) && Date(tr, record, "TRDTC") == first;

    /// <summary>True when TR flags its baseline records: the TRLOBXFL column is present with at least one Y.</summary>
    public bool HasBaselineFlags(StudyDomain tr) => _baselineFlags ??= tr.Has("TRLOBXFL") && tr.Table.Records.Any(r => tr.Value(r, "TRLOBXFL") == "Y");

    /// <summary>The AE records with a CTCAE grade 1 to 5 (AETOXGR; other values are the value rules' to report), when AE has AEDECOD and AETOXGR.</summary>
    public IEnumerable<(StudyDomain Ae, CsvRecord Record, int Grade)> GradedAdverseEvents()
    {
        if (Domain("AE", "AEDECOD", "AETOXGR") is not { } ae)
        {
            return [];
        }

        return from r in ae.Table.Records
               let grade = int.TryParse(ae.Value(r, "AETOXGR"), NumberStyles.None, CultureInfo.InvariantCulture, out int g) ? g : 0
               where grade is >= 1 and <= 5
               select (ae, r, grade);
    }

    /// <summary>
    /// The baseline sizes (TRSTRESN, when a number) of the identified target lesions that are nodal, or not, measured
    /// by one test (TRTESTCD LPERP, LDIAM).
    /// </summary>
    public IEnumerable<(StudyDomain Tr, CsvRecord Record, double Mm)> BaselineTargetSizes(bool nodal, string test) =>
        from m in Measurements()
        where m.Lesion is { IsTarget: true } lesion && lesion.IsNodal == nodal && m.Tr.Value(m.Record, "TRTESTCD") == test && IsBaseline(m.Tr, m.Record, m.Subject)
        let mm = Number(m.Tr.Value(m.Record, "TRSTRESN"))
        where mm is not null
        select (m.Tr, m.Record, mm.Value);

    /// <summary>A number (invariant culture, <see cref="NumberStyles.Float"/>), or null.</summary>
    public static double? Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : null;

    /// <summary>1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st.</summary>
    public static string Ordinal(int n)
    {
        string suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>True when a TU record is a lymph node: TUNODFL = Y, or without that column TULOC contains LYMPH NODE.</summary>
    public static bool IsNodal(StudyDomain tu, CsvRecord record) => tu.Has("TUNODFL")
        ? tu.Value(record, "TUNODFL") == "Y"
        : tu.Value(record, "TULOC").Contains("LYMPH NODE", StringComparison.OrdinalIgnoreCase);

    private Dictionary<string, PartialDate> EarliestDates(string name, string column)
    {
        var earliest = new Dictionary<string, PartialDate>(StringComparer.Ordinal);
        foreach (var (domain, r) in RecordsOf(name))
        {
            string id = domain.Value(r, "USUBJID");
            if (id.Length > 0 && Date(domain, r, column) is { } d && (!earliest.TryGetValue(id, out var cur) || d.Earliest < cur.Earliest))
            {
                earliest[id] = d;
            }
        }

        return earliest;
    }

    private Dictionary<(string, Assessor, string), Lesion> ReadLesions()
    {
        var lesions = new Dictionary<(string, Assessor, string), Lesion>();
        foreach (var (tu, r) in RecordsOf("TU", "USUBJID", "TULNKID"))
        {
            lesions.TryAdd((tu.Value(r, "USUBJID"), AssessorOf(tu, r), tu.Value(r, "TULNKID")), new Lesion(IsTarget(tu, r), IsNodal(tu, r)));
        }

        return lesions;
    }

    private Dictionary<(string, Assessor), PartialDate> EarliestAssessments()
    {
        var earliest = new Dictionary<(string, Assessor), PartialDate>();
        foreach (var (tr, r) in RecordsOf("TR"))
        {
            var key = (tr.Value(r, "USUBJID"), AssessorOf(tr, r));
            if (key.Item1.Length > 0 && Date(tr, r, "TRDTC") is { } d && (!earliest.TryGetValue(key, out var cur) || d.Earliest < cur.Earliest))
            {
                earliest[key] = d;
            }
        }

        return earliest;
    }
}
