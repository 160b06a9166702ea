using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT6001 UNIT_MISSING: LBSTRESN without LBSTRESU.</summary>
internal sealed class UnitMissingRule() : ValidationRule("OT6001", "A lab result has its unit", "SDTMIG 3.4 LB (LBSTRESU for LBSTRESN)", "UNIT_MISSING")
{
    internal override IEnumerable<Problem> Find(RuleContext context) =>
        from x in context.RecordsOf("LB")
        where RuleContext.Number(x.Domain.Value(x.Record, "LBSTRESN")) is not null && x.Domain.Value(x.Record, "LBSTRESU").Length == 0
        select At(x.Domain, x.Record, "LBSTRESU", "UNIT_MISSING", "the unit of LBSTRESN", "an empty field", "Fill in LBSTRESU (SI units, e.g. 10^9/L, g/L, umol/L).");
}
