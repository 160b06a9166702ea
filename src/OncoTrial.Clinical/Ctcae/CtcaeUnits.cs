namespace OncoTrial.Clinical.Ctcae;

/// <summary>
/// Unit synonyms and conversions per quantity of the criteria file. A value is converted to the unit of the criteria
/// rows (never the thresholds: CTCAE's own rounded cut-offs are kept, e.g. haemoglobin in mmol/L has its own rows).
/// </summary>
internal static class CtcaeUnits
{
    private static readonly Dictionary<string, Dictionary<string, (string Key, decimal Factor)>> Table = new(StringComparer.Ordinal)
    {
        ["cell-count"] = Units(
            ("10^9/L", 1m), ("GI/L", 1m), ("G/L", 1m), ("10^3/UL", 1m), ("K/UL", 1m), ("10^3/MM3", 1m), ("K/MM3", 1m),
            ("/NL", 1m), ("THOU/UL", 1m), ("/UL", 0.001m), ("/MM3", 0.001m), ("CELLS/UL", 0.001m), ("CELLS/MM3", 0.001m), ("10^6/L", 0.001m)),
        ["haemoglobin"] = new(StringComparer.Ordinal)
        {
            ["G/L"] = ("G/L", 1m),
            ["G/DL"] = ("G/L", 10m),
            ["MMOL/L"] = ("MMOL/L", 1m),
        },
        ["bilirubin"] = To("UMOL/L", ("UMOL/L", 1m), ("MG/DL", 17.1m), ("MG/L", 1.71m)),
        ["creatinine"] = To("UMOL/L", ("UMOL/L", 1m), ("MG/DL", 88.4m), ("MMOL/L", 1000m)),
        ["enzyme"] = To("U/L", ("U/L", 1m), ("IU/L", 1m), ("UKAT/L", 60m)),
        ["blood-pressure"] = To("MMHG", ("MMHG", 1m), ("KPA", 7.50062m)),
        ["weight"] = To("KG", ("KG", 1m), ("LB", 0.45359237m), ("G", 0.001m)),
    };

    /// <summary>Upper case, no blanks, µ as U, the usual spellings of powers of ten.</summary>
    public static string Normalise(string unit) => unit.Trim()
        .Replace("µ", "U", StringComparison.Ordinal).Replace("μ", "U", StringComparison.Ordinal).ToUpperInvariant()
        .Replace(" ", string.Empty, StringComparison.Ordinal)
        .Replace("MCL", "UL", StringComparison.Ordinal).Replace("X10", "10", StringComparison.Ordinal)
        .Replace("10E", "10^", StringComparison.Ordinal).Replace("10*", "10^", StringComparison.Ordinal)
        .Replace("CUMM", "MM3", StringComparison.Ordinal).Replace("MM^3", "MM3", StringComparison.Ordinal);

    /// <summary>The unit family key of a unit of a quantity, and the factor that converts a value into it.</summary>
    public static bool TryConvert(string quantity, string unit, out string key, out decimal factor)
    {
        key = string.Empty;
        factor = 0m;
        if (!Table.TryGetValue(quantity, out var units) || !units.TryGetValue(Normalise(unit), out var entry))
        {
            return false;
        }

        (key, factor) = entry;
        return true;
    }

    private static Dictionary<string, (string, decimal)> Units(params (string Unit, decimal Factor)[] units) =>
        units.ToDictionary(u => u.Unit, u => (units[0].Unit, u.Factor), StringComparer.Ordinal);

    private static Dictionary<string, (string, decimal)> To(string key, params (string Unit, decimal Factor)[] units) =>
        units.ToDictionary(u => u.Unit, u => (key, u.Factor), StringComparer.Ordinal);
}
