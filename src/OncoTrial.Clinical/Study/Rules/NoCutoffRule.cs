using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT7004 NO_CUTOFF: the study gives no data cutoff (no TS, or no TSPARMCD DCUTDTC), so every record is analysed and
/// time-to-event endpoints are censored at each subject's last data. A note, unless the profile requires the cutoff
/// (then OT7001 reports it as missing).
/// </summary>
internal sealed class NoCutoffRule() : ValidationRule("OT7004", "The data cutoff is stated, or every record is analysed", "SDTM CT TS parameter DCUTDTC (Data Cutoff Date)", ProblemSeverity.Note, "NO_CUTOFF")
{

    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        if (context.Profile.RequiredParameters.Contains("DCUTDTC") || (context.Domain("TS", "TSPARMCD", "TSVAL") is not null && context.ParameterRecords("DCUTDTC").Count > 0))
        {
            return [];
        }

        string file = context.Study.FileNameOf("TS");
        return [At(file, null, null, "TSPARMCD", "NO_CUTOFF", "a data cutoff date (TSPARMCD DCUTDTC)", context.Domain("TS") is null ? "no " + file : "none", "Every record is analysed (all data); add DCUTDTC to analyse a data snapshot.")];
    }
}
