using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// A file-level rule (OT1001-OT1009): the folder, its files, their encoding, CSV structure and columns. Its check is
/// the loading itself (<see cref="StudyFolder.Load(Data.FileSource)"/>), which tags what it finds with the rule's id
/// through <see cref="RuleCatalogue.WithRuleId"/>.
/// </summary>
internal sealed class LoadingRule(string id, string title, string source, string code) : ValidationRule(id, title, source, code)
{
    internal override IEnumerable<Problem> Find(RuleContext context) => [];
}
