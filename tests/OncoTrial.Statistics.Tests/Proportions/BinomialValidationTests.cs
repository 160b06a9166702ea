namespace OncoTrial.Statistics.Tests.Proportions;

public sealed class BinomialValidationTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(36, 50)]
    [InlineData(50, 50)]
    public void Counts_with_0_to_n_successes_have_no_problem(int x, int n)
    {
        ProblemAssert.Valid(BinomialInterval.Validate(x, n));
        ProblemAssert.Valid(BinomialTest.Validate(x, n, 0.2));
    }

    [Fact]
    public void More_successes_than_trials_is_a_problem_with_x()
    {
        var p = ProblemAssert.One(BinomialInterval.Validate(51, 50), "x", "OPTION_RANGE", "51");
        Assert.Equal("--x: expected an integer from 0 to n (50), found 51. x counts the successes among the n trials; check that x and n are not swapped.", p.ToString());
    }

    [Fact]
    public void Negative_successes_are_a_problem_with_x()
    {
        ProblemAssert.One(BinomialInterval.Validate(-1, 10), "x", "OPTION_RANGE", "-1");
    }

    [Fact]
    public void No_trials_is_a_problem_with_n_only()
    {
        ProblemAssert.One(BinomialInterval.Validate(0, 0), "n", "OPTION_RANGE", "0");
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(30.0, "30")]
    [InlineData(double.NaN, "NaN")]
    public void A_null_proportion_outside_0_to_1_is_a_problem_with_p0(double p0, string found)
    {
        ProblemAssert.One(BinomialTest.Validate(3, 10, p0), "p0", "OPTION_RANGE", found);
    }

    [Fact]
    public void Every_bad_value_is_reported_and_the_throwing_paths_use_the_same_text()
    {
        var problems = BinomialTest.Validate(-2, -1, 30);
        ProblemAssert.Options(problems, "n", "x", "p0");
        var test = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialTest.Exact(-2, -1, 30));
        ProblemAssert.HasText(test, problems);
        Assert.Equal("n", test.ParamName);

        var interval = Assert.Throws<ArgumentOutOfRangeException>(() => BinomialInterval.Compute(51, 50));
        ProblemAssert.HasText(interval, BinomialInterval.Validate(51, 50));
    }
}
