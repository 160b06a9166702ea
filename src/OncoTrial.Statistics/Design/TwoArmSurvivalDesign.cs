using MathNet.Numerics.Distributions;

namespace OncoTrial.Statistics.Design;

/// <summary>
/// Sample size of a two-arm randomised comparison of exponential survival by the log-rank test: events from the hazard
/// ratio (Schoenfeld or Freedman), then patients from the probability of observing an event under uniform accrual,
/// fixed follow-up and exponential dropout.
/// </summary>
public static class TwoArmSurvivalDesign
{
    /// <summary>Computes the fixed design.</summary>
    /// <param name="options">The inputs (validated by <see cref="TwoArmSurvivalOptions.Create"/>).</param>
    /// <returns>Events, event probabilities and patients, unrounded and rounded up.</returns>
    /// <remarks>
    /// <para>z_α = Φ⁻¹(1 − α/s) for s sides, z_β = Φ⁻¹(1 − β), k = n₁/n₂, r = k/(1 + k).</para>
    /// <para>Schoenfeld (1983, Biometrics 39:499, eq. 1; 1981 Biometrika 68:316): D = (z_α + z_β)² / (r(1 − r) ln(HR)²).</para>
    /// <para>Freedman (1982, Stat Med 1:121, eq. 2 with allocation k): D = (z_α + z_β)² (1 + k·HR)² / (k (1 − HR)²).</para>
    /// <para>
    /// Patients by the event-probability approach (Collett 2015, Modelling Survival Data in Medical Research, §16.2;
    /// the same as rpact): with hazards λᵢ, dropout hazard φ = −ln(1 − dropout rate)/dropout time, h = λᵢ + φ,
    /// uniform accrual over [0, A] and analysis at A + F,
    /// Pᵢ = (λᵢ/h)·(1 − (e^{−hF} − e^{−h(A+F)})/(hA)), P̄ = (k P₁ + P₂)/(1 + k) and N = D/P̄.
    /// This is not the Lachin &amp; Foulkes (1986) formula, which sizes N directly from the variances of the hazard
    /// estimates under H₀ and H₁; the event-probability approach keeps D fixed and is what rpact reports.
    /// </para>
    /// <para>R: rpact <c>getSampleSizeSurvival(lambda2, hazardRatio, alpha, beta, sided, accrualTime = c(0, A),
    /// followUpTime = F, dropoutRate1 = dropoutRate2 = rate, dropoutTime, allocationRatioPlanned = k,
    /// typeOfComputation)</c>: <c>eventsFixed</c>, <c>nFixed</c>. SAS: PROC POWER TWOSAMPLESURVIVAL (Lakatos, differs).</para>
    /// </remarks>
    public static TwoArmSurvivalResult Compute(TwoArmSurvivalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        double zAlpha = Normal.InvCDF(0, 1, 1 - (options.Alpha / options.Sides));
        double zBeta = Normal.InvCDF(0, 1, options.Power);
        double events = ComputeEvents(options.HazardRatio, zAlpha + zBeta, options.AllocationRatio, options.Method);
        double p1 = ComputeEventProbability(options.TreatmentHazard, options.DropoutHazard, options.AccrualTime, options.FollowUpTime);
        double p2 = ComputeEventProbability(options.ControlHazard, options.DropoutHazard, options.AccrualTime, options.FollowUpTime);
        double k = options.AllocationRatio;
        double p = ((k * p1) + p2) / (1 + k);
        double n = events / p;
        return new TwoArmSurvivalResult(options, zAlpha, zBeta, events, p1, p2, p, n, n * k / (1 + k), n / (1 + k));
    }

    /// <summary>The design with interim analyses at the given information fractions and Lan-DeMets alpha spending.</summary>
    /// <param name="options">The inputs; <see cref="TwoArmSurvivalOptions.Sides"/> must be 1 (one-sided α, rpact's default).</param>
    /// <param name="informationRates">Event fractions of the analyses, increasing to 1.</param>
    /// <param name="spending">The alpha-spending function.</param>
    /// <param name="gridPointsPerUnit">Integration grid density, see <see cref="GroupSequentialDesign.Compute"/>.</param>
    /// <param name="futilityBounds">Optional non-binding futility z bounds, one per interim look.</param>
    /// <remarks>
    /// D_max = IF·D_fixed with IF the inflation factor (Jennison &amp; Turnbull 2000, §7.2.2); events at look k are
    /// t_k·D_max; expected events E(D) = Σ_{k&lt;K} t_k D_max P(stop at k) + D_max P(reach look K) under H₀ and H₁
    /// (efficacy and, when given, futility stops); patients D_max/P̄ with P̄ the event probability at A + F of <see cref="Compute"/>.
    /// R: rpact <c>getSampleSizeSurvival(design = getDesignGroupSequential(...), ...)</c>.
    /// </remarks>
    /// <exception cref="ArgumentException">A problem of <see cref="ValidateGroupSequential"/> (a two-sided test, invalid information rates or futility bounds); the message lists every one.</exception>
    public static TwoArmGroupSequentialResult ComputeGroupSequential(
        TwoArmSurvivalOptions options,
        IReadOnlyList<double> informationRates,
        LanDeMetsSpending spending = LanDeMetsSpending.OBrienFleming,
        int gridPointsPerUnit = GroupSequentialDesign.DefaultGridPointsPerUnit,
        IReadOnlyList<double>? futilityBounds = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(informationRates);
        OptionProblems.ThrowArgumentIfAny(ValidateGroupSequential(options, informationRates, futilityBounds));

        var fixedDesign = Compute(options);
        var boundaries = GroupSequentialDesign.Compute(informationRates, options.Alpha, 1 - options.Power, spending, gridPointsPerUnit, futilityBounds);
        double maxEvents = fixedDesign.Events * boundaries.InflationFactor;
        double[] perStage = [.. boundaries.InformationRates.Select(t => t * maxEvents)];
        return new TwoArmGroupSequentialResult(
            fixedDesign,
            boundaries,
            maxEvents,
            perStage,
            boundaries.ExpectedInformationH0 * maxEvents,
            boundaries.ExpectedInformationH1 * maxEvents,
            maxEvents / fixedDesign.EventProbability);
    }

    /// <summary>
    /// Every problem with the inputs of <see cref="ComputeGroupSequential"/> (empty when valid): a one-sided test
    /// (<c>sides</c> 1: <c>OPTION_CONFLICT</c>), 1 to 20 information rates strictly increasing to 1 (option
    /// <c>stages</c>), one finite futility bound per interim look (option <c>futility</c>), and the levels that
    /// <see cref="GroupSequentialDesign.Compute"/> needs: <c>alpha</c> below 0.5 and <c>power</c> between α and 1.
    /// <see cref="ComputeGroupSequential"/> throws the same text.
    /// </summary>
    /// <param name="options">The fixed-design inputs.</param>
    /// <param name="informationRates">Event fractions of the analyses.</param>
    /// <param name="futilityBounds">Optional futility z bounds, one per interim look.</param>
    public static IReadOnlyList<Problem> ValidateGroupSequential(TwoArmSurvivalOptions options, IReadOnlyList<double> informationRates, IReadOnlyList<double>? futilityBounds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(informationRates);
        var problems = new List<Problem>();
        if (options.Sides != 1)
        {
            problems.Add(OptionProblems.WholeNumber(
                "sides",
                "1 (group-sequential designs use a one-sided alpha; efficacy bounds only)",
                options.Sides,
                "Use --sides 1 with alpha halved (e.g. 0.025).",
                OptionProblems.Conflict));
        }

        problems.AddRange(GroupSequentialDesign.ValidateLooks(informationRates, futilityBounds));
        if (!(options.Alpha > 0 && options.Alpha < 0.5))
        {
            problems.Add(GroupSequentialDesign.AlphaProblem(options.Alpha));
        }

        if (!(options.Power > options.Alpha && options.Power < 1))
        {
            problems.Add(Problem.OptionRange(
                "power", DesignText.Invariant($"a number between the one-sided alpha ({options.Alpha:R}) and 1 (e.g. 0.8)"), options.Power));
        }

        return problems.AsReadOnly();
    }

    /// <summary>Required events for a standardised effect z = z_α + z_β.</summary>
    /// <param name="hazardRatio">HR &gt; 0, ≠ 1.</param>
    /// <param name="zSum">z_α + z_β (for a group-sequential design, the drift at maximum information).</param>
    /// <param name="allocationRatio">k = n₁/n₂ &gt; 0.</param>
    /// <param name="method">Schoenfeld or Freedman.</param>
    /// <remarks>Schoenfeld: z²(1 + k)²/(k ln(HR)²); Freedman: z²(1 + k·HR)²/(k(1 − HR)²). See <see cref="Compute"/>.</remarks>
    public static double ComputeEvents(double hazardRatio, double zSum, double allocationRatio, TwoArmEventsMethod method)
    {
        double k = allocationRatio;
        double z2 = zSum * zSum;
        return method switch
        {
            TwoArmEventsMethod.Schoenfeld => z2 * (1 + k) * (1 + k) / (k * Math.Log(hazardRatio) * Math.Log(hazardRatio)),
            TwoArmEventsMethod.Freedman => z2 * (1 + (k * hazardRatio)) * (1 + (k * hazardRatio)) / (k * (1 - hazardRatio) * (1 - hazardRatio)),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Expected Schoenfeld or Freedman."),
        };
    }

    /// <summary>
    /// Probability that a patient, enrolled uniformly over [0, A], has an observed event by the analysis at A + F, with
    /// event hazard λ and competing dropout hazard φ.
    /// </summary>
    /// <param name="hazard">λ &gt; 0.</param>
    /// <param name="dropoutHazard">φ ≥ 0.</param>
    /// <param name="accrualTime">A &gt; 0.</param>
    /// <param name="followUpTime">F ≥ 0.</param>
    /// <remarks>
    /// P = (1/A)∫₀^A (λ/h)(1 − e^{−h(A+F−u)}) du = (λ/h)(1 − (e^{−hF} − e^{−h(A+F)})/(hA)), h = λ + φ
    /// (Collett 2015, §16.2; rpact <c>getEventProbabilities</c> for one piece and uniform accrual).
    /// </remarks>
    public static double ComputeEventProbability(double hazard, double dropoutHazard, double accrualTime, double followUpTime)
    {
        double h = hazard + dropoutHazard;
        double tail = (Math.Exp(-h * followUpTime) - Math.Exp(-h * (accrualTime + followUpTime))) / (h * accrualTime);
        return hazard / h * (1 - tail);
    }
}
