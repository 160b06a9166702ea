using System.CommandLine;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial proportion</c>: a binomial proportion with its confidence interval and, optionally, the exact test.</summary>
internal static class ProportionCommand
{
    public static Command Create(CliContext cli)
    {
        var x = new Option<int>("--x") { Description = "Number of successes (responders), 0 <= x <= n.", Required = true };
        var n = new Option<int>("--n") { Description = "Number of trials (subjects), n >= 1.", Required = true };
        var method = CliOptions.Choice("--method", "Interval method.", BinomialCiMethod.ClopperPearson);
        var confLevel = new Option<double>("--conf-level") { Description = "Two-sided confidence level, 0 < level < 1.", DefaultValueFactory = _ => 0.95 };
        var p0 = new Option<double?>("--p0") { Description = "Null proportion for the exact binomial test (0 < p0 < 1)." };
        var alternative = CliOptions.Choice("--alternative", "Alternative of the exact test.", BinomialAlternative.Greater);
        var format = CliOptions.Format();
        var command = new Command("proportion", "A binomial proportion (e.g. ORR) with its confidence interval (Clopper-Pearson by default) and the exact one-sided binomial test.")
        {
            x, n, method, confLevel, p0, alternative, format,
        };

        command.SetAction(parse =>
        {
            int successes = parse.GetValue(x), trials = parse.GetValue(n);
            double? nullProportion = parse.GetValue(p0);
            var problems = new List<Problem>(ConfidenceLevel.Validate(parse.GetValue(confLevel)));
            problems.AddRange(nullProportion is { } q ? BinomialTest.Validate(successes, trials, q) : BinomialInterval.Validate(successes, trials));
            ProblemException.ThrowIfAnyError(problems);
            var estimate = BinomialInterval.Compute(successes, trials, parse.GetValue(method), ConfidenceLevel.Create(parse.GetValue(confLevel)));
            var test = nullProportion is { } p ? BinomialTest.Exact(successes, trials, p, parse.GetValue(alternative)) : null;
            cli.Write(parse.GetValue(format), () => DesignReport.ToDocument(estimate, test), () => DesignReport.ToJson(estimate, test));
            return ExitCodes.Success;
        });
        return command;
    }
}
