using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT4005 RECIST_NODE_LONG_AXIS: a target lymph node measured by its longest diameter (TRTESTCD LDIAM) with no short
/// axis (LPERP) of the same assessment. A node measured both ways (as the CDISC RECIST supplement allows) is fine: the
/// short axis is its size.
/// </summary>
internal sealed class NodeLongAxisRule() : ValidationRule("OT4005", "A target lymph node is measured by its short axis", "RECIST 1.1 §3.1.1", ProblemSeverity.Warning, "RECIST_NODE_LONG_AXIS")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var nodes = context.Measurements().Where(m => m.Lesion is { IsTarget: true, IsNodal: true }).ToList();
        var shortAxes = nodes
            .Where(m => m.Tr.Value(m.Record, "TRTESTCD") == "LPERP")
            .Select(m => (m.Subject, m.Assessor, m.Link, Date: m.Tr.Value(m.Record, "TRDTC")))
            .ToHashSet();
        string tu = context.Study.FileNameOf("TU");
        return from m in nodes
               where m.Tr.Value(m.Record, "TRTESTCD") == "LDIAM" && !shortAxes.Contains((m.Subject, m.Assessor, m.Link, m.Tr.Value(m.Record, "TRDTC")))
               select At(
                   m.Tr, m.Record, "TRTESTCD", "RECIST_NODE_LONG_AXIS", "the short axis (LPERP) for a target lymph node (RECIST 1.1 §3.1: nodes are measured by their short axis)",
                   $"only {Problem.Quote("LDIAM")} (longest diameter) for {Problem.Quote(m.Link)}{m.Assessor.Describe()}", $"Record the node's short axis with TRTESTCD LPERP, or correct TUNODFL/TULOC in {tu} if the lesion is not a lymph node.");
    }
}
