using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// Reads and writes SAS XPORT version 5 transport files (SAS TS-140), the format FDA requires for study data.
/// </summary>
/// <remarks>
/// Layout, IBM floating point conversion, missing values, limits and what the reader tolerates are described in
/// docs/methods/xpt.md. R: <c>foreign::read.xport</c>, <c>haven::read_xpt/write_xpt(version = 5)</c>. SAS:
/// <c>LIBNAME x XPORT</c> with PROC COPY, or the %loc2xpt / %xpt2loc macros.
/// Types on read: character variables are <see cref="DatasetValueType.String"/> (trailing blanks trimmed, all-blank
/// = null); numeric variables are <see cref="DatasetValueType.Date"/>, <see cref="DatasetValueType.DateTime"/> or
/// <see cref="DatasetValueType.Time"/> when their format is a SAS date, date-time or time format, otherwise
/// <see cref="DatasetValueType.Double"/>. Length is the stored length (nlng), DisplayFormat the format ("DATE9.").
/// </remarks>
public static class XptFile
{
    /// <summary>Reads the single member (dataset) of an XPT file.</summary>
    /// <exception cref="DatasetFormatException">The file is not XPT v5, is damaged, or holds more or fewer than one member.</exception>
    public static Dataset Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, path);
    }

    /// <summary>Reads the single member of an XPT stream; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="DatasetFormatException">The stream is not XPT v5, is damaged, or holds more or fewer than one member.</exception>
    public static Dataset Read(Stream stream, string source)
    {
        var all = ReadAll(stream, source);
        if (all.Count != 1)
        {
            throw new DatasetFormatException(
                all.Count == 0
                    ? Problem.InFile(source, "XPT_MEMBERS", "one dataset (member)", "none", "The file holds only a library header.")
                    : Problem.InFile(source, "XPT_MEMBERS", "one dataset (member)", string.Create(CultureInfo.InvariantCulture, $"{all.Count} ({string.Join(", ", all.Select(d => d.Name))})"), "Use XptFile.ReadAll to read every member."));
        }

        return all[0];
    }

    /// <summary>Reads every member (dataset) of an XPT stream, in file order.</summary>
    /// <exception cref="DatasetFormatException">The stream is not XPT v5 or is damaged; the message gives the byte offset.</exception>
    public static IReadOnlyList<Dataset> ReadAll(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        return new XptReader(stream, source).ReadAll();
    }

    /// <summary>Writes the dataset as a one-member XPT v5 file with the default (deterministic) header.</summary>
    /// <exception cref="DatasetFormatException">The dataset breaks an XPT v5 limit; the message lists every problem. No file is created.</exception>
    public static void Write(Dataset dataset, string path) => Write(dataset, path, XptWriteOptions.Default);

    /// <summary>Writes the dataset as a one-member XPT v5 file.</summary>
    /// <exception cref="DatasetFormatException">The dataset breaks an XPT v5 limit; the message lists every problem. No file is created.</exception>
    public static void Write(Dataset dataset, string path, XptWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var plan = XptWriter.Plan(dataset, options);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        plan.WriteTo(stream);
    }

    /// <summary>Writes the dataset to a stream as a one-member XPT v5 file with the default (deterministic) header.</summary>
    /// <exception cref="DatasetFormatException">The dataset breaks an XPT v5 limit; nothing is written.</exception>
    public static void Write(Dataset dataset, Stream stream) => Write(dataset, stream, XptWriteOptions.Default);

    /// <summary>Writes the dataset to a stream as a one-member XPT v5 file.</summary>
    /// <exception cref="DatasetFormatException">The dataset breaks an XPT v5 limit; nothing is written.</exception>
    public static void Write(Dataset dataset, Stream stream, XptWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        XptWriter.Plan(dataset, options).WriteTo(stream);
    }
}

/// <summary>
/// Header fields of a written XPT file. The defaults make the output deterministic: the same dataset always gives
/// the same bytes (created = modified = 01JAN60:00:00:00, the SAS epoch, which no real export carries).
/// </summary>
public sealed record XptWriteOptions
{
    /// <summary>The defaults: SAS 9.4, X64_7PRO, timestamps 1960-01-01T00:00:00.</summary>
    public static XptWriteOptions Default { get; } = new();

    /// <summary>Creation date-time written in the library and member headers (ddMMMyy:hh:mm:ss, two-digit year).</summary>
    public DateTime Created { get; init; } = new(1960, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Modification date-time; null = <see cref="Created"/>.</summary>
    public DateTime? Modified { get; init; }

    /// <summary>SAS release field (1-8 ASCII characters, never blank: SAS refuses blank header fields).</summary>
    public string SasVersion { get; init; } = "9.4";

    /// <summary>Operating-system field (1-8 ASCII characters, never blank).</summary>
    public string OperatingSystem { get; init; } = "X64_7PRO";
}
