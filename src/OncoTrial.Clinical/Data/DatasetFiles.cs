using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// Reads and writes a <see cref="Dataset"/> in the format its file extension names (case-insensitive): .csv
/// (<see cref="CsvDataset"/>), .json, .ndjson and .dsjc (CDISC Dataset-JSON v1.1, <see cref="DatasetJsonFile"/>, written
/// with the reproducible default options) and .xpt (SAS XPORT v5, <see cref="XptFile"/>, deterministic header).
/// </summary>
public static class DatasetFiles
{
    private const string Supported = ".csv, .json (Dataset-JSON), .ndjson (Dataset-JSON NDJSON), .dsjc (compressed Dataset-JSON) or .xpt (SAS XPORT v5)";

    /// <summary>Reads the dataset in <paramref name="path"/>.</summary>
    /// <exception cref="DatasetFormatException">The extension is not supported, or the file cannot be read as that format.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Dataset Read(string path) => Extension(path) switch
    {
        ".CSV" => CsvDataset.Read(path),
        ".JSON" or ".NDJSON" or ".DSJC" => DatasetJsonFile.Read(path),
        ".XPT" => XptFile.Read(path),
        _ => throw Unsupported(path),
    };

    /// <summary>Reads a dataset from a stream, in the format <paramref name="fileName"/>'s extension names.</summary>
    /// <param name="stream">The content; read to its end, not disposed.</param>
    /// <param name="fileName">The file name (or path), for the format and for messages.</param>
    /// <exception cref="DatasetFormatException">The extension is not supported, or the content cannot be read as that format.</exception>
    public static Dataset Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Extension(fileName) switch
        {
            ".CSV" => CsvDataset.Read(stream, fileName),
            ".JSON" => DatasetJsonFile.Read(stream, DatasetJsonForm.Json, fileName),
            ".NDJSON" => DatasetJsonFile.Read(stream, DatasetJsonForm.NdJson, fileName),
            ".DSJC" => DatasetJsonFile.Read(stream, DatasetJsonForm.CompressedNdJson, fileName),
            ".XPT" => XptFile.Read(stream, fileName),
            _ => throw Unsupported(fileName),
        };
    }

    /// <summary>Reads the dataset <paramref name="fileName"/> of a <see cref="FileSource"/>.</summary>
    /// <exception cref="DatasetFormatException">The extension is not supported, or the file cannot be read as that format.</exception>
    /// <exception cref="FileNotFoundException">The source has no such file.</exception>
    public static Dataset Read(FileSource source, string fileName)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var stream = source.Open(fileName);
        return Read(stream, fileName);
    }

    /// <summary>Writes <paramref name="dataset"/> to <paramref name="path"/>, replacing an existing file.</summary>
    /// <exception cref="DatasetFormatException">The extension is not supported, or a value has no form in that format.</exception>
    public static void Write(Dataset dataset, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        switch (Extension(path))
        {
            case ".CSV":
                CsvDataset.Write(dataset, path);
                break;
            case ".JSON" or ".NDJSON" or ".DSJC":
                DatasetJsonFile.Write(dataset, path);
                break;
            case ".XPT":
                XptFile.Write(dataset, path);
                break;
            default:
                throw Unsupported(path);
        }
    }

    /// <summary>A problem for <paramref name="option"/> when <paramref name="path"/>'s extension names no supported format; empty otherwise.</summary>
    public static IReadOnlyList<Problem> CheckExtension(string path, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Extension(path) is ".CSV" or ".JSON" or ".NDJSON" or ".DSJC" or ".XPT")
        {
            return [];
        }

        string extension = Path.GetExtension(path);
        return [Problem.ForOption(option, "FORMAT_UNKNOWN", $"a dataset file ending in {Supported}", extension.Length == 0 ? "no extension" : $"\"{extension}\"", "Rename the file or convert it to a supported format.") with { File = path }];
    }

    /// <summary>The name of the format <paramref name="path"/>'s extension stands for, e.g. "Dataset-JSON NDJSON".</summary>
    /// <exception cref="DatasetFormatException">The extension is not supported.</exception>
    public static string FormatName(string path) => Extension(path) switch
    {
        ".CSV" => "CSV",
        ".JSON" => "Dataset-JSON",
        ".NDJSON" => "Dataset-JSON NDJSON",
        ".DSJC" => "compressed Dataset-JSON",
        ".XPT" => "SAS XPORT v5",
        _ => throw Unsupported(path),
    };

    private static string Extension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToUpperInvariant();
    }

    private static DatasetFormatException Unsupported(string path)
    {
        string extension = Path.GetExtension(path);
        string found = extension.Length == 0 ? "no extension" : $"\"{extension}\"";
        return new DatasetFormatException(Problem.InFile(path, "FORMAT_UNSUPPORTED", $"a dataset file ending in {Supported}", found, "Rename the file or convert it to a supported format."));
    }
}
