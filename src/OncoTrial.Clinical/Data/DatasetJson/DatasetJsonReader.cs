using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// Parses Dataset-JSON v1.1 (JSON or NDJSON form, already decompressed) into a <see cref="Dataset"/>. Attributes
/// may come in any order (rows before columns are parsed in a second pass). Problems in the metadata and in the
/// values are collected in one pass and thrown together as one <see cref="DatasetFormatException"/>; only JSON
/// syntax errors stop the reading at once. Nothing else escapes: garbage in gives a DatasetFormatException.
/// </summary>
internal sealed partial class DatasetJsonReader
{
    /// <summary>2^53: larger integers are not exactly representable as doubles.</summary>
    public const double MaxExactInteger = 9007199254740992;

    private const int MaxListedProblems = 20;
    private const int MaxQuoted = 40;

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private readonly string _source;
    private readonly List<Problem> _problems = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _more;

    private string? _creation;
    private string? _version;
    private string? _itemGroupOid;
    private long? _records;
    private string? _name;
    private string? _label;
    private List<ColumnSpec>? _columns;
    private bool _columnsValid;
    private bool _rowsSeen;
    private int _rowCount;

    private DatasetJsonReader(string source) => _source = source;

    private enum Kind
    {
        Text,
        Integer,
        Decimal,
        Double,
        Boolean,
        Date,
        DateTime,
        Time,
    }

    /// <summary>Parses the bytes of a .json (<paramref name="form"/> Json) or .ndjson file (any other form).</summary>
    public static Dataset Parse(byte[] bytes, DatasetJsonForm form, string source)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        var reader = new DatasetJsonReader(source);
        try
        {
            if (form == DatasetJsonForm.Json)
            {
                reader.ParseJson(span);
            }
            else
            {
                reader.ParseNdJson(span);
            }

            return reader.Build();
        }
        catch (JsonException ex)
        {
            // Only from ParseJson; NDJSON lines are wrapped with their own line numbers.
            throw reader.SyntaxError(ex, (ex.LineNumber ?? 0) + 1, ex.BytePositionInLine);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader reports undecodable UTF-8 in a string when the string is read.
            throw reader.Fatal(reader.InFile("JSON_ENCODING", "UTF-8 text", $"bytes that are not valid UTF-8 ({ex.Message})", "Save the file as UTF-8."), ex);
        }
    }

    [GeneratedRegex(@"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?([+-]([01][0-9]|2[0-3]):[0-5][0-9]|Z)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^1\.1(\.(0|[1-9][0-9]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsPattern();

    private void ParseJson(ReadOnlySpan<byte> span)
    {
        var reader = new Utf8JsonReader(span, ReaderOptions);
        if (!reader.Read())
        {
            throw Fatal(InFile("JSON_EMPTY", "a Dataset-JSON object", "an empty file", "Check that the file was written completely."));
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Fatal(InFile("JSON_STRUCTURE", "a Dataset-JSON object {...} at the start", Describe(ref reader), "Check that the file is Dataset-JSON, not a bare array or another format."));
        }

        long deferredRows = ParseTopLevel(ref reader, ndjson: false);
        if (reader.Read())
        {
            throw Fatal(InFile("JSON_STRUCTURE", "nothing after the Dataset-JSON object", Describe(ref reader), "Remove the extra content."));
        }

        if (deferredRows >= 0 && _columnsValid)
        {
            var rows = new Utf8JsonReader(span[(int)deferredRows..], ReaderOptions);
            rows.Read();
            ParseRows(ref rows);
        }
    }

    private void ParseNdJson(ReadOnlySpan<byte> span)
    {
        int lineNumber = 0;
        int blankLine = 0;
        bool metadataSeen = false;
        while (span.Length > 0)
        {
            int end = span.IndexOf((byte)'\n');
            var line = end < 0 ? span : span[..end];
            span = end < 0 ? [] : span[(end + 1)..];
            lineNumber++;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.Trim(" \t"u8).Length == 0)
            {
                if (blankLine == 0)
                {
                    blankLine = lineNumber;
                }

                continue;
            }

            if (blankLine > 0)
            {
                Report(AtLine(blankLine, "NDJSON_BLANK_LINE", metadataSeen ? "a row array" : "the metadata object", "an empty line", "Remove empty lines; NDJSON has one JSON value per line."));
                blankLine = 0;
            }

            try
            {
                var reader = new Utf8JsonReader(line, ReaderOptions);
                reader.Read();
                if (!metadataSeen)
                {
                    metadataSeen = true;
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Fatal(AtLine(lineNumber, "JSON_STRUCTURE", "the Dataset-JSON metadata object {...} on the first line", Describe(ref reader), "Check that the file is Dataset-JSON NDJSON."));
                    }

                    ParseTopLevel(ref reader, ndjson: true);
                    if (!_columnsValid)
                    {
                        CheckHeader();
                        throw Fatal(null);
                    }
                }
                else
                {
                    _rowsSeen = true;
                    ParseRow(ref reader, ++_rowCount);
                }

                if (reader.Read())
                {
                    Report(AtLine(lineNumber, "NDJSON_LINE", "one JSON value on the line", Describe(ref reader) + " after it", "Put each row on its own line."));
                }
            }
            catch (JsonException ex)
            {
                throw SyntaxError(ex, lineNumber, ex.BytePositionInLine);
            }
        }

        if (!metadataSeen)
        {
            throw Fatal(InFile("JSON_EMPTY", "a Dataset-JSON metadata object on line 1", "an empty file", "Check that the file was written completely."));
        }
    }

    /// <summary>Reads the top-level object; returns the offset of a rows array that came before the columns, or -1.</summary>
    private long ParseTopLevel(ref Utf8JsonReader reader, bool ndjson)
    {
        long deferred = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string attribute = reader.GetString()!;
            reader.Read();
            if (!_seen.Add(attribute))
            {
                Report(Where.File.Attribute(attribute), "ATTRIBUTE_DUPLICATE", "the attribute once", "it twice", "Remove the duplicate.");
                reader.Skip();
                continue;
            }

            switch (attribute)
            {
                case "datasetJSONCreationDateTime":
                    _creation = ReadString(ref reader, attribute);
                    break;
                case "datasetJSONVersion":
                    _version = ReadString(ref reader, attribute);
                    break;
                case "fileOID":
                case "originator":
                case "studyOID":
                case "metaDataVersionOID":
                case "metaDataRef":
                case "dbLastModifiedDateTime":
                    ReadString(ref reader, attribute);
                    break;
                case "sourceSystem":
                    ParseSourceSystem(ref reader);
                    break;
                case "itemGroupOID":
                    _itemGroupOid = ReadString(ref reader, attribute);
                    break;
                case "records":
                    _records = ReadInteger(ref reader, Where.File, attribute, 0);
                    break;
                case "name":
                    _name = ReadString(ref reader, attribute);
                    break;
                case "label":
                    _label = ReadString(ref reader, attribute);
                    break;
                case "columns":
                    ParseColumns(ref reader);
                    break;
                case "rows":
                    if (ndjson)
                    {
                        Report(AtLine(1, "NDJSON_ROWS", "the metadata object without rows in NDJSON", "a rows attribute", "Put each row on its own line after the metadata."));
                        reader.Skip();
                    }
                    else if (_columns is not null)
                    {
                        _rowsSeen = true;
                        if (_columnsValid)
                        {
                            ParseRows(ref reader);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                    else
                    {
                        _rowsSeen = true;
                        deferred = reader.TokenStartIndex;
                        reader.Skip();
                    }

                    break;
                default:
                    // Attributes outside v1.1 (e.g. from a later 1.1.n) are skipped.
                    reader.Skip();
                    break;
            }
        }

        return deferred;
    }

    private void ParseSourceSystem(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Report(Where.File.Attribute("sourceSystem"), "ATTRIBUTE_TYPE", "an object {\"name\": ..., \"version\": ...}", Describe(ref reader), "Write both as strings, or remove sourceSystem.");
            reader.Skip();
            return;
        }

        bool name = false, version = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string attribute = reader.GetString()!;
            reader.Read();
            if (attribute == "name")
            {
                name = ReadString(ref reader, "sourceSystem.name") is not null;
            }
            else if (attribute == "version")
            {
                version = ReadString(ref reader, "sourceSystem.version") is not null;
            }
            else
            {
                reader.Skip();
            }
        }

        if (!name || !version)
        {
            Report(Where.File.Attribute("sourceSystem"), "ATTRIBUTE_REQUIRED", "both name and version", name ? "no version" : version ? "no name" : "neither", "Add them or remove sourceSystem.");
        }
    }

    private void ParseColumns(ref Utf8JsonReader reader)
    {
        int before = _problems.Count + _more;
        _columns = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Report(Where.File.Attribute("columns"), "ATTRIBUTE_TYPE", "an array of column objects", Describe(ref reader), "Write columns as [{...}, {...}].");
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int index = _columns.Count + 1;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report(new Where(string.Create(CultureInfo.InvariantCulture, $"columns[{index}]"), null), "COLUMN_TYPE", "a column object", Describe(ref reader), "Write each column as {\"itemOID\": ..., \"name\": ..., ...}.");
                reader.Skip();
                continue;
            }

            _columns.Add(ParseColumn(ref reader, index));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in _columns)
        {
            if (column.Name is not null && !names.Add(column.Name))
            {
                Report(new Where(null, column.Name), "COLUMN_DUPLICATE", "distinct column names", $"{column.Name} twice (names are case-insensitive, as in SAS)", "Rename one of them.");
            }
        }

        _columnsValid = _problems.Count + _more == before;
    }

    private ColumnSpec ParseColumn(ref Utf8JsonReader reader, int index)
    {
        var column = new ColumnSpec();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var where = new Where(string.Create(CultureInfo.InvariantCulture, $"columns[{index}]"), null);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string attribute = reader.GetString()!;
            reader.Read();
            if (!seen.Add(attribute))
            {
                Report(where.Attribute(attribute), "ATTRIBUTE_DUPLICATE", "the attribute once", "it twice", "Remove the duplicate.");
                reader.Skip();
                continue;
            }

            switch (attribute)
            {
                case "itemOID":
                    column.ItemOid = ReadString(ref reader, attribute, where);
                    break;
                case "name":
                    column.Name = ReadString(ref reader, attribute, where);
                    break;
                case "label":
                    column.Label = ReadString(ref reader, attribute, where);
                    break;
                case "dataType":
                    column.DataType = ReadString(ref reader, attribute, where);
                    break;
                case "targetDataType":
                    column.TargetDataType = ReadString(ref reader, attribute, where);
                    break;
                case "length":
                    column.Length = (int?)ReadInteger(ref reader, where, attribute, 1);
                    break;
                case "displayFormat":
                    column.DisplayFormat = ReadString(ref reader, attribute, where);
                    break;
                case "keySequence":
                    column.KeySequence = (int?)ReadInteger(ref reader, where, attribute, 1);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (column.Name is not null)
        {
            where = new Where(null, column.Name);
        }

        foreach (var (attribute, value) in new[] { ("itemOID", column.ItemOid), ("name", column.Name), ("label", column.Label), ("dataType", column.DataType) })
        {
            if (value is null && !seen.Contains(attribute))
            {
                Report(where, "ATTRIBUTE_REQUIRED", $"the required attribute {attribute}", "none", "Add it (label may be \"\").");
            }
            else if (value is { Length: 0 } && attribute != "label")
            {
                Report(where, "ATTRIBUTE_EMPTY", $"a non-empty {attribute}", "\"\"", "Fill it in.");
            }
        }

        if (column.DataType is not null)
        {
            column.Kind = KindOf(column.DataType, column.TargetDataType, where) ?? Kind.Text;
        }

        if (column.Kind == Kind.Text)
        {
            column.Strings = [];
        }
        else
        {
            column.Numbers = [];
        }

        return column;
    }

    private Kind? KindOf(string dataType, string? target, Where where)
    {
        if (target is not null and not ("integer" or "decimal"))
        {
            Report(where, "DATA_TYPE", "targetDataType integer or decimal", $"\"{Quote(target)}\"", "Correct or remove targetDataType.");
            return null;
        }

        Kind? kind = (dataType, target) switch
        {
            ("string" or "URI", null) => Kind.Text,
            ("integer", null or "integer") => Kind.Integer,
            ("decimal", null or "decimal") => Kind.Decimal,
            ("float" or "double", null) => Kind.Double,
            ("boolean", null) => Kind.Boolean,
            ("date" or "datetime" or "time", null) => Kind.Text,
            ("date", "integer") => Kind.Date,
            ("datetime", "integer") => Kind.DateTime,
            ("time", "integer") => Kind.Time,
            _ => null,
        };
        if (kind is null)
        {
            bool known = dataType is "string" or "URI" or "integer" or "decimal" or "float" or "double" or "boolean" or "date" or "datetime" or "time";
            if (known)
            {
                Report(where, "DATA_TYPE", "a supported dataType/targetDataType combination (decimal+decimal, date/datetime/time+integer)", $"dataType \"{dataType}\" with targetDataType \"{target}\"", "Remove targetDataType or correct dataType.");
            }
            else
            {
                Report(where, "DATA_TYPE", "dataType string, integer, decimal, float, double, boolean, datetime, date, time or URI", $"\"{Quote(dataType)}\"", "Correct the dataType (values are case-sensitive).");
            }
        }

        return kind;
    }

    private void ParseRows(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Report(Where.File.Attribute("rows"), "ATTRIBUTE_TYPE", "an array of row arrays", Describe(ref reader), "Write rows as [[value, ...], ...].");
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ParseRow(ref reader, ++_rowCount);
        }
    }

    private void ParseRow(ref Utf8JsonReader reader, int row)
    {
        var columns = _columns!;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Report(AtRow(row, null, "ROW_TYPE", string.Create(CultureInfo.InvariantCulture, $"an array of {columns.Count} values"), Describe(ref reader), "Write each row as [value, value, ...]."));
            reader.Skip();
            foreach (var column in columns)
            {
                column.AddMissing();
            }

            return;
        }

        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count < columns.Count)
            {
                ReadValue(ref reader, row, columns[count]);
            }
            else
            {
                reader.Skip();
            }

            count++;
        }

        if (count != columns.Count)
        {
            Report(AtRow(row, null, "ROW_LENGTH", string.Create(CultureInfo.InvariantCulture, $"{columns.Count} values (one per column)"), count.ToString(CultureInfo.InvariantCulture), "Write null for missing values; keep the values in column order."));
            for (int c = count; c < columns.Count; c++)
            {
                columns[c].AddMissing();
            }
        }
    }

    private void ReadValue(ref Utf8JsonReader reader, int row, ColumnSpec column)
    {
        var token = reader.TokenType;
        if (token == JsonTokenType.Null)
        {
            column.AddMissing();
            return;
        }

        switch (column.Kind)
        {
            case Kind.Text when token == JsonTokenType.String:
                column.Strings!.Add(reader.GetString());
                return;
            case Kind.Integer when token == JsonTokenType.Number:
                if (ReadWholeNumber(ref reader) is { } whole)
                {
                    column.Numbers!.Add(whole);
                    return;
                }

                break;
            case Kind.Double when token == JsonTokenType.Number:
                if (reader.TryGetDouble(out double d) && double.IsFinite(d))
                {
                    column.Numbers!.Add(d);
                    return;
                }

                break;
            case Kind.Decimal when token == JsonTokenType.String:
                string text = reader.GetString()!;
                if (ParseDecimal(text) is { } dec)
                {
                    column.Numbers!.Add(dec);
                    return;
                }

                break;
            case Kind.Decimal when token == JsonTokenType.Number:
                if (reader.TryGetDouble(out double n) && double.IsFinite(n))
                {
                    column.Numbers!.Add(n);
                    return;
                }

                break;
            case Kind.Boolean when token is JsonTokenType.True or JsonTokenType.False:
                column.Numbers!.Add(token == JsonTokenType.True ? 1 : 0);
                return;
            case Kind.Date or Kind.DateTime or Kind.Time when token == JsonTokenType.String:
                if (ParseTemporal(column.Kind, reader.GetString()!) is { } sas)
                {
                    column.Numbers!.Add(sas);
                    return;
                }

                break;
        }

        var (expected, fix) = Expectation(column.Kind);
        Report(AtRow(row, column.Name, "VALUE_INVALID", expected, Describe(ref reader), fix));
        if (token is JsonTokenType.StartArray or JsonTokenType.StartObject)
        {
            reader.Skip();
        }

        column.AddMissing();
    }

    private static (string Expected, string Fix) Expectation(Kind kind) => kind switch
    {
        Kind.Text => ("a JSON string or null (text column)", "Quote the value, or write null when missing."),
        Kind.Integer => ("a whole JSON number within ±2^53 or null (dataType integer)", "Write the value as a JSON number without quotes, or declare the column decimal/double."),
        Kind.Double => ("a finite JSON number or null (dataType float/double)", "Write the value as a JSON number without quotes."),
        Kind.Decimal => ("a decimal number as a JSON string with a dot as the decimal separator, at most 15-17 significant digits, or null (dataType decimal)", "Write e.g. \"12.5\"; to keep more digits exactly declare the column dataType string."),
        Kind.Boolean => ("true, false or null (dataType boolean)", "Write true or false without quotes (Y/N flags are dataType string)."),
        Kind.Date => ("a complete ISO 8601 date yyyy-MM-dd or null (dataType date, targetDataType integer)", "A partial date cannot become a SAS date number: remove targetDataType to read the column as text, or complete the date."),
        Kind.DateTime => ("an ISO 8601 date-time yyyy-MM-ddThh:mm[:ss[.f]] without offset, or null (dataType datetime, targetDataType integer)", "A partial or offset date-time cannot become a SAS date-time number: remove targetDataType to read the column as text."),
        _ => ("an ISO 8601 time hh:mm[:ss[.f]] or null (dataType time, targetDataType integer)", "Remove targetDataType to read the column as text, or correct the time."),
    };

    private static double? ReadWholeNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out long l))
        {
            return Math.Abs((double)l) <= MaxExactInteger && l != long.MinValue ? l : null;
        }

        return reader.TryGetDouble(out double d) && double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) <= MaxExactInteger ? d : null;
    }

    /// <summary>A decimal string as a double, or null when malformed or when the double would not hold every digit.</summary>
    internal static double? ParseDecimal(string text)
    {
        string plain = text.Contains(',', StringComparison.Ordinal) && ThousandsPattern().IsMatch(text) ? text.Replace(",", string.Empty, StringComparison.Ordinal) : text;
        if (!double.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d))
        {
            return null;
        }

        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (decimal.TryParse(plain, styles, CultureInfo.InvariantCulture, out decimal exact)
            && decimal.TryParse(d.ToString("R", CultureInfo.InvariantCulture), styles, CultureInfo.InvariantCulture, out decimal held)
            && exact != held)
        {
            return null;
        }

        return d;
    }

    private static double? ParseTemporal(Kind kind, string text)
    {
        var culture = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case Kind.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", culture, DateTimeStyles.None, out var date) ? SasDates.FromDate(date) : null;
            case Kind.DateTime:
                string[] dateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"];
                return DateTime.TryParseExact(text, dateTimeFormats, culture, DateTimeStyles.None, out var dateTime) && dateTime.Kind == DateTimeKind.Unspecified
                    ? SasDates.FromDateTime(dateTime)
                    : null;
            default:
                string[] timeFormats = ["HH:mm:ss", "HH:mm:ss.FFFFFFF", "HH:mm"];
                return TimeOnly.TryParseExact(text, timeFormats, culture, DateTimeStyles.None, out var time) ? SasDates.FromTime(time) : null;
        }
    }

    private string? ReadString(ref Utf8JsonReader reader, string attribute, Where where = default)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        Report(where.Attribute(attribute), "ATTRIBUTE_TYPE", "a JSON string", Describe(ref reader), "Quote the value.");
        reader.Skip();
        return null;
    }

    private long? ReadInteger(ref Utf8JsonReader reader, Where where, string attribute, long minimum)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value) && value >= minimum && value <= int.MaxValue)
        {
            return value;
        }

        Report(where.Attribute(attribute), "ATTRIBUTE_TYPE", string.Create(CultureInfo.InvariantCulture, $"a whole JSON number >= {minimum}"), Describe(ref reader), "Write a whole number without quotes.");
        reader.Skip();
        return null;
    }

    private Dataset Build()
    {
        CheckHeader();
        if (_records is { } records && _columnsValid && records != _rowCount)
        {
            Report(
                Where.File.Attribute("records"),
                "RECORDS_COUNT",
                string.Create(CultureInfo.InvariantCulture, $"the number of rows in the file, {_rowCount}{(_rowsSeen ? string.Empty : " (there are no rows)")}"),
                records.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"Set records to {_rowCount}, or check that the file is complete."));
        }

        ThrowIfProblems();
        var columns = new List<DatasetColumn>(_columns!.Count);
        foreach (var spec in _columns)
        {
            var column = spec.Kind == Kind.Text
                ? DatasetColumn.Character(spec.Name!, spec.Label!, [.. spec.Strings!])
                : DatasetColumn.Numeric(spec.Name!, spec.Label!, ValueTypeOf(spec.Kind), [.. spec.Numbers!]);
            columns.Add(WithMetadata(column, spec));
        }

        try
        {
            return new Dataset(_name!, _label!, columns);
        }
        catch (ArgumentException ex)
        {
            throw new DatasetFormatException(InFile("DATASET_INVALID", "columns that make one dataset", ex.Message, "Check the column names and the rows."), ex);
        }
    }

    /// <summary>Required top-level attributes and their patterns.</summary>
    private void CheckHeader()
    {
        foreach (var (attribute, value) in new[]
        {
            ("datasetJSONCreationDateTime", _creation), ("datasetJSONVersion", _version), ("itemGroupOID", _itemGroupOid),
            ("name", _name), ("label", _label),
        })
        {
            if (value is null && !_seen.Contains(attribute))
            {
                Report(InFile("ATTRIBUTE_REQUIRED", $"the required attribute {attribute}", "none", $"Add it{(attribute == "label" ? " (it may be \"\")" : string.Empty)}."));
            }
        }

        if (!_seen.Contains("records"))
        {
            Report(InFile("ATTRIBUTE_REQUIRED", "the required attribute records (the number of rows)", "none", "Add it."));
        }

        if (!_seen.Contains("columns"))
        {
            Report(InFile("ATTRIBUTE_REQUIRED", "the required attribute columns", "none", "Add the column definitions."));
        }

        if (_version is not null && !VersionPattern().IsMatch(_version))
        {
            Report(Where.File.Attribute("datasetJSONVersion"), "VERSION", "1.1 or 1.1.n", $"\"{Quote(_version)}\"", "This reader reads Dataset-JSON v1.1; convert v1.0 files (clinicalData/referenceData) to v1.1 first.");
        }

        if (_creation is not null && !TimestampPattern().IsMatch(_creation))
        {
            Report(Where.File.Attribute("datasetJSONCreationDateTime"), "ATTRIBUTE_FORMAT", "an ISO 8601 date-time yyyy-MM-ddThh:mm:ss[.n][±hh:mm|Z]", $"\"{Quote(_creation)}\"", "Write e.g. 2024-01-31T09:30:00.");
        }

        foreach (var (attribute, value) in new[] { ("name", _name), ("itemGroupOID", _itemGroupOid) })
        {
            if (value is { Length: 0 })
            {
                Report(Where.File.Attribute(attribute), "ATTRIBUTE_EMPTY", "a non-empty string", "\"\"", "Fill it in.");
            }
        }
    }

    private static DatasetColumn WithMetadata(DatasetColumn column, ColumnSpec spec) =>
        column.WithLengthAndFormat(spec.Length, spec.DisplayFormat).WithItemOidAndKeySequence(spec.ItemOid, spec.KeySequence);

    private static DatasetValueType ValueTypeOf(Kind kind) => kind switch
    {
        Kind.Integer => DatasetValueType.Integer,
        Kind.Decimal => DatasetValueType.Decimal,
        Kind.Double => DatasetValueType.Double,
        Kind.Boolean => DatasetValueType.Boolean,
        Kind.Date => DatasetValueType.Date,
        Kind.DateTime => DatasetValueType.DateTime,
        Kind.Time => DatasetValueType.Time,
        _ => DatasetValueType.String,
    };

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"\"{Quote(reader.GetString()!)}\" (a JSON string)",
        JsonTokenType.Number => $"{Quote(Encoding.UTF8.GetString(reader.ValueSpan))} (a JSON number)",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.PropertyName => $"attribute \"{Quote(reader.GetString()!)}\"",
        _ => reader.TokenType.ToString(),
    };

    private static string Quote(string text) => text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted), "...");

    private Problem InFile(string code, string expected, string found, string fix) => Problem.InFile(_source, code, expected, found, fix);

    private Problem AtLine(long line, string code, string expected, string found, string fix) =>
        new(_source, (int)Math.Min(line, int.MaxValue), null, null, code, expected, found, fix);

    private Problem AtRow(int row, string? column, string code, string expected, string found, string fix) =>
        new(_source, null, row, column, code, expected, found, fix);

    private void Report(Where where, string code, string expected, string found, string fix) =>
        Report(new Problem(_source, null, null, where.Column, code, expected, found, fix) { Place = where.Place });

    /// <summary>Keeps the first <see cref="MaxListedProblems"/> problems and counts the rest.</summary>
    private void Report(Problem problem)
    {
        if (_problems.Count < MaxListedProblems)
        {
            _problems.Add(problem);
        }
        else
        {
            _more++;
        }
    }

    private void ThrowIfProblems()
    {
        if (_problems.Count > 0)
        {
            throw Fatal(null);
        }
    }

    /// <summary>Every problem so far, the last one, and a note counting those not listed.</summary>
    private DatasetFormatException Fatal(Problem? last, Exception? inner = null)
    {
        if (last is not null)
        {
            _problems.Add(last);
        }

        if (_more > 0)
        {
            _problems.Add(new Problem(
                _source,
                null,
                null,
                null,
                "PROBLEMS_NOT_LISTED",
                string.Create(CultureInfo.InvariantCulture, $"at most {MaxListedProblems} problems listed"),
                string.Create(CultureInfo.InvariantCulture, $"{_more} more problems"),
                "Fix those listed and read the file again to see the rest.",
                ProblemSeverity.Note));
        }

        if (_problems.Count == 0)
        {
            _problems.Add(InFile("JSON_UNREADABLE", "Dataset-JSON v1.1", "content that could not be read", string.Empty));
        }

        return new DatasetFormatException(_problems, inner);
    }

    private DatasetFormatException SyntaxError(JsonException ex, long line, long? bytePosition)
    {
        string detail = ex.Message;
        int cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            detail = detail[..cut];
        }

        var problem = AtLine(line, "JSON_SYNTAX", "valid JSON", $"a syntax error ({detail.TrimEnd('.')})", "Check that the file is complete (not truncated) and is Dataset-JSON v1.1.") with
        {
            Place = bytePosition is { } b ? string.Create(CultureInfo.InvariantCulture, $"byte {b + 1}") : null,
        };
        return Fatal(problem, ex);
    }

    /// <summary>Where in the file a problem is: a place ("columns[2]", "attribute records"), a column, or neither (the file).</summary>
    private readonly record struct Where(string? Place, string? Column)
    {
        public static Where File => default;

        public Where Attribute(string attribute) => this with { Place = Place is null ? "attribute " + attribute : $"{Place}, attribute {attribute}" };
    }

    private sealed class ColumnSpec
    {
        public string? ItemOid { get; set; }

        public string? Name { get; set; }

        public string? Label { get; set; }

        public string? DataType { get; set; }

        public string? TargetDataType { get; set; }

        public int? Length { get; set; }

        public string? DisplayFormat { get; set; }

        public int? KeySequence { get; set; }

        public Kind Kind { get; set; }

        public List<string?>? Strings { get; set; }

        public List<double>? Numbers { get; set; }

        public void AddMissing()
        {
            if (Strings is not null)
            {
                Strings.Add(null);
            }
            else
            {
                Numbers!.Add(double.NaN);
            }
        }
    }
}
