namespace OncoTrial.Cli.Tests;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("convert").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Csv_to_dataset_json_to_csv_gives_an_identical_csv()
    {
        string csv = CliRunner.DataFile("aml.csv");
        string json = Path.Combine(_dir, "aml.json");
        string dsjc = Path.Combine(_dir, "aml.dsjc");
        string back = Path.Combine(_dir, "aml.csv");

        var (rc, output, error) = CliRunner.Run("convert", "--input", csv, "--output", json);
        Assert.Equal(0, rc);
        Assert.Empty(error);
        Assert.Matches(@"^Wrote \d+ rows x \d+ columns to .*aml\.json \(Dataset-JSON\)\.\n$", output);

        Assert.Equal(0, CliRunner.Run("convert", "--input", json, "--output", dsjc).ExitCode);
        (rc, output, _) = CliRunner.Run("convert", "--input", dsjc, "--output", back);
        Assert.Equal(0, rc);
        Assert.EndsWith("aml.csv (CSV).\n", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(csv).Replace("\r\n", "\n", StringComparison.Ordinal), File.ReadAllText(back));
    }

    [Fact]
    public void An_existing_output_file_is_overwritten()
    {
        string json = Path.Combine(_dir, "aml.json");
        File.WriteAllText(json, "old");
        Assert.Equal(0, CliRunner.Run("convert", "--input", CliRunner.DataFile("aml.csv"), "--output", json).ExitCode);
        Assert.StartsWith("{\"datasetJSONCreationDateTime\":", File.ReadAllText(json), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_and_an_unsupported_output_format_exit_2_with_both_problems()
    {
        string missing = Path.Combine(_dir, "none.csv");
        string xlsx = Path.Combine(_dir, "out.xlsx");
        var (rc, output, error) = CliRunner.Run("convert", "--input", missing, "--output", xlsx);
        Assert.Equal(2, rc);
        Assert.Empty(output);
        Assert.Equal(
            $"--input: expected an existing dataset file, found nothing at \"{missing}\". Check the path.\n" +
            $"--output {xlsx}: expected a dataset file ending in .csv, .json (Dataset-JSON), .ndjson (Dataset-JSON NDJSON), .dsjc (compressed Dataset-JSON) or .xpt (SAS XPORT v5), found \".xlsx\". Rename the file or convert it to a supported format.\n",
            error);
    }

    [Fact]
    public void An_unreadable_dataset_json_file_is_invalid_data_with_the_reader_message()
    {
        string bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, "{\"records\":1}");
        var (rc, output, error) = CliRunner.Run("convert", "--input", bad, "--output", Path.Combine(_dir, "out.csv"));
        Assert.Equal(1, rc);
        Assert.Empty(output);
        Assert.StartsWith($"{bad}: expected the required attribute datasetJSONCreationDateTime, found none.", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "out.csv")));
    }

    [Fact]
    public void The_help_says_that_the_output_is_overwritten()
    {
        var (rc, output, _) = CliRunner.Run("convert", "--help");
        Assert.Equal(0, rc);
        Assert.Contains("overwritten", output, StringComparison.Ordinal);
    }
}
