using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT4003 RECIST_LESION_TOO_SMALL: a non-nodal target with a baseline longest diameter (LDIAM) below <see cref="RecistThresholds.MeasurableLesionMm"/>.</summary>
internal sealed class LesionTooSmallRule() : ValidationRule("OT4003", $"A target lesion measures at least {RecistThresholds.Format(RecistThresholds.Recist11.MeasurableLesionMm)} mm at baseline", "RECIST 1.1 §3.1.1", ProblemSeverity.Warning, "RECIST_LESION_TOO_SMALL")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        decimal min = context.Thresholds.MeasurableLesionMm;
        return from m in context.BaselineTargetSizes(nodal: false, "LDIAM")
               where m.Mm < (double)min
               select At(
                   m.Tr, m.Record, "TRSTRESN", "RECIST_LESION_TOO_SMALL", $"a longest diameter of at least {RecistThresholds.Format(min)} mm for a target lesion at baseline (RECIST 1.1 §3.1)",
                   Problem.Quote(m.Tr.Value(m.Record, "TRSTRESN")) + " mm", "Record the lesion as NON-TARGET, or correct the measurement.");
    }
}
