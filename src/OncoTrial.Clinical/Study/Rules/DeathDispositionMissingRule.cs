using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT8001 DEATH_DISPOSITION_MISSING: DTHFL = Y in DM without a DSDECOD DEATH record in DS.</summary>
internal sealed class DeathDispositionMissingRule() : ValidationRule("OT8001", "A death is recorded in disposition", "SDTMIG 3.4 DS (a death ends participation as a disposition event)", ProblemSeverity.Warning, "DEATH_DISPOSITION_MISSING")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var ds = context.Domain("DS", "USUBJID", "DSDECOD");
        var dm = context.Dm;
        if (ds is null || !dm.Has("DTHFL"))
        {
            return [];
        }

        var deaths = ds.Table.Records.Where(r => ds.Value(r, "DSDECOD") == "DEATH").Select(r => ds.Value(r, "USUBJID")).ToHashSet(StringComparer.Ordinal);
        return from s in context.Subjects
               where dm.Value(s.Value.Record, "DTHFL") == "Y" && !deaths.Contains(s.Key)
               select At(
                   dm, s.Value.Record, "DTHFL", "DEATH_DISPOSITION_MISSING", $"a {ds.FileName} record with DSDECOD DEATH for a subject with DTHFL = Y", $"no DEATH record for {Problem.Quote(s.Key)} in {ds.FileName}",
                   $"Add the death to {ds.FileName} (DSCAT DISPOSITION EVENT, DSDECOD DEATH, DSSTDTC the date of death), or correct DTHFL.");
    }
}
