using System.Globalization;

namespace OncoTrial.Clinical.Analyses;

/// <summary>A count of subjects over a denominator: n, N and the subjects behind n (a table cell's drill-down).</summary>
/// <param name="Subjects">USUBJID of each subject counted, in USUBJID order.</param>
/// <param name="Denominator">N: the size of the set the percentage is of (the column's analysis set, or the subset the row says).</param>
public sealed record Frequency(IReadOnlyList<string> Subjects, int Denominator)
{
    /// <summary>n.</summary>
    public int Count => Subjects.Count;

    /// <summary>100 n / N, unrounded (decimal arithmetic, so 7/13 is 53.846…); null when N is 0.</summary>
    public decimal? Percent => Denominator > 0 ? 100m * Count / Denominator : null;

    /// <summary>The percentage rounded half away from zero to <paramref name="decimals"/> (SAS ROUND); null when N is 0.</summary>
    public decimal? RoundedPercent(int decimals) => Percent is { } p ? Math.Round(p, decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>The subjects of <paramref name="subjects"/> (distinct, in USUBJID order) over <paramref name="denominator"/>.</summary>
    public static Frequency Of(IEnumerable<string> subjects, int denominator)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        return new Frequency([.. subjects.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], denominator);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count}/{Denominator}");
}

/// <summary>One column group of a table: an arm of the analysis set, or the total.</summary>
/// <param name="Name">The arm (DM ARM, or ACTARM by <c>SafetyOptions.Arm</c>), "Total", or, in a single-arm study, the arm's name.</param>
/// <param name="Code">ARMCD (or ACTARMCD); "" for the total of a multi-arm study and for subjects without an arm.</param>
/// <param name="Subjects">The column's subjects (its N), in USUBJID order.</param>
/// <param name="IsTotal">Whether the column holds every subject of the set: the last column of a multi-arm study, the only one of a single-arm study.</param>
public sealed record AnalysisColumn(string Name, string Code, IReadOnlyList<string> Subjects, bool IsTotal)
{
    /// <summary>N of the column.</summary>
    public int N => Subjects.Count;
}

/// <summary>
/// The analysis set of a table and its column groups: a study with more than one arm gets one column per arm and a
/// total (like rtables), a single-arm study one column.
/// </summary>
/// <param name="Name">The set, e.g. "Efficacy analysis set" or "Safety analysis set".</param>
/// <param name="Definition">How the set is defined, in words (e.g. "subjects who received at least one dose").</param>
/// <param name="Subjects">Every subject of the set, in USUBJID order.</param>
/// <param name="Columns">The column groups: each arm in order (ignoring case; subjects without an arm last) then the total; or one column.</param>
public sealed record AnalysisPopulation(string Name, string Definition, IReadOnlyList<string> Subjects, IReadOnlyList<AnalysisColumn> Columns)
{
    /// <summary>The name of the total column of a multi-arm study.</summary>
    public const string TotalName = "Total";

    /// <summary>The arm name of subjects whose DM record has no arm (as the AE table: <c>AeSummary.NoArm</c>).</summary>
    public const string NoArm = Safety.AeSummary.NoArm;

    /// <summary>N of the set.</summary>
    public int N => Subjects.Count;

    /// <summary>Whether the set spans more than one arm.</summary>
    public bool IsMultiArm => Columns.Count > 1;

    /// <summary>The arm columns (every column but the total of a multi-arm study; the one column of a single-arm study).</summary>
    public IReadOnlyList<AnalysisColumn> Arms => IsMultiArm ? [.. Columns.Where(c => !c.IsTotal)] : Columns;

    /// <summary>The total column (the last).</summary>
    public AnalysisColumn Total => Columns[^1];

    /// <summary>"Efficacy analysis set (subjects who received at least one dose), N = 50", the first line of a footnote.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Definition}), N = {N}");

    /// <summary>
    /// The population of <paramref name="subjects"/>, split by arm: subjects grouped by their (arm, code), arms ordered by
    /// name ignoring case then ordinal, subjects without an arm (<see cref="NoArm"/>) last; more than one arm adds a
    /// total column.
    /// </summary>
    /// <param name="name">The set's name.</param>
    /// <param name="definition">Its definition in words.</param>
    /// <param name="subjects">The subjects of the set.</param>
    /// <param name="armOf">The (arm, code) of a subject; ("", "") when it has none.</param>
    public static AnalysisPopulation Create(string name, string definition, IEnumerable<string> subjects, Func<string, (string Name, string Code)> armOf)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(armOf);
        var ids = subjects.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var arms = ids
            .GroupBy(id => armOf(id) is { Name.Length: > 0 } a ? a : (NoArm, string.Empty))
            .OrderBy(g => g.Key.Item1 == NoArm ? 1 : 0).ThenBy(g => g.Key.Item1, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key.Item1, StringComparer.Ordinal)
            .Select(g => new AnalysisColumn(g.Key.Item1, g.Key.Item2, [.. g], false))
            .ToList();
        List<AnalysisColumn> columns = arms.Count switch
        {
            0 => [new AnalysisColumn(TotalName, string.Empty, ids, true)],
            1 when arms[0].Name == NoArm => [new AnalysisColumn(TotalName, string.Empty, ids, true)],
            1 => [arms[0] with { IsTotal = true }],
            _ => [.. arms, new AnalysisColumn(TotalName, string.Empty, ids, true)],
        };
        return new AnalysisPopulation(name, definition, ids, columns);
    }

    /// <summary>One value per column, in column order.</summary>
    public IReadOnlyList<T> Map<T>(Func<AnalysisColumn, T> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        return [.. Columns.Select(compute)];
    }

    /// <summary>Per column, the subjects of the column that <paramref name="include"/> accepts, over the column's N.</summary>
    public IReadOnlyList<Frequency> Count(Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        return Map(c => new Frequency([.. c.Subjects.Where(include)], c.N));
    }

    /// <summary>Per column, the subjects of the column that <paramref name="include"/> accepts, over those of the column in <paramref name="denominator"/>.</summary>
    public IReadOnlyList<Frequency> Count(Func<string, bool> include, IReadOnlySet<string> denominator)
    {
        ArgumentNullException.ThrowIfNull(include);
        ArgumentNullException.ThrowIfNull(denominator);
        return Map(c =>
        {
            var within = c.Subjects.Where(denominator.Contains).ToList();
            return new Frequency([.. within.Where(include)], within.Count);
        });
    }
}

/// <summary>A row of counts: one <see cref="Frequency"/> per column of the population.</summary>
/// <param name="Key">A stable key (e.g. <c>sex/M</c>, <c>pdl1/ge10</c>, <c>bor/CR</c>) by which a program finds the row.</param>
/// <param name="Label">The row's text as the paper prints it (e.g. "Male", "≥ 10").</param>
/// <param name="Values">One per column.</param>
public sealed record CountRow(string Key, string Label, IReadOnlyList<Frequency> Values)
{
    /// <summary>The total column's value.</summary>
    public Frequency Total => Values[^1];
}

/// <summary>A group of rows under a heading (e.g. "Sex", "ECOG performance status").</summary>
/// <param name="Key">A stable key (e.g. <c>sex</c>).</param>
/// <param name="Label">The heading.</param>
/// <param name="Rows">The rows, in the paper's order.</param>
public sealed record CountSection(string Key, string Label, IReadOnlyList<CountRow> Rows);
