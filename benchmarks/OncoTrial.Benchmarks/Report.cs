using System.Globalization;

namespace OncoTrial.Benchmarks;

/// <summary>Reads R's "key TAB value" results, checks that the numbers agree and prints the timing table.</summary>
internal static class Report
{
    /// <summary>Relative tolerance of the agreement check (absolute below 1e-12 in size).</summary>
    private const double Tolerance = 1e-9;

    private static readonly (string Key, string Name, double Target)[] Workloads =
    [
        ("km_day", "Kaplan-Meier, 2 groups, integer days", 50),
        ("km_cont", "Kaplan-Meier, 2 groups, continuous", 50),
        ("logrank_day", "log-rank, 2 groups, integer days", 20),
        ("logrank_cont", "log-rank, 2 groups, continuous", 25),
        ("cox", "Cox end to end (coxph vs covariates + Fit)", 10),
        ("coxfit", "Cox kernel (coxph.fit vs CoxModel.Fit)", 1.5),
        ("small", "small case n=500 KM+log-rank+Cox, per call", 50),
    ];

    public static Dictionary<string, string> ReadR(string path)
    {
        var r = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                r[line[..tab]] = line[(tab + 1)..];
            }
        }

        return r;
    }

    /// <summary>Prints the agreement check and the table; returns 1 when a number disagrees or is missing, else 0.</summary>
    public static int CompareAndPrint(SortedDictionary<string, double> ours, Dictionary<string, string> r, string label)
    {
        int compared = 0;
        int failed = 0;
        double worst = 0;
        string worstKey = "";
        foreach (var (key, value) in ours)
        {
            if (key.EndsWith(".seconds", StringComparison.Ordinal))
            {
                continue;
            }

            if (!r.TryGetValue(key, out string? text))
            {
                Console.WriteLine($"  MISSING in R results: {key}");
                failed++;
                continue;
            }

            double expected = text == "NA" ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);
            compared++;
            double diff = Math.Abs(value - expected) / Math.Max(Math.Abs(expected), 1e-12 / Tolerance);
            bool same = (double.IsNaN(value) && double.IsNaN(expected)) || diff <= Tolerance;
            if (!same)
            {
                failed++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  DISAGREE {key}: OncoTrial {value:R}, R {expected:R} (relative difference {diff:E2})"));
            }
            else if (diff > worst)
            {
                worst = diff;
                worstKey = key;
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Agreement with R ({label}): {compared} numbers compared, {failed} disagree; largest relative difference among agreeing numbers {worst:E1} ({worstKey}); tolerance {Tolerance:E0}."));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| workload ({label}) | R s | OncoTrial s | ratio R/OncoTrial | target | met |"));
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var (key, name, target) in Workloads)
        {
            if (!ours.TryGetValue(key + ".seconds", out double mine) || !r.TryGetValue(key + ".seconds", out string? rText))
            {
                continue;
            }

            double rs = double.Parse(rText, CultureInfo.InvariantCulture);
            double ratio = rs / mine;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {Seconds(rs)} | {Seconds(mine)} | {ratio:0.0}x | {target:0.#}x | {(ratio >= target ? "met" : "NOT met")} |"));
        }

        return failed == 0 ? 0 : 1;
    }

    private static string Seconds(double s) =>
        s >= 0.1 ? s.ToString("0.000", CultureInfo.InvariantCulture)
        : s >= 1e-4 ? s.ToString("0.00000", CultureInfo.InvariantCulture)
        : s.ToString("0.000E+0", CultureInfo.InvariantCulture);
}
