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

    /// <summary>Validates every input and collects all problems into one <see cref="ArgumentException"/>.</summary>
    /// <exception cref="ArgumentException">One or more inputs out of range; the message lists each with its fix.</exception>
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
        var problems = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                problems.Add(message);
            }
        }

        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        Check(hazardRatio > 0 && hazardRatio != 1 && double.IsFinite(hazardRatio), $"hazard ratio: expected a number > 0 and not 1, found {F(hazardRatio)}.");
        Check(controlHazard > 0 && double.IsFinite(controlHazard), $"control hazard: expected a rate > 0 per time unit, found {F(controlHazard)}.");
        Check(alpha > 0 && alpha < 1, $"alpha: expected a number strictly between 0 and 1 (e.g. 0.025), found {F(alpha)}.");
        Check(sides is 1 or 2, $"sides: expected 1 or 2, found {sides}.");
        double oneSidedAlpha = sides == 2 ? alpha / 2 : alpha;
        Check(power > oneSidedAlpha && power < 1, $"power: expected a number between the one-sided alpha ({F(oneSidedAlpha)}) and 1 (e.g. 0.8), found {F(power)}.");
        Check(allocationRatio > 0 && double.IsFinite(allocationRatio), $"allocation ratio: expected a ratio treatment:control > 0 (1 for 1:1), found {F(allocationRatio)}.");
        Check(accrualTime > 0 && double.IsFinite(accrualTime), $"accrual time: expected a duration > 0, found {F(accrualTime)}.");
        Check(followUpTime >= 0 && double.IsFinite(followUpTime), $"follow-up time: expected a duration >= 0, found {F(followUpTime)}.");
        Check(dropoutRate >= 0 && dropoutRate < 1, $"dropout rate: expected a probability in [0, 1) (e.g. 0.05 for 5% by the dropout time), found {F(dropoutRate)}.");
        Check(dropoutTime > 0 && double.IsFinite(dropoutTime), $"dropout time: expected a time > 0 (e.g. 12), found {F(dropoutTime)}.");
        Check(Enum.IsDefined(method), $"method: expected Schoenfeld or Freedman, found {method}.");
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
        }

        return new TwoArmSurvivalOptions(hazardRatio, controlHazard, alpha, sides, power, allocationRatio, accrualTime, followUpTime, dropoutRate, dropoutTime, method);
    }

    /// <summary>
    /// The options from exponential medians: λ = ln 2 / median, HR = median₂/median₁ (control over treatment).
    /// Same as rpact <c>median1</c> (treatment), <c>median2</c> (control).
    /// </summary>
    /// <exception cref="ArgumentException">A median ≤ 0, equal medians, or another input out of range.</exception>
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
        if (!(controlMedian > 0 && treatmentMedian > 0 && double.IsFinite(controlMedian) && double.IsFinite(treatmentMedian)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"medians: expected control and treatment medians > 0, found {controlMedian} and {treatmentMedian}."));
        }

        double controlHazard = Math.Log(2) / controlMedian;
        double treatmentHazard = Math.Log(2) / treatmentMedian;
        return Create(treatmentHazard / controlHazard, controlHazard, alpha, sides, power, allocationRatio, accrualTime, followUpTime, dropoutRate, dropoutTime, method);
    }
}
