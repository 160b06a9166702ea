using OncoTrial.Clinical.Exposure;
using static OncoTrial.Clinical.Tests.Exposure.ExposureVectors;

namespace OncoTrial.Clinical.Tests.Exposure;

public class ExposureDerivationTests
{
    [Fact]
    public void Cycle_3_of_the_vectors_is_delayed_7_days_and_the_others_are_on_time()
    {
        var a = Whole(ExposureDerivation.DeriveDrugExposures(VectorA()), "BENMELSTOBART");
        Assert.Equal([0, 0, 7, 0], a.Cycles.Select(c => c.DelayDays));
        Assert.Equal([false, false, true, false], a.Cycles.Select(c => c.IsDelayed));
        Assert.Equal(1, a.DelayedCycles);
        Assert.True(a.HasDelay);
    }

    [Fact]
    public void A_delay_within_the_tolerance_is_not_a_delay()
    {
        var options = new ExposureOptions { DelayToleranceDays = 7 };
        Assert.False(Whole(ExposureDerivation.DeriveDrugExposures(VectorA(), options), "BENMELSTOBART").HasDelay);
        Assert.True(Whole(ExposureDerivation.DeriveDrugExposures(VectorA(), options with { DelayToleranceDays = 6 }), "BENMELSTOBART").HasDelay);
    }

    [Fact]
    public void An_early_cycle_is_not_a_delay_and_a_skipped_cycle_of_one_drug_is_not_a_delay_of_that_drug()
    {
        Administration[] records =
        [
            Once("S1", "BENMELSTOBART", 1, 1, 1200, 1200), Once("S1", "PACLITAXEL", 1, 1, 135, 135, "mg/m2"),
            Once("S1", "BENMELSTOBART", 19, 2, 1200, 1200),
            Once("S1", "BENMELSTOBART", 40, 3, 1200, 1200), Once("S1", "PACLITAXEL", 40, 3, 135, 135, "mg/m2"),
        ];
        foreach (var anchor in new[] { CycleDay1Anchor.SubjectCycle, CycleDay1Anchor.DrugStart })
        {
            var e = ExposureDerivation.DeriveDrugExposures(records, new ExposureOptions { Day1Anchor = anchor });
            Assert.False(Whole(e, "BENMELSTOBART").HasDelay);
            Assert.False(Whole(e, "PACLITAXEL").HasDelay);
            Assert.Equal([1, 3], Whole(e, "PACLITAXEL").Cycles.Select(c => c.Cycle));
        }
    }

    [Fact]
    public void A_lower_dose_is_a_reduction_but_missed_oral_days_are_not()
    {
        var b = Whole(ExposureDerivation.DeriveDrugExposures(VectorB()), "ANLOTINIB");
        Assert.Equal([false, true, false, false], b.Cycles.Select(c => c.IsReduced));
        var c = Whole(ExposureDerivation.DeriveDrugExposures(VectorC()), "CISPLATIN");
        Assert.Equal([false, true, false, false], c.Cycles.Select(x => x.IsReduced));
        Assert.Equal(1, c.ReducedCycles);
    }

    [Fact]
    public void A_dose_at_a_planned_lower_level_is_a_reduction_and_a_bsa_rounding_within_5_percent_is_not()
    {
        Administration[] records =
        [
            Once("S1", "PACLITAXEL", 1, 1, 243, 243),
            Once("S1", "PACLITAXEL", 22, 2, 235, 243),
            Once("S1", "PACLITAXEL", 43, 3, 200, 200),
        ];
        var e = Whole(ExposureDerivation.DeriveDrugExposures(records), "PACLITAXEL");
        Assert.Equal([false, false, true], e.Cycles.Select(c => c.IsReduced));
        Assert.True(Whole(ExposureDerivation.DeriveDrugExposures(records, new ExposureOptions { ReductionTolerance = 0 }), "PACLITAXEL").Cycles[1].IsReduced);
    }

    [Fact]
    public void Induction_and_maintenance_are_derived_apart_and_together()
    {
        Administration[] records =
        [
            .. new[] { 1, 22, 43, 64 }.Select((d, i) => Once("S1", "BENMELSTOBART", d, i + 1, 1200, 1200)),
            .. new[] { 1, 22, 43, 64 }.Select((d, i) => Once("S1", "CISPLATIN", d, i + 1, 75, 75, "mg/m2")),
            Once("S1", "BENMELSTOBART", 85, 5, 1200, 1200, phase: TreatmentPhase.Maintenance),
            Once("S1", "BENMELSTOBART", 106, 6, 1200, 1200, phase: TreatmentPhase.Maintenance),
        ];
        var e = ExposureDerivation.DeriveDrugExposures(records);
        var benmel = e.Where(x => x.Drug == "BENMELSTOBART").ToList();
        Assert.Equal(new TreatmentPhase?[] { null, TreatmentPhase.Induction, TreatmentPhase.Maintenance }, benmel.Select(x => x.Phase));
        Assert.Equal([6, 4, 2], benmel.Select(x => x.CyclesStarted));
        Assert.Equal([106, 64, 22], benmel.Select(x => x.DurationDays));
        Assert.Equal([126, 84, 42], benmel.Select(x => x.IntensityDays));
        Assert.All(benmel, x => Assert.Equal(100, x.RelativeDoseIntensity!.Value, 12));
        Assert.Equal(new TreatmentPhase?[] { null, TreatmentPhase.Induction }, e.Where(x => x.Drug == "CISPLATIN").Select(x => x.Phase));
    }

    [Fact]
    public void Duration_runs_from_first_to_last_dose_plus_one_or_to_the_end_of_the_last_cycle()
    {
        var b = Whole(ExposureDerivation.DeriveDrugExposures(VectorB()), "ANLOTINIB");
        Assert.Equal(84, b.DurationDays);
        Assert.Equal(84 / 30.4375, b.DurationMonths, 12);
        var options = new ExposureOptions { Duration = TreatmentDurationDefinition.FirstDoseToEndOfLastCycle };
        Assert.Equal(91, Whole(ExposureDerivation.DeriveDrugExposures(VectorB(), options), "ANLOTINIB").DurationDays);
        var one = Whole(ExposureDerivation.DeriveDrugExposures([Once("S1", "CISPLATIN", 1, 1, 75, 75)]), "CISPLATIN");
        Assert.Equal(1, one.DurationDays);
        Assert.Equal(0.03, Math.Round(one.DurationMonths, 2));
    }

    [Fact]
    public void A_zero_dose_record_starts_no_cycle_and_a_subject_with_only_zero_doses_has_no_exposure()
    {
        Administration[] records = [Once("S1", "CISPLATIN", 1, 1, 75, 75), Once("S1", "CISPLATIN", 22, 2, 0, 75), Once("S2", "CISPLATIN", 1, 1, 0, 75)];
        var e = ExposureDerivation.DeriveDrugExposures(records);
        Assert.Equal(1, Whole(e, "CISPLATIN").CyclesStarted);
        Assert.DoesNotContain(e, x => x.Subject == "S2");
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExposureDerivation.DeriveDrugExposures(VectorA(), new ExposureOptions { CycleLengthDays = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExposureDerivation.DeriveDrugExposures(VectorA(), new ExposureOptions { ReductionTolerance = 1 }));
    }
}
