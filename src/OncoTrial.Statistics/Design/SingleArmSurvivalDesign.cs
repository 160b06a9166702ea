using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace OncoTrial.Statistics.Design;

/// <summary>Sample size of a single-arm trial with a time-to-event endpoint compared with a historical median.</summary>
public static class SingleArmSurvivalDesign
{
    /// <summary>Computes events, patients and enrolment for <paramref name="input"/>.</summary>
    /// <param name="input">Assumptions; every problem with them (<see cref="SingleArmSurvivalInput.Validate"/>) is reported at once as an <see cref="ArgumentOutOfRangeException"/>.</param>
    /// <returns>The design with every intermediate value.</returns>
    /// <remarks>
    /// <para>Rates λᵢ = ln 2 / mᵢ^k (Weibull shape k, 1 = exponential), HR = λ₁/λ₀, z_α = Φ⁻¹(1 − α/2) two-sided or
    /// Φ⁻¹(1 − α) one-sided, z_β = Φ⁻¹(power). Accrual is uniform over A, analysis at A + F, so a patient's follow-up
    /// is uniform on [F, A + F] and its survival-to-censoring function is G(t) = 1 for t ≤ F, (A + F − t)/A after.</para>
    /// <para><see cref="SingleArmSurvivalMethod.ExponentialLogHazard"/> (Lawless 2003, Statistical Models and Methods
    /// for Lifetime Data, §3.2: log λ̂ ≈ N(log λ, 1/D)): D = (z_α + z_β)² / (ln HR)², events ⌈D⌉;
    /// P(event | H₁) = 1 − [e^{−λ₁F} − e^{−λ₁(A+F)}] / (λ₁A); patients ⌈⌈D⌉ / P⌉.</para>
    /// <para><see cref="SingleArmSurvivalMethod.OneSampleLogRankWu2015"/> (Wu J. Pharm Stat 2015;14:26–33, eq. 5–7):
    /// S₁ = S₀^δ, p₀ = ∫₀^{A+F} G S₁ λ₀ dt, p₁ = δp₀, p₀₀ = ∫ G S₁ Λ₀ λ₀ dt, p₀₁ = δp₀₀, ω = p₁ − p₀,
    /// σ² = p₁ − p₁² + 2p₀₀ − p₀² − 2p₀₁ + 2p₀p₁, n = (√p₀ z_α + σ z_β)² / ω², patients ⌈n⌉. Wu's test is one-sided;
    /// a two-sided α here means the one-sided level α/2 (the same z_α). The integrals are computed numerically
    /// (double-exponential quadrature, split at F).</para>
    /// <para>Both: enrolment ⌈patients / (1 − dropout)⌉ (the paper divides; multiplying by 1 + dropout gives less).
    /// R: <c>logRank1s::SampleSize</c> (Wu); SAS PROC POWER has no one-sample survival statement.</para>
    /// </remarks>
    public static SingleArmSurvivalResult Compute(SingleArmSurvivalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        OptionProblems.ThrowIfAny(input.Validate());
        double k = input.Shape;
        double lambda0 = Math.Log(2.0) / Math.Pow(input.Median0, k);
        double lambda1 = Math.Log(2.0) / Math.Pow(input.Median1, k);
        double hr = lambda1 / lambda0;
        double logHr = Math.Log(hr);
        double zAlpha = Normal.InvCDF(0.0, 1.0, input.Sidedness == Sidedness.TwoSided ? 1.0 - (input.Alpha / 2.0) : 1.0 - input.Alpha);
        double zBeta = Normal.InvCDF(0.0, 1.0, input.Power);
        double a = input.Accrual;
        double f = input.FollowUp;

        double eventsUnrounded;
        int events;
        double patientsUnrounded;
        double eventProbability;
        WuLogRankMoments? wu = null;
        if (input.Method == SingleArmSurvivalMethod.ExponentialLogHazard)
        {
            eventsUnrounded = (zAlpha + zBeta) * (zAlpha + zBeta) / (logHr * logHr);
            events = CeilingToInt(eventsUnrounded);
            eventProbability = ExponentialEventProbability(lambda1, a, f);
            patientsUnrounded = events / eventProbability;
        }
        else
        {
            wu = WuMoments(lambda0, hr, k, a, f);
            double root = (Math.Sqrt(wu.P0) * zAlpha) + (wu.Sigma * zBeta);
            patientsUnrounded = root * root / (wu.Omega * wu.Omega);
            eventProbability = wu.P1;
            eventsUnrounded = patientsUnrounded * eventProbability;
            events = CeilingToInt(eventsUnrounded);
        }

        int patients = CeilingToInt(patientsUnrounded);
        double enrolmentUnrounded = patients / (1.0 - input.Dropout);
        return new SingleArmSurvivalResult(
            input, lambda0, lambda1, hr, logHr, zAlpha, zBeta, eventProbability,
            eventsUnrounded, events, patientsUnrounded, patients, enrolmentUnrounded, CeilingToInt(enrolmentUnrounded), wu);
    }

    /// <summary>
    /// P(event by the analysis) for exponential survival with rate <paramref name="lambda"/>, uniform accrual over
    /// <paramref name="accrual"/> and minimum follow-up <paramref name="followUp"/>:
    /// 1 − [e^{−λF} − e^{−λ(A+F)}] / (λA).
    /// </summary>
    /// <param name="lambda">Hazard λ &gt; 0.</param>
    /// <param name="accrual">Accrual duration A &gt; 0.</param>
    /// <param name="followUp">Minimum follow-up F ≥ 0.</param>
    public static double ExponentialEventProbability(double lambda, double accrual, double followUp) =>
        1.0 - ((Math.Exp(-lambda * followUp) - Math.Exp(-lambda * (accrual + followUp))) / (lambda * accrual));

    private static WuLogRankMoments WuMoments(double lambda0, double delta, double k, double a, double f)
    {
        double tau = a + f;
        double G(double t) => t <= f ? 1.0 : (tau - t) / a;
        double Cumulative0(double t) => lambda0 * Math.Pow(t, k);
        double Hazard0(double t) => k == 1.0 ? lambda0 : k * lambda0 * Math.Pow(t, k - 1.0);
        double S1(double t) => Math.Exp(-delta * Cumulative0(t));
        double Integrate(Func<double, double> g) =>
            (f > 0 ? MathNet.Numerics.Integrate.DoubleExponential(g, 0.0, f, 1e-14) : 0.0)
            + MathNet.Numerics.Integrate.DoubleExponential(g, f, tau, 1e-14);

        double p0 = Integrate(t => G(t) * S1(t) * Hazard0(t));
        double p00 = Integrate(t => G(t) * S1(t) * Cumulative0(t) * Hazard0(t));
        double p1 = delta * p0;
        double p01 = delta * p00;
        double sigma = Math.Sqrt(p1 - (p1 * p1) + (2 * p00) - (p0 * p0) - (2 * p01) + (2 * p0 * p1));
        return new WuLogRankMoments(p0, p1, p00, p01, p1 - p0, sigma);
    }

    /// <summary>⌈x⌉, with a guard of 1e-9 so that an exact integer computed with rounding error is not bumped up.</summary>
    private static int CeilingToInt(double x) => (int)Math.Ceiling(x - 1e-9);
}
