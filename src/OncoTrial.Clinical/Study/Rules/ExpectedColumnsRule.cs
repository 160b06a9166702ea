using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT1015 EXPECTED_COLUMNS_MISSING: SDTMIG Expected variables absent from a domain file, one note per file. SDTMIG
/// includes an Expected variable in the dataset, null where the value was not collected; its absence loses nothing
/// the analyses read, but a submission would be questioned.
/// </summary>
internal sealed class ExpectedColumnsRule() : ValidationRule("OT1015", "Expected variables are present", "SDTMIG 3.4 §4.1.5 (Exp variables are in the dataset, null when not collected)", ProblemSeverity.Note, "EXPECTED_COLUMNS_MISSING")
{

    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var domain in context.Study.Domains.Values.Where(d => d.Table.Columns.Count > 0))
        {
            var missing = domain.Spec.Variables
                .Where(v => v.Core == VariableCore.Expected && !context.Profile.Requires(domain.Spec, v) && !domain.Has(v.Name))
                .Select(v => v.Name)
                .ToList();
            if (missing.Count > 0)
            {
                yield return At(
                    domain.FileName, 1, null, null, "EXPECTED_COLUMNS_MISSING", "the SDTMIG Expected variables of " + domain.Spec.Name,
                    (missing.Count == 1 ? "no column " : "no columns ") + string.Join(", ", missing),
                    "Add them, empty where the value was not collected (docs/data-format.md lists each).");
            }
        }
    }
}
