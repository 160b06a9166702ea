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
