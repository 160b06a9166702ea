using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT7005 PROFILE_UNKNOWN: TS names a validation profile (TSPARMCD VALPROF) that OncoTrial does not know; the study is checked against SDTM.</summary>
internal sealed class ProfileUnknownRule() : ValidationRule("OT7005", "The validation profile TS names is known", "OncoTrial validation profiles (docs/decisions/0009-sdtm-conformance.md)", "PROFILE_UNKNOWN")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var (ts, r) in context.ParameterRecords(ValidationProfile.TrialSummaryParameter))
        {
            string value = ts.Value(r, "TSVAL").Trim();
            if (!Vocabulary.TryParse(value, out ValidationProfileName _))
            {
                yield return At(ts, r, "TSVAL", "PROFILE_UNKNOWN", $"a validation profile: {string.Join(" or ", Vocabulary.Tokens<ValidationProfileName>())}", Problem.Quote(value), "Name a known profile, or remove the VALPROF record to check the study against SDTM.");
            }
        }
    }
}
