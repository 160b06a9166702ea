using OncoTrial.ReferenceCohort.Planning;

namespace OncoTrial.ReferenceCohort.Tests.Planning;

/// <summary>The plan of the test seed and its figures, computed once for the test run.</summary>
internal static class ReferencePlan
{
    /// <summary>The seed the planning tests use.</summary>
    public const int Seed = 1;

    private static readonly Lazy<CohortOutcomePlan> LazyPlan = new(() => OutcomePlanner.Plan(Seed));
    private static readonly Lazy<PlanFigures> LazyFigures = new(() => PlanFigures.Compute(LazyPlan.Value));

    public static CohortOutcomePlan Plan => LazyPlan.Value;

    public static PlanFigures Figures => LazyFigures.Value;

    public static IReadOnlyList<PlannedSubject> Subjects => Plan.Subjects;

    /// <summary>The published count of an id.</summary>
    public static int Count(string id) => (int)PublishedValues.Paper[id].Value.Value!.Value;

    /// <summary>The published denominator of an id.</summary>
    public static int Of(string id) => PublishedValues.Paper[id].Of!.Value;
}
