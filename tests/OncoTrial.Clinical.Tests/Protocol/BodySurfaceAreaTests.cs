using OncoTrial.Clinical.Protocol;

namespace OncoTrial.Clinical.Tests.Protocol;

public class BodySurfaceAreaTests
{
    // docs/reference/dosing-and-rdi.md §3.2: double-precision reference values (admiral's tests agree at 3 dp for 170/75 and 185/90).
    [Theory]
    [InlineData(170, 70, BsaFormula.Mosteller, 1.818119)]
    [InlineData(170, 70, BsaFormula.DuBois, 1.809708)]
    [InlineData(170, 70, BsaFormula.Haycock, 1.825677)]
    [InlineData(170, 70, BsaFormula.GehanGeorge, 1.831289)]
    [InlineData(170, 75, BsaFormula.Mosteller, 1.881932)]
    [InlineData(170, 75, BsaFormula.DuBois, 1.863558)]
    [InlineData(170, 75, BsaFormula.Haycock, 1.894690)]
    [InlineData(170, 75, BsaFormula.GehanGeorge, 1.897470)]
    [InlineData(185, 90, BsaFormula.Mosteller, 2.150581)]
    [InlineData(185, 90, BsaFormula.DuBois, 2.141011)]
    [InlineData(185, 90, BsaFormula.Haycock, 2.161120)]
    [InlineData(185, 90, BsaFormula.GehanGeorge, 2.159893)]
    [InlineData(160, 50, BsaFormula.Mosteller, 1.490712)]
    [InlineData(160, 50, BsaFormula.DuBois, 1.501121)]
    [InlineData(160, 50, BsaFormula.Haycock, 1.487303)]
    [InlineData(160, 50, BsaFormula.GehanGeorge, 1.501213)]
    [InlineData(150, 40, BsaFormula.Mosteller, 1.290994)]
    [InlineData(150, 40, BsaFormula.DuBois, 1.302891)]
    [InlineData(150, 40, BsaFormula.Haycock, 1.285792)]
    [InlineData(150, 40, BsaFormula.GehanGeorge, 1.302373)]
    [InlineData(180, 100, BsaFormula.Mosteller, 2.236068)]
    [InlineData(180, 100, BsaFormula.DuBois, 2.195022)]
    [InlineData(180, 100, BsaFormula.Haycock, 2.262405)]
    [InlineData(180, 100, BsaFormula.GehanGeorge, 2.253981)]
    [InlineData(165, 60, BsaFormula.Mosteller, 1.658312)]
    [InlineData(165, 60, BsaFormula.DuBois, 1.658657)]
    [InlineData(165, 60, BsaFormula.Haycock, 1.660660)]
    [InlineData(165, 60, BsaFormula.GehanGeorge, 1.670443)]
    public void Each_formula_matches_the_reference_table_to_six_decimals(double height, double weight, BsaFormula formula, double expected)
    {
        Assert.Equal(expected, BodySurfaceArea.Compute(height, weight, formula), 6);
    }

    [Theory]
    // Boyd is not in the table of docs/reference/dosing-and-rdi.md §3.2: values computed independently (Python, double precision) from the same formula;
    // 170 cm / 75 kg rounds to admiral's 1.905.
    [InlineData(170, 70, 1.834670)]
    [InlineData(170, 75, 1.905069)]
    [InlineData(185, 90, 2.157641)]
    [InlineData(160, 50, 1.497699)]
    public void Boyd_uses_weight_in_grams_with_the_log_exponent(double height, double weight, double expected)
    {
        Assert.Equal(expected, BodySurfaceArea.Compute(height, weight, BsaFormula.Boyd), 6);
    }

    [Fact]
    public void Mosteller_is_the_default()
    {
        Assert.Equal(Math.Sqrt(170.0 * 70 / 3600), BodySurfaceArea.Compute(170, 70));
    }

    [Theory]
    [InlineData(0, 70)]
    [InlineData(1.7, 0)]
    [InlineData(double.NaN, 70)]
    [InlineData(170, -1)]
    [InlineData(400, 70)]
    public void Heights_and_weights_outside_the_physical_range_are_refused(double height, double weight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BodySurfaceArea.Compute(height, weight));
    }
}
