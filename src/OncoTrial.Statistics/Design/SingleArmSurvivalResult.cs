namespace OncoTrial.Statistics.Design;

/// <summary>
/// A single-arm time-to-event design: events, patients and enrolment with every intermediate value, and the
/// assumptions (<see cref="Input"/>) that produced them.
/// </summary>
/// <param name="Input">The assumptions and options (method, sidedness, shape) of the design.</param>
/// <param name="Hazard0">Rate under H₀: λ₀ = ln 2 / m₀^k (the hazard for k = 1).</param>
/// <param name="Hazard1">Rate under H₁: λ₁ = ln 2 / m₁^k.</param>
/// <param name="HazardRatio">HR = λ₁/λ₀ = (m₀/m₁)^k (δ in Wu 2015).</param>
/// <param name="LogHazardRatio">ln HR.</param>
/// <param name="ZAlpha">z₁₋α/₂ (two-sided) or z₁₋α (one-sided).</param>
/// <param name="ZBeta">z₁₋β = Φ⁻¹(power).</param>
/// <param name="EventProbability">Probability that a patient has an event by the analysis under H₁ (p₁ in Wu 2015).</param>
/// <param name="EventsUnrounded">
/// Exponential method: D = (z_α + z_β)²/(ln HR)². Wu method: the expected number of events under H₁ among the
/// unrounded number of patients, n·p₁.
/// </param>
/// <param name="Events">⌈<paramref name="EventsUnrounded"/>⌉.</param>
/// <param name="PatientsUnrounded">Exponential method: <paramref name="Events"/> / P(event). Wu method: n of Wu's formula.</param>
/// <param name="Patients">⌈<paramref name="PatientsUnrounded"/>⌉: evaluable patients needed.</param>
/// <param name="EnrolmentUnrounded"><paramref name="Patients"/> / (1 − dropout).</param>
/// <param name="Enrolment">⌈<paramref name="EnrolmentUnrounded"/>⌉: patients to enrol.</param>
/// <param name="Wu">The moments of Wu's (2015) formula; <c>null</c> for the exponential method.</param>
public sealed record SingleArmSurvivalResult(
    SingleArmSurvivalInput Input,
    double Hazard0,
    double Hazard1,
    double HazardRatio,
    double LogHazardRatio,
    double ZAlpha,
    double ZBeta,
    double EventProbability,
    double EventsUnrounded,
    int Events,
    double PatientsUnrounded,
    int Patients,
    double EnrolmentUnrounded,
    int Enrolment,
    WuLogRankMoments? Wu);

/// <summary>The moments of the one-sample log-rank statistic under H₁ (Wu 2015, §2), integrated over [0, A + F].</summary>
/// <param name="P0">p₀ = ∫ G S₁ λ₀ dt: the variance of the statistic under H₀ per patient.</param>
/// <param name="P1">p₁ = δ p₀: the probability of an event under H₁.</param>
/// <param name="P00">p₀₀ = ∫ G S₁ Λ₀ λ₀ dt.</param>
/// <param name="P01">p₀₁ = δ p₀₀.</param>
/// <param name="Omega">ω = p₁ − p₀: the mean of the statistic per patient under H₁.</param>
/// <param name="Sigma">σ = √(p₁ − p₁² + 2p₀₀ − p₀² − 2p₀₁ + 2p₀p₁): its standard deviation per patient under H₁.</param>
public sealed record WuLogRankMoments(double P0, double P1, double P00, double P01, double Omega, double Sigma);
