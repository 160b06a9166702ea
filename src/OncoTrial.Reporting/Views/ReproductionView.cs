using OncoTrial.ReferenceCohort;
using OncoTrial.Reporting.Contracts;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Views;

/// <summary>A <see cref="Reproduction"/> as a table (text, CSV) and as JSON.</summary>
public static class ReproductionView
{
    /// <summary>The JSON contract.</summary>
    public static ReproductionJson ToJson(Reproduction reproduction)
    {
        ArgumentNullException.ThrowIfNull(reproduction);
        return new ReproductionJson(
            reproduction.Study,
            reproduction.Method,
            [.. reproduction.Values.Select(v => new ReproducedValueJson(v.Id, v.Published, v.Computed, v.Tolerance, v.Verdict, v.Note))],
            new ReproductionCountsJson(reproduction.Count(ReproductionVerdict.Exact), reproduction.Count(ReproductionVerdict.Within), reproduction.Count(ReproductionVerdict.Differs)),
            reproduction.Readings);
    }

    /// <summary>Every published value beside the computed one, with the verdict; then the method, the readings and the counts.</summary>
    public static Document ToDocument(Reproduction reproduction)
    {
        ArgumentNullException.ThrowIfNull(reproduction);
        var doc = new DocumentBuilder("Reproduction of Li et al., Signal Transduct Target Ther 2024;9:303");
        doc.Table(ToTable(reproduction));
        doc.BlankLine();
        doc.Paragraph(Formats.Invariant($"{reproduction.Count(ReproductionVerdict.Exact)} exact, {reproduction.Count(ReproductionVerdict.Within)} within the stated tolerance, {reproduction.Count(ReproductionVerdict.Differs)} differ, of {reproduction.Values.Count} published values ({reproduction.Study})."));
        return doc.Build();
    }

    /// <summary>The comparison table: id, published, computed (at the paper's precision), difference, verdict, note.</summary>
    public static ReportTable ToTable(Reproduction reproduction)
    {
        ArgumentNullException.ThrowIfNull(reproduction);
        ColumnHeader[] columns =
        [
            ColumnHeader.Text("Value", "id"), ColumnHeader.Number("Published", "published"), ColumnHeader.Number("Computed", "computed"),
            ColumnHeader.Number("Difference", "difference"), ColumnHeader.Text("Verdict", "verdict"), ColumnHeader.Text("Note", "note"),
        ];
        var rows = reproduction.Values.Select(v => new TableRow(
        [
            Cell.FromText(v.Id),
            Cell.Formatted(v.PublishedText, v.Published),
            Cell.Formatted(v.ComputedText, v.Computed),
            Cell.Formatted(v.Published is { } p && v.Computed is { } c ? (c - p).ToString("+0.####;-0.####;0", System.Globalization.CultureInfo.InvariantCulture) : string.Empty, v.Published is { } p2 && v.Computed is { } c2 ? c2 - p2 : null),
            Cell.FromText(Vocabulary.Token(v.Verdict)),
            Cell.FromText(v.Note ?? string.Empty),
        ]));
        return ReportTable.Create(null, columns, rows, [reproduction.Method, .. reproduction.Readings.Select(r => "Reading: " + r)]);
    }
}
