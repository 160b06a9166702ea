using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT2001 DUPLICATE_SUBJECT: a USUBJID twice in DM.</summary>
internal sealed class DuplicateSubjectRule() : ValidationRule("OT2001", "One DM record per subject", "SDTMIG 3.4 DM (one record per subject)", "DUPLICATE_SUBJECT")
{
    internal override IEnumerable<Problem> Find(RuleContext context) =>
        RuleContext.Repeats(context.Dm, ["USUBJID"]).Select(x => At(
            context.Dm, x.Record, "USUBJID", "DUPLICATE_SUBJECT", "one record per subject",
            string.Create(CultureInfo.InvariantCulture, $"{Problem.Quote(context.Dm.Value(x.Record, "USUBJID"))} again (first on line {x.First.Line})"),
            "Remove the repeated subject or give it its own USUBJID."));
}
