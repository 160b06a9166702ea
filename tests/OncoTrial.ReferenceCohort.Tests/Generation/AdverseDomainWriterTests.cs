using System.Text;
using OncoTrial.Clinical.Study;
using OncoTrial.ReferenceCohort.Generation;

namespace OncoTrial.ReferenceCohort.Tests.Generation;

public class AdverseDomainWriterTests
{
    private static readonly DateOnly Day1 = new(2022, 3, 1);

    private static string[] Lines(AdverseCohort cohort, string file) =>
        Encoding.UTF8.GetString(AdverseDomainWriter.ToCsvFiles("ST", cohort).Single(f => f.Key == file).Value).Split('\n');

    [Fact]
    public void The_AE_file_has_the_DomainSpecs_columns_in_order_without_AESEV_and_one_row_per_event()
    {
        AdverseEventRecord[] events =
        [
            new("S-1", "Hair loss", "Alopecia", "Skin and subcutaneous tissue disorders", 15, null, Day1.AddDays(14), null, 1, false, [AdverseDrugs.Paclitaxel], AdverseAction.DoseNotChanged, false, false, 1),
            new("S-1", "Pulmonary infection", "Lung infection", "Infections and infestations", 40, 44, Day1.AddDays(39), Day1.AddDays(43), 5, true, [], AdverseAction.NotApplicable, true, false, 2),
        ];
        string[] lines = Lines(new AdverseCohort(events, [], [], [], [], []), "ae.csv");
        var expected = DomainSpecs.Find("AE")!.Variables.Select(v => v.Name).Where(n => n != "AESEV");
        Assert.Equal(string.Join(",", expected), lines[0]);
        var header = lines[0].Split(',');
        string Cell(int line, string column) => lines[line].Split(',')[Array.IndexOf(header, column)];
        Assert.Equal(["1", "Alopecia", "Y", "N", "Y", "N", "", "NOT RECOVERED/NOT RESOLVED", "DOSE NOT CHANGED", "2022-03-15"], new[] { "AESEQ", "AEDECOD", "AEREL", "AERELBEN", "AERELPAC", "AESER", "AEENDTC", "AEOUT", "AEACN", "AESTDTC" }.Select(c => Cell(1, c)));
        Assert.Equal(["2", "5", "FATAL", "Y", "N", "NOT APPLICABLE", "2022-04-13", ""], new[] { "AESEQ", "AETOXGR", "AEOUT", "AESDTH", "AEREL", "AEACN", "AEENDTC", "AELLT" }.Select(c => Cell(2, c)));
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Lab_and_vital_sign_files_have_the_DomainSpecs_columns_and_numbers_with_a_dot()
    {
        var test = LabsBuilder.Tests.Single(t => t.Code == "NEUT");
        var cohort = new AdverseCohort(
            [], [new LabResult("S-1", test, 0.8m, 1.8m, 6.3m, 9, Day1.AddDays(8), "UNSCHEDULED", 2.01m)],
            [new VitalSign("S-1", "WEIGHT", "Weight", 61.5m, "kg", 1, -3, Day1.AddDays(-3), "SCREENING", 1m)], [], [], []);
        string[] lb = Lines(cohort, "lb.csv");
        Assert.Equal(string.Join(",", DomainSpecs.Find("LB")!.Variables.Select(v => v.Name)), lb[0]);
        Assert.Equal("ST,LB,S-1,1,NEUT,Neutrophils,HEMATOLOGY,0.80,10^9/L,1.8,6.3,0.80,0.8,10^9/L,1.8,6.3,LOW,2.01,UNSCHEDULED,2022-03-09", lb[1]);
        string[] vs = Lines(cohort, "vs.csv");
        Assert.Equal(string.Join(",", DomainSpecs.Find("VS")!.Variables.Select(v => v.Name)), vs[0]);
        Assert.Equal("ST,VS,S-1,1,WEIGHT,Weight,61.5,kg,61.5,61.5,kg,1,SCREENING,2022-02-26", vs[1]);
    }

    [Fact]
    public void Withdrawals_and_held_cycles_become_the_exposure_builders_omissions_and_reductions_its_reductions()
    {
        var cohort = new AdverseCohort(
            [], [], [],
            [new AdverseDoseReduction("S-1", AdverseDrugs.Anlotinib, 3, "Hypertension"), new AdverseDoseReduction("S-2", AdverseDrugs.Cisplatin, 2, "Anemia")],
            [new AdverseWithdrawal("S-1", AdverseDrugs.Benmelstobart, 5, "Alanine aminotransferase increased"), new AdverseWithdrawal("S-3", null, 3, "Pneumonitis")],
            [new AdverseInterruption("S-1", AdverseDrugs.Benmelstobart, 3, "Diarrhea")]);
        Assert.Equal([(AdverseDrugs.Benmelstobart, 3), (AdverseDrugs.Benmelstobart, 5), (AdverseDrugs.Benmelstobart, 6)], cohort.OmissionsOf("S-1", 6).Order());
        Assert.Empty(cohort.OmissionsOf("S-3", 2));
        Assert.Equal([new DoseReduction("S-1", AdverseDrugs.Anlotinib, 3)], cohort.ReductionsOf("S-1"));
    }
}
