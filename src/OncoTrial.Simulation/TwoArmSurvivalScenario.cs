using System.Globalization;
using OncoTrial.Statistics;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Simulation;

/// <summary>
/// A two-arm, event-driven group-sequential survival trial to simulate: uniform accrual of <see cref="Patients"/> over
/// <see cref="Accrual"/>, exponential survival per arm, exponential dropout, and K analyses at the calendar times of the
/// planned cumulative event counts, each comparing the log-rank z (positive = benefit of treatment) with the efficacy bound
/// and, at interim looks, with an optional non-binding futility bound.
/// </summary>
public sealed record TwoArmSurvivalScenario
{
    /// <summary>Hazard ratio treatment:control under H1 (the data use it when <see cref="Hypothesis"/> is H1).</summary>
    public required double HazardRatio { get; init; }

    /// <summary>Exponential hazard of the control arm λ₂ per time unit.</summary>
    public required double ControlHazard { get; init; }

    /// <summary>Allocation ratio k = n₁/n₂ treatment:control (1 for 1:1).</summary>
    public double AllocationRatio { get; init; } = 1;

    /// <summary>Duration A of uniform accrual.</summary>
    public required double Accrual { get; init; }

    /// <summary>Patients enrolled per trial (rpact <c>maxNumberOfSubjects</c>).</summary>
    public required int Patients { get; init; }

    /// <summary>Exponential dropout hazard φ, both arms (0 = none).</summary>
    public double DropoutHazard { get; init; }

    /// <summary>Cumulative events that trigger each analysis, increasing.</summary>
    public required IReadOnlyList<int> PlannedEvents { get; init; }

    /// <summary>Efficacy critical values c_k on the z scale: reject at look k when z_k ≥ c_k.</summary>
    public required IReadOnlyList<double> CriticalValues { get; init; }

    /// <summary>Non-binding futility bounds f_k for the K − 1 interim looks: stop when z_k &lt; f_k (empty = none).</summary>
    public IReadOnlyList<double> FutilityBounds { get; init; } = [];

    /// <summary>The hypothesis that generates the data: H0 (HR = 1, both arms at the control hazard) or H1.</summary>
    public SimulatedHypothesis Hypothesis { get; init; } = SimulatedHypothesis.H1;

    /// <summary>Number of analyses K.</summary>
    public int Stages => PlannedEvents.Count;

    /// <summary>The hazard of the treatment arm that generates the data.</summary>
    public double TreatmentHazardSimulated => Hypothesis == SimulatedHypothesis.H1 ? HazardRatio * ControlHazard : ControlHazard;

    /// <summary>
    /// The scenario of a group-sequential design: events per stage rounded up (ceiling of t_k·D_max, as rpact's
    /// <c>plannedEvents</c> must be integers), the design's critical values and futility bounds, and the design's dropout.
    /// </summary>
    /// <param name="design">The design from <see cref="TwoArmSurvivalDesign.ComputeGroupSequential"/>.</param>
    /// <param name="patients">Patients enrolled per trial; null = the design's maximum rounded up.</param>
    /// <param name="hypothesis">H0 or H1.</param>
    public static TwoArmSurvivalScenario FromDesign(TwoArmGroupSequentialResult design, int? patients = null, SimulatedHypothesis hypothesis = SimulatedHypothesis.H1)
    {
        ArgumentNullException.ThrowIfNull(design);
        var o = design.Fixed.Options;
        return new TwoArmSurvivalScenario
        {
            HazardRatio = o.HazardRatio,
            ControlHazard = o.ControlHazard,
            AllocationRatio = o.AllocationRatio,
            Accrual = o.AccrualTime,
            Patients = patients ?? design.MaxPatientsRoundedUp,
            DropoutHazard = o.DropoutRate > 0 ? o.DropoutHazard : 0,
            PlannedEvents = [.. design.EventsPerStage.Select(d => (int)Math.Ceiling(d - 1e-9))],
            CriticalValues = design.Boundaries.CriticalValues,
            FutilityBounds = design.Boundaries.FutilityBounds,
            Hypothesis = hypothesis,
        };
    }

    /// <summary>
    /// Every problem with the scenario (empty when valid), each named by the option it comes from: <c>hr</c> &gt; 0; the
    /// control hazard &gt; 0 (<c>median-control</c>); <c>allocation</c> and <c>accrual</c> &gt; 0; <c>n</c> ≥ 2 and at
    /// least the last planned event count; the dropout hazard ≥ 0 (<c>dropout</c>); a defined hypothesis
    /// (<c>under</c>); at least one analysis with increasing planned events and one critical value each (<c>stages</c>);
    /// one futility bound per interim look or none (<c>futility</c>).
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        void Check(bool ok, string option, string expected, FormattableString found, string code = ScenarioProblems.Range)
        {
            if (!ok)
            {
                problems.Add(ScenarioProblems.Option(option, expected, found, code));
            }
        }

        Check(HazardRatio > 0 && double.IsFinite(HazardRatio), "hr", "a hazard ratio > 0", $"{HazardRatio}");
        Check(ControlHazard > 0 && double.IsFinite(ControlHazard), "median-control", "a control hazard > 0 (ln 2 / median)", $"{ControlHazard}");
        Check(AllocationRatio > 0 && double.IsFinite(AllocationRatio), "allocation", "a ratio > 0", $"{AllocationRatio}");
        Check(Accrual > 0 && double.IsFinite(Accrual), "accrual", "a duration > 0", $"{Accrual}");
        Check(Patients >= 2, "n", "at least 2 patients", $"{Patients}");
        Check(DropoutHazard >= 0 && double.IsFinite(DropoutHazard), "dropout", "a dropout hazard >= 0", $"{DropoutHazard}");
        Check(Enum.IsDefined(Hypothesis), "under", "H0 or H1", $"{Hypothesis}");
        if (PlannedEvents is null || CriticalValues is null || FutilityBounds is null)
        {
            problems.Add(ScenarioProblems.Option("stages", "planned events, critical values and futility bounds", $"null"));
            return problems.AsReadOnly();
        }

        Check(PlannedEvents.Count >= 1, "stages", "at least one analysis", $"{PlannedEvents.Count}");
        Check(CriticalValues.Count == PlannedEvents.Count, "stages", Say($"critical values, one per analysis ({PlannedEvents.Count})"), $"{CriticalValues.Count}", ScenarioProblems.Conflict);
        Check(FutilityBounds.Count == 0 || FutilityBounds.Count == PlannedEvents.Count - 1, "futility", Say($"one bound per interim look ({PlannedEvents.Count - 1}) or none"), $"{FutilityBounds.Count}", ScenarioProblems.Conflict);
        for (int k = 0; k < PlannedEvents.Count; k++)
        {
            int prev = k == 0 ? 0 : PlannedEvents[k - 1];
            Check(PlannedEvents[k] > prev, "stages", "planned events in increasing counts >= 1", $"{PlannedEvents[k]} at stage {k + 1}");
        }

        if (PlannedEvents.Count > 0)
        {
            Check(PlannedEvents[^1] <= Patients, "n", Say($"at least the {PlannedEvents[^1]} planned events of the last analysis"), $"{Patients} patients", ScenarioProblems.Conflict);
        }

        return problems.AsReadOnly();
    }

    private static string Say(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
