using System.Globalization;
using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT4001 RECIST_TARGET_COUNT: more target lesions in a subject than <see cref="RecistThresholds.MaxTargetLesions"/> (reported on the first extra one).</summary>
internal sealed class TargetCountRule() : ValidationRule("OT4001", $"At most {RecistThresholds.Recist11.MaxTargetLesions} target lesions per subject", "RECIST 1.1 §4.2", ProblemSeverity.Warning, "RECIST_TARGET_COUNT")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        int max = context.Thresholds.MaxTargetLesions;
        return RuleContext.FirstBeyond(context.TargetLesions(), t => (t.Subject, t.Assessor), max).Select(t => At(
            t.Tu, t.Record, "TUORRES", "RECIST_TARGET_COUNT", string.Create(CultureInfo.InvariantCulture, $"at most {max} target lesions per subject (RECIST 1.1 §4.2)"),
            $"a {RuleContext.Ordinal(max + 1)} target lesion {Problem.Quote(t.Lesion)}{t.Assessor.Describe()}", "Record the extra lesions as NON-TARGET."));
    }
}
