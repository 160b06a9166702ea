using OncoTrial.Clinical.Pipeline;
using OncoTrial.ReferenceCohort.Generation;
using OncoTrial.ReferenceCohort.Planning;

namespace OncoTrial.ReferenceCohort.Tests;

/// <summary>
/// The reference cohort as the tests need it, made once per test run: the plan and generated cohort of the default seed
/// (tens of seconds), and the built-in cohort shipped in the assembly with its analysis under the paper's options.
/// </summary>
internal static class GeneratedCohortFixture
{
    private static readonly Lazy<(CohortOutcomePlan Plan, GeneratedCohort Cohort, SyntheticCohort Synthetic)> Fresh = new(() =>
    {
        var plan = OutcomePlanner.Plan(SyntheticCohort.DefaultSeed);
        var cohort = CohortGenerator.Generate(plan);
        return (plan, cohort, SyntheticCohort.From(cohort));
    });

    private static readonly Lazy<StudyAnalysis> BuiltInAnalysis = new(() => StudyAnalysis.Create(SyntheticCohort.BuiltIn.ToFileSource(), PaperReproduction.Options));

    /// <summary>The plan of the default seed.</summary>
    public static CohortOutcomePlan Plan => Fresh.Value.Plan;

    /// <summary>The generated cohort (courses, adverse events) of the default seed.</summary>
    public static GeneratedCohort Cohort => Fresh.Value.Cohort;

    /// <summary>The default seed's cohort, generated now.</summary>
    public static SyntheticCohort Regenerated => Fresh.Value.Synthetic;

    /// <summary>The built-in cohort's analysis under <see cref="PaperReproduction.Options"/>.</summary>
    public static StudyAnalysis Analysis => BuiltInAnalysis.Value;
}
