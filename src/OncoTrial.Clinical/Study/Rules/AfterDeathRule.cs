using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT3008 EVENT_ORDER: a dose, tumour or response assessment after death (DM.DTHDTC).</summary>
internal sealed class AfterDeathRule() : ValidationRule("OT3008", "No dose or assessment after death", "order of events (a subject is not dosed or assessed after death; an interval ends after it starts)", "EVENT_ORDER")
{
    private static readonly DateColumn[] Events = [new("EX", "EXSTDTC", "a dose"), new("TR", "TRDTC", "a tumour assessment"), new("RS", "RSDTC", "a response assessment")];

    internal override IEnumerable<Problem> Find(RuleContext context) =>
        context.DatesOutside(Events, DateLimit.OnOrBefore, (_, domain, r) => context.SubjectOf(domain, r)?.Death)
            .Select(x => At(x.Domain, x.Record, x.Column.Column, "EVENT_ORDER", $"{x.Column.What} on or before the date of death ({x.Limit})", Problem.Quote(x.Date.ToString()), $"Correct {x.Column.Column}, or DM.DTHDTC if the date of death is wrong."));
}
