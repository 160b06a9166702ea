namespace OncoTrial.Clinical.Endpoints;

/// <summary>
/// The rule that decided a <see cref="TimeToEventRecord"/>: an event, or a censoring reason. Each maps to one CNSR code
/// (<see cref="TimeToEventRules.ToCensorCode(TimeToEventRule)"/>): 0 = event, 1 = no event, 2 = no adequate post-baseline assessment or
/// no follow-up, 3 = new anticancer therapy before the event, 4 = event after missed assessments.
/// </summary>
public enum TimeToEventRule
{
    /// <summary>CNSR 0: the event (PD, death, or response for time to response) at its date.</summary>
    Event,

    /// <summary>
    /// CNSR 0: death with no adequate post-baseline assessment before it, counted (FDA: within the missed-assessment
    /// gap of the start date; EMA: always).
    /// </summary>
    DeathWithoutAdequateAssessment,

    /// <summary>CNSR 1: no event; censored at the last adequate assessment.</summary>
    NoEventLastAdequateAssessment,

    /// <summary>CNSR 1: OS, alive; censored at the last known alive date (or at the data cutoff when later).</summary>
    AliveLastKnownAlive,

    /// <summary>CNSR 2: no adequate post-baseline assessment (and no counted death); censored at the start date.</summary>
    NoAdequatePostBaselineAssessment,

    /// <summary>CNSR 2: OS, no last-known-alive date; censored at the start date.</summary>
    NoFollowUp,

    /// <summary>CNSR 3 (FDA): new anticancer therapy before the event (or without one); censored at the last adequate assessment on or before it.</summary>
    NewAnticancerTherapy,

    /// <summary>CNSR 4 (FDA): PD or death after ≥ <see cref="EndpointOptions.MissedAssessments"/> missed assessments; censored at the last adequate assessment before the gap.</summary>
    EventAfterMissedAssessments,
}

/// <summary>
/// How ADTTE CNSR codes a censored record. Events are 0 under both. The default is <see cref="Detailed"/>
/// (docs/decisions/0003-censoring.md has the table).
/// </summary>
public enum CensorCoding
{
    /// <summary>
    /// 1-4 by reason: 1 no event (last adequate assessment, or alive), 2 no adequate post-baseline assessment or no
    /// follow-up (start date), 3 new anticancer therapy, 4 event after missed assessments (FDA). OncoTrial's proposal
    /// (docs/reference/endpoints-and-adam.md §5), the reason readable from CNSR alone. The default.
    /// </summary>
    Detailed,

    /// <summary>
    /// 1 for every censoring, whatever the reason (EVNTDESC and CNSDTDSC still say it): admiral's
    /// <c>censor_source(censor = 1)</c> default, used by every admiralonco censoring source (<c>lasta_censor</c>,
    /// <c>lastalive_censor</c>, <c>rand_censor</c>, <c>trts_censor</c>).
    /// </summary>
    Admiral,
}

/// <summary>CNSR codes and descriptions of <see cref="TimeToEventRule"/>.</summary>
public static class TimeToEventRules
{
    /// <summary>True for the rules that are events (CNSR 0 under every coding).</summary>
    public static bool IsEvent(this TimeToEventRule rule) => rule.ToCensorCode() == 0;

    /// <summary>ADaM CNSR under <paramref name="coding"/>: 0 for an event; 1-4 by reason (<see cref="CensorCoding.Detailed"/>) or 1 (<see cref="CensorCoding.Admiral"/>).</summary>
    public static int ToCensorCode(this TimeToEventRule rule, CensorCoding coding) => coding switch
    {
        CensorCoding.Detailed => rule.ToCensorCode(),
        CensorCoding.Admiral => rule.IsEvent() ? 0 : 1,
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "coding: expected a CensorCoding member."),
    };

    /// <summary>ADaM CNSR under <see cref="CensorCoding.Detailed"/>: 0 for an event, 1-4 for the censoring reasons (see <see cref="TimeToEventRule"/>).</summary>
    public static int ToCensorCode(this TimeToEventRule rule) => rule switch
    {
        TimeToEventRule.Event or TimeToEventRule.DeathWithoutAdequateAssessment => 0,
        TimeToEventRule.NoEventLastAdequateAssessment or TimeToEventRule.AliveLastKnownAlive => 1,
        TimeToEventRule.NoAdequatePostBaselineAssessment or TimeToEventRule.NoFollowUp => 2,
        TimeToEventRule.NewAnticancerTherapy => 3,
        TimeToEventRule.EventAfterMissedAssessments => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "rule: expected a TimeToEventRule member."),
    };

    /// <summary>One sentence naming the rule, for listings and logs.</summary>
    public static string Describe(this TimeToEventRule rule) => rule switch
    {
        TimeToEventRule.Event => "Event at its date.",
        TimeToEventRule.DeathWithoutAdequateAssessment => "Death with no adequate post-baseline assessment counted as an event.",
        TimeToEventRule.NoEventLastAdequateAssessment => "No event: censored at the last adequate assessment.",
        TimeToEventRule.AliveLastKnownAlive => "Alive: censored at the last known alive date, or at the data cutoff when later.",
        TimeToEventRule.NoAdequatePostBaselineAssessment => "No adequate post-baseline assessment: censored at the start date.",
        TimeToEventRule.NoFollowUp => "No last known alive date: censored at the start date.",
        TimeToEventRule.NewAnticancerTherapy => "New anticancer therapy before an event: censored at the last adequate assessment on or before it.",
        TimeToEventRule.EventAfterMissedAssessments => "Event after missed assessments: censored at the last adequate assessment before the gap.",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "rule: expected a TimeToEventRule member."),
    };
}
