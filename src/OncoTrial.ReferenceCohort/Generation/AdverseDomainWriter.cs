using System.Globalization;
using System.Text;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>
/// The AE, LB and VS domains of the reference cohort as datasets with the columns of <see cref="DomainSpecs"/> in its
/// order: every Required and Expected variable (Expected ones empty when not collected, as the MedDRA codes) and the
/// Permissible ones the cohort fills (AESEV is left out: the cohort grades by CTCAE, AETOXGR). Numeric variables are
/// numeric columns, so the same dataset can be written as CSV, Dataset-JSON or XPT. --SEQ numbers each subject's
/// records in the order given (AE: by start date; LB and VS: by date, then test).
/// </summary>
internal static class AdverseDomainWriter
{
    /// <summary>The AE domain.</summary>
    public static Dataset AdverseEvents(string studyId, IEnumerable<AdverseEventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = events.ToList();
        var sequence = Sequence(rows.Select(r => r.Subject));
        string Y(bool value) => value ? "Y" : "N";
        string? Value(AdverseEventRecord e, int i, string variable) => variable switch
        {
            "STUDYID" => studyId,
            "DOMAIN" => "AE",
            "USUBJID" => e.Subject,
            "AESEQ" => Number(sequence[i]),
            "AETERM" => e.Verbatim,
            "AEDECOD" => e.DecodedTerm,
            "AEBODSYS" or "AESOC" => e.SystemOrganClass,
            "AESER" => Y(e.IsSerious),
            "AEACN" => e.ActionTaken,
            "AEREL" => Y(e.IsRelated),
            "AEOUT" => e.Outcome,
            "AESDTH" => Y(e.ResultsInDeath),
            "AETOXGR" => Number(e.Grade),
            "AESTDTC" => Iso(e.Start),
            "AEENDTC" => e.End is { } end ? Iso(end) : null,
            "AERELBEN" => Y(e.RelatedDrugs.Contains(AdverseDrugs.Benmelstobart)),
            "AERELANL" => Y(e.RelatedDrugs.Contains(AdverseDrugs.Anlotinib)),
            "AERELPAC" => Y(e.RelatedDrugs.Contains(AdverseDrugs.Paclitaxel)),
            "AERELCIS" => Y(e.RelatedDrugs.Contains(AdverseDrugs.Cisplatin)),
            "AEIRFL" => Y(e.IsImmuneRelated),
            _ => null,
        };
        return Build("AE", rows, Value, ["AESEV"]);
    }

    /// <summary>The LB domain.</summary>
    public static Dataset Labs(string studyId, IEnumerable<LabResult> labs)
    {
        ArgumentNullException.ThrowIfNull(labs);
        var rows = labs.ToList();
        var sequence = Sequence(rows.Select(r => r.Subject));
        string? Value(LabResult r, int i, string variable) => variable switch
        {
            "STUDYID" => studyId,
            "DOMAIN" => "LB",
            "USUBJID" => r.Subject,
            "LBSEQ" => Number(sequence[i]),
            "LBTESTCD" => r.Test.Code,
            "LBTEST" => r.Test.Name,
            "LBCAT" => r.Test.Category,
            "LBORRES" or "LBSTRESC" or "LBSTRESN" => r.Text,
            "LBORRESU" or "LBSTRESU" => r.Test.Unit,
            "LBORNRLO" or "LBSTNRLO" => Number(r.LowerLimit),
            "LBORNRHI" or "LBSTNRHI" => Number(r.UpperLimit),
            "LBNRIND" => r.ReferenceRangeIndicator,
            "VISITNUM" => Number(r.VisitNumber),
            "VISIT" => r.Visit,
            "LBDTC" => Iso(r.Date),
            _ => null,
        };
        return Build("LB", rows, Value, []);
    }

    /// <summary>The VS domain.</summary>
    public static Dataset VitalSigns(string studyId, IEnumerable<VitalSign> vitals)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        var rows = vitals.ToList();
        var sequence = Sequence(rows.Select(r => r.Subject));
        string? Value(VitalSign r, int i, string variable) => variable switch
        {
            "STUDYID" => studyId,
            "DOMAIN" => "VS",
            "USUBJID" => r.Subject,
            "VSSEQ" => Number(sequence[i]),
            "VSTESTCD" => r.TestCode,
            "VSTEST" => r.TestName,
            "VSORRES" or "VSSTRESC" or "VSSTRESN" => r.Value.ToString("F" + r.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            "VSORRESU" or "VSSTRESU" => r.Unit,
            "VISITNUM" => Number(r.VisitNumber),
            "VISIT" => r.Visit,
            "VSDTC" => Iso(r.Date),
            _ => null,
        };
        return Build("VS", rows, Value, []);
    }

    /// <summary>A dataset as CSV text (UTF-8 study-folder CSV: a header row, LF line ends).</summary>
    public static string ToCsv(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var text = new StringBuilder();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        {
            CsvDataset.Write(dataset, writer);
        }

        return text.ToString();
    }

    private static Dataset Build<T>(string domain, List<T> rows, Func<T, int, string, string?> value, IReadOnlyList<string> leftOut)
    {
        var spec = DomainSpecs.Find(domain) ?? throw new InvalidOperationException($"DomainSpecs has no {domain}.");
        var columns = new List<DatasetColumn>();
        foreach (var variable in spec.Variables.Where(v => !leftOut.Contains(v.Name)))
        {
            var texts = rows.Select((r, i) => value(r, i, variable.Name)).ToArray();
            if (variable.Type is VariableType.Number or VariableType.WholeNumber)
            {
                double[] numbers = [.. texts.Select(t => t is null ? double.NaN : double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture))];
                columns.Add(DatasetColumn.Numeric(variable.Name, variable.Description, variable.Type == VariableType.WholeNumber ? DatasetValueType.Integer : DatasetValueType.Decimal, numbers));
            }
            else
            {
                columns.Add(DatasetColumn.Character(variable.Name, variable.Description, texts));
            }
        }

        return new Dataset(domain, spec.Description, columns);
    }

    /// <summary>1, 2, 3, ... within each subject, in the order of the records.</summary>
    private static int[] Sequence(IEnumerable<string> subjects)
    {
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. subjects.Select(s => next[s] = next.GetValueOrDefault(s) + 1)];
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
