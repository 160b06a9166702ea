using OncoTrial.Clinical.Exposure;
using static OncoTrial.Clinical.Tests.Exposure.ExposureVectors;

namespace OncoTrial.Clinical.Tests.Exposure;

public class RdiVectorTests
{
    private static IReadOnlyList<DrugExposure> Vectors(ExposureOptions? options = null) =>
        ExposureDerivation.DeriveDrugExposures([.. VectorA(), .. VectorB(), .. VectorC()], options);

    [Theory]
    [InlineData("BENMELSTOBART", 4800, 5200, 92.31, 100.00)]
    [InlineData("ANLOTINIB", 502, 606.6667, 82.75, 89.64)]
    [InlineData("CISPLATIN", 285, 325, 87.69, 95.00)]
    public void The_worked_vectors_of_ctcae_section_6_give_the_published_rdi_and_relative_dose(string drug, double total, double plannedForDuration, double rdi, double rd)
    {
        var e = Whole(Vectors(), drug);
        Assert.Equal(total, e.CumulativeDose, 9);
        Assert.Equal(91, e.IntensityDays);
        Assert.Equal(plannedForDuration, e.PlannedDoseForDuration!.Value, 3);
        Assert.Equal(rdi, Math.Round(e.RelativeDoseIntensity!.Value, 2));
        Assert.Equal(rd, Math.Round(e.RelativeDose!.Value, 2));
        Assert.Equal(4, e.CyclesStarted);
    }

    [Fact]
    public void The_exact_fractions_behind_the_vectors_hold()
    {
        var e = Vectors();
        Assert.Equal(100.0 * 4800 / 5200, Whole(e, "BENMELSTOBART").RelativeDoseIntensity!.Value, 12);
        Assert.Equal(100.0 * 502 * 21 / (140 * 91), Whole(e, "ANLOTINIB").RelativeDoseIntensity!.Value, 12);
        Assert.Equal(100.0 * 502 / 560, Whole(e, "ANLOTINIB").RelativeDose!.Value, 12);
        Assert.Equal(100.0 * 285 / 325, Whole(e, "CISPLATIN").RelativeDoseIntensity!.Value, 12);
    }

    [Fact]
    public void The_value_functions_give_the_same_numbers_as_the_derivation()
    {
        Assert.Equal(92.31, Math.Round(ExposureDerivation.ComputeRelativeDoseIntensity(4800, 1200, 91, 21), 2));
        Assert.Equal(89.64, Math.Round(ExposureDerivation.ComputeRelativeDose(502, 140, 4), 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExposureDerivation.ComputeRelativeDoseIntensity(1, 0, 91, 21));
    }

    [Fact]
    public void The_summary_reports_the_definition_chosen_in_the_options()
    {
        var dose = ExposureSummary.Compute(Vectors(), ExposureOptions.Default);
        var rd = ExposureSummary.Compute(Vectors(new ExposureOptions { Rdi = RdiDefinition.RelativeDose }));
        Assert.Equal(92.31, Math.Round(dose.For("BENMELSTOBART", null)!.Rdi.Median!.Value, 2));
        Assert.Equal(100, Math.Round(rd.For("BENMELSTOBART", null)!.Rdi.Median!.Value, 2));
        Assert.Contains("RDI: dose-intensity-cycle-day1", dose.Options.Describe(), StringComparison.Ordinal);
        Assert.Contains("RDI: relative-dose", rd.Options.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Against_the_planned_reduced_dose_a_protocol_reduction_keeps_the_relative_dose_at_100_percent()
    {
        var options = new ExposureOptions { PlannedDose = PlannedDoseBasis.CyclePlannedDose };
        var e = Whole(ExposureDerivation.DeriveDrugExposures(VectorC(plannedC2: 60), options), "CISPLATIN");
        Assert.Equal(100, e.RelativeDose!.Value, 12);
        Assert.Equal(100.0 * 285 / (285.0 / 4 * 91 / 21), e.RelativeDoseIntensity!.Value, 12);
        var starting = Whole(ExposureDerivation.DeriveDrugExposures(VectorC(plannedC2: 60)), "CISPLATIN");
        Assert.Equal(95, starting.RelativeDose!.Value, 12);
    }

    [Fact]
    public void A_last_cycle_truncated_at_the_last_oral_dose_shortens_d_to_the_dosing_days()
    {
        var options = new ExposureOptions { LastCycle = LastCycleLength.TruncatedAtLastDose };
        var b = Whole(ExposureDerivation.DeriveDrugExposures(VectorB(), options), "ANLOTINIB");
        Assert.Equal(70 + 14, b.IntensityDays);
        Assert.Equal(100.0 * 502 / (140.0 * 84 / 21), b.RelativeDoseIntensity!.Value, 12);
    }

    [Fact]
    public void A_cap_lowers_only_the_rdi_above_it_and_is_named_in_the_description()
    {
        // A day-1 drug with a truncated last cycle: D = 70 + 1 days for four doses of 1200 mg, RDI = 4 / (71 / 21) = 118 %.
        var truncated = new ExposureOptions { LastCycle = LastCycleLength.TruncatedAtLastDose };
        var uncapped = Whole(ExposureDerivation.DeriveDrugExposures(VectorA(), truncated), "BENMELSTOBART");
        var capped = Whole(ExposureDerivation.DeriveDrugExposures(VectorA(), truncated with { RdiCap = 100 }), "BENMELSTOBART");
        Assert.True(uncapped.RelativeDoseIntensity > 100);
        Assert.Equal(100, capped.RelativeDoseIntensity!.Value, 12);
        Assert.Equal(uncapped.RelativeDose, capped.RelativeDose);
        Assert.Equal(uncapped.CumulativeDose, capped.CumulativeDose);

        // Under the default full last cycle the same course is below 100 % and the cap changes nothing.
        var full = Whole(ExposureDerivation.DeriveDrugExposures(VectorA()), "BENMELSTOBART");
        var fullCapped = Whole(ExposureDerivation.DeriveDrugExposures(VectorA(), new ExposureOptions { RdiCap = 100 }), "BENMELSTOBART");
        Assert.Equal(full.RelativeDoseIntensity, fullCapped.RelativeDoseIntensity);
        Assert.Contains("capped at 100 %", (truncated with { RdiCap = 100 }).Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain("capped", truncated.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_starting_dose_from_the_options_replaces_a_missing_expdose()
    {
        var noPlan = VectorA().Select(a => a with { PlannedDose = null }).ToList();
        Assert.Null(Whole(ExposureDerivation.DeriveDrugExposures(noPlan), "BENMELSTOBART").RelativeDoseIntensity);
        var options = new ExposureOptions { StartingDoses = new Dictionary<string, double> { ["BENMELSTOBART"] = 1200 } };
        Assert.Equal(92.31, Math.Round(Whole(ExposureDerivation.DeriveDrugExposures(noPlan, options), "BENMELSTOBART").RelativeDoseIntensity!.Value, 2));
    }
}
