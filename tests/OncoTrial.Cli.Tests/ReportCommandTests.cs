namespace OncoTrial.Cli.Tests;

/// <summary><c>oncotrial report</c> end to end on a trial-sized test study written to disk.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public void A_report_writes_the_page_the_files_and_a_summary_with_the_headline_numbers()
    {
        using var temp = new TempFolder();
        string study = TrialStudy.Build(12).WriteTo(temp.File("study"));
        string target = temp.File("report");
        var (rc, output, error) = CliRunner.Run("report", "--study", study, "--out", target);
        Assert.True(rc == 0, error + output);
        foreach (string file in new[] { "report.html", "report.docx", "ard.json", "tables/table-1-baseline.csv", "tables/table-2-response.rtf", "tables/table-3-adverse-events.docx", "figures/figure-2-km-pfs.svg", "figures/figure-2-km-pfs.png", "adam/adsl.xpt", "adam/adtte.json", "adam/adrs.csv" })
        {
            Assert.True(File.Exists(Path.Combine(target, file)), file);
        }

        Assert.Contains("Study S: tables and figures, data cutoff 2024-04-01", output, StringComparison.Ordinal);
        Assert.Contains("Efficacy analysis set (N)", output, StringComparison.Ordinal);
        Assert.Contains("Objective response rate", output, StringComparison.Ordinal);
        Assert.Contains("Median PFS", output, StringComparison.Ordinal);
        Assert.Contains("report.html", output, StringComparison.Ordinal);
        Assert.Contains("figures/ (", output, StringComparison.Ordinal);
        Assert.Equal(["report", "study"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_study_with_validation_errors_gets_its_validation_report_exit_1_and_no_output_folder()
    {
        using var temp = new TempFolder();
        string study = TrialStudy.Build(6).WriteTo(temp.File("study"));
        string dm = Path.Combine(study, "dm.csv");
        var lines = File.ReadAllLines(dm);
        File.AppendAllLines(dm, [lines[1]]); // the first subject twice
        string target = temp.File("report");
        var (rc, output, error) = CliRunner.Run("report", "--study", study, "--out", target);
        Assert.Equal(1, rc);
        Assert.Contains("fails", output, StringComparison.Ordinal);
        Assert.Contains("no report was written", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Equal(["study"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Only_the_formats_asked_for_are_written()
    {
        using var temp = new TempFolder();
        string study = TrialStudy.Build(6).WriteTo(temp.File("study"));
        string target = temp.File("report");
        var (rc, output, error) = CliRunner.Run("report", "--study", study, "--out", target, "--format", "html,ard");
        Assert.True(rc == 0, error + output);
        Assert.Equal(["ard.json", "report.html"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_format_or_threshold_out_of_range_is_a_usage_error()
    {
        using var temp = new TempFolder();
        string study = TrialStudy.Build(4).WriteTo(temp.File("study"));
        var (rc, _, error) = CliRunner.Run("report", "--study", study, "--out", temp.File("r"), "--format", "html,pdf");
        Assert.Equal(2, rc);
        Assert.Contains("pdf", error, StringComparison.Ordinal);
        (rc, _, error) = CliRunner.Run("report", "--study", study, "--out", temp.File("r"), "--ae-threshold", "120");
        Assert.Equal(2, rc);
        Assert.Contains("threshold", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("r")));
    }

    [Fact]
    public void The_ae_threshold_reaches_table_3()
    {
        using var temp = new TempFolder();
        string study = TrialStudy.Build(12).WriteTo(temp.File("study"));
        var (rc, output, error) = CliRunner.Run("report", "--study", study, "--out", temp.File("all"), "--format", "csv", "--ae-threshold", "0");
        Assert.True(rc == 0, error + output);
        (rc, output, error) = CliRunner.Run("report", "--study", study, "--out", temp.File("none"), "--format", "csv", "--ae-threshold", "100");
        Assert.True(rc == 0, error + output);
        int Rows(string folder) => File.ReadAllLines(Path.Combine(temp.File(folder), "tables", "table-3-adverse-events.csv")).Length;
        Assert.True(Rows("all") > Rows("none"), $"{Rows("all")} rows at 0%, {Rows("none")} at 100%");
    }

    [Fact]
    public void Without_a_study_the_report_is_of_the_built_in_reference_cohort()
    {
        using var temp = new TempFolder();
        string target = temp.File("report");
        var (rc, output, error) = CliRunner.Run("report", "--out", target, "--format", "html,ard");
        Assert.True(rc == 0, error + output);
        Assert.Contains("Study NCT05013697: tables and figures, data cutoff 2024-04-01", output, StringComparison.Ordinal);
        Assert.Contains("36/50 (72.0; 57.5-83.8)", output, StringComparison.Ordinal); // the paper's ORR (Table 2)
        string html = File.ReadAllText(Path.Combine(target, "report.html"));
        Assert.Contains("<table id=\"table-2-response\"", html, StringComparison.Ordinal);
        Assert.Contains("<figure id=\"figure-2-km-pfs\"", html, StringComparison.Ordinal);
    }
}
