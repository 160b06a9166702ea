using OncoTrial.Clinical.Ctcae;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;

namespace OncoTrial.Clinical.Tests.Ctcae;

public sealed class CtcaeOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(365)]
    public void A_tolerance_from_0_to_365_days_has_no_problem(int days)
    {
        ProblemAssert.Valid((CtcaeOptions.Default with { CrossCheckToleranceDays = days }).Validate());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void A_tolerance_outside_0_to_365_days_is_a_range_problem(int days)
    {
        var p = ProblemAssert.One((CtcaeOptions.Default with { CrossCheckToleranceDays = days }).Validate(), "cross-check-tolerance-days", "OPTION_RANGE", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("a number of days from 0 to 365", p.Expected);
    }

    [Fact]
    public void The_cross_check_throws_the_same_text()
    {
        var study = StudyFolder.Load(Path.Combine(StudyFolders.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Ctcae", "study"));
        var options = CtcaeOptions.Default with { CrossCheckToleranceDays = 400 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CtcaeCrossCheck.Run(study, [], options));
        ProblemAssert.HasText(e, options.Validate());
    }
}
