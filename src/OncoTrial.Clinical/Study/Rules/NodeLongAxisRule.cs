using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT4005 RECIST_NODE_LONG_AXIS: a target lymph node measured by its longest diameter (TRTESTCD LDIAM) instead of its short axis (LPERP).</summary>
internal sealed class NodeLongAxisRule() : ValidationRule("OT4005", "A target lymph node is measured by its short axis", "RECIST 1.1 §3.1.1", "RECIST_NODE_LONG_AXIS")
{
    internal override IEnumerable<Problem> Find(RuleContext context) =>
        from m in context.Measurements()
        where m.Lesion is { IsTarget: true, IsNodal: true } && m.Tr.Value(m.Record, "TRTESTCD") == "LDIAM"
        select At(
            m.Tr, m.Record, "TRTESTCD", "RECIST_NODE_LONG_AXIS", "the short axis (LPERP) for a target lymph node (RECIST 1.1 §3.1: nodes are measured by their short axis)",
            $"{Problem.Quote("LDIAM")} (longest diameter) for {Problem.Quote(m.Link)}", "Record the node's short axis with TRTESTCD LPERP, or correct TUNODFL/TULOC in tu.csv if the lesion is not a lymph node.");
}
