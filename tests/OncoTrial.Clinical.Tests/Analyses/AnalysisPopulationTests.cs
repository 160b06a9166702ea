using OncoTrial.Clinical.Analyses;

namespace OncoTrial.Clinical.Tests.Analyses;

public class AnalysisPopulationTests
{
    [Fact]
    public void A_single_arm_set_has_one_column_named_by_its_arm()
    {
        var population = AnalysisPopulation.Create("Set", "all", ["B", "A"], _ => ("Arm X", "X"));
        var column = Assert.Single(population.Columns);
        Assert.Equal(("Arm X", "X", true), (column.Name, column.Code, column.IsTotal));
        Assert.Equal(["A", "B"], column.Subjects);
        Assert.False(population.IsMultiArm);
        Assert.Same(column, population.Total);
    }

    [Fact]
    public void A_set_without_arms_has_one_total_column()
    {
        var population = AnalysisPopulation.Create("Set", "all", ["A", "B"], _ => (string.Empty, string.Empty));
        Assert.Equal(AnalysisPopulation.TotalName, Assert.Single(population.Columns).Name);
    }

    [Fact]
    public void Arms_are_ordered_ignoring_case_with_subjects_without_an_arm_last_then_the_total()
    {
        var arms = new Dictionary<string, (string, string)> { ["A"] = ("placebo", "P"), ["B"] = ("Drug", "D"), ["C"] = (string.Empty, string.Empty), ["D"] = ("Drug", "D") };
        var population = AnalysisPopulation.Create("Set", "all", arms.Keys, id => arms[id]);
        Assert.Equal(["Drug", "placebo", AnalysisPopulation.NoArm, "Total"], population.Columns.Select(c => c.Name));
        Assert.Equal([2, 1, 1, 4], population.Columns.Select(c => c.N));
        Assert.Equal(3, population.Arms.Count);
        var counts = population.Count(id => id is "B" or "C");
        Assert.Equal([(1, 2), (0, 1), (1, 1), (2, 4)], counts.Select(f => (f.Count, f.Denominator)));
        var within = population.Count(id => id == "B", new HashSet<string> { "B", "A" });
        Assert.Equal([(1, 1), (0, 1), (0, 0), (1, 2)], within.Select(f => (f.Count, f.Denominator)));
        Assert.Equal("Set (all), N = 4", population.Describe());
    }
}
