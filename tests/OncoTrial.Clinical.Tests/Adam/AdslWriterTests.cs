using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Tests.Study;
using static OncoTrial.Clinical.Tests.Safety.SmallStudy;

namespace OncoTrial.Clinical.Tests.Adam;

public class AdslWriterTests
{
    /// <summary>D1 dosed and completed, P1 placebo (dose 0) and died, N1 randomised but never dosed, F1 a screen failure.</summary>
    private static Clinical.Study.StudyFolder Study() => Load(
        ("dm.csv", Table(DmHeader, Dm("D1", "DRUG", "Drug"), Dm("F1", "SCRNFAIL", "Screen Failure", "", ""), Dm("N1", "DRUG", "Drug", "NOTTRT", "Not Treated"), Dm("P1", "PBO", "Placebo", deathFlag: "Y", deathDate: "2024-03"))),
        ("ex.csv", Table(ExHeader, Ex("P1", 1, "PLACEBO", "0", "2024-01-01", "2024-01-28"), Ex("D1", 1, "DRUG", "10", "2024-01-02", "2024-01-29"))),
        ("ds.csv", Table(
            DsHeader,
            Ds("D1", 1, "RANDOMIZED", "PROTOCOL MILESTONE", "2024-01-01"),
            Ds("D1", 2, "COMPLETED", "DISPOSITION EVENT", "2024-06-01"),
            Ds("N1", 1, "RANDOMIZED", "PROTOCOL MILESTONE", "2024-01-01"),
            Ds("P1", 1, "RANDOMIZED", "PROTOCOL MILESTONE", "2024-01-01"),
            Ds("P1", 2, "DEATH", "DISPOSITION EVENT", "2024-03-10"),
            Ds("F1", 1, "SCREEN FAILURE", "DISPOSITION EVENT", "2023-12-20"))));

    /// <summary>The column's values joined by "|", a missing value as "-".</summary>
    private static string Strings(Dataset d, string column) => string.Join('|', Enumerable.Range(0, d.RowCount).Select(i => d.Find(column)!.GetString(i) ?? "-"));

    private static double?[] Numbers(Dataset d, string column) => [.. Enumerable.Range(0, d.RowCount).Select(i => d.Find(column)!.GetNumber(i))];

    [Fact]
    public void ADSL_keeps_every_DM_subject_and_flags_the_never_dosed_and_the_screen_failure_SAFFL_N()
    {
        var (records, problems) = AdslWriter.DeriveRecords(Study());
        Assert.Empty(problems);
        var adsl = AdslWriter.ToDataset(records);
        Assert.Equal("D1|F1|N1|P1", Strings(adsl, "USUBJID"));
        Assert.Equal("Y|N|N|Y", Strings(adsl, "SAFFL"));
        Assert.Equal("Y|N|Y|Y", Strings(adsl, "ENRLFL"));
        Assert.Equal("COMPLETED|-|ONGOING|DISCONTINUED", Strings(adsl, "EOSSTT"));
        Assert.Equal("-|-|-|DEATH", Strings(adsl, "DCSREAS"));
        Assert.Equal("Drug|Screen Failure|Drug|Placebo", Strings(adsl, "TRT01P"));
        Assert.Equal("Drug|-|Not Treated|Placebo", Strings(adsl, "TRT01A"));
    }

    [Fact]
    public void Treatment_dates_and_duration_come_from_the_exposure_records_and_the_death_date_is_imputed_to_the_first()
    {
        var adsl = AdslWriter.ToDataset(AdslWriter.DeriveRecords(Study()).Records);
        double Sas(int y, int m, int d) => SasDates.FromDate(new DateOnly(y, m, d));
        Assert.Equal([Sas(2024, 1, 2), null, null, Sas(2024, 1, 1)], Numbers(adsl, "TRTSDT"));
        Assert.Equal([Sas(2024, 1, 29), null, null, Sas(2024, 1, 28)], Numbers(adsl, "TRTEDT"));
        Assert.Equal([28.0, null, null, 28.0], Numbers(adsl, "TRTDURD"));
        Assert.Equal("-|-|-|Y", Strings(adsl, "DTHFL"));
        Assert.Equal([null, null, null, Sas(2024, 3, 1)], Numbers(adsl, "DTHDT"));
        Assert.Equal("-|-|-|D", Strings(adsl, "DTHDTF"));
    }

    [Fact]
    public void ADSL_has_XPT_safe_names_and_labels_and_the_expected_variables()
    {
        var adsl = AdslWriter.ToDataset(AdslWriter.DeriveRecords(Study()).Records);
        Assert.All(adsl.Columns, c => Assert.True(c.Name.Length <= 8 && c.Label.Length <= 40, c.Name));
        Assert.Equal(
            ["STUDYID", "USUBJID", "SUBJID", "SITEID", "AGE", "AGEU", "SEX", "RACE", "ARM", "ARMCD", "ACTARM", "ACTARMCD", "TRT01P", "TRT01A", "TRTSDT", "TRTEDT", "TRTDURD", "SAFFL", "ENRLFL", "DTHFL", "DTHDT", "DTHDTF", "EOSSTT", "DCSREAS"],
            adsl.Columns.Select(c => c.Name));
    }

    [Fact]
    public void The_safety_datasets_are_ADSL_first_then_ADAE_only_with_AE_and_ADEX_only_with_cycled_EX()
    {
        var result = SafetyDatasets.Run(Study());
        Assert.Equal(["ADSL"], result.Datasets.Select(d => d.Name)); // no AE; EX without EXCYCLE
        Assert.Contains(result.Problems, p => p.Code == "EX_NO_CYCLES" && p.File == "ex.csv");

        var seed = SafetyDatasets.Run(Clinical.Study.StudyFolder.Load(StudyFolders.ValidMinimal));
        Assert.Equal(["ADSL", "ADAE", "ADEX"], seed.Datasets.Select(d => d.Name));
        Assert.Equal("Y|Y|Y|N", Strings(seed.Adsl, "SAFFL"));

        var dmOnly = SafetyDatasets.Run(Load(("dm.csv", Table(DmHeader, Dm("A1", "DRUG", "Drug")))));
        Assert.Equal(["ADSL"], dmOnly.Datasets.Select(d => d.Name));
        Assert.Null(dmOnly.Adae);
        Assert.Null(dmOnly.Adex);
    }
}
