using OncoTrial.Clinical.Protocol;

namespace OncoTrial.Clinical.Tests.Protocol;

public class ProtocolDeviationTests
{
    private static readonly DateOnly C1 = new(2024, 1, 2);

    private static ExposureRecord Ex(int seq, string drug, double dose, string unit, DateOnly start, int cycle, string freq = "ONCE", DateOnly? end = null) =>
        new("S1", seq, drug, dose, unit, freq, start, end ?? start, cycle, seq + 1);

    [Fact]
    public void A_regimen_given_on_time_has_no_deviations()
    {
        var records = new[]
        {
            Ex(1, "BENMELSTOBART", 1200, "mg", C1, 1),
            Ex(2, "ANLOTINIB", 10, "mg", C1, 1, "QD", C1.AddDays(13)),
            Ex(3, "CISPLATIN", 75, "mg/m2", C1, 1),
            Ex(4, "BENMELSTOBART", 1200, "mg", C1.AddDays(23), 2),
            Ex(5, "ANLOTINIB", 8, "mg", C1.AddDays(23), 2, "QD", C1.AddDays(36)),
        };
        Assert.Empty(ProtocolDeviations.Derive(Regimen.Seed, records));
    }

    [Fact]
    public void A_cycle_started_15_days_late_is_a_late_start_for_anlotinib_but_not_for_benmelstobart()
    {
        var records = new[]
        {
            Ex(1, "BENMELSTOBART", 1200, "mg", C1, 1),
            Ex(2, "ANLOTINIB", 10, "mg", C1, 1, "QD", C1.AddDays(13)),
            Ex(3, "BENMELSTOBART", 1200, "mg", C1.AddDays(36), 2),
            Ex(4, "ANLOTINIB", 10, "mg", C1.AddDays(36), 2, "QD", C1.AddDays(49)),
        };
        var d = Assert.Single(ProtocolDeviations.Derive(Regimen.Seed, records));
        Assert.Equal(("S1", "ANLOTINIB", 2, 4, DeviationRule.LateCycleStart, 15.0, 14.0), (d.SubjectId, d.Drug, d.Cycle, d.Sequence, d.Rule, d.Observed, d.Limit));
        Assert.Equal("S1 EXSEQ 4: ANLOTINIB cycle 2 started 2024-02-07, 15 days after its planned date 2024-01-23 (cycle 1 day 1 2024-01-02 + 21 days); a delay may last at most 14 days.", d.Message);
    }

    [Fact]
    public void A_late_start_and_two_interruptions_are_three_delay_episodes()
    {
        var c2 = C1.AddDays(26);
        var records = new[]
        {
            Ex(1, "ANLOTINIB", 10, "mg", C1, 1, "QD", C1.AddDays(13)),
            Ex(2, "ANLOTINIB", 10, "mg", c2, 2, "QD", c2.AddDays(3)),
            Ex(3, "ANLOTINIB", 10, "mg", c2.AddDays(6), 2, "QD", c2.AddDays(8)),
            Ex(4, "ANLOTINIB", 10, "mg", c2.AddDays(26), 2, "QD", c2.AddDays(27)),
        };
        var found = ProtocolDeviations.Derive(Regimen.Seed, records);
        Assert.Equal([DeviationRule.DelayTooLong, DeviationRule.TooManyDelays], found.Select(x => x.Rule));
        Assert.Equal((17.0, 14.0), (found[0].Observed, found[0].Limit));
        Assert.Equal((3.0, 2.0), (found[1].Observed, found[1].Limit));
    }

    [Fact]
    public void A_dose_above_the_upper_end_of_the_range_plus_tolerance_is_flagged_with_the_numbers()
    {
        var records = new[]
        {
            Ex(1, "CISPLATIN", 30, "mg/m2", C1, 1),
            Ex(2, "CISPLATIN", 30, "mg/m2", C1.AddDays(1), 1),
            Ex(3, "CISPLATIN", 30, "mg/m2", C1.AddDays(2), 1),
            Ex(4, "ANLOTINIB", 11, "mg", C1, 1, "QD", C1.AddDays(13)),
        };
        var d = Assert.Single(ProtocolDeviations.Derive(Regimen.Seed, records));
        Assert.Equal(("CISPLATIN", DeviationRule.DoseAbovePlanned, 90.0, 75.0), (d.Drug, d.Rule, d.Observed, d.Limit));
    }
}
