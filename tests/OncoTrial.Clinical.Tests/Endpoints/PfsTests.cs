using OncoTrial.Clinical.Endpoints;
using static OncoTrial.Clinical.Tests.Endpoints.EndpointCases;

namespace OncoTrial.Clinical.Tests.Endpoints;

public class PfsTests
{
    [Fact]
    public void Progression_is_an_event_at_the_date_of_the_scan_that_showed_it()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(At(43, SD, 1), At(85, PR, 2), At(127, PD, 3)));
        Assert.Equal(("PFS", "Progression-Free Survival", 0, 127), (r.ParamCode, r.Param, r.Censor, r.AnalysisValueDays));
        Assert.Equal(TimeToEventRule.Event, r.Rule);
        Assert.Equal(("Disease Progression", (string?)null), (r.EventDescription, r.CensorDateDescription));
        Assert.Equal(("ADRS", "ADT", 3), (r.SourceDomain, r.SourceVariable, r.SourceSequence));
        Assert.Equal(Start, r.StartDate);
        Assert.Equal(Day(127), r.AnalysisDate);
    }

    [Fact]
    public void Death_without_progression_is_an_event_at_the_death_date()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(At(43, SD), At(85, SD)) with { DeathDate = Day(100) });
        Assert.Equal((0, 100, "Death"), (r.Censor, r.AnalysisValueDays, r.EventDescription));
        Assert.Equal(("ADSL", "DTHDT", (int?)null), (r.SourceDomain, r.SourceVariable, r.SourceSequence));
    }

    [Fact]
    public void Progression_and_death_on_the_same_day_give_progression()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(At(43, SD), At(85, PD, 7)) with { DeathDate = Day(85) });
        Assert.Equal(("Disease Progression", 85, 7), (r.EventDescription, r.AnalysisValueDays, r.SourceSequence));
    }

    [Fact]
    public void Death_before_a_later_progression_is_the_event()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(At(43, SD), At(127, PD)) with { DeathDate = Day(90) });
        Assert.Equal(("Death", 90), (r.EventDescription, r.AnalysisValueDays));
    }

    [Fact]
    public void No_event_is_censored_at_the_last_adequate_assessment_not_at_a_later_ne()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(At(43, SD, 1), At(85, SD, 2), At(127, NE, 3), At(169, ND, 4)));
        Assert.Equal((1, 85, TimeToEventRule.NoEventLastAdequateAssessment), (r.Censor, r.AnalysisValueDays, r.Rule));
        Assert.Equal(("No Progression or Death", "Last Adequate Tumor Assessment"), (r.EventDescription, r.CensorDateDescription));
        Assert.Equal(("ADRS", "ADT", 2), (r.SourceDomain, r.SourceVariable, r.SourceSequence));
    }

    [Fact]
    public void New_therapy_before_progression_censors_at_the_last_adequate_assessment_before_it_under_fda_and_is_ignored_under_ema()
    {
        var s = Subject(At(43, SD), At(85, SD), At(127, PD)) with { NewAnticancerTherapyDate = Day(100) };
        var fda = TimeToEventEndpoints.DerivePfs(s);
        Assert.Equal((3, 85, TimeToEventRule.NewAnticancerTherapy), (fda.Censor, fda.AnalysisValueDays, fda.Rule));
        Assert.Equal("Last Adequate Tumor Assessment Before New Therapy", fda.CensorDateDescription);
        var ema = TimeToEventEndpoints.DerivePfs(s, Ema);
        Assert.Equal((0, 127), (ema.Censor, ema.AnalysisValueDays));
    }

    [Fact]
    public void New_therapy_without_an_event_censors_at_the_last_adequate_assessment_on_or_before_it()
    {
        var s = Subject(At(43, SD), At(85, SD), At(127, SD)) with { NewAnticancerTherapyDate = Day(85) };
        var fda = TimeToEventEndpoints.DerivePfs(s);
        Assert.Equal((3, 85), (fda.Censor, fda.AnalysisValueDays));
        var ema = TimeToEventEndpoints.DerivePfs(s, Ema);
        Assert.Equal((1, 127), (ema.Censor, ema.AnalysisValueDays));
    }

    [Fact]
    public void Progression_on_the_day_new_therapy_starts_is_an_event()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(At(43, SD), At(85, PD)) with { NewAnticancerTherapyDate = Day(85) });
        Assert.Equal((0, 85), (r.Censor, r.AnalysisValueDays));
    }

    [Fact]
    public void New_therapy_after_the_cutoff_is_ignored()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject("S-1", 130, At(43, SD), At(85, SD), At(127, PD)) with { NewAnticancerTherapyDate = Day(131) });
        Assert.Equal((0, 127), (r.Censor, r.AnalysisValueDays));
    }

    [Fact]
    public void Progression_after_two_missed_assessments_is_censored_under_fda_and_counted_under_ema()
    {
        // Last adequate on day 43; the visits due on days 85 and 127 are missed; PD on day 190: 147 days > 2 x 42 + 7.
        var s = Subject(At(43, SD, 1), At(190, PD, 2));
        var fda = TimeToEventEndpoints.DerivePfs(s);
        Assert.Equal((4, 43, TimeToEventRule.EventAfterMissedAssessments), (fda.Censor, fda.AnalysisValueDays, fda.Rule));
        Assert.Equal("Disease Progression After 2 or More Missed Assessments", fda.EventDescription);
        Assert.Equal(("Last Adequate Tumor Assessment Before Missed Assessments", 1), (fda.CensorDateDescription, fda.SourceSequence));
        var ema = TimeToEventEndpoints.DerivePfs(s, Ema);
        Assert.Equal((0, 190, TimeToEventRule.Event), (ema.Censor, ema.AnalysisValueDays, ema.Rule));
    }

    [Theory]
    [InlineData(134, 0, 134)] // 134 - 43 = 91 = 2 x 42 + 7: still within the window
    [InlineData(135, 4, 43)] // 92 days: two assessments missed
    public void The_missed_assessment_gap_is_two_intervals_plus_the_window(int pdDay, int cnsr, int aval)
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(At(43, SD), At(pdDay, PD)));
        Assert.Equal((cnsr, aval), (r.Censor, r.AnalysisValueDays));
    }

    [Fact]
    public void Ne_assessments_in_the_gap_do_not_close_it()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(At(43, SD), At(85, NE), At(127, NE), At(169, PD)));
        Assert.Equal((4, 43), (r.Censor, r.AnalysisValueDays));
    }

    [Fact]
    public void Death_after_two_missed_assessments_is_censored_under_fda()
    {
        var s = Subject(At(43, SD), At(85, SD)) with { DeathDate = Day(200) };
        var fda = TimeToEventEndpoints.DerivePfs(s);
        Assert.Equal((4, 85, "Death After 2 or More Missed Assessments"), (fda.Censor, fda.AnalysisValueDays, fda.EventDescription));
        Assert.Equal((0, 200), (TimeToEventEndpoints.DerivePfs(s, Ema).Censor, TimeToEventEndpoints.DerivePfs(s, Ema).AnalysisValueDays));
    }

    [Fact]
    public void The_missed_assessment_gap_follows_the_options()
    {
        var weekly = new EndpointOptions { AssessmentIntervalDays = 56, AssessmentWindowDays = 0, MissedAssessments = 3 };
        Assert.Equal(168, weekly.MissedAssessmentGapDays);
        Assert.Equal(0, TimeToEventEndpoints.DerivePfs(Subject(At(43, SD), At(190, PD)), weekly).Censor);
        Assert.Equal(4, TimeToEventEndpoints.DerivePfs(Subject(At(43, SD), At(212, PD)), weekly).Censor);
    }

    [Fact]
    public void No_post_baseline_assessment_is_censored_at_the_start_date()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(At(1, SD), At(43, NE)));
        Assert.Equal((2, 1, TimeToEventRule.NoAdequatePostBaselineAssessment), (r.Censor, r.AnalysisValueDays, r.Rule));
        Assert.Equal(("No Adequate Post-Baseline Assessment", "Treatment Start"), (r.EventDescription, r.CensorDateDescription));
        Assert.Equal(("ADSL", "TRTSDT"), (r.SourceDomain, r.SourceVariable));
    }

    [Fact]
    public void The_start_date_source_names_the_censoring_variable()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(), new EndpointOptions { StartDateSource = StartDateSource.Randomization });
        Assert.Equal(("RANDDT", "Randomization"), (r.SourceVariable, r.CensorDateDescription));
    }

    [Theory]
    [InlineData(60, 0, 60)] // within 2 x 42 + 7 = 91 days of the start: death is the event
    [InlineData(92, 0, 92)] // day 92 is exactly 91 days after day 1: still within
    [InlineData(93, 2, 1)] // 92 days after the start: FDA censors at the start date
    public void Death_with_no_post_baseline_assessment_counts_only_within_the_window_under_fda(int deathDay, int cnsr, int aval)
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject() with { DeathDate = Day(deathDay) });
        Assert.Equal((cnsr, aval), (r.Censor, r.AnalysisValueDays));
        var ema = TimeToEventEndpoints.DerivePfs(Subject() with { DeathDate = Day(deathDay) }, Ema);
        Assert.Equal((0, deathDay, TimeToEventRule.DeathWithoutAdequateAssessment), (ema.Censor, ema.AnalysisValueDays, ema.Rule));
    }

    [Fact]
    public void Death_after_the_cutoff_is_ignored()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject("S-1", 100, At(43, SD), At(85, SD)) with { DeathDate = Day(110) });
        Assert.Equal((1, 85), (r.Censor, r.AnalysisValueDays));
    }

    [Fact]
    public void Assessments_after_the_cutoff_are_ignored()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject("S-1", 100, At(43, SD), At(127, PD)));
        Assert.Equal((1, 43), (r.Censor, r.AnalysisValueDays));
    }

    [Fact]
    public void Assessment_order_does_not_matter()
    {
        var sorted = TimeToEventEndpoints.DerivePfs(Subject(At(43, SD), At(85, SD), At(127, PD)));
        var shuffled = TimeToEventEndpoints.DerivePfs(Subject(At(127, PD), At(43, SD), At(85, SD)));
        Assert.Equal(sorted, shuffled);
    }

    [Fact]
    public void Records_carry_the_options_that_made_them()
    {
        var r = TimeToEventEndpoints.DerivePfs(Subject(), Ema);
        Assert.Same(Ema, r.Options);
        Assert.StartsWith("EMA censoring; day 1 = TRTSDT; assessments every 42 d ± 7 d;", r.Options.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_subject_gets_one_record_and_duplicate_ids_are_refused()
    {
        var records = TimeToEventEndpoints.DerivePfs([Subject("A", Cutoff, At(43, PD)), Subject("B", Cutoff)]);
        Assert.Equal(["A", "B"], records.Select(r => r.SubjectId));
        var e = Assert.Throws<ArgumentException>(() => TimeToEventEndpoints.DerivePfs([Subject("A", Cutoff), Subject("A", Cutoff), Subject("B", Cutoff)]));
        Assert.StartsWith("subjects: expected one entry per USUBJID, found more than one for A.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_and_subjects_are_refused_with_the_fix()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TimeToEventEndpoints.DerivePfs(Subject("A", Cutoff), new EndpointOptions { AssessmentIntervalDays = 0 }));
        Assert.StartsWith("--assessment-interval-days: expected a number of days > 0, found 0. Use the protocol's scan interval", e.Message, StringComparison.Ordinal);
        var c = Assert.Throws<ArgumentException>(() => new EndpointSubject("S-9", Start, [], Start.AddDays(-1)));
        Assert.StartsWith("dataCutoffDate: expected a date on or after the start date 2024-01-01 of subject S-9, found 2023-12-31.", c.Message, StringComparison.Ordinal);
    }
}
