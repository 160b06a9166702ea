using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT3005 EVENT_ORDER: death before the first dose (the earliest EXSTDTC, else DM.RFXSTDTC).</summary>
internal sealed class DeathBeforeFirstDoseRule() : ValidationRule("OT3005", "Death is not before the first dose", "order of events (a subject is not dosed or assessed after death; an interval ends after it starts)", "EVENT_ORDER")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var (id, s) in context.Subjects)
        {
            PartialDate? first = context.FirstDoses.TryGetValue(id, out var f) ? f : s.FirstDose;
            if (s.Death is { } death && first is { } dose && death.IsCertainlyBefore(dose))
            {
                yield return At(context.Dm, s.Record, "DTHDTC", "EVENT_ORDER", $"a death on or after the first dose ({dose})", Problem.Quote(death.ToString()), "Correct the date of death or the exposure dates.");
            }
        }
    }
}
