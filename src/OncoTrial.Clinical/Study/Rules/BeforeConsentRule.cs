using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT3006 EVENT_ORDER: treatment start (DM.RFSTDTC), a disposition event, dose, tumour or response assessment, lab,
/// vital sign or adverse event before informed consent (DM.RFICDTC).
/// </summary>
internal sealed class BeforeConsentRule() : ValidationRule("OT3006", "Nothing happens before informed consent", "ICH E6(R2) §4.8.8 (consent before participation); standard-of-care scans before consent are common", ProblemSeverity.Warning, "EVENT_ORDER")
{
    private static readonly DateColumn[] Events =
    [
        new("DS", "DSSTDTC", "a disposition event"), new("EX", "EXSTDTC", "a dose"), new("TU", "TUDTC", "a tumour assessment"), new("TR", "TRDTC", "a tumour assessment"),
        new("RS", "RSDTC", "a response assessment"), new("LB", "LBDTC", "a lab sample"), new("VS", "VSDTC", "a vital-sign measurement"), new("AE", "AESTDTC", "an adverse event"),
    ];

    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        var dm = context.Dm;
        foreach (var s in context.Subjects.Values)
        {
            if (s.Consent is { } consent && context.Date(dm, s.Record, "RFSTDTC") is { } start && start.IsCertainlyBefore(consent))
            {
                yield return At(dm, s.Record, "RFSTDTC", "EVENT_ORDER", $"a treatment start on or after informed consent ({consent})", Problem.Quote(start.ToString()), "Correct RFSTDTC or RFICDTC.");
            }
        }

        foreach (var x in context.DatesOutside(Events, DateLimit.OnOrAfter, (_, domain, r) => context.SubjectOf(domain, r)?.Consent))
        {
            yield return At(x.Domain, x.Record, x.Column.Column, "EVENT_ORDER", $"{x.Column.What} on or after informed consent ({x.Limit})", Problem.Quote(x.Date.ToString()), $"Correct {x.Column.Column}, or DM.RFICDTC if the consent date is wrong.");
        }
    }
}
