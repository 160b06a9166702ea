using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT3004 DEATH_FLAG_MISSING: DTHDTC filled in without DTHFL = Y.</summary>
internal sealed class DeathFlagMissingRule() : ValidationRule("OT3004", "A date of death comes with the death flag", "SDTMIG 3.4 DM (DTHFL, DTHDTC)", "DEATH_FLAG_MISSING")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var dm = context.Dm;
        return context.Subjects.Values
            .Where(s => dm.Value(s.Record, "DTHDTC").Length > 0 && dm.Value(s.Record, "DTHFL") != "Y")
            .Select(s => At(dm, s.Record, "DTHFL", "DEATH_FLAG_MISSING", "Y when DTHDTC is filled in", Problem.Quote(dm.Value(s.Record, "DTHFL")), "Set DTHFL to Y, or empty DTHDTC if the subject is alive."));
    }
}
