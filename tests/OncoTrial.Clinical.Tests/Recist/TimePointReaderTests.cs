using System.Text;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Tests.Recist;

public class TimePointReaderTests
{
    private static TimePointInput Read(string csv) => TimePointReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "tp.csv");

    [Fact]
    public void A_quoted_header_and_quoted_subject_ids_are_read_as_CSV_defines_them()
    {
        var input = Read("\"subject\",\"ref_date\",\"date\",\"response\"\n\"S-1\",2024-01-02,2024-02-13,PR\n\"S-1\",2024-01-02,2024-03-26,PR\n");
        Assert.Empty(input.Problems);
        var subject = Assert.Single(input.Subjects);
        Assert.Equal("S-1", subject.Subject);
        Assert.Equal(2, subject.Responses.Count);
    }

    [Fact]
    public void A_subject_id_holding_a_comma_stays_one_field()
    {
        var input = Read("subject,ref_date,date,response\n\"S,1\",2024-01-02,2024-02-13,SD\n\"S,2\",2024-01-02,2024-02-13,PD\n");
        Assert.Empty(input.Problems);
        Assert.Equal(["S,1", "S,2"], input.Subjects.Select(s => s.Subject));
        Assert.Equal(OverallResponse.ProgressiveDisease, input.Subjects[1].Responses[0].Response);
    }

    [Fact]
    public void Columns_may_come_in_any_order_with_a_byte_order_mark_and_CRLF()
    {
        var input = Read("\uFEFFresponse,date,subject,ref_date\r\nCR,2024-02-13,A,2024-01-02\r\n");
        Assert.Empty(input.Problems);
        Assert.Equal(OverallResponse.CompleteResponse, input.Subjects[0].Responses[0].Response);
    }

    [Fact]
    public void Every_bad_value_is_a_problem_with_its_line_row_and_column()
    {
        var input = Read("subject,ref_date,date,response\nA,2024-01-32,2024-02-13,PR\nB,2024-01-02,13/02/2024,XX\n");
        Assert.True(input.HasErrors);
        Assert.Equal(
            [
                "tp.csv, line 2 (data row 1), column ref_date: expected a date YYYY-MM-DD, found \"2024-01-32\". Write the reference date (day 0) as ISO 8601, e.g. 2024-01-02.",
                "tp.csv, line 3 (data row 2), column date: expected a date YYYY-MM-DD, found \"13/02/2024\". Write the assessment date as ISO 8601, e.g. 2024-02-13.",
                "tp.csv, line 3 (data row 2), column response: expected one of CR, PR, SD, NON-CR/NON-PD, PD, NE, ND, found \"XX\". Write the RECIST 1.1 overall response code.",
            ],
            input.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_missing_column_and_two_reference_dates_of_one_subject_are_problems()
    {
        Assert.Equal("COLUMN_MISSING", Assert.Single(Read("subject,ref_date,date\nA,2024-01-02,2024-02-13\n").Problems).Code);
        var twice = Read("subject,ref_date,date,response\nA,2024-01-02,2024-02-13,PR\nA,2024-01-09,2024-03-26,PR\n");
        Assert.Equal("TIMEPOINT_REFERENCE_TWICE", Assert.Single(twice.Problems).Code);
        Assert.Equal(3, twice.Problems[0].Line);
    }

    [Fact]
    public void A_ragged_record_is_reported_not_guessed()
    {
        var input = Read("subject,ref_date,date,response\nS,1,2024-01-02,2024-02-13,PR\n");
        Assert.Equal("CSV_STRUCTURE", Assert.Single(input.Problems).Code);
    }
}
