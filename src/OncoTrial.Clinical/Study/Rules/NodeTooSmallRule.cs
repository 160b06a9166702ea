using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT4004 RECIST_NODE_TOO_SMALL: a target lymph node with a baseline short axis (LPERP) below <see cref="RecistThresholds.MeasurableNodeShortAxisMm"/>.</summary>
internal sealed class NodeTooSmallRule() : ValidationRule("OT4004", $"A target lymph node measures at least {RecistThresholds.Format(RecistThresholds.Recist11.MeasurableNodeShortAxisMm)} mm short axis at baseline", "RECIST 1.1 §3.1.1", ProblemSeverity.Warning, "RECIST_NODE_TOO_SMALL")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var t = context.Thresholds;
        string min = RecistThresholds.Format(t.MeasurableNodeShortAxisMm), normal = RecistThresholds.Format(t.NormalNodeShortAxisMm);
        return from m in context.BaselineTargetSizes(nodal: true, "LPERP")
               where m.Mm < (double)t.MeasurableNodeShortAxisMm
               select At(
                   m.Tr, m.Record, "TRSTRESN", "RECIST_NODE_TOO_SMALL", $"a short axis of at least {min} mm for a target lymph node at baseline (RECIST 1.1 §3.1)",
                   Problem.Quote(m.Tr.Value(m.Record, "TRSTRESN")) + " mm", $"Record the node as NON-TARGET ({normal} to <{min} mm) or as normal (<{normal} mm), or correct the measurement.");
    }
}
