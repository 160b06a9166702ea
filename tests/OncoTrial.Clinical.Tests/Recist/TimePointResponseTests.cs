using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Tests.Recist;

/// <summary>Hand-worked lesion-level cases, one per RECIST 1.1 rule.</summary>
public class TimePointResponseTests
{
    private static readonly DateOnly Day0 = new(2021, 9, 6);

    private static LesionAssessment Target(string id, int day, double? mm, string organ = "LUNG", bool node = false, LesionState? state = null) =>
        new("S", id, LesionRole.Target, organ, node, Day0.AddDays(day), day == 0, state ?? (mm is null ? LesionState.NotAssessed : LesionState.Measured), mm);

    private static LesionAssessment NonTarget(string id, int day, LesionState state, string organ = "BONE", bool node = false) =>
        new("S", id, LesionRole.NonTarget, organ, node, Day0.AddDays(day), day == 0, state);

    private static LesionAssessment New(string id, int day, string organ) =>
        new("S", id, LesionRole.New, organ, false, Day0.AddDays(day), false, LesionState.Present);

    private static IReadOnlyList<TimePointResponse> Derive(RecistOptions? options, params LesionAssessment[] lesions) =>
        RecistDerivation.DeriveTimePointResponses(lesions, options);

    [Fact]
    public void A_node_below_10_mm_gives_CR_with_a_sum_that_is_not_zero()
    {
        var tp = Derive(null, Target("T1", 0, 20), Target("T2", 0, 16, "LYMPH NODE", true), Target("T1", 42, 0, state: LesionState.Absent), Target("T2", 42, 8, "LYMPH NODE", true)).Single();
        Assert.Equal(8, tp.SumOfDiametersMm);
        Assert.Equal(OverallResponse.CompleteResponse, tp.TargetResponse);
        Assert.Equal(OverallResponse.CompleteResponse, tp.Overall);
        Assert.Equal(-77.77777777777777, tp.PercentChangeFromBaseline!.Value, 10);
    }

    [Fact]
    public void A_node_of_10_mm_is_not_CR()
    {
        var tp = Derive(null, Target("T1", 0, 20), Target("T2", 0, 16, "LYMPH NODE", true), Target("T1", 42, 0), Target("T2", 42, 10, "LYMPH NODE", true)).Single();
        Assert.Equal(OverallResponse.PartialResponse, tp.TargetResponse);
    }

    [Fact]
    public void PD_is_measured_from_the_nadir_even_while_the_sum_is_still_below_baseline()
    {
        var tps = Derive(null, Target("T1", 0, 100), Target("T1", 42, 50), Target("T1", 84, 60));
        Assert.Equal(OverallResponse.PartialResponse, tps[0].TargetResponse);
        Assert.Equal(OverallResponse.ProgressiveDisease, tps[1].TargetResponse);
        Assert.Equal(-40, tps[1].PercentChangeFromBaseline);
        Assert.Equal(20, tps[1].PercentChangeFromNadir);
        Assert.Equal(50, tps[1].NadirMm);
        Assert.Equal(["LUNG"], tps[1].ProgressingSites);
        Assert.Equal(ProgressionPattern.Oligoprogression, tps[1].Pattern);
    }

    [Fact]
    public void A_20_percent_increase_under_5_mm_is_not_PD_and_exactly_30_percent_down_is_PR()
    {
        var tps = Derive(null, Target("T1", 0, 20), Target("T1", 42, 10), Target("T1", 84, 14), Target("T1", 126, 15));
        Assert.Equal(OverallResponse.PartialResponse, tps[0].Overall);
        Assert.Equal(OverallResponse.PartialResponse, tps[1].Overall); // +40% over nadir 10 but only 4 mm; 14 = 70% of 20
        Assert.Equal(OverallResponse.ProgressiveDisease, tps[2].Overall); // +50% and 5 mm
    }

    [Fact]
    public void The_nadir_includes_baseline()
    {
        var tps = Derive(null, Target("T1", 0, 40), Target("T1", 42, 45), Target("T1", 84, 48));
        Assert.Equal(OverallResponse.StableDisease, tps[0].Overall);
        Assert.Equal(40, tps[1].NadirMm);
        Assert.Equal(OverallResponse.ProgressiveDisease, tps[1].Overall); // 48 = 120% of 40 and 8 mm above
    }

    [Fact]
    public void A_too_small_lesion_counts_5_mm_and_is_not_CR()
    {
        var tp = Derive(null, Target("T1", 0, 20), Target("T1", 42, null, state: LesionState.TooSmallToMeasure)).Single();
        Assert.Equal(5, tp.SumOfDiametersMm);
        Assert.Equal(OverallResponse.PartialResponse, tp.TargetResponse);
    }

    [Fact]
    public void A_new_lesion_is_PD_whatever_the_targets_do()
    {
        var tp = Derive(null, Target("T1", 0, 30), Target("T1", 42, 10), New("N1", 42, "LIVER")).Single();
        Assert.Equal(OverallResponse.PartialResponse, tp.TargetResponse);
        Assert.True(tp.HasNewLesion);
        Assert.Equal(OverallResponse.ProgressiveDisease, tp.Overall);
        Assert.Equal(1, tp.ProgressingSiteCount);
    }

    [Fact]
    public void A_target_not_assessed_gives_NE()
    {
        var tp = Derive(null, Target("T1", 0, 30), Target("T2", 0, 20), Target("T1", 42, 30), Target("T2", 42, null)).Single();
        Assert.False(tp.IsSumComplete);
        Assert.Equal(OverallResponse.NotEvaluable, tp.TargetResponse);
        Assert.Equal(OverallResponse.NotEvaluable, tp.Overall);
    }

    [Fact]
    public void A_target_not_assessed_still_gives_PD_when_the_measured_ones_already_show_it()
    {
        // RECIST: baseline 50 mm; follow-up lesions that were measured sum to 80 mm: PD regardless of the missing one.
        var tp = Derive(null, Target("T1", 0, 30), Target("T2", 0, 20), Target("T1", 42, 80)).Single();
        Assert.Equal(OverallResponse.ProgressiveDisease, tp.Overall);
    }

    [Fact]
    public void Non_target_disease_only_gives_NON_CR_NON_PD_then_CR_then_PD()
    {
        var tps = Derive(null, NonTarget("NT1", 0, LesionState.Present), NonTarget("NT1", 42, LesionState.Present), NonTarget("NT1", 84, LesionState.Absent), NonTarget("NT1", 126, LesionState.UnequivocalProgression));
        Assert.Equal([OverallResponse.NonCRNonPD, OverallResponse.CompleteResponse, OverallResponse.ProgressiveDisease], tps.Select(t => t.Overall));
        Assert.Null(tps[0].TargetResponse);
        Assert.Null(tps[0].SumOfDiametersMm);
    }

    [Fact]
    public void Target_CR_with_non_target_present_or_not_assessed_is_PR()
    {
        var tps = Derive(null, Target("T1", 0, 20), NonTarget("NT1", 0, LesionState.Present), Target("T1", 42, 0), NonTarget("NT1", 42, LesionState.Present), Target("T1", 84, 0), NonTarget("NT1", 84, LesionState.NotAssessed), Target("T1", 126, 0), NonTarget("NT1", 126, LesionState.Absent));
        Assert.Equal([OverallResponse.PartialResponse, OverallResponse.PartialResponse, OverallResponse.CompleteResponse], tps.Select(t => t.Overall));
        Assert.Equal([OverallResponse.NonCRNonPD, OverallResponse.NotEvaluable, OverallResponse.CompleteResponse], tps.Select(t => t.NonTargetResponse));
    }

    [Fact]
    public void Three_progressing_organs_are_systemic_progression()
    {
        var tp = Derive(null, Target("T1", 0, 20, "LIVER"), NonTarget("NT1", 0, LesionState.Present, "BONE"), Target("T1", 42, 30, "LIVER"), NonTarget("NT1", 42, LesionState.UnequivocalProgression, "BONE"), New("N1", 42, "LUNG"), New("N2", 42, "LUNG")).Single();
        Assert.Equal(["BONE", "LIVER", "LUNG"], tp.ProgressingSites);
        Assert.Equal(ProgressionPattern.Systemic, tp.Pattern);
    }

    [Fact]
    public void Sticky_confirmed_PR_keeps_PR_when_the_sum_creeps_back_above_minus_30_percent()
    {
        LesionAssessment[] lesions = [Target("T1", 0, 100), Target("T1", 42, 70), Target("T1", 84, 70), Target("T1", 126, 80), Target("T1", 168, 80)];
        Assert.Equal([OverallResponse.PartialResponse, OverallResponse.PartialResponse, OverallResponse.StableDisease, OverallResponse.StableDisease], Derive(null, lesions).Select(t => t.Overall));
        Assert.All(Derive(new RecistOptions { StickyConfirmedPartialResponse = true }, lesions), t => Assert.Equal(OverallResponse.PartialResponse, t.Overall));
    }

    [Fact]
    public void Every_input_problem_is_reported_in_one_message()
    {
        var e = Assert.Throws<ArgumentException>(() => Derive(null, Target("T1", 42, -1), Target("T1", 0, 20) with { State = LesionState.Present, DiameterMm = null }));
        Assert.Contains("expected a diameter in mm >= 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("needs a measurement", e.Message, StringComparison.Ordinal);
        Assert.Contains("has no size", e.Message, StringComparison.Ordinal);
    }
}
