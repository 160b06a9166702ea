namespace OncoTrial.Statistics.Tests;

public sealed class ConfidenceLevelTests
{
    [Theory]
    [InlineData(0.95)]
    [InlineData(0.5)]
    [InlineData(1e-9)]
    public void A_level_strictly_between_0_and_1_has_no_problem(double level)
    {
        ProblemAssert.Valid(ConfidenceLevel.Validate(level));
    }

    [Theory]
    [InlineData(2.0, "2")]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-0.95, "-0.95")]
    [InlineData(95.0, "95")]
    [InlineData(double.NaN, "NaN")]
    public void A_level_outside_0_to_1_is_an_option_range_problem(double level, string found)
    {
        ProblemAssert.One(ConfidenceLevel.Validate(level), "conf-level", "OPTION_RANGE", found);
    }

    [Fact]
    public void The_problem_reads_as_the_command_line_prints_it()
    {
        Assert.Equal(
            "--conf-level: expected a number strictly between 0 and 1 (e.g. 0.95), found 2.",
            Assert.Single(ConfidenceLevel.Validate(2)).ToString());
    }

    [Fact]
    public void The_option_name_can_be_given()
    {
        ProblemAssert.One(ConfidenceLevel.Validate(1.5, "ci-level"), "ci-level", "OPTION_RANGE", "1.5");
    }

    [Fact]
    public void Create_throws_the_same_text()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceLevel.Create(2));
        ProblemAssert.HasText(e, ConfidenceLevel.Validate(2));
        Assert.Equal("level", e.ParamName);
    }
}
