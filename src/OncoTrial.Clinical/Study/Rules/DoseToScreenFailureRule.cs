using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT8003 DOSE_TO_SCREEN_FAILURE: an EX record for a subject with a DSDECOD SCREEN FAILURE record in DS.</summary>
internal sealed class DoseToScreenFailureRule() : ValidationRule("OT8003", "No dose to a screen failure", "SDTMIG 3.4 DM and EX (a screen failure is not treated)", "DOSE_TO_SCREEN_FAILURE")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var ds = context.Domain("DS", "USUBJID", "DSDECOD");
        var ex = context.Domain("EX", "USUBJID");
        if (ds is null || ex is null)
        {
            return [];
        }

        var screenFailures = new Dictionary<string, CsvRecord>(StringComparer.Ordinal);
        foreach (var r in ds.Table.Records.Where(r => ds.Value(r, "DSDECOD") == "SCREEN FAILURE"))
        {
            screenFailures.TryAdd(ds.Value(r, "USUBJID"), r);
        }

        return from r in ex.Table.Records
               let id = ex.Value(r, "USUBJID")
               where screenFailures.ContainsKey(id)
               select At(
                   ex, r, "USUBJID", "DOSE_TO_SCREEN_FAILURE", "doses only for subjects who passed screening",
                   string.Create(CultureInfo.InvariantCulture, $"a dose for {Problem.Quote(id)}, a screen failure ({ds.FileName} line {screenFailures[id].Line})"),
                   $"Remove the dose, or remove the SCREEN FAILURE record from {ds.FileName} if the subject was enrolled.");
    }
}
