using System.Globalization;
using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Safety;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Tables;

/// <summary>A column group of a table: a column of the population with its CSV key prefix and its header.</summary>
/// <param name="Column">The population's column (an arm, or the total).</param>
/// <param name="Key">Its key: the arm code (or name) in lower case with letters and digits only, unique; <c>total</c> for the total.</param>
/// <param name="Label">Its header: "name (N = n)".</param>
internal sealed record TableColumn(AnalysisColumn Column, string Key, string Label);

/// <summary>The pieces every table view shares: column groups, count and rate cells, the data-cutoff and level words.</summary>
internal static class TableParts
{
    /// <summary>The CSV name of the group column of every table.</summary>
    public const string SectionKey = "section";

    /// <summary>The CSV name of the row-key column of every table.</summary>
    public const string RowKey = "row";

    /// <summary>Shown in a cell that the table does not count (e.g. treatment-related immune-related events).</summary>
    public const string NotCounted = "-";

    /// <summary>The column groups of a population: each arm then the total, or the one column of a single-arm study.</summary>
    public static IReadOnlyList<TableColumn> Columns(AnalysisPopulation population)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "total" };
        var columns = new List<TableColumn>();
        foreach (var c in population.Columns)
        {
            string key;
            if (c.IsTotal && population.IsMultiArm)
            {
                key = "total";
            }
            else
            {
                string source = c.Code.Length > 0 ? c.Code : c.Name;
                string slug = new string([.. source.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '_')]).Trim('_');
                slug = slug.Length == 0 ? "arm" : slug;
                key = slug;
                for (int i = 2; !used.Add(key); i++)
                {
                    key = Formats.Invariant($"{slug}_{i}");
                }
            }

            columns.Add(new TableColumn(c, key, Formats.Invariant($"{c.Name} (N = {c.N})")));
        }

        return columns;
    }

    /// <summary>The prefix of a column group's leaf keys: "" in a single-column table, else "key_".</summary>
    public static string Prefix(IReadOnlyList<TableColumn> columns, TableColumn column) => columns.Count == 1 ? string.Empty : column.Key + "_";

    /// <summary>"n (p)" of a frequency, the percentage rounded half away from zero to <paramref name="decimals"/>, with its subjects.</summary>
    public static Cell Count(Frequency frequency, int decimals) =>
        new Cell([frequency.Count, frequency.Denominator], null, CellFormat.CountPercent(decimals)) { Subjects = frequency.Subjects };

    /// <summary>"n (p)" of an AE count over a column's N, with its subjects.</summary>
    public static Cell Count(SubjectCount count, int denominator, int decimals) =>
        new Cell([count.Count, denominator], null, CellFormat.CountPercent(decimals)) { Subjects = count.Subjects };

    /// <summary>"n (p; lower-upper)" (or "n/N (...)" over a subset) of a rate with its interval, with the responders as subjects.</summary>
    public static Cell Rate(RateEstimate rate, int decimals, bool showDenominator)
    {
        var e = rate.Estimate;
        var format = showDenominator ? CellFormat.FractionPercentInterval(decimals) : CellFormat.CountPercentInterval(decimals);
        return new Cell([rate.Count.Count, rate.Count.Denominator, e?.Estimate, e?.Lower, e?.Upper], null, format) { Subjects = rate.Count.Subjects };
    }

    /// <summary>A cell the table does not count.</summary>
    public static Cell NotCountedCell() => Cell.FromText(NotCounted);

    /// <summary>A whole number with the subjects behind it.</summary>
    public static Cell Number(int value, IReadOnlyList<string> subjects) => Cell.FromCount(value) with { Subjects = subjects };

    /// <summary>"est (lower-upper)" rounded half away from zero to <paramref name="decimals"/>, × <paramref name="scale"/>.</summary>
    public static Cell Interval(double? estimate, double? lower, double? upper, int decimals, double scale, IReadOnlyList<string> subjects) =>
        new Cell([estimate, lower, upper], null, CellFormat.Interval(decimals, scale)) { Subjects = subjects };

    /// <summary>The first column: a label.</summary>
    public static Cell Label(string text) => Cell.FromText(text);

    /// <summary>The confidence level in words, e.g. "95%".</summary>
    public static string Level(ConfidenceLevel level) => (level.Value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    /// <summary>The data-cutoff footnote: TS DCUTDTC, or that the study states none (then every record was used).</summary>
    public static string DataCutoff(TrialResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Analysis.Safety.Disposition.DataCutoff is { } cutoff
            ? "Data cutoff: " + Formats.Date(cutoff) + " (TS DCUTDTC)."
            : "Data cutoff: none stated (no TS DCUTDTC); every record was used.";
    }

    /// <summary>A number in prose with up to three decimals (a threshold, a landmark in months).</summary>
    public static string Short(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A number in prose with up to three decimals.</summary>
    public static string Short(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A method token in sentence case for a row label (e.g. "induction" gives "Induction").</summary>
    public static string Sentence(string token) => token.Length == 0 ? token : char.ToUpperInvariant(token[0]) + token[1..];

    /// <summary>The subjects of both frequencies (e.g. grade 3-4 and grade 5), over the first one's denominator.</summary>
    public static Frequency Union(Frequency a, Frequency b) => Frequency.Of(a.Subjects.Concat(b.Subjects), a.Denominator);
}
