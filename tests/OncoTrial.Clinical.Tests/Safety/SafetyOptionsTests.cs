using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;

namespace OncoTrial.Clinical.Tests.Safety;

public sealed class SafetyOptionsTests
{
    private static string Folder => Path.Combine(StudyFolders.RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Safety", "studies", "ae-small");

    [Fact]
    public void The_default_and_edge_options_have_no_problem()
    {
        ProblemAssert.Valid(SafetyOptions.Default.Validate());
        ProblemAssert.Valid((SafetyOptions.Default with { FrequencyThresholdPercent = 0, TreatmentEmergentWindowDays = 0, PercentDecimals = 4, Groups = [] }).Validate());
        ProblemAssert.Valid((SafetyOptions.Default with { FrequencyThresholdPercent = 100 }).Validate());
    }

    public static TheoryData<SafetyOptions, string, string> BadValues() => new()
    {
        { SafetyOptions.Default with { FrequencyThresholdPercent = 120m }, "threshold", "120" },
        { SafetyOptions.Default with { FrequencyThresholdPercent = -0.5m }, "threshold", "-0.5" },
        { SafetyOptions.Default with { TreatmentEmergentWindowDays = -1 }, "teae-window-days", "-1" },
        { SafetyOptions.Default with { PercentDecimals = 5 }, "percent-decimals", "5" },
        { SafetyOptions.Default with { PercentDecimals = -1 }, "percent-decimals", "-1" },
        { SafetyOptions.Default with { WorseningRule = (TeaeWorseningRule)9 }, "worsening-rule", "9" },
        { SafetyOptions.Default with { MissingCausality = (MissingCausalityRule)9 }, "missing-causality", "9" },
        { SafetyOptions.Default with { Groups = [new AeGroup("Bleeding events", [])] }, "groups", "group 1 without one" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Each_bad_value_is_a_range_problem_with_its_option(SafetyOptions options, string option, string found)
    {
        ProblemAssert.One(options.Validate(), option, "OPTION_RANGE", found);
    }

    [Fact]
    public void The_threshold_problem_reads_as_the_command_line_printed_it()
    {
        Assert.Equal(
            "--threshold: expected a percentage from 0 to 100, found 120.",
            Assert.Single((SafetyOptions.Default with { FrequencyThresholdPercent = 120 }).Validate()).ToString());
    }

    [Fact]
    public void Every_bad_value_is_reported_and_the_summary_throws_the_same_text()
    {
        var options = SafetyOptions.Default with { FrequencyThresholdPercent = 101, TreatmentEmergentWindowDays = -30, PercentDecimals = 9 };
        var problems = options.Validate();
        ProblemAssert.Options(problems, "threshold", "teae-window-days", "percent-decimals");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AeSummary.Compute(StudyFolder.Load(Folder), options));
        ProblemAssert.HasText(e, problems);
    }
}
