using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT4006 RECIST_LESION_NOT_IDENTIFIED: a TR record whose TRLNKID has no TU record for the subject.</summary>
internal sealed class LesionNotIdentifiedRule() : ValidationRule("OT4006", "Every measured lesion is identified in TU", "SDTMIG 3.4 TU/TR (TRLNKID links to TULNKID)", "RECIST_LESION_NOT_IDENTIFIED")
{
    internal override IEnumerable<Problem> Find(RuleContext context) =>
        from m in context.Measurements()
        where m.Lesion is null
        select At(m.Tr, m.Record, "TRLNKID", "RECIST_LESION_NOT_IDENTIFIED", $"a lesion identified in {context.Study.FileNameOf("TU")} for this subject{m.Assessor.Describe()}", Problem.Quote(m.Link), $"Add the lesion to {context.Study.FileNameOf("TU")} (TUORRES NEW when it appeared after baseline) or correct TRLNKID.");
}
