using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Tests.Study;

public class PartialDateTests
{
    [Theory]
    [InlineData("2023", DatePrecision.Year, "2023-01-01", "2023-12-31")]
    [InlineData("2023-02", DatePrecision.Month, "2023-02-01", "2023-02-28")]
    [InlineData("2024-02", DatePrecision.Month, "2024-02-01", "2024-02-29")]
    [InlineData("2024-02-29", DatePrecision.Day, "2024-02-29", "2024-02-29")]
    [InlineData("2021-09-10T14:30", DatePrecision.Time, "2021-09-10", "2021-09-10")]
    [InlineData("2021-09-10T14:30:05", DatePrecision.Time, "2021-09-10", "2021-09-10")]
    public void Valid_SDTM_dates_parse_with_their_precision_and_bounds(string text, DatePrecision precision, string earliest, string latest)
    {
        Assert.True(PartialDate.TryParse(text, out var date, out var status));
        Assert.Equal(PartialDateStatus.Valid, status);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), date.Latest);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2023-13")]
    [InlineData("2023-00")]
    [InlineData("2023-04-31")]
    [InlineData("2023-01-00")]
    [InlineData("0000")]
    [InlineData("2023-01-01T24:00")]
    [InlineData("2023-01-01T12:60")]
    public void Impossible_dates_are_told_apart_from_malformed_text(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var status));
        Assert.Equal(PartialDateStatus.Impossible, status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("N/A")]
    [InlineData("UNK")]
    [InlineData("24/09/2021")]
    [InlineData("2021-9-1")]
    [InlineData("2021-09-1")]
    [InlineData("2021-UN-UN")]
    [InlineData("2021---15")]
    [InlineData(" 2021-09-10")]
    [InlineData("2021-09-10 ")]
    [InlineData("2021-09T10:00")]
    [InlineData("2021-09-10T10")]
    [InlineData("2021-09-10T10:00Z")]
    [InlineData("2021-09-10T10:00:00.5")]
    [InlineData("20210910")]
    [InlineData("٢٠٢١")]
    public void Text_that_is_not_an_SDTM_date_is_malformed(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var status));
        Assert.Equal(PartialDateStatus.Malformed, status);
    }

    [Theory]
    [InlineData("2021-09-10", "2021-09-11", true, -1)]
    [InlineData("2021-09-11", "2021-09-10", true, 1)]
    [InlineData("2021-09-10", "2021-09-10", true, 0)]
    [InlineData("2021-09", "2021-10-01", true, -1)]
    [InlineData("2021", "2022-01", true, -1)]
    [InlineData("2021-09", "2021-09-15", false, 0)]
    [InlineData("2021", "2021-06-01", false, 0)]
    [InlineData("2021-09", "2021-09", false, 0)]
    [InlineData("2021-09-10T08:00", "2021-09-10T09:00", true, -1)]
    [InlineData("2021-09-10T08:00", "2021-09-10", true, 0)]
    public void Dates_are_ordered_only_when_their_spans_do_not_overlap(string a, string b, bool known, int order)
    {
        var x = PartialDate.Parse(a);
        var y = PartialDate.Parse(b);
        Assert.Equal(known, x.TryCompare(y, out int actual));
        Assert.Equal(order, actual);
    }

    [Fact]
    public void Create_rejects_a_day_without_a_month_and_an_impossible_day()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.Create(2021, null, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.Create(2023, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartialDate.Create(2023, 1, null, new TimeOnly(10, 0)));
        Assert.Equal("2023-02", PartialDate.Create(2023, 2).ToString());
    }
}
