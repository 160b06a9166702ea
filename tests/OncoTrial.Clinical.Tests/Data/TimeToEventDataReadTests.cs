using System.Text;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Tests.Data;

/// <summary>
/// <see cref="TimeToEventData.Read"/> must give what the table path gives: <see cref="CsvTable.Read(Stream, string)"/>
/// and <see cref="TimeToEventData.FromTable"/> for CSV (structure problems first, then the values'), and
/// <see cref="DatasetFiles.Read(Stream, string)"/> and <see cref="TimeToEventData.FromDataset"/> for other formats.
/// </summary>
public class TimeToEventDataReadTests
{
    public static TheoryData<string, string> RepositoryData => new()
    {
        { "aml.csv", "time,status,x,," },
        { "veteran.csv", "time,status,trt,celltype,karno" },
        { "veteran.csv", "time,status,celltype,trt," },
        { "veteran.csv", "age,status,,,karno" },
    };

    [Theory]
    [MemberData(nameof(RepositoryData))]
    public void The_columnar_CSV_path_reads_the_repository_data_as_the_table_path_does(string file, string spec)
    {
        string path = RepositoryPaths.DataFile(file);
        var columns = Columns(spec);
        var (data, problems) = Read(File.ReadAllBytes(path), path, columns);
        var (expected, expectedProblems) = TablePath(File.ReadAllBytes(path), path, columns);
        Assert.Empty(problems);
        Assert.Empty(expectedProblems);
        AssertSame(expected!, data!);
        Assert.True(data!.Time.Count > 20);
    }

    [Fact]
    public void A_where_filter_selects_the_same_rows_on_both_paths()
    {
        string path = RepositoryPaths.DataFile("veteran.csv");
        var columns = new TimeToEventColumns("time", "status", Group: "trt") { Where = [new RowFilter("celltype", "large", Negate: true), new RowFilter("trt", "test", Negate: false)] };
        var (data, problems) = Read(File.ReadAllBytes(path), path, columns);
        Assert.Empty(problems);
        AssertSame(TablePath(File.ReadAllBytes(path), path, columns).Data!, data!);
        Assert.All(data!.Group!, g => Assert.Equal("test", g));
    }

    [Fact]
    public void Group_labels_are_shared_strings_not_one_per_row()
    {
        var (data, _) = Read(Encoding.UTF8.GetBytes("t,e,g\n1,1,A\n2,0,A\n3,1,B\n4,1, A \n"), "s.csv", new TimeToEventColumns("t", "e", Group: "g"));
        Assert.Equal(["A", "A", "B", "A"], data!.Group!);
        Assert.Same(data.Group![0], data.Group[1]);
        Assert.Same(data.Group[0], data.Group[3]);
    }

    public static TheoryData<string, string> BadCsv => new()
    {
        { "arm,t,e\nA,-1,1\n,N/A,yes\n", "t,e,arm,," },
        { "arm,t,e\nA,\"1,5\",1\nB,1e400,0\nC,NaN,1\nD,Infinity,0\nE, 7 ,1.0\nF,3,0.0\n", "t,e,arm,," },
        { "a,b\n1,1\n", "time,status,,site," },
        { "t,e\n1,1\n", "t,,,," },
        { "t,e,c\n1,1,0\n", "t,e,,,,c" },
        { "t,c\n1,0\n2,1\n3,2\n4,1.5\n5,-1\n6,NaN\n7,\n8,x\n9,3.0\n", "t,|c,,," },
        { "t,e,w\n1,1,2\n2,0,-1\n3,1,1.5\n4,1,\n5,0, 3 \n", "t,e,,,w" },
        { "t,e,g,s\n1,1,,x\n2,0,a,\n3,1,\"\",\" \"\n", "t,e,g,s," },
        { "t,e\n1,1\n2\n3,0,9\n4,1\n", "t,e,,," },
        { "t,e\n1,1\n2,\"0\n", "t,e,,," },
        { "t,e\n1,1\n\"2\nx\",1\n3\n", "t,e,,," },
        { string.Empty, "t,e,,," },
        { "\uFEFF", "t,e,g,," },
        { "t,e\n", "t,e,,," },
        { "t,e\n\n\n", "t,e,,," },
        { "\uFEFFt,e\r\n1,1\r\n\r\n2,0\r\n", "t,e,,," },
        { "t,e,g\n1,1,\"a\nb\"\n2,0,b\n", "t,e,g,," },
        { "t,e,t\n1,1,x\n", "t,e,,," },
        { "t,e\n1,1\n2\n", "x,y,,," },
    };

    [Theory]
    [MemberData(nameof(BadCsv))]
    public void Every_input_gives_the_same_data_and_the_same_problems_on_both_paths(string csv, string spec)
    {
        var columns = Columns(spec);
        byte[] bytes = Encoding.UTF8.GetBytes(csv);
        var (data, problems) = Read(bytes, "s.csv", columns);
        var (expected, expectedProblems) = TablePath(bytes, "s.csv", columns);
        Assert.Equal(expectedProblems, problems.Select(p => p.ToString()));
        if (expectedProblems.Count == 0)
        {
            AssertSame(expected!, data!);
        }
        else
        {
            Assert.Null(data);
        }
    }

    [Fact]
    public void Filters_that_match_no_row_and_problems_in_rows_they_leave_out()
    {
        var columns = new TimeToEventColumns("t", "e") { Where = [new RowFilter("p", "OS", Negate: false)] };
        byte[] none = Encoding.UTF8.GetBytes("p,t,e\nPFS,1,1\nPFS,x,1\n");
        var (data, problems) = Read(none, "s.csv", columns);
        Assert.Null(data);
        Assert.Equal(["s.csv: expected at least one data row matching p=OS, found none. Check the file and the --where filters."], problems.Select(p => p.ToString()));
        Assert.Equal(TablePath(none, "s.csv", columns).Problems, problems.Select(p => p.ToString()));

        byte[] some = Encoding.UTF8.GetBytes("p,t,e\nOS,1,1\n PFS ,x,1\n OS ,2,0\n");
        (data, problems) = Read(some, "s.csv", columns);
        Assert.Empty(problems);
        Assert.Equal([1.0, 2.0], data!.Time);
    }

    [Fact]
    public void Problems_are_structured_with_file_line_data_row_and_column()
    {
        var (_, problems) = Read(Encoding.UTF8.GetBytes("t,e\n1,1\n\"x\ny\",1\n"), "s.csv", new TimeToEventColumns("t", "e"));
        var p = Assert.Single(problems);
        Assert.Equal(("s.csv", 3, 2, "t", "TIME_INVALID"), (p.File, p.Line, p.Row, p.Column, p.Code));
        Assert.Equal("\"x\ny\"", p.Found);

        (_, problems) = Read(Encoding.UTF8.GetBytes("a\n1\n"), "s.csv", new TimeToEventColumns("t", "e", "c"));
        Assert.Equal(["event/--censor", "time", "event", "censor"], problems.Select(q => q.Option));
        Assert.All(problems, q => Assert.Equal(Statistics.ProblemKind.Usage, q.Kind));
    }

    [Fact]
    public void Random_CSV_with_good_and_bad_values_gives_the_same_result_on_both_paths()
    {
        var rng = new Random(7);
        string[] values = ["0", "1", "2", "1.0", "0.0", "12", "3.5", "-1", "x", " 4 ", "1,5", string.Empty, "1e3", "007", "A", "B"];
        for (int i = 0; i < 300; i++)
        {
            string csv = ReferenceCsv.Random(rng, 4, i % 60 == 0 ? 2000 : rng.Next(0, 15), r => values[r.Next(values.Length)]);
            int header = csv.IndexOfAny(['\r', '\n']);
            csv = "t,e,g,w" + (header < 0 ? string.Empty : csv[header..]);
            foreach (var columns in new[] { Columns("t,e,g,,w"), Columns("t,|e,,g,"), Columns("w,e,t,,") })
            {
                byte[] bytes = Encoding.UTF8.GetBytes(csv);
                var (data, problems) = Read(bytes, "r.csv", columns);
                var (expected, expectedProblems) = TablePath(bytes, "r.csv", columns);
                Assert.Equal(expectedProblems, problems.Select(p => p.ToString()));
                if (expectedProblems.Count == 0)
                {
                    AssertSame(expected!, data!);
                }
            }
        }
    }

    [Theory]
    [InlineData("aml.xpt")]
    [InlineData("aml.json")]
    [InlineData("aml.ndjson")]
    [InlineData("aml.dsjc")]
    public void Other_formats_are_read_through_DatasetFiles_and_FromDataset(string name)
    {
        using var folder = new TempFolder();
        string[] lines = File.ReadAllLines(RepositoryPaths.DataFile("aml.csv"));
        lines[0] = lines[0].ToUpperInvariant(); // XPT v5 names: TIME, STATUS, X
        var aml = CsvDataset.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), "aml.csv");
        string path = folder.File(name);
        DatasetFiles.Write(aml, path);
        var columns = new TimeToEventColumns("TIME", "STATUS", Group: "X");
        var (data, problems) = Read(File.ReadAllBytes(path), path, columns);
        Assert.Empty(problems);
        var (expected, expectedProblems) = TimeToEventData.FromDataset(DatasetFiles.Read(path), path, columns);
        Assert.Empty(expectedProblems);
        AssertSame(expected!, data!);

        var (_, bad) = Read(File.ReadAllBytes(path), path, new TimeToEventColumns("TIME", "X"));
        Assert.Equal(TimeToEventData.FromDataset(DatasetFiles.Read(path), path, new TimeToEventColumns("TIME", "X")).Problems, bad.Select(p => p.ToString()));
        Assert.Contains(bad, p => p.Row == 1 && p.Column == "X" && p.Line is null);
    }

    [Fact]
    public void A_file_that_cannot_be_read_in_its_format_gives_the_format_problems()
    {
        var (data, problems) = Read("not a dataset"u8.ToArray(), "d.xpt", new TimeToEventColumns("t", "e"));
        Assert.Null(data);
        Assert.Equal(
            Assert.Throws<DatasetFormatException>(() => DatasetFiles.Read(new MemoryStream("not a dataset"u8.ToArray()), "d.xpt")).Message,
            string.Join(Environment.NewLine, problems));
        Assert.NotEmpty(problems);

        (data, problems) = Read("t,e\n1,1\n"u8.ToArray(), "d.xlsx", new TimeToEventColumns("t", "e"));
        Assert.Null(data);
        Assert.StartsWith("d.xlsx: expected a dataset file ending in .csv", Assert.Single(problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_extension_is_matched_without_regard_to_case_and_the_stream_is_left_open()
    {
        using var stream = new MemoryStream("t,e\n1,1\n"u8.ToArray());
        var (data, problems) = TimeToEventData.Read(stream, "D.CSV", new TimeToEventColumns("t", "e"));
        Assert.Empty(problems);
        Assert.Equal([1.0], data!.Time);
        Assert.True(stream.CanRead);
    }

    /// <summary>"TIME,EVENT,GROUP,STRATA,WEIGHT[,CNSR]", empty parts absent; an EVENT part "|C" names a CNSR column C instead.</summary>
    private static TimeToEventColumns Columns(string spec)
    {
        string?[] p = [.. spec.Split(',').Select(s => s.Length == 0 ? null : s)];
        string? At(int i) => i < p.Length ? p[i] : null;
        string? ev = At(1);
        string? cnsr = At(5);
        if (ev is ['|', ..])
        {
            cnsr = ev[1..];
            ev = null;
        }

        return new TimeToEventColumns(p[0]!, ev, cnsr, At(2), At(3), At(4));
    }

    private static (TimeToEventData? Data, IReadOnlyList<Statistics.Problem> Problems) Read(byte[] bytes, string name, TimeToEventColumns columns)
    {
        using var stream = new MemoryStream(bytes);
        return TimeToEventData.Read(stream, name, columns);
    }

    /// <summary>The path the survival command took before: the whole table, then <see cref="TimeToEventData.FromTable"/>.</summary>
    private static (TimeToEventData? Data, IReadOnlyList<string> Problems) TablePath(byte[] bytes, string name, TimeToEventColumns columns)
    {
        var (table, structure) = CsvTable.Read(new MemoryStream(bytes), name);
        var (data, problems) = TimeToEventData.FromTable(table, columns);
        return (data, [.. structure.Select(p => p.ToString()), .. problems]);
    }

    private static void AssertSame(TimeToEventData expected, TimeToEventData actual)
    {
        Assert.Equal(expected.Time.Select(BitConverter.DoubleToInt64Bits), actual.Time.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Group, actual.Group);
        Assert.Equal(expected.Strata, actual.Strata);
        Assert.Equal(expected.Weight, actual.Weight);
    }
}
