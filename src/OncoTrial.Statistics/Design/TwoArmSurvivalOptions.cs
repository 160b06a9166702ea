using System.Globalization;

namespace OncoTrial.Statistics.Design;

/// <summary>
/// The inputs of a two-arm survival design: exponential hazards, uniform accrual, fixed follow-up after the last
/// patient, exponential dropout, test level and power. Create with <see cref="Create"/> (hazard ratio and control
/// hazard) or <see cref="FromMedians"/>.
/// </summary>
/// <param name="HazardRatio">Hazard ratio treatment:control under H₁, 0 &lt; HR, HR ≠ 1.</param>
/// <param name="ControlHazard">Exponential event hazard of the control arm λ₂ per time unit, &gt; 0.</param>
/// <param name="Alpha">Significance level, 0 &lt; α &lt; 1 (two-sided level when <paramref name="Sides"/> is 2).</param>
/// <param name="Sides">1 (one-sided test at α) or 2 (two-sided at α, i.e. z_{1−α/2}).</param>
/// <param name="Power">Power 1 − β, α &lt; power &lt; 1 (one-sided α).</param>
/// <param name="AllocationRatio">Allocation ratio k = n₁/n₂ treatment:control, &gt; 0 (rpact <c>allocationRatioPlanned</c>).</param>
/// <param name="AccrualTime">Duration A of uniform accrual, &gt; 0.</param>
/// <param name="FollowUpTime">Follow-up F after the last patient is enrolled, ≥ 0; the analysis is at A + F.</param>
/// <param name="DropoutRate">Probability of dropping out by <paramref name="DropoutTime"/>, 0 ≤ rate &lt; 1 (both arms).</param>
/// <param name="DropoutTime">The time at which <paramref name="DropoutRate"/> applies, &gt; 0 (rpact default 12).</param>
/// <param name="Method">How events are computed from the hazard ratio.</param>
public sealed record TwoArmSurvivalOptions(
    double HazardRatio,
    double ControlHazard,
    double Alpha,
    int Sides,
    double Power,
    double AllocationRatio,
    double AccrualTime,
    double FollowUpTime,
    double DropoutRate,
    double DropoutTime,
    TwoArmEventsMethod Method)
{
    /// <summary>The exponential hazard of the treatment arm, λ₁ = HR·λ₂.</summary>
    public double TreatmentHazard => HazardRatio * ControlHazard;

    /// <summary>The exponential dropout hazard φ = −ln(1 − dropout rate)/dropout time (rpact's convention).</summary>
    public double DropoutHazard => -Math.Log(1 - DropoutRate) / DropoutTime;

    /// <summary>Validates every input (<see cref="Validate"/>) and collects all problems into one <see cref="ArgumentException"/>.</summary>
    /// <exception cref="ArgumentException">One or more inputs out of range; the message lists each with its fix, one per line.</exception>
    public static TwoArmSurvivalOptions Create(
        double hazardRatio,
        double controlHazard,
        double alpha = 0.025,
        int sides = 1,
        double power = 0.8,
        double allocationRatio = 1,
        double accrualTime = 24,
        double followUpTime = 12,
        double dropoutRate = 0,
        double dropoutTime = 12,
        TwoArmEventsMethod method = TwoArmEventsMethod.Schoenfeld)
    {
        OptionProblems.ThrowArgumentIfAny(Validate(hazardRatio, controlHazard, alpha, sides, power, allocationRatio, accrualTime, followUpTime, dropoutRate, dropoutTime, method));
        return new TwoArmSurvivalOptions(hazardRatio, controlHazard, alpha, sides, power, allocationRatio, accrualTime, followUpTime, dropoutRate, dropoutTime, method);
    }

    /// <summary>
    /// The options from exponential medians: λ = ln 2 / median, HR = median₂/median₁ (control over treatment).
    /// Same as rpact <c>median1</c> (treatment), <c>median2</c> (control).
    /// </summary>
    /// <exception cref="ArgumentException">A median ≤ 0, equal medians (<see cref="ValidateMedians"/>), or another input out of range.</exception>
    public static TwoArmSurvivalOptions FromMedians(
        double controlMedian,
        double treatmentMedian,
        double alpha = 0.025,
        int sides = 1,
        double power = 0.8,
        double allocationRatio = 1,
        double accrualTime = 24,
        double followUpTime = 12,
        double dropoutRate = 0,
        double dropoutTime = 12,
        TwoArmEventsMethod method = TwoArmEventsMethod.Schoenfeld)
    {
        OptionProblems.ThrowArgumentIfAny(ValidateMedians(controlMedian, treatmentMedian));

        double controlHazard = Math.Log(2) / controlMedian;
        double treatmentHazard = Math.Log(2) / treatmentMedian;
        return Create(treatmentHazard / controlHazard, controlHazard, alpha, sides, power, allocationRatio, accrualTime, followUpTime, dropoutRate, dropoutTime, method);
    }

    /// <summary>The exponential hazard with median <paramref name="median"/>: λ = ln 2 / m (NaN or negative for a bad median; <see cref="Validate"/> reports it).</summary>
    public static double HazardFromMedian(double median) => Math.Log(2) / median;

    /// <summary>The hazard ratio treatment:control of two exponential arms with these medians: HR = m_control / m_treatment.</summary>
    public static double HazardRatioFromMedians(double controlMedian, double treatmentMedian) => controlMedian / treatmentMedian;

    /// <summary>
    /// Every problem with the inputs of <see cref="Create"/> (empty when valid), each named by its option: <c>hr</c>
    /// &gt; 0 and ≠ 1; the control hazard &gt; 0 (option <c>median-control</c>, the hazard being ln 2 / median);
    /// <c>alpha</c> strictly between 0 and 1; <c>sides</c> 1 or 2; <c>power</c> between the one-sided α and 1;
    /// <c>allocation</c> &gt; 0; <c>accrual</c> &gt; 0; <c>follow-up</c> ≥ 0; <c>dropout</c> in [0, 1);
    /// <c>dropout-time</c> &gt; 0; a defined <c>method</c>. <see cref="Create"/> throws the same text.
    /// </summary>
    /// <param name="hazardRatio">Hazard ratio treatment:control under H₁.</param>
    /// <param name="controlHazard">Exponential hazard of the control arm.</param>
    /// <param name="alpha">Significance level.</param>
    /// <param name="sides">1 or 2.</param>
    /// <param name="power">Power 1 − β.</param>
    /// <param name="allocationRatio">Allocation ratio treatment:control.</param>
    /// <param name="accrualTime">Duration of uniform accrual.</param>
    /// <param name="followUpTime">Follow-up after the last patient.</param>
    /// <param name="dropoutRate">Probability of dropout by <paramref name="dropoutTime"/>.</param>
    /// <param name="dropoutTime">The time the dropout rate applies to.</param>
    /// <param name="method">How events are computed.</param>
    public static IReadOnlyList<Problem> Validate(
        double hazardRatio,
        double controlHazard,
        double alpha,
        int sides,
        double power,
        double allocationRatio,
        double accrualTime,
        double followUpTime,
        double dropoutRate,
        double dropoutTime,
        TwoArmEventsMethod method)
    {
        var problems = new List<Problem>();
        void Check(bool ok, string option, string expected, double found)
        {
            if (!ok)
            {
                problems.Add(Problem.OptionRange(option, expected, found));
            }
        }

        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        Check(hazardRatio > 0 && hazardRatio != 1 && double.IsFinite(hazardRatio), "hr", "a number > 0 and not 1", hazardRatio);
        Check(controlHazard > 0 && double.IsFinite(controlHazard), "median-control", "a control hazard > 0 per time unit (ln 2 / median)", controlHazard);
        Check(alpha > 0 && alpha < 1, "alpha", "a number strictly between 0 and 1 (e.g. 0.025)", alpha);
        Check(sides is 1 or 2, "sides", "1 or 2", sides);
        double oneSidedAlpha = sides == 2 ? alpha / 2 : alpha;
        Check(power > oneSidedAlpha && power < 1, "power", $"a number between the one-sided alpha ({F(oneSidedAlpha)}) and 1 (e.g. 0.8)", power);
        Check(allocationRatio > 0 && double.IsFinite(allocationRatio), "allocation", "a ratio treatment:control > 0 (1 for 1:1)", allocationRatio);
        Check(accrualTime > 0 && double.IsFinite(accrualTime), "accrual", "a duration > 0", accrualTime);
        Check(followUpTime >= 0 && double.IsFinite(followUpTime), "follow-up", "a duration >= 0", followUpTime);
        Check(dropoutRate >= 0 && dropoutRate < 1, "dropout", "a probability in [0, 1) (e.g. 0.05 for 5% by the dropout time)", dropoutRate);
        Check(dropoutTime > 0 && double.IsFinite(dropoutTime), "dropout-time", "a time > 0 (e.g. 12)", dropoutTime);
        OptionProblems.CheckDefined(problems, "method", method);
        return problems.AsReadOnly();
    }

    /// <summary>
    /// Every problem with the medians of <see cref="FromMedians"/> (empty when valid): each finite and &gt; 0 (options
    /// <c>median-control</c>, <c>median-treatment</c>) and different from each other (equal medians are HR 1:
    /// <c>OPTION_CONFLICT</c> on <c>median-treatment</c>). <see cref="FromMedians"/> throws the same text.
    /// </summary>
    /// <param name="controlMedian">Exponential median of the control arm.</param>
    /// <param name="treatmentMedian">Exponential median of the treatment arm.</param>
    public static IReadOnlyList<Problem> ValidateMedians(double controlMedian, double treatmentMedian)
    {
        var problems = new List<Problem>();
        bool controlOk = controlMedian > 0 && double.IsFinite(controlMedian);
        bool treatmentOk = treatmentMedian > 0 && double.IsFinite(treatmentMedian);
        if (!controlOk)
        {
            problems.Add(Problem.OptionRange("median-control", "a median > 0", controlMedian));
        }

        if (!treatmentOk)
        {
            problems.Add(Problem.OptionRange("median-treatment", "a median > 0", treatmentMedian));
        }

        if (controlOk && treatmentOk && controlMedian == treatmentMedian)
        {
            problems.Add(Problem.ForOption(
                "median-treatment",
                OptionProblems.Conflict,
                string.Create(CultureInfo.InvariantCulture, $"a median different from --median-control ({controlMedian:R})"),
                treatmentMedian.ToString("R", CultureInfo.InvariantCulture),
                "Equal medians are a hazard ratio of 1: there is nothing to detect."));
        }

        return problems.AsReadOnly();
    }
}
