using OncoTrial.ReferenceCohort.Planning;
using OncoTrial.Statistics;

namespace OncoTrial.ReferenceCohort.Tests.Planning;

/// <summary>The pieces of the search: the calendar, the random stream, the fast Kaplan-Meier summaries and the landmark orders.</summary>
public class SearchMachineryTests
{
    [Fact]
    public void Scans_fall_every_42_days_in_induction_then_every_63_in_maintenance()
    {
        int[] Days(int cycles, bool maintenance) => [.. Enumerable.Range(0, 5).Select(k => ProtocolCalendar.NominalScanDay(k, cycles, maintenance))];
        Assert.Equal([43, 85, 127, 190, 253], Days(6, true));
        Assert.Equal([43, 85, 169, 232, 295], Days(5, true));
        Assert.Equal([43, 85, 148, 211, 274], Days(4, true));
        Assert.Equal([43, 85, 148, 211, 274], Days(2, false));
        Assert.Equal("WEEK 6", ProtocolCalendar.VisitName(43));
        Assert.Equal(2, ProtocolCalendar.CyclesStarted(1, 23));
        Assert.Equal(1, ProtocolCalendar.CyclesStarted(1, 22));
    }

    [Fact]
    public void The_random_stream_is_fixed_by_seed_and_stream()
    {
        var a = new PlannerRandom(7, 0);
        var b = new PlannerRandom(7, 0);
        var c = new PlannerRandom(7, 1);
        ulong[] first = [a.NextUInt64(), a.NextUInt64(), a.NextUInt64()];
        ulong[] again = [b.NextUInt64(), b.NextUInt64(), b.NextUInt64()];
        Assert.Equal(first, again);
        Assert.NotEqual(first[0], c.NextUInt64());
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.InRange(a.Between(-7, 7), -7, 7));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_search_s_kaplan_meier_summaries_equal_the_statistics_library(int seed)
    {
        // Random integer times with ties, censoring and subgroups: median, Brookmeyer-Crowley limits, landmark and log-rank.
        var rng = new PlannerRandom(seed, 99);
        int n = 50;
        int[] time = [.. Enumerable.Range(0, n).Select(_ => rng.Between(1, 400))];
        bool[] status = [.. Enumerable.Range(0, n).Select(_ => rng.Chance(1, 2))];
        bool[] group = [.. Enumerable.Range(0, n).Select(_ => rng.Chance(1, 3))];
        int[] order = [.. Enumerable.Range(0, n)];
        SearchSurvival.SortByTime(order, time);
        var fast = new SearchSurvival(64);
        foreach (bool reverse in new[] { false, true })
        {
            var summary = fast.Summarise(order, time, status, null, reverse, 200.5);
            double[] t = [.. time.Select(x => (double)x)];
            int[] s = [.. status.Select(x => (x != reverse) ? 1 : 0)];
            var curve = KaplanMeier.Fit(t, s);
            Assert.Equal(curve.Median.Estimate, summary.Median);
            Assert.Equal(curve.Median.Lower, summary.Lower);
            Assert.Equal(curve.Median.Upper, summary.Upper);
            var landmark = curve.Landmark(200.5);
            Assert.Equal(landmark.Survival!.Value, summary.Landmark, 12);
            Assert.Equal(landmark.Lower!.Value, summary.LandmarkLower!.Value, 12);
            Assert.Equal(landmark.Upper!.Value, summary.LandmarkUpper!.Value, 12);
        }

        var members = Enumerable.Range(0, n).Where(i => group[i]).ToList();
        var sub = KaplanMeier.Fit([.. members.Select(i => (double)time[i])], [.. members.Select(i => status[i] ? 1 : 0)]);
        Assert.Equal(sub.Median.Estimate, fast.SummariseMedian(order, time, status, group).Median);
        double chi = SearchSurvival.LogRankChiSquare(order, time, status, null, group);
        var test = LogRankTest.Compute([.. time.Select(x => (double)x)], [.. status.Select(x => x ? 1 : 0)], [.. group.Select(g => g ? "a" : "b")]);
        Assert.Equal(test.Test.ChiSquare, chi, 9);
    }

    [Fact]
    public void The_landmark_enumeration_finds_orders_with_the_implied_event_counts_and_for_os_with_no_other()
    {
        // The exhaustive enumeration behind the landmark shaping: PFS (47 at risk after the 3 day-1 censorings: NE
        // without a scan and alive; the 2 withdrawals after one scan are censored at that scan) and OS (50).
        var pfs = TimelineState.PfsOrders.Value;
        var os = TimelineState.OsOrders.Value;
        Assert.Equal(17, TimelineState.ImpliedLandmarkEvents(PublishedValues.Paper["pfs_rate_12m"]));
        Assert.Equal(12, TimelineState.ImpliedLandmarkEvents(PublishedValues.Paper["os_rate_12m"]));
        Assert.Equal(47, pfs.AtRisk);
        Assert.Equal(50, os.AtRisk);
        Assert.NotEmpty(pfs.Orders);
        Assert.NotEmpty(os.Orders);
        Assert.Equal(0, pfs.Distance(pfs.Orders[0]));

        // With 50 at risk only 12 deaths before 12 months give 74.8 (59.8-84.8); with 47 at risk the PFS window admits
        // neighbouring counts too (censorings before the landmark move the rate), so the planner aims at the implied one.
        foreach (int events in new[] { os.Events - 1, os.Events + 1 })
        {
            Assert.Empty(LandmarkOrders.Enumerate(PublishedValues.Paper["os_rate_12m"], os.AtRisk, events).Orders);
        }
    }
}
