using System.CommandLine;
using System.Diagnostics;
using OncoTrial.Reporting;
using OncoTrial.Reporting.Views;
using OncoTrial.Simulation;
using OncoTrial.Statistics;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial simulate single-arm|two-arm</c>: Monte Carlo power (under H1) or type I error (under H0). A progress
/// bar goes to standard error when it is a terminal; Ctrl+C cancels (exit 130).
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("simulate", "Simulate many trials of a design and report empirical power and type I error with Monte Carlo standard errors.");
        command.Subcommands.Add(SingleArm(cli));
        command.Subcommands.Add(TwoArm(cli));
        return command;
    }

    private static Command SingleArm(CliContext cli)
    {
        var median0 = new Option<double>("--median0") { Description = "Median survival under H0 (historical control), months > 0.", Required = true };
        var median1 = new Option<double>("--median1") { Description = "Median survival under H1, months > 0.", Required = true };
        var accrual = new Option<double>("--accrual") { Description = "Accrual duration, months (uniform accrual).", Required = true };
        var followUp = new Option<double>("--follow-up") { Description = "Follow-up after the end of accrual, months; the analysis is at accrual + follow-up.", Required = true };
        var n = new Option<int>("--n") { Description = "Patients enrolled per trial.", Required = true };
        var dropout = new Option<double>("--dropout") { Description = "Dropout fraction, 0 <= d < 1.", DefaultValueFactory = _ => 0 };
        var dropoutModel = CliOptions.Choice("--dropout-model", "exponential: loss to follow-up with P(lost by --dropout-time) = d; fixed-fraction: round(n(1 - d)) evaluable patients, no loss.", DropoutModel.Exponential);
        var dropoutTime = new Option<double>("--dropout-time") { Description = "Months by which a fraction d is lost (exponential dropout).", DefaultValueFactory = _ => 12 };
        var alpha = new Option<double>("--alpha") { Description = "Two-sided significance level.", DefaultValueFactory = _ => 0.05 };
        var trials = new Option<long>("--trials") { Description = "Simulated trials.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the Philox4x32-10 streams; trial i depends only on (seed, i).", DefaultValueFactory = _ => 1 };
        var under = CliOptions.Choice("--under", "Hypothesis that generates the data: h1 (power) or h0 (type I error).", SimulatedHypothesis.H1);
        var threads = new Option<int?>("--threads") { Description = "Most threads to use (default: every core); results do not depend on it." };
        var events = new Option<int?>("--events") { Description = "Analyse at the calendar time of this event instead of at accrual + follow-up." };
        var kmTrials = new Option<long?>("--km-trials") { Description = "Fit Kaplan-Meier medians for the first N trials only (default: all)." };
        var format = CliOptions.Format();
        var command = new Command("single-arm", "A single-arm survival design: exponential test on log hazard, Wu's one-sample log-rank test, KM median with CI.")
        {
            median0, median1, accrual, followUp, n, dropout, dropoutModel, dropoutTime, alpha, trials, seed, under, threads, events, kmTrials, format,
        };

        command.SetAction(parse =>
        {
            var scenario = new SingleArmSurvivalScenario
            {
                MedianH0 = parse.GetValue(median0),
                MedianH1 = parse.GetValue(median1),
                Accrual = parse.GetValue(accrual),
                FollowUp = parse.GetValue(followUp),
                Enrolment = parse.GetValue(n),
                Dropout = parse.GetValue(dropout),
                DropoutModel = parse.GetValue(dropoutModel),
                DropoutTime = parse.GetValue(dropoutTime),
                Alpha = parse.GetValue(alpha),
                Hypothesis = parse.GetValue(under),
                EventsAtAnalysis = parse.GetValue(events),
                KaplanMeierTrials = parse.GetValue(kmTrials),
            };
            long r = parse.GetValue(trials);
            int? t = parse.GetValue(threads);
            ProblemException.ThrowIfAnyError([.. scenario.Validate(), .. SimulationRun.Validate(r, t)]);
            var result = WithProgress(cli, (bar, token) => SingleArmSurvivalSimulation.Run(scenario, r, parse.GetValue(seed), t, bar, token));
            cli.Write(parse.GetValue(format), () => SimulationReport.ToDocument(result), () => SimulationReport.ToJson(result));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command TwoArm(CliContext cli)
    {
        var hr = new Option<double>("--hr") { Description = "Hazard ratio treatment:control under H1 (> 0, not 1).", Required = true };
        var medianControl = new Option<double>("--median-control") { Description = "Exponential median of the control arm (time units of --accrual).", Required = true };
        var accrual = new Option<double>("--accrual") { Description = "Uniform accrual duration A.", DefaultValueFactory = _ => 24 };
        var followUp = new Option<double>("--follow-up") { Description = "Follow-up after the last patient used by the design to size the trial (the simulated analyses are event-driven).", DefaultValueFactory = _ => 12 };
        var n = new Option<int?>("--n") { Description = "Patients enrolled per trial (default: the design's maximum, rounded up)." };
        var alpha = new Option<double>("--alpha") { Description = "One-sided significance level.", DefaultValueFactory = _ => 0.025 };
        var power = new Option<double>("--power") { Description = "Design power 1 - beta (sets the planned events).", DefaultValueFactory = _ => 0.8 };
        var allocation = new Option<double>("--allocation") { Description = "Allocation ratio treatment:control (1 for 1:1).", DefaultValueFactory = _ => 1 };
        var dropout = new Option<double>("--dropout") { Description = "Probability of dropout by --dropout-time (exponential, both arms).", DefaultValueFactory = _ => 0 };
        var dropoutTime = new Option<double>("--dropout-time") { Description = "Time at which --dropout applies.", DefaultValueFactory = _ => 12 };
        var stages = new Option<int>("--stages") { Description = "Number of analyses K at event fractions k/K.", DefaultValueFactory = _ => 3 };
        var spending = CliOptions.Choice("--spending", "Lan-DeMets alpha spending: obf (O'Brien-Fleming type) or pocock.", LanDeMetsSpending.OBrienFleming);
        var futility = new Option<string?>("--futility") { Description = "Non-binding futility z bounds, one per interim look, comma-separated (e.g. 0,0.5 with --stages 3)." };
        var trials = new Option<long>("--trials") { Description = "Simulated trials.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the Philox4x32-10 streams; trial i depends only on (seed, i).", DefaultValueFactory = _ => 1 };
        var under = CliOptions.Choice("--under", "Hypothesis that generates the data: h1 (power) or h0 (type I error).", SimulatedHypothesis.H1);
        var threads = new Option<int?>("--threads") { Description = "Most threads to use (default: every core); results do not depend on it." };
        var format = CliOptions.Format();
        var command = new Command("two-arm", "A two-arm event-driven group-sequential survival design: log-rank z at each analysis against the Lan-DeMets bounds.")
        {
            hr, medianControl, accrual, followUp, n, alpha, power, allocation, dropout, dropoutTime, stages, spending, futility, trials, seed, under, threads, format,
        };

        command.SetAction(parse =>
        {
            var problems = new List<Problem>();
            var futilityBounds = parse.GetValue(futility) is { } text ? CliOptions.Numbers(text, "futility", "0,0.5", problems) : null;
            double[] rates = InformationRates.EquallySpaced(parse.GetValue(stages));
            problems.AddRange(CliOptions.Looks(rates, futilityBounds));
            long r = parse.GetValue(trials);
            int? t = parse.GetValue(threads);
            problems.AddRange(SimulationRun.Validate(r, t));
            double mc = parse.GetValue(medianControl);
            problems.AddRange(TwoArmSurvivalOptions.ValidateMedians(mc, mc).Where(p => p.Option == "median-control"));
            ProblemException.ThrowIfAnyError(problems);
            double controlHazard = TwoArmSurvivalOptions.HazardFromMedian(mc);
            problems.AddRange(TwoArmSurvivalOptions.Validate(
                parse.GetValue(hr), controlHazard, parse.GetValue(alpha), 1, parse.GetValue(power), parse.GetValue(allocation),
                parse.GetValue(accrual), parse.GetValue(followUp), parse.GetValue(dropout), parse.GetValue(dropoutTime), TwoArmEventsMethod.Schoenfeld));
            ProblemException.ThrowIfAnyError(problems);
            var options = TwoArmSurvivalOptions.Create(
                parse.GetValue(hr), controlHazard, parse.GetValue(alpha), 1, parse.GetValue(power), parse.GetValue(allocation),
                parse.GetValue(accrual), parse.GetValue(followUp), parse.GetValue(dropout), parse.GetValue(dropoutTime));
            ProblemException.ThrowIfAnyError(TwoArmSurvivalDesign.ValidateGroupSequential(options, rates, futilityBounds));
            var design = TwoArmSurvivalDesign.ComputeGroupSequential(options, rates, parse.GetValue(spending), GroupSequentialDesign.DefaultGridPointsPerUnit, futilityBounds);
            var scenario = TwoArmSurvivalScenario.FromDesign(design, parse.GetValue(n), parse.GetValue(under));
            ProblemException.ThrowIfAnyError(scenario.Validate());
            var watch = Stopwatch.StartNew();
            var result = WithProgress(cli, (bar, token) => TwoArmSurvivalSimulation.Run(scenario, r, parse.GetValue(seed), t, bar, token));
            double seconds = watch.Elapsed.TotalSeconds;
            cli.Write(parse.GetValue(format), () => SimulationReport.ToDocument(result, design, seconds), () => SimulationReport.ToJson(result, design, seconds));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs a simulation with a progress bar on an interactive standard error and Ctrl+C cancelling it.</summary>
    private static T WithProgress<T>(CliContext cli, Func<IProgress<double>?, CancellationToken, T> run)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        var bar = cli.IsInteractive ? new ProgressBar(cli.Error) : null;
        Console.CancelKeyPress += onCancel;
        try
        {
            return run(bar, cts.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            bar?.Clear();
        }
    }

    /// <summary>A one-line bar on standard error, redrawn when the whole percentage changes (thread-safe).</summary>
    private sealed class ProgressBar(TextWriter error) : IProgress<double>
    {
        private readonly Lock _gate = new();
        private int _shown = -1;

        public void Report(double value)
        {
            int percent = ProgressLine.Percent(value);
            lock (_gate)
            {
                if (percent <= _shown)
                {
                    return;
                }

                _shown = percent;
                error.Write(ProgressLine.Render("simulating", percent));
                error.Flush();
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                error.Write(ProgressLine.Clear());
                error.Flush();
            }
        }
    }
}
