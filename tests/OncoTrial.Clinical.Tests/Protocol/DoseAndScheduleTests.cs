using OncoTrial.Clinical.Protocol;

namespace OncoTrial.Clinical.Tests.Protocol;

public class DoseAndScheduleTests
{
    [Fact]
    public void Planned_doses_for_170_cm_and_70_kg_use_the_bsa_rounded_to_two_decimals()
    {
        // Mosteller BSA 1.818119 -> 1.82 m2.
        var doses = DoseCalculator.ComputePlannedDoses(Regimen.Seed, 170, 70);
        var ben = doses.Single(d => d.Drug.Id == "BENMELSTOBART");
        Assert.Equal(1200, ben.PerAdministration.Nominal);
        Assert.Null(ben.BsaM2);
        var anl = doses.Single(d => d.Drug.Id == "ANLOTINIB");
        Assert.Equal((10.0, 140.0), (anl.PerAdministration.Nominal, anl.PerCycle.Nominal));
        var pac = doses.Single(d => d.Drug.Id == "PACLITAXEL");
        Assert.Equal(1.82, pac.BsaM2);
        Assert.Equal(245.7, pac.PerAdministration.Nominal, 10);
        var cis = doses.Single(d => d.Drug.Id == "CISPLATIN");
        Assert.Equal(136.5, cis.PerCycle.Nominal, 10);
        Assert.Equal(109.2, cis.PerCycle.Minimum!.Value, 10);
        Assert.Equal(45.5, cis.PerAdministration.Nominal, 10);
        Assert.Equal(36.4, cis.PerAdministration.Minimum!.Value, 10);
    }

    [Fact]
    public void Rounding_options_round_the_dose_and_cap_the_bsa()
    {
        var doses = DoseCalculator.ComputePlannedDoses(Regimen.Seed, 185, 110, BsaFormula.DuBois, new DoseRounding(BsaDecimals: 2, DoseStepMg: 5, BsaCapM2: 2.0));
        var pac = doses.Single(d => d.Drug.Id == "PACLITAXEL");
        Assert.Equal(2.0, pac.BsaM2);
        Assert.Equal(270, pac.PerAdministration.Nominal);
        Assert.Equal(BsaFormula.DuBois, pac.Formula);
    }

    [Fact]
    public void Six_induction_and_three_maintenance_cycles_give_21_day_steps_and_assessments_every_2_then_3_cycles()
    {
        var s = TreatmentSchedule.Create(Regimen.Seed, new DateOnly(2024, 1, 2), [6, 3]);
        Assert.Equal(9, s.Cycles.Count);
        Assert.Equal(new DateOnly(2024, 1, 23), s.Cycles[1].Day1);
        Assert.Equal(("MAINTENANCE THERAPY", 1, new DateOnly(2024, 5, 7)), (s.Cycles[6].Phase.Name, s.Cycles[6].CycleInPhase, s.Cycles[6].Day1));
        Assert.Equal(["BENMELSTOBART", "ANLOTINIB"], s.Cycles[6].DrugIds);
        Assert.Equal(
            [new DateOnly(2024, 1, 2), new DateOnly(2024, 2, 13), new DateOnly(2024, 3, 26), new DateOnly(2024, 5, 7), new DateOnly(2024, 7, 9)],
            s.Assessments.Select(a => a.Date));
        Assert.Equal([0, 2, 4, 6, 9], s.Assessments.Select(a => a.AfterCycle));
    }

    [Fact]
    public void By_default_induction_runs_its_maximum_and_open_ended_maintenance_none()
    {
        var s = TreatmentSchedule.Create(Regimen.Seed, new DateOnly(2024, 1, 2));
        Assert.Equal([6, 0], s.CyclesPerPhase);
    }

    [Fact]
    public void Three_induction_cycles_are_outside_the_protocol_range()
    {
        var ex = Assert.Throws<ArgumentException>(() => TreatmentSchedule.Create(Regimen.Seed, new DateOnly(2024, 1, 2), [3]));
        Assert.StartsWith("--induction-cycles: expected 4 to 6 (the regimen's range for INDUCTION), found 3.", ex.Message, StringComparison.Ordinal);
    }
}
