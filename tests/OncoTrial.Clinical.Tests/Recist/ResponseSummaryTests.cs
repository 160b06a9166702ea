using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;
using static OncoTrial.Clinical.Tests.Recist.ResponseSequences;

namespace OncoTrial.Clinical.Tests.Recist;

public class ResponseSummaryTests
{
    private static BestOverallResponse Subject(string id, string sequence) =>
        RecistDerivation.DeriveBestOverallResponse([new SubjectResponses(id, Date("2020-01-01"), Parse("2020-01-01", sequence))])[0];

    [Fact]
    public void ORR_and_DCR_use_Clopper_Pearson_over_the_analysis_set_and_the_evaluable_subset()
    {
        BestOverallResponse[] results =
        [
            Subject("1", "42:PR, 84:PR"), Subject("2", "42:CR, 84:CR"), Subject("3", "42:SD, 84:PD"),
            Subject("4", "42:PD"), Subject("5", "42:NE"), Subject("6", "42:PR"),
        ];
        var summary = ResponseSummaries.ComputeResponseRates(results, ["1", "2", "3", "4", "5", "6", "7"]);
        Assert.Equal(7, summary.AnalysisSet.N);
        Assert.Equal(2, summary.AnalysisSet.Responders);
        Assert.Equal(4, summary.AnalysisSet.DiseaseControlled);
        Assert.Equal(BinomialInterval.Compute(2, 7), summary.AnalysisSet.ObjectiveResponseRate);
        Assert.Equal(5, summary.Evaluable.N); // NE (5) and MISSING (7) left out
        Assert.Equal(BinomialInterval.Compute(4, 5), summary.Evaluable.DiseaseControlRate);
        Assert.Equal(1, summary.Counts["MISSING"]);
    }

    [Fact]
    public void A_response_maintained_more_than_6_months_is_durable()
    {
        var durable = ResponseSummaries.DeriveDurableResponses([Subject("1", "42:PR, 84:PR, 126:CR, 226:CR, 268:PD"), Subject("2", "42:PR, 84:PR, 126:SD")]);
        Assert.Equal(2, durable.Count);
        Assert.Equal((184, true), (durable[0].DurationDays, durable[0].IsDurable));
        Assert.Equal((42, false), (durable[1].DurationDays, durable[1].IsDurable));
    }

    [Fact]
    public void The_waterfall_takes_the_smallest_change_up_to_the_first_PD_and_the_spider_starts_at_0()
    {
        var d0 = Date("2020-01-01");
        LesionAssessment L(int day, double mm) => new("S", "T1", LesionRole.Target, "LIVER", false, d0.AddDays(day), day == 0, LesionState.Measured, mm);
        var tps = RecistDerivation.DeriveTimePointResponses([L(0, 50), L(42, 40), L(84, 30), L(126, 40), L(168, 10)]);
        var best = Assert.Single(ResponseSummaries.DeriveBestPercentChanges(tps));
        Assert.Equal(-40, best.PercentChange);
        var spider = ResponseSummaries.DerivePercentChangeOverTime(tps, new Dictionary<string, DateOnly> { ["S"] = d0 });
        Assert.Equal([0, -20, -40, -20, -80], spider.Select(p => p.PercentChange));
        Assert.Equal([0, 42, 84, 126, 168], spider.Select(p => p.Day));
    }
}
