using System.Collections.Concurrent;
using System.Text;
using OncoTrial.Clinical.Data;
using OncoTrial.Reporting.Figures;
using OncoTrial.Reporting.Json;
using OncoTrial.Reporting.Report;

namespace OncoTrial.Reporting.Html;

/// <summary>A step of writing a report, for a progress display.</summary>
/// <param name="Step">What is being written, in words.</param>
/// <param name="Done">Steps done before this one.</param>
/// <param name="Total">All steps.</param>
public sealed record ReportProgress(string Step, int Done, int Total);

/// <summary>A report folder written.</summary>
/// <param name="Folder">The folder's full path.</param>
/// <param name="Files">Every file in it, relative, '/' between parts, in the order written.</param>
public sealed record ReportFolder(string Folder, IReadOnlyList<string> Files);

/// <summary>
/// Writes a report folder (docs/methods/report.md): <c>report.html</c>, <c>report.docx</c>, <c>tables/</c> (DOCX, RTF,
/// CSV per table), <c>figures/</c> (SVG, PNG per figure), <c>ard.json</c> and <c>adam/</c> (CSV, Dataset-JSON, XPT per
/// dataset). Everything is written into a temporary folder beside the target and moved into place at the end, so the
/// target is never half-written: it is the old report or the new one. The one class of the libraries that writes files.
/// </summary>
public static class ReportWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the report's folder at <paramref name="folder"/> (replaced when it exists).</summary>
    /// <param name="report">The report.</param>
    /// <param name="folder">The target folder; its parent is created when missing.</param>
    /// <param name="outputs">What to write (<see cref="ReportOutputs.All"/> by default).</param>
    /// <param name="progress">Told of each step, or null.</param>
    /// <param name="cancellationToken">Stops between steps; the target is then untouched.</param>
    /// <returns>The folder and its files.</returns>
    /// <exception cref="IOException">A file cannot be written, or <paramref name="folder"/> names a file.</exception>
    public static ReportFolder Write(TrialReport report, string folder, ReportOutputs outputs = ReportOutputs.All, IProgress<ReportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string target = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(target))
        {
            throw new IOException($"{folder} is a file; the report needs a folder. Name a folder (it is created) with --out.");
        }

        string parent = Path.GetDirectoryName(target) ?? throw new IOException($"{folder} has no parent folder to write beside.");
        Directory.CreateDirectory(parent);
        string leaf = Path.GetFileName(target);
        string temporary = Path.Combine(parent, "." + leaf + ".partial-" + Path.GetFileNameWithoutExtension(Path.GetRandomFileName()));
        var files = new List<string>();
        try
        {
            Directory.CreateDirectory(temporary);
            WriteInto(report, temporary, outputs, files, progress, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            Replace(target, temporary, parent, leaf);
        }
        catch
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            throw;
        }

        return new ReportFolder(target, files);
    }

    private static void WriteInto(TrialReport report, string root, ReportOutputs outputs, List<string> files, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        var steps = new List<(string Name, Action Run)>();
        void Step(string name, Action run) => steps.Add((name, run));
        var svgs = new Dictionary<string, string>(StringComparer.Ordinal);
        var pngs = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        bool needPng = outputs.HasFlag(ReportOutputs.Png) || outputs.HasFlag(ReportOutputs.Docx);
        void Text(string relative, string text)
        {
            Bytes(relative, Utf8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
        }

        void Bytes(string relative, byte[] bytes)
        {
            string path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            files.Add(relative);
        }

        Step("Figures (SVG)", () =>
        {
            foreach (var f in report.Figures)
            {
                svgs[f.Id] = SvgWriter.Write(f.Figure);
            }

            if (outputs.HasFlag(ReportOutputs.Svg))
            {
                foreach (var f in report.Figures)
                {
                    Text(ReportLayout.FiguresFolder + "/" + f.Id + ".svg", svgs[f.Id]);
                }
            }
        });
        if (outputs.HasFlag(ReportOutputs.Html))
        {
            Step("Web page", () => Text(ReportLayout.Html, ReportHtml.Render(report, svgs)));
        }

        if ((outputs & (ReportOutputs.Docx | ReportOutputs.Rtf | ReportOutputs.Csv)) != 0)
        {
            Step("Tables (DOCX, RTF, CSV)", () =>
            {
                // Each file: the report's title, then the table under its own caption (the table title once, not twice).
                var page = PageSetup.Default with { Header = "Study " + report.Header.StudyId + ", data cutoff " + report.Header.DataCutoffText };
                foreach (var table in report.Tables)
                {
                    string id = table.Id!;
                    var document = new DocumentBuilder(report.Title).Table(table).Build();
                    if (outputs.HasFlag(ReportOutputs.Docx))
                    {
                        Bytes(ReportLayout.TablesFolder + "/" + id + ".docx", DocxRenderer.Render(document, page));
                    }

                    if (outputs.HasFlag(ReportOutputs.Rtf))
                    {
                        Text(ReportLayout.TablesFolder + "/" + id + ".rtf", RtfRenderer.Render(document, page));
                    }

                    if (outputs.HasFlag(ReportOutputs.Csv))
                    {
                        Text(ReportLayout.TablesFolder + "/" + id + ".csv", CsvRenderer.Render(table));
                    }
                }
            });
        }

        if (outputs.HasFlag(ReportOutputs.Ard))
        {
            Step("Analysis results (ard.json)", () => Text(ReportLayout.Ard, ResultJson.Serialize(AnalysisResults.Create(report, outputs)) + "\n"));
        }

        if (outputs.HasFlag(ReportOutputs.Adam))
        {
            Step("ADaM datasets", () =>
            {
                string adam = Path.Combine(root, ReportLayout.AdamFolder);
                Directory.CreateDirectory(adam);
                foreach (var dataset in report.Results.Analysis.Datasets.Datasets)
                {
                    foreach (string extension in ReportLayout.AdamExtensions)
                    {
                        string name = dataset.Name.ToLowerInvariant() + extension;
                        DatasetFiles.Write(dataset, Path.Combine(adam, name));
                        files.Add(ReportLayout.AdamFolder + "/" + name);
                    }
                }
            });
        }

        // The PNGs (the slowest part: Skia at 300 dpi) are drawn on other threads while the other files are written; the
        // steps that need them come last and wait for them.
        Task? drawing = null;
        if (needPng)
        {
            drawing = Task.Run(
                () => Parallel.ForEach(report.Figures, new ParallelOptions { CancellationToken = cancellationToken }, f => pngs[f.Id] = PngRenderer.Render(f.Figure, PngRenderer.DocumentDpi)),
                cancellationToken);
            Step("Figures (PNG)", () =>
            {
                drawing.GetAwaiter().GetResult();
                if (outputs.HasFlag(ReportOutputs.Png))
                {
                    foreach (var f in report.Figures)
                    {
                        Bytes(ReportLayout.FiguresFolder + "/" + f.Id + ".png", pngs[f.Id]);
                    }
                }
            });
        }

        if (outputs.HasFlag(ReportOutputs.Docx))
        {
            var page = PageSetup.Default with { Header = report.Title };
            Step("Word document", () => Bytes(ReportLayout.Docx, DocxRenderer.Render(report.ToDocument(f => pngs[f.Id], page), page)));
        }

        try
        {
            RunSteps(steps, progress, cancellationToken);
        }
        finally
        {
            // Never leave a drawing thread behind (a cancelled or failed write): wait for it, ignoring its own cancellation.
            try
            {
                drawing?.Wait(CancellationToken.None);
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
            }
        }
    }

    private static void RunSteps(List<(string Name, Action Run)> steps, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        for (int i = 0; i < steps.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new ReportProgress(steps[i].Name, i, steps.Count));
            steps[i].Run();
        }

        progress?.Report(new ReportProgress("Done", steps.Count, steps.Count));
    }

    private static void Replace(string target, string temporary, string parent, string leaf)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temporary, target);
            return;
        }

        string old = Path.Combine(parent, "." + leaf + ".old-" + Path.GetFileNameWithoutExtension(Path.GetRandomFileName()));
        Directory.Move(target, old);
        try
        {
            Directory.Move(temporary, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }

        Directory.Delete(old, recursive: true);
    }
}
