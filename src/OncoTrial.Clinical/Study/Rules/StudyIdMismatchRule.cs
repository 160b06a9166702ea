using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT2005 STUDYID_MISMATCH: a STUDYID different from DM's (the first one given there).</summary>
internal sealed class StudyIdMismatchRule() : ValidationRule("OT2005", "Every file holds the study of DM", "SDTMIG 3.4 (STUDYID identifies one study)", "STUDYID_MISMATCH")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var dm = context.Dm;
        string expected = dm.Table.Records.Select(r => dm.Value(r, "STUDYID")).FirstOrDefault(v => v.Length > 0) ?? string.Empty;
        return expected.Length == 0 ? [] :
            from domain in context.Study.Domains.Values
            where domain.Has("STUDYID")
            from r in domain.Table.Records
            let value = domain.Value(r, "STUDYID")
            where value.Length > 0 && value != expected
            select At(domain, r, "STUDYID", "STUDYID_MISMATCH", $"the study of {context.Dm.FileName} ({expected})", Problem.Quote(value), "Every file of a study folder holds one study; correct STUDYID.");
    }
}
