using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT2003 DUPLICATE_RECORD: two records with the same natural key (docs/data-format.md gives each domain's).</summary>
internal sealed class DuplicateRecordRule() : ValidationRule("OT2003", "No two records share a natural key", "seed protocol (docs/data-format.md: natural keys)", "DUPLICATE_RECORD")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var domain in context.Study.Domains.Values.Where(d => d.Spec.Name != "DM" && d.Spec.NaturalKey.All(d.Has)))
        {
            var key = domain.Spec.NaturalKey;
            foreach (var x in RuleContext.Repeats(domain, key))
            {
                yield return At(domain, x.Record, null, "DUPLICATE_RECORD", "one record per " + string.Join(", ", key), RuleContext.SameKey(key, x.First), "Remove the repeated record or correct the value that should differ.");
            }
        }
    }
}
