using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT4007 RECIST_TARGET_AFTER_BASELINE: a TARGET lesion first identified (TUDTC) after its assessor's baseline
/// assessment: the latest TRDTC flagged TRLOBXFL = Y; without flags the earliest TRDTC; without TR records the first
/// dose. It should be NEW.
/// </summary>
internal sealed class TargetAfterBaselineRule() : ValidationRule("OT4007", "Target lesions are chosen at baseline", "RECIST 1.1 §4.2", ProblemSeverity.Warning, "RECIST_TARGET_AFTER_BASELINE")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var baseline = Baselines(context);
        return from t in context.TargetLesions()
               let b = baseline.TryGetValue((t.Subject, t.Assessor), out var date) ? date : context.FirstDoses.TryGetValue(t.Subject, out var first) ? first : (PartialDate?)null
               let d = context.Date(t.Tu, t.Record, "TUDTC")
               where b is not null && d is not null && b.Value.IsCertainlyBefore(d.Value)
               select At(
                   t.Tu, t.Record, "TUDTC", "RECIST_TARGET_AFTER_BASELINE", $"a target lesion identified at baseline, on or before {b} (RECIST 1.1 §4.2: targets are chosen at baseline)",
                   $"{Problem.Quote(t.Lesion)} first identified on {d}{t.Assessor.Describe()}", "Record a lesion that appeared after baseline as NEW (TUORRES NEW), or correct TUDTC.");
    }

    private static Dictionary<(string, Assessor), PartialDate> Baselines(RuleContext context)
    {
        if (context.Domain("TR", "USUBJID") is not { } tr || !context.HasBaselineFlags(tr))
        {
            return context.EarliestTumourAssessments.ToDictionary(x => x.Key, x => x.Value);
        }

        var baseline = new Dictionary<(string, Assessor), PartialDate>();
        foreach (var r in tr.Table.Records.Where(r => tr.Value(r, "TRLOBXFL") == "Y"))
        {
            var key = (tr.Value(r, "USUBJID"), context.AssessorOf(tr, r));
            if (context.Date(tr, r, "TRDTC") is { } d && (!baseline.TryGetValue(key, out var cur) || d.Earliest > cur.Earliest))
            {
                baseline[key] = d;
            }
        }

        return baseline;
    }
}
