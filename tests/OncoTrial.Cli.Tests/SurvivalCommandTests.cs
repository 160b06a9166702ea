using System.Text.Json;

namespace OncoTrial.Cli.Tests;

public class SurvivalCommandTests
{
    private static readonly string Aml = CliRunner.DataFile("aml.csv");

    [Fact]
    public void The_main_job_on_aml_renders_the_verified_text_report()
    {
        var (rc, output, error) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--group", "x", "--times", "12,24");
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, rc);
        CliRunner.Verify("survival-aml", "txt", output);
    }

    [Fact]
    public void Plot_draws_both_arms_with_their_medians_the_hazard_ratio_and_the_numbers_at_risk()
    {
        string folder = Directory.CreateTempSubdirectory("km-plot").FullName;
        try
        {
            string svg = Path.Combine(folder, "km.svg");
            string png = Path.Combine(folder, "km.png");
            var (rc, _, error) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--group", "x", "--time-unit", "months", "--plot", svg);
            Assert.Equal(string.Empty, error);
            Assert.Equal(0, rc);
            string text = File.ReadAllText(svg);

            // aml: median 31 weeks (Maintained) and 23 (Nonmaintained), as R survfit prints them; HR from the Cox model.
            Assert.Contains("Maintained: median 31.0", text, StringComparison.Ordinal);
            Assert.Contains("Nonmaintained: median 23.0", text, StringComparison.Ordinal);
            Assert.Contains("HR Nonmaintained vs Maintained", text, StringComparison.Ordinal);
            Assert.Contains("Number at risk", text, StringComparison.Ordinal);

            (rc, _, _) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--time-unit", "months", "--plot", png);
            Assert.Equal(0, rc);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(png)[..4]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Plot_to_a_file_that_is_neither_svg_nor_png_is_a_usage_error_naming_the_option()
    {
        string pdf = Path.Combine(Path.GetTempPath(), $"km-{Guid.NewGuid():N}.pdf");
        var (rc, _, error) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--plot", pdf);
        Assert.Equal(2, rc);
        Assert.Contains("--plot: expected a file name ending in .svg or .png", error, StringComparison.Ordinal);
        Assert.False(File.Exists(pdf));
    }

    [Fact]
    public void The_json_output_on_aml_matches_the_verified_file()
    {
        var (rc, output, _) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--group", "x", "--times", "12,24,200", "--format", "json");
        Assert.Equal(0, rc);
        CliRunner.Verify("survival-aml", "json", output);
    }

    [Fact]
    public void The_json_output_follows_the_contract_keys_and_reports_NE_as_null()
    {
        var (rc, output, _) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--group", "x", "--times", "200", "--format", "json");
        Assert.Equal(0, rc);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("log-log", root.GetProperty("options").GetProperty("conf_type").GetString());
        var groups = root.GetProperty("groups");
        Assert.Equal(["Maintained", "Nonmaintained"], groups.EnumerateArray().Select(g => g.GetProperty("group").GetString()));
        var maintained = groups[0];
        Assert.Equal(11, maintained.GetProperty("n").GetInt32());
        Assert.Equal(7, maintained.GetProperty("events").GetInt32());
        var median = maintained.GetProperty("quantiles")[1];
        Assert.Equal(0.5, median.GetProperty("p").GetDouble());
        Assert.Equal(31, median.GetProperty("estimate").GetDouble());
        Assert.Equal(13, median.GetProperty("lower").GetDouble());
        Assert.Equal(JsonValueKind.Null, median.GetProperty("upper").ValueKind);
        Assert.Equal(JsonValueKind.Null, maintained.GetProperty("landmarks")[0].GetProperty("survival").ValueKind);
        Assert.Equal(3.3963886990, root.GetProperty("logrank").GetProperty("chisq").GetDouble(), 1e-9);
        var term = root.GetProperty("cox").GetProperty("terms")[0];
        Assert.Equal("x=Nonmaintained", term.GetProperty("term").GetString());
        Assert.Equal(0.915532575, term.GetProperty("coef").GetDouble(), 1e-8);
    }

    [Fact]
    public void Without_a_group_the_single_group_is_all_and_logrank_and_cox_are_null()
    {
        var (rc, output, _) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--format", "json");
        Assert.Equal(0, rc);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("all", doc.RootElement.GetProperty("groups")[0].GetProperty("group").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("logrank").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("cox").ValueKind);
    }

    [Fact]
    public void All_censored_groups_still_give_curves_with_a_warning_instead_of_a_Cox_model()
    {
        string path = Path.Combine(Path.GetTempPath(), $"oncotrial-censored-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "t,e,g\n1,0,A\n2,0,B\n3,0,A\n4,0,B\n");
        try
        {
            var (rc, output, error) = CliRunner.Run("survival", "--input", path, "--time", "t", "--event", "e", "--group", "g", "--format", "json");
            Assert.Equal(string.Empty, error);
            Assert.Equal(0, rc);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("cox").ValueKind);
            Assert.Equal(0, doc.RootElement.GetProperty("logrank").GetProperty("df").GetInt32());
            Assert.Contains(
                "No events in any group: the Cox model is not fitted and the hazard ratio is not estimable.",
                doc.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_ADaM_CNSR_column_and_a_where_filter_select_one_parameter()
    {
        string path = Path.Combine(Path.GetTempPath(), $"oncotrial-adtte-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "USUBJID,PARAMCD,AVAL,CNSR,TRTA\n1,OS,5,0,A\n1,PFS,2,0,A\n2,OS,7,1,A\n2,PFS,bad,0,A\n3,OS,4,0,B\n4,OS,9,2,B\n");
        try
        {
            var (rc, output, error) = CliRunner.Run("survival", "--input", path, "--time", "AVAL", "--censor", "CNSR", "--group", "TRTA", "--where", "PARAMCD=OS", "--format", "json");
            Assert.Equal(string.Empty, error);
            Assert.Equal(0, rc);
            using var doc = JsonDocument.Parse(output);
            var groups = doc.RootElement.GetProperty("groups");
            Assert.Equal(2, groups[0].GetProperty("n").GetInt32());
            Assert.Equal(1, groups[0].GetProperty("events").GetInt32());
            Assert.Equal(1, groups[1].GetProperty("events").GetInt32());
            Assert.Equal("PARAMCD=OS", doc.RootElement.GetProperty("options").GetProperty("where")[0].GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_Dataset_JSON_copy_of_the_data_gives_the_same_analysis_as_the_CSV()
    {
        string json = Path.Combine(Path.GetTempPath(), $"oncotrial-aml-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, CliRunner.Run("convert", "--input", Aml, "--output", json).ExitCode);
            var fromCsv = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--group", "x", "--format", "json");
            var fromJson = CliRunner.Run("survival", "--input", json, "--time", "time", "--event", "status", "--group", "x", "--format", "json");
            Assert.Equal(0, fromJson.ExitCode);
            Assert.Equal(fromCsv.Output.Replace("data/aml.csv", json, StringComparison.Ordinal), fromJson.Output);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void Giving_both_event_and_censor_is_bad_input()
    {
        var (rc, _, error) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--censor", "status");
        Assert.Equal(2, rc);
        Assert.StartsWith("--event/--censor: expected exactly one of them, found both.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_where_filter_that_selects_nothing_says_so_as_invalid_data()
    {
        var (rc, _, error) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--where", "x=Nobody");
        Assert.Equal(1, rc);
        Assert.Equal("data/aml.csv: expected at least one data row matching x=Nobody, found none. Check the file and the --where filters.\n", error);
    }

    [Fact]
    public void Breslow_ties_give_the_SAS_PHREG_coefficient()
    {
        var (rc, output, _) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--group", "x", "--ties", "breslow", "--format", "json");
        Assert.Equal(0, rc);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0.904219724, doc.RootElement.GetProperty("cox").GetProperty("terms")[0].GetProperty("coef").GetDouble(), 1e-8);
    }

    [Fact]
    public void A_missing_file_is_one_clear_message_and_exit_code_2()
    {
        var (rc, output, error) = CliRunner.Run("survival", "--input", "no/such.csv", "--time", "time", "--event", "status");
        Assert.Equal(2, rc);
        Assert.Equal(string.Empty, output);
        Assert.Equal("--input: expected an existing data file, found nothing at \"no/such.csv\". Check the path.\n", error);
    }

    [Fact]
    public void An_unknown_column_names_the_option_and_lists_the_columns()
    {
        var (rc, _, error) = CliRunner.Run("survival", "--input", Aml, "--time", "weeks", "--event", "status");
        Assert.Equal(2, rc);
        Assert.Equal("--time: expected a column of data/aml.csv, found no column \"weeks\". Columns are: time, status, x.\n", error);
    }

    [Fact]
    public void Every_bad_value_is_reported_with_its_line_column_and_fix_and_exit_code_1_without_a_stack_trace()
    {
        string path = Path.Combine(Path.GetTempPath(), $"oncotrial-bad-{Guid.NewGuid():N}.csv");
        var lines = new List<string> { "time,status" };
        for (int i = 1; i <= 20; i++)
        {
            lines.Add(i switch { 17 => "abc,1", 18 => "12,5,0", 19 => "4,2", _ => $"{i},1" });
        }

        File.WriteAllLines(path, lines);
        try
        {
            var (rc, output, error) = CliRunner.Run("survival", "--input", path, "--time", "time", "--event", "status");
            Assert.Equal(1, rc);
            Assert.Equal(string.Empty, output);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Contains($"{path}, line 18 (data row 17), column time: expected a number >= 0, found \"abc\". Correct the value or remove the row.", error, StringComparison.Ordinal);
            Assert.Contains($"{path}, line 19 (data row 18): expected 2 fields as in the header, found 3. Quote fields that contain commas.", error, StringComparison.Ordinal);
            Assert.Contains($"{path}, line 20 (data row 19), column status: expected 1 (event) or 0 (censored), found \"2\". Recode the event indicator.", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_decimal_comma_is_explained()
    {
        string path = Path.Combine(Path.GetTempPath(), $"oncotrial-comma-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "time,status\n\"12,5\",1\n3,0\n");
        try
        {
            var (rc, _, error) = CliRunner.Run("survival", "--input", path, "--time", "time", "--event", "status");
            Assert.Equal(1, rc);
            Assert.Contains("found \"12,5\". Use a dot as the decimal separator.", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--conf-level", "1.5", "--conf-level: expected a number strictly between 0 and 1 (e.g. 0.95), found 1.5.")]
    [InlineData("--times", "12,x", "--times: expected comma-separated numbers (e.g. 180,365), found \"x\". Use a dot as the decimal separator.")]
    [InlineData("--times", "12,-1", "--times: expected")]
    [InlineData("--rho", "1", "--rho")]
    public void Bad_option_values_exit_2_with_a_message(string option, string value, string message)
    {
        var (rc, _, error) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", option, value);
        Assert.Equal(2, rc);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_conf_type_is_a_parse_error_with_exit_code_2()
    {
        var (rc, _, error) = CliRunner.Run("survival", "--input", Aml, "--time", "time", "--event", "status", "--conf-type", "loglog");
        Assert.Equal(2, rc);
        Assert.Contains("loglog", error, StringComparison.Ordinal);
    }
}
