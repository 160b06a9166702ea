using OncoTrial.Clinical.Ctcae;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Tests.Ctcae;

public class CtcaeCriteriaTests
{
    [Fact]
    public void The_criteria_file_is_one_version_and_every_row_has_source_text()
    {
        var c = CtcaeCriteria.V5;
        Assert.Equal("5.0", c.Version);
        Assert.All(c.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.SourceText)));
        Assert.All(c.Rows.Where(r => r.Measure != CriterionMeasure.Clinical), r => Assert.NotNull(r.Factor));
    }

    [Theory]
    [InlineData("White blood cell decreased")]
    [InlineData("Neutrophil count decreased")]
    [InlineData("Lymphocyte count decreased")]
    [InlineData("Lymphocyte count increased")]
    [InlineData("Platelet count decreased")]
    [InlineData("Anemia")]
    [InlineData("Alanine aminotransferase increased")]
    [InlineData("Aspartate aminotransferase increased")]
    [InlineData("Blood bilirubin increased")]
    [InlineData("Creatinine increased")]
    [InlineData("Hypertension")]
    [InlineData("Weight loss")]
    public void The_terms_of_the_paper_have_criteria(string term) => Assert.NotEmpty(CtcaeCriteria.V5.For(term));

    [Fact]
    public void Criteria_grades_stay_within_the_grades_the_validator_allows()
    {
        foreach (var r in CtcaeCriteria.V5.Rows)
        {
            if (CtcaeGradeTable.V5.Find(r.Term) is { } allowed)
            {
                Assert.InRange(r.Grade.Value, allowed.Min, allowed.Max);
            }
        }
    }

    [Fact]
    public void Reported_AE_synonyms_map_to_the_CTCAE_term()
    {
        Assert.Equal("Neutrophil count decreased", CtcaeCriteria.V5.TermForAe("neutropenia"));
        Assert.Equal("White blood cell decreased", CtcaeCriteria.V5.TermForAe("Leukopenia"));
        Assert.Null(CtcaeCriteria.V5.TermForAe("Alopecia"));
    }

    [Fact]
    public void A_grade_is_0_to_5_and_reads_only_whole_numbers()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CtcaeGrade.Create(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => CtcaeGrade.Create(-1));
        Assert.True(CtcaeGrade.TryParse(" 3 ", out var g));
        Assert.Equal(3, g.Value);
        Assert.False(CtcaeGrade.TryParse("", out _));
        Assert.False(CtcaeGrade.TryParse("2.5", out _));
        Assert.True(CtcaeGrade.Create(4) > CtcaeGrade.Create(2));
    }

    [Fact]
    public void Options_describe_themselves()
    {
        string d = CtcaeOptions.Default.Describe();
        Assert.Contains("admiral-not-gradable", d, StringComparison.Ordinal);
        Assert.Contains("admiral-literal", d, StringComparison.Ordinal);
    }
}
