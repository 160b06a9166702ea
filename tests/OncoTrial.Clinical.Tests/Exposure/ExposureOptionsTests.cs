using OncoTrial.Clinical.Exposure;
using static OncoTrial.Clinical.Tests.Exposure.ExposureVectors;

namespace OncoTrial.Clinical.Tests.Exposure;

public sealed class ExposureOptionsTests
{
    [Fact]
    public void The_seed_options_have_no_problem()
    {
        ProblemAssert.Valid(ExposureOptions.Default.Validate());
        ProblemAssert.Valid(new ExposureOptions { ReductionTolerance = 0, DelayToleranceDays = 0, MinInductionCycles = 1, MaxInductionCycles = 1, StartingDoses = new Dictionary<string, double> { ["ANLOTINIB"] = 12 } }.Validate());
    }

    public static TheoryData<ExposureOptions, string, string, string> BadValues() => new()
    {
        { new ExposureOptions { CycleLengthDays = 0 }, "cycle-days", "OPTION_RANGE", "0" },
        { new ExposureOptions { DaysPerMonth = double.NaN }, "days-per-month", "OPTION_RANGE", "NaN" },
        { new ExposureOptions { ReductionTolerance = 1 }, "reduction-tolerance", "OPTION_RANGE", "1" },
        { new ExposureOptions { DelayToleranceDays = -1 }, "delay-tolerance-days", "OPTION_RANGE", "-1" },
        { new ExposureOptions { MinInductionCycles = 0 }, "min-induction-cycles", "OPTION_RANGE", "0" },
        { new ExposureOptions { MinInductionCycles = 4, MaxInductionCycles = 3 }, "max-induction-cycles", "OPTION_CONFLICT", "3" },
        { new ExposureOptions { AdministrationsPerCycle = new Dictionary<string, int> { ["ANLOTINIB"] = 0 } }, "administrations", "OPTION_RANGE", "0 for ANLOTINIB" },
        { new ExposureOptions { StartingDoses = new Dictionary<string, double> { ["CISPLATIN"] = -75 } }, "starting-dose", "OPTION_RANGE", "-75 for CISPLATIN" },
        { new ExposureOptions { RdiCap = 0 }, "rdi-cap", "OPTION_RANGE", "0" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Each_bad_value_is_a_problem_with_its_option(ExposureOptions options, string option, string code, string found)
    {
        ProblemAssert.One(options.Validate(), option, code, found);
    }

    [Fact]
    public void Every_bad_value_is_reported_and_the_derivation_throws_the_same_text()
    {
        var options = new ExposureOptions { CycleLengthDays = -21, ReductionTolerance = -0.1, DelayToleranceDays = -3 };
        var problems = options.Validate();
        ProblemAssert.Options(problems, "cycle-days", "reduction-tolerance", "delay-tolerance-days");
        ProblemAssert.HasText(Assert.Throws<ArgumentOutOfRangeException>(options.EnsureValid), problems);
        ProblemAssert.HasText(Assert.Throws<ArgumentOutOfRangeException>(() => ExposureDerivation.DeriveDrugExposures(VectorA(), options)), problems);
    }
}
