using System.Security.Cryptography;
using OncoTrial.Clinical.Data;
using OncoTrial.Reporting.Html;
using OncoTrial.Reporting.Report;
using OncoTrial.Reporting.Tests.Tables;

namespace OncoTrial.Reporting.Tests.Report;

/// <summary>The report folder: layout, ADaM files, bytes, and the temporary folder moved into place.</summary>
public sealed class ReportWriterTests
{
    private static readonly Lazy<TrialReport> Small = new(() => TrialReport.Create(TableStudy.Build().Analyse()));

    [Fact]
    public void The_folder_holds_every_output_of_every_table_and_figure()
    {
        using var temp = new TempFolder();
        string target = Path.Combine(temp.Path, "report");
        var folder = ReportWriter.Write(Small.Value, target);
        foreach (var table in Small.Value.Tables)
        {
            foreach (string ext in new[] { ".docx", ".rtf", ".csv" })
            {
                Assert.True(File.Exists(Path.Combine(target, "tables", table.Id + ext)), table.Id + ext);
            }
        }

        foreach (var figure in Small.Value.Figures)
        {
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(target, "figures", figure.Id + ".svg")), StringComparison.Ordinal);
            var png = File.ReadAllBytes(Path.Combine(target, "figures", figure.Id + ".png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }

        Assert.True(File.Exists(Path.Combine(target, ReportLayout.Html)));
        Assert.True(File.Exists(Path.Combine(target, ReportLayout.Docx)));
        Assert.True(File.Exists(Path.Combine(target, ReportLayout.Ard)));
        Assert.Equal(folder.Files.Count, Directory.GetFiles(target, "*", SearchOption.AllDirectories).Length);
        Assert.Equal([Path.GetFileName(target)], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void The_adam_folder_has_each_dataset_as_csv_dataset_json_and_xpt_that_read_back()
    {
        using var temp = new TempFolder();
        string target = Path.Combine(temp.Path, "report");
        ReportWriter.Write(Small.Value, target, ReportOutputs.Adam);
        var names = Small.Value.Results.Analysis.Datasets.Datasets.Select(d => d.Name).ToList();
        Assert.Superset(new HashSet<string> { "ADSL", "ADRS", "ADTR", "ADTTE", "ADAE", "ADEX" }, names.ToHashSet());
        foreach (var dataset in Small.Value.Results.Analysis.Datasets.Datasets)
        {
            foreach (string ext in ReportLayout.AdamExtensions)
            {
                var back = DatasetFiles.Read(Path.Combine(target, "adam", dataset.Name.ToLowerInvariant() + ext));
                Assert.Equal(dataset.RowCount, back.RowCount);
            }
        }
    }

    [Fact]
    public void The_same_report_writes_the_same_bytes_twice()
    {
        using var temp = new TempFolder();
        string a = Path.Combine(temp.Path, "a");
        string b = Path.Combine(temp.Path, "b");
        ReportWriter.Write(Small.Value, a);
        ReportWriter.Write(TrialReport.Create(TableStudy.Build().Analyse()), b);
        var files = Directory.GetFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(b, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b, f)).Order(StringComparer.Ordinal));
        foreach (string file in files)
        {
            Assert.True(SHA256.HashData(File.ReadAllBytes(Path.Combine(a, file))).AsSpan().SequenceEqual(SHA256.HashData(File.ReadAllBytes(Path.Combine(b, file)))), file + " differs");
        }
    }

    [Fact]
    public void An_existing_report_is_replaced_whole_and_no_temporary_folder_is_left()
    {
        using var temp = new TempFolder();
        string target = Path.Combine(temp.Path, "report");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "stale.txt"), "from an earlier run");
        ReportWriter.Write(Small.Value, target, ReportOutputs.Html | ReportOutputs.Ard);
        Assert.False(File.Exists(Path.Combine(target, "stale.txt")));
        Assert.Equal(["ard.json", "report.html"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["report"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_cancelled_write_leaves_the_old_report_and_no_temporary_folder()
    {
        using var temp = new TempFolder();
        string target = Path.Combine(temp.Path, "report");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "old.txt"), "old");
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done == 2)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => ReportWriter.Write(Small.Value, target, ReportOutputs.All, progress, cancel.Token));
        Assert.Equal(["old.txt"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Equal(["report"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Each_table_file_prints_the_report_title_once_and_the_table_title_once()
    {
        using var temp = new TempFolder();
        string target = Path.Combine(temp.Path, "report");
        ReportWriter.Write(Small.Value, target, ReportOutputs.Docx | ReportOutputs.Rtf);
        foreach (var table in Small.Value.Tables)
        {
            string path = Path.Combine(target, ReportLayout.TablesFolder, table.Id + ".docx");
            using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false);
            var paragraphs = docx.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Equal(1, paragraphs.Count(p => p == Small.Value.Title));
            Assert.Equal(1, paragraphs.Count(p => p == table.Title));

            string rtf = File.ReadAllText(Path.Combine(target, ReportLayout.TablesFolder, table.Id + ".rtf"));
            Assert.Contains(Small.Value.Title, rtf, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_word_document_holds_every_table_and_a_picture_per_figure()
    {
        using var temp = new TempFolder();
        string target = Path.Combine(temp.Path, "report");
        ReportWriter.Write(Small.Value, target, ReportOutputs.Docx);
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(target, ReportLayout.Docx), false);
        var body = docx.MainDocumentPart!.Document!.Body!;
        Assert.Equal(Small.Value.Tables.Count, body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count());
        Assert.Equal(Small.Value.Figures.Count, docx.MainDocumentPart.ImageParts.Count());
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(docx).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5).Select(e => e.Description)));
    }

    private sealed class SynchronousProgress(Action<ReportProgress> report) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value) => report(value);
    }
}
