using OncoTrial.Clinical.Recist;
using OncoTrial.ReferenceCohort.Generation;

namespace OncoTrial.ReferenceCohort.Tests.Generation;

public class TumourBuilderTests
{
    private static readonly DateOnly FirstDose = new(2022, 3, 1);

    public static TheoryData<string, string, string?, int> Courses() => new()
    {
        { "a confirmed PR that deepens to a confirmed CR", "PR PR CR CR", null, 1 },
        { "a confirmed PR that progresses by target growth in one organ", "PR PR PR PD", nameof(ProgressionKind.TargetGrowth), 1 },
        { "a confirmed PR that progresses with new lesions in two organs", "PR PR PD", nameof(ProgressionKind.NewLesion), 2 },
        { "a confirmed PR with systemic progression (three sites)", "PR PR PR PR PD", nameof(ProgressionKind.NonTargetProgression), 3 },
        { "stable disease with shrinkage", "SD SD SD", null, 1 },
        { "an unconfirmed PR followed by SD", "SD PR SD SD", null, 1 },
        { "PD at the first scan by a new lesion while the targets shrink", "PD", nameof(ProgressionKind.NewLesion), 1 },
        { "not evaluable scans with measured shrinkage", "NE NE", null, 1 },
        { "a CR that progresses with a new lesion", "PR CR CR PD", nameof(ProgressionKind.NewLesion), 1 },
        { "SD then a target PD in two organs", "SD SD PD", nameof(ProgressionKind.TargetGrowth), 2 },
    };

    [Theory]
    [MemberData(nameof(Courses))]
    public void The_lesions_give_exactly_the_planned_time_point_responses(string name, string responses, string? progression, int sites)
    {
        Assert.NotEmpty(name);
        var scans = responses.Split(' ').Select((r, i) => new ScanIntent(43 + (42 * i), OverallResponseCodes.TryParse(r, out var o) ? o : throw new ArgumentException(r))).ToList();
        var plan = new TumourPlan("S-1", FirstDose, ["LYMPH NODE", "LUNG", "LIVER"], true, -7, scans, progression is null ? null : Enum.Parse<ProgressionKind>(progression), sites);
        for (int seed = 1; seed <= 20; seed++)
        {
            var course = TumourBuilder.Build(plan, new Random(seed));
            var derived = RecistDerivation.DeriveTimePointResponses(course.Assessments);
            Assert.Equal(scans.Select(s => s.Response), derived.Select(d => d.Overall));
            Assert.All(course.Assessments.Where(a => a.IsBaseline && a.Role == LesionRole.Target), a => Assert.True(a.DiameterMm >= (a.IsLymphNode ? 15 : 10)));
            if (responses.Contains("PD", StringComparison.Ordinal))
            {
                Assert.Equal(sites, derived.First(d => d.Overall == OverallResponse.ProgressiveDisease).ProgressingSites.Count);
            }

            if (responses is "SD SD SD" or "NE NE" or "PD")
            {
                Assert.Contains(derived, d => d.PercentChangeFromBaseline < 0);
            }
        }
    }
}
