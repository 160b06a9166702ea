using System.Diagnostics;
using System.Globalization;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Benchmarks;

/// <summary>
/// <c>oncotrial-bench xpt --rows N --out FILE</c>: writes a seeded ADTTE-like dataset of N rows × 10 columns
/// (4 text, 6 numeric including a date) as SAS XPORT v5 with OncoTrial's writer, then reads it back a few times
/// and prints the median read time, the write time, and a checksum that benchmarks/r/xpt.R recomputes with
/// foreign::read.xport on the same file.
/// </summary>
internal static class XptBenchmark
{
    public static int Run(Dictionary<string, string> opt)
    {
        int rows = int.Parse(opt.GetValueOrDefault("rows", "1000000"), CultureInfo.InvariantCulture);
        int reps = int.Parse(opt.GetValueOrDefault("reps", "3"), CultureInfo.InvariantCulture);
        string path = opt["out"];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        var rng = new Random(20261125);
        string[] arms = ["Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"];
        var usubjid = new string?[rows];
        var paramcd = new string?[rows];
        var trta = new string?[rows];
        var evntdesc = new string?[rows];
        var aval = new double[rows];
        var cnsr = new double[rows];
        var age = new double[rows];
        var adt = new double[rows];
        var x1 = new double[rows];
        var x2 = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            usubjid[i] = string.Create(CultureInfo.InvariantCulture, $"01-{i / 3:D7}");
            paramcd[i] = (i % 3) switch { 0 => "OS", 1 => "PFS", _ => "DOR" };
            trta[i] = arms[rng.Next(3)];
            cnsr[i] = rng.Next(2);
            evntdesc[i] = cnsr[i] == 0 ? "Death" : null;
            aval[i] = Math.Round(rng.NextDouble() * 900, 1);
            age[i] = 40 + rng.Next(35);
            adt[i] = 22000 + rng.Next(1500);
            x1[i] = rng.NextDouble();
            x2[i] = i % 97 == 0 ? double.NaN : (rng.NextDouble() * 100) - 50;
        }

        var dataset = new Dataset("ADTTE", "Time-to-Event Analysis Dataset",
        [
            DatasetColumn.Character("USUBJID", "Unique Subject Identifier", usubjid),
            DatasetColumn.Character("PARAMCD", "Parameter Code", paramcd),
            DatasetColumn.Character("TRTA", "Actual Treatment", trta),
            DatasetColumn.Character("EVNTDESC", "Event or Censoring Description", evntdesc),
            DatasetColumn.Numeric("AVAL", "Analysis Value", DatasetValueType.Double, aval),
            DatasetColumn.Numeric("CNSR", "Censor", DatasetValueType.Double, cnsr),
            DatasetColumn.Numeric("AGE", "Age", DatasetValueType.Double, age),
            DatasetColumn.Numeric("ADT", "Analysis Date", DatasetValueType.Date, adt),
            DatasetColumn.Numeric("X1", "Covariate 1", DatasetValueType.Double, x1),
            DatasetColumn.Numeric("X2", "Covariate 2", DatasetValueType.Double, x2),
        ]);

        var sw = Stopwatch.StartNew();
        XptFile.Write(dataset, path);
        double write = sw.Elapsed.TotalSeconds;

        var times = new List<double>();
        Dataset? read = null;
        XptFile.Read(path); // warm-up
        for (int r = 0; r < reps; r++)
        {
            GC.Collect();
            sw.Restart();
            read = XptFile.Read(path);
            times.Add(sw.Elapsed.TotalSeconds);
        }

        times.Sort();
        double sum = 0;
        foreach (double v in read!.Find("AVAL")!.Numbers)
        {
            sum += v;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"oncotrial\t{read.RowCount}\t{read.Columns.Count}\t{sum:R}\t{times[times.Count / 2]:0.000}\t{write:0.000}\t{new FileInfo(path).Length}"));
        return 0;
    }
}
