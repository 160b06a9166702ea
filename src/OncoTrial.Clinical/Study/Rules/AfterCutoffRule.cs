using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT7003 AFTER_CUTOFF: a dose (EXSTDTC), tumour or response assessment (TUDTC, TRDTC, RSDTC), lab (LBDTC), vital sign
/// (VSDTC) or AE start (AESTDTC) after the data cutoff (TS DCUTDTC). Without one complete cutoff date nothing is
/// checked (OT7001 and OT7002 report why).
/// </summary>
internal sealed class AfterCutoffRule() : ValidationRule("OT7003", "Nothing is recorded after the data cutoff", "TS DCUTDTC (the analyses leave later records out)", ProblemSeverity.Note, "AFTER_CUTOFF")
{
    private static readonly DateColumn[] Events =
    [
        new("EX", "EXSTDTC", "a dose"), new("TU", "TUDTC", "a tumour assessment"), new("TR", "TRDTC", "a tumour assessment"), new("RS", "RSDTC", "a response assessment"),
        new("LB", "LBDTC", "a lab sample"), new("VS", "VSDTC", "a vital-sign measurement"), new("AE", "AESTDTC", "an adverse event start"),
    ];

    internal override IEnumerable<Problem> Find(RuleContext context) => context.Cutoff is not { } cutoff ? [] :
        context.DatesOutside(Events, DateLimit.OnOrBefore, (_, _, _) => cutoff).Select(x => At(
            x.Domain, x.Record, x.Column.Column, "AFTER_CUTOFF", $"{x.Column.What} on or before the data cutoff ({context.Study.FileNameOf("TS")} DCUTDTC {cutoff})", Problem.Quote(x.Date.ToString()),
            $"The analyses leave it out; remove records after the cutoff from this data snapshot, or correct {x.Column.Column} (or DCUTDTC in {context.Study.FileNameOf("TS")} if the cutoff is wrong)."));
}
