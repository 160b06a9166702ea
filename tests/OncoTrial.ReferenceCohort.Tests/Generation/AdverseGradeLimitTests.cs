using OncoTrial.ReferenceCohort.Generation;

namespace OncoTrial.ReferenceCohort.Tests.Generation;

public class AdverseGradeLimitTests
{
    private static readonly PlannedAdverseEvent Neutropenia = new("Neutropenia", 3, true, false);

    private static readonly AdverseEpisode[] Episodes = [new(Neutropenia, 3, 10, 15, 1), new(Neutropenia with { Grade = 2 }, 2, 31, null, 2)];

    [Theory]
    [InlineData(-5, 0, null, false)]
    [InlineData(1, 0, null, false)]
    [InlineData(9, 2, null, false)]
    [InlineData(10, 3, 3, true)]
    [InlineData(15, 3, null, true)]
    [InlineData(16, 2, null, false)]
    [InlineData(31, 2, 2, true)]
    [InlineData(400, 2, null, true)]
    public void A_record_is_at_most_the_grade_of_the_AE_that_covers_it_and_exactly_it_on_the_onset_day(int day, int max, int? exact, bool covered)
    {
        var limit = AdverseGradeLimit.For("Neutrophil count decreased", day, Episodes);
        Assert.Equal((max, exact, covered), (limit.Max, limit.Exact, limit.IsCovered));
    }

    [Fact]
    public void Other_terms_are_not_limited_by_the_episode()
    {
        var limit = AdverseGradeLimit.For("White blood cell decreased", 10, Episodes);
        Assert.Equal((2, (int?)null, false), (limit.Max, limit.Exact, limit.IsCovered));
        Assert.True(limit.Allows(2));
        Assert.False(limit.Allows(3));
    }

    [Fact]
    public void The_grade_aimed_at_is_never_outside_the_limit()
    {
        var random = new Random(3);
        for (int day = -3; day < 60; day++)
        {
            var limit = AdverseGradeLimit.For("Neutrophil count decreased", day, Episodes);
            for (int i = 0; i < 20; i++)
            {
                Assert.True(limit.Allows(limit.Choose(random, wide: i % 2 == 0)));
            }
        }
    }
}
