using OncoTrial.Reporting.Report;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Html;

/// <summary>What <c>oncotrial report</c> prints at the end: the headline numbers and the files written.</summary>
public static class ReportSummary
{
    /// <summary>The summary as a document: the study, the headline numbers (N, ORR, median PFS and OS), the folder and its files (grouped by sub-folder).</summary>
    /// <param name="report">The report.</param>
    /// <param name="folder">The folder written.</param>
    public static Document ToDocument(TrialReport report, ReportFolder folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(folder);
        var doc = new DocumentBuilder("Report written");
        doc.Paragraph(report.Title + ", data cutoff " + report.Header.DataCutoffText);
        var rows = report.Headlines.Select(h => new TableRow([Cell.FromText(h.Label), h.Value]) { Key = h.Key });
        doc.Table(ReportTable.Create(null, [ColumnHeader.Text("Headline", "headline"), ColumnHeader.Number("Value", "value")], rows) with { ShowHeader = false }, 1);
        var notes = report.Notes.Count(p => p.Severity == ProblemSeverity.Warning);
        if (notes > 0)
        {
            doc.Paragraph(Formats.Invariant($"{notes} warning(s) on the data: see {ReportLayout.Html}#notes."));
        }

        doc.Paragraph(Formats.Invariant($"Wrote {folder.Files.Count} files to {folder.Folder}:"));
        foreach (var group in folder.Files.GroupBy(f => f.Contains('/', StringComparison.Ordinal) ? f[..f.IndexOf('/', StringComparison.Ordinal)] + "/" : f))
        {
            doc.Paragraph(group.Key.EndsWith('/') ? Formats.Invariant($"{group.Key} ({group.Count()} files)") : group.Key, 1);
        }

        return doc.Build();
    }
}
