using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Recist;
using static OncoTrial.Clinical.Tests.Endpoints.EndpointCases;

namespace OncoTrial.Clinical.Tests.Endpoints;

public class OsDorTtrTests
{
    [Fact]
    public void Os_death_is_an_event_whatever_came_before()
    {
        var s = Subject(At(43, SD), At(300, PD)) with { DeathDate = Day(350), NewAnticancerTherapyDate = Day(100), LastKnownAliveDate = Day(340) };
        var r = TimeToEventEndpoints.DeriveOs(s);
        Assert.Equal(("OS", "Overall Survival", 0, 350, "Death"), (r.ParamCode, r.Param, r.Censor, r.AnalysisValueDays, r.EventDescription));
        Assert.Equal(("ADSL", "DTHDT"), (r.SourceDomain, r.SourceVariable));
        Assert.Equal(r with { Options = Ema }, TimeToEventEndpoints.DeriveOs(s, Ema));
    }

    [Fact]
    public void Os_alive_is_censored_at_the_last_known_alive_date()
    {
        var r = TimeToEventEndpoints.DeriveOs(Subject() with { LastKnownAliveDate = Day(250) });
        Assert.Equal((1, 250, "Alive", "Last Known Alive Date"), (r.Censor, r.AnalysisValueDays, r.EventDescription, r.CensorDateDescription));
        Assert.Equal(("ADSL", "LSTALVDT"), (r.SourceDomain, r.SourceVariable));
    }

    [Fact]
    public void Os_death_after_the_cutoff_is_ignored_and_follow_up_is_cut_at_the_cutoff()
    {
        var r = TimeToEventEndpoints.DeriveOs(Subject("S-1", 200) with { DeathDate = Day(260), LastKnownAliveDate = Day(250) });
        Assert.Equal((1, 200, "Data Cutoff"), (r.Censor, r.AnalysisValueDays, r.CensorDateDescription));
        Assert.Null(r.SourceDomain);
    }

    [Fact]
    public void Os_without_a_last_known_alive_date_is_censored_at_the_start()
    {
        var r = TimeToEventEndpoints.DeriveOs(Subject());
        Assert.Equal((2, 1, TimeToEventRule.NoFollowUp), (r.Censor, r.AnalysisValueDays, r.Rule));
    }

    [Fact]
    public void Dor_runs_from_the_first_response_to_progression()
    {
        var s = Subject(At(43, PR, 1), At(85, PR, 2), At(127, PD, 3)) with { FirstResponseDate = Day(43), IsResponseConfirmed = true };
        var r = TimeToEventEndpoints.DeriveDor(s)!;
        Assert.Equal(("DOR", "Duration of Response", 0), (r.ParamCode, r.Param, r.Censor));
        Assert.Equal((Day(43), Day(127), 85), (r.StartDate, r.AnalysisDate, r.AnalysisValueDays));
    }

    [Fact]
    public void Dor_is_derived_for_responders_only()
    {
        var nonResponder = Subject("A", Cutoff, At(43, SD), At(85, PD));
        var unconfirmed = Subject("B", Cutoff, At(43, PR), At(85, PD)) with { FirstResponseDate = Day(43) };
        var confirmed = Subject("C", Cutoff, At(43, PR), At(85, PR)) with { FirstResponseDate = Day(43), IsResponseConfirmed = true };
        Assert.Null(TimeToEventEndpoints.DeriveDor(nonResponder));
        Assert.Equal(["C"], TimeToEventEndpoints.DeriveDor([nonResponder, unconfirmed, confirmed]).Select(r => r.SubjectId));
        var any = new EndpointOptions { ResponseBasis = ResponseBasis.Unconfirmed };
        Assert.Equal(["B", "C"], TimeToEventEndpoints.DeriveDor([nonResponder, unconfirmed, confirmed], any).Select(r => r.SubjectId));
    }

    [Fact]
    public void Dor_without_a_later_assessment_is_censored_at_the_response_assessment()
    {
        var s = Subject(At(43, SD), At(85, CR, 5)) with { FirstResponseDate = Day(85), IsResponseConfirmed = true };
        var r = TimeToEventEndpoints.DeriveDor(s)!;
        Assert.Equal((1, 1, Day(85)), (r.Censor, r.AnalysisValueDays, r.AnalysisDate));
        Assert.Equal(5, r.SourceSequence);
    }

    [Fact]
    public void Dor_uses_the_pfs_censoring_rules()
    {
        var responder = Subject(At(43, PR), At(85, PR), At(200, PD)) with { FirstResponseDate = Day(43), IsResponseConfirmed = true };
        var fda = TimeToEventEndpoints.DeriveDor(responder)!;
        Assert.Equal((4, Day(85), 43), (fda.Censor, fda.AnalysisDate, fda.AnalysisValueDays));
        Assert.Equal((0, 158), (TimeToEventEndpoints.DeriveDor(responder, Ema)!.Censor, TimeToEventEndpoints.DeriveDor(responder, Ema)!.AnalysisValueDays));
        var therapy = TimeToEventEndpoints.DeriveDor(responder with { NewAnticancerTherapyDate = Day(120) })!;
        Assert.Equal((3, 43), (therapy.Censor, therapy.AnalysisValueDays));
        var death = TimeToEventEndpoints.DeriveDor(responder with { DeathDate = Day(100) })!;
        Assert.Equal((0, 58, "Death"), (death.Censor, death.AnalysisValueDays, death.EventDescription));
    }

    [Fact]
    public void Dor_ignores_a_response_after_the_cutoff()
    {
        var s = Subject("S-1", 80, At(43, SD), At(85, PR)) with { FirstResponseDate = Day(85), IsResponseConfirmed = true };
        Assert.Null(TimeToEventEndpoints.DeriveDor(s));
    }

    [Fact]
    public void Time_to_response_is_an_event_for_responders_and_censored_at_the_last_adequate_assessment_otherwise()
    {
        var responder = Subject("A", Cutoff, At(43, SD), At(85, PR, 2), At(127, PR)) with { FirstResponseDate = Day(85), IsResponseConfirmed = true };
        var nonResponder = Subject("B", Cutoff, At(43, SD), At(85, SD), At(127, NE));
        var records = TimeToEventEndpoints.DeriveTimeToResponse([responder, nonResponder]);
        Assert.Equal(("TTR", "Time to Response", 0, 85, "Confirmed Response", 2), (records[0].ParamCode, records[0].Param, records[0].Censor, records[0].AnalysisValueDays, records[0].EventDescription, records[0].SourceSequence));
        Assert.Equal((1, 85, "No Response"), (records[1].Censor, records[1].AnalysisValueDays, records[1].EventDescription));
    }

    [Fact]
    public void Time_to_response_of_a_non_responder_follows_the_new_therapy_rule_and_the_no_assessment_rule()
    {
        var therapy = Subject(At(43, SD), At(85, SD), At(127, SD)) with { NewAnticancerTherapyDate = Day(100) };
        Assert.Equal((3, 85), (TimeToEventEndpoints.DeriveTimeToResponse(therapy).Censor, TimeToEventEndpoints.DeriveTimeToResponse(therapy).AnalysisValueDays));
        Assert.Equal((1, 127), (TimeToEventEndpoints.DeriveTimeToResponse(therapy, Ema).Censor, TimeToEventEndpoints.DeriveTimeToResponse(therapy, Ema).AnalysisValueDays));
        Assert.Equal((2, 1), (TimeToEventEndpoints.DeriveTimeToResponse(Subject()).Censor, TimeToEventEndpoints.DeriveTimeToResponse(Subject()).AnalysisValueDays));
    }

    [Fact]
    public void Aval_is_adt_minus_startdt_plus_one_and_months_divide_by_30_4375()
    {
        // 2024-01-01 to 2024-03-01: 31 + 29 (leap year) = 60 days apart, so AVAL = 61.
        var s = new EndpointSubject("S-1", new DateOnly(2024, 1, 1), [new(new DateOnly(2024, 3, 1), PD)], new DateOnly(2025, 1, 1));
        var r = TimeToEventEndpoints.DerivePfs(s);
        Assert.Equal(61, r.AnalysisValueDays);
        Assert.Equal(61 / 30.4375, r.AnalysisValueMonths);
        Assert.Equal(30.4375, EndpointOptions.DaysPerMonth);
        Assert.Equal(12.0, new TimeToEventRecord("S", "OS", "Overall Survival", Start, Start.AddDays(364), TimeToEventRule.Event, "Death", null, null, null, null, EndpointOptions.Default).AnalysisValueMonths, 1);
    }

    [Fact]
    public void An_event_before_the_start_date_is_moved_to_the_start_date()
    {
        var r = TimeToEventEndpoints.DeriveOs(Subject() with { DeathDate = Start.AddDays(-3) });
        Assert.Equal((Start, 1, 0), (r.AnalysisDate, r.AnalysisValueDays, r.Censor));
    }

    [Theory]
    [InlineData(TimeToEventRule.Event, 0)]
    [InlineData(TimeToEventRule.DeathWithoutAdequateAssessment, 0)]
    [InlineData(TimeToEventRule.NoEventLastAdequateAssessment, 1)]
    [InlineData(TimeToEventRule.AliveLastKnownAlive, 1)]
    [InlineData(TimeToEventRule.NoAdequatePostBaselineAssessment, 2)]
    [InlineData(TimeToEventRule.NoFollowUp, 2)]
    [InlineData(TimeToEventRule.NewAnticancerTherapy, 3)]
    [InlineData(TimeToEventRule.EventAfterMissedAssessments, 4)]
    public void Each_rule_has_one_cnsr_code_and_a_description(TimeToEventRule rule, int cnsr)
    {
        Assert.Equal(cnsr, rule.ToCensorCode());
        Assert.EndsWith(".", rule.Describe(), StringComparison.Ordinal);
    }
}
