using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;
using OncoTrial.Statistics;
using static OncoTrial.Clinical.Tests.Adam.AdamRows;

namespace OncoTrial.Clinical.Tests.Adam;

/// <summary>
/// The committed minimal study, hand-checked. Day 1 = RFXSTDTC. 1001: first dose 2021-09-10, PR on 2021-10-22 (day 43),
/// no later scan, alive at 2021-10-22 (last RS/EX date). 1002: first dose 2021-10-08, PD on 2021-11-19 (day 43),
/// docetaxel from 2021-12 (imputed 2021-12-01), died 2022-03-15 (day 159). 2001: first dose 2022-01-12, SD on
/// 2022-02-23 (day 43), withdrew 2022-03-01 (day 49). 2002: screen failure, never dosed.
/// </summary>
public sealed class StudyDerivationTests : IDisposable
{
    private const string S1001 = "NCT05013697-01-1001";
    private const string S1002 = "NCT05013697-01-1002";
    private const string S2001 = "NCT05013697-02-2001";
    private readonly string _dir = Directory.CreateTempSubdirectory("adam").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static StudyDerivationResult Derive() => StudyDerivation.Run(StudyFolder.Load(StudyFolders.ValidMinimal));

    [Fact]
    public void The_minimal_study_derives_without_errors_and_reports_the_screen_failure_and_the_imputed_therapy_start()
    {
        var result = Derive();
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Problems));
        // The screen failure (ARMCD SCRNFAIL) is expected to have no dose: a note, not a per-subject warning.
        Assert.Contains(result.Problems, p => p.Code == "ADAM_NOT_ASSIGNED" && p.Severity == ProblemSeverity.Note && p.Found.Contains("2002", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Problems, p => p.Code == "ADAM_NOT_DOSED");
        Assert.Contains(result.Problems, p => p.Code == "ADAM_DATE_IMPUTED" && p.Fix.Contains("2021-12-01", StringComparison.Ordinal));
        Assert.Null(result.Adtr);
        Assert.Equal(["ADRS", "ADTTE"], result.Datasets.Select(d => d.Name));
    }

    [Fact]
    public void Adrs_has_one_ovr_and_twelve_subject_level_records_per_treated_subject()
    {
        var adrs = Derive().Adrs!;
        Assert.Equal(39, adrs.RowCount);
        Assert.Equal(0, Count(adrs, "NCT05013697-02-2002", "BOR"));
        foreach (string s in new[] { S1001, S1002, S2001 })
        {
            Assert.Equal(
                ["OVR", "BOR", "CBOR", "RSP", "CRSP", "PD", "CB", "CCB", "BCP", "CBCP", "LSTA", "DEATH", "MDIS"],
                Enumerable.Range(0, adrs.RowCount).Where(i => V(adrs, i, "USUBJID") == s).Select(i => V(adrs, i, "PARAMCD")));
        }
    }

    [Theory]
    [InlineData(S1001, "PR", "2", "2021-10-22", "43", "WEEK 6")]
    [InlineData(S1002, "PD", "5", "2021-11-19", "43", "WEEK 6")]
    [InlineData(S2001, "SD", "3", "2022-02-23", "43", "WEEK 6")]
    public void Ovr_records_carry_the_investigator_response_its_date_study_day_visit_and_both_analysis_flags(string subject, string avalc, string aval, string adt, string ady, string visit)
    {
        var adrs = Derive().Adrs!;
        int r = Row(adrs, subject, "OVR");
        Assert.Equal([avalc, aval, adt, ady, visit, "Y", "Y", "1"], new[] { "AVALC", "AVAL", "ADT", "ADY", "AVISIT", "ANL01FL", "ANL02FL", "ASEQ" }.Select(c => V(adrs, r, c)));
        Assert.Equal("NCT05013697", V(adrs, r, "STUDYID"));
        Assert.Equal("Overall Response by Investigator", V(adrs, r, "PARAM"));
    }

    /// <summary>
    /// 1001's single PR on day 43 (42 days after first dose) is an unconfirmed response: BOR PR, RSP Y; confirmed BOR falls
    /// back to SD because the PR is at least 42 days after day 1 (admiralonco bor_sd), CRSP N. 1002: PD everywhere.
    /// 2001: SD at the 42-day minimum is SD.
    /// </summary>
    [Theory]
    [InlineData(S1001, "BOR", "PR", "2", "2021-10-22", "43")]
    [InlineData(S1001, "CBOR", "SD", "3", "2021-10-22", "43")]
    [InlineData(S1001, "RSP", "Y", "1", "2021-10-22", "43")]
    [InlineData(S1001, "CRSP", "N", "0", "", "")]
    [InlineData(S1002, "BOR", "PD", "5", "2021-11-19", "43")]
    [InlineData(S1002, "CBOR", "PD", "5", "2021-11-19", "43")]
    [InlineData(S1002, "RSP", "N", "0", "", "")]
    [InlineData(S1002, "CRSP", "N", "0", "", "")]
    [InlineData(S2001, "BOR", "SD", "3", "2022-02-23", "43")]
    [InlineData(S2001, "CBOR", "SD", "3", "2022-02-23", "43")]
    [InlineData(S2001, "RSP", "N", "0", "", "")]
    [InlineData(S2001, "CRSP", "N", "0", "", "")]
    [InlineData(S1001, "PD", "N", "0", "", "")]
    [InlineData(S1001, "CB", "Y", "1", "2021-10-22", "43")]
    [InlineData(S1001, "CCB", "Y", "1", "2021-10-22", "43")]
    [InlineData(S1001, "BCP", "Y", "1", "2021-10-22", "43")]
    [InlineData(S1001, "CBCP", "N", "0", "", "")]
    [InlineData(S1001, "LSTA", "PR", "2", "2021-10-22", "43")]
    [InlineData(S1001, "DEATH", "N", "0", "", "")]
    [InlineData(S1001, "MDIS", "Y", "1", "", "")]
    [InlineData(S1002, "PD", "Y", "1", "2021-11-19", "43")]
    [InlineData(S1002, "CB", "N", "0", "", "")]
    [InlineData(S1002, "CCB", "N", "0", "", "")]
    [InlineData(S1002, "BCP", "N", "0", "", "")]
    [InlineData(S1002, "LSTA", "PD", "5", "2021-11-19", "43")]
    [InlineData(S1002, "DEATH", "Y", "1", "2022-03-15", "159")]
    [InlineData(S2001, "PD", "N", "0", "", "")]
    [InlineData(S2001, "CB", "Y", "1", "2022-02-23", "43")]
    [InlineData(S2001, "CCB", "Y", "1", "2022-02-23", "43")]
    [InlineData(S2001, "BCP", "N", "0", "", "")]
    [InlineData(S2001, "LSTA", "SD", "3", "2022-02-23", "43")]
    [InlineData(S2001, "MDIS", "Y", "1", "", "")]
    public void Subject_level_response_records_match_the_hand_derivation(string subject, string paramcd, string avalc, string aval, string adt, string ady)
    {
        var adrs = Derive().Adrs!;
        int r = Row(adrs, subject, paramcd);
        Assert.Equal([avalc, aval, adt, ady, "Y", "", ""], new[] { "AVALC", "AVAL", "ADT", "ADY", "ANL01FL", "ANL02FL", "AVISIT" }.Select(c => V(adrs, r, c)));
    }

    /// <summary>
    /// OS: 1001 alive at 2021-10-22 (day 43), 1002 died 2022-03-15 (day 159), 2001 alive at the withdrawal 2022-03-01 (day 49).
    /// PFS: 1001 censored at its last adequate assessment (day 43), 1002 PD on day 43, 2001 censored at its SD scan (day 43).
    /// No confirmed responder: no DOR record; TTR censored for all three.
    /// </summary>
    [Theory]
    [InlineData(S1001, "OS", "2021-10-22", "43", "1")]
    [InlineData(S1002, "OS", "2022-03-15", "159", "0")]
    [InlineData(S2001, "OS", "2022-03-01", "49", "1")]
    [InlineData(S1001, "PFS", "2021-10-22", "43", "1")]
    [InlineData(S1002, "PFS", "2021-11-19", "43", "0")]
    [InlineData(S2001, "PFS", "2022-02-23", "43", "1")]
    public void Adtte_os_and_pfs_records_match_the_hand_derivation(string subject, string paramcd, string adt, string aval, string cnsr)
    {
        var adtte = Derive().Adtte!;
        int r = Row(adtte, subject, paramcd);
        Assert.Equal([adt, aval, cnsr, "NCT05013697"], new[] { "ADT", "AVAL", "CNSR", "STUDYID" }.Select(c => V(adtte, r, c)));
        Assert.Equal(V(adtte, r, "STARTDT"), subject switch { S1001 => "2021-09-10", S1002 => "2021-10-08", _ => "2022-01-12" });
    }

    [Fact]
    public void Adtte_has_no_dor_without_a_confirmed_responder_and_a_censored_ttr_for_each_treated_subject()
    {
        var adtte = Derive().Adtte!;
        Assert.Equal(9, adtte.RowCount);
        Assert.Equal(0, Enumerable.Range(0, adtte.RowCount).Count(i => V(adtte, i, "PARAMCD") == "DOR"));
        Assert.All(new[] { S1001, S1002, S2001 }, s => Assert.NotEqual("0", V(adtte, Row(adtte, s, "TTR"), "CNSR")));
    }

    [Theory]
    [InlineData("adrs.xpt")]
    [InlineData("adtte.xpt")]
    [InlineData("adrs.json")]
    [InlineData("adtte.json")]
    [InlineData("adrs.ndjson")]
    public void The_datasets_write_with_xpt_safe_names_and_labels_and_read_back_equal(string file)
    {
        var result = Derive();
        var dataset = file.StartsWith("adrs", StringComparison.Ordinal) ? result.Adrs! : result.Adtte!;
        Assert.All(dataset.Columns, c => Assert.True(c.Name.Length <= 8 && c.Label.Length <= 40, $"{c.Name}: {c.Label}"));
        Assert.True(dataset.Label.Length <= 40);
        string path = Path.Combine(_dir, file);
        DatasetFiles.Write(dataset, path);
        var read = DatasetFiles.Read(path);
        Assert.Equal(dataset.Columns.Select(c => (c.Name, c.Label)), read.Columns.Select(c => (c.Name, c.Label)));
        Assert.Equal(dataset.RowCount, read.RowCount);
        foreach (var c in dataset.Columns)
        {
            var other = read.Find(c.Name)!;
            Assert.Equal(Enumerable.Range(0, dataset.RowCount).Select(c.Format), Enumerable.Range(0, read.RowCount).Select(other.Format));
        }
    }

    [Fact]
    public void Kaplan_meier_on_the_adtte_os_with_status_cnsr_equal_to_0_steps_to_zero_at_the_only_death_on_day_159()
    {
        string path = Path.Combine(_dir, "adtte.xpt");
        DatasetFiles.Write(Derive().Adtte!, path);
        var adtte = DatasetFiles.Read(path);
        var os = Enumerable.Range(0, adtte.RowCount).Where(i => V(adtte, i, "PARAMCD") == "OS").ToList();
        double[] time = [.. os.Select(i => adtte.Find("AVAL")!.GetNumber(i)!.Value)];
        int[] status = [.. os.Select(i => adtte.Find("CNSR")!.GetNumber(i) == 0 ? 1 : 0)];
        var km = KaplanMeier.Fit(time, status);
        var step = Assert.Single(km.Steps, s => s.Events > 0);
        Assert.Equal(159, step.Time);
        Assert.Equal(0.0, step.Survival, 12);
    }

    [Fact]
    public void A_partial_first_dose_or_death_date_is_an_error_and_no_dataset_is_written()
    {
        string dir = StudyFolders.CopyToTemp(StudyFolders.ValidMinimal);
        try
        {
            string dm = Path.Combine(dir, "dm.csv");
            File.WriteAllText(dm, File.ReadAllText(dm).Replace(",2022-03-15,BAPC", ",2022-03,BAPC", StringComparison.Ordinal).Replace("2021-09-10,2021-10-22,1957", "2021-09,2021-10-22,1957", StringComparison.Ordinal));
            var result = StudyDerivation.Run(StudyFolder.Load(dir));
            Assert.True(result.HasErrors);
            Assert.Empty(result.Datasets);
            var partial = result.Problems.Where(p => p.Code == "ADAM_DATE_PARTIAL").ToList();
            Assert.Equal(["RFXSTDTC", "DTHDTC"], partial.Select(p => p.Column));
            Assert.All(partial, p => Assert.Equal("dm.csv", p.File));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
