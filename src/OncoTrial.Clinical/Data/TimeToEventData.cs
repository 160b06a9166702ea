using System.Globalization;

namespace OncoTrial.Clinical.Data;

/// <summary>Which columns of a table hold a time-to-event analysis's variables.</summary>
/// <param name="Time">Time column (numbers ≥ 0).</param>
/// <param name="Event">Event indicator column (1 = event, 0 = censored).</param>
/// <param name="Group">Optional group column (any text).</param>
/// <param name="Strata">Optional stratum column (any text).</param>
/// <param name="Weight">Optional integer case-weight column (≥ 0).</param>
public sealed record TimeToEventColumns(string Time, string Event, string? Group = null, string? Strata = null, string? Weight = null);

/// <summary>
/// Time-to-event variables read from a table: one entry per data row, every problem reported with file, line,
/// column, what was expected, what was found and the fix. No row is dropped silently: a row with a problem is
/// reported and the whole read fails.
/// </summary>
public sealed class TimeToEventData
{
    private TimeToEventData(double[] time, int[] status, string[]? group, string[]? strata, int[]? weight)
    {
        Time = time;
        Status = status;
        Group = group;
        Strata = strata;
        Weight = weight;
    }

    /// <summary>Times.</summary>
    public IReadOnlyList<double> Time { get; }

    /// <summary>1 = event, 0 = censored.</summary>
    public IReadOnlyList<int> Status { get; }

    /// <summary>Group labels, or null when no group column was named.</summary>
    public IReadOnlyList<string>? Group { get; }

    /// <summary>Stratum labels, or null.</summary>
    public IReadOnlyList<string>? Strata { get; }

    /// <summary>Integer case weights, or null.</summary>
    public IReadOnlyList<int>? Weight { get; }

    /// <summary>Reads the named columns; returns null data and the list of problems when anything is wrong.</summary>
    public static (TimeToEventData? Data, IReadOnlyList<string> Problems) FromTable(CsvTable table, TimeToEventColumns columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columns);
        var problems = new List<string>();
        int time = Require(table, columns.Time, "--time", problems);
        int ev = Require(table, columns.Event, "--event", problems);
        int group = columns.Group is null ? -1 : Require(table, columns.Group, "--group", problems);
        int strata = columns.Strata is null ? -1 : Require(table, columns.Strata, "--strata", problems);
        int weight = columns.Weight is null ? -1 : Require(table, columns.Weight, "--weight", problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        int n = table.Records.Count;
        if (n == 0)
        {
            problems.Add($"{table.Source}: expected at least one data row below the header, found none. Add the observations.");
            return (null, problems);
        }

        var t = new double[n];
        var s = new int[n];
        var g = group >= 0 ? new string[n] : null;
        var st = strata >= 0 ? new string[n] : null;
        var w = weight >= 0 ? new int[n] : null;
        for (int i = 0; i < n; i++)
        {
            var rec = table.Records[i];
            string where = string.Create(CultureInfo.InvariantCulture, $"{table.Source}, line {rec.Line} (data row {rec.Row})");
            string rawTime = rec.Fields[time].Trim();
            if (!double.TryParse(rawTime, NumberStyles.Float, CultureInfo.InvariantCulture, out double tv) || !double.IsFinite(tv) || tv < 0)
            {
                string fix = rawTime.Contains(',', StringComparison.Ordinal) ? "Use a dot as the decimal separator." : "Correct the value or remove the row.";
                problems.Add($"{where}, column {columns.Time}: expected a number >= 0, found \"{rawTime}\". {fix}");
            }

            t[i] = tv;
            string rawEvent = rec.Fields[ev].Trim();
            if (rawEvent is "1" or "1.0")
            {
                s[i] = 1;
            }
            else if (rawEvent is "0" or "0.0")
            {
                s[i] = 0;
            }
            else
            {
                problems.Add($"{where}, column {columns.Event}: expected 1 (event) or 0 (censored), found \"{rawEvent}\". Recode the event indicator.");
            }

            if (g is not null)
            {
                g[i] = Label(rec.Fields[group], where, columns.Group!, problems);
            }

            if (st is not null)
            {
                st[i] = Label(rec.Fields[strata], where, columns.Strata!, problems);
            }

            if (w is not null)
            {
                string raw = rec.Fields[weight].Trim();
                if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int wv) || wv < 0)
                {
                    problems.Add($"{where}, column {columns.Weight}: expected an integer case weight >= 0, found \"{raw}\". Use whole numbers.");
                }

                w[i] = wv;
            }
        }

        return problems.Count > 0 ? (null, problems) : (new TimeToEventData(t, s, g, st, w), problems);
    }

    private static string Label(string raw, string where, string column, List<string> problems)
    {
        string v = raw.Trim();
        if (v.Length == 0)
        {
            problems.Add($"{where}, column {column}: expected a label, found an empty field. Fill in the value or remove the row.");
        }

        return v;
    }

    private static int Require(CsvTable table, string column, string option, List<string> problems)
    {
        int i = table.IndexOf(column);
        if (i < 0)
        {
            problems.Add($"{option}: expected a column of {table.Source}, found no column \"{column}\". Columns are: {string.Join(", ", table.Columns)}.");
        }

        return i;
    }
}
