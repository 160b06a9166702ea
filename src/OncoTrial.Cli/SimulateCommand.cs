using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OncoTrial.Simulation;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial simulate single-arm</c>: Monte Carlo power (under H1) or type I error (under H0) of a single-arm
/// time-to-event design. A progress bar goes to standard error when it is a terminal; Ctrl+C cancels (exit 130).
/// </summary>
internal static partial class SimulateCommand
{
    /// <summary>Exit code after Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("simulate", "Simulate many trials of a design and report empirical power and type I error with Monte Carlo standard errors.");
        command.Subcommands.Add(CreateSingleArm(output, error));
        command.Subcommands.Add(CreateTwoArm(output, error));
        return command;
    }

    private static Command CreateSingleArm(TextWriter output, TextWriter error)
    {
        var median0 = new Option<double>("--median0") { Description = "Median survival under H0 (historical control), months > 0.", Required = true };
        var median1 = new Option<double>("--median1") { Description = "Median survival under H1, months > 0.", Required = true };
        var accrual = new Option<double>("--accrual") { Description = "Accrual duration, months (uniform accrual).", Required = true };
        var followUp = new Option<double>("--follow-up") { Description = "Follow-up after the end of accrual, months; the analysis is at accrual + follow-up.", Required = true };
        var n = new Option<int>("--n") { Description = "Patients enrolled per trial.", Required = true };
        var dropout = new Option<double>("--dropout") { Description = "Dropout fraction, 0 <= d < 1.", DefaultValueFactory = _ => 0 };
        var dropoutModel = new Option<string>("--dropout-model")
        {
            Description = "exponential: loss to follow-up with P(lost by --dropout-time) = d; fixed-fraction: round(n(1 - d)) evaluable patients, no loss.",
            DefaultValueFactory = _ => "exponential",
        };
        dropoutModel.AcceptOnlyFromAmong("exponential", "fixed-fraction");
        var dropoutTime = new Option<double>("--dropout-time") { Description = "Months by which a fraction d is lost (exponential dropout).", DefaultValueFactory = _ => 12 };
        var alpha = new Option<double>("--alpha") { Description = "Two-sided significance level.", DefaultValueFactory = _ => 0.05 };
        var trials = new Option<long>("--trials") { Description = "Simulated trials.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the Philox4x32-10 streams; trial i depends only on (seed, i).", DefaultValueFactory = _ => 1 };
        var under = new Option<string>("--under") { Description = "Hypothesis that generates the data: h1 (power) or h0 (type I error).", DefaultValueFactory = _ => "h1" };
        under.AcceptOnlyFromAmong("h0", "h1");
        var threads = new Option<int?>("--threads") { Description = "Most threads to use (default: every core); results do not depend on it." };
        var events = new Option<int?>("--events") { Description = "Analyse at the calendar time of this event instead of at accrual + follow-up." };
        var kmTrials = new Option<long?>("--km-trials") { Description = "Fit Kaplan-Meier medians for the first N trials only (default: all)." };
        var format = FormatOption.Create();
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
                DropoutModel = parse.GetValue(dropoutModel) == "fixed-fraction" ? DropoutModel.FixedFraction : DropoutModel.Exponential,
                DropoutTime = parse.GetValue(dropoutTime),
                Alpha = parse.GetValue(alpha),
                Hypothesis = parse.GetValue(under) == "h0" ? SimulatedHypothesis.H0 : SimulatedHypothesis.H1,
                EventsAtAnalysis = parse.GetValue(events),
                KaplanMeierTrials = parse.GetValue(kmTrials),
            };
            long r = parse.GetValue(trials);
            int? t = parse.GetValue(threads);
            var problems = scenario.Validate().Concat(SimulationRun.Validate(r, t)).Select(p => p.ToString()).ToList();
            if (problems.Count > 0)
            {
                throw new CommandLineInputException(problems);
            }

            using var cts = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cts.Cancel();
            };
            bool interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
            var bar = interactive ? new ProgressBar(error) : null;
            Console.CancelKeyPress += onCancel;
            SingleArmSurvivalSimulationResult result;
            try
            {
                result = SingleArmSurvivalSimulation.Run(scenario, r, parse.GetValue(seed), t, bar, cts.Token);
            }
            catch (OperationCanceledException)
            {
                bar?.Clear();
                error.WriteLine("simulate: cancelled; no results.");
                return Cancelled;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            bar?.Clear();
            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, result);
            }
            else
            {
                WriteText(output, result);
            }

            return 0;
        });
        return command;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string DescribeDropout(SingleArmSurvivalScenario s) =>
        s.Dropout == 0 ? "no dropout"
        : s.DropoutModel == DropoutModel.FixedFraction ? F($"dropout {s.Dropout:0.###} as a fixed non-evaluable fraction ({s.EvaluablePatients} of {s.Enrolment} evaluable)")
        : F($"dropout {s.Dropout:0.###} exponential (lost by month {s.DropoutTime:0.###})");

    private static void WriteText(TextWriter o, SingleArmSurvivalSimulationResult r)
    {
        var s = r.Scenario;
        string analysis = s.EventsAtAnalysis is int d ? F($"at event {d}") : F($"at month {s.Accrual + s.FollowUp:0.###}");
        o.WriteLine(F($"Single-arm survival simulation: {r.Trials} trials under {s.Hypothesis}, seed {r.Seed} (Philox4x32-10)"));
        o.WriteLine(F($"Design: median {s.MedianH0:0.###} (H0) vs {s.MedianH1:0.###} (H1) months, accrual {s.Accrual:0.###} + follow-up {s.FollowUp:0.###} months, n = {s.Enrolment}, {DescribeDropout(s)}, alpha {s.Alpha:0.###} two-sided, analysis {analysis}"));
        o.WriteLine(F($"Per trial: {r.PatientsPerTrial} patients simulated, mean events {r.MeanEvents:0.00}, mean exposure {r.MeanExposure:0.0} patient-months, mean analysis time {r.MeanAnalysisTime:0.00} months"));
        string label = s.Hypothesis == SimulatedHypothesis.H1 ? "power" : "type I error";
        WriteTest(o, "Exponential test on log hazard", label, r.ExponentialTest);
        WriteTest(o, "One-sample log-rank (Wu)     ", label, r.OneSampleLogRankTest);
        var km = r.KaplanMeierMedian;
        string mm = km.MedianOfMedians is double m ? F($"{m:0.00} months") : "not reached";
        o.WriteLine(F($"KM median ({km.Fitted} trials fitted): median of medians {mm}; reached in {(km.Fitted == 0 ? 0 : 100.0 * km.Reached / km.Fitted):0.0}%; {km.Options.ConfidenceLevel.Value * 100:0.#}% CI ({km.Options.Transform}) covers the true median {s.TrueMedian:0.###} in {km.Coverage * 100:0.0}% (MC SE {km.CoverageStandardError * 100:0.0}%)"));
        if (r.TrialsWithoutEvents > 0 || r.TrialsShortOfEventTarget > 0)
        {
            o.WriteLine(F($"Trials without events: {r.TrialsWithoutEvents}; short of the event target: {r.TrialsShortOfEventTarget}"));
        }
    }

    private static void WriteTest(TextWriter o, string name, string label, RejectionSummary t) =>
        o.WriteLine(F($"{name}: {label} {t.RateTowardH1:0.0000} (MC SE {t.RateTowardH1StandardError:0.0000}) rejecting toward H1; two-sided rejection {t.Rate:0.0000} (MC SE {t.RateStandardError:0.0000}); |z| > {t.CriticalValue:0.0000}"));

    private static void WriteJson(TextWriter output, SingleArmSurvivalSimulationResult r)
    {
        var s = r.Scenario;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("design", "single-arm-survival");
            w.WriteString("generator", "philox4x32-10");
            w.WriteNumber("seed", r.Seed);
            w.WriteNumber("trials", r.Trials);
            w.WriteString("under", s.Hypothesis == SimulatedHypothesis.H0 ? "h0" : "h1");
            w.WriteStartObject("scenario");
            w.WriteNumber("median0", s.MedianH0);
            w.WriteNumber("median1", s.MedianH1);
            w.WriteNumber("accrual", s.Accrual);
            w.WriteNumber("follow_up", s.FollowUp);
            w.WriteNumber("n", s.Enrolment);
            w.WriteNumber("dropout", s.Dropout);
            w.WriteString("dropout_model", s.DropoutModel == DropoutModel.FixedFraction ? "fixed-fraction" : "exponential");
            w.WriteNumber("dropout_time", s.DropoutTime);
            w.WriteNumber("alpha", s.Alpha);
            if (s.EventsAtAnalysis is int d)
            {
                w.WriteNumber("events_at_analysis", d);
            }
            else
            {
                w.WriteNumber("analysis_time", s.Accrual + s.FollowUp);
            }

            w.WriteEndObject();
            w.WriteNumber("patients_per_trial", r.PatientsPerTrial);
            w.WriteNumber("mean_events", r.MeanEvents);
            w.WriteNumber("mean_exposure", r.MeanExposure);
            w.WriteNumber("mean_analysis_time", r.MeanAnalysisTime);
            w.WriteNumber("trials_without_events", r.TrialsWithoutEvents);
            w.WriteNumber("trials_short_of_event_target", r.TrialsShortOfEventTarget);
            Test(w, "exponential_test", r.ExponentialTest);
            Test(w, "one_sample_logrank", r.OneSampleLogRankTest);
            var km = r.KaplanMeierMedian;
            w.WriteStartObject("km_median");
            w.WriteNumber("fitted", km.Fitted);
            w.WriteNumber("reached", km.Reached);
            if (km.MedianOfMedians is double m)
            {
                w.WriteNumber("median_of_medians", m);
            }
            else
            {
                w.WriteNull("median_of_medians");
            }

            w.WriteNumber("true_median", s.TrueMedian);
            w.WriteNumber("ci_coverage", km.Coverage);
            w.WriteNumber("ci_coverage_mc_se", km.CoverageStandardError);
            w.WriteString("ci", km.Options.Describe());
            w.WriteEndObject();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Test(Utf8JsonWriter w, string name, RejectionSummary t)
    {
        w.WriteStartObject(name);
        w.WriteNumber("rejections", t.Rejections);
        w.WriteNumber("rate", t.Rate);
        w.WriteNumber("rate_mc_se", t.RateStandardError);
        w.WriteNumber("rejections_toward_h1", t.RejectionsTowardH1);
        w.WriteNumber("rate_toward_h1", t.RateTowardH1);
        w.WriteNumber("rate_toward_h1_mc_se", t.RateTowardH1StandardError);
        w.WriteNumber("critical_value", t.CriticalValue);
        w.WriteEndObject();
    }

    /// <summary>A one-line bar on standard error, redrawn when the whole percentage changes (thread-safe).</summary>
    private sealed class ProgressBar(TextWriter error) : IProgress<double>
    {
        private readonly Lock _gate = new();
        private int _shown = -1;

        public void Report(double value)
        {
            int percent = (int)Math.Floor(Math.Clamp(value, 0, 1) * 100);
            lock (_gate)
            {
                if (percent <= _shown)
                {
                    return;
                }

                _shown = percent;
                int filled = percent * 40 / 100;
                error.Write(F($"\rsimulating [{new string('#', filled)}{new string(' ', 40 - filled)}] {percent,3}%"));
                error.Flush();
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                error.Write("\r" + new string(' ', 60) + "\r");
                error.Flush();
            }
        }
    }
}
