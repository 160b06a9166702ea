using OncoTrial.Reporting.Contracts;
using OncoTrial.Reporting.Json;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Tests.Json;

public class ResultJsonTests
{
    [Fact]
    public void Keys_are_snake_case_enum_values_are_command_line_tokens_and_NaN_is_null()
    {
        var json = ResultJson.Serialize(new ProportionJson(36, 50, 0.72, double.NaN, 0.84, BinomialCiMethod.WilsonCorrected, 0.95, new BinomialTestJson(0.3, BinomialAlternative.TwoSided, 1e-9)));
        Assert.Equal(
            """
            {
              "x": 36,
              "n": 50,
              "estimate": 0.72,
              "lower": null,
              "upper": 0.84,
              "method": "wilson-cc",
              "conf_level": 0.95,
              "test": {
                "p0": 0.3,
                "alternative": "two-sided",
                "p": 1E-09
              }
            }
            """.ReplaceLineEndings("\n"),
            json);
    }

    [Fact]
    public void An_optional_part_that_is_absent_is_left_out()
    {
        var json = ResultJson.Serialize(new ProportionJson(1, 2, 0.5, 0.1, 0.9, BinomialCiMethod.ClopperPearson, 0.95, null));
        Assert.DoesNotContain("test", json, StringComparison.Ordinal);
        Assert.Contains("\"method\": \"clopper-pearson\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contract_reads_back_with_the_same_values()
    {
        var original = new ProportionJson(7, 20, 0.35, 0.15, 0.59, BinomialCiMethod.Jeffreys, 0.9, null);
        Assert.Equal(original, ResultJson.Deserialize<ProportionJson>(ResultJson.Serialize(original)));
    }

    [Fact]
    public void A_type_that_is_not_a_contract_is_a_programming_error() =>
        Assert.Throws<InvalidOperationException>(() => ResultJson.Serialize(new Uri("https://example.org")));

    [Fact]
    public void Text_is_not_escaped_beyond_what_JSON_needs() =>
        Assert.Contains("\"message\": \"≥ 5 \\\"mm\\\"\"", ResultJson.Serialize(new ProblemJson(null, null, null, null, null, null, "C", null, ProblemSeverity.Note, "e", "f", string.Empty, "≥ 5 \"mm\"")), StringComparison.Ordinal);
}
