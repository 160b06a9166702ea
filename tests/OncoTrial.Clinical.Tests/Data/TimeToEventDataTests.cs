using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Tests.Data;

public class TimeToEventDataTests
{
    [Fact]
    public void Columns_are_read_by_name_with_invariant_numbers()
    {
        var (table, _) = CsvTable.Parse("arm,t,e,w\nA,1.5,1,2\nB,2e1,0,1\n", "s.csv");
        var (data, problems) = TimeToEventData.FromTable(table, new TimeToEventColumns("t", "e", Group: "arm", Weight: "w"));
        Assert.Empty(problems);
        Assert.Equal([1.5, 20.0], data!.Time);
        Assert.Equal([1, 0], data.Status);
        Assert.Equal(["A", "B"], data.Group!);
        Assert.Equal([2, 1], data.Weight!);
    }

    [Fact]
    public void Every_problem_is_collected_in_one_pass()
    {
        var (table, _) = CsvTable.Parse("arm,t,e\nA,-1,1\n,N/A,yes\n", "s.csv");
        var (data, problems) = TimeToEventData.FromTable(table, new TimeToEventColumns("t", "e", Group: "arm"));
        Assert.Null(data);
        Assert.Equal(
        [
            "s.csv, line 2 (data row 1), column t: expected a number >= 0, found \"-1\". Correct the value or remove the row.",
            "s.csv, line 3 (data row 2), column t: expected a number >= 0, found \"N/A\". Correct the value or remove the row.",
            "s.csv, line 3 (data row 2), column e: expected 1 (event) or 0 (censored), found \"yes\". Recode the event indicator.",
            "s.csv, line 3 (data row 2), column arm: expected a label, found an empty field. Fill in the value or remove the row.",
        ],
            problems);
    }

    [Fact]
    public void Missing_columns_are_all_named_with_the_option_that_asked_for_them()
    {
        var (table, _) = CsvTable.Parse("a,b\n1,1\n", "s.csv");
        var (_, problems) = TimeToEventData.FromTable(table, new TimeToEventColumns("time", "status", Strata: "site"));
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("--time: expected a column of s.csv, found no column \"time\". Columns are: a, b.", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("--strata:", problems[2], StringComparison.Ordinal);
    }
}
