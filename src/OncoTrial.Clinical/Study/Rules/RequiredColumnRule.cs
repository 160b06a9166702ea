using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT1008 COLUMN_MISSING: a variable that must be in its domain (SDTMIG Req, or required by the profile) is absent. DM
/// without USUBJID is reported while loading (the study is then unusable); a near miss such as <c>usubjid </c> is named.
/// </summary>
internal sealed class RequiredColumnRule() : ValidationRule("OT1008", "Every required column is present", "SDTMIG 3.4 §4.1.5 (Req variables are in the dataset); the profile's required variables", "COLUMN_MISSING")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var domain in context.Study.Domains.Values.Where(d => d.Table.Columns.Count > 0))
        {
            foreach (var v in domain.Spec.Variables.Where(v => context.Profile.Requires(domain.Spec, v) && !domain.Has(v.Name)))
            {
                if (domain.Spec.Name == "DM" && v.Name == "USUBJID")
                {
                    continue; // reported while loading
                }

                yield return Missing(domain.FileName, domain.Table.Columns, v, (file, column, expected, found, fix) => At(file, 1, null, column, "COLUMN_MISSING", expected, found, fix));
            }
        }
    }

    /// <summary>The COLUMN_MISSING problem of a required variable, naming a near miss (case, blanks) when there is one.</summary>
    internal static Problem Missing(string file, IReadOnlyList<string> columns, VariableSpec v, Func<string, string, string, string, string, Problem> create)
    {
        string? near = columns.FirstOrDefault(c => string.Equals(c.Trim(), v.Name, StringComparison.OrdinalIgnoreCase));
        return create(
            file, v.Name, $"a required column {v.Name} ({v.Description.TrimEnd('.')})",
            near is null ? "no such column" : "a column named " + Problem.Quote(near),
            near is null ? $"Add the column {v.Name}." : $"Rename the column to {v.Name} (exact, upper case, no blanks).");
    }
}
