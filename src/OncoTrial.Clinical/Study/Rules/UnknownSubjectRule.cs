using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT2004 UNKNOWN_SUBJECT: a record whose USUBJID is not in DM.</summary>
internal sealed class UnknownSubjectRule() : ValidationRule("OT2004", "Every subject is listed in DM", "SDTMIG 3.4 (every USUBJID is a DM subject)", "UNKNOWN_SUBJECT")
{
    internal override IEnumerable<Problem> Find(RuleContext context) =>
        from domain in context.Study.Domains.Values
        where domain.Spec.HasSubjects && domain.Spec.Name != "DM" && domain.Has("USUBJID")
        from r in domain.Table.Records
        let id = domain.Value(r, "USUBJID")
        where id.Length > 0 && !context.Subjects.ContainsKey(id)
        select At(domain, r, "USUBJID", "UNKNOWN_SUBJECT", "a subject listed in DM", Problem.Quote(id), $"Add the subject to {context.Dm.FileName} or correct the identifier.");
}
