using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT5002 CTCAE_GRADE5_NOT_FATAL: grade 5 with an AEOUT other than FATAL.</summary>
internal sealed class Grade5NotFatalRule() : ValidationRule("OT5002", "A grade 5 adverse event is fatal", "CTCAE v5.0 (grade 5: death related to the AE)", "CTCAE_GRADE5_NOT_FATAL")
{
    internal override IEnumerable<Problem> Find(RuleContext context) =>
        from e in context.GradedAdverseEvents()
        let outcome = e.Ae.Value(e.Record, "AEOUT")
        where e.Grade == 5 && e.Ae.Has("AEOUT") && outcome.Length > 0 && outcome != "FATAL"
        select At(e.Ae, e.Record, "AEOUT", "CTCAE_GRADE5_NOT_FATAL", "FATAL for a grade 5 event (CTCAE grade 5 = death related to the AE)", Problem.Quote(outcome), "Correct the grade or the outcome.");
}
