using System.Text.Json;

namespace OncoTrial.TestSupport;

/// <summary>
/// The JSON fixtures that the R scripts in tests/oracle/ write (tests never run R themselves), read as
/// <see cref="JsonElement"/>s, and the relative comparison the R-oracle tests use.
/// </summary>
public static class OracleFixtures
{
    /// <summary>The relative tolerance against R: 1e-10.</summary>
    public const double RelativeTolerance = 1e-10;

    /// <summary>tests/oracle/fixtures/NAME.json.</summary>
    public static string PathOf(string name) => RepositoryPaths.File("tests", "oracle", "fixtures", name + ".json");

    /// <summary>The root element of tests/oracle/fixtures/NAME.json.</summary>
    public static JsonElement Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PathOf(name)));
        return doc.RootElement.Clone();
    }

    /// <summary>Numbers of a JSON array, null (R NA) as NaN.</summary>
    public static double[] Doubles(JsonElement e) =>
        [.. e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? double.NaN : x.GetDouble())];

    /// <summary>Whole numbers of a JSON array.</summary>
    public static int[] Ints(JsonElement e) => [.. e.EnumerateArray().Select(x => (int)Math.Round(x.GetDouble()))];

    /// <summary>Strings of a JSON array (other values as their JSON text).</summary>
    public static string[] Strings(JsonElement e) => [.. e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText())];

    /// <summary>null (R NA) as a .NET null, otherwise the number.</summary>
    public static double? NullableDouble(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    /// <summary>
    /// Asserts |actual − expected| ≤ tolerance·|expected| + 1e-14 (relative, with a floor for values R prints as
    /// exact zeros); both null (NE/NA) also passes.
    /// </summary>
    public static void AssertClose(double? expected, double? actual, string what, double tolerance = RelativeTolerance)
    {
        if (expected is null || double.IsNaN(expected.Value))
        {
            Assert.True(actual is null || double.IsNaN(actual.Value), $"{what}: expected NE/NA, found {actual}");
            return;
        }

        Assert.True(actual is not null && !double.IsNaN(actual.Value), $"{what}: expected {expected}, found NE/NA");
        Assert.True(
            Math.Abs(actual!.Value - expected.Value) <= (tolerance * Math.Abs(expected.Value)) + 1e-14,
            $"{what}: expected {expected.Value:R}, found {actual.Value:R} (difference {Math.Abs(actual.Value - expected.Value):E2})");
    }
}
