using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Tests.Recist;

/// <summary>The RECIST numbers are data: the defaults are RECIST 1.1 exactly, and a changed threshold changes the derivation where it should.</summary>
public class RecistThresholdsTests
{
    private static readonly DateOnly Day0 = new(2021, 9, 6);

    private static LesionAssessment Target(string id, int day, double? mm, bool node = false, LesionState? state = null) =>
        new("S", id, LesionRole.Target, node ? "LYMPH NODE" : "LUNG", node, Day0.AddDays(day), day == 0, state ?? (mm is null ? LesionState.NotAssessed : LesionState.Measured), mm);

    private static RecistOptions With(RecistThresholds thresholds) => new() { Thresholds = thresholds };

    private static IReadOnlyList<TimePointResponse> Derive(RecistOptions? options, params LesionAssessment[] lesions) =>
        RecistDerivation.DeriveTimePointResponses(lesions, options);

    [Fact]
    public void The_defaults_are_the_numbers_of_RECIST_1_1()
    {
        var t = RecistThresholds.Recist11;
        Assert.Equal(0.20m, t.ProgressionFromNadir);
        Assert.Equal(5m, t.ProgressionMinimumMm);
        Assert.Equal(0.30m, t.PartialResponseFromBaseline);
        Assert.Equal(5, t.MaxTargetLesions);
        Assert.Equal(2, t.MaxTargetLesionsPerOrgan);
        Assert.Equal(10m, t.MeasurableLesionMm);
        Assert.Equal(15m, t.MeasurableNodeShortAxisMm);
        Assert.Equal(10m, t.NormalNodeShortAxisMm);
        Assert.Equal(5m, t.TooSmallToMeasureMm);
        Assert.Same(RecistThresholds.Recist11, RecistOptions.Default.Thresholds);
        Assert.Equal(RecistThresholds.Recist11, new RecistOptions().Thresholds);
    }

    [Fact]
    public void PD_at_plus_25_percent_makes_a_20_percent_increase_SD()
    {
        var lesions = new[] { Target("T1", 0, 40), Target("T1", 42, 48), Target("T1", 84, 50) };
        var recist = Derive(null, lesions);
        Assert.Equal(OverallResponse.ProgressiveDisease, recist[0].TargetResponse); // +20% and 8 mm over the nadir 40
        var at25 = Derive(With(RecistThresholds.Recist11 with { ProgressionFromNadir = 0.25m }), lesions);
        Assert.Equal(OverallResponse.StableDisease, at25[0].TargetResponse);
        Assert.Equal(OverallResponse.ProgressiveDisease, at25[1].TargetResponse); // +25% and 10 mm
    }

    [Fact]
    public void A_larger_absolute_increase_for_PD_needs_more_millimetres()
    {
        var lesions = new[] { Target("T1", 0, 40), Target("T1", 42, 48), Target("T1", 84, 50) };
        var at10mm = Derive(With(RecistThresholds.Recist11 with { ProgressionMinimumMm = 10m }), lesions);
        Assert.Equal(OverallResponse.StableDisease, at10mm[0].TargetResponse); // +20% but 8 mm
        Assert.Equal(OverallResponse.ProgressiveDisease, at10mm[1].TargetResponse);
    }

    [Fact]
    public void PR_at_minus_50_percent_makes_a_30_percent_decrease_SD()
    {
        var lesions = new[] { Target("T1", 0, 100), Target("T1", 42, 70), Target("T1", 84, 50) };
        Assert.Equal(OverallResponse.PartialResponse, Derive(null, lesions)[0].TargetResponse);
        var at50 = Derive(With(RecistThresholds.Recist11 with { PartialResponseFromBaseline = 0.50m }), lesions);
        Assert.Equal(OverallResponse.StableDisease, at50[0].TargetResponse);
        Assert.Equal(OverallResponse.PartialResponse, at50[1].TargetResponse);
    }

    [Fact]
    public void A_lesion_too_small_to_measure_counts_as_the_threshold()
    {
        var lesions = new[] { Target("T1", 0, 20), Target("T1", 42, null, state: LesionState.TooSmallToMeasure) };
        Assert.Equal(5, Derive(null, lesions).Single().SumOfDiametersMm);
        Assert.Equal(3, Derive(With(RecistThresholds.Recist11 with { TooSmallToMeasureMm = 3m }), lesions).Single().SumOfDiametersMm);
        Assert.Equal(5, lesions[1].SizeMm);
        Assert.Equal(3, lesions[1].SizeMmUnder(RecistThresholds.Recist11 with { TooSmallToMeasureMm = 3m }));
    }

    [Fact]
    public void The_normal_node_size_decides_CR_for_target_and_non_target_nodes()
    {
        LesionAssessment NodeNonTarget(int day, double mm) => new("S", "N1", LesionRole.NonTarget, "LYMPH NODE", true, Day0.AddDays(day), day == 0, LesionState.Measured, mm);
        var lesions = new[] { Target("T1", 0, 20), Target("T2", 0, 16, node: true), NodeNonTarget(0, 14), Target("T1", 42, 0), Target("T2", 42, 12, node: true), NodeNonTarget(42, 12) };
        var recist = Derive(null, lesions).Single();
        Assert.Equal(OverallResponse.PartialResponse, recist.TargetResponse);
        Assert.Equal(OverallResponse.NonCRNonPD, recist.NonTargetResponse);
        var normalBelow15 = Derive(With(RecistThresholds.Recist11 with { NormalNodeShortAxisMm = 15m }), lesions).Single();
        Assert.Equal(OverallResponse.CompleteResponse, normalBelow15.TargetResponse);
        Assert.Equal(OverallResponse.CompleteResponse, normalBelow15.NonTargetResponse);
        Assert.Equal(OverallResponse.CompleteResponse, normalBelow15.Overall);
    }

    [Fact]
    public void The_default_cut_offs_decide_exactly_as_the_RECIST_1_1_ratios_6_to_5_and_7_to_10()
    {
        // Before the thresholds were data the derivation compared sum * 5 >= nadir * 6 and sum * 10 <= baseline * 7.
        // References are decimal sums of double measurements, as the derivation forms them; the sums tried include
        // each boundary exactly and a micrometre either side of it.
        var random = new Random(20090101);
        var t = RecistThresholds.Recist11;
        var references = new List<decimal> { 0, 0.5m, 5, 10, 12, 14, 20, 24, 25, 30, 41.7m, 48, 50, 70, 100 };
        for (int i = 0; i < 200; i++)
        {
            references.Add(Enumerable.Range(0, random.Next(1, 6)).Sum(_ => (decimal)Math.Round(random.NextDouble() * 80, random.Next(0, 4))));
        }

        foreach (decimal reference in references)
        {
            decimal[] boundaries = [reference * 1.2m, reference + 5, reference * 0.7m, reference];
            foreach (decimal sum in boundaries.SelectMany(b => new[] { b - 0.001m, b, b + 0.001m }).Where(s => s >= 0))
            {
                Assert.Equal(sum * 5 >= reference * 6 && sum - reference >= 5, t.IsProgression(sum, reference));
                Assert.Equal(sum * 10 <= reference * 7, t.IsPartialResponse(sum, reference));
            }
        }
    }

    [Fact]
    public void The_default_options_describe_themselves_as_before()
    {
        Assert.Equal(
            "RECIST 1.1: confirmation >= 28 d (window 0 d), SD >= 42 d from reference date, max NE between 1, accept SD no, missing as NE no, ND as NE no, CR then PR/SD admiralonco, sticky confirmed PR no, cut at first PD",
            RecistOptions.Default.Describe());
        Assert.Equal(RecistOptions.Default.Describe(), With(new RecistThresholds()).Describe());
    }

    [Fact]
    public void Changed_thresholds_are_named_in_the_description()
    {
        var options = With(RecistThresholds.Recist11 with { ProgressionFromNadir = 0.25m, MeasurableNodeShortAxisMm = 12.5m });
        Assert.EndsWith(
            "cut at first PD; thresholds: PD >= +25% and >= 5 mm over the nadir, PR <= -30% from baseline, at most 5 targets (2 per organ), measurable >= 10 mm (nodes >= 12.5 mm short axis), normal node < 10 mm, too small to measure = 5 mm",
            options.Describe(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_out_of_range_are_reported_and_stop_the_derivation()
    {
        var options = With(RecistThresholds.Recist11 with { ProgressionFromNadir = -0.1m, PartialResponseFromBaseline = 1.5m, MaxTargetLesions = 0 });
        Assert.Equal(
            [
                "--threshold-progression-from-nadir: expected a fraction >= 0, found -0.1.",
                "--threshold-partial-response-from-baseline: expected a fraction from 0 to 1, found 1.5.",
                "--threshold-max-target-lesions: expected a count >= 1, found 0.",
            ],
            options.Validate().Select(p => p.ToString()));
        Assert.Throws<ArgumentException>(() => Derive(options, Target("T1", 0, 40), Target("T1", 42, 48)));
        Assert.Throws<ArgumentNullException>(() => new RecistOptions { Thresholds = null! });
    }
}
