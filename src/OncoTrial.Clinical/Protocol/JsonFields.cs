using System.Globalization;
using System.Text.Json;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Protocol;

/// <summary>
/// Reads typed fields from a JSON document and collects every problem with its JSON path
/// (e.g. <c>$.drugs[1].dose.amount</c>), so that a rules file is checked in one pass.
/// </summary>
internal sealed class JsonFields(string source)
{
    /// <summary>A property the schema requires is absent.</summary>
    public const string Missing = "PROTOCOL_FIELD_MISSING";

    /// <summary>A value of the wrong JSON type (a string where a number belongs, …).</summary>
    public const string WrongType = "PROTOCOL_FIELD_TYPE";

    /// <summary>A value outside its range or not among the allowed values.</summary>
    public const string OutOfRange = "PROTOCOL_FIELD_RANGE";

    /// <summary>A rule across fields (ids used once, ascending days, drugs that exist, …).</summary>
    public const string Rule = "PROTOCOL_RULE";

    private readonly List<Problem> _problems = [];

    public IReadOnlyList<Problem> Problems => _problems;

    /// <summary>A problem in the file at a JSON path (<c>$.drugs[0].dose</c>): "SOURCE, PATH: expected X, found Y. FIX".</summary>
    public static Problem At(string source, string path, string code, string expected, string found, string fix) =>
        Problem.InFile(source, code, expected, found, fix) with { Place = path };

    public void Add(string path, string expected, string found, string fix, string code = Rule) =>
        _problems.Add(At(source, path, code, expected, found, fix));

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "\"" + e.GetString() + "\"",
        JsonValueKind.Undefined => "nothing",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => e.GetRawText(),
    };

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public string? String(JsonElement obj, string path, string name, bool required = true)
    {
        if (!TryGet(obj, name, out var v))
        {
            if (required)
            {
                Add($"{path}.{name}", "a string", "no such property", $"Add \"{name}\".", Missing);
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            Add($"{path}.{name}", "a non-empty string", Describe(v), "Write the value in double quotes.", WrongType);
            return null;
        }

        return v.GetString();
    }

    public double? Number(JsonElement obj, string path, string name, bool required, double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool minExclusive = false)
    {
        if (!TryGet(obj, name, out var v))
        {
            if (required)
            {
                Add($"{path}.{name}", "a number", "no such property", $"Add \"{name}\".", Missing);
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d))
        {
            Add($"{path}.{name}", "a number", Describe(v), "Write a JSON number without quotes.", WrongType);
            return null;
        }

        if (d < min || d > max || (minExclusive && d <= min))
        {
            string range = (minExclusive ? "> " : ">= ") + min.ToString(CultureInfo.InvariantCulture)
                + (double.IsPositiveInfinity(max) ? string.Empty : " and <= " + max.ToString(CultureInfo.InvariantCulture));
            Add($"{path}.{name}", "a number " + range, v.GetRawText(), "Correct the value.", OutOfRange);
            return null;
        }

        return d;
    }

    public int? Integer(JsonElement obj, string path, string name, bool required, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!TryGet(obj, name, out var v))
        {
            if (required)
            {
                Add($"{path}.{name}", "an integer", "no such property", $"Add \"{name}\".", Missing);
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int i) || i < min || i > max)
        {
            string range = max == int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $">= {min}")
                : string.Create(CultureInfo.InvariantCulture, $"from {min} to {max}");
            Add($"{path}.{name}", "an integer " + range, Describe(v), "Correct the value.", v.ValueKind == JsonValueKind.Number ? OutOfRange : WrongType);
            return null;
        }

        return i;
    }

    public bool? Boolean(JsonElement obj, string path, string name, bool required)
    {
        if (!TryGet(obj, name, out var v))
        {
            if (required)
            {
                Add($"{path}.{name}", "true or false", "no such property", $"Add \"{name}\".", Missing);
            }

            return null;
        }

        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Add($"{path}.{name}", "true or false", Describe(v), "Write true or false without quotes.", WrongType);
            return null;
        }

        return v.GetBoolean();
    }

    public T? Enum<T>(JsonElement obj, string path, string name, IReadOnlyDictionary<string, T> names, bool required = true)
        where T : struct
    {
        string? s = String(obj, path, name, required);
        if (s is null)
        {
            return null;
        }

        if (names.TryGetValue(s, out T value))
        {
            return value;
        }

        Add($"{path}.{name}", "one of " + string.Join(", ", names.Keys.Select(k => "\"" + k + "\"")), "\"" + s + "\"", "Use one of the listed values.", OutOfRange);
        return null;
    }

    public IReadOnlyList<JsonElement> Array(JsonElement obj, string path, string name, bool required = true)
    {
        if (!TryGet(obj, name, out var v))
        {
            if (required)
            {
                Add($"{path}.{name}", "an array", "no such property", $"Add \"{name}\": [ ... ].", Missing);
            }

            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Add($"{path}.{name}", "an array", Describe(v), "Write the values in [ ].", WrongType);
            return [];
        }

        return [.. v.EnumerateArray()];
    }
}
