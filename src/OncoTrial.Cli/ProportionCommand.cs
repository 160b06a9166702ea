using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial proportion</c>: a binomial proportion with its confidence interval and, optionally, the exact test.</summary>
internal static class ProportionCommand
{
    private static readonly Dictionary<string, BinomialCiMethod> Methods = new(StringComparer.Ordinal)
    {
        ["clopper-pearson"] = BinomialCiMethod.ClopperPearson,
        ["wilson"] = BinomialCiMethod.Wilson,
        ["wilson-cc"] = BinomialCiMethod.WilsonCorrected,
        ["jeffreys"] = BinomialCiMethod.Jeffreys,
        ["agresti-coull"] = BinomialCiMethod.AgrestiCoull,
        ["wald"] = BinomialCiMethod.Wald,
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var x = new Option<int>("--x") { Description = "Number of successes (responders), 0 <= x <= n.", Required = true };
        var n = new Option<int>("--n") { Description = "Number of trials (subjects), n >= 1.", Required = true };
        var method = new Option<string>("--method") { Description = "Interval method.", DefaultValueFactory = _ => "clopper-pearson" };
        method.AcceptOnlyFromAmong([.. Methods.Keys]);
        var confLevel = new Option<double>("--conf-level") { Description = "Two-sided confidence level, 0 < level < 1.", DefaultValueFactory = _ => 0.95 };
        var p0 = new Option<double?>("--p0") { Description = "Null proportion for the exact binomial test (0 < p0 < 1)." };
        var alternative = new Option<string>("--alternative") { Description = "Alternative of the exact test: greater (default), less, two-sided.", DefaultValueFactory = _ => "greater" };
        alternative.AcceptOnlyFromAmong("greater", "less", "two-sided");
        var format = FormatOption.Create();
        var command = new Command("proportion", "A binomial proportion (e.g. ORR) with its confidence interval (Clopper-Pearson by default) and the exact one-sided binomial test.")
        {
            x, n, method, confLevel, p0, alternative, format,
        };

        command.SetAction(parse =>
        {
            double cl = parse.GetValue(confLevel);
            if (!(cl > 0 && cl < 1))
            {
                throw new CommandLineInputException([string.Create(CultureInfo.InvariantCulture, $"--conf-level: expected a number strictly between 0 and 1 (e.g. 0.95), found {cl}.")]);
            }

            string methodName = parse.GetValue(method)!;
            LegacyProblemText.ThrowIfAny(BinomialInterval.Validate(parse.GetValue(x), parse.GetValue(n)));
            if (parse.GetValue(p0) is { } p)
            {
                LegacyProblemText.ThrowIfAny(BinomialTest.Validate(parse.GetValue(x), parse.GetValue(n), p));
            }

            var estimate = BinomialInterval.Compute(parse.GetValue(x), parse.GetValue(n), Methods[methodName], ConfidenceLevel.Create(cl));
            BinomialTestResult? test = null;
            if (parse.GetValue(p0) is { } nullProportion)
            {
                var alt = parse.GetValue(alternative) switch
                {
                    "less" => BinomialAlternative.Less,
                    "two-sided" => BinomialAlternative.TwoSided,
                    _ => BinomialAlternative.Greater,
                };
                test = BinomialTest.Exact(estimate.X, estimate.N, nullProportion, alt);
            }

            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, estimate, methodName, test, parse.GetValue(alternative)!);
            }
            else
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{estimate.X}/{estimate.N} = {estimate.Estimate * 100:0.0}% ({estimate.ConfidenceLevel.Value * 100:0.###}% CI {estimate.Lower * 100:0.0}-{estimate.Upper * 100:0.0}%, {methodName})"));
                if (test is not null)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Exact binomial test against p0 = {test.NullProportion} ({parse.GetValue(alternative)}): p = {test.PValue:G6}"));
                }
            }

            return 0;
        });
        return command;
    }

    private static void WriteJson(TextWriter output, ProportionEstimate e, string method, BinomialTestResult? test, string alternative)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteNumber("x", e.X);
            w.WriteNumber("n", e.N);
            w.WriteNumber("estimate", e.Estimate);
            w.WriteNumber("lower", e.Lower);
            w.WriteNumber("upper", e.Upper);
            w.WriteString("method", method);
            w.WriteNumber("conf_level", e.ConfidenceLevel.Value);
            if (test is not null)
            {
                w.WriteStartObject("test");
                w.WriteNumber("p0", test.NullProportion);
                w.WriteString("alternative", alternative);
                w.WriteNumber("p", test.PValue);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
