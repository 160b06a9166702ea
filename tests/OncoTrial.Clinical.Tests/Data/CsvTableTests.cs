using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Tests.Data;

public class CsvTableTests
{
    private const string Alphabet = "ab,\"\n\r1 \uFEFF";

    [Fact]
    public void Quoted_fields_with_commas_doubled_quotes_and_newlines_are_read_whole()
    {
        var (table, problems) = CsvTable.Parse("id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n", "t.csv");
        Assert.Empty(problems);
        Assert.Equal(["id", "note"], table.Columns);
        Assert.Equal(["a, b", "say \"hi\"", "two\nlines"], table.Records.Select(r => r.Fields[1]));
    }

    [Fact]
    public void A_byte_order_mark_and_CRLF_line_ends_are_accepted()
    {
        var (table, problems) = CsvTable.Parse("\uFEFFtime,status\r\n1,0\r\n2,1\r\n", "t.csv");
        Assert.Empty(problems);
        Assert.Equal(0, table.IndexOf("time"));
        Assert.Equal(2, table.Records.Count);
        Assert.Equal("1", table.Records[1].Fields[1]);
    }

    [Fact]
    public void Records_carry_their_file_line_and_data_row()
    {
        var (table, _) = CsvTable.Parse("a\n1\n\"x\ny\"\n3\n", "t.csv");
        Assert.Equal([2, 3, 5], table.Records.Select(r => r.Line));
        Assert.Equal([1, 2, 3], table.Records.Select(r => r.Row));
    }

    [Fact]
    public void A_ragged_record_is_reported_not_padded()
    {
        var (table, problems) = CsvTable.Parse("a,b\n1,2\n3\n4,5\n", "t.csv");
        Assert.Equal(2, table.Records.Count);
        Assert.Equal(["t.csv, line 3 (data row 2): expected 2 fields as in the header, found 1. Quote fields that contain commas."], problems.Select(p => p.ToString()));
    }

    [Fact]
    public void An_unterminated_quote_and_an_empty_file_are_problems()
    {
        Assert.Contains("expected a closing quote", CsvTable.Parse("a\n\"open\n", "t.csv").Problems.Single().ToString(), StringComparison.Ordinal);
        Assert.Contains("found an empty file", CsvTable.Parse(string.Empty, "t.csv").Problems.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var rng = new Random(11);
        for (int i = 0; i < 300; i++)
        {
            var chars = new char[rng.Next(0, 200)];
            for (int k = 0; k < chars.Length; k++)
            {
                chars[k] = Alphabet[rng.Next(Alphabet.Length)];
            }

            var (table, _) = CsvTable.Parse(new string(chars), "fuzz.csv");
            Assert.All(table.Records, r => Assert.Equal(table.Columns.Count, r.Fields.Count));
        }
    }
}

public class CsvTableOnSepTests
{
    [Fact]
    public void A_quoted_header_and_quoted_ids_are_unquoted()
    {
        var (table, problems) = CsvTable.Parse("\"subject\",\"date\"\n\"S-1\",2024-01-02\n", "t.csv");
        Assert.Empty(problems);
        Assert.Equal(["subject", "date"], table.Columns);
        Assert.Equal(0, table.IndexOf("subject"));
        Assert.Equal(["S-1", "2024-01-02"], table.Records.Single().Fields);
    }

    [Fact]
    public void An_id_holding_a_comma_is_one_field()
    {
        var (table, problems) = CsvTable.Parse("id,x\n\"S,1\",2\n", "t.csv");
        Assert.Empty(problems);
        Assert.Equal(["S,1", "2"], table.Records.Single().Fields);
    }

    [Fact]
    public void A_record_spanning_lines_keeps_its_line_breaks_and_the_next_record_its_own_line()
    {
        var (table, problems) = CsvTable.Parse("id,note\n1,\"a\nb\r\nc\"\n2,x\n", "t.csv");
        Assert.Empty(problems);
        Assert.Equal(["a\nb\r\nc", "x"], table.Records.Select(r => r.Fields[1]));
        Assert.Equal([2, 5], table.Records.Select(r => r.Line));
        Assert.Equal([1, 2], table.Records.Select(r => r.Row));
    }

    [Fact]
    public void A_ragged_record_after_a_multi_line_record_is_reported_at_its_own_file_line()
    {
        var (table, problems) = CsvTable.Parse("id,note\n1,\"a\nb\nc\"\n2\n3,y\n", "t.csv");
        Assert.Equal(["t.csv, line 5 (data row 2): expected 2 fields as in the header, found 1. Quote fields that contain commas."], problems.Select(p => p.ToString()));
        Assert.Equal(CsvTable.StructureCode, problems[0].Code);
        Assert.Equal((5, 2), (problems[0].Line!.Value, problems[0].Row!.Value));
        Assert.Equal([2, 6], table.Records.Select(r => r.Line));
        Assert.Equal([1, 3], table.Records.Select(r => r.Row));
    }

    [Fact]
    public void CR_only_line_ends_are_line_ends_inside_and_outside_quotes()
    {
        var (table, problems) = CsvTable.Parse("time,status\r1,0\r\"x\ry\",1\r", "t.csv");
        Assert.Empty(problems);
        Assert.Equal(["time", "status"], table.Columns);
        Assert.Equal(["1", "x\ry"], table.Records.Select(r => r.Fields[0]));
        Assert.Equal([2, 3], table.Records.Select(r => r.Line));
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted_in_lines_and_data_rows()
    {
        var (table, problems) = CsvTable.Parse("a\n1\n\n\"\"\n2\n", "t.csv");
        Assert.Empty(problems);
        Assert.Equal(["1", "2"], table.Records.Select(r => r.Fields[0]));
        Assert.Equal([2, 5], table.Records.Select(r => r.Line));
        Assert.Equal([1, 4], table.Records.Select(r => r.Row));
    }

    [Fact]
    public void An_unterminated_quote_is_reported_first_at_the_line_where_its_record_starts()
    {
        var (table, problems) = CsvTable.Parse("a,b\n1\n3,\"open\n4,5\n", "t.csv");
        Assert.Equal(
            [
                "t.csv, line 3: expected a closing quote, found the end of the file. Close the quoted field.",
                "t.csv, line 2 (data row 1): expected 2 fields as in the header, found 1. Quote fields that contain commas.",
            ],
            problems.Select(p => p.ToString()));
        Assert.Equal(["3", "open\n4,5\n"], table.Records.Single().Fields);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_kept_as_it_is()
    {
        var (table, problems) = CsvTable.Parse("a,b\nab\"c\"d,e\n", "t.csv");
        Assert.Empty(problems);
        Assert.Equal(["ab\"c\"d", "e"], table.Records.Single().Fields);
    }

    [Fact]
    public void A_stream_with_a_byte_order_mark_and_CRLF_is_read_and_left_open()
    {
        using var stream = new MemoryStream([.. "\uFEFFtime,status\r\n1,0\r\n"u8.ToArray()]);
        var (table, problems) = CsvTable.Read(stream, "t.csv");
        Assert.Empty(problems);
        Assert.Equal(["time", "status"], table.Columns);
        Assert.Equal(["1", "0"], table.Records.Single().Fields);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_is_read_by_path()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "time,status\n1,0\n"u8.ToArray()]);
        var (table, problems) = CsvTable.ReadFile(path);
        Assert.Empty(problems);
        Assert.Equal(path, table.Source);
        Assert.Equal("time", table.Columns[0]);
    }

    [Fact]
    public void Random_well_formed_CSV_reads_as_the_previous_tokenizer_read_it()
    {
        var rng = new Random(20261126);
        for (int i = 0; i < 400; i++)
        {
            // Some inputs are long enough to cross Sep's buffer refills.
            string text = ReferenceCsv.Random(rng, rng.Next(1, 5), i % 50 == 0 ? 3000 : rng.Next(0, 12));
            var expected = ReferenceCsv.Parse(text, "r.csv");
            var (table, problems) = CsvTable.Parse(text, "r.csv");
            Assert.Equal(expected.Columns, table.Columns);
            Assert.Equal(expected.Problems, problems.Select(p => p.ToString()));
            Assert.Equal(expected.Records.Count, table.Records.Count);
            for (int r = 0; r < table.Records.Count; r++)
            {
                Assert.Equal(expected.Records[r].Line, table.Records[r].Line);
                Assert.Equal(expected.Records[r].Row, table.Records[r].Row);
                Assert.Equal(expected.Records[r].Fields, table.Records[r].Fields);
            }
        }
    }
}
