using System.Globalization;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>
/// The AE, LB and VS records of the reference cohort as SDTM rows (values by variable name) for
/// <see cref="DomainTables"/>, which gives them the columns of DomainSpecs: every Required and Expected variable
/// (Expected ones empty when not collected, as the MedDRA codes) and the Permissible ones the cohort fills (AESEV
/// stays out: the cohort grades by CTCAE, AETOXGR). --SEQ numbers each subject's records in the order given (AE: by
/// start date; LB and VS: by date, then test).
/// </summary>
internal static class AdverseDomainWriter
{
    /// <summary>Adds the cohort's AE, LB and VS records to the study's tables.</summary>
    public static void AddTo(DomainTables tables, string studyId, AdverseCohort cohort)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(cohort);
        foreach (var row in AdverseEventRows(studyId, cohort.AdverseEvents))
        {
            tables.Add("AE", row);
        }

        foreach (var row in LabRows(studyId, cohort.Labs))
        {
            tables.Add("LB", row);
        }

        foreach (var row in VitalSignRows(studyId, cohort.VitalSigns))
        {
            tables.Add("VS", row);
        }
    }

    /// <summary>ae.csv, lb.csv and vs.csv of the cohort (UTF-8, LF line ends), as the study folder holds them.</summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> ToCsvFiles(string studyId, AdverseCohort cohort)
    {
        var tables = new DomainTables();
        AddTo(tables, studyId, cohort);
        return tables.ToCsvFiles();
    }

    /// <summary>One AE row per record.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> AdverseEventRows(string studyId, IEnumerable<AdverseEventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var sequence = new Sequence();
        foreach (var e in events)
        {
            yield return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["STUDYID"] = studyId,
                ["DOMAIN"] = "AE",
                ["USUBJID"] = e.Subject,
                ["AESEQ"] = sequence.Next(e.Subject),
                ["AETERM"] = e.Verbatim,
                ["AEDECOD"] = e.DecodedTerm,
                ["AEBODSYS"] = e.SystemOrganClass,
                ["AESOC"] = e.SystemOrganClass,
                ["AESER"] = Y(e.IsSerious),
                ["AEACN"] = e.ActionTaken,
                ["AEREL"] = Y(e.IsRelated),
                ["AEOUT"] = e.Outcome,
                ["AESDTH"] = Y(e.ResultsInDeath),
                ["AETOXGR"] = Number(e.Grade),
                ["AESTDTC"] = Iso(e.Start),
                ["AEENDTC"] = e.End is { } end ? Iso(end) : string.Empty,
                ["AERELBEN"] = Y(e.RelatedDrugs.Contains(AdverseDrugs.Benmelstobart)),
                ["AERELANL"] = Y(e.RelatedDrugs.Contains(AdverseDrugs.Anlotinib)),
                ["AERELPAC"] = Y(e.RelatedDrugs.Contains(AdverseDrugs.Paclitaxel)),
                ["AERELCIS"] = Y(e.RelatedDrugs.Contains(AdverseDrugs.Cisplatin)),
                ["AEIRFL"] = Y(e.IsImmuneRelated),
            };
        }
    }

    /// <summary>One LB row per result; results are collected in SI units, so the original and standard values agree.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> LabRows(string studyId, IEnumerable<LabResult> labs)
    {
        ArgumentNullException.ThrowIfNull(labs);
        var sequence = new Sequence();
        foreach (var r in labs)
        {
            yield return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["STUDYID"] = studyId,
                ["DOMAIN"] = "LB",
                ["USUBJID"] = r.Subject,
                ["LBSEQ"] = sequence.Next(r.Subject),
                ["LBTESTCD"] = r.Test.Code,
                ["LBTEST"] = r.Test.Name,
                ["LBCAT"] = r.Test.Category,
                ["LBORRES"] = r.Text,
                ["LBORRESU"] = r.Test.Unit,
                ["LBORNRLO"] = Number(r.LowerLimit),
                ["LBORNRHI"] = Number(r.UpperLimit),
                ["LBSTRESC"] = r.Text,
                ["LBSTRESN"] = r.Text,
                ["LBSTRESU"] = r.Test.Unit,
                ["LBSTNRLO"] = Number(r.LowerLimit),
                ["LBSTNRHI"] = Number(r.UpperLimit),
                ["LBNRIND"] = r.ReferenceRangeIndicator,
                ["VISITNUM"] = Number(r.VisitNumber),
                ["VISIT"] = r.Visit,
                ["LBDTC"] = Iso(r.Date),
            };
        }
    }

    /// <summary>One VS row per measurement.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> VitalSignRows(string studyId, IEnumerable<VitalSign> vitals)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        var sequence = new Sequence();
        foreach (var r in vitals)
        {
            string value = r.Value.ToString("F" + r.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            yield return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["STUDYID"] = studyId,
                ["DOMAIN"] = "VS",
                ["USUBJID"] = r.Subject,
                ["VSSEQ"] = sequence.Next(r.Subject),
                ["VSTESTCD"] = r.TestCode,
                ["VSTEST"] = r.TestName,
                ["VSORRES"] = value,
                ["VSORRESU"] = r.Unit,
                ["VSSTRESC"] = value,
                ["VSSTRESN"] = value,
                ["VSSTRESU"] = r.Unit,
                ["VISITNUM"] = Number(r.VisitNumber),
                ["VISIT"] = r.Visit,
                ["VSDTC"] = Iso(r.Date),
            };
        }
    }

    private static string Y(bool value) => value ? "Y" : "N";

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>1, 2, 3, ... within each subject, in the order of the records.</summary>
    private sealed class Sequence
    {
        private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);

        public string Next(string subject) => Number(_next[subject] = _next.GetValueOrDefault(subject) + 1);
    }
}
