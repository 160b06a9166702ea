using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Recist;
using static OncoTrial.Clinical.Tests.Endpoints.EndpointCases;

namespace OncoTrial.Clinical.Tests.Endpoints;

public sealed class EndpointOptionsTests
{
    [Fact]
    public void The_default_and_edge_options_have_no_problem()
    {
        ProblemAssert.Valid(EndpointOptions.Default.Validate());
        ProblemAssert.Valid(new EndpointOptions { AssessmentIntervalDays = 1, AssessmentWindowDays = 0, MissedAssessments = 1, Convention = CensoringConvention.Ema }.Validate());
    }

    public static TheoryData<EndpointOptions, string, string> BadValues() => new()
    {
        { new EndpointOptions { AssessmentIntervalDays = 0 }, "assessment-interval-days", "0" },
        { new EndpointOptions { AssessmentWindowDays = -7 }, "assessment-window-days", "-7" },
        { new EndpointOptions { MissedAssessments = 0 }, "missed-assessments", "0" },
        { new EndpointOptions { Convention = (CensoringConvention)5 }, "convention", "5" },
        { new EndpointOptions { StartDateSource = (StartDateSource)5 }, "start-date", "5" },
        { new EndpointOptions { ResponseBasis = (ResponseBasis)5 }, "response-basis", "5" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Each_bad_value_is_a_range_problem_with_its_option(EndpointOptions options, string option, string found)
    {
        ProblemAssert.One(options.Validate(), option, "OPTION_RANGE", found);
    }

    [Fact]
    public void Bad_values_can_be_set_so_that_every_one_is_reported()
    {
        var options = new EndpointOptions { AssessmentIntervalDays = -42, AssessmentWindowDays = -1, MissedAssessments = 0 };
        var problems = options.Validate();
        ProblemAssert.Options(problems, "assessment-interval-days", "assessment-window-days", "missed-assessments");
        ProblemAssert.HasText(Assert.Throws<ArgumentOutOfRangeException>(options.EnsureValid), problems);
    }

    [Fact]
    public void Every_derivation_throws_the_same_text()
    {
        var options = new EndpointOptions { MissedAssessments = 0 };
        var problems = options.Validate();
        var subject = Subject("S-1", Cutoff);
        ProblemAssert.HasText(Assert.Throws<ArgumentOutOfRangeException>(() => TimeToEventEndpoints.DerivePfs(subject, options)), problems);
        ProblemAssert.HasText(Assert.Throws<ArgumentOutOfRangeException>(() => TimeToEventEndpoints.DeriveOs(subject, options)), problems);
        ProblemAssert.HasText(Assert.Throws<ArgumentOutOfRangeException>(() => TimeToEventEndpoints.DeriveDor(subject, options)), problems);
        ProblemAssert.HasText(Assert.Throws<ArgumentOutOfRangeException>(() => TimeToEventEndpoints.DeriveTimeToResponse(subject, options)), problems);
    }
}
