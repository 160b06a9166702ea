using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT4007 RECIST_TARGET_AFTER_BASELINE: a TARGET lesion first identified (TUDTC) after the subject's baseline
/// assessment: the latest TRDTC with TRLOBXFL = Y; without the column the earliest TRDTC; without TR records the
/// first dose. It should be NEW.
/// </summary>
internal sealed class TargetAfterBaselineRule() : ValidationRule("OT4007", "Target lesions are chosen at baseline", "RECIST 1.1 §4.2", "RECIST_TARGET_AFTER_BASELINE")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var tu = context.Domain("TU", "USUBJID", "TUORRES");
        if (tu is null)
        {
            return [];
        }

        var baseline = Baselines(context);
        return from r in tu.Table.Records
               where tu.Value(r, "TUORRES") == "TARGET"
               let b = baseline.TryGetValue(tu.Value(r, "USUBJID"), out var date) ? date : (PartialDate?)null
               let d = context.Date(tu, r, "TUDTC")
               where b is not null && d is not null && b.Value.IsCertainlyBefore(d.Value)
               select At(
                   tu, r, "TUDTC", "RECIST_TARGET_AFTER_BASELINE", $"a target lesion identified at baseline, on or before {b} (RECIST 1.1 §4.2: targets are chosen at baseline)",
                   $"{Problem.Quote(tu.Value(r, "TULNKID"))} first identified on {d}", "Record a lesion that appeared after baseline as NEW (TUORRES NEW), or correct TUDTC.");
    }

    private static Dictionary<string, PartialDate> Baselines(RuleContext context)
    {
        var baseline = new Dictionary<string, PartialDate>(StringComparer.Ordinal);
        bool flagColumn = context.Domain("TR")?.Has("TRLOBXFL") == true;
        foreach (var (tr, r) in context.RecordsOf("TR", "USUBJID"))
        {
            string id = tr.Value(r, "USUBJID");
            if (context.Date(tr, r, "TRDTC") is { } d && (!flagColumn || tr.Value(r, "TRLOBXFL") == "Y")
                && (!baseline.TryGetValue(id, out var cur) || (flagColumn ? d.Earliest > cur.Earliest : d.Earliest < cur.Earliest)))
            {
                baseline[id] = d;
            }
        }

        foreach (var (id, first) in context.FirstDoses)
        {
            baseline.TryAdd(id, first);
        }

        return baseline;
    }
}
