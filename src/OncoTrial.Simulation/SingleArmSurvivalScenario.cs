using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Simulation;

/// <summary>Which hypothesis generates the simulated survival times.</summary>
public enum SimulatedHypothesis
{
    /// <summary>Survival follows the historical-control median (type I error).</summary>
    H0,

    /// <summary>Survival follows the alternative median (power).</summary>
    H1,
}

/// <summary>How enrolled patients are lost.</summary>
public enum DropoutModel
{
    /// <summary>
    /// Exponential loss to follow-up, independent of the event: hazard η = −ln(1 − d) / T, so a fraction d would be
    /// lost by time T (<see cref="SingleArmSurvivalScenario.DropoutTime"/>, 12 months by default as in rpact's
    /// <c>dropoutTime</c>). A lost patient is censored at the time of loss.
    /// </summary>
    Exponential,

    /// <summary>
    /// The design calculation's reading: a fixed fraction d of the enrolment is not evaluable and contributes nothing;
    /// the remaining round(n(1 − d)) patients are followed without loss (48 enrolled, d = 0.2: 38 evaluable).
    /// </summary>
    FixedFraction,
}

/// <summary>
/// A single-arm time-to-event trial to simulate: n patients accrued uniformly over A months, exponential survival
/// with the H0 or H1 median, dropout, and one analysis at calendar time A + F or when a target number of events has
/// been observed. Each trial is analysed with the exponential test on log λ̂, Wu's one-sample log-rank test and the
/// Kaplan-Meier median with its confidence interval.
/// </summary>
public sealed record SingleArmSurvivalScenario
{
    /// <summary>Median survival under H0 (historical control), months &gt; 0.</summary>
    public required double MedianH0 { get; init; }

    /// <summary>Median survival under H1, months &gt; 0, different from <see cref="MedianH0"/>.</summary>
    public required double MedianH1 { get; init; }

    /// <summary>Accrual duration A, months &gt; 0 (uniform accrual).</summary>
    public required double Accrual { get; init; }

    /// <summary>Follow-up after the end of accrual F, months ≥ 0; the fixed analysis is at calendar time A + F.</summary>
    public required double FollowUp { get; init; }

    /// <summary>Patients enrolled per trial, ≥ 1.</summary>
    public required int Enrolment { get; init; }

    /// <summary>Dropout fraction d, 0 ≤ d &lt; 1.</summary>
    public double Dropout { get; init; }

    /// <summary>How <see cref="Dropout"/> is applied.</summary>
    public DropoutModel DropoutModel { get; init; } = DropoutModel.Exponential;

    /// <summary>The time by which a fraction d is lost under <see cref="DropoutModel.Exponential"/>, months &gt; 0.</summary>
    public double DropoutTime { get; init; } = 12;

    /// <summary>Two-sided significance level α, 0 &lt; α &lt; 1.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Which median generates the data.</summary>
    public SimulatedHypothesis Hypothesis { get; init; } = SimulatedHypothesis.H1;

    /// <summary>
    /// Null: analyse at calendar time A + F. Otherwise analyse at the calendar time of this event (≥ 1); a trial that
    /// never reaches it is analysed once every patient has had an event or been lost.
    /// </summary>
    public int? EventsAtAnalysis { get; init; }

    /// <summary>
    /// How many trials (the first ones by index) also get a Kaplan-Meier fit for the median and its CI; null = all.
    /// The tests need only events and exposure; the fit costs more than the rest of a trial together.
    /// </summary>
    public long? KaplanMeierTrials { get; init; }

    /// <summary>Hazard under H0, λ0 = ln 2 / median0.</summary>
    public double HazardH0 => Math.Log(2) / MedianH0;

    /// <summary>Hazard under H1, λ1 = ln 2 / median1.</summary>
    public double HazardH1 => Math.Log(2) / MedianH1;

    /// <summary>The true median of the simulated survival times.</summary>
    public double TrueMedian => Hypothesis == SimulatedHypothesis.H0 ? MedianH0 : MedianH1;

    /// <summary>Patients simulated per trial: n, or round(n(1 − d)) under <see cref="DropoutModel.FixedFraction"/>.</summary>
    public int EvaluablePatients =>
        DropoutModel == DropoutModel.FixedFraction ? (int)Math.Round(Enrolment * (1 - Dropout), MidpointRounding.AwayFromZero) : Enrolment;

    /// <summary>
    /// Every problem with the scenario (empty when valid), each named by its option: <c>median0</c>, <c>median1</c>,
    /// <c>accrual</c> and <c>dropout-time</c> &gt; 0; <c>follow-up</c> ≥ 0; <c>n</c> ≥ 1; <c>dropout</c> in [0, 1);
    /// <c>alpha</c> strictly between 0 and 1; <c>events</c> ≥ 1 and <c>km-trials</c> ≥ 0 when given; different medians
    /// and at least one evaluable patient (<c>OPTION_CONFLICT</c>).
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        void Check(bool ok, string option, string expected, FormattableString found)
        {
            if (!ok)
            {
                problems.Add(ScenarioProblems.Option(option, expected, found));
            }
        }

        Check(MedianH0 > 0 && double.IsFinite(MedianH0), "median0", "months > 0", $"{MedianH0}");
        Check(MedianH1 > 0 && double.IsFinite(MedianH1), "median1", "months > 0", $"{MedianH1}");
        if (MedianH0 == MedianH1)
        {
            problems.Add(ScenarioProblems.Option("median1", Say($"a median different from --median0 ({MedianH0})"), $"{MedianH1}", ScenarioProblems.Conflict));
        }

        Check(Accrual > 0 && double.IsFinite(Accrual), "accrual", "months > 0", $"{Accrual}");
        Check(FollowUp >= 0 && double.IsFinite(FollowUp), "follow-up", "months >= 0", $"{FollowUp}");
        Check(Enrolment >= 1, "n", "at least 1 patient", $"{Enrolment}");
        Check(Dropout >= 0 && Dropout < 1, "dropout", "a fraction 0 <= d < 1", $"{Dropout}");
        Check(DropoutTime > 0 && double.IsFinite(DropoutTime), "dropout-time", "months > 0", $"{DropoutTime}");
        Check(Alpha > 0 && Alpha < 1, "alpha", "0 < alpha < 1 (two-sided)", $"{Alpha}");
        Check(EventsAtAnalysis is null or >= 1, "events", "at least 1 event", $"{EventsAtAnalysis}");
        Check(KaplanMeierTrials is null or >= 0, "km-trials", ">= 0", $"{KaplanMeierTrials}");
        if (problems.Count == 0 && EvaluablePatients < 1)
        {
            problems.Add(ScenarioProblems.Option(
                "n",
                "at least 1 evaluable patient after fixed-fraction dropout, round(n(1 - d))",
                $"{EvaluablePatients}",
                ScenarioProblems.Conflict,
                "Raise --n or lower --dropout."));
        }

        return problems.AsReadOnly();
    }

    private static string Say(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
