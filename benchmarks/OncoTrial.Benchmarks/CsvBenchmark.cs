using System.Diagnostics;
using System.Globalization;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Benchmarks;

/// <summary>
/// <c>oncotrial-bench csv --file FILE [--reps K] [--time C --event C --group C]</c>: reads the CSV written by
/// benchmarks/r/gen-csv.R the ways OncoTrial can, one warm-up then the median of K runs each, and prints MB/s:
/// the whole table (<see cref="CsvTable.ReadFile"/>, a string per cell), the table plus
/// <see cref="TimeToEventData.FromTable"/>, and the columnar path <see cref="TimeToEventData.Read"/>. Each is given
/// by wall clock and by the process's CPU time (which moves less on a shared machine).
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
        Report("TimeToEventData.Read", mb, Time(reps, () =>
        {
            using var stream = File.OpenRead(path);
            rows = TimeToEventData.Read(stream, path, columns).Data!.Time.Count;
        }), rows);
        return 0;
    }

    private static (double Wall, double Cpu) Time(int reps, Action read)
    {
        read(); // warm-up
        var wall = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < reps; r++)
        {
            GC.Collect();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            read();
            wall.Add(sw.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpu0).TotalSeconds);
        }

        wall.Sort();
        cpu.Sort();
        return (wall[wall.Count / 2], cpu[cpu.Count / 2]);
    }

    private static void Report(string what, double mb, (double Wall, double Cpu) seconds, int rows) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what}\t{rows} rows\t{seconds.Wall:0.000} s\t{mb / seconds.Wall:0.0} MB/s\tCPU {seconds.Cpu:0.000} s\t{mb / seconds.Cpu:0.0} MB/s"));
}
