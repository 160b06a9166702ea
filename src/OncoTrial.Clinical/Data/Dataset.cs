using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// The logical type of a dataset column, as CDISC Dataset-JSON v1.1 names them. Storage follows SAS: every
/// type but <see cref="String"/> is stored as a number (dates as SAS day numbers since 1960-01-01, date-times as
/// seconds since 1960-01-01T00:00:00, times as seconds since midnight, booleans as 0/1).
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Members are named after the Dataset-JSON v1.1 dataType values.")]
public enum DatasetValueType
{
    /// <summary>Text (SAS character). SDTM --DTC dates are strings: ISO 8601, partial dates allowed.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A decimal number (Dataset-JSON "decimal", carried as a double here).</summary>
    Decimal,

    /// <summary>A binary floating-point number (Dataset-JSON "double"/"float").</summary>
    Double,

    /// <summary>True/false, stored as 1/0.</summary>
    Boolean,

    /// <summary>A calendar date, stored as the SAS date number (days since 1960-01-01).</summary>
    Date,

    /// <summary>A date and time, stored as SAS seconds since 1960-01-01T00:00:00.</summary>
    DateTime,

    /// <summary>A time of day, stored as seconds since midnight.</summary>
    Time,
}

/// <summary>
/// One column of a <see cref="Dataset"/>: metadata (name, label, type, length, display format) and values.
/// Character values are strings (null = missing). Numeric values are doubles; a missing value is NaN with a SAS
/// missing code: '.' for ordinary missing, 'A'-'Z' or '_' for the special missing values .A-.Z and ._.
/// </summary>
public sealed class DatasetColumn
{
    private readonly string?[]? _strings;
    private readonly double[]? _numbers;
    private readonly char[]? _missingCodes;

    private DatasetColumn(string name, string label, DatasetValueType type, string?[]? strings, double[]? numbers, char[]? missingCodes)
    {
        Name = name;
        Label = label;
        Type = type;
        _strings = strings;
        _numbers = numbers;
        _missingCodes = missingCodes;
    }

    /// <summary>Variable name (e.g. USUBJID).</summary>
    public string Name { get; }

    /// <summary>Variable label (e.g. "Unique Subject Identifier").</summary>
    public string Label { get; }

    /// <summary>Logical type.</summary>
    public DatasetValueType Type { get; }

    /// <summary>True for text columns (SAS character), false for numeric storage.</summary>
    public bool IsCharacter => Type == DatasetValueType.String;

    /// <summary>Declared length: bytes for character columns (XPT, Define-XML), null when not declared.</summary>
    public int? Length { get; init; }

    /// <summary>SAS display format, e.g. "DATE9." or "E8601DA."; null when none.</summary>
    public string? DisplayFormat { get; init; }

    /// <summary>Define-XML item OID (Dataset-JSON itemOID); null when none.</summary>
    public string? ItemOid { get; init; }

    /// <summary>Position in the dataset's sort key (Dataset-JSON keySequence), null when not a key.</summary>
    public int? KeySequence { get; init; }

    /// <summary>Number of values.</summary>
    public int Count => _strings?.Length ?? _numbers!.Length;

    /// <summary>Creates a character column; the array is owned by the column afterwards (not copied).</summary>
    public static DatasetColumn Character(string name, string label, string?[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        return new DatasetColumn(name, label ?? string.Empty, DatasetValueType.String, values, null, null);
    }

    /// <summary>
    /// Creates a numeric column of the given logical type. NaN values are missing; <paramref name="missingCodes"/>
    /// (optional, same length) gives their SAS code ('.', 'A'-'Z', '_'; '\0' is read as '.'). Arrays are owned by the
    /// column afterwards (not copied).
    /// </summary>
    public static DatasetColumn Numeric(string name, string label, DatasetValueType type, double[] values, char[]? missingCodes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        if (type == DatasetValueType.String)
        {
            throw new ArgumentException($"type: expected a numeric type for column {name}, found String. Use DatasetColumn.Character.", nameof(type));
        }

        if (missingCodes is not null && missingCodes.Length != values.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"missingCodes: expected one code per value ({values.Length}) for column {name}, found {missingCodes.Length}."),
                nameof(missingCodes));
        }

        return new DatasetColumn(name, label ?? string.Empty, type, null, values, missingCodes);
    }

    /// <summary>
    /// A copy of this column, sharing its values, with the given declared length and display format (file readers set
    /// them after building the values).
    /// </summary>
    public DatasetColumn WithLengthAndFormat(int? length, string? displayFormat) =>
        new(Name, Label, Type, _strings, _numbers, _missingCodes) { Length = length, DisplayFormat = displayFormat, ItemOid = ItemOid, KeySequence = KeySequence };

    /// <summary>The text at <paramref name="row"/> (null = missing); throws for numeric columns.</summary>
    public string? GetString(int row) =>
        _strings is not null ? _strings[row] : throw new InvalidOperationException($"Column {Name} is numeric ({Type}); read it with GetNumber.");

    /// <summary>The number at <paramref name="row"/>, null when missing; throws for character columns.</summary>
    public double? GetNumber(int row)
    {
        if (_numbers is null)
        {
            throw new InvalidOperationException($"Column {Name} is character; read it with GetString.");
        }

        double v = _numbers[row];
        return double.IsNaN(v) ? null : v;
    }

    /// <summary>The SAS missing code of a missing numeric value ('.', 'A'-'Z', '_'), or null when not missing.</summary>
    public char? GetMissingCode(int row)
    {
        if (_numbers is null || !double.IsNaN(_numbers[row]))
        {
            return null;
        }

        char c = _missingCodes?[row] ?? '.';
        return c == '\0' ? '.' : c;
    }

    /// <summary>All numbers (NaN = missing) for fast column scans; throws for character columns.</summary>
    public ReadOnlySpan<double> Numbers =>
        _numbers ?? throw new InvalidOperationException($"Column {Name} is character; it has no numbers.");

    /// <summary>All strings; throws for numeric columns.</summary>
    public IReadOnlyList<string?> Strings =>
        _strings ?? throw new InvalidOperationException($"Column {Name} is numeric ({Type}); it has no strings.");

    /// <summary>
    /// The value rendered as text for messages, CSV and filters: strings as they are; dates as ISO 8601; numbers in
    /// shortest round-trip invariant form; missing as the empty string (or ".A" etc. for special missing values).
    /// </summary>
    public string Format(int row)
    {
        if (_strings is not null)
        {
            return _strings[row] ?? string.Empty;
        }

        double v = _numbers![row];
        if (double.IsNaN(v))
        {
            char code = GetMissingCode(row)!.Value;
            return code == '.' ? string.Empty : "." + code;
        }

        return Type switch
        {
            DatasetValueType.Date => SasDates.ToDate(v)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? v.ToString("R", CultureInfo.InvariantCulture),
            DatasetValueType.DateTime => SasDates.ToDateTime(v)?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) ?? v.ToString("R", CultureInfo.InvariantCulture),
            DatasetValueType.Time => SasDates.ToTime(v)?.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? v.ToString("R", CultureInfo.InvariantCulture),
            DatasetValueType.Boolean => v != 0 ? "true" : "false",
            _ => v.ToString("R", CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>
/// A rectangular dataset (one SDTM domain or ADaM dataset): name, label and columns of equal length. The same
/// model serves CSV, CDISC Dataset-JSON and SAS XPT, so a dataset read from one can be written to the others.
/// </summary>
public sealed class Dataset
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a dataset; every column must have the same number of values and a distinct name.</summary>
    public Dataset(string name, string label, IReadOnlyList<DatasetColumn> columns)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(columns);
        Name = name;
        Label = label ?? string.Empty;
        Columns = new ReadOnlyCollection<DatasetColumn>([.. columns]);
        RowCount = columns.Count == 0 ? 0 : columns[0].Count;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i].Count != RowCount)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"columns: expected {RowCount} values in every column of {name}, found {columns[i].Count} in {columns[i].Name}."),
                    nameof(columns));
            }

            if (!_index.TryAdd(columns[i].Name, i))
            {
                throw new ArgumentException($"columns: expected distinct column names in {name}, found {columns[i].Name} twice (names are case-insensitive, as in SAS).", nameof(columns));
            }
        }
    }

    /// <summary>Dataset name (e.g. ADTTE, DM).</summary>
    public string Name { get; }

    /// <summary>Dataset label.</summary>
    public string Label { get; }

    /// <summary>Columns in order.</summary>
    public IReadOnlyList<DatasetColumn> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The column with this name (case-insensitive, as SAS), or null.</summary>
    public DatasetColumn? Find(string name) => _index.TryGetValue(name, out int i) ? Columns[i] : null;

    /// <summary>Index of the column with this name (case-insensitive), or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out int i) ? i : -1;
}

/// <summary>Conversions between SAS date/time numbers and .NET dates (SAS epoch 1960-01-01).</summary>
public static class SasDates
{
    /// <summary>The SAS epoch, 1960-01-01.</summary>
    public static readonly DateOnly Epoch = new(1960, 1, 1);

    /// <summary>SAS date number (days since 1960-01-01) of a date.</summary>
    public static double FromDate(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    /// <summary>The date of a SAS date number, or null when it is not a whole number in range.</summary>
    public static DateOnly? ToDate(double sasDate)
    {
        if (double.IsNaN(sasDate) || sasDate != Math.Floor(sasDate))
        {
            return null;
        }

        double day = Epoch.DayNumber + sasDate;
        return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)day) : null;
    }

    /// <summary>SAS date-time number (seconds since 1960-01-01T00:00:00).</summary>
    public static double FromDateTime(DateTime value) => (value - Epoch.ToDateTime(TimeOnly.MinValue)).TotalSeconds;

    /// <summary>The date-time of a SAS date-time number, or null when out of range.</summary>
    public static DateTime? ToDateTime(double seconds)
    {
        if (double.IsNaN(seconds))
        {
            return null;
        }

        var epoch = Epoch.ToDateTime(TimeOnly.MinValue);
        double max = (DateTime.MaxValue - epoch).TotalSeconds;
        double min = (DateTime.MinValue - epoch).TotalSeconds;
        return seconds >= min && seconds <= max ? epoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)) : null;
    }

    /// <summary>Seconds since midnight of a time of day.</summary>
    public static double FromTime(TimeOnly time) => time.ToTimeSpan().TotalSeconds;

    /// <summary>The time of day of seconds since midnight, or null when outside [0, 86400).</summary>
    public static TimeOnly? ToTime(double seconds) =>
        double.IsNaN(seconds) || seconds < 0 || seconds >= 86400 ? null : TimeOnly.FromTimeSpan(TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));
}
