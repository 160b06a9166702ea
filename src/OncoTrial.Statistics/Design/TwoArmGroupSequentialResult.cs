namespace OncoTrial.Statistics.Design;

/// <summary>A two-arm survival design with interim analyses: the fixed design, the boundaries and the event numbers.</summary>
/// <param name="Fixed">The fixed design at the same α (one-sided) and power.</param>
/// <param name="Boundaries">The group-sequential boundaries and their characteristics.</param>
/// <param name="MaxEvents">Maximum events D_max = inflation factor × fixed-design events, not rounded (rpact <c>maxNumberOfEvents</c>).</param>
/// <param name="EventsPerStage">Events at each analysis, t_k·D_max (rpact <c>eventsPerStage</c>).</param>
/// <param name="ExpectedEventsH0">Expected events at stopping under H₀ (rpact <c>expectedEventsH0</c>).</param>
/// <param name="ExpectedEventsH1">Expected events at stopping under H₁ (rpact <c>expectedEventsH1</c>).</param>
/// <param name="MaxPatients">D_max divided by the fixed design's event probability at A + F (rpact <c>maxNumberOfSubjects</c>).</param>
public sealed record TwoArmGroupSequentialResult(
    TwoArmSurvivalResult Fixed,
    GroupSequentialBoundaries Boundaries,
    double MaxEvents,
    IReadOnlyList<double> EventsPerStage,
    double ExpectedEventsH0,
    double ExpectedEventsH1,
    double MaxPatients)
{
    /// <summary>Maximum events rounded up, ⌈D_max⌉.</summary>
    public int MaxEventsRoundedUp => (int)Math.Ceiling(MaxEvents - 1e-9);

    /// <summary>Maximum patients rounded up.</summary>
    public int MaxPatientsRoundedUp => (int)Math.Ceiling(MaxPatients - 1e-9);
}
