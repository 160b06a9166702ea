using System.Text.Json;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Tests.Data.Xpt;

/// <summary>
/// Compares the XPT reader and writer with R's foreign::read.xport through tests/oracle/fixtures/xpt.json, which
/// tests/oracle/xpt.R writes (tests never run R themselves).
/// </summary>
public class XptOracleTests
{
    /// <summary>Set this environment variable to 1 to rewrite tests/oracle/data/oncotrial-written.xpt (then re-run xpt.R).</summary>
    public const string RegenerateVariable = "ONCOTRIAL_REGENERATE_XPT";

    private readonly ITestOutputHelper _output;

    public XptOracleTests(ITestOutputHelper output) => _output = output;

    private static string WrittenPath => Path.Combine(RepositoryPaths.Root, "tests", "oracle", "data", "oncotrial-written.xpt");

    [Fact]
    public void Our_reader_gives_what_R_read_xport_gives_for_every_pilot_file()
    {
        string folder = PilotData.RequireFolder();

        JsonElement fixture = LoadFixture();
        int files = 0;
        int cells = 0;
        foreach (JsonElement expected in fixture.GetProperty("pilot").EnumerateArray())
        {
            string file = expected.GetProperty("file").GetString()!;
            var ds = XptFile.Read(Path.Combine(folder, file));
            Assert.Equal(expected.GetProperty("rows").GetInt32(), ds.RowCount);
            Assert.Equal(expected.GetProperty("columns").GetInt32(), ds.Columns.Count);
            Assert.Equal(expected.GetProperty("names").EnumerateArray().Select(n => n.GetString()), ds.Columns.Select(c => c.Name));
            int[] rows = expected.GetProperty("sample_rows").EnumerateArray().Select(r => r.GetInt32()).ToArray();
            cells += CompareValues(file, ds, rows, expected.GetProperty("values"));
            files++;
        }

        _output.WriteLine($"{files} pilot files, {cells} values equal to R's");
        Assert.Equal(PilotData.Files.Length, files);
    }

    [Fact]
    public void R_reads_from_our_written_file_exactly_the_dataset_we_wrote()
    {
        JsonElement written = LoadFixture().GetProperty("written");
        var ds = WrittenDataset();
        Assert.Equal(ds.RowCount, written.GetProperty("rows").GetInt32());
        Assert.Equal(ds.Columns.Select(c => c.Name), written.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        int cells = CompareValues("oncotrial-written.xpt", ds, Enumerable.Range(0, ds.RowCount).ToArray(), written.GetProperty("values"));
        Assert.Equal(ds.RowCount * ds.Columns.Count, cells);
    }

    [Fact]
    public void The_committed_written_file_is_what_the_writer_produces_today()
    {
        var stream = new MemoryStream();
        XptFile.Write(WrittenDataset(), stream);
        byte[] now = stream.ToArray();
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            File.WriteAllBytes(WrittenPath, now);
            _output.WriteLine($"wrote {WrittenPath}; now run Rscript tests/oracle/xpt.R");
        }

        Assert.True(File.Exists(WrittenPath), $"{WrittenPath} is missing: run the tests with {RegenerateVariable}=1, then Rscript tests/oracle/xpt.R.");
        Assert.Equal(now, File.ReadAllBytes(WrittenPath));
        Assert.Equal(now, XptFileTests.Write(XptFile.Read(WrittenPath)));
    }

    /// <summary>The dataset in tests/oracle/data/oncotrial-written.xpt: every stored type, special missing values, short numerics.</summary>
    internal static Dataset WrittenDataset() => new("OTWRITE", "Written by OncoTrial for R", [
        DatasetColumn.Character("USUBJID", "Unique Subject Identifier", ["01-001", "01-002", null, "  lead", "x y z", "01-006"]),
        DatasetColumn.Character("ARM", "Arm", ["Placebo", "Placebo", "High Dose", string.Empty, "Low Dose", "Low Dose"]).WithLengthAndFormat(20, "$20."),
        DatasetColumn.Numeric("AGE", "Age", DatasetValueType.Integer, [63, 71, double.NaN, double.NaN, 0, 120], ['\0', '\0', '.', 'A', '\0', '\0']),
        DatasetColumn.Numeric("AVAL", "Analysis Value", DatasetValueType.Double, [Math.PI, 1.0 / 3.0, 0.1, 1e-70, -1e70, 123456789.123], null).WithLengthAndFormat(null, "12.3"),
        DatasetColumn.Numeric("ADT", "Analysis Date", DatasetValueType.Date, [19725, 0, -1, double.NaN, 22000, -138061]),
        DatasetColumn.Numeric("ADTM", "Analysis Datetime", DatasetValueType.DateTime, [1704208210, 0, 0.5, double.NaN, -86400, 2e9]),
        DatasetColumn.Numeric("ATM", "Analysis Time", DatasetValueType.Time, [0, 86399, 3600.25, double.NaN, 60, 43200]),
        DatasetColumn.Numeric("SHORT", "Stored in 4 bytes", DatasetValueType.Double, [1, 255, -4096, 0.5, double.NaN, 65535], ['\0', '\0', '\0', '\0', '_', '\0']).WithLengthAndFormat(4, null),
    ]);

    private static int CompareValues(string file, Dataset ds, int[] rows, JsonElement values)
    {
        int cells = 0;
        foreach (JsonProperty column in values.EnumerateObject())
        {
            var ours = ds.Find(column.Name) ?? throw new InvalidOperationException($"{file}: no column {column.Name}");
            JsonElement[] r = column.Value.EnumerateArray().ToArray();
            Assert.Equal(rows.Length, r.Length);
            for (int i = 0; i < rows.Length; i++)
            {
                string where = $"{file}, row {rows[i] + 1}, column {column.Name}";
                if (ours.IsCharacter)
                {
                    // read.xport gives "" for a blank value; we give null (missing).
                    string rValue = r[i].ValueKind == JsonValueKind.Null ? string.Empty : r[i].GetString()!;
                    Assert.True(rValue == (ours.GetString(rows[i]) ?? string.Empty), $"{where}: R read \"{rValue}\", we read \"{ours.GetString(rows[i])}\"");
                }
                else
                {
                    double? rValue = r[i].ValueKind == JsonValueKind.Null ? null : r[i].GetDouble();
                    double? value = ours.GetNumber(rows[i]);
                    Assert.True(rValue == value, $"{where}: R read {rValue:R}, we read {value:R}");
                }

                cells++;
            }
        }

        return cells;
    }

    private static JsonElement LoadFixture()
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "oracle", "fixtures", "xpt.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }
}
