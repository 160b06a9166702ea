using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OncoTrial.Simulation;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial simulate two-arm</c>: Monte Carlo power (under H1) or type I error (under H0) of the two-arm
/// event-driven group-sequential survival design of <c>oncotrial design two-arm-survival</c>.
/// </summary>
internal static partial class SimulateCommand
{
    private static readonly Dictionary<string, LanDeMetsSpending> TwoArmSpendings = new(StringComparer.Ordinal)
    {
        ["obf"] = LanDeMetsSpending.OBrienFleming,
        ["pocock"] = LanDeMetsSpending.Pocock,
    };

    private static Command CreateTwoArm(TextWriter output, TextWriter error)
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
        var spending = new Option<string>("--spending") { Description = "Lan-DeMets alpha spending: obf (O'Brien-Fleming type) or pocock.", DefaultValueFactory = _ => "obf" };
        spending.AcceptOnlyFromAmong([.. TwoArmSpendings.Keys]);
        var futility = new Option<string?>("--futility") { Description = "Non-binding futility z bounds, one per interim look, comma-separated (e.g. 0,0.5 with --stages 3)." };
        var trials = new Option<long>("--trials") { Description = "Simulated trials.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the Philox4x32-10 streams; trial i depends only on (seed, i).", DefaultValueFactory = _ => 1 };
        var under = new Option<string>("--under") { Description = "Hypothesis that generates the data: h1 (power) or h0 (type I error).", DefaultValueFactory = _ => "h1" };
        under.AcceptOnlyFromAmong("h0", "h1");
        var threads = new Option<int?>("--threads") { Description = "Most threads to use (default: every core); results do not depend on it." };
        var format = FormatOption.Create();
        var command = new Command("two-arm", "A two-arm event-driven group-sequential survival design: log-rank z at each analysis against the Lan-DeMets bounds.")
        {
            hr, medianControl, accrual, followUp, n, alpha, power, allocation, dropout, dropoutTime, stages, spending, futility, trials, seed, under, threads, format,
        };

        command.SetAction(parse =>
        {
            var problems = new List<string>();
            int k = parse.GetValue(stages);
            if (k is < 1 or > 10)
            {
                problems.Add(F($"--stages: expected a whole number of analyses from 1 to 10, found {k}."));
            }

            double[]? futilityBounds = null;
            if (parse.GetValue(futility) is string text)
            {
                string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
                futilityBounds = new double[parts.Length];
                for (int i = 0; i < parts.Length; i++)
                {
                    if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out futilityBounds[i]))
                    {
                        problems.Add($"--futility: expected comma-separated z values with a dot as decimal separator (e.g. 0,0.5), found \"{parts[i]}\".");
                    }
                }

                if (parts.Length != k - 1)
                {
                    problems.Add(F($"--futility: expected one z value per interim look ({k - 1} for --stages {k}), found {parts.Length}."));
                }
            }

            long r = parse.GetValue(trials);
            int? t = parse.GetValue(threads);
            problems.AddRange(SimulationRun.Validate(r, t).Select(p => p.ToString()));
            double mc = parse.GetValue(medianControl);
            if (!(mc > 0 && double.IsFinite(mc)))
            {
                problems.Add(F($"--median-control: expected a median > 0, found {mc}."));
            }

            if (problems.Count > 0)
            {
                throw new CommandLineInputException(problems);
            }

            var optionProblems = TwoArmSurvivalOptions.Validate(
                parse.GetValue(hr), Math.Log(2) / mc, parse.GetValue(alpha), 1, parse.GetValue(power), parse.GetValue(allocation),
                parse.GetValue(accrual), parse.GetValue(followUp), parse.GetValue(dropout), parse.GetValue(dropoutTime), TwoArmEventsMethod.Schoenfeld);
            if (optionProblems.Count > 0)
            {
                throw new CommandLineInputException([.. optionProblems.Select(p => p.ToString())]);
            }

            var options = TwoArmSurvivalOptions.Create(
                parse.GetValue(hr), Math.Log(2) / mc, parse.GetValue(alpha), 1, parse.GetValue(power), parse.GetValue(allocation),
                parse.GetValue(accrual), parse.GetValue(followUp), parse.GetValue(dropout), parse.GetValue(dropoutTime));
            double[] rates = [.. Enumerable.Range(1, k).Select(i => (double)i / k)];
            var sequentialProblems = TwoArmSurvivalDesign.ValidateGroupSequential(options, rates, futilityBounds);
            if (sequentialProblems.Count > 0)
            {
                throw new CommandLineInputException([.. sequentialProblems.Select(p => p.ToString())]);
            }

            var design = TwoArmSurvivalDesign.ComputeGroupSequential(options, rates, TwoArmSpendings[parse.GetValue(spending)!], GroupSequentialDesign.DefaultGridPointsPerUnit, futilityBounds);
            var scenario = TwoArmSurvivalScenario.FromDesign(design, parse.GetValue(n), parse.GetValue(under) == "h0" ? SimulatedHypothesis.H0 : SimulatedHypothesis.H1);
            var invalid = scenario.Validate();
            if (invalid.Count > 0)
            {
                throw new CommandLineInputException([.. invalid.Select(p => p.ToString())]);
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
            TwoArmSurvivalSimulationResult result;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                result = TwoArmSurvivalSimulation.Run(scenario, r, parse.GetValue(seed), t, bar, cts.Token);
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

            double seconds = watch.Elapsed.TotalSeconds;
            bar?.Clear();
            if (parse.GetValue(format) == "json")
            {
                WriteTwoArmJson(output, result, design, seconds);
            }
            else
            {
                WriteTwoArmText(output, result, design, seconds);
            }

            return 0;
        });
        return command;
    }

    private static void WriteTwoArmText(TextWriter o, TwoArmSurvivalSimulationResult r, TwoArmGroupSequentialResult design, double seconds)
    {
        var s = r.Scenario;
        var opt = design.Fixed.Options;
        o.WriteLine(F($"Two-arm survival simulation: {r.Trials} trials under {s.Hypothesis}, seed {r.Seed} (Philox4x32-10), {r.Trials / seconds:0} trials/s"));
        o.WriteLine(F($"Design: HR {opt.HazardRatio:0.###}, control median {Math.Log(2) / opt.ControlHazard:0.###}, allocation {opt.AllocationRatio:0.###}:1, accrual {opt.AccrualTime:0.###}, n = {s.Patients}, dropout hazard {s.DropoutHazard:0.#####}, one-sided alpha {opt.Alpha:0.####}, power {opt.Power:0.###}"));
        o.WriteLine(F($"{s.Stages} analyses at events {string.Join(", ", s.PlannedEvents)}; efficacy z >= {string.Join(", ", s.CriticalValues.Select(c => c.ToString("0.0000", CultureInfo.InvariantCulture)))}{(s.FutilityBounds.Count == 0 ? string.Empty : "; non-binding futility z < " + string.Join(", ", s.FutilityBounds.Select(f => f.ToString("0.###", CultureInfo.InvariantCulture))))}"));
        string label = s.Hypothesis == SimulatedHypothesis.H1 ? "power" : "type I error";
        o.WriteLine(F($"Overall rejection ({label}): {r.RejectionRate:0.0000} (MC SE {r.RejectionRateStandardError:0.0000}); design {(s.Hypothesis == SimulatedHypothesis.H1 ? design.Boundaries.Power : design.Boundaries.CumulativeAlphaSpent[^1]):0.0000}"));
        for (int k = 0; k < s.Stages; k++)
        {
            o.WriteLine(F($"  stage {k + 1}: rejection {r.StageRejectionRate(k):0.0000} (MC SE {r.StageRejectionRateStandardError(k):0.0000}), futility stops {(double)r.FutilityStopsPerStage[k] / r.Trials:0.0000}, stopped here {(double)r.StopsPerStage[k] / r.Trials:0.0000}"));
        }

        o.WriteLine(F($"Expected events {r.ExpectedEvents:0.0}, patients {r.ExpectedPatients:0.0}, study duration {r.ExpectedDuration:0.00}"));
        if (r.TrialsShortOfEvents > 0)
        {
            o.WriteLine(F($"Trials short of the planned events: {r.TrialsShortOfEvents}"));
        }
    }

    private static void WriteTwoArmJson(TextWriter output, TwoArmSurvivalSimulationResult r, TwoArmGroupSequentialResult design, double seconds)
    {
        var s = r.Scenario;
        var opt = design.Fixed.Options;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("design", "two-arm-survival-group-sequential");
            w.WriteString("generator", "philox4x32-10");
            w.WriteNumber("seed", r.Seed);
            w.WriteNumber("trials", r.Trials);
            w.WriteString("under", s.Hypothesis == SimulatedHypothesis.H0 ? "h0" : "h1");
            w.WriteStartObject("scenario");
            w.WriteNumber("hr", opt.HazardRatio);
            w.WriteNumber("control_hazard", opt.ControlHazard);
            w.WriteNumber("allocation", opt.AllocationRatio);
            w.WriteNumber("accrual", opt.AccrualTime);
            w.WriteNumber("n", s.Patients);
            w.WriteNumber("dropout_hazard", s.DropoutHazard);
            w.WriteNumber("alpha", opt.Alpha);
            w.WriteNumber("design_power", design.Boundaries.Power);
            Array(w, "planned_events", s.PlannedEvents.Select(d => (double)d));
            Array(w, "critical_values", s.CriticalValues);
            Array(w, "futility_bounds", s.FutilityBounds);
            w.WriteEndObject();
            w.WriteNumber("rejection_rate", r.RejectionRate);
            w.WriteNumber("rejection_rate_mc_se", r.RejectionRateStandardError);
            Array(w, "rejection_rate_per_stage", Enumerable.Range(0, s.Stages).Select(r.StageRejectionRate));
            Array(w, "rejection_rate_per_stage_mc_se", Enumerable.Range(0, s.Stages).Select(r.StageRejectionRateStandardError));
            Array(w, "futility_stop_rate_per_stage", r.FutilityStopsPerStage.Select(c => (double)c / r.Trials));
            Array(w, "stop_rate_per_stage", r.StopsPerStage.Select(c => (double)c / r.Trials));
            w.WriteNumber("expected_events", r.ExpectedEvents);
            w.WriteNumber("expected_patients", r.ExpectedPatients);
            w.WriteNumber("expected_duration", r.ExpectedDuration);
            w.WriteNumber("trials_short_of_events", r.TrialsShortOfEvents);
            w.WriteNumber("seconds", seconds);
            w.WriteNumber("trials_per_second", r.Trials / seconds);
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Array(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }
}
