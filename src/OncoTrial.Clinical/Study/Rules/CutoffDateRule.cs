using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT7002 DATE_FORMAT, DATE_IMPOSSIBLE: a TS DCUTDTC record whose TSVAL is not a complete date YYYY-MM-DD.</summary>
internal sealed class CutoffDateRule() : ValidationRule("OT7002", "The data cutoff is a complete date", "SDTM CT TS parameter DCUTDTC (an ISO 8601 date)", "DATE_FORMAT", "DATE_IMPOSSIBLE")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var (ts, r) in context.ParameterRecords("DCUTDTC"))
        {
            string value = ts.Value(r, "TSVAL");
            if (!PartialDate.TryParse(value, out var cutoff, out var status) || !cutoff.IsCompleteDate)
            {
                yield return At(ts, r, "TSVAL", status == PartialDateStatus.Impossible ? "DATE_IMPOSSIBLE" : "DATE_FORMAT", "the data cutoff as a complete date YYYY-MM-DD", Problem.Quote(value), "Write the cutoff date in full, e.g. 2024-04-01.");
            }
        }
    }
}
