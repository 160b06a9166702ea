using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT7001 TS_PARAMETER_MISSING: a TS parameter the profile requires (the seed protocol: DCUTDTC and REGIMEN) has no record.</summary>
internal sealed class TrialSummaryParameterRule() : ValidationRule("OT7001", "TS gives the parameters the profile requires", "the profile's TS parameters (seed protocol: DCUTDTC data cutoff, REGIMEN)", "TS_PARAMETER_MISSING")
{
    private static readonly Dictionary<string, string> Fixes = new(StringComparer.Ordinal)
    {
        ["DCUTDTC"] = "Add the data cutoff date: TSPARMCD DCUTDTC, TSVAL YYYY-MM-DD.",
        ["REGIMEN"] = "Add the regimen name: TSPARMCD REGIMEN.",
    };

    internal override IEnumerable<Problem> Find(RuleContext context) => context.Domain("TS", "TSPARMCD", "TSVAL") is not { } ts ? [] :
        from p in context.Profile.RequiredParameters
        where context.ParameterRecords(p).Count == 0
        select At(ts.FileName, null, null, "TSPARMCD", "TS_PARAMETER_MISSING", $"a record with TSPARMCD = {p}, which the {context.Profile} profile requires", "none", Fixes.GetValueOrDefault(p, $"Add TSPARMCD {p}."));
}
