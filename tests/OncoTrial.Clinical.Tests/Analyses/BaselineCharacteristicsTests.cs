using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;

namespace OncoTrial.Clinical.Tests.Analyses;

/// <summary>Table 1 on the minimal study (hand-checked against its dm.csv and sc.csv) and the smallest cases of each rule.</summary>
public class BaselineCharacteristicsTests
{
    private const string S1001 = "NCT05013697-01-1001";
    private const string S1002 = "NCT05013697-01-1002";
    private const string S2001 = "NCT05013697-02-2001";

    private static (int N, int Denominator) Count(BaselineCharacteristics table, string key) =>
        table.Row(key) is { } row ? (row.Total.Count, row.Total.Denominator) : throw new Xunit.Sdk.XunitException("no row " + key);

    [Fact]
    public void The_minimal_study_gives_the_hand_counted_table_over_its_three_treated_subjects()
    {
        var table = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.ValidMinimal)).Results.Baseline;

        // The screen failure 2002 is not in the treated efficacy set.
        Assert.Equal([S1001, S1002, S2001], table.Population.Subjects);
        var age = Assert.Single(table.Age).Summary;
        Assert.Equal((64.0, 58.0, 71.0, 3), (age.Median!.Value, age.Min!.Value, age.Max!.Value, age.N));
        var expected = new Dictionary<string, int>
        {
            ["age/lt65"] = 2,
            ["age/ge65"] = 1,
            ["sex/M"] = 2,
            ["sex/F"] = 1,
            ["ecog/0"] = 1,
            ["ecog/1"] = 2,
            ["stage/IVA"] = 1,
            ["stage/IVB"] = 2,
            ["metsites/1"] = 2,
            ["metsites/2"] = 1,
            ["metsites/ge3"] = 0,
            ["metsite/LYMPH NODE"] = 2,
            ["metsite/LUNG"] = 1,
            ["metsite/LIVER"] = 1,
            ["prior/surgery"] = 1,
            ["prior/radiotherapy"] = 1,
            ["pdl1/lt1"] = 1,
            ["pdl1/ge1"] = 2,
            ["pdl1/lt10"] = 2,
            ["pdl1/ge10"] = 1,
            ["pdl1/unknown"] = 0,
            ["pdl1/assessed"] = 3,
        };
        foreach (var (key, n) in expected)
        {
            Assert.Equal((key, n, 3), (key, Count(table, key).N, Count(table, key).Denominator));
        }

        Assert.Equal([S1002], table.Row("pdl1/lt1")!.Total.Subjects);
        Assert.Equal(["age", "sex", "ecog", "stage", "metsites", "metsite", "prior", "pdl1"], table.Sections.Select(s => s.Key));
        Assert.Empty(table.Problems);
    }

    [Fact]
    public void A_subject_without_a_PD_L1_score_is_unknown_and_still_in_every_denominator()
    {
        var table = new TestStudy()
            .Subject("A").Baseline("A", cps: 0)
            .Subject("B").Baseline("B", cps: 12)
            .Subject("C").Baseline("C", cps: null)
            .Subject("D").Baseline("D", cps: 1)
            .Analyse().Results.Baseline;

        Assert.Equal((1, 4), Count(table, "pdl1/lt1"));
        Assert.Equal((2, 4), Count(table, "pdl1/ge1"));
        Assert.Equal((2, 4), Count(table, "pdl1/lt10"));
        Assert.Equal((1, 4), Count(table, "pdl1/ge10"));
        Assert.Equal(["C"], table.Row("pdl1/unknown")!.Total.Subjects);
        Assert.Equal((3, 4), Count(table, "pdl1/assessed"));
        Assert.Equal(25m, table.Row("pdl1/lt1")!.Total.Percent);
        Assert.Contains("assessed in 3 subjects", table.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sites_are_counted_from_METSITE_records_when_NMETSITE_is_absent_and_every_lymph_node_is_one_site()
    {
        var table = new TestStudy()
            .Subject("A").Characteristic("A", "METSITE", "CERVICAL LYMPH NODE").Characteristic("A", "METSITE", "MEDIASTINAL LYMPH NODE").Characteristic("A", "METSITE", "LIVER")
            .Subject("B").Characteristic("B", "METSITE", "LUNG").Characteristic("B", "METSITE", "BONE").Characteristic("B", "METSITE", "LIVER")
            .Subject("C").Characteristic("C", "METSITE", "LUNG").Characteristic("C", "NMETSITE", "1")
            .Analyse().Results.Baseline;

        Assert.Equal(["C"], table.Row("metsites/1")!.Total.Subjects);
        Assert.Equal(["A"], table.Row("metsites/2")!.Total.Subjects);
        Assert.Equal(["B"], table.Row("metsites/ge3")!.Total.Subjects);
        Assert.Equal(["A"], table.Row("metsite/LYMPH NODE")!.Total.Subjects);
        Assert.Equal(["metsite/LYMPH NODE", "metsite/LUNG", "metsite/LIVER", "metsite/BONE"], table.Sections.Single(s => s.Key == "metsite").Rows.Select(r => r.Key));
    }

    [Fact]
    public void A_subject_without_SC_records_is_in_the_missing_rows_and_a_warning_names_it()
    {
        var table = new TestStudy()
            .Subject("A").Baseline("A", ecog: 0)
            .Subject("B")
            .Analyse().Results.Baseline;

        Assert.Equal(["B"], table.Row("ecog/missing")!.Total.Subjects);
        Assert.Equal(["B"], table.Row("pdl1/unknown")!.Total.Subjects);
        var warning = Assert.Single(table.Problems);
        Assert.Equal("ANALYSIS_NO_CHARACTERISTICS", warning.Code);
        Assert.Contains("B", warning.Found, StringComparison.Ordinal);
        Assert.Equal("sc.csv", warning.File);
    }

    [Fact]
    public void The_age_cutoff_is_an_option_and_names_its_rows()
    {
        var study = new TestStudy().Subject("A", age: 64).Subject("B", age: 70).Subject("C", age: 75);
        var options = StudyAnalysisOptions.Default with { Results = TrialResultsOptions.Default with { AgeCutoff = 70 } };
        var table = study.Analyse(options).Results.Baseline;

        Assert.Equal(["A"], table.Row("age/lt70")!.Total.Subjects);
        Assert.Equal(["B", "C"], table.Row("age/ge70")!.Total.Subjects);
        Assert.Null(table.Row("age/lt65"));
    }

    [Fact]
    public void Percentages_round_half_away_from_zero()
    {
        var eighth = new Frequency(["A"], 8);
        Assert.Equal(12.5m, eighth.Percent);
        Assert.Equal(13m, eighth.RoundedPercent(0));
        Assert.Equal(53.8m, new Frequency(["A", "B", "C", "D", "E", "F", "G"], 13).RoundedPercent(1));
        Assert.Null(new Frequency([], 0).Percent);
        Assert.Equal(13m, TrialResultsOptions.Default.RoundPercent(12.5m));
        Assert.Equal(72.5, TrialResultsOptions.Default.RoundRate(72.45));
    }

    [Fact]
    public void A_two_arm_study_has_a_column_per_arm_and_a_total_each_with_its_own_denominator()
    {
        var table = new TestStudy()
            .Subject("A1", arm: "Arm A", sex: "F").Subject("A2", arm: "Arm A")
            .Subject("B1", arm: "Arm B", sex: "F").Subject("B2", arm: "Arm B", sex: "F").Subject("B3", arm: "Arm B")
            .Analyse().Results.Baseline;

        Assert.Equal(["Arm A", "Arm B", "Total"], table.Population.Columns.Select(c => c.Name));
        Assert.Equal([2, 3, 5], table.Population.Columns.Select(c => c.N));
        var female = table.Row("sex/F")!;
        Assert.Equal([(1, 2), (2, 3), (3, 5)], female.Values.Select(v => (v.Count, v.Denominator)));
        Assert.Equal(3, table.Age.Count);
    }
}
