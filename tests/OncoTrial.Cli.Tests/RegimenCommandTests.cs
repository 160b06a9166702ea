namespace OncoTrial.Cli.Tests;

public class RegimenCommandTests
{
    [Fact]
    public void Show_prints_the_built_in_seed_regimen()
    {
        var (rc, output, _) = CliRunner.Run("regimen", "show");
        Assert.Equal(0, rc);
        CliRunner.Verify("regimen-show", "txt", output);
    }

    [Fact]
    public void Show_as_json_lists_drugs_and_phases()
    {
        var (rc, output, _) = CliRunner.Run("regimen", "show", "--format", "json");
        Assert.Equal(0, rc);
        CliRunner.Verify("regimen-show", "json", output);
    }

    [Fact]
    public void Schedule_from_2024_01_02_lists_cycle_day_1_and_assessment_dates()
    {
        var (rc, output, _) = CliRunner.Run("regimen", "schedule", "--first-dose", "2024-01-02", "--induction-cycles", "6", "--maintenance-cycles", "3");
        Assert.Equal(0, rc);
        CliRunner.Verify("regimen-schedule", "txt", output);
    }

    [Fact]
    public void Schedule_as_json_has_one_object_per_cycle_and_assessment()
    {
        var (rc, output, _) = CliRunner.Run("regimen", "schedule", "--first-dose", "2024-01-02", "--induction-cycles", "4", "--format", "json");
        Assert.Equal(0, rc);
        CliRunner.Verify("regimen-schedule", "json", output);
    }

    [Fact]
    public void Dose_for_170_cm_and_70_kg_prints_each_drug()
    {
        var (rc, output, _) = CliRunner.Run("regimen", "dose", "--height", "170", "--weight", "70");
        Assert.Equal(0, rc);
        CliRunner.Verify("regimen-dose", "txt", output);
    }

    [Fact]
    public void Dose_as_json_with_dubois_gives_bsa_and_mg_ranges()
    {
        var (rc, output, _) = CliRunner.Run("regimen", "dose", "--height", "170", "--weight", "70", "--formula", "dubois", "--format", "json");
        Assert.Equal(0, rc);
        CliRunner.Verify("regimen-dose", "json", output);
    }

    [Fact]
    public void A_bad_first_dose_date_is_bad_input_with_exit_code_2()
    {
        var (rc, output, error) = CliRunner.Run("regimen", "schedule", "--first-dose", "02/01/2024");
        Assert.Equal(2, rc);
        Assert.Equal(string.Empty, output);
        Assert.Equal("--first-dose: expected a date YYYY-MM-DD (e.g. 2024-01-02), found \"02/01/2024\". Write the date as ISO 8601.\n", error);
    }

    [Fact]
    public void Induction_cycles_outside_4_to_6_are_bad_input()
    {
        var (rc, _, error) = CliRunner.Run("regimen", "schedule", "--first-dose", "2024-01-02", "--induction-cycles", "7");
        Assert.Equal(2, rc);
        Assert.StartsWith("--induction-cycles: expected 4 to 6", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_dose_option_is_reported()
    {
        var (rc, _, error) = CliRunner.Run("regimen", "dose", "--height", "0", "--weight", "-3");
        Assert.Equal(2, rc);
        Assert.Contains("--height: expected centimetres", error, StringComparison.Ordinal);
        Assert.Contains("--weight: expected kilograms", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regimen_file_with_errors_lists_each_with_its_json_path()
    {
        string path = Path.Combine(Path.GetTempPath(), "oncotrial-bad-regimen-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{ "id": "X", "name": "X", "version": "1", "cycleLengthDays": 21, "drugs": [], "phases": [], "delays": {} }""");
        try
        {
            var (rc, _, error) = CliRunner.Run("regimen", "show", "--regimen", path);
            Assert.Equal(1, rc);
            Assert.Contains(path + ", $.drugs: expected at least one drug", error, StringComparison.Ordinal);
            Assert.Contains(path + ", $.delays.maxDaysPerEpisode: expected an integer", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_regimen_file_is_bad_input()
    {
        var (rc, _, error) = CliRunner.Run("regimen", "show", "--regimen", "no-such-regimen.json");
        Assert.Equal(2, rc);
        Assert.Contains("no-such-regimen.json", error, StringComparison.Ordinal);
    }
}
