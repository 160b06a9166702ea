using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT3007 EVENT_ORDER: an end before its start (AE, EX, CM).</summary>
internal sealed class EndBeforeStartRule() : ValidationRule("OT3007", "An end is not before its start", "order of events (a subject is not dosed or assessed after death; an interval ends after it starts)", "EVENT_ORDER")
{
    private static readonly Dictionary<DateColumn, string> StartOfEnd = new()
    {
        [new("AE", "AEENDTC")] = "AESTDTC",
        [new("EX", "EXENDTC")] = "EXSTDTC",
        [new("CM", "CMENDTC")] = "CMSTDTC",
    };

    internal override IEnumerable<Problem> Find(RuleContext context) =>
        context.DatesOutside(StartOfEnd.Keys, DateLimit.OnOrAfter, (end, domain, r) => context.Date(domain, r, StartOfEnd[end]))
            .Select(x => At(x.Domain, x.Record, x.Column.Column, "EVENT_ORDER", $"an end on or after the start ({StartOfEnd[x.Column]} {x.Limit})", Problem.Quote(x.Date.ToString()), $"Correct {x.Column.Column} or {StartOfEnd[x.Column]}."));
}
