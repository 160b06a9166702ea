using System.Diagnostics;
using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Reporting.Figures;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Benchmarks;

/// <summary>
/// The two Kaplan-Meier figures of benchmarks/report.sh drawn in one process after a warm-up, the counterpart of R's
/// "plots alone" (timed inside R after <c>library(survminer)</c>): for PFS and OS, the Kaplan-Meier analysis of the
/// ADTTE and the 300-dpi PNG of its figure (CI band, censor marks, median lines, numbers at risk).
/// Usage: <c>oncotrial-bench km-figures --adtte FILE --out DIR [--reps 5]</c>; prints <c>figures SECONDS</c> (median).
/// </summary>
internal static class KmFiguresBenchmark
{
    public static int Run(IReadOnlyDictionary<string, string> opt)
    {
        string adtte = opt["adtte"];
        string outDir = opt.GetValueOrDefault("out", ".");
        int reps = int.Parse(opt.GetValueOrDefault("reps", "5"), CultureInfo.InvariantCulture);
        Directory.CreateDirectory(outDir);
        var data = DatasetFiles.Read(adtte);
        void Draw()
        {
            foreach (string param in new[] { "PFS", "OS" })
            {
                // The same reading as `oncotrial survival --time AVAL --censor CNSR --where PARAMCD=...`.
                var filter = RowFilter.Parse("PARAMCD=" + param, new List<string>())!;
                var columns = new TimeToEventColumns("AVAL", null, "CNSR", null, null, null) { Where = [filter] };
                var (rows, problems) = TimeToEventData.FromDataset(data, adtte, columns);
                var input = rows ?? throw new InvalidOperationException(string.Join("; ", problems));
                var options = SurvivalAnalysisOptions.Default with { LandmarkTimes = [365.25] };
                var result = SurvivalAnalysis.Run(input.Time, input.Status, null, null, null, options);
                var source = new SurvivalDataSource(adtte, columns);
                var figure = SurvivalFigure.Create(source, result, SurvivalTimeUnit.Days);
                File.WriteAllBytes(Path.Combine(outDir, "km-" + param.ToLowerInvariant() + ".png"), PngRenderer.Render(figure));
            }
        }

        Draw();
        var times = new List<double>();
        for (int i = 0; i < reps; i++)
        {
            var sw = Stopwatch.StartNew();
            Draw();
            times.Add(sw.Elapsed.TotalSeconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"figures {times[times.Count / 2]:0.000}"));
        return 0;
    }
}
