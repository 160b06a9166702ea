using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT7001 TS_PARAMETER_MISSING: no DCUTDTC (data cutoff) or no REGIMEN record in TS.</summary>
internal sealed class TrialSummaryParameterRule() : ValidationRule("OT7001", "TS gives the data cutoff and the regimen", "seed protocol (TS DCUTDTC and REGIMEN)", "TS_PARAMETER_MISSING")
{
    private static readonly (string Parameter, string Fix)[] Required =
    [
        ("DCUTDTC", "Add the data cutoff date: TSPARMCD DCUTDTC, TSVAL YYYY-MM-DD."),
        ("REGIMEN", "Add the regimen name: TSPARMCD REGIMEN."),
    ];

    internal override IEnumerable<Problem> Find(RuleContext context) => context.Domain("TS", "TSPARMCD", "TSVAL") is not { } ts ? [] :
        from p in Required
        where context.ParameterRecords(p.Parameter).Count == 0
        select At(ts.FileName, null, null, "TSPARMCD", "TS_PARAMETER_MISSING", $"a record with TSPARMCD = {p.Parameter}", "none", p.Fix);
}
