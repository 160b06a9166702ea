using System.Globalization;

namespace OncoTrial.ReferenceCohort;

/// <summary>How a computed value compares with the published one.</summary>
public enum ReproductionVerdict
{
    /// <summary>The computed value, rounded to the paper's precision, is the published value (both "not estimable" counts too).</summary>
    Exact,

    /// <summary>Not exact, but within the tolerance stated for this value, with the reason in the note.</summary>
    Within,

    /// <summary>Neither exact nor within a stated tolerance.</summary>
    Differs,
}

/// <summary>One published number beside the one the pipeline computed.</summary>
/// <param name="Id">The id of published-values.json, with a suffix for a part of an entry: <c>/lower</c>, <c>/upper</c> (CI), <c>/min</c>, <c>/max</c> (range), <c>/percent</c>; table cells as <c>ae_table/Leukopenia/ae_any</c>.</param>
/// <param name="Kind">What the entry is.</param>
/// <param name="Published">The value as printed; null for NE or not reached.</param>
/// <param name="Decimals">The decimals it is printed with.</param>
/// <param name="Computed">The value the pipeline computed (unrounded); null for not estimable.</param>
/// <param name="Tolerance">The largest difference counted as <see cref="ReproductionVerdict.Within"/>: half a unit of the last printed digit unless a wider one is stated (with the reason in <paramref name="Note"/>).</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Note">How the value was computed, which reading of the paper was followed, or why it is only within.</param>
public sealed record ReproducedValue(
    string Id, PublishedKind Kind, double? Published, int Decimals, double? Computed, double Tolerance, ReproductionVerdict Verdict, string? Note)
{
    /// <summary>
    /// True for a count (n of subjects, its denominator <c>/of</c>, a table cell): the values whose difference makes
    /// <c>reproduce</c> fail. Percentages and confidence limits printed beside a count are not counts.
    /// </summary>
    public bool IsCount => Kind switch
    {
        PublishedKind.Table => true,
        PublishedKind.Count => !Id.Contains('/', StringComparison.Ordinal) || Id.EndsWith("/of", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>The computed value rounded to the paper's precision ("NE" when not estimable).</summary>
    public string ComputedText => Computed is { } c ? c.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "NE";

    /// <summary>The published value as printed.</summary>
    public string PublishedText => new PublishedNumber(Published, Decimals).ToString();

    /// <summary>
    /// Compares a computed value with a published number: exact when it rounds (half away from zero) to the printed
    /// value, or both are not estimable; within when the difference is at most <paramref name="tolerance"/> (when wider
    /// than half a unit, the note must say why); differs otherwise.
    /// </summary>
    /// <param name="id">The id (with suffix).</param>
    /// <param name="kind">The entry's kind.</param>
    /// <param name="published">The published number.</param>
    /// <param name="computed">The computed value, null when not estimable.</param>
    /// <param name="note">How it was computed; the reason when the tolerance is wider than half a unit.</param>
    /// <param name="tolerance">A stated tolerance, or null for half a unit of the printed precision.</param>
    public static ReproducedValue Compare(string id, PublishedKind kind, PublishedNumber published, double? computed, string? note = null, double? tolerance = null)
    {
        double tol = tolerance ?? published.HalfUnit;
        ReproductionVerdict verdict;
        if (published.Value is not { } p || computed is not { } c)
        {
            verdict = published.Value is null && computed is null ? ReproductionVerdict.Exact : ReproductionVerdict.Differs;
        }
        else if (Math.Round(c, published.Decimals, MidpointRounding.AwayFromZero) == p)
        {
            verdict = ReproductionVerdict.Exact;
        }
        else
        {
            verdict = Math.Abs(c - p) <= tol ? ReproductionVerdict.Within : ReproductionVerdict.Differs;
        }

        return new ReproducedValue(id, kind, published.Value, published.Decimals, computed, tol, verdict, note);
    }
}

/// <summary>Every published value of the paper beside the computed one, and how they were computed.</summary>
/// <param name="Study">The study analysed (the built-in reference cohort, or a folder).</param>
/// <param name="Method">The conventions of the computation, in one sentence (SAS defaults, months = days / 30.4375, ...).</param>
/// <param name="Values">One record per published number, in the order of published-values.json.</param>
/// <param name="Readings">Where the paper contradicts itself, the reading followed.</param>
public sealed record Reproduction(string Study, string Method, IReadOnlyList<ReproducedValue> Values, IReadOnlyList<string> Readings)
{
    /// <summary>Counts by verdict.</summary>
    public int Count(ReproductionVerdict verdict) => Values.Count(v => v.Verdict == verdict);

    /// <summary>True when a count (not a percentage or a rounded statistic) differs: <c>reproduce</c> exits 1.</summary>
    public bool AnyCountDiffers => Values.Any(v => v.IsCount && v.Verdict == ReproductionVerdict.Differs);
}
