using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT1003 FILE_MISSING: a domain the profile requires is absent. DM is required by every profile; loading reports its
/// absence (the study is then unusable), this rule the other domains of the profile (the seed protocol's SC, DS, EX,
/// TU, TR, AE and TS).
/// </summary>
internal sealed class RequiredDomainRule() : ValidationRule("OT1003", "Every domain the profile requires is present", "SDTMIG 3.4 (DM in every study); the profile's required domains", "FILE_MISSING")
{
    internal override IEnumerable<Problem> Find(RuleContext context) =>
        from name in context.Profile.RequiredDomains
        where name != "DM" && context.Domain(name) is null
        let spec = DomainSpecs.Find(name)!
        let file = context.Study.FileNameOf(name)
        select At(file, null, null, null, "FILE_MISSING", $"the {name} domain file ({spec.Description.Split(':')[0].TrimEnd('.')}), which the {context.Profile} profile requires", "no such file", $"Add {file} with the columns listed in docs/data-format.md.");
}
