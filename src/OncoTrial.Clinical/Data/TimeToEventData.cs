using System.Globalization;
using OncoTrial.Statistics;

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
public sealed partial class TimeToEventData
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
        return Texts(Read(new CsvCells(table), columns));
    }

    /// <summary>Reads the named columns of a dataset (messages give the 1-based row).</summary>
    public static (TimeToEventData? Data, IReadOnlyList<string> Problems) FromDataset(Dataset dataset, string source, TimeToEventColumns columns)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Texts(Read(new DatasetCells(dataset, source), columns));
    }

    /// <summary>
    /// Reads the named columns from a stream in the format <paramref name="fileName"/>'s extension names. CSV is
    /// parsed in one pass straight to numbers and codes, only the named columns, with no string per cell; the
    /// data and every problem are exactly those of <see cref="CsvTable.Read(Stream, string)"/> followed by
    /// <see cref="FromTable"/> (the table's structural problems first, then the values'). Dataset-JSON and XPT are
    /// read by <see cref="DatasetFiles.Read(Stream, string)"/> and then <see cref="FromDataset"/>; a file that
    /// cannot be read in its format gives the <see cref="ProblemException.Problems"/> of the <see cref="DatasetFormatException"/>, an unsupported
    /// extension one problem.
    /// </summary>
    /// <param name="stream">The content; read to its end, not disposed.</param>
    /// <param name="fileName">The file name (or path), for the format and for messages.</param>
    /// <param name="columns">The columns to read.</param>
    /// <returns>The data, or null when there is any problem; and every problem found.</returns>
    public static (TimeToEventData? Data, IReadOnlyList<Problem> Problems) Read(Stream stream, string fileName, TimeToEventColumns columns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(columns);
        if (string.Equals(Path.GetExtension(fileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ReadCsv(stream, fileName, columns);
        }

        Dataset dataset;
        try
        {
            dataset = DatasetFiles.Read(stream, fileName);
        }
        catch (DatasetFormatException ex)
        {
            return (null, ex.Problems);
        }

        return Read(new DatasetCells(dataset, fileName), columns);
    }

    private static (TimeToEventData? Data, IReadOnlyList<string> Problems) Texts((TimeToEventData? Data, IReadOnlyList<Problem> Problems) read) =>
        (read.Data, read.Problems.Select(p => p.ToString()).ToArray());

    private static (TimeToEventData? Data, IReadOnlyList<Problem> Problems) Read(ICells cells, TimeToEventColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var problems = new List<Problem>();
        CheckEventOrCensor(columns, problems);
        int time = Require(cells.Columns, cells.IndexOf(columns.Time), cells.Source, columns.Time, "time", problems);
        int ev = columns.Event is null ? -1 : Require(cells.Columns, cells.IndexOf(columns.Event), cells.Source, columns.Event, "event", problems);
        int cnsr = columns.Censor is null ? -1 : Require(cells.Columns, cells.IndexOf(columns.Censor), cells.Source, columns.Censor, "censor", problems);
        int group = columns.Group is null ? -1 : Require(cells.Columns, cells.IndexOf(columns.Group), cells.Source, columns.Group, "group", problems);
        int strata = columns.Strata is null ? -1 : Require(cells.Columns, cells.IndexOf(columns.Strata), cells.Source, columns.Strata, "strata", problems);
        int weight = columns.Weight is null ? -1 : Require(cells.Columns, cells.IndexOf(columns.Weight), cells.Source, columns.Weight, "weight", problems);
        var filters = columns.Where.Select(f => (Filter: f, Index: Require(cells.Columns, cells.IndexOf(f.Column), cells.Source, f.Column, "where", problems))).ToArray();
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
            problems.Add(NoRows(cells.Source, columns));
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
            string rawTime = cells.Text(r, time).Trim();
            if (!TryParseTime(rawTime, out t[i]))
            {
                problems.Add(cells.At(r, TimeProblem(columns.Time, rawTime)));
            }

            if (ev >= 0)
            {
                string raw = cells.Text(r, ev).Trim();
                if (!TryParseEvent(raw, out s[i]))
                {
                    problems.Add(cells.At(r, EventProblem(columns.Event!, raw)));
                }
            }
            else
            {
                string raw = cells.Text(r, cnsr).Trim();
                if (!TryParseCensor(raw, out s[i]))
                {
                    problems.Add(cells.At(r, CensorProblem(columns.Censor!, raw)));
                }
            }

            if (g is not null)
            {
                g[i] = cells.Text(r, group).Trim();
                if (g[i].Length == 0)
                {
                    problems.Add(cells.At(r, LabelProblem(columns.Group!)));
                }
            }

            if (st is not null)
            {
                st[i] = cells.Text(r, strata).Trim();
                if (st[i].Length == 0)
                {
                    problems.Add(cells.At(r, LabelProblem(columns.Strata!)));
                }
            }

            if (w is not null)
            {
                string raw = cells.Text(r, weight).Trim();
                if (!TryParseWeight(raw, out w[i]))
                {
                    problems.Add(cells.At(r, WeightProblem(columns.Weight!, raw)));
                }
            }
        }

        return problems.Count > 0 ? (null, problems) : (new TimeToEventData(t, s, g, st, w), problems);
    }

    private static void CheckEventOrCensor(TimeToEventColumns columns, List<Problem> problems)
    {
        if ((columns.Event is null) == (columns.Censor is null))
        {
            problems.Add(Problem.ForOption(
                "event/--censor",
                "OPTION_CONFLICT",
                "exactly one of them",
                columns.Event is null ? "neither" : "both",
                "Name the event column (1 = event) or the ADaM CNSR column (0 = event)."));
        }
    }

    /// <summary>The index, or -1 with a problem "--OPTION: expected a column of FILE, found no column "C". Columns are: ...".</summary>
    private static int Require(IReadOnlyList<string> header, int index, string source, string column, string option, List<Problem> problems)
    {
        if (index < 0)
        {
            problems.Add(Problem.ForOption(option, "COLUMN_MISSING", $"a column of {source}", $"no column \"{column}\"", $"Columns are: {string.Join(", ", header)}."));
        }

        return index;
    }

    private static Problem NoRows(string source, TimeToEventColumns columns)
    {
        string filter = columns.Where.Count == 0 ? string.Empty : " matching " + string.Join(" and ", columns.Where);
        return Problem.InFile(source, "NO_ROWS", "at least one data row" + filter, "none", "Check the file and the --where filters.");
    }

    // Value rules, shared by the table path and the columnar CSV path; raw values are trimmed.
    private static bool TryParseTime(ReadOnlySpan<char> raw, out double value) =>
        (TryParseDigits(raw, out value) || double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) && double.IsFinite(value) && value >= 0;

    private static bool TryParseEvent(ReadOnlySpan<char> raw, out int status)
    {
        status = raw is "1" or "1.0" ? 1 : 0;
        return status == 1 || raw is "0" or "0.0";
    }

    private static bool TryParseCensor(ReadOnlySpan<char> raw, out int status)
    {
        status = 0;
        if (raw is "0" or "1")
        {
            status = raw[0] == '0' ? 1 : 0;
            return true;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double c) && c >= 0 && c == Math.Floor(c))
        {
            status = c == 0 ? 1 : 0;
            return true;
        }

        return false;
    }

    private static bool TryParseWeight(ReadOnlySpan<char> raw, out int weight) =>
        int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out weight) && weight >= 0;

    /// <summary>1 to 15 ASCII digits: the exact integer, as double.TryParse would give it, without its general parser.</summary>
    private static bool TryParseDigits(ReadOnlySpan<char> raw, out double value)
    {
        value = 0;
        if (raw.Length is 0 or > 15)
        {
            return false;
        }

        long acc = 0;
        foreach (char c in raw)
        {
            uint digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            acc = (acc * 10) + digit;
        }

        value = acc;
        return true;
    }

    // Problems about a value, located by the caller (file line and data row for CSV, row for a dataset).
    private static ValueProblem TimeProblem(string column, string raw) =>
        new(column, "TIME_INVALID", "a number >= 0", $"\"{raw}\"", raw.Contains(',', StringComparison.Ordinal) ? "Use a dot as the decimal separator." : "Correct the value or remove the row.");

    private static ValueProblem EventProblem(string column, string raw) =>
        new(column, "EVENT_INVALID", "1 (event) or 0 (censored)", $"\"{raw}\"", "Recode the event indicator.");

    private static ValueProblem CensorProblem(string column, string raw) =>
        new(column, "CNSR_INVALID", "an ADaM CNSR code (0 = event, integer >= 1 = censored)", $"\"{raw}\"", "Recode the censoring variable.");

    private static ValueProblem LabelProblem(string column) =>
        new(column, "LABEL_EMPTY", "a label", "an empty field", "Fill in the value or remove the row.");

    private static ValueProblem WeightProblem(string column, string raw) =>
        new(column, "WEIGHT_INVALID", "an integer case weight >= 0", $"\"{raw}\"", "Use whole numbers.");

    private readonly record struct ValueProblem(string Column, string Code, string Expected, string Found, string Fix)
    {
        public Problem At(string source, int? line, int row) => new(source, line, row, Column, Code, Expected, Found, Fix);
    }

    private interface ICells
    {
        string Source { get; }

        IReadOnlyList<string> Columns { get; }

        int RowCount { get; }

        int IndexOf(string column);

        string Text(int row, int column);

        Problem At(int row, ValueProblem problem);
    }

    private sealed class CsvCells(CsvTable table) : ICells
    {
        public string Source => table.Source;

        public IReadOnlyList<string> Columns => table.Columns;

        public int RowCount => table.Records.Count;

        public int IndexOf(string column) => table.IndexOf(column);

        public string Text(int row, int column) => table.Records[row].Fields[column];

        public Problem At(int row, ValueProblem problem) => problem.At(table.Source, table.Records[row].Line, table.Records[row].Row);
    }

    private sealed class DatasetCells(Dataset dataset, string source) : ICells
    {
        public string Source => source;

        public IReadOnlyList<string> Columns { get; } = dataset.Columns.Select(c => c.Name).ToArray();

        public int RowCount => dataset.RowCount;

        public int IndexOf(string column) => dataset.IndexOf(column);

        public string Text(int row, int column) => dataset.Columns[column].Format(row);

        public Problem At(int row, ValueProblem problem) => problem.At(source, null, row + 1);
    }
}
