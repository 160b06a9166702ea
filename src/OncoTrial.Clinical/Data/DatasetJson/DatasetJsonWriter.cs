using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// Writes a <see cref="Dataset"/> as Dataset-JSON v1.1. Every value is checked before the first byte is written,
/// so a dataset that cannot be represented produces no partial file. Layout: attributes in the order of the
/// specification; in the JSON form one column and one row per line, in the NDJSON form the metadata object on
/// line 1 and one row per line.
/// </summary>
internal static class DatasetJsonWriter
{
    public const string Version = "1.1.0";

    private const int MaxListedProblems = 20;

    // JSON-valid without HTML escaping: non-ASCII text stays readable in the file.
    private static readonly JsonWriterOptions ValueOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    public static void Write(Dataset dataset, Stream stream, DatasetJsonForm form, DatasetJsonWriteOptions options, string target)
    {
        CheckOptions(options);
        Check(dataset, options, target);
        if (form == DatasetJsonForm.CompressedNdJson)
        {
            using var zlib = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
            WriteText(dataset, zlib, ndjson: true, options);
        }
        else
        {
            WriteText(dataset, stream, form == DatasetJsonForm.NdJson, options);
        }
    }

    public static string DataTypeOf(DatasetValueType type) => type switch
    {
        DatasetValueType.String => "string",
        DatasetValueType.Integer => "integer",
        DatasetValueType.Decimal => "decimal",
        DatasetValueType.Double => "double",
        DatasetValueType.Boolean => "boolean",
        DatasetValueType.Date => "date",
        DatasetValueType.DateTime => "datetime",
        DatasetValueType.Time => "time",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown value type."),
    };

    public static string? TargetDataTypeOf(DatasetValueType type) => type switch
    {
        DatasetValueType.Decimal => "decimal",
        DatasetValueType.Date or DatasetValueType.DateTime or DatasetValueType.Time => "integer",
        _ => null,
    };

    private static void CheckOptions(DatasetJsonWriteOptions options)
    {
        if ((options.SourceSystemName is null) != (options.SourceSystemVersion is null))
        {
            throw new ArgumentException("options: expected SourceSystemName and SourceSystemVersion together (Dataset-JSON requires both when sourceSystem is present), found only one. Set both or neither.", nameof(options));
        }

        if (options.DbLastModifiedDateTime is { } modified && modified > options.CreationDateTime)
        {
            throw new ArgumentException("options: expected DbLastModifiedDateTime on or before CreationDateTime, found it later. Set CreationDateTime to the time the file is made.", nameof(options));
        }

        foreach (var (name, value) in new[] { ("FileOid", options.FileOid), ("StudyOid", options.StudyOid), ("MetaDataVersionOid", options.MetaDataVersionOid), ("ItemGroupOid", options.ItemGroupOid) })
        {
            if (value is { Length: 0 })
            {
                throw new ArgumentException($"options: expected {name} to be null or non-empty (Dataset-JSON minLength 1), found \"\".", nameof(options));
            }
        }
    }

    /// <summary>Collects every value that has no Dataset-JSON form; throws with all of them.</summary>
    private static void Check(Dataset dataset, DatasetJsonWriteOptions options, string target)
    {
        var problems = new List<Problem>();
        int more = 0;
        void Add(Problem problem)
        {
            if (problems.Count < MaxListedProblems)
            {
                problems.Add(problem);
            }
            else
            {
                more++;
            }
        }

        foreach (var column in dataset.Columns)
        {
            if (column.Length is < 1)
            {
                Add(new Problem(target, null, null, column.Name, "LENGTH", "a length >= 1 or none", column.Length.Value.ToString(CultureInfo.InvariantCulture), "Clear or correct the length."));
            }

            if (column.KeySequence is < 1)
            {
                Add(new Problem(target, null, null, column.Name, "KEY_SEQUENCE", "a keySequence >= 1 or none", column.KeySequence.Value.ToString(CultureInfo.InvariantCulture), "Number key variables from 1."));
            }

            if (column.ItemOid is { Length: 0 })
            {
                Add(new Problem(target, null, null, column.Name, "ITEM_OID", $"an itemOID that is null (default IT.{dataset.Name}.{column.Name}) or non-empty", "\"\"", "Set it to null or to an OID."));
            }

            if (column.IsCharacter)
            {
                for (int r = 0; r < column.Count; r++)
                {
                    if (column.GetString(r) is { } text && HasLoneSurrogate(text))
                    {
                        Add(new Problem(target, null, r + 1, column.Name, "TEXT_ENCODING", "text that can be encoded as UTF-8", "a lone UTF-16 surrogate", "Correct the value."));
                    }
                }

                continue;
            }

            var special = new List<int>();
            var codes = new SortedSet<char>();
            for (int r = 0; r < column.Count; r++)
            {
                double v = column.Numbers[r];
                if (double.IsNaN(v))
                {
                    char code = column.GetMissingCode(r)!.Value;
                    if (code != '.')
                    {
                        special.Add(r);
                        codes.Add(code);
                    }

                    continue;
                }

                string? expected = ValueProblem(column.Type, v);
                if (expected is not null)
                {
                    Add(new Problem(target, null, r + 1, column.Name, "VALUE_INVALID", expected, v.ToString("R", CultureInfo.InvariantCulture), "Correct the value or change the column type."));
                }
            }

            if (special.Count > 0 && options.SpecialMissingValues == DatasetJsonSpecialMissing.Reject)
            {
                string rows = string.Join(", ", special.Take(10).Select(r => (r + 1).ToString(CultureInfo.InvariantCulture))) + (special.Count > 10 ? ", ..." : string.Empty);
                // "column C, rows 2, 4 (2 values)" as the place: the column comes first in this message, as it always has.
                Add(new Problem(
                    target,
                    null,
                    null,
                    null,
                    "SPECIAL_MISSING",
                    "values Dataset-JSON can carry",
                    $"SAS special missing values ({string.Join(", ", codes.Select(c => "." + c))})",
                    "Dataset-JSON has only null: recode them into another column first, or set DatasetJsonWriteOptions.SpecialMissingValues to WriteAsNull to accept losing the codes.")
                {
                    Place = string.Create(CultureInfo.InvariantCulture, $"column {column.Name}, rows {rows} ({special.Count} values)"),
                });
            }
        }

        if (problems.Count > 0)
        {
            if (more > 0)
            {
                problems.Add(new Problem(
                    target,
                    null,
                    null,
                    null,
                    "PROBLEMS_NOT_LISTED",
                    string.Create(CultureInfo.InvariantCulture, $"at most {MaxListedProblems} problems listed"),
                    string.Create(CultureInfo.InvariantCulture, $"{more} more problems"),
                    "Fix those listed and write again to see the rest.",
                    ProblemSeverity.Note));
            }

            throw new DatasetFormatException(problems);
        }
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ValueProblem(DatasetValueType type, double v)
    {
        if (!double.IsFinite(v))
        {
            return "a finite number (JSON has no infinity)";
        }

        return type switch
        {
            DatasetValueType.Integer when v != Math.Floor(v) || Math.Abs(v) > DatasetJsonReader.MaxExactInteger => "a whole number within ±2^53 (dataType integer)",
            DatasetValueType.Boolean when v is not (0 or 1) => "0 or 1 (dataType boolean)",
            DatasetValueType.Date when SasDates.ToDate(v) is null => "a whole SAS date number between years 1 and 9999 (dataType date)",
            DatasetValueType.DateTime when SasDates.ToDateTime(v) is null => "a SAS date-time number between years 1 and 9999 (dataType datetime)",
            DatasetValueType.Time when SasDates.ToTime(v) is null => "seconds since midnight in [0, 86400) (dataType time)",
            _ => null,
        };
    }

    private static void WriteText(Dataset dataset, Stream stream, bool ndjson, DatasetJsonWriteOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer, ValueOptions);

        // Top-level attributes up to label, in the specification's order; the object stays open.
        json.WriteStartObject();
        json.WriteString("datasetJSONCreationDateTime", FormatTimestamp(options.CreationDateTime));
        json.WriteString("datasetJSONVersion", Version);
        WriteOptional(json, "fileOID", options.FileOid);
        if (options.DbLastModifiedDateTime is { } modified)
        {
            json.WriteString("dbLastModifiedDateTime", FormatTimestamp(modified));
        }

        WriteOptional(json, "originator", options.Originator);
        if (options.SourceSystemName is not null)
        {
            json.WriteStartObject("sourceSystem");
            json.WriteString("name", options.SourceSystemName);
            json.WriteString("version", options.SourceSystemVersion);
            json.WriteEndObject();
        }

        WriteOptional(json, "studyOID", options.StudyOid);
        WriteOptional(json, "metaDataVersionOID", options.MetaDataVersionOid);
        WriteOptional(json, "metaDataRef", options.MetaDataRef);
        json.WriteString("itemGroupOID", options.ItemGroupOid ?? "IG." + dataset.Name);
        json.WriteNumber("records", dataset.RowCount);
        json.WriteString("name", dataset.Name);
        json.WriteString("label", dataset.Label);
        json.Flush();
        Drain(buffer, stream);

        string separator = ndjson ? "," : ",\n";
        Raw(stream, dataset.Columns.Count == 0 || ndjson ? ",\"columns\":[" : ",\"columns\":[\n");
        for (int c = 0; c < dataset.Columns.Count; c++)
        {
            if (c > 0)
            {
                Raw(stream, separator);
            }

            json.Reset();
            WriteColumn(json, dataset, dataset.Columns[c]);
            json.Flush();
            Drain(buffer, stream);
        }

        if (ndjson)
        {
            Raw(stream, "]}\n");
        }
        else
        {
            Raw(stream, dataset.Columns.Count == 0 ? "]" : "\n]");
            Raw(stream, dataset.RowCount == 0 ? ",\"rows\":[" : ",\"rows\":[\n");
        }

        for (int r = 0; r < dataset.RowCount; r++)
        {
            if (r > 0 && !ndjson)
            {
                Raw(stream, ",\n");
            }

            json.Reset();
            WriteRow(json, dataset, r);
            json.Flush();
            Drain(buffer, stream);
            if (ndjson)
            {
                Raw(stream, "\n");
            }
        }

        if (!ndjson)
        {
            Raw(stream, dataset.RowCount == 0 ? "]}\n" : "\n]}\n");
        }
    }

    private static void WriteColumn(Utf8JsonWriter json, Dataset dataset, DatasetColumn column)
    {
        json.WriteStartObject();
        json.WriteString("itemOID", column.ItemOid ?? $"IT.{dataset.Name}.{column.Name}");
        json.WriteString("name", column.Name);
        json.WriteString("label", column.Label);
        json.WriteString("dataType", DataTypeOf(column.Type));
        WriteOptional(json, "targetDataType", TargetDataTypeOf(column.Type));
        if (column.Length is { } length)
        {
            json.WriteNumber("length", length);
        }

        WriteOptional(json, "displayFormat", column.DisplayFormat);
        if (column.KeySequence is { } key)
        {
            json.WriteNumber("keySequence", key);
        }

        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, Dataset dataset, int row)
    {
        json.WriteStartArray();
        foreach (var column in dataset.Columns)
        {
            if (column.IsCharacter)
            {
                string? s = column.GetString(row);
                if (s is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    WriteText(json, s, dataset, column, row);
                }

                continue;
            }

            double v = column.Numbers[row];
            if (double.IsNaN(v))
            {
                json.WriteNullValue();
                continue;
            }

            switch (column.Type)
            {
                case DatasetValueType.Integer:
                    json.WriteNumberValue((long)v);
                    break;
                case DatasetValueType.Decimal:
                    json.WriteStringValue(FormatDecimal(v));
                    break;
                case DatasetValueType.Boolean:
                    json.WriteBooleanValue(v != 0);
                    break;
                case DatasetValueType.Date:
                    json.WriteStringValue(SasDates.ToDate(v)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case DatasetValueType.DateTime:
                    var dt = SasDates.ToDateTime(v)!.Value;
                    json.WriteStringValue(dt.ToString(dt.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                    break;
                case DatasetValueType.Time:
                    var t = SasDates.ToTime(v)!.Value;
                    json.WriteStringValue(t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                    break;
                default:
                    json.WriteNumberValue(v);
                    break;
            }
        }

        json.WriteEndArray();
    }

    private static void WriteText(Utf8JsonWriter json, string s, Dataset dataset, DatasetColumn column, int row)
    {
        try
        {
            json.WriteStringValue(s);
        }
        catch (ArgumentException ex)
        {
            throw new DatasetFormatException(
                new Problem(dataset.Name, null, row + 1, column.Name, "TEXT_ENCODING", "text that can be encoded as UTF-8", "invalid UTF-16 (a lone surrogate)", "Correct the value."),
                ex);
        }
    }

    /// <summary>Shortest round-trip digits in plain notation ("0.00001", not "1E-05"), dot as the separator.</summary>
    internal static string FormatDecimal(double v)
    {
        string r = v.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('E', StringComparison.Ordinal) && decimal.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d))
        {
            string plain = d.ToString(CultureInfo.InvariantCulture);
            if (double.Parse(plain, NumberStyles.Float, CultureInfo.InvariantCulture).Equals(v))
            {
                return plain;
            }
        }

        return r;
    }

    private static string FormatTimestamp(DateTime value)
    {
        string format = value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return value.Kind == DateTimeKind.Utc ? text + "Z" : text;
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Drain(ArrayBufferWriter<byte> buffer, Stream stream)
    {
        stream.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
    }

    private static void Raw(Stream stream, string ascii) => stream.Write(Encoding.ASCII.GetBytes(ascii));
}
