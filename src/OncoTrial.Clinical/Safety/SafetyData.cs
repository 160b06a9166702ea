using System.Collections.ObjectModel;
using System.Globalization;
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
/// <param name="RelatedAny">AEREL: true (Y), false (N), null (empty or absent).</param>
/// <param name="RelatedByDrug">Per-drug causality by drug name (BENMELSTOBART from AERELBEN, ...), only the columns filled in.</param>
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
    /// <summary>Related to any study drug: AEREL or any per-drug column Y (Y wins over N); when all are empty, the option decides.</summary>
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
/// <param name="FirstDose">Earliest EXSTDTC of a record with a dose above 0 (earliest possible day of a partial date).</param>
/// <param name="LastDose">Latest EXENDTC (EXSTDTC when empty) of such a record (latest possible day of a partial date).</param>
public sealed record SubjectExposure(string Subject, DateOnly FirstDose, DateOnly LastDose);

/// <summary>A death recorded in DS (DSDECOD DEATH) or DM (DTHFL = Y).</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Date">DSSTDTC of the death record (DM DTHDTC when DS has none), or null.</param>
/// <param name="Cause">DSTERM of the DEATH record, as recorded; "Unknown (no DS death record)" when DS has none.</param>
public sealed record DeathRecord(string Subject, PartialDate? Date, string Cause);

/// <summary>What the safety derivations read from a study folder.</summary>
/// <param name="StudyId">STUDYID from DM.</param>
/// <param name="Exposures">Treated subjects (the safety set), by USUBJID.</param>
/// <param name="AdverseEvents">Every AE record, in file order.</param>
/// <param name="Deaths">One per subject who died.</param>
/// <param name="Problems">Records that could not be used as they are (warnings: what was assumed).</param>
public sealed record SafetyData(
    string StudyId,
    IReadOnlyDictionary<string, SubjectExposure> Exposures,
    IReadOnlyList<AdverseEvent> AdverseEvents,
    IReadOnlyList<DeathRecord> Deaths,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The per-drug causality columns (sponsor extensions) and the EXTRT they refer to.</summary>
    public static IReadOnlyList<(string Column, string Drug)> CausalityColumns { get; } =
    [
        ("AERELBEN", "BENMELSTOBART"), ("AERELANL", "ANLOTINIB"), ("AERELPAC", "PACLITAXEL"), ("AERELCIS", "CISPLATIN"),
    ];

    /// <summary>Reads DM, EX, AE and DS of a loaded study folder. Never throws for bad content.</summary>
    public static SafetyData Read(StudyFolder study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var problems = new List<Problem>();
        var dm = study.Domain("DM");
        string studyId = dm is not null && dm.Table.Records.Count > 0 ? dm.Value(dm.Table.Records[0], "STUDYID") : string.Empty;

        var exposures = new SortedDictionary<string, SubjectExposure>(StringComparer.Ordinal);
        if (study.Domain("EX") is { } ex)
        {
            foreach (var r in ex.Table.Records)
            {
                string id = ex.Value(r, "USUBJID");
                if (id.Length == 0 || !PartialDate.TryParse(ex.Value(r, "EXSTDTC"), out var start))
                {
                    continue;
                }

                if (double.TryParse(ex.Value(r, "EXDOSE"), NumberStyles.Float, CultureInfo.InvariantCulture, out double dose) && dose <= 0)
                {
                    continue;
                }

                DateOnly last = PartialDate.TryParse(ex.Value(r, "EXENDTC"), out var end) ? end.Latest : start.Latest;
                exposures[id] = exposures.TryGetValue(id, out var cur)
                    ? new SubjectExposure(id, Min(cur.FirstDose, start.Earliest), Max(cur.LastDose, last))
                    : new SubjectExposure(id, start.Earliest, Max(start.Earliest, last));
            }
        }

        var events = new List<AdverseEvent>();
        if (study.Domain("AE") is { } ae)
        {
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
                if (grade is null)
                {
                    problems.Add(new Problem(ae.FileName, r.Line, r.Row, "AETOXGR", "AE_GRADE_MISSING", "a CTCAE grade 1-5", Problem.Quote(V("AETOXGR")), "Fill in the grade; the event counts in the any-grade column only.", ProblemSeverity.Warning));
                }

                var byDrug = new Dictionary<string, bool>(StringComparer.Ordinal);
                foreach (var (column, drug) in CausalityColumns)
                {
                    if (YesNo(V(column)) is { } rel)
                    {
                        byDrug[drug] = rel;
                    }
                }

                _ = int.TryParse(V("AESEQ"), NumberStyles.None, CultureInfo.InvariantCulture, out int seq);
                events.Add(new AdverseEvent(
                    V("USUBJID"), seq, V("AETERM"), V("AEDECOD"), V("AEBODSYS"), Date("AESTDTC"), Date("AEENDTC"), grade,
                    V("AESER") == "Y", YesNo(V("AEREL")), new ReadOnlyDictionary<string, bool>(byDrug), V("AEACN"), V("AEOUT"),
                    V("AESDTH") == "Y", V("AEIRFL") == "Y", r.Line));
            }
        }

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

        return new SafetyData(studyId, new ReadOnlyDictionary<string, SubjectExposure>(exposures), events.AsReadOnly(), [.. deaths.Values], problems.AsReadOnly());
    }

    private static bool? YesNo(string value) => value switch { "Y" => true, "N" => false, _ => null };

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
