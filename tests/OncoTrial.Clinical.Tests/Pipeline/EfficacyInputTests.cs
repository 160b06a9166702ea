using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;
using static OncoTrial.Clinical.Tests.Adam.AdamRows;

namespace OncoTrial.Clinical.Tests.Pipeline;

/// <summary>
/// The smallest studies that show what efficacy needs (issue 11): DM with TU/TR or RS, nothing else. Subject S-1: first
/// dose 2024-01-10; one target (liver), 50 mm at baseline (2024-01-05), 30 mm at WEEK 6 (2024-02-21, day 43: -40%, PR).
/// </summary>
public class EfficacyInputTests
{
    private const string Dm = "STUDYID,DOMAIN,USUBJID,RFSTDTC,RFXSTDTC,DTHDTC\nS,DM,S-1,2024-01-10,2024-01-10,\n";

    private const string Tu = "STUDYID,DOMAIN,USUBJID,TULNKID,TUORRES,TUSTRESC,TULOC,TUEVAL,VISIT\nS,TU,S-1,T01,TARGET,TARGET,LIVER,INVESTIGATOR,BASELINE\n";

    private const string TrHeader = "STUDYID,DOMAIN,USUBJID,TRLNKID,TRTESTCD,TRSTRESC,TRSTRESN,TREVAL,VISIT,TRDTC\n";

    private const string Tr = TrHeader +
        "S,TR,S-1,T01,LDIAM,50,50,INVESTIGATOR,BASELINE,2024-01-05\n" +
        "S,TR,S-1,,SUMDIAM,50,50,INVESTIGATOR,BASELINE,2024-01-05\n" +
        "S,TR,S-1,T01,LDIAM,30,30,INVESTIGATOR,WEEK 6,2024-02-21\n" +
        "S,TR,S-1,,SUMDIAM,30,30,INVESTIGATOR,WEEK 6,2024-02-21\n";

    private const string RsHeader = "STUDYID,DOMAIN,USUBJID,RSTESTCD,RSSTRESC,RSEVAL,VISIT,RSDTC\n";

    private static StudyAnalysis Analyse(StudyAnalysisOptions? options, params (string FileName, string Text)[] files)
    {
        using var source = FileSource.FromText("study", files);
        return StudyAnalysis.Create(source, options);
    }

    private static StudyDerivationResult Efficacy(StudyAnalysis analysis)
    {
        var datasets = analysis.Datasets;
        Assert.False(datasets.HasErrors, string.Join(Environment.NewLine, datasets.Problems));
        return datasets.Efficacy!;
    }

    [Fact]
    public void Efficacy_comes_from_DM_TU_and_TR_alone_and_says_once_that_there_is_no_data_cutoff()
    {
        var analysis = Analyse(null, ("dm.csv", Dm), ("tu.csv", Tu), ("tr.csv", Tr));
        var efficacy = Efficacy(analysis);
        Assert.Equal(["ADRS", "ADTR", "ADTTE"], efficacy.Datasets.Select(d => d.Name));
        var note = Assert.Single(analysis.Datasets.Problems, p => p.Code == "ADAM_NO_CUTOFF");
        Assert.Equal((ProblemSeverity.Note, "ts.csv"), (note.Severity, note.File));
        Assert.DoesNotContain(analysis.Datasets.Problems, p => p.Severity == ProblemSeverity.Error || p.Code is "FILE_MISSING" or "RECIST_LESION_NOT_IDENTIFIED");
        Assert.Equal(2, efficacy.Adtr!.RowCount); // baseline and WEEK 6; the SUMDIAM rows are skipped, the sum is ours
        Assert.Equal(["30", "-40"], new[] { "AVAL", "PCHG" }.Select(c => V(efficacy.Adtr, 1, c)));
        Assert.Equal("PR", V(efficacy.Adrs!, Row(efficacy.Adrs!, "S-1", "OVR"), "AVALC"));
        Assert.Equal("Y", V(efficacy.Adrs!, Row(efficacy.Adrs!, "S-1", "MDIS"), "AVALC"));
    }

    [Fact]
    public void Efficacy_comes_from_DM_and_RS_alone_with_a_note_that_the_recorded_responses_replace_the_lesions()
    {
        var analysis = Analyse(null, ("dm.csv", Dm), ("rs.csv", RsHeader + "S,RS,S-1,OVRLRESP,PR,INVESTIGATOR,WEEK 6,2024-02-21\n"));
        var efficacy = Efficacy(analysis);
        Assert.Equal(["ADRS", "ADTTE"], efficacy.Datasets.Select(d => d.Name));
        Assert.Equal(ProblemSeverity.Note, Assert.Single(analysis.Datasets.Problems, p => p.Code == "ADAM_RESPONSES_FROM_RS").Severity);
        Assert.Equal("PR", V(efficacy.Adrs!, Row(efficacy.Adrs!, "S-1", "OVR"), "AVALC"));
        Assert.Equal(0, Count(efficacy.Adrs!, "S-1", "MDIS")); // no TU: measurable disease unknown
    }

    [Fact]
    public void The_recorded_responses_chosen_with_TU_and_TR_present_need_no_note()
    {
        var analysis = Analyse(StudyAnalysisOptions.Default with { Responses = ResponseSource.Rs }, ("dm.csv", Dm), ("tu.csv", Tu), ("tr.csv", Tr), ("rs.csv", RsHeader + "S,RS,S-1,OVRLRESP,SD,INVESTIGATOR,WEEK 6,2024-02-21\n"));
        var efficacy = Efficacy(analysis);
        Assert.Null(efficacy.Adtr);
        Assert.DoesNotContain(analysis.Datasets.Problems, p => p.Code == "ADAM_RESPONSES_FROM_RS");
        Assert.Equal("SD", V(efficacy.Adrs!, Row(efficacy.Adrs!, "S-1", "OVR"), "AVALC"));
    }

    [Fact]
    public void A_study_without_tumour_response_data_gets_no_efficacy_datasets_and_a_note()
    {
        var analysis = Analyse(null, ("dm.csv", Dm));
        Assert.False(analysis.Datasets.HasErrors);
        Assert.Null(analysis.Datasets.Efficacy);
        Assert.DoesNotContain(analysis.Datasets.Datasets, d => d.Name is "ADRS" or "ADTR" or "ADTTE");
        Assert.Equal(ProblemSeverity.Note, Assert.Single(analysis.Datasets.Problems, p => p.Code == "ADAM_NO_RESPONSE_DATA").Severity);
    }

    [Fact]
    public void TU_without_TR_is_an_error_that_names_the_missing_file()
    {
        var analysis = Analyse(null, ("dm.csv", Dm), ("tu.csv", Tu));
        Assert.True(analysis.Datasets.HasErrors);
        Assert.Equal("tr.csv", Assert.Single(analysis.Datasets.Problems, p => p.Code == "FILE_MISSING").File);
    }

    [Fact]
    public void Messages_name_the_file_the_user_has_and_the_format_of_the_files_the_study_lacks()
    {
        using var dir = new TempFolder("xpt-study");
        var dm = DatasetFiles.Read(dir.Write("dm-source.csv", Dm));
        File.Delete(dir.File("dm-source.csv"));
        DatasetFiles.Write(new Dataset("DM", "Demographics", dm.Columns), dir.File("dm.xpt"));
        dir.Write("tu.csv", Tu);
        var analysis = StudyAnalysis.Create(StudyFolder.Load(dir.Path));
        Assert.True(analysis.Datasets.HasErrors);
        Assert.Equal("tr.xpt", Assert.Single(analysis.Datasets.Problems, p => p.Code == "FILE_MISSING").File);

        dir.Write("tr.csv", Tr);
        var complete = StudyAnalysis.Create(StudyFolder.Load(dir.Path));
        Assert.Equal("ts.xpt", Assert.Single(complete.Datasets.Problems, p => p.Code == "ADAM_NO_CUTOFF").File);
    }

    /// <summary>
    /// No TS: every record counts and OS is censored at the last known alive date, the RS record of 2024-05-01. With TS
    /// DCUTDTC 2024-04-01 that record is left out (warning) and the last known alive date is the WEEK 6 scan.
    /// </summary>
    [Fact]
    public void Without_a_data_cutoff_all_data_are_used_and_OS_is_censored_at_the_last_known_alive_date_not_at_an_invented_one()
    {
        string rs = RsHeader + "S,RS,S-1,OVRLRESP,PR,INVESTIGATOR,WEEK 6,2024-02-21\nS,RS,S-1,OVRLRESP,PD,INVESTIGATOR,WEEK 16,2024-05-01\n";
        var all = Efficacy(Analyse(null, ("dm.csv", Dm), ("rs.csv", rs)));
        Assert.Equal(2, Count(all.Adrs!, "S-1", "OVR"));
        var os = Assert.Single(all.TimeToEvent, t => t.ParamCode == "OS");
        Assert.Equal((new DateOnly(2024, 5, 1), "Last Known Alive Date", 1), (os.AnalysisDate, os.CensorDateDescription, os.Censor));
        Assert.Equal(new DateOnly(2024, 5, 1), all.TimeToEvent.Single(t => t.ParamCode == "PFS").AnalysisDate);

        var cut = Analyse(null, ("dm.csv", Dm), ("rs.csv", rs), ("ts.csv", "STUDYID,DOMAIN,TSPARMCD,TSVAL\nS,TS,DCUTDTC,2024-04-01\n"));
        var efficacy = Efficacy(cut);
        Assert.Equal(1, Count(efficacy.Adrs!, "S-1", "OVR"));
        Assert.Contains(cut.Datasets.Problems, p => p.Code == "ADAM_AFTER_CUTOFF" && p.Severity == ProblemSeverity.Warning);
        Assert.DoesNotContain(cut.Datasets.Problems, p => p.Code == "ADAM_NO_CUTOFF");
        Assert.Equal(new DateOnly(2024, 2, 21), efficacy.TimeToEvent.Single(t => t.ParamCode == "OS").AnalysisDate);
    }

    /// <summary>2024-02 is imputed to 2024-02-29 (leap year) or 2024-02-01, ADTF D; 2024 to 2024-12-31 or 2024-01-01, ADTF M.</summary>
    [Theory]
    [InlineData(DateImputation.Last, "2024-02", "2024-02-29", "D")]
    [InlineData(DateImputation.First, "2024-02", "2024-02-01", "D")]
    [InlineData(DateImputation.Last, "2024", "2024-12-31", "M")]
    [InlineData(DateImputation.First, "2024", "2024-01-01", "M")]
    [InlineData(DateImputation.Last, "2024-02-21", "2024-02-21", "")]
    public void A_partial_RSDTC_is_imputed_to_the_chosen_day_and_flagged_in_ADTF(DateImputation imputation, string rsdtc, string adt, string adtf)
    {
        var analysis = Analyse(StudyAnalysisOptions.Default with { DateImputation = imputation }, ("dm.csv", Dm), ("rs.csv", RsHeader + $"S,RS,S-1,OVRLRESP,SD,INVESTIGATOR,WEEK 6,{rsdtc}\n"));
        var adrs = Efficacy(analysis).Adrs!;
        Assert.Equal([adt, adtf], new[] { "ADT", "ADTF" }.Select(c => V(adrs, Row(adrs, "S-1", "OVR"), c)));
        // LSTA carries the OVR record's date and flag; 2024-01-01 (first day of 2024) is before day 1 and is no analysis record (as admiral).
        string[] lsta = string.CompareOrdinal(adt, "2024-01-10") >= 0 ? [adt, adtf] : ["", ""];
        Assert.Equal(lsta, new[] { "ADT", "ADTF" }.Select(c => V(adrs, Row(adrs, "S-1", "LSTA"), c)));
        Assert.Equal(adtf.Length > 0, analysis.Datasets.Problems.Any(p => p.Code == "ADAM_DATE_IMPUTED" && p.Severity == ProblemSeverity.Warning));
    }

    [Theory]
    [InlineData(DateImputation.Last, "2024-02-29")]
    [InlineData(DateImputation.First, "2024-02-01")]
    public void A_partial_TRDTC_dates_its_time_point_by_the_same_rule_in_ADRS_and_ADTR(DateImputation imputation, string adt)
    {
        string tr = TrHeader + "S,TR,S-1,T01,LDIAM,50,50,INVESTIGATOR,BASELINE,2024-01-05\nS,TR,S-1,T01,LDIAM,30,30,INVESTIGATOR,WEEK 6,2024-02\n";
        var efficacy = Efficacy(Analyse(StudyAnalysisOptions.Default with { DateImputation = imputation }, ("dm.csv", Dm), ("tu.csv", Tu), ("tr.csv", tr)));
        Assert.Equal([adt, "D"], new[] { "ADT", "ADTF" }.Select(c => V(efficacy.Adrs!, Row(efficacy.Adrs!, "S-1", "OVR"), c)));
        Assert.Equal([adt, "D"], new[] { "ADT", "ADTF" }.Select(c => V(efficacy.Adtr!, 1, c)));
    }

    /// <summary>
    /// pharmaverse onco's case: the baseline scan is dated 2024-01 and the first dose 2024-01-10. Imputed to the last day
    /// (2024-01-31) it would follow the first dose and the lesion would have no baseline; the span contains the reference
    /// date, so the scan is the baseline, dated the reference date under last (ADY 1) and 2024-01-01 under first (ADY -9).
    /// </summary>
    [Theory]
    [InlineData(DateImputation.Last, "2024-01-10", "1")]
    [InlineData(DateImputation.First, "2024-01-01", "-9")]
    public void A_partial_baseline_TRDTC_whose_month_holds_the_reference_date_is_found_as_baseline(DateImputation imputation, string adt, string ady)
    {
        string tr = TrHeader + "S,TR,S-1,T01,LDIAM,50,50,INVESTIGATOR,BASELINE,2024-01\nS,TR,S-1,T01,LDIAM,30,30,INVESTIGATOR,WEEK 6,2024-02-21\n";
        var analysis = Analyse(StudyAnalysisOptions.Default with { DateImputation = imputation }, ("dm.csv", Dm), ("tu.csv", Tu), ("tr.csv", tr));
        var adtr = Efficacy(analysis).Adtr!;
        Assert.Equal(["50", adt, "D", ady, "Y"], new[] { "AVAL", "ADT", "ADTF", "ADY", "ABLFL" }.Select(c => V(adtr, 0, c)));
        Assert.DoesNotContain(analysis.Datasets.Problems, p => p.Code == "RECIST_NO_BASELINE");
        Assert.Contains(analysis.Datasets.Problems, p => p.Code == "DATE_IMPUTED" && p.Found.Contains("visit BASELINE", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_RSSTRESC_is_a_warning_and_only_that_record_is_left_out()
    {
        string rs = RsHeader + "S,RS,S-1,OVRLRESP,PR,INVESTIGATOR,WEEK 6,2024-02-21\nS,RS,S-1,OVRLRESP,CHECK,INVESTIGATOR,WEEK 12,2024-04-03\n";
        var analysis = Analyse(null, ("dm.csv", Dm), ("rs.csv", rs));
        var efficacy = Efficacy(analysis);
        var warning = Assert.Single(analysis.Datasets.Problems, p => p.Code == "ADAM_RESPONSE_UNKNOWN");
        Assert.Equal((ProblemSeverity.Warning, "rs.csv", 3, "RSSTRESC", "\"CHECK\""), (warning.Severity, warning.File, warning.Line, warning.Column, warning.Found));
        Assert.Equal(1, Count(efficacy.Adrs!, "S-1", "OVR"));
    }

    [Fact]
    public void The_admiral_CNSR_coding_writes_1_for_every_censoring_and_the_detailed_one_its_reason()
    {
        // No post-baseline assessment: PFS censored at the start date, CNSR 2 (detailed) or 1 (admiral).
        string rs = RsHeader + "S,RS,S-1,OVRLRESP,NE,INVESTIGATOR,WEEK 6,2024-02-21\n";
        foreach (var (coding, cnsr) in new[] { (CensorCoding.Detailed, "2"), (CensorCoding.Admiral, "1") })
        {
            var options = StudyAnalysisOptions.Default with { Endpoints = EndpointOptions.Default with { CensorCoding = coding } };
            var adtte = Efficacy(Analyse(options, ("dm.csv", Dm), ("rs.csv", rs))).Adtte!;
            Assert.Equal([cnsr, "No Adequate Post-Baseline Assessment"], new[] { "CNSR", "EVNTDESC" }.Select(c => V(adtte, Row(adtte, "S-1", "PFS"), c)));
        }
    }
}
