using System.Text.Json;

namespace OncoTrial.Statistics.Tests.Oracle;

/// <summary>
/// Reads the JSON fixtures that the R scripts in tests/oracle/ write (tests never run R themselves),
/// and compares numbers to R with a relative tolerance.
/// </summary>
internal static class OracleFixture
{
    /// <summary>The relative tolerance against R required by the issue: 1e-10.</summary>
    public const double RelativeTolerance = 1e-10;

    public static string RepositoryRoot { get; } = FindRoot();

    public static JsonElement Load(string name)
    {
        string path = Path.Combine(RepositoryRoot, "tests", "oracle", "fixtures", name + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    public static double[] Doubles(JsonElement e) =>
        e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? double.NaN : x.GetDouble()).ToArray();

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => (int)Math.Round(x.GetDouble())).ToArray();

    public static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToArray();

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

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OncoTrial.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Could not find OncoTrial.slnx above the test output folder.");
    }
}
