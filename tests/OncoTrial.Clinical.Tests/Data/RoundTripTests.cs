using System.Globalization;
using System.Text;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Data.Xpt;

namespace OncoTrial.Clinical.Tests.Data;

/// <summary>
/// Cross-format round trips: every CDISC pilot XPT file through Dataset-JSON and back to XPT, and every domain CSV of
/// every study folder committed in the repository through Dataset-JSON and XPT back to CSV.
/// </summary>
public sealed class RoundTripTests : IDisposable
{
    private static readonly string[] JsonExtensions = [".json", ".ndjson"];

    private readonly ITestOutputHelper _output;
    private readonly string _dir = Directory.CreateTempSubdirectory("roundtrip").FullName;

    public RoundTripTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Every folder under tests/ and data/ of the repository that holds a dm.csv (a study folder).</summary>
    public static IReadOnlyList<string> CommittedStudyFolders()
    {
        var folders = new List<string>();
        foreach (string top in new[] { "tests", "data" })
        {
            string root = Path.Combine(RepositoryPaths.Root, top);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (string dm in Directory.EnumerateFiles(root, "dm.csv", SearchOption.AllDirectories))
            {
                string dir = Path.GetDirectoryName(dm)!;
                string relative = Path.GetRelativePath(RepositoryPaths.Root, dir);
                if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
                {
                    continue; // build output copies
                }

                folders.Add(dir);
            }
        }

        return [.. folders.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Every_pilot_XPT_file_through_Dataset_JSON_gives_the_bytes_and_values_of_a_direct_XPT_rewrite()
    {
        string folder = PilotData.RequireFolder();

        foreach (string file in PilotData.Files)
        {
            var original = XptFile.Read(Path.Combine(folder, file));
            byte[] direct = XptBytes(original);
            foreach (string extension in JsonExtensions)
            {
                string json = Path.Combine(_dir, Path.ChangeExtension(file, extension));
                DatasetFiles.Write(original, json);
                var fromJson = DatasetFiles.Read(json);
                AssertSameValues(original, fromJson, $"{file} via {extension}");
                byte[] viaJson = XptBytes(fromJson);
                int first = FirstDifference(direct, viaJson);
                Assert.True(first < 0, $"{file} via {extension}: XPT differs from the direct rewrite at byte {first} (record {first / 80}, column {first % 80})");
                AssertSameValues(original, XptFile.Read(new MemoryStream(viaJson), file), $"{file} via {extension} and XPT");
            }

            _output.WriteLine($"{file}: {original.RowCount} rows x {original.Columns.Count} columns, XPT -> .json/.ndjson -> XPT byte-identical ({direct.Length} bytes)");
        }
    }

    [Fact]
    public void The_committed_study_folders_include_the_minimal_valid_study_and_the_broken_cases()
    {
        var folders = CommittedStudyFolders();
        Assert.Contains(folders, f => f.EndsWith(Path.Combine("studies", "valid-minimal"), StringComparison.Ordinal));
        Assert.Contains(folders, f => f.EndsWith(Path.Combine("broken", "ae-end-before-start"), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_domain_CSV_of_every_committed_study_survives_Dataset_JSON_and_XPT_value_for_value()
    {
        int files = 0, refusedRead = 0, refusedColumns = 0;
        foreach (string study in CommittedStudyFolders())
        {
            string relativeStudy = Path.GetRelativePath(RepositoryPaths.Root, study);
            foreach (string csv in Directory.GetFiles(study, "*.csv").Order(StringComparer.Ordinal))
            {
                string where = Path.Combine(relativeStudy, Path.GetFileName(csv));
                Dataset dataset;
                try
                {
                    dataset = DatasetFiles.Read(csv);
                }
                catch (DatasetFormatException ex)
                {
                    // A deliberately broken file (ragged row, bad encoding, ...): the reader must refuse it with a message, not crash.
                    Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                    _output.WriteLine($"{where}: not readable as CSV, refused: {ex.Message.Split('\n')[0]}");
                    refusedRead++;
                    continue;
                }

                var unwritable = ColumnsXptCannotHold(dataset);
                if (unwritable.Count > 0)
                {
                    var ex = Assert.Throws<DatasetFormatException>(() => XptBytes(dataset));
                    foreach (var (column, why) in unwritable)
                    {
                        Assert.Contains($"column {column}", ex.Message, StringComparison.Ordinal);
                        _output.WriteLine($"{where}, column {column}: cannot survive XPT ({why}); the writer refuses it: {ex.Message.Split('\n').First(l => l.Contains($"column {column}", StringComparison.Ordinal))}");
                    }

                    refusedColumns += unwritable.Count;
                    var keep = dataset.Columns.Where(c => !unwritable.Any(u => u.Column == c.Name)).ToList();
                    dataset = new Dataset(dataset.Name, dataset.Label, keep);
                }

                string name = Path.GetFileNameWithoutExtension(csv);
                string json = Path.Combine(_dir, name + ".json");
                string xpt = Path.Combine(_dir, name + ".xpt");
                string back = Path.Combine(_dir, name + ".csv");
                DatasetFiles.Write(dataset, json);
                DatasetFiles.Write(DatasetFiles.Read(json), xpt);
                DatasetFiles.Write(DatasetFiles.Read(xpt), back);
                AssertSameCsvValues(csv, back, [.. dataset.Columns.Select(c => c.Name)], where);
                files++;
            }
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files} domain files round-tripped CSV -> Dataset-JSON -> XPT -> CSV; {refusedRead} unreadable files refused; {refusedColumns} columns refused by the XPT writer"));
        Assert.True(files >= 12, "expected at least the 12 domains of the minimal valid study");
    }

    [Fact]
    public void A_column_XPT_cannot_hold_is_refused_by_name_not_dropped()
    {
        var dataset = new Dataset("AE", string.Empty,
        [
            DatasetColumn.Character("USUBJID", string.Empty, ["S-1"]),
            DatasetColumn.Character("AERELOTHER", string.Empty, ["N"]),
            DatasetColumn.Character("AECOMMENT", string.Empty, [new string('x', 201)]),
        ]);
        Assert.Equal(["AERELOTHER", "AECOMMENT"], ColumnsXptCannotHold(dataset).Select(u => u.Column));
        var ex = Assert.Throws<DatasetFormatException>(() => DatasetFiles.Write(dataset, Path.Combine(_dir, "ae.xpt")));
        Assert.Contains("dataset AE, column AERELOTHER: expected a variable name of 1-8 characters", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Rename it to at most 8 characters", ex.Message, StringComparison.Ordinal);
        Assert.Contains("dataset AE, column AECOMMENT, row 1: expected character values of at most 200 bytes", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "ae.xpt")));
    }

    /// <summary>Columns whose name or values XPT v5 cannot hold, with the reason.</summary>
    private static List<(string Column, string Why)> ColumnsXptCannotHold(Dataset dataset)
    {
        var result = new List<(string, string)>();
        foreach (var c in dataset.Columns)
        {
            if (c.Name.Length > 8)
            {
                result.Add((c.Name, string.Create(CultureInfo.InvariantCulture, $"a name of {c.Name.Length} characters")));
            }
            else if (c.IsCharacter && c.Strings.Any(s => s is not null && Encoding.UTF8.GetByteCount(s) > 200))
            {
                result.Add((c.Name, "a value over 200 bytes"));
            }
        }

        return result;
    }

    /// <summary>Compares two CSV files cell by cell: text exactly as written, numbers (per DomainSpecs) by value.</summary>
    private static void AssertSameCsvValues(string expectedPath, string actualPath, IReadOnlyList<string> columns, string where)
    {
        var (expected, _) = CsvTable.ReadFile(expectedPath);
        var (actual, problems) = CsvTable.ReadFile(actualPath);
        Assert.Empty(problems);
        Assert.Equal(columns, actual.Columns);
        Assert.Equal(expected.Records.Count, actual.Records.Count);
        var spec = DomainSpecs.Find(Path.GetFileNameWithoutExtension(expectedPath).ToUpperInvariant());
        foreach (string column in columns)
        {
            int e = expected.IndexOf(column), a = actual.IndexOf(column);
            var type = spec?.Variables.FirstOrDefault(v => v.Name == column)?.Type;
            bool numeric = type is VariableType.Number or VariableType.WholeNumber;
            for (int r = 0; r < expected.Records.Count; r++)
            {
                string x = expected.Records[r].Fields[e], y = actual.Records[r].Fields[a];
                if (numeric && double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out double vx)
                    && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out double vy))
                {
                    Assert.True(vx == vy, $"{where}, line {expected.Records[r].Line}, column {column}: expected the number {x}, found {y}");
                }
                else
                {
                    Assert.True(x == y, $"{where}, line {expected.Records[r].Line}, column {column}: expected the text \"{x}\" as written, found \"{y}\"");
                }
            }
        }
    }

    private static void AssertSameValues(Dataset expected, Dataset actual, string where)
    {
        Assert.True(expected.Name == actual.Name, $"{where}: dataset name {expected.Name} became {actual.Name}");
        Assert.True(expected.Label == actual.Label, $"{where}: dataset label \"{expected.Label}\" became \"{actual.Label}\"");
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.Columns.Count, actual.Columns.Count);
        for (int c = 0; c < expected.Columns.Count; c++)
        {
            var e = expected.Columns[c];
            var a = actual.Columns[c];
            string col = $"{where}, column {e.Name}";
            Assert.True(e.Name == a.Name, $"{col}: name became {a.Name}");
            Assert.True(e.Label == a.Label, $"{col}: label \"{e.Label}\" became \"{a.Label}\"");
            Assert.True(e.Type == a.Type, $"{col}: type {e.Type} became {a.Type}");
            Assert.True(e.Length == a.Length, $"{col}: length {e.Length} became {a.Length}");
            Assert.True(e.DisplayFormat == a.DisplayFormat, $"{col}: display format {e.DisplayFormat} became {a.DisplayFormat}");
            for (int r = 0; r < expected.RowCount; r++)
            {
                if (e.IsCharacter)
                {
                    Assert.True(e.GetString(r) == a.GetString(r), $"{col}, row {r + 1}: \"{e.GetString(r)}\" became \"{a.GetString(r)}\"");
                }
                else
                {
                    double x = e.Numbers[r], y = a.Numbers[r];
                    bool same = double.IsNaN(x) ? double.IsNaN(y) && e.GetMissingCode(r) == a.GetMissingCode(r) : BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y);
                    Assert.True(same, $"{col}, row {r + 1}: {e.Format(r)} became {a.Format(r)}");
                }
            }
        }
    }

    private static byte[] XptBytes(Dataset dataset)
    {
        var stream = new MemoryStream();
        XptFile.Write(dataset, stream);
        return stream.ToArray();
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return a.Length == b.Length ? -1 : n;
    }
}
