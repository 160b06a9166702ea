using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Tests.Safety;

public class TreatmentEmergenceTests
{
    private static readonly DateOnly First = new(2022, 1, 10);
    private static readonly DateOnly Last = new(2022, 3, 1);

    private static bool Teae(string? start, string? end = null, int window = 30) => TreatmentEmergence.IsTreatmentEmergent(
        start is null ? null : PartialDate.Parse(start), end is null ? null : PartialDate.Parse(end), First, Last, window);

    [Theory]
    [InlineData("2022-01-09", false)] // the day before the first dose
    [InlineData("2022-01-10", true)] // the first dose
    [InlineData("2022-03-01", true)] // the last dose
    [InlineData("2022-03-31", true)] // last dose + 30
    [InlineData("2022-04-01", false)] // last dose + 31
    [InlineData("2022-01", true)] // a month that contains the first dose
    [InlineData("2021-12", false)] // a month wholly before the first dose
    [InlineData("2022-03", true)] // a month that straddles the window's end
    [InlineData("2022-04", false)] // a month wholly after the window (1 April is last dose + 31)
    [InlineData("2022", true)] // a year that contains the window
    [InlineData("2021", false)]
    public void The_window_runs_from_the_first_dose_to_the_last_dose_plus_30_days(string start, bool expected)
    {
        Assert.Equal(expected, Teae(start));
    }

    [Fact]
    public void The_window_length_is_an_option()
    {
        Assert.False(Teae("2022-03-02", window: 0));
        Assert.True(Teae("2022-03-01", window: 0));
        Assert.True(Teae("2022-05-30", window: 90));
    }

    [Fact]
    public void A_missing_start_is_emergent_unless_the_event_ended_before_the_first_dose()
    {
        Assert.True(Teae(null));
        Assert.True(Teae(null, "2022-02-01"));
        Assert.True(Teae(null, "2022-01"));
        Assert.False(Teae(null, "2022-01-09"));
    }

    [Fact]
    public void A_partial_start_is_imputed_to_the_first_dose_when_its_span_contains_it()
    {
        Assert.Equal(First, TreatmentEmergence.ImputeStartDate(PartialDate.Parse("2022-01"), First));
        Assert.Equal(new DateOnly(2022, 2, 1), TreatmentEmergence.ImputeStartDate(PartialDate.Parse("2022-02"), First));
        Assert.Equal(new DateOnly(2021, 12, 1), TreatmentEmergence.ImputeStartDate(PartialDate.Parse("2021-12"), First));
        Assert.Null(TreatmentEmergence.ImputeStartDate(null, First));
    }

    [Fact]
    public void The_worsening_rule_drops_an_ongoing_pre_treatment_event_that_did_not_worsen()
    {
        var pre = Event(1, "2022-01-01", null, 2);
        var same = Event(2, "2022-01-20", "2022-01-25", 2);
        var worse = Event(3, "2022-02-01", "2022-02-05", 3);
        var data = new SafetyData("S", new Dictionary<string, SubjectExposure> { ["A"] = new("A", First, Last) }, [pre, same, worse], [], []);

        var onset = TreatmentEmergence.Derive(data, SafetyOptions.Default);
        Assert.Equal([false, true, true], onset.OrderBy(x => x.Event.Sequence).Select(x => x.IsTreatmentEmergent));

        var worsening = TreatmentEmergence.Derive(data, new SafetyOptions { WorseningRule = TeaeWorseningRule.RequireWorseningOfOngoing });
        Assert.Equal([false, false, true], worsening.OrderBy(x => x.Event.Sequence).Select(x => x.IsTreatmentEmergent));
    }

    private static AdverseEvent Event(int seq, string start, string? end, int grade) => new(
        "A", seq, "Nausea", "Nausea", "Gastrointestinal disorders", PartialDate.Parse(start), end is null ? null : PartialDate.Parse(end),
        grade, false, null, new Dictionary<string, bool>(), "", "", false, false, seq + 1);
}
