using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT1016 VALUE_NOT_IN_CODELIST: a value outside an extensible codelist. Sponsors may add terms to an extensible
/// codelist, so the value is allowed, but it should be a real new term and not a synonym or a misspelling of one: the
/// rule reports each such value once per file and variable, at its first record, with the number of records.
/// </summary>
internal sealed class CodelistTermRule() : ValidationRule("OT1016", "Terms outside an extensible codelist are new terms, not synonyms", "CDISC SDTM controlled terminology (extensible codelists: sponsors may add terms)", ProblemSeverity.Warning, "VALUE_NOT_IN_CODELIST")
{

    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var terms = context.Values
            .Where(c => c.HasValue && c.IsOfType && !c.IsAllowed && c.Codelist is { IsExtensible: true } && !ValueRule.IsUnitVariable(c.Variable.Name))
            .GroupBy(c => (c.Domain.FileName, c.Variable.Name, c.Value));
        foreach (var term in terms)
        {
            var first = term.First();
            int count = term.Count();
            string? near = first.Codelist!.Terms.FirstOrDefault(t => string.Equals(t, first.Value.Trim(), StringComparison.OrdinalIgnoreCase));
            yield return At(
                first.Domain, first.Record, first.Variable.Name, "VALUE_NOT_IN_CODELIST",
                $"a term of {first.Codelist} ({string.Join(", ", first.Codelist.Terms.Take(8))}{(first.Codelist.Terms.Count > 8 ? ", ..." : string.Empty)}), or a sponsor term that means none of them",
                first.Quoted + (count == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" on {count} records (the first here)")),
                near is not null ? $"Write {near} (exact case, no blanks)." : "Keep it if it is a new term (and list it in define.xml); use the CDISC term if it means one of them.");
        }
    }
}
