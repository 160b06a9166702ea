using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT2003 DUPLICATE_RECORD: two records of a domain that are the same in every variable but the sequence number
/// (--SEQ): the same record entered twice. Analyses count it once where they can tell (a lesion measured twice at
/// one time point) and twice where they cannot (an AE), so it is worth removing.
/// </summary>
internal sealed class DuplicateRecordRule() : ValidationRule("OT2003", "No record repeats another in every variable but --SEQ", "SDTMIG 3.4 (one record per observation; --SEQ only numbers the records)", ProblemSeverity.Warning, "DUPLICATE_RECORD")
{

    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var domain in context.Study.Domains.Values.Where(d => d.Spec.Name != "DM"))
        {
            string[] columns = [.. RecordColumns(domain)];
            foreach (var x in RuleContext.Repeats(domain, columns, emptyIsValue: true))
            {
                string seq = domain.Spec.SequenceVariable is { } s && domain.Has(s) ? " but " + s : string.Empty;
                yield return At(domain, x.Record, null, "DUPLICATE_RECORD", "each record once", $"the same values as line {x.First.Line} in every variable{seq}", "Remove the repeated record.");
            }
        }
    }

    /// <summary>Every column of a domain file but its sequence number.</summary>
    internal static IEnumerable<string> RecordColumns(StudyDomain domain) =>
        domain.Table.Columns.Where(c => c != domain.Spec.SequenceVariable).Distinct(StringComparer.Ordinal);
}
