using OncoTrial.Clinical.Protocol;

namespace OncoTrial.Clinical.Tests.Protocol;

public class RegimenTests
{
    [Fact]
    public void The_seed_regimen_has_the_four_drugs_of_the_paper()
    {
        var r = Regimen.Seed;
        Assert.Equal(21, r.CycleLengthDays);
        Assert.Equal(["BENMELSTOBART", "ANLOTINIB", "PACLITAXEL", "CISPLATIN"], r.Drugs.Select(d => d.Id));
        var ben = r.FindDrug("benmelstobart")!;
        Assert.Equal((1200.0, "mg", DoseBasis.Flat), (ben.Dose.Amount, ben.Dose.Unit, ben.Dose.Basis));
        Assert.False(ben.ReductionAllowed);
        Assert.Equal(84, ben.MaxDelayDays);
        var anl = r.FindDrug("ANLOTINIB")!;
        Assert.Equal(DrugRoute.Oral, anl.Route);
        Assert.Equal(Enumerable.Range(1, 14), anl.Days);
        Assert.Equal([10.0, 8.0, 6.0], anl.DoseLevels);
        Assert.Equal(140, anl.AmountPerCycle(anl.Dose.Amount));
    }

    [Fact]
    public void Cisplatin_is_a_range_split_over_days_1_to_3()
    {
        var cis = Regimen.Seed.FindDrug("CISPLATIN")!;
        Assert.True(cis.Dose.IsRange);
        Assert.Equal((60.0, 75.0), (cis.Dose.Minimum!.Value, cis.Dose.Maximum!.Value));
        Assert.Equal([1, 2, 3], cis.Days);
        Assert.Equal(DoseDistribution.Split, cis.Distribution);
        Assert.Equal(25, cis.AmountPerAdministration(75));
        Assert.Equal(75, cis.AmountPerCycle(75));
    }

    [Fact]
    public void The_seed_phases_are_4_to_6_induction_cycles_then_open_ended_maintenance()
    {
        var r = Regimen.Seed;
        Assert.Equal(2, r.Phases.Count);
        var induction = r.Phases[0];
        Assert.Equal(("INITIAL THERAPY", 4, 6, 2), (induction.Name, induction.MinCycles, induction.MaxCycles!.Value, induction.AssessmentEveryCycles));
        var maintenance = r.Phases[1];
        Assert.Null(maintenance.MaxCycles);
        Assert.Equal(3, maintenance.AssessmentEveryCycles);
        Assert.Equal(["BENMELSTOBART", "ANLOTINIB"], maintenance.DrugIds);
        Assert.Equal((14, 2), (r.Delays.MaxDaysPerEpisode, r.Delays.MaxEpisodesPerCycle));
    }

    [Fact]
    public void Every_problem_of_a_bad_file_is_reported_with_its_json_path()
    {
        const string json = """
            {
              "id": "X", "name": "X", "version": "1", "cycleLengthDays": 0,
              "drugs": [
                { "id": "A", "name": "A", "route": "iv", "dose": { "amount": -1, "unit": "mg", "basis": "flat" }, "days": [1] },
                { "id": "B", "name": "B", "route": "oral", "dose": { "amount": 10, "unit": "mg/m2", "basis": "flat" }, "days": [2, 1] }
              ],
              "phases": [ { "id": "P", "name": "P", "drugs": ["A", "Z"], "assessmentEveryCycles": 2 } ],
              "delays": { "maxDaysPerEpisode": 14, "maxEpisodesPerCycle": 2 }
            }
            """;
        var ex = Assert.Throws<ProtocolFormatException>(() => Regimen.Parse(json, "bad.json"));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith("bad.json, $.cycleLengthDays: expected an integer from 1 to 366, found 0.", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith("bad.json, $.drugs[0].route: expected one of \"intravenous\", \"oral\", found \"iv\".", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith("bad.json, $.drugs[0].dose.amount: expected a number > 0", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith("bad.json, $.drugs[1].dose.unit: expected \"mg\" for basis Flat, found \"mg/m2\".", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith("bad.json, $.drugs[1].days[1]: expected days in ascending order", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.ToString().StartsWith("bad.json, $.phases[0].drugs[1]: expected the id of a drug in $.drugs, found \"Z\".", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_json_names_the_line()
    {
        var ex = Assert.Throws<ProtocolFormatException>(() => Regimen.Parse("{\n  \"id\": \n}", "broken.json"));
        Assert.StartsWith("broken.json, line 3: expected valid JSON", ex.Problems.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_file_round_trips_through_load()
    {
        string path = Path.Combine(Path.GetTempPath(), "oncotrial-seed-regimen-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, Regimen.ReadResource("seed-regimen.json"));
        try
        {
            var loaded = Regimen.Load(path);
            Assert.Equal(Regimen.Seed.Id, loaded.Id);
            Assert.Equal(Regimen.Seed.Drugs.Count, loaded.Drugs.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
