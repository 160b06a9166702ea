using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;

namespace OncoTrial.ReferenceCohort;

/// <summary>What a published value is (published-values.json <c>kind</c>).</summary>
public enum PublishedKind
{
    /// <summary>A number of subjects (n, or n of <see cref="PublishedValue.Of"/>), often with a percentage.</summary>
    Count,

    /// <summary>A percentage (relative dose intensity), often with a range.</summary>
    Percent,

    /// <summary>A median (months or years), with a CI or a range; a null value is "not reached".</summary>
    Median,

    /// <summary>A mean with its range.</summary>
    Mean,

    /// <summary>A Kaplan-Meier rate at a landmark, in percent, with its CI.</summary>
    Rate,

    /// <summary>A p-value bound (<see cref="PublishedValue.Bound"/>, e.g. "&lt;0.0001").</summary>
    P,

    /// <summary>A design parameter or result of the statistical analysis plan.</summary>
    Design,

    /// <summary>A table of counts (Table 3): <see cref="PublishedValue.Columns"/> by <see cref="PublishedValue.Rows"/>.</summary>
    Table,
}

/// <summary>A number as the paper prints it: the value and the decimals it is printed with (its precision).</summary>
/// <param name="Value">The value; null for "not estimable" or "not reached".</param>
/// <param name="Decimals">The decimals printed (14.9: 1; 100: 0); 0 for null.</param>
public readonly record struct PublishedNumber(double? Value, int Decimals)
{
    /// <summary>Half a unit of the last printed digit: a computed value rounds to the published one when within it.</summary>
    public double HalfUnit => 0.5 * Math.Pow(10, -Decimals);

    /// <summary>"14.9", "NE" for null.</summary>
    public override string ToString() => Value is { } v ? v.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "NE";
}

/// <summary>One row of a published table: a term and its values, in the table's column order.</summary>
/// <param name="Term">The row label (an AE term).</param>
/// <param name="Values">One count per column.</param>
public sealed record PublishedTableRow(string Term, IReadOnlyList<int> Values);

/// <summary>One entry of published-values.json.</summary>
/// <param name="Id">The stable id (e.g. <c>pfs_median</c>).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Value">The value as printed (null: not estimable or not reached).</param>
/// <param name="Percent">The percentage printed beside a count, or null.</param>
/// <param name="Of">The denominator printed with a count (7 of 13), or null when it is the analysis set.</param>
/// <param name="Range">The range (minimum, maximum), or null.</param>
/// <param name="Ci">The 95% CI (lower, upper; a null bound is not estimable), or null.</param>
/// <param name="Unit">The unit (months, years), or null.</param>
/// <param name="Bound">The bound of a p-value (e.g. "&lt;0.0001"), or null.</param>
/// <param name="Method">The method named (Clopper-Pearson), or null.</param>
/// <param name="Where">Where the paper prints it.</param>
/// <param name="Columns">The ids of a table's columns, or null.</param>
/// <param name="Rows">A table's rows, or null.</param>
public sealed record PublishedValue(
    string Id,
    PublishedKind Kind,
    PublishedNumber Value,
    PublishedNumber? Percent,
    int? Of,
    (PublishedNumber Low, PublishedNumber High)? Range,
    (PublishedNumber Lower, PublishedNumber Upper)? Ci,
    string? Unit,
    string? Bound,
    string? Method,
    string Where,
    IReadOnlyList<string>? Columns,
    IReadOnlyList<PublishedTableRow>? Rows);

/// <summary>
/// Every number the seed paper reports (Li et al., Signal Transduct Target Ther 2024;9:303), from the
/// published-values.json embedded in this assembly: the targets of the reference cohort and the left column of
/// <c>oncotrial reproduce</c>. Each number keeps the precision it is printed with.
/// </summary>
public sealed class PublishedValues
{
    private const string ResourceName = "OncoTrial.ReferenceCohort.published-values.json";

    private static readonly Lazy<PublishedValues> Embedded = new(() =>
    {
        using var stream = typeof(PublishedValues).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the assembly.");
        using var doc = JsonDocument.Parse(stream);
        return Parse(doc.RootElement);
    });

    private readonly Dictionary<string, PublishedValue> _byId;

    private PublishedValues(string source, IReadOnlyList<string> notes, IReadOnlyList<PublishedValue> values, IReadOnlyList<string> inconsistencies)
    {
        Source = source;
        Notes = notes;
        Values = values;
        Inconsistencies = inconsistencies;
        _byId = values.ToDictionary(v => v.Id, StringComparer.Ordinal);
    }

    /// <summary>The paper's values as embedded in this assembly.</summary>
    public static PublishedValues Paper => Embedded.Value;

    /// <summary>The citation and cohort.</summary>
    public string Source { get; }

    /// <summary>How the file was made.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Every value, in the file's order.</summary>
    public IReadOnlyList<PublishedValue> Values { get; }

    /// <summary>Where the paper contradicts itself.</summary>
    public IReadOnlyList<string> Inconsistencies { get; }

    /// <summary>The value with that id.</summary>
    /// <exception cref="KeyNotFoundException">No value has the id.</exception>
    public PublishedValue this[string id] => _byId.TryGetValue(id, out var v) ? v : throw new KeyNotFoundException($"id: expected an id of published-values.json, found \"{id}\".");

    /// <summary>The value with that id, or null.</summary>
    public PublishedValue? Find(string id) => _byId.GetValueOrDefault(id);

    private static PublishedValues Parse(JsonElement root)
    {
        var values = root.GetProperty("values").EnumerateArray().Select(ParseValue).ToList();
        return new PublishedValues(
            root.GetProperty("source").GetString() ?? string.Empty,
            new ReadOnlyCollection<string>([.. root.GetProperty("notes").EnumerateArray().Select(n => n.GetString() ?? string.Empty)]),
            values.AsReadOnly(),
            new ReadOnlyCollection<string>([.. root.GetProperty("inconsistencies").EnumerateArray().Select(n => n.GetString() ?? string.Empty)]));
    }

    private static PublishedValue ParseValue(JsonElement e)
    {
        string? Text(string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        PublishedNumber? Number(string name) => e.TryGetProperty(name, out var p) ? ToNumber(p) : null;
        (PublishedNumber, PublishedNumber)? Pair(string name) =>
            e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array && p.GetArrayLength() == 2 ? (ToNumber(p[0]), ToNumber(p[1])) : null;

        string kindText = Text("kind") ?? throw new InvalidDataException("published-values.json: an entry without kind.");
        var kind = Enum.Parse<PublishedKind>(kindText, ignoreCase: true);
        IReadOnlyList<PublishedTableRow>? rows = e.TryGetProperty("rows", out var r)
            ? [.. r.EnumerateArray().Select(x => new PublishedTableRow(x.GetProperty("term").GetString() ?? string.Empty, [.. x.GetProperty("values").EnumerateArray().Select(v => v.GetInt32())]))]
            : null;
        IReadOnlyList<string>? columns = e.TryGetProperty("columns", out var c) ? [.. c.EnumerateArray().Select(x => x.GetString() ?? string.Empty)] : null;
        int? of = e.TryGetProperty("of", out var o) ? o.GetInt32() : null;
        return new PublishedValue(
            Text("id") ?? throw new InvalidDataException("published-values.json: an entry without id."),
            kind, Number("value") ?? new PublishedNumber(null, 0), Number("percent"), of, Pair("range"), Pair("ci"),
            Text("unit"), Text("bound"), Text("method"), Text("where") ?? string.Empty, columns, rows);
    }

    private static PublishedNumber ToNumber(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Number)
        {
            return new PublishedNumber(null, 0);
        }

        string raw = e.GetRawText();
        int dot = raw.IndexOf('.', StringComparison.Ordinal);
        return new PublishedNumber(e.GetDouble(), dot < 0 ? 0 : raw.Length - dot - 1);
    }
}
