using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Endpoints;

/// <summary>
/// Writes <see cref="TimeToEventRecord"/>s as the ADaM BDS-TTE dataset ADTTE, XPT-safe (names ≤ 8 characters, labels ≤ 40),
/// for <see cref="DatasetFiles.Write"/> (CSV, Dataset-JSON or XPT).
/// </summary>
public static class AdtteWriter
{
    /// <summary>The dataset name, ADTTE.</summary>
    public const string DatasetName = "ADTTE";

    /// <summary>
    /// The ADTTE dataset, one row per record in the given order: USUBJID, PARAMCD, PARAM, STARTDT, ADT (dates, DATE9.),
    /// AVAL (days, ADT − STARTDT + 1), AVALU ("DAYS"), CNSR, EVNTDESC, CNSDTDSC, SRCDOM, SRCVAR, SRCSEQ. Missing text is
    /// null; a missing SRCSEQ is a SAS ordinary missing value.
    /// </summary>
    /// <param name="records">Records from the <c>Derive…</c> methods of <see cref="TimeToEventEndpoints"/>.</param>
    public static Dataset ToDataset(IEnumerable<TimeToEventRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var rows = records.ToArray();
        int n = rows.Length;
        var usubjid = new string?[n];
        var paramcd = new string?[n];
        var param = new string?[n];
        var startdt = new double[n];
        var adt = new double[n];
        var aval = new double[n];
        var avalu = new string?[n];
        var cnsr = new double[n];
        var evntdesc = new string?[n];
        var cnsdtdsc = new string?[n];
        var srcdom = new string?[n];
        var srcvar = new string?[n];
        var srcseq = new double[n];
        for (int i = 0; i < n; i++)
        {
            var r = rows[i] ?? throw new ArgumentException($"records: expected a TimeToEventRecord at index {i}, found null. Remove null entries.", nameof(records));
            usubjid[i] = r.SubjectId;
            paramcd[i] = r.ParamCode;
            param[i] = r.Param;
            startdt[i] = SasDates.FromDate(r.StartDate);
            adt[i] = SasDates.FromDate(r.AnalysisDate);
            aval[i] = r.AnalysisValueDays;
            avalu[i] = "DAYS";
            cnsr[i] = r.Censor;
            evntdesc[i] = r.EventDescription;
            cnsdtdsc[i] = r.CensorDateDescription;
            srcdom[i] = r.SourceDomain;
            srcvar[i] = r.SourceVariable;
            srcseq[i] = r.SourceSequence ?? double.NaN;
        }

        DatasetColumn[] columns =
        [
            Text("USUBJID", "Unique Subject Identifier", usubjid),
            Text("PARAMCD", "Parameter Code", paramcd),
            Text("PARAM", "Parameter", param),
            Date("STARTDT", "Time-to-Event Origin Date for Subject", startdt),
            Date("ADT", "Analysis Date", adt),
            DatasetColumn.Numeric("AVAL", "Analysis Value", DatasetValueType.Integer, aval),
            Text("AVALU", "Analysis Value Unit", avalu),
            DatasetColumn.Numeric("CNSR", "Censor", DatasetValueType.Integer, cnsr),
            Text("EVNTDESC", "Event or Censoring Description", evntdesc),
            Text("CNSDTDSC", "Censor Date Description", cnsdtdsc),
            Text("SRCDOM", "Source Data", srcdom),
            Text("SRCVAR", "Source Variable", srcvar),
            DatasetColumn.Numeric("SRCSEQ", "Source Sequence Number", DatasetValueType.Integer, srcseq),
        ];
        return new Dataset(DatasetName, "Time-to-Event Analysis Dataset", columns);
    }

    private static DatasetColumn Text(string name, string label, string?[] values)
    {
        int length = 1;
        foreach (var v in values)
        {
            length = Math.Max(length, System.Text.Encoding.UTF8.GetByteCount(v ?? string.Empty));
        }

        return DatasetColumn.Character(name, label, values).WithLengthAndFormat(length, null);
    }

    private static DatasetColumn Date(string name, string label, double[] values) =>
        DatasetColumn.Numeric(name, label, DatasetValueType.Date, values).WithLengthAndFormat(8, "DATE9.");
}
