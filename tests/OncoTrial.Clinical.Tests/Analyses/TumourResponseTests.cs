using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Tests.Analyses;

/// <summary>
/// Table 2 on five subjects whose responses RECIST derives from one liver target (50 mm at baseline): P1 30 mm on days 43
/// and 85 (confirmed PR), P2 45 mm on day 43 (SD), P3 70 mm on day 43 (PD), P4 no scan after baseline (no response:
/// MISSING), P5 45 mm on day 20 only (SD too early for the 42-day minimum: BOR NE, but a post-baseline time-point
/// response). PD-L1 CPS: P1 15, P2 5, P3 0, P4 unknown, P5 0.5.
/// </summary>
public class TumourResponseTests
{
    internal static TestStudy FiveSubjects() => new TestStudy()
        .Subject("P1").Baseline("P1", cps: 15).Target("P1", "T1", "LIVER", (-7, 50), (43, 30), (85, 30))
        .Subject("P2").Baseline("P2", cps: 5).Target("P2", "T1", "LIVER", (-7, 50), (43, 45))
        .Subject("P3").Baseline("P3", cps: 0).Target("P3", "T1", "LIVER", (-7, 50), (43, 70))
        .Subject("P4").Baseline("P4", cps: null).Target("P4", "T1", "LIVER", (-7, 50))
        .Subject("P5").Baseline("P5", cps: 0.5).Target("P5", "T1", "LIVER", (-7, 50), (20, 45));

    private static TumourResponse Table(TrialResultsOptions? options = null) =>
        FiveSubjects().Analyse(StudyAnalysisOptions.Default with { Results = options ?? TrialResultsOptions.Default }).Results.Response!;

    [Fact]
    public void Best_responses_are_counted_with_missing_and_NE_together_as_not_evaluable()
    {
        var table = Table();
        Assert.Equal(["bor/CR", "bor/PR", "bor/SD", "bor/PD", "bor/NE"], table.BestResponse.Select(r => r.Key));
        Assert.Equal([[], ["P1"], ["P2"], ["P3"], ["P4", "P5"]], table.BestResponse.Select(r => r.Total.Subjects));
        Assert.All(table.BestResponse, r => Assert.Equal(5, r.Total.Denominator));
        Assert.Contains(table.Problems, p => p.Code == "ANALYSIS_NO_BEST_RESPONSE" && p.Found.Contains("P4", StringComparison.Ordinal));
    }

    [Fact]
    public void ORR_and_DCR_are_over_the_analysis_set_with_Clopper_Pearson_intervals()
    {
        var table = Table();
        var orr = Assert.Single(table.ObjectiveResponse);
        var dcr = Assert.Single(table.DiseaseControl);
        Assert.Equal(["P1"], orr.Count.Subjects);
        Assert.Equal(["P1", "P2"], dcr.Count.Subjects);
        Assert.Equal(BinomialInterval.Compute(1, 5), orr.Estimate);
        Assert.Equal(BinomialInterval.Compute(2, 5), dcr.Estimate);
        Assert.Equal(BinomialCiMethod.ClopperPearson, orr.Estimate!.Method);
    }

    [Fact]
    public void Orr_and_DCR_agree_with_the_RECIST_response_summaries_on_the_derivation_s_best_responses()
    {
        var analysis = FiveSubjects().Analyse();
        var table = analysis.Results.Response!;
        var summary = ResponseSummaries.ComputeResponseRates(analysis.Datasets.Efficacy!.BestResponses, table.Population.Subjects);
        Assert.Equal(summary.AnalysisSet.ObjectiveResponseRate, table.ObjectiveResponse[0].Estimate);
        Assert.Equal(summary.AnalysisSet.DiseaseControlRate, table.DiseaseControl[0].Estimate);
        Assert.Equal(summary.Counts.GetValueOrDefault("PR"), table.Row("PR")!.Total.Count);
    }

    [Fact]
    public void The_evaluable_subset_is_the_subjects_with_a_best_response_other_than_NE()
    {
        var table = Table();
        Assert.Equal(["P1", "P2", "P3"], table.Evaluable[0].Subjects);
        Assert.Equal((1, 3), (table.EvaluableObjectiveResponse[0].Count.Count, table.EvaluableObjectiveResponse[0].Count.Denominator));
        Assert.Equal(BinomialInterval.Compute(2, 3), table.EvaluableDiseaseControl[0].Estimate);
        Assert.Contains("(n = 3)", table.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_evaluable_subset_by_post_baseline_responses_takes_in_the_too_early_SD()
    {
        var table = Table(TrialResultsOptions.Default with { Evaluable = EvaluableDefinition.PostBaselineResponse });
        Assert.Equal(["P1", "P2", "P3", "P5"], table.Evaluable[0].Subjects);
        Assert.Equal(BinomialInterval.Compute(1, 4), table.EvaluableObjectiveResponse[0].Estimate);
        Assert.Equal(BinomialInterval.Compute(2, 4), table.EvaluableDiseaseControl[0].Estimate);
    }

    [Fact]
    public void Response_by_PD_L1_counts_each_level_over_its_own_subjects_and_the_unknown_apart()
    {
        var table = Table();
        Assert.Equal(["pdl1/ge1", "pdl1/lt1", "pdl1/ge10", "pdl1/lt10", "pdl1/unknown"], table.ByPdL1.Select(r => r.Key));
        (int, int) Orr(string key) => (table.PdL1(key)!.ObjectiveResponse[0].Count.Count, table.PdL1(key)!.ObjectiveResponse[0].Count.Denominator);
        Assert.Equal((1, 2), Orr("pdl1/ge1"));
        Assert.Equal((0, 2), Orr("pdl1/lt1"));
        Assert.Equal((1, 1), Orr("pdl1/ge10"));
        Assert.Equal((0, 3), Orr("pdl1/lt10"));
        Assert.Equal((0, 1), Orr("pdl1/unknown"));
        Assert.Equal(["P2"], table.PdL1("pdl1/lt10")!.DiseaseControl[0].Count.Subjects);
    }

    [Fact]
    public void Unconfirmed_responses_count_a_single_PR_as_a_response()
    {
        var study = new TestStudy().Subject("A").Target("A", "T1", "LIVER", (-7, 50), (43, 30));
        var confirmed = study.Analyse().Results.Response!;
        var unconfirmed = study.Analyse(StudyAnalysisOptions.Default with { Results = TrialResultsOptions.Default with { ResponseBasis = ResponseBasis.Unconfirmed } }).Results.Response!;
        Assert.Equal(["A"], confirmed.Row("SD")!.Total.Subjects);
        Assert.Equal(["A"], unconfirmed.Row("PR")!.Total.Subjects);
    }

    [Fact]
    public void Two_arms_get_their_own_rates_and_a_total()
    {
        var table = new TestStudy()
            .Subject("A1", arm: "Arm A").Target("A1", "T1", "LIVER", (-7, 50), (43, 30), (85, 30))
            .Subject("A2", arm: "Arm A").Target("A2", "T1", "LIVER", (-7, 50), (43, 45))
            .Subject("B1", arm: "Arm B").Target("B1", "T1", "LIVER", (-7, 50), (43, 70))
            .Analyse().Results.Response!;

        Assert.Equal(["Arm A", "Arm B", "Total"], table.Population.Columns.Select(c => c.Name));
        Assert.Equal([(1, 2), (0, 1), (1, 3)], table.ObjectiveResponse.Select(r => (r.Count.Count, r.Count.Denominator)));
        Assert.Equal(BinomialInterval.Compute(1, 2), table.ObjectiveResponse[0].Estimate);
        Assert.Equal(BinomialInterval.Compute(0, 1), table.ObjectiveResponse[1].Estimate);
    }

    [Fact]
    public void A_column_without_subjects_in_a_level_has_no_estimate()
    {
        var table = Table();
        var unknownDcr = table.PdL1("pdl1/unknown")!.DiseaseControl[0];
        Assert.NotNull(unknownDcr.Estimate);
        var noUnknown = new TestStudy().Subject("A").Baseline("A", cps: 3).Target("A", "T1", "LIVER", (-7, 50), (43, 45)).Analyse().Results.Response!;
        Assert.Null(noUnknown.PdL1("pdl1/unknown")!.ObjectiveResponse[0].Estimate);
        Assert.Equal(0, noUnknown.PdL1("pdl1/unknown")!.ObjectiveResponse[0].Count.Denominator);
    }
}
