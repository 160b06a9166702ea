using System.IO.Compression;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>The three physical forms of a CDISC Dataset-JSON v1.1 file.</summary>
public enum DatasetJsonForm
{
    /// <summary>One JSON object with the metadata and a <c>rows</c> array (<c>.json</c>).</summary>
    Json,

    /// <summary>Newline-delimited JSON: line 1 the metadata object, then one JSON array per row (<c>.ndjson</c>).</summary>
    NdJson,

    /// <summary>The NDJSON form compressed with zlib (DSJC v1.1, <c>.dsjc</c>).</summary>
    CompressedNdJson,
}

/// <summary>
/// What the writer does with SAS special missing values (.A-.Z, ._), which Dataset-JSON cannot carry: it has only
/// <c>null</c>.
/// </summary>
public enum DatasetJsonSpecialMissing
{
    /// <summary>Refuse to write: <see cref="DatasetFormatException"/> names every column and row affected (default).</summary>
    Reject,

    /// <summary>Write them as <c>null</c>, like ordinary missing values; the codes are lost (the caller accepted it).</summary>
    WriteAsNull,
}

/// <summary>
/// Top-level attributes of a Dataset-JSON file that the <see cref="Dataset"/> model does not hold, and the
/// handling of SAS special missing values. The defaults give reproducible files: the same dataset always gives the
/// same bytes.
/// </summary>
public sealed record DatasetJsonWriteOptions
{
    /// <summary>
    /// The fixed creation date-time written when the caller sets none, 1970-01-01T00:00:00 (the
    /// SOURCE_DATE_EPOCH=0 convention of reproducible builds), so a file does not change when it is re-written.
    /// </summary>
    public static readonly DateTime ReproducibleCreationDateTime = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>
    /// datasetJSONCreationDateTime. Written as yyyy-MM-ddTHH:mm:ss (fractional seconds when present), with "Z" when
    /// the kind is UTC. Default <see cref="ReproducibleCreationDateTime"/>; set it to the real time for submissions.
    /// </summary>
    public DateTime CreationDateTime { get; init; } = ReproducibleCreationDateTime;

    /// <summary>fileOID; omitted when null.</summary>
    public string? FileOid { get; init; }

    /// <summary>dbLastModifiedDateTime (on or before <see cref="CreationDateTime"/>); omitted when null.</summary>
    public DateTime? DbLastModifiedDateTime { get; init; }

    /// <summary>originator (the organisation that made the file); omitted when null.</summary>
    public string? Originator { get; init; }

    /// <summary>sourceSystem.name; set together with <see cref="SourceSystemVersion"/> or not at all.</summary>
    public string? SourceSystemName { get; init; }

    /// <summary>sourceSystem.version; set together with <see cref="SourceSystemName"/> or not at all.</summary>
    public string? SourceSystemVersion { get; init; }

    /// <summary>studyOID (Define-XML Study/@OID); omitted when null.</summary>
    public string? StudyOid { get; init; }

    /// <summary>metaDataVersionOID (Define-XML MetaDataVersion/@OID); omitted when null.</summary>
    public string? MetaDataVersionOid { get; init; }

    /// <summary>metaDataRef (URI of the Define-XML file); omitted when null.</summary>
    public string? MetaDataRef { get; init; }

    /// <summary>itemGroupOID (Define-XML ItemGroupDef/@OID); null gives "IG." + dataset name.</summary>
    public string? ItemGroupOid { get; init; }

    /// <summary>What to do with SAS special missing values (.A-.Z, ._). Default <see cref="DatasetJsonSpecialMissing.Reject"/>.</summary>
    public DatasetJsonSpecialMissing SpecialMissingValues { get; init; } = DatasetJsonSpecialMissing.Reject;
}

/// <summary>
/// CDISC Dataset-JSON v1.1 ↔ <see cref="Dataset"/>, in the JSON, NDJSON and compressed NDJSON (DSJC) forms.
/// </summary>
/// <remarks>
/// Type mapping (docs/methods/dataset-json.md): string and URI ↔ text columns ("" and null kept apart); integer ↔
/// JSON integers; decimal ↔ JSON strings with targetDataType "decimal"; float/double ↔ JSON numbers (read as
/// <see cref="DatasetValueType.Double"/>); boolean ↔ true/false (stored 1/0); date/datetime/time with targetDataType
/// "integer" (ADaM numeric dates) ↔ ISO 8601 strings stored as SAS numbers (<see cref="SasDates"/>); date/datetime/time
/// without targetDataType (SDTM --DTC, partial dates allowed) are read as text columns. Missing is null. SAS
/// special missing values have no Dataset-JSON form: see <see cref="DatasetJsonWriteOptions.SpecialMissingValues"/>.
/// Spec: cdisc-org/DataExchange-DatasetJson doc/dataset-json1-1.md (final 2024-12-05) and
/// doc/compressed-dataset-json1-1.md.
/// </remarks>
public static class DatasetJsonFile
{
    /// <summary>The form a file extension stands for (.json, .ndjson, .dsjc; case-insensitive), or null.</summary>
    public static DatasetJsonForm? FormOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSON" => DatasetJsonForm.Json,
            ".NDJSON" => DatasetJsonForm.NdJson,
            ".DSJC" => DatasetJsonForm.CompressedNdJson,
            _ => null,
        };
    }

    /// <summary>Reads a Dataset-JSON file; the form follows the extension (.json, .ndjson, .dsjc).</summary>
    /// <exception cref="DatasetFormatException">The file is not valid Dataset-JSON v1.1; the message lists every problem found.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Dataset Read(string path)
    {
        var form = RequireForm(path);
        using var stream = File.OpenRead(path);
        return Read(stream, form, path);
    }

    /// <summary>Reads Dataset-JSON from a stream; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="DatasetFormatException">The content is not valid Dataset-JSON v1.1; the message lists every problem found.</exception>
    public static Dataset Read(Stream stream, DatasetJsonForm form, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        byte[] bytes;
        using (var raw = new MemoryStream())
        {
            stream.CopyTo(raw);
            bytes = raw.ToArray();
        }

        if (form == DatasetJsonForm.CompressedNdJson)
        {
            // The compressed bytes are in memory first, so an IOException here can only come from zlib (corrupt data).
            try
            {
                using var zlib = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                zlib.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                throw new DatasetFormatException(
                    Problem.InFile(source, "DSJC_COMPRESSION", "zlib-compressed NDJSON (DSJC)", $"data that does not decompress ({ex.Message})", "Check that the file is a complete .dsjc file, or rename it to .json/.ndjson if it is not compressed."),
                    ex);
            }
        }

        return DatasetJsonReader.Parse(bytes, form == DatasetJsonForm.Json ? DatasetJsonForm.Json : DatasetJsonForm.NdJson, source);
    }

    /// <summary>
    /// Writes a Dataset-JSON file; the form follows the extension (.json, .ndjson, .dsjc). An existing file is
    /// replaced only when the whole dataset was written (a failed write leaves it as it was).
    /// </summary>
    /// <exception cref="DatasetFormatException">A value has no Dataset-JSON form (e.g. a special missing value under
    /// <see cref="DatasetJsonSpecialMissing.Reject"/>, a fractional value in an integer column); nothing is written.</exception>
    public static void Write(Dataset dataset, string path, DatasetJsonWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var form = RequireForm(path);
        string partial = path + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
            {
                DatasetJsonWriter.Write(dataset, stream, form, options ?? new DatasetJsonWriteOptions(), path);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>Writes Dataset-JSON to a stream in the given form (UTF-8 without BOM, LF line ends).</summary>
    /// <exception cref="DatasetFormatException">A value has no Dataset-JSON form; nothing is written.</exception>
    public static void Write(Dataset dataset, Stream stream, DatasetJsonForm form, DatasetJsonWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(stream);
        DatasetJsonWriter.Write(dataset, stream, form, options ?? new DatasetJsonWriteOptions(), dataset.Name);
    }

    private static DatasetJsonForm RequireForm(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FormOf(path) ?? throw new DatasetFormatException(
            Problem.InFile(path, "FORMAT_UNSUPPORTED", "a Dataset-JSON file ending in .json, .ndjson or .dsjc", $"\"{Path.GetExtension(path)}\"", "Rename the file or use DatasetFiles for other formats."));
    }
}
