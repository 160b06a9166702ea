using OncoTrial.Clinical.Data;

namespace OncoTrial.Cli.Tests;

public sealed class DeriveCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("derive").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string Study(string relative) => Path.Combine(CliRunner.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Study", "studies", relative);

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("xpt")]
    public void Derive_writes_every_ADaM_dataset_and_prints_one_line_per_dataset(string format)
    {
        var (rc, output, error) = CliRunner.Run("derive", "--study", Study("valid-minimal"), "--out", _out, "--format", format);
        Assert.Equal(0, rc);
        string adrs = Path.Combine(_out, "adrs." + format);
        string adtr = Path.Combine(_out, "adtr." + format);
        string adtte = Path.Combine(_out, "adtte." + format);
        string adsl = Path.Combine(_out, "adsl." + format);
        string adae = Path.Combine(_out, "adae." + format);
        string adex = Path.Combine(_out, "adex." + format);
        Assert.Equal(
            $"ADRS: 39 rows, 13 columns, {adrs}\nADTR: 6 rows, 19 columns, {adtr}\nADTTE: 9 rows, 14 columns, {adtte}\n" +
            $"ADSL: 4 rows, 24 columns, {adsl}\nADAE: 4 rows, 19 columns, {adae}\nADEX: 198 rows, 13 columns, {adex}\n",
            output);
        Assert.Equal(4, DatasetFiles.Read(adae).RowCount);
        Assert.Equal("Y|Y|Y|N", Column(DatasetFiles.Read(adsl), "SAFFL"));
        Assert.Contains("note: dm.csv, column ARMCD: expected subjects of ADRS and ADTTE: those with a first dose (RFXSTDTC), found 1 never assigned to an arm (ARMCD SCRNFAIL or NOTASSGN) and never dosed: NCT05013697-02-2002", error, StringComparison.Ordinal);
        Assert.Contains("warning: cm.csv, line 2 (data row 1), column CMSTDTC", error, StringComparison.Ordinal);
        var read = DatasetFiles.Read(adtte);
        Assert.Equal(9, read.RowCount);
        Assert.Equal(39, DatasetFiles.Read(adrs).RowCount);
    }

    [Fact]
    public void With_the_recorded_RS_responses_there_is_no_ADTR_and_the_same_ADRS_rows()
    {
        var (rc, output, _) = CliRunner.Run("derive", "--study", Study("valid-minimal"), "--out", _out, "--responses", "rs");
        Assert.Equal(0, rc);
        Assert.StartsWith($"ADRS: 39 rows, 13 columns, {Path.Combine(_out, "adrs.csv")}\nADTTE: 9 rows, 14 columns, {Path.Combine(_out, "adtte.csv")}\nADSL:", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_out, "adtr.csv")));
    }

    private static string Column(Dataset dataset, string name) =>
        string.Join('|', Enumerable.Range(0, dataset.RowCount).Select(i => dataset.Find(name)!.GetString(i) ?? "-"));

    [Fact]
    public void Derive_is_the_default_csv_format()
    {
        var (rc, _, _) = CliRunner.Run("derive", "--study", Study("valid-minimal"), "--out", _out);
        Assert.Equal(0, rc);
        Assert.True(File.Exists(Path.Combine(_out, "adrs.csv")));
    }

    [Fact]
    public void A_missing_study_folder_exits_2_with_the_problem_and_writes_nothing()
    {
        var (rc, output, error) = CliRunner.Run("derive", "--study", Study("no-such-study"), "--out", _out);
        Assert.Equal(2, rc);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("--study: expected an existing study folder or .zip archive, found nothing at", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public void A_partial_first_dose_date_is_invalid_data_with_one_line_per_problem()
    {
        string dir = Directory.CreateTempSubdirectory("derive-study").FullName;
        try
        {
            foreach (string f in Directory.GetFiles(Study("valid-minimal"), "*.csv"))
            {
                File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            }

            string dm = Path.Combine(dir, "dm.csv");
            File.WriteAllText(dm, File.ReadAllText(dm).Replace("2021-09-10,2021-10-22,1957", "2021-09,2021-10-22,1957", StringComparison.Ordinal));
            var (rc, _, error) = CliRunner.Run("derive", "--study", dir, "--out", _out);
            Assert.Equal(1, rc);
            Assert.Equal("dm.csv, line 2 (data row 1), column RFXSTDTC: expected a complete date YYYY-MM-DD (this date is not imputed), found \"2021-09\". Complete the date from the source documents.\n", error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_admiral_cnsr_coding_writes_1_for_every_censored_record()
    {
        var (detailedRc, _, _) = CliRunner.Run("derive", "--study", Study("valid-minimal"), "--out", _out);
        var detailed = DatasetFiles.Read(Path.Combine(_out, "adtte.csv"));
        var (rc, _, _) = CliRunner.Run("derive", "--study", Study("valid-minimal"), "--out", _out, "--cnsr-coding", "admiral");
        var admiral = DatasetFiles.Read(Path.Combine(_out, "adtte.csv"));
        Assert.Equal((0, 0), (detailedRc, rc));
        var before = Enumerable.Range(0, detailed.RowCount).Select(i => detailed.Find("CNSR")!.GetNumber(i)).ToList();
        var after = Enumerable.Range(0, admiral.RowCount).Select(i => admiral.Find("CNSR")!.GetNumber(i)).ToList();
        Assert.Contains(before, c => c > 1);
        Assert.Equal(before.Select(c => c == 0 ? 0 : 1.0), after.Select(c => c!.Value));
    }

    [Fact]
    public void The_date_imputation_and_evaluator_options_are_spelled_as_the_vocabulary_and_checked()
    {
        var (rc, _, error) = CliRunner.Run("derive", "--study", Study("valid-minimal"), "--out", _out, "--date-imputation", "middle");
        Assert.Equal(2, rc);
        Assert.Contains("middle", error, StringComparison.Ordinal);
        var (ok, output, _) = CliRunner.Run("derive", "--study", Study("valid-minimal"), "--out", _out, "--date-imputation", "first", "--evaluator", "INVESTIGATOR");
        Assert.Equal(0, ok);
        Assert.StartsWith("ADRS: 39 rows", output, StringComparison.Ordinal);
    }

    /// <summary>The pharmaverse RECIST set as shipped (DM, TU, TR, RS; no TS, EX, AE, DS, SC): derive runs, says once that there is no cutoff.</summary>
    [Fact]
    public void Derive_runs_on_the_pharmaverse_RECIST_set_as_shipped()
    {
        using var study = new TempFolder("pvr");
        foreach (var (name, bytes) in PublicSdtm.Files(PublicSdtm.PharmaverseRecist))
        {
            File.WriteAllBytes(study.File(name), bytes);
        }

        var (rc, output, error) = CliRunner.Run("derive", "--study", study.Path, "--out", _out);
        Assert.Equal(0, rc);
        Assert.Contains("ADTR:", output, StringComparison.Ordinal);
        Assert.Single(error.Split('\n'), l => l.StartsWith("note: ts.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_format_is_refused_with_exit_2()
    {
        var (rc, _, error) = CliRunner.Run("derive", "--study", Study("valid-minimal"), "--out", _out, "--format", "sas7bdat");
        Assert.Equal(2, rc);
        Assert.Contains("sas7bdat", error, StringComparison.Ordinal);
    }
}
