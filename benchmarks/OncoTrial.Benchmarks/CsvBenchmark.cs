using System.Diagnostics;
using System.Globalization;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Benchmarks;

/// <summary>
/// <c>oncotrial-bench csv --file FILE [--reps K] [--time C --event C --group C]</c>: reads the CSV written by
/// benchmarks/r/gen-csv.R the ways OncoTrial can, one warm-up then the median of K runs each, and prints MB/s:
/// the whole table (<see cref="CsvTable.ReadFile"/>, a string per cell), the table plus
/// <see cref="TimeToEventData.FromTable"/>.
/// </summary>
internal static class CsvBenchmark
{
    public static int Run(Dictionary<string, string> opt)
    {
        string path = opt["file"];
        int reps = int.Parse(opt.GetValueOrDefault("reps", "3"), CultureInfo.InvariantCulture);
        var columns = new TimeToEventColumns(opt.GetValueOrDefault("time", "time"), opt.GetValueOrDefault("event", "status"), Group: opt.GetValueOrDefault("group", "group"));
        double mb = new FileInfo(path).Length / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"csv\t{path}\t{mb:0.0} MB"));

        int rows = 0;
        Report("CsvTable.ReadFile", mb, Time(reps, () => rows = CsvTable.ReadFile(path).Table.Records.Count), rows);
        Report("CsvTable.ReadFile + FromTable", mb, Time(reps, () => rows = TimeToEventData.FromTable(CsvTable.ReadFile(path).Table, columns).Data!.Time.Count), rows);
        return 0;
    }

    private static double Time(int reps, Action read)
    {
        read(); // warm-up
        var times = new List<double>();
        for (int r = 0; r < reps; r++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            read();
            times.Add(sw.Elapsed.TotalSeconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static void Report(string what, double mb, double seconds, int rows) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}\t{rows} rows\t{seconds:0.000} s\t{mb / seconds:0.0} MB/s"));
}
