using OncoTrial.Clinical.Endpoints;
using static OncoTrial.Clinical.Tests.Endpoints.EndpointCases;

namespace OncoTrial.Clinical.Tests.Endpoints;

/// <summary>No data cutoff (all data) and the two CNSR codings (docs/decisions/0003-censoring.md).</summary>
public class CutoffAndCensorCodingTests
{
    private static EndpointSubject WithoutCutoff(params TumorAssessment[] assessments) => new("S-1", Start, assessments);

    [Fact]
    public void Without_a_cutoff_os_is_censored_at_the_last_known_alive_date_however_late()
    {
        var r = TimeToEventEndpoints.DeriveOs(WithoutCutoff() with { LastKnownAliveDate = Day(900) });
        Assert.Equal((1, 900, "Last Known Alive Date", "LSTALVDT"), (r.Censor, r.AnalysisValueDays, r.CensorDateDescription, r.SourceVariable));
        Assert.Null(WithoutCutoff().DataCutoffDate);
    }

    [Fact]
    public void Without_a_cutoff_a_late_death_and_a_late_progression_count()
    {
        var s = WithoutCutoff(At(43, SD), At(500, PD)) with { DeathDate = Day(800) };
        Assert.Equal((0, 800), (TimeToEventEndpoints.DeriveOs(s).Censor, TimeToEventEndpoints.DeriveOs(s).AnalysisValueDays));
        var pfs = TimeToEventEndpoints.DerivePfs(s, Ema);
        Assert.Equal((0, 500, "Disease Progression"), (pfs.Censor, pfs.AnalysisValueDays, pfs.EventDescription));
    }

    [Fact]
    public void At_a_cutoff_the_same_late_events_are_ignored()
    {
        var s = Subject(At(43, SD), At(500, PD)) with { DeathDate = Day(800), LastKnownAliveDate = Day(900) };
        var os = TimeToEventEndpoints.DeriveOs(s);
        Assert.Equal((1, Cutoff, "Data Cutoff"), (os.Censor, os.AnalysisValueDays, os.CensorDateDescription));
        Assert.Equal((1, 43), (TimeToEventEndpoints.DerivePfs(s).Censor, TimeToEventEndpoints.DerivePfs(s).AnalysisValueDays));
    }

    [Theory]
    [InlineData(TimeToEventRule.Event, 0, 0)]
    [InlineData(TimeToEventRule.DeathWithoutAdequateAssessment, 0, 0)]
    [InlineData(TimeToEventRule.NoEventLastAdequateAssessment, 1, 1)]
    [InlineData(TimeToEventRule.AliveLastKnownAlive, 1, 1)]
    [InlineData(TimeToEventRule.NoAdequatePostBaselineAssessment, 2, 1)]
    [InlineData(TimeToEventRule.NoFollowUp, 2, 1)]
    [InlineData(TimeToEventRule.NewAnticancerTherapy, 3, 1)]
    [InlineData(TimeToEventRule.EventAfterMissedAssessments, 4, 1)]
    public void Each_rule_has_its_detailed_cnsr_and_admirals_0_or_1(TimeToEventRule rule, int detailed, int admiral)
    {
        Assert.Equal(detailed, rule.ToCensorCode(CensorCoding.Detailed));
        Assert.Equal(detailed, rule.ToCensorCode());
        Assert.Equal(admiral, rule.ToCensorCode(CensorCoding.Admiral));
    }

    /// <summary>New anticancer therapy on day 60 before PD on day 127: FDA censors at day 43, CNSR 3 (detailed) or 1 (admiral).</summary>
    [Fact]
    public void A_record_carries_its_coding_and_writes_its_cnsr_under_it()
    {
        var s = Subject(At(43, SD), At(127, PD)) with { NewAnticancerTherapyDate = Day(60) };
        var detailed = TimeToEventEndpoints.DerivePfs(s);
        var admiral = TimeToEventEndpoints.DerivePfs(s, new EndpointOptions { CensorCoding = CensorCoding.Admiral });
        Assert.Equal((3, TimeToEventRule.NewAnticancerTherapy, 43), (detailed.Censor, detailed.Rule, detailed.AnalysisValueDays));
        Assert.Equal((1, TimeToEventRule.NewAnticancerTherapy, 43), (admiral.Censor, admiral.Rule, admiral.AnalysisValueDays));
        Assert.False(admiral.IsEvent);
        Assert.Equal(["1"], AdamCnsr(admiral));
        Assert.EndsWith("CNSR 0 event, 1 censored (admiral).", admiral.Options.Describe(), StringComparison.Ordinal);
        Assert.Contains("cnsr-coding", new EndpointOptions { CensorCoding = (CensorCoding)7 }.Validate().Select(p => p.Option));
    }

    private static string[] AdamCnsr(TimeToEventRecord r)
    {
        var ds = AdtteWriter.ToDataset([r]);
        return [ds.Find("CNSR")!.Format(0)];
    }
}
