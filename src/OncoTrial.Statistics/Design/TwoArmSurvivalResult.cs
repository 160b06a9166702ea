namespace OncoTrial.Statistics.Design;

/// <summary>A fixed (single-analysis) two-arm survival design with its intermediate values and the options that produced it.</summary>
/// <param name="Options">The inputs.</param>
/// <param name="ZAlpha">z_α = Φ⁻¹(1 − α/sides).</param>
/// <param name="ZBeta">z_β = Φ⁻¹(power).</param>
/// <param name="Events">Required number of events D, not rounded (rpact <c>eventsFixed</c>).</param>
/// <param name="EventProbabilityTreatment">P(event observed by the analysis) in the treatment arm.</param>
/// <param name="EventProbabilityControl">P(event observed by the analysis) in the control arm.</param>
/// <param name="EventProbability">Allocation-weighted event probability P̄ = (k·P₁ + P₂)/(1 + k).</param>
/// <param name="Patients">Patients N = D / P̄, not rounded (rpact <c>nFixed</c>).</param>
/// <param name="PatientsTreatment">N·k/(1 + k), not rounded.</param>
/// <param name="PatientsControl">N/(1 + k), not rounded.</param>
public sealed record TwoArmSurvivalResult(
    TwoArmSurvivalOptions Options,
    double ZAlpha,
    double ZBeta,
    double Events,
    double EventProbabilityTreatment,
    double EventProbabilityControl,
    double EventProbability,
    double Patients,
    double PatientsTreatment,
    double PatientsControl)
{
    /// <summary>Events rounded up to a whole number, ⌈D⌉.</summary>
    public int EventsRoundedUp => (int)Math.Ceiling(Events - 1e-9);

    /// <summary>Patients rounded up to a whole number, ⌈N⌉.</summary>
    public int PatientsRoundedUp => (int)Math.Ceiling(Patients - 1e-9);
}
