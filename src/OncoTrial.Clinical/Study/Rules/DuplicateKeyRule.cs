using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT2006 DUPLICATE_KEY: two records that share their domain's natural key (docs/data-format.md gives each domain's)
/// but differ elsewhere: two AEs of one term starting on one day, two results of one test at one time. Often
/// legitimate (a change of severity recorded as a new record), sometimes an entry error; the profile decides how much
/// it matters. Exact repeats are OT2003's.
/// </summary>
internal sealed class DuplicateKeyRule() : ValidationRule("OT2006", "Records that share a natural key differ in a way the key should show", "SDTMIG 3.4 §3.2.1.1 (natural keys of a domain)", ProblemSeverity.Note, "DUPLICATE_KEY")
{

    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var domain in context.Study.Domains.Values.Where(d => d.Spec.Name != "DM"))
        {
            var key = domain.Spec.NaturalKey;
            if (key.Any(k => domain.Spec.Find(k) is { IsRequired: true } && !domain.Has(k)) || !key.Any(domain.Has))
            {
                continue;
            }

            string[] all = [.. DuplicateRecordRule.RecordColumns(domain)];
            foreach (var x in RuleContext.Repeats(domain, key, emptyIsValue: true))
            {
                var differ = all.Where(c => domain.Value(x.Record, c) != domain.Value(x.First, c)).ToList();
                if (differ.Count == 0)
                {
                    continue; // an exact repeat: OT2003
                }

                yield return At(
                    domain, x.Record, null, "DUPLICATE_KEY", "one record per " + string.Join(", ", key.Where(domain.Has)),
                    RuleContext.SameKey([.. key.Where(domain.Has)], x.First) + " (it differs in " + string.Join(", ", differ) + ")",
                    "Check that both records are meant; if one replaces the other, remove it.");
            }
        }
    }
}
