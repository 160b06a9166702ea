using OncoTrial.Clinical.Protocol;

namespace OncoTrial.Clinical.Tests.Protocol;

public class EligibilityTests
{
    private static readonly HashSet<string> None = [];

    private static ScreeningRecord Eligible(string id) => new(id, 64, "ESCC", true, "METASTATIC", false, null, true, 1, 12, None);

    [Fact]
    public void A_typical_enrolled_patient_meets_every_key_criterion()
    {
        var r = EligibilityCriteria.Seed.Check(Eligible("S1"));
        Assert.True(r.IsEligible);
        Assert.True(r.IsComplete);
        Assert.Equal(21, r.Outcomes.Count);
    }

    [Theory]
    [InlineData(17, false)]
    [InlineData(18, true)]
    [InlineData(75, true)]
    [InlineData(76, false)]
    public void Age_18_to_75_is_inclusive(int age, bool eligible)
    {
        Assert.Equal(eligible, EligibilityCriteria.Seed.Check(Eligible("S1") with { Age = age }).IsEligible);
    }

    [Theory]
    [InlineData(6.0, false)]
    [InlineData(6.5, true)]
    public void Recurrence_after_prior_therapy_must_be_more_than_six_months_later(double months, bool eligible)
    {
        var s = Eligible("S1") with { PriorSystemicTherapy = true, MonthsFromPriorTherapyToRecurrence = months };
        Assert.Equal(eligible, EligibilityCriteria.Seed.Check(s).IsEligible);
    }

    [Fact]
    public void Each_failure_names_its_criterion_text_and_the_value_found()
    {
        var s = Eligible("S1") with { Ecog = 2, Conditions = new HashSet<string> { "ESOPHAGEAL_STENT" } };
        var failures = EligibilityCriteria.Seed.Check(s).Failures;
        Assert.Equal(["IN07", "EX01"], failures.Select(f => f.Criterion.Id));
        Assert.Equal("ECOG performance status 0-1", failures[0].Criterion.Text);
        Assert.Equal("ecog = 2", failures[0].Found);
        Assert.Equal(CriterionKind.Exclusion, failures[1].Criterion.Kind);
    }

    [Fact]
    public void Missing_data_is_not_assessable_rather_than_a_failure()
    {
        var r = EligibilityCriteria.Seed.Check(new ScreeningRecord("S1", Age: 50, Ecog: 0));
        Assert.True(r.IsEligible);
        Assert.False(r.IsComplete);
        Assert.Equal(EligibilityStatus.Met, r.Outcomes[0].Status);
        Assert.Equal(EligibilityStatus.NotAssessable, r.Outcomes[1].Status);
    }

    [Fact]
    public void Failure_counts_give_the_excluded_boxes_of_figure_1()
    {
        var results = new[]
        {
            Eligible("S1"),
            Eligible("S2") with { Age = 80 },
            Eligible("S3") with { Age = 79, Ecog = 2 },
            Eligible("S4") with { Histology = "ADENOCARCINOMA" },
        }.Select(EligibilityCriteria.Seed.Check).ToList();
        var counts = EligibilityCriteria.CountFailures(results);
        Assert.Equal([("IN01", 2), ("IN02", 1), ("IN07", 1)], counts.Select(c => (c.Criterion.Id, c.Subjects)));
        Assert.Equal(3, results.Count(r => !r.IsEligible));
    }

    [Fact]
    public void A_rule_on_an_unknown_field_is_reported_with_its_path()
    {
        const string json = """{ "id": "E", "version": "1", "criteria": [ { "id": "I1", "kind": "inclusion", "text": "t", "rule": { "field": "weight", "min": 40 } } ] }""";
        var ex = Assert.Throws<ProtocolFormatException>(() => EligibilityCriteria.Parse(json, "e.json"));
        Assert.StartsWith("e.json, $.criteria[0].rule.field: expected one of age, histology", ex.Problems.Single().ToString(), StringComparison.Ordinal);
    }
}
