using System.Collections.ObjectModel;
using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Safety;

/// <summary>One AE record of ae.csv, parsed.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Sequence">AESEQ.</param>
/// <param name="Term">AETERM.</param>
/// <param name="DecodedTerm">AEDECOD, the tabulated term.</param>
/// <param name="BodySystem">AEBODSYS.</param>
/// <param name="Start">AESTDTC, or null when empty or not a date.</param>
/// <param name="End">AEENDTC, or null.</param>
/// <param name="Grade">AETOXGR 1-5, or null when missing ("not graded" is not grade 0).</param>
/// <param name="IsSerious">AESER = Y.</param>
/// <param name="RelatedAny">AEREL mapped by the causality table (<see cref="SafetyOptions.Causality"/>): true (related), false (not related), null (empty, absent or a value the table does not know).</param>
/// <param name="RelatedByDrug">Per-drug causality by drug name (BENMELSTOBART from AERELBEN, ...), mapped by the same table, only the columns with a known value.</param>
/// <param name="Action">AEACN, or "".</param>
/// <param name="Outcome">AEOUT, or "".</param>
/// <param name="ResultsInDeath">AESDTH = Y.</param>
/// <param name="IsImmuneRelated">AEIRFL = Y.</param>
/// <param name="Line">Line in ae.csv.</param>
public sealed record AdverseEvent(
    string Subject,
    int Sequence,
    string Term,
    string DecodedTerm,
    string BodySystem,
    PartialDate? Start,
    PartialDate? End,
    int? Grade,
    bool IsSerious,
    bool? RelatedAny,
    IReadOnlyDictionary<string, bool> RelatedByDrug,
    string Action,
    string Outcome,
    bool ResultsInDeath,
    bool IsImmuneRelated,
    int Line)
{
    /// <summary>AESEV as recorded (trimmed), or "" when empty or absent.</summary>
    public string Severity { get; init; } = string.Empty;

    /// <summary>
    /// AESEV as a level, 1 MILD, 2 MODERATE, 3 SEVERE (CDISC CT C66769), set only when the study's AE intensity is
    /// <see cref="IntensityScale.Severity"/> (no AETOXGR); null otherwise or when AESEV is missing or unknown.
    /// </summary>
    public int? SeverityLevel { get; init; }

    /// <summary>The intensity the AE table counts on the study's scale: <see cref="Grade"/>, or <see cref="SeverityLevel"/> on the severity scale; null when missing.</summary>
    public int? Intensity => Grade ?? SeverityLevel;

    /// <summary>Related to any study drug: AEREL or any per-drug column related (related wins over not related); when all are empty, the option decides.</summary>
    public bool IsRelated(MissingCausalityRule missing)
    {
        if (RelatedAny == true || RelatedByDrug.Values.Any(v => v))
        {
            return true;
        }

        return RelatedAny is null && RelatedByDrug.Count == 0 && missing == MissingCausalityRule.Related;
    }

    /// <summary>Related to one drug (upper-case EXTRT); an empty per-drug column falls back to the option.</summary>
    public bool IsRelatedTo(string drug, MissingCausalityRule missing) =>
        RelatedByDrug.TryGetValue(drug, out bool related) ? related : missing == MissingCausalityRule.Related;

    /// <summary>Led to withdrawal of study treatment: AEACN = DRUG WITHDRAWN.</summary>
    public bool LedToDiscontinuation => Action == "DRUG WITHDRAWN";

    /// <summary>Led to a dose reduction: AEACN = DOSE REDUCED.</summary>
    public bool LedToDoseReduction => Action == "DOSE REDUCED";

    /// <summary>Fatal: grade 5, AEOUT = FATAL or AESDTH = Y.</summary>
    public bool IsFatal => Grade == 5 || Outcome == "FATAL" || ResultsInDeath;
}

/// <summary>A treated subject's first and last dose, from EX.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="FirstDose">Earliest EXSTDTC of an exposure record (<see cref="Exposure.TreatmentExposure.IsExposure(double?, string?)"/>; earliest possible day of a partial date): TRTSDT.</param>
/// <param name="LastDose">Latest EXENDTC (EXSTDTC when empty) of such a record (latest possible day of a partial date): TRTEDT.</param>
public sealed record SubjectExposure(string Subject, DateOnly FirstDose, DateOnly LastDose);

/// <summary>A death recorded in DS (DSDECOD DEATH) or DM (DTHFL = Y).</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Date">DSSTDTC of the death record (DM DTHDTC when DS has none), or null.</param>
/// <param name="Cause">DSTERM of the DEATH record, as recorded; "Unknown (no DS death record)" when DS has none.</param>
public sealed record DeathRecord(string Subject, PartialDate? Date, string Cause);

/// <summary>The scale on which the AE records state their intensity.</summary>
public enum IntensityScale
{
    /// <summary>AETOXGR, the CTCAE grade 1-5: the table's columns are "any grade" and "grade ≥ 3".</summary>
    CtcaeGrade,

    /// <summary>
    /// AESEV, MILD / MODERATE / SEVERE (CDISC CT C66769 "Severity/Intensity Scale for Adverse Events"), used when the
    /// study has no AETOXGR (column absent or every value empty): the table's columns are "any severity" and "severe".
    /// </summary>
    Severity,
}

/// <summary>The arm of a DM subject.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Arm">ARM, the planned arm ("" when empty).</param>
/// <param name="ArmCode">ARMCD.</param>
/// <param name="ActualArm">ACTARM, the arm received.</param>
/// <param name="ActualArmCode">ACTARMCD.</param>
public sealed record SubjectArm(string Subject, string Arm, string ArmCode, string ActualArm, string ActualArmCode)
{
    /// <summary>The arm name and code by the chosen variable: (ARM, ARMCD) or (ACTARM, ACTARMCD).</summary>
    public (string Name, string Code) By(TreatmentArmVariable variable) =>
        variable == TreatmentArmVariable.Actual ? (ActualArm, ActualArmCode) : (Arm, ArmCode);
}

/// <summary>One causality value met in the AE file and what it counted as.</summary>
/// <param name="Column">AEREL or a per-drug causality column.</param>
/// <param name="Value">The value as recorded (upper case, trimmed).</param>
/// <param name="Related">True related, false not related, null a value the causality table does not know (counted by <see cref="SafetyOptions.MissingCausality"/>).</param>
/// <param name="Records">AE records with the value.</param>
public sealed record CausalityValue(string Column, string Value, bool? Related, int Records);

/// <summary>What the safety derivations read from a study folder.</summary>
/// <param name="StudyId">STUDYID from DM.</param>
/// <param name="Exposures">First and last dose of each treated subject with a usable dose date, by USUBJID.</param>
/// <param name="AdverseEvents">Every AE record, in file order.</param>
/// <param name="Deaths">One per subject who died.</param>
/// <param name="Problems">Records that could not be used as they are (warnings: what was assumed), and notes on the study as a whole.</param>
public sealed record SafetyData(
    string StudyId,
    IReadOnlyDictionary<string, SubjectExposure> Exposures,
    IReadOnlyList<AdverseEvent> AdverseEvents,
    IReadOnlyList<DeathRecord> Deaths,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>
    /// The safety set (ADSL SAFFL = Y): every subject with an exposure record (<see cref="TreatmentExposure"/>), in
    /// USUBJID order. By default the subjects of <see cref="Exposures"/>; <see cref="Read(StudyFolder, SafetyOptions)"/>
    /// also keeps treated subjects whose dose dates are unusable (they count in N, and none of their AEs is
    /// treatment-emergent).
    /// </summary>
    public IReadOnlyList<string> SafetySet { get; init; } = [.. Exposures.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The arm of every DM subject, by USUBJID (empty when DM has none).</summary>
    public IReadOnlyDictionary<string, SubjectArm> Arms { get; init; } = new ReadOnlyDictionary<string, SubjectArm>(new Dictionary<string, SubjectArm>());

    /// <summary>The intensity scale of the AE records: CTCAE grade, or AESEV when the study has no AETOXGR.</summary>
    public IntensityScale Scale { get; init; } = IntensityScale.CtcaeGrade;

    /// <summary>Every causality value met (AEREL and the per-drug columns), by column then value, with its mapping and count.</summary>
    public IReadOnlyList<CausalityValue> CausalityValues { get; init; } = [];

    /// <summary>The per-drug causality columns (sponsor extensions) and the EXTRT they refer to.</summary>
    public static IReadOnlyList<(string Column, string Drug)> CausalityColumns { get; } =
    [
        ("AERELBEN", "BENMELSTOBART"), ("AERELANL", "ANLOTINIB"), ("AERELPAC", "PACLITAXEL"), ("AERELCIS", "CISPLATIN"),
    ];

    /// <summary>The AESEV levels (CDISC CT C66769), mildest first.</summary>
    public static IReadOnlyList<string> SeverityLevels { get; } = ["MILD", "MODERATE", "SEVERE"];

    /// <summary>Reads DM, EX, AE and DS of a loaded study folder with the default options. Never throws for bad content.</summary>
    public static SafetyData Read(StudyFolder study) => Read(study, SafetyOptions.Default);

    /// <summary>
    /// Reads DM, EX, AE and DS of a loaded study folder, mapping causality by <paramref name="options"/>'s table.
    /// Never throws for bad content.
    /// </summary>
    public static SafetyData Read(StudyFolder study, SafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<Problem>();
        var dm = study.Domain("DM");
        string studyId = dm is not null && dm.Table.Records.Count > 0 ? dm.Value(dm.Table.Records[0], "STUDYID") : string.Empty;

        var treated = TreatmentExposure.Derive(study);
        problems.AddRange(treated.Problems);

        var arms = new SortedDictionary<string, SubjectArm>(StringComparer.Ordinal);
        if (dm is not null)
        {
            foreach (var r in dm.Table.Records)
            {
                string id = dm.Value(r, "USUBJID").Trim();
                if (id.Length > 0)
                {
                    arms.TryAdd(id, new SubjectArm(id, dm.Value(r, "ARM").Trim(), dm.Value(r, "ARMCD").Trim(), dm.Value(r, "ACTARM").Trim(), dm.Value(r, "ACTARMCD").Trim()));
                }
            }
        }

        var (events, scale, causality) = study.Domain("AE") is { } ae ? ReadAdverseEvents(ae, options, problems) : ([], IntensityScale.CtcaeGrade, []);

        var deaths = new SortedDictionary<string, DeathRecord>(StringComparer.Ordinal);
        if (study.Domain("DS") is { } ds)
        {
            foreach (var r in ds.Table.Records.Where(r => ds.Value(r, "DSDECOD") == "DEATH"))
            {
                string id = ds.Value(r, "USUBJID");
                PartialDate? date = PartialDate.TryParse(ds.Value(r, "DSSTDTC"), out var d) ? d : null;

                // The end-of-study record (DSSCAT STUDY) wins over an end-of-phase record of the same death.
                if (!deaths.ContainsKey(id) || ds.Value(r, "DSSCAT") == "STUDY")
                {
                    deaths[id] = new DeathRecord(id, date, ds.Value(r, "DSTERM").Trim());
                }
            }
        }

        if (dm is not null)
        {
            foreach (var r in dm.Table.Records.Where(r => dm.Value(r, "DTHFL") == "Y"))
            {
                string id = dm.Value(r, "USUBJID");
                if (!deaths.ContainsKey(id))
                {
                    deaths[id] = new DeathRecord(id, PartialDate.TryParse(dm.Value(r, "DTHDTC"), out var d) ? d : null, "Unknown (no DS death record)");
                }
            }
        }

        return new SafetyData(studyId, treated.Periods, events, [.. deaths.Values], problems.AsReadOnly())
        {
            SafetySet = treated.Subjects,
            Arms = new ReadOnlyDictionary<string, SubjectArm>(arms),
            Scale = scale,
            CausalityValues = causality,
        };
    }

    /// <summary>The intensity scale of an AE file: AESEV when AETOXGR is absent or empty throughout and AESEV has a value.</summary>
    public static IntensityScale ScaleOf(StudyDomain ae)
    {
        ArgumentNullException.ThrowIfNull(ae);
        bool Any(string column) => ae.Has(column) && ae.Table.Records.Any(r => ae.Value(r, column).Trim().Length > 0);
        return !Any("AETOXGR") && Any("AESEV") ? IntensityScale.Severity : IntensityScale.CtcaeGrade;
    }

    private static (IReadOnlyList<AdverseEvent> Events, IntensityScale Scale, IReadOnlyList<CausalityValue> Causality) ReadAdverseEvents(StudyDomain ae, SafetyOptions options, List<Problem> problems)
    {
        var scale = ScaleOf(ae);
        if (scale == IntensityScale.Severity)
        {
            problems.Add(new Problem(ae.FileName, null, null, "AETOXGR", "AE_INTENSITY_SEVERITY", "a CTCAE grade (AETOXGR) on the AE records", ae.Has("AETOXGR") ? "an AETOXGR column with no value" : "no AETOXGR column", "None needed: the AE table counts severity from AESEV (MILD, MODERATE, SEVERE; CDISC CT C66769), with the columns any severity and severe.", ProblemSeverity.Note));
        }

        // Causality values by column: mapping, count and first record (one warning per unknown value, not per record).
        var seen = new Dictionary<(string Column, string Value), (bool? Related, int Count, CsvRecord First)>();
        bool? Causality(CsvRecord r, string column)
        {
            string value = ae.Value(r, column).Trim();
            if (value.Length == 0)
            {
                return null;
            }

            var key = (column, value.ToUpperInvariant());
            bool? related = CausalityScale.Map(options.Causality, value);
            seen[key] = seen.TryGetValue(key, out var cur) ? (cur.Related, cur.Count + 1, cur.First) : (related, 1, r);
            return related;
        }

        var events = new List<AdverseEvent>();
        foreach (var r in ae.Table.Records)
        {
            string V(string c) => ae.Value(r, c).Trim();
            PartialDate? Date(string c)
            {
                string text = V(c);
                if (text.Length == 0)
                {
                    return null;
                }

                if (PartialDate.TryParse(text, out var d))
                {
                    return d;
                }

                problems.Add(new Problem(ae.FileName, r.Line, r.Row, c, "AE_DATE_UNUSABLE", "an ISO 8601 date", Problem.Quote(text), "Correct the date; the safety summary treats it as missing (a missing start counts as treatment-emergent).", ProblemSeverity.Warning));
                return null;
            }

            int? grade = int.TryParse(V("AETOXGR"), NumberStyles.None, CultureInfo.InvariantCulture, out int g) && g is >= 1 and <= 5 ? g : null;
            int? severity = null;
            if (scale == IntensityScale.Severity)
            {
                int level = SeverityLevel(V("AESEV"));
                severity = level > 0 ? level : null;
                if (severity is null)
                {
                    problems.Add(new Problem(ae.FileName, r.Line, r.Row, "AESEV", "AE_SEVERITY_MISSING", "MILD, MODERATE or SEVERE", Problem.Quote(V("AESEV")), "Fill in the severity; the event counts in the any-severity column only.", ProblemSeverity.Warning));
                }
            }
            else if (grade is null)
            {
                problems.Add(new Problem(ae.FileName, r.Line, r.Row, "AETOXGR", "AE_GRADE_MISSING", "a CTCAE grade 1-5", Problem.Quote(V("AETOXGR")), "Fill in the grade; the event counts in the any-grade column only.", ProblemSeverity.Warning));
            }

            var byDrug = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var (column, drug) in CausalityColumns)
            {
                if (Causality(r, column) is { } rel)
                {
                    byDrug[drug] = rel;
                }
            }

            _ = int.TryParse(V("AESEQ"), NumberStyles.None, CultureInfo.InvariantCulture, out int seq);
            events.Add(new AdverseEvent(
                V("USUBJID"), seq, V("AETERM"), V("AEDECOD"), V("AEBODSYS"), Date("AESTDTC"), Date("AEENDTC"), grade,
                V("AESER") == "Y", Causality(r, "AEREL"), new ReadOnlyDictionary<string, bool>(byDrug), V("AEACN"), V("AEOUT"),
                V("AESDTH") == "Y", V("AEIRFL") == "Y", r.Line)
            {
                Severity = V("AESEV"),
                SeverityLevel = severity,
            });
        }

        string missing = options.MissingCausality == MissingCausalityRule.Related ? "related" : "not related";
        foreach (var ((column, value), (related, count, first)) in seen.Where(x => x.Value.Related is null).OrderBy(x => x.Key.Column, StringComparer.Ordinal).ThenBy(x => x.Key.Value, StringComparer.Ordinal))
        {
            problems.Add(new Problem(
                ae.FileName, first.Line, first.Row, column, "AE_CAUSALITY_UNKNOWN", "a causality value of the causality table (Y, N, RELATED, NOT RELATED, POSSIBLE, PROBABLE, REMOTE, NONE, ...)",
                Problem.Quote(value) + string.Create(CultureInfo.InvariantCulture, $" on {count} record(s)"),
                $"Add the value to SafetyOptions.Causality; until then it counts as missing causality ({missing}).", ProblemSeverity.Warning));
        }

        var values = seen
            .OrderBy(x => x.Key.Column == "AEREL" ? 0 : 1).ThenBy(x => x.Key.Column, StringComparer.Ordinal).ThenBy(x => x.Key.Value, StringComparer.Ordinal)
            .Select(x => new CausalityValue(x.Key.Column, x.Key.Value, x.Value.Related, x.Value.Count))
            .ToList();
        return (events.AsReadOnly(), scale, values.AsReadOnly());
    }

    /// <summary>1 MILD, 2 MODERATE, 3 SEVERE (ignoring case), 0 for anything else.</summary>
    private static int SeverityLevel(string value)
    {
        for (int i = 0; i < SeverityLevels.Count; i++)
        {
            if (string.Equals(SeverityLevels[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
