namespace OncoTrial.Statistics.Tests.Survival;

public class SurvivalAnalysisTests
{
    private static readonly string[] AmlArms =
        [.. Enumerable.Repeat("Maintained", 11), .. Enumerable.Repeat("Nonmaintained", 12)];

    [Fact]
    public void Aml_by_arm_reproduces_the_reference_medians_test_and_hazard_ratio()
    {
        var (time, status) = KaplanMeierTests.Aml();
        var result = SurvivalAnalysis.Run(time, status, AmlArms, options: SurvivalAnalysisOptions.Default with { LandmarkTimes = [12] });
        Assert.Equal(["Maintained", "Nonmaintained"], result.Groups.Select(g => g.Group));
        Assert.Equal(new SurvivalQuantile(0.5, 31, 13, null), result.Groups[0].Quantiles[1]);
        Assert.Equal(new SurvivalQuantile(0.5, 23, 5, 33), result.Groups[1].Quantiles[1]);
        Assert.Equal(0.9090909091, result.Groups[0].Landmarks[0].Survival!.Value, 1e-10);
        Assert.Equal(3.3963886990, result.LogRank!.Test.ChiSquare, 1e-9);
        Assert.Equal("group=Nonmaintained", result.Cox!.Terms[0].Name);
        Assert.Equal(0.915532575, result.Cox.Terms[0].Coefficient, 1e-8);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Without_groups_there_is_one_group_named_all_and_no_comparison()
    {
        var (time, status) = KaplanMeierTests.Aml();
        var result = SurvivalAnalysis.Run(time, status);
        Assert.Equal(SurvivalAnalysis.AllGroupName, result.Groups.Single().Group);
        Assert.Null(result.LogRank);
        Assert.Null(result.Cox);
        Assert.Equal(new SurvivalQuantile(0.5, 27, 13, 34), result.Groups[0].Quantiles[1]);
        Assert.Equal(new SurvivalQuantile(0.5, 161, 28, null), result.Groups[0].FollowUp);
    }

    [Fact]
    public void Strata_reach_both_the_test_and_the_Cox_model()
    {
        var (time, status) = KaplanMeierTests.Aml();
        string[] strata = [.. Enumerable.Range(0, time.Length).Select(i => i % 2 == 0 ? "even" : "odd")];
        var result = SurvivalAnalysis.Run(time, status, AmlArms, strata);
        var groups = Factor.Create(AmlArms);
        var direct = LogRankTest.Compute(time, status, groups.Codes, 2, strata: Factor.Create(strata).Codes);
        Assert.Equal(direct.Test.ChiSquare, result.LogRank!.Test.ChiSquare);
        Assert.Equal(2, result.LogRank.StrataCount);
        var unstratified = SurvivalAnalysis.Run(time, status, AmlArms);
        Assert.NotEqual(unstratified.Cox!.Terms[0].Coefficient, result.Cox!.Terms[0].Coefficient);
    }

    [Fact]
    public void Integer_weights_equal_replicated_rows_through_the_whole_analysis()
    {
        double[] time = [3, 5, 5, 8, 9, 12, 15, 20];
        int[] status = [1, 1, 0, 1, 0, 1, 1, 0];
        string[] arm = ["A", "B", "A", "B", "A", "B", "A", "B"];
        int[] weights = [2, 1, 3, 1, 2, 2, 1, 1];
        var weighted = SurvivalAnalysis.Run(time, status, arm, weights: weights);
        var idx = Enumerable.Range(0, time.Length).SelectMany(i => Enumerable.Repeat(i, weights[i])).ToArray();
        var replicated = SurvivalAnalysis.Run(idx.Select(i => time[i]).ToArray(), idx.Select(i => status[i]).ToArray(), idx.Select(i => arm[i]).ToArray());
        Assert.Equal(replicated.LogRank!.Test.ChiSquare, weighted.LogRank!.Test.ChiSquare, 1e-12);
        Assert.Equal(replicated.Cox!.Terms[0].Coefficient, weighted.Cox!.Terms[0].Coefficient, 1e-10);
        Assert.Equal(replicated.Groups[0].Curve.Steps, weighted.Groups[0].Curve.Steps);
    }
}
