using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT3003 DEATH_DATE_MISSING: DTHFL = Y without DTHDTC.</summary>
internal sealed class DeathDateMissingRule() : ValidationRule("OT3003", "A subject who died has a date of death", "SDTMIG 3.4 DM (DTHFL, DTHDTC; a date not known is null)", ProblemSeverity.Warning, "DEATH_DATE_MISSING")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var dm = context.Dm;
        return dm.Has("DTHFL") && dm.Has("DTHDTC")
            ? context.Subjects.Values
                .Where(s => dm.Value(s.Record, "DTHFL") == "Y" && dm.Value(s.Record, "DTHDTC").Length == 0)
                .Select(s => At(dm, s.Record, "DTHDTC", "DEATH_DATE_MISSING", "the date of death when DTHFL = Y", "an empty field", "Fill in DTHDTC (a partial date is allowed)."))
            : [];
    }
}
