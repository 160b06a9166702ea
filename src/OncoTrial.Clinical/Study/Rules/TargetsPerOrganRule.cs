using System.Globalization;
using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT4002 RECIST_TARGETS_PER_ORGAN: more target lesions in one organ than <see cref="RecistThresholds.MaxTargetLesionsPerOrgan"/>;
/// all lymph nodes count as one organ, paired organs as one (TULAT ignored).
/// </summary>
internal sealed class TargetsPerOrganRule() : ValidationRule("OT4002", $"At most {RecistThresholds.Recist11.MaxTargetLesionsPerOrgan} target lesions per organ", "RECIST 1.1 §4.2", ProblemSeverity.Warning, "RECIST_TARGETS_PER_ORGAN")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        int max = context.Thresholds.MaxTargetLesionsPerOrgan;
        var targets = context.TargetLesions().Select(t => (Target: t, Organ: RuleContext.IsNodal(t.Tu, t.Record) ? "LYMPH NODE" : t.Tu.Value(t.Record, "TULOC").Trim().ToUpperInvariant()));
        return RuleContext.FirstBeyond(targets, t => (t.Target.Subject, t.Target.Assessor, t.Organ), max).Select(t => At(
            t.Target.Tu, t.Target.Record, "TULOC", "RECIST_TARGETS_PER_ORGAN", string.Create(CultureInfo.InvariantCulture, $"at most {max} target lesions per organ, all lymph nodes counting as one organ (RECIST 1.1 §4.2)"),
            $"a {RuleContext.Ordinal(max + 1)} target lesion in {Problem.Quote(t.Organ)} ({Problem.Quote(t.Target.Lesion)}){t.Target.Assessor.Describe()}", "Record the extra lesion as NON-TARGET."));
    }
}
