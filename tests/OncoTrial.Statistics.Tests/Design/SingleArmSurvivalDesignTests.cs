using OncoTrial.Statistics.Design;

namespace OncoTrial.Statistics.Tests.Design;

public class SingleArmSurvivalDesignTests
{
    private static SingleArmSurvivalInput Paper(SingleArmSurvivalMethod method = SingleArmSurvivalMethod.ExponentialLogHazard) =>
        new(Median0: 5.7, Median1: 9.8, Accrual: 12, FollowUp: 12, Alpha: 0.05, Power: 0.80, Dropout: 0.20, Method: method);

    private static void Near(double expected, double actual, int digits) =>
        Assert.True(Math.Abs(expected - actual) <= 0.5 * Math.Pow(10, -digits), $"expected {expected}, found {actual}");

    [Fact]
    public void The_paper_design_needs_27_events_38_patients_and_48_enrolled()
    {
        var d = SingleArmSurvivalDesign.Compute(Paper());
        Assert.Equal(27, d.Events);
        Assert.Equal(38, d.Patients);
        Assert.Equal(48, d.Enrolment);
        Assert.Null(d.Wu);
        Assert.Equal(Paper(), d.Input);
    }

    [Fact]
    public void The_paper_design_reproduces_every_intermediate_value_to_its_printed_digits()
    {
        var d = SingleArmSurvivalDesign.Compute(Paper());
        Near(0.1216047685, d.Hazard0, 10);
        Near(0.0707293041, d.Hazard1, 10);
        Near(0.5816326531, d.HazardRatio, 10);
        Near(-0.5419162108, d.LogHazardRatio, 10);
        Near(1.959963985, d.ZAlpha, 9);
        Near(0.841621234, d.ZBeta, 9);
        Near(0.293673, d.LogHazardRatio * d.LogHazardRatio, 6);
        Near(26.7266, d.EventsUnrounded, 4);
        Near(0.7115662411, d.EventProbability, 10);
        Near(37.94, d.PatientsUnrounded, 2);
        Near(47.5, d.EnrolmentUnrounded, 10);
    }

    [Fact]
    public void The_hazard_ratio_equals_the_ratio_of_medians_for_exponential_survival()
    {
        var d = SingleArmSurvivalDesign.Compute(Paper());
        Assert.Equal(5.7 / 9.8, d.HazardRatio, 12);
    }

    [Fact]
    public void A_one_sided_alpha_gives_the_documented_21_05_events()
    {
        var d = SingleArmSurvivalDesign.Compute(Paper() with { Sidedness = Sidedness.OneSided });
        Near(21.05, d.EventsUnrounded, 2);
        Assert.Equal(22, d.Events);
    }

    [Fact]
    public void Using_the_null_hazard_in_the_event_probability_gives_the_documented_non_matching_31_patients()
    {
        double p = SingleArmSurvivalDesign.ExponentialEventProbability(Math.Log(2) / 5.7, 12, 12);
        Near(0.8777, p, 4);
        Assert.Equal(31, (int)Math.Ceiling(27 / p));
    }

    [Fact]
    public void The_event_probability_tends_to_one_minus_the_survival_at_F_plus_half_accrual_for_short_accrual()
    {
        double lambda = 0.1;
        double p = SingleArmSurvivalDesign.ExponentialEventProbability(lambda, 1e-4, 10);
        Assert.Equal(1 - Math.Exp(-lambda * 10.00005), p, 8);
    }

    [Fact]
    public void Wu_moments_for_this_trial_match_the_reference_values_and_give_38_patients()
    {
        var d = SingleArmSurvivalDesign.Compute(Paper(SingleArmSurvivalMethod.OneSampleLogRankWu2015));
        Assert.NotNull(d.Wu);
        Near(1.2233945899, d.Wu.P0, 10);
        Near(0.7115662411, d.Wu.P1, 10);
        Near(1.0684828467, d.Wu.P00, 10);
        Near(1.1591525568, d.Wu.Sigma, 10);
        Near(37.72, d.PatientsUnrounded, 2);
        Assert.Equal(38, d.Patients);
        Assert.Equal(27, d.Events);
        Assert.Equal(48, d.Enrolment);
    }

    [Fact]
    public void Wu_with_two_sided_alpha_equals_Wu_with_half_of_it_one_sided()
    {
        var two = SingleArmSurvivalDesign.Compute(Paper(SingleArmSurvivalMethod.OneSampleLogRankWu2015));
        var one = SingleArmSurvivalDesign.Compute(Paper(SingleArmSurvivalMethod.OneSampleLogRankWu2015) with { Alpha = 0.025, Sidedness = Sidedness.OneSided });
        Assert.Equal(two.PatientsUnrounded, one.PatientsUnrounded, 12);
    }

    [Fact]
    public void Wu_documented_Weibull_example_needs_88_patients()
    {
        double m1 = SingleArmSurvivalInput.Median1FromHazardRatio(9, 1 / 1.75, 1.22);
        var d = SingleArmSurvivalDesign.Compute(new SingleArmSurvivalInput(
            9, m1, Accrual: 5, FollowUp: 3, Alpha: 0.05, Power: 0.8, Sidedness: Sidedness.OneSided,
            Method: SingleArmSurvivalMethod.OneSampleLogRankWu2015, Shape: 1.22));
        Assert.Equal(1 / 1.75, d.HazardRatio, 12);
        Near(87.32, d.PatientsUnrounded, 2);
        Assert.Equal(88, d.Patients);
    }

    [Fact]
    public void Wu_integrals_agree_with_the_closed_form_event_probability_for_exponential_survival()
    {
        var d = SingleArmSurvivalDesign.Compute(Paper(SingleArmSurvivalMethod.OneSampleLogRankWu2015) with { Median1 = 8.1, FollowUp = 6 });
        Assert.Equal(SingleArmSurvivalDesign.ExponentialEventProbability(Math.Log(2) / 8.1, 12, 6), d.Wu!.P1, 12);
    }

    [Fact]
    public void No_dropout_enrols_exactly_the_patients()
    {
        var d = SingleArmSurvivalDesign.Compute(Paper() with { Dropout = 0 });
        Assert.Equal(d.Patients, d.Enrolment);
    }

    [Fact]
    public void Every_bad_argument_is_reported_at_once()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SingleArmSurvivalDesign.Compute(
            Paper() with { Median0 = -1, Alpha = 5, Dropout = 1 }));
        Assert.Contains("median0: expected a finite number > 0, found -1.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("alpha: expected a number strictly between 0 and 1, found 5.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("dropout:", ex.Message, StringComparison.Ordinal);
        Assert.Equal("median0", ex.ParamName);
    }

    [Fact]
    public void A_Weibull_shape_is_refused_by_the_exponential_method()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SingleArmSurvivalDesign.Compute(Paper() with { Shape = 1.2 }));
        Assert.Contains("Wu 2015", ex.Message, StringComparison.Ordinal);
    }
}
