namespace OncoTrial.Statistics;

/// <summary>
/// A categorical variable: its distinct levels in ordinal (byte-wise, culture-free) string order and one
/// integer code per observation. The first level is the reference unless another is named.
/// Equivalent to R <c>factor()</c> with <c>sort(method = "radix")</c> level order.
/// </summary>
public sealed class Factor
{
    private readonly int[] _codes;

    private Factor(IReadOnlyList<string> levels, int[] codes)
    {
        Levels = levels;
        _codes = codes;
    }

    /// <summary>The distinct levels; <c>Levels[0]</c> is the reference level.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>One code per observation, an index into <see cref="Levels"/>.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The reference level (the first).</summary>
    public string Reference => Levels[0];

    /// <summary>Builds a factor from values; with <paramref name="reference"/> that level is moved first.</summary>
    /// <exception cref="ArgumentException">A value is null, or <paramref name="reference"/> is not among the values.</exception>
    public static Factor Create(IReadOnlyList<string> values, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var distinct = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < values.Count; i++)
        {
            string? v = values[i];
            if (v is null)
            {
                throw new ArgumentException(SurvivalInput.Invariant($"values[{i}]: expected a level, found null. Give the missing value a level or drop the row."), nameof(values));
            }

            distinct.Add(v);
        }

        var levels = new List<string>(distinct);
        if (reference is not null)
        {
            int at = levels.IndexOf(reference);
            if (at < 0)
            {
                throw new ArgumentException(
                    SurvivalInput.Invariant($"reference: expected one of the levels ({string.Join(", ", levels)}), found \"{reference}\". Name an existing level."),
                    nameof(reference));
            }

            levels.RemoveAt(at);
            levels.Insert(0, reference);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < levels.Count; i++)
        {
            index[levels[i]] = i;
        }

        var codes = new int[values.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = index[values[i]];
        }

        return new Factor(levels.AsReadOnly(), codes);
    }
}
