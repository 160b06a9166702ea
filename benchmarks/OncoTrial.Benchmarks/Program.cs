using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using OncoTrial.Statistics;

namespace OncoTrial.Benchmarks;

/// <summary>
/// Times OncoTrial on the data set written by benchmarks/r/gen.R, prints the key numbers and timings as JSON, and,
/// given R's results (benchmarks/r/bench.R), checks agreement and prints the ratio table. Run by benchmarks/run.sh.
/// </summary>
/// <remarks>
/// Usage: oncotrial-bench --data DIR --reps K --small-calls M --workloads km_day,km_cont,logrank_day,logrank_cont,cox,coxfit,small
/// [--json OUT] [--r R.tsv] [--label TEXT]. Exit code 1 when a number disagrees with R.
/// </remarks>
internal static class Program
{
    private static readonly double[] Landmarks = [30, 90, 180, 365, 730];

    private static readonly KaplanMeierOptions KmOptions = KaplanMeierOptions.Default with { QuantileRule = QuantileRule.RPrint };

    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "xpt")
        {
            return XptBenchmark.Run(ParseArgs(args[1..], required: "out"));
        }

        if (args.Length > 0 && args[0] == "km-figures")
        {
            return KmFiguresBenchmark.Run(ParseArgs(args[1..], required: "adtte"));
        }

        if (args.Length > 0 && args[0] == "csv")
        {
            return CsvBenchmark.Run(ParseArgs(args[1..], required: "file"));
        }

        var opt = ParseArgs(args, required: "data");
        string dir = opt["data"];
        int reps = int.Parse(opt.GetValueOrDefault("reps", "5"), CultureInfo.InvariantCulture);
        int smallCalls = int.Parse(opt.GetValueOrDefault("small-calls", "5000"), CultureInfo.InvariantCulture);
        var workloads = new HashSet<string>(opt.GetValueOrDefault("workloads", "km_day,km_cont,logrank_day,logrank_cont,cox,coxfit,small").Split(','), StringComparer.Ordinal);

        var data = DataSet.Load(dir);
        var results = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var bench = new Bench(reps, results);

        if (workloads.Contains("km_day"))
        {
            var fit = bench.Time("km_day", () => KmByGroup(data.TDay, data.Status, data.Group));
            KmNumbers(results, "km_day", fit);
        }

        if (workloads.Contains("km_cont"))
        {
            var fit = bench.Time("km_cont", () => KmByGroup(data.TCont, data.Status, data.Group));
            KmNumbers(results, "km_cont", fit);
        }

        if (workloads.Contains("logrank_day"))
        {
            var lr = bench.Time("logrank_day", () => LogRankTest.Compute(data.TDay, data.Status, data.Group, 2));
            results["logrank_day.chisq"] = lr.Test.ChiSquare;
            results["logrank_day.expected0"] = lr.Expected[0];
        }

        if (workloads.Contains("logrank_cont"))
        {
            var lr = bench.Time("logrank_cont", () => LogRankTest.Compute(data.TCont, data.Status, data.Group, 2));
            results["logrank_cont.chisq"] = lr.Test.ChiSquare;
            results["logrank_cont.expected0"] = lr.Expected[0];
        }

        if (workloads.Contains("cox"))
        {
            // End to end: the covariates are built from the data arrays (the 0/1 group as a numeric term), then fitted.
            var fit = bench.Time("cox", () => CoxModel.Fit(data.TDay, data.Status, Covariates(data.Group, data.X2, data.X3)));
            CoxNumbers(results, "cox", fit);
        }

        if (workloads.Contains("coxfit"))
        {
            // The kernel alone, against coxph.fit: covariates prepared beforehand, the fit (sort, centre, Newton-Raphson) timed.
            var covariates = Covariates(data.Group, data.X2, data.X3);
            var fit = bench.Time("coxfit", () => CoxModel.Fit(data.TDay, data.Status, covariates));
            CoxNumbers(results, "coxfit", fit);
        }

        if (workloads.Contains("small"))
        {
            var small = data.Head(500);
            SmallResult one = SmallCase(small);
            bench.TimePerCall("small", smallCalls, () => SmallCase(small));
            KmNumbers(results, "small.km", one.Km);
            results["small.logrank.chisq"] = one.LogRank.Test.ChiSquare;
            CoxNumbers(results, "small.cox", one.Cox);
        }

        string json = ToJson(data.N, reps, smallCalls, results);
        if (opt.TryGetValue("json", out string? jsonPath))
        {
            File.WriteAllText(jsonPath, json);
        }
        else
        {
            Console.WriteLine(json);
        }

        return opt.TryGetValue("r", out string? rPath)
            ? Report.CompareAndPrint(results, Report.ReadR(rPath), opt.GetValueOrDefault("label", "n = " + data.N.ToString(CultureInfo.InvariantCulture)))
            : 0;
    }

    private static Dictionary<string, string> ParseArgs(string[] args, string required)
    {
        var opt = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException("expected --name value pairs, found " + args[i], nameof(args));
            }

            opt[args[i][2..]] = args[i + 1];
        }

        if (!opt.ContainsKey(required))
        {
            throw new ArgumentException(required == "data" ? "--data DIR is required (a folder written by benchmarks/r/gen.R)" : $"--{required} is required", nameof(args));
        }

        return opt;
    }

    /// <summary>Splits time and status by the 0/1 group code and fits one Kaplan-Meier curve per group.</summary>
    private static KaplanMeierCurve[] KmByGroup(double[] time, int[] status, int[] group)
    {
        int n1 = 0;
        foreach (int g in group)
        {
            n1 += g;
        }

        var t = new double[2][] { new double[time.Length - n1], new double[n1] };
        var s = new int[2][] { new int[time.Length - n1], new int[n1] };
        var k = new int[2];
        for (int i = 0; i < time.Length; i++)
        {
            int g = group[i];
            t[g][k[g]] = time[i];
            s[g][k[g]++] = status[i];
        }

        return [KaplanMeier.Fit(t[0], s[0], options: KmOptions), KaplanMeier.Fit(t[1], s[1], options: KmOptions)];
    }

    private static CoxCovariate[] Covariates(int[] group, double[] x2, double[] x3)
    {
        var g = new double[group.Length];
        for (int i = 0; i < g.Length; i++)
        {
            g[i] = group[i];
        }

        return [CoxCovariate.Numeric("group", g), CoxCovariate.Numeric("x2", x2), CoxCovariate.Numeric("x3", x3)];
    }

    private sealed record SmallResult(KaplanMeierCurve[] Km, LogRankResult LogRank, CoxFit Cox);

    /// <summary>One call of the small case: Kaplan-Meier by group, log-rank and Cox on 500 rows (integer days).</summary>
    private static SmallResult SmallCase(DataSet d) => new(
        KmByGroup(d.TDay, d.Status, d.Group),
        LogRankTest.Compute(d.TDay, d.Status, d.Group, 2),
        CoxModel.Fit(d.TDay, d.Status, Covariates(d.Group, d.X2, d.X3)));

    private static void KmNumbers(SortedDictionary<string, double> r, string key, KaplanMeierCurve[] curves)
    {
        for (int g = 0; g < 2; g++)
        {
            var c = curves[g];
            foreach (double t in Landmarks)
            {
                r[string.Create(CultureInfo.InvariantCulture, $"{key}.g{g}.surv{t}")] = c.Landmark(t).Survival ?? double.NaN;
            }

            r[string.Create(CultureInfo.InvariantCulture, $"{key}.g{g}.median")] = c.Median.Estimate ?? double.NaN;
            r[string.Create(CultureInfo.InvariantCulture, $"{key}.g{g}.events")] = c.Events;
            r[string.Create(CultureInfo.InvariantCulture, $"{key}.g{g}.distinct")] = c.Steps.Count;
        }
    }

    private static void CoxNumbers(SortedDictionary<string, double> r, string key, CoxFit fit)
    {
        for (int j = 0; j < fit.Terms.Count; j++)
        {
            r[string.Create(CultureInfo.InvariantCulture, $"{key}.coef{j + 1}")] = fit.Terms[j].Coefficient;
        }

        r[key + ".loglik"] = fit.LogLikelihood;
        r[key + ".iter"] = fit.Iterations;
    }

    private static string ToJson(int n, int reps, int smallCalls, SortedDictionary<string, double> results)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("n", n);
            w.WriteNumber("reps", reps);
            w.WriteNumber("smallCalls", smallCalls);
            w.WriteString("runtime", RuntimeInformation.FrameworkDescription);
            w.WriteNumber("processors", Environment.ProcessorCount);
            w.WriteStartObject("results");
            foreach (var (k, v) in results)
            {
                if (double.IsFinite(v))
                {
                    w.WriteNumber(k, v);
                }
                else
                {
                    w.WriteNull(k);
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>Warm-up, then the median of k timed runs, each after a full garbage collection.</summary>
internal sealed class Bench(int reps, SortedDictionary<string, double> results)
{
    public T Time<T>(string key, Func<T> f)
    {
        T value = f();
        var seconds = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long start = Stopwatch.GetTimestamp();
            value = f();
            seconds[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        results[key + ".seconds"] = Median(seconds);
        return value;
    }

    public void TimePerCall<T>(string key, int calls, Func<T> f)
    {
        // Warm-up long enough for tiered compilation to reach its optimised code.
        for (int i = 0; i < Math.Min(calls, 2000); i++)
        {
            GC.KeepAlive(f());
        }

        var seconds = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < calls; i++)
            {
                GC.KeepAlive(f());
            }

            seconds[r] = Stopwatch.GetElapsedTime(start).TotalSeconds / calls;
        }

        results[key + ".seconds"] = Median(seconds);
    }

    private static double Median(double[] v)
    {
        Array.Sort(v);
        return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[(v.Length / 2) - 1] + v[v.Length / 2]);
    }
}

/// <summary>The columns written by benchmarks/r/gen.R.</summary>
internal sealed record DataSet(int N, double[] TDay, double[] TCont, int[] Status, int[] Group, double[] X2, double[] X3)
{
    public static DataSet Load(string dir)
    {
        int n = (int)double.Parse(File.ReadAllText(Path.Combine(dir, "n.txt")).Trim(), CultureInfo.InvariantCulture);
        return new DataSet(
            n,
            Read<double>(dir, "tday.f64", n),
            Read<double>(dir, "tcont.f64", n),
            Read<int>(dir, "status.i32", n),
            Read<int>(dir, "group.i32", n),
            Read<double>(dir, "x2.f64", n),
            Read<double>(dir, "x3.f64", n));
    }

    public DataSet Head(int m) => new(m, TDay[..m], TCont[..m], Status[..m], Group[..m], X2[..m], X3[..m]);

    private static T[] Read<T>(string dir, string name, int n)
        where T : unmanaged
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(dir, name));
        if (!BitConverter.IsLittleEndian || bytes.Length != n * Marshal.SizeOf<T>())
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{name}: expected {n} little-endian values, found {bytes.Length} bytes."));
        }

        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }
}
