using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT2002 DUPLICATE_SEQ: --SEQ repeated within a subject.</summary>
internal sealed class DuplicateSeqRule() : ValidationRule("OT2002", "--SEQ is unique within each subject", "SDTMIG 3.4 (--SEQ unique within a subject)", "DUPLICATE_SEQ")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var domain in context.Study.Domains.Values.Where(d => d.Spec.Name != "DM" && d.Spec.HasSubjects))
        {
            string seq = domain.Spec.Name + "SEQ";
            string[] key = ["USUBJID", seq];
            if (key.All(domain.Has))
            {
                foreach (var x in RuleContext.Repeats(domain, key))
                {
                    yield return At(domain, x.Record, seq, "DUPLICATE_SEQ", $"{seq} unique within each subject", RuleContext.SameKey(key, x.First), "Renumber the records of this subject.");
                }
            }
        }
    }
}
