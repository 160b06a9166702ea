using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT5001 CTCAE_GRADE_NOT_ALLOWED: AETOXGR outside the grades CTCAE v5.0 defines for AEDECOD (table
/// src/OncoTrial.Clinical/Ctcae/ctcae-v5.0-terms.csv; terms not in the table are not checked).
/// </summary>
internal sealed class CtcaeGradeNotAllowedRule() : ValidationRule("OT5001", "The CTCAE grade is one the term defines", "CTCAE v5.0", "CTCAE_GRADE_NOT_ALLOWED")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var (ae, r, grade) in context.GradedAdverseEvents())
        {
            string term = ae.Value(r, "AEDECOD");
            if (CtcaeGradeTable.V5.Find(term) is { } range && (grade < range.Min || grade > range.Max))
            {
                string allowed = range.Min == range.Max
                    ? range.Min.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{range.Min} to {range.Max}");
                yield return At(ae, r, "AETOXGR", "CTCAE_GRADE_NOT_ALLOWED", $"a CTCAE v5.0 grade that {term} defines ({allowed})", Problem.Quote(ae.Value(r, "AETOXGR")), $"Correct the grade or the term (source: {range.Source}).");
            }
        }
    }
}
