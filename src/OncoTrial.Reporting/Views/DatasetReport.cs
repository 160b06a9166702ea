using OncoTrial.Reporting.Contracts;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Views;

/// <summary>Datasets written by <c>derive</c> and <c>convert</c>, as documents and JSON.</summary>
public static class DatasetReport
{
    /// <summary>One line per dataset written: name, rows, columns, path.</summary>
    public static Document ToDocument(IReadOnlyList<DatasetFileJson> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var doc = new DocumentBuilder("Datasets written");
        foreach (var d in written)
        {
            doc.Paragraph(Formats.Invariant($"{d.Name}: {d.Rows} rows, {d.Columns} columns, {d.Path}"));
        }

        return doc.Build();
    }

    /// <summary>The datasets written and the warnings met.</summary>
    public static DeriveJson ToJson(IReadOnlyList<DatasetFileJson> written, IEnumerable<Problem> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        return new DeriveJson(written, [.. warnings.Select(ProblemJson.From)]);
    }

    /// <summary>The line <c>convert</c> prints.</summary>
    public static Document Converted(DatasetFileJson written, string format)
    {
        ArgumentNullException.ThrowIfNull(written);
        return new DocumentBuilder("Converted").Paragraph(Formats.Invariant($"Wrote {written.Rows} rows x {written.Columns} columns to {written.Path} ({format}).")).Build();
    }
}
