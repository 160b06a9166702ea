using OncoTrial.Clinical.Recist;
using static OncoTrial.Clinical.Tests.Recist.ResponseSequences;

namespace OncoTrial.Clinical.Tests.Recist;

public sealed class RecistOptionValidationTests
{
    [Fact]
    public void The_default_and_the_seed_protocol_options_have_no_problem()
    {
        ProblemAssert.Valid(RecistOptions.Default.Validate());
        ProblemAssert.Valid(new RecistOptions { ConfirmationMinDays = 42, ConfirmationWindowDays = 7, SdMinDays = 0, MaxNotEvaluableBetween = 0 }.Validate());
    }

    public static TheoryData<RecistOptions, string, string> BadValues() => new()
    {
        { new RecistOptions { ConfirmationMinDays = -1 }, "confirm-days", "-1" },
        { new RecistOptions { ConfirmationWindowDays = -7 }, "confirm-window-days", "-7" },
        { new RecistOptions { SdMinDays = -42 }, "sd-min-days", "-42" },
        { new RecistOptions { MaxNotEvaluableBetween = -1 }, "max-ne", "-1" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Each_bad_value_is_a_range_problem_with_its_option(RecistOptions options, string option, string found)
    {
        ProblemAssert.One(options.Validate(), option, "OPTION_RANGE", found);
    }

    [Fact]
    public void The_problem_reads_as_the_command_line_option()
    {
        Assert.Equal("--confirm-days: expected a number of days >= 0, found -1.", Assert.Single(new RecistOptions { ConfirmationMinDays = -1 }.Validate()).ToString());
    }

    [Fact]
    public void Every_bad_value_is_reported_and_the_derivation_throws_the_same_text()
    {
        var options = new RecistOptions { ConfirmationMinDays = -1, ConfirmationWindowDays = -1, SdMinDays = -1, MaxNotEvaluableBetween = -1 };
        var problems = options.Validate();
        ProblemAssert.Options(problems, "confirm-days", "confirm-window-days", "sd-min-days", "max-ne");
        ProblemAssert.HasText(Assert.Throws<ArgumentException>(options.EnsureValid), problems);
        ProblemAssert.HasText(Assert.Throws<ArgumentException>(() => Derive("2020-01-01", "42:PR", options)), problems);
    }
}
