using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT6002 RANGE_INVERTED: LBSTNRLO above LBSTNRHI.</summary>
internal sealed class RangeInvertedRule() : ValidationRule("OT6002", "The lower limit of normal is not above the upper", "SDTMIG 3.4 LB (LBSTNRLO, LBSTNRHI)", "RANGE_INVERTED")
{
    internal override IEnumerable<Problem> Find(RuleContext context) =>
        from x in context.RecordsOf("LB")
        let lo = x.Domain.Value(x.Record, "LBSTNRLO")
        let hi = x.Domain.Value(x.Record, "LBSTNRHI")
        where RuleContext.Number(lo) > RuleContext.Number(hi)
        select At(x.Domain, x.Record, "LBSTNRLO", "RANGE_INVERTED", "a lower limit of normal not above the upper limit", string.Create(CultureInfo.InvariantCulture, $"{lo} > {hi}"), "Swap LBSTNRLO and LBSTNRHI or correct them.");
}
