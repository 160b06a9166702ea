using System.Globalization;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// Which columns of a table hold a time-to-event analysis's variables. Exactly one of <see cref="Event"/>
/// (1 = event, 0 = censored) and <see cref="Censor"/> (ADaM CNSR: 0 = event, ≥ 1 = censored) is given.
/// </summary>
/// <param name="Time">Time column (numbers ≥ 0).</param>
/// <param name="Event">Event indicator column (1 = event, 0 = censored), or null when <paramref name="Censor"/> is used.</param>
/// <param name="Censor">ADaM censoring column CNSR (0 = event, integer ≥ 1 = censored), or null.</param>
/// <param name="Group">Optional group column (any text).</param>
/// <param name="Strata">Optional stratum column (any text).</param>
/// <param name="Weight">Optional integer case-weight column (≥ 0).</param>
public sealed record TimeToEventColumns(
    string Time, string? Event = null, string? Censor = null, string? Group = null, string? Strata = null, string? Weight = null)
{
    /// <summary>Row filters applied before any value is read (all must hold).</summary>
    public IReadOnlyList<RowFilter> Where { get; init; } = [];
}

/// <summary>A row filter <c>COLUMN=VALUE</c> or <c>COLUMN!=VALUE</c>, compared on the trimmed text of the cell.</summary>
/// <param name="Column">The column.</param>
/// <param name="Value">The value (text; numbers compare by their invariant text, dates as ISO 8601).</param>
/// <param name="Negate">True for <c>!=</c>.</param>
public sealed record RowFilter(string Column, string Value, bool Negate)
{
    /// <summary>Parses <c>COL=VALUE</c> or <c>COL!=VALUE</c>; null (with a problem added) when malformed.</summary>
    public static RowFilter? Parse(string text, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        int ne = text.IndexOf("!=", StringComparison.Ordinal);
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (ne > 0)
        {
            return new RowFilter(text[..ne].Trim(), text[(ne + 2)..].Trim(), Negate: true);
        }

        if (eq > 0)
        {
            return new RowFilter(text[..eq].Trim(), text[(eq + 1)..].Trim(), Negate: false);
        }

        problems.Add($"--where: expected COLUMN=VALUE or COLUMN!=VALUE (e.g. PARAMCD=TTDE), found \"{text}\". Write the filter as a column name, = or !=, and a value.");
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Column + (Negate ? "!=" : "=") + Value;
}

/// <summary>
/// Time-to-event variables read from a table (CSV with line numbers, or any <see cref="Dataset"/>): one entry per
/// selected row, every problem reported with file, place, column, what was expected, what was found and the fix.
/// No row is dropped silently: rows are left out only by an explicit <see cref="RowFilter"/>, and a selected row
/// with a problem is reported and the whole read fails.
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

    /// <summary>Reads the named columns of a CSV table (messages give file line and data row).</summary>
    public static (TimeToEventData? Data, IReadOnlyList<string> Problems) FromTable(CsvTable table, TimeToEventColumns columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Read(new CsvCells(table), columns);
    }

    /// <summary>Reads the named columns of a dataset (messages give the 1-based row).</summary>
    public static (TimeToEventData? Data, IReadOnlyList<string> Problems) FromDataset(Dataset dataset, string source, TimeToEventColumns columns)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Read(new DatasetCells(dataset, source), columns);
    }

    private static (TimeToEventData? Data, IReadOnlyList<string> Problems) Read(ICells cells, TimeToEventColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var problems = new List<string>();
        if ((columns.Event is null) == (columns.Censor is null))
        {
            problems.Add("--event/--censor: expected exactly one of them, found " + (columns.Event is null ? "neither" : "both") + ". Name the event column (1 = event) or the ADaM CNSR column (0 = event).");
        }

        int time = Require(cells, columns.Time, "--time", problems);
        int ev = columns.Event is null ? -1 : Require(cells, columns.Event, "--event", problems);
        int cnsr = columns.Censor is null ? -1 : Require(cells, columns.Censor, "--censor", problems);
        int group = columns.Group is null ? -1 : Require(cells, columns.Group, "--group", problems);
        int strata = columns.Strata is null ? -1 : Require(cells, columns.Strata, "--strata", problems);
        int weight = columns.Weight is null ? -1 : Require(cells, columns.Weight, "--weight", problems);
        var filters = columns.Where.Select(f => (Filter: f, Index: Require(cells, f.Column, "--where", problems))).ToArray();
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var selected = new List<int>(cells.RowCount);
        for (int r = 0; r < cells.RowCount; r++)
        {
            if (filters.All(f => string.Equals(cells.Text(r, f.Index).Trim(), f.Filter.Value, StringComparison.Ordinal) != f.Filter.Negate))
            {
                selected.Add(r);
            }
        }

        if (selected.Count == 0)
        {
            string filter = filters.Length == 0 ? string.Empty : " matching " + string.Join(" and ", columns.Where);
            problems.Add($"{cells.Source}: expected at least one data row{filter}, found none. Check the file and the --where filters.");
            return (null, problems);
        }

        int n = selected.Count;
        var t = new double[n];
        var s = new int[n];
        var g = group >= 0 ? new string[n] : null;
        var st = strata >= 0 ? new string[n] : null;
        var w = weight >= 0 ? new int[n] : null;
        for (int i = 0; i < n; i++)
        {
            int r = selected[i];
            string where = cells.Location(r);
            string rawTime = cells.Text(r, time).Trim();
            if (!double.TryParse(rawTime, NumberStyles.Float, CultureInfo.InvariantCulture, out double tv) || !double.IsFinite(tv) || tv < 0)
            {
                string fix = rawTime.Contains(',', StringComparison.Ordinal) ? "Use a dot as the decimal separator." : "Correct the value or remove the row.";
                problems.Add($"{where}, column {columns.Time}: expected a number >= 0, found \"{rawTime}\". {fix}");
            }

            t[i] = tv;
            if (ev >= 0)
            {
                string raw = cells.Text(r, ev).Trim();
                if (raw is "1" or "1.0")
                {
                    s[i] = 1;
                }
                else if (raw is not ("0" or "0.0"))
                {
                    problems.Add($"{where}, column {columns.Event}: expected 1 (event) or 0 (censored), found \"{raw}\". Recode the event indicator.");
                }
            }
            else
            {
                string raw = cells.Text(r, cnsr).Trim();
                if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double c) && c >= 0 && c == Math.Floor(c))
                {
                    s[i] = c == 0 ? 1 : 0;
                }
                else
                {
                    problems.Add($"{where}, column {columns.Censor}: expected an ADaM CNSR code (0 = event, integer >= 1 = censored), found \"{raw}\". Recode the censoring variable.");
                }
            }

            if (g is not null)
            {
                g[i] = Label(cells.Text(r, group), where, columns.Group!, problems);
            }

            if (st is not null)
            {
                st[i] = Label(cells.Text(r, strata), where, columns.Strata!, problems);
            }

            if (w is not null)
            {
                string raw = cells.Text(r, weight).Trim();
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

    private static int Require(ICells cells, string column, string option, List<string> problems)
    {
        int i = cells.IndexOf(column);
        if (i < 0)
        {
            problems.Add($"{option}: expected a column of {cells.Source}, found no column \"{column}\". Columns are: {string.Join(", ", cells.Columns)}.");
        }

        return i;
    }

    private interface ICells
    {
        string Source { get; }

        IReadOnlyList<string> Columns { get; }

        int RowCount { get; }

        int IndexOf(string column);

        string Text(int row, int column);

        string Location(int row);
    }

    private sealed class CsvCells(CsvTable table) : ICells
    {
        public string Source => table.Source;

        public IReadOnlyList<string> Columns => table.Columns;

        public int RowCount => table.Records.Count;

        public int IndexOf(string column) => table.IndexOf(column);

        public string Text(int row, int column) => table.Records[row].Fields[column];

        public string Location(int row) =>
            string.Create(CultureInfo.InvariantCulture, $"{table.Source}, line {table.Records[row].Line} (data row {table.Records[row].Row})");
    }

    private sealed class DatasetCells(Dataset dataset, string source) : ICells
    {
        public string Source => source;

        public IReadOnlyList<string> Columns { get; } = dataset.Columns.Select(c => c.Name).ToArray();

        public int RowCount => dataset.RowCount;

        public int IndexOf(string column) => dataset.IndexOf(column);

        public string Text(int row, int column) => dataset.Columns[column].Format(row);

        public string Location(int row) => string.Create(CultureInfo.InvariantCulture, $"{source}, row {row + 1}");
    }
}
