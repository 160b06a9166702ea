using OncoTrial.Statistics.Design;

namespace OncoTrial.Statistics.Tests.Design;

/// <summary>Tier A (hand-computed) and property tests for the fixed two-arm survival design.</summary>
public class TwoArmSurvivalDesignTests
{
    private const double Z975 = 1.959963984540054;
    private const double Z90 = 1.2815515655446004;

    [Fact]
    public void Schoenfeld_events_for_a_halved_hazard_at_90_percent_power_are_the_textbook_88()
    {
        var options = TwoArmSurvivalOptions.Create(0.5, 0.1, alpha: 0.025, power: 0.9);
        var result = TwoArmSurvivalDesign.Compute(options);
        double expected = 4 * (Z975 + Z90) * (Z975 + Z90) / (Math.Log(2) * Math.Log(2));
        Assert.Equal(expected, result.Events, 12);
        Assert.Equal(88, result.EventsRoundedUp);
    }

    [Fact]
    public void Freedman_events_for_a_halved_hazard_are_nine_times_the_squared_z_sum()
    {
        var options = TwoArmSurvivalOptions.Create(0.5, 0.1, alpha: 0.025, power: 0.9, method: TwoArmEventsMethod.Freedman);
        var result = TwoArmSurvivalDesign.Compute(options);
        Assert.Equal(9 * (Z975 + Z90) * (Z975 + Z90), result.Events, 12);
        Assert.Equal(95, result.EventsRoundedUp);
    }

    [Fact]
    public void Two_sided_alpha_05_gives_the_same_events_as_one_sided_alpha_025()
    {
        var one = TwoArmSurvivalDesign.Compute(TwoArmSurvivalOptions.Create(0.7, 0.05, alpha: 0.025, sides: 1));
        var two = TwoArmSurvivalDesign.Compute(TwoArmSurvivalOptions.Create(0.7, 0.05, alpha: 0.05, sides: 2));
        Assert.Equal(one.Events, two.Events, 12);
    }

    [Fact]
    public void Schoenfeld_events_with_2_to_1_allocation_are_9_over_8_of_the_balanced_design()
    {
        var balanced = TwoArmSurvivalDesign.Compute(TwoArmSurvivalOptions.Create(0.7, 0.05));
        var twoToOne = TwoArmSurvivalDesign.Compute(TwoArmSurvivalOptions.Create(0.7, 0.05, allocationRatio: 2));
        Assert.Equal(balanced.Events * 9 / 8, twoToOne.Events, 10);
    }

    [Fact]
    public void Without_dropout_or_follow_up_the_event_probability_is_one_minus_the_mean_survival_over_accrual()
    {
        // λA = ln 2: P = 1 − (1 − e^{−ln 2})/ln 2 = 1 − 1/(2 ln 2).
        double p = TwoArmSurvivalDesign.ComputeEventProbability(Math.Log(2) / 24, 0, 24, 0);
        Assert.Equal(1 - (1 / (2 * Math.Log(2))), p, 14);
    }

    [Fact]
    public void Patients_are_events_over_the_allocation_weighted_event_probability()
    {
        var r = TwoArmSurvivalDesign.Compute(TwoArmSurvivalOptions.Create(0.7, 0.05, allocationRatio: 2, dropoutRate: 0.1));
        Assert.Equal(((2 * r.EventProbabilityTreatment) + r.EventProbabilityControl) / 3, r.EventProbability, 14);
        Assert.Equal(r.Events / r.EventProbability, r.Patients, 10);
        Assert.Equal(r.Patients * 2 / 3, r.PatientsTreatment, 10);
        Assert.Equal(r.Patients, r.PatientsTreatment + r.PatientsControl, 10);
    }

    [Fact]
    public void Medians_give_the_hazard_ratio_of_control_over_treatment_median()
    {
        var options = TwoArmSurvivalOptions.FromMedians(6, 9);
        Assert.Equal(6.0 / 9.0, options.HazardRatio, 14);
        Assert.Equal(Math.Log(2) / 6, options.ControlHazard, 14);
    }

    [Theory]
    [InlineData(TwoArmEventsMethod.Schoenfeld)]
    [InlineData(TwoArmEventsMethod.Freedman)]
    public void Events_decrease_as_the_hazard_ratio_moves_away_from_one(TwoArmEventsMethod method)
    {
        double previous = double.PositiveInfinity;
        foreach (double hr in new[] { 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3 })
        {
            double events = TwoArmSurvivalDesign.Compute(TwoArmSurvivalOptions.Create(hr, 0.05, method: method)).Events;
            Assert.True(events < previous, $"{method}: HR {hr} needs {events} events, not fewer than {previous}");
            previous = events;
        }

        previous = double.PositiveInfinity;
        foreach (double hr in new[] { 1.05, 1.2, 1.5, 2, 3 })
        {
            double events = TwoArmSurvivalDesign.Compute(TwoArmSurvivalOptions.Create(hr, 0.05, method: method)).Events;
            Assert.True(events < previous, $"{method}: HR {hr} needs {events} events, not fewer than {previous}");
            previous = events;
        }
    }

    [Fact]
    public void More_dropout_needs_more_patients_for_the_same_events()
    {
        var none = TwoArmSurvivalDesign.Compute(TwoArmSurvivalOptions.Create(0.7, 0.05));
        var some = TwoArmSurvivalDesign.Compute(TwoArmSurvivalOptions.Create(0.7, 0.05, dropoutRate: 0.2));
        Assert.Equal(none.Events, some.Events, 12);
        Assert.True(some.Patients > none.Patients);
    }

    [Fact]
    public void Every_invalid_input_is_reported_at_once()
    {
        var ex = Assert.Throws<ArgumentException>(() => TwoArmSurvivalOptions.Create(1, -1, alpha: 2, sides: 3, dropoutRate: 1));
        Assert.Contains("--hr: expected a number > 0 and not 1, found 1.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--median-control: expected a control hazard > 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--alpha:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--sides: expected 1 or 2, found 3.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--dropout:", ex.Message, StringComparison.Ordinal);
    }
}
