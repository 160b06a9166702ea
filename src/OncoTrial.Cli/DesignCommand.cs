using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial design</c>: closed-form sample sizes. Each subcommand is a factory in <see cref="Subcommands"/>;
/// another file adds one by appending its factory there.
/// </summary>
internal static class DesignCommand
{
    /// <summary>The subcommand factories, in the order they are listed in the help.</summary>
    internal static readonly List<Func<TextWriter, TextWriter, Command>> Subcommands =
    [
        (o, _) => SingleArmSurvival(o),
        (o, _) => Simon(o),
        (o, _) => SingleStage(o),
        DesignTwoArmCommand.Create,
    ];

    internal static Command Create(TextWriter output, TextWriter error)
    {
        var design = new Command("design", "Closed-form trial designs: sample size and decision rules.");
        foreach (var factory in Subcommands)
        {
            design.Subcommands.Add(factory(output, error));
        }

        return design;
    }

    private static Command SingleArmSurvival(TextWriter output)
    {
        var median0 = new Option<double>("--median0") { Description = "Median survival under H0 (historical control), > 0.", Required = true };
        var median1 = new Option<double>("--median1") { Description = "Median survival under H1, > 0, same unit.", Required = true };
        var accrual = new Option<double>("--accrual") { Description = "Accrual duration (uniform accrual), > 0, same unit.", Required = true };
        var followUp = new Option<double>("--follow-up") { Description = "Minimum follow-up after the last enrolment, >= 0, same unit.", Required = true };
        var alpha = new Option<double>("--alpha") { Description = "Significance level, 0 < alpha < 1.", DefaultValueFactory = _ => 0.05 };
        var sides = new Option<int>("--sides") { Description = "1 or 2 (default): one- or two-sided alpha.", DefaultValueFactory = _ => 2 };
        sides.AcceptOnlyFromAmong("1", "2");
        var power = new Option<double>("--power") { Description = "Power, 0 < power < 1.", DefaultValueFactory = _ => 0.8 };
        var dropout = new Option<double>("--dropout") { Description = "Dropout fraction, 0 <= dropout < 1; enrolment = patients / (1 - dropout).", DefaultValueFactory = _ => 0.0 };
        var method = new Option<string>("--method") { Description = "exponential (log-hazard test, default) or wu (one-sample log-rank, Wu 2015).", DefaultValueFactory = _ => "exponential" };
        method.AcceptOnlyFromAmong("exponential", "wu");
        var shape = new Option<double>("--shape") { Description = "Weibull shape of both curves (1 = exponential; wu method only).", DefaultValueFactory = _ => 1.0 };
        var format = FormatOption.Create();
        var command = new Command("single-arm-survival", "Events, patients and enrolment for a single-arm time-to-event trial against a historical median.")
        {
            median0, median1, accrual, followUp, alpha, sides, power, dropout, method, shape, format,
        };
        command.SetAction(parse =>
        {
            string methodName = parse.GetValue(method)!;
            var input = new SingleArmSurvivalInput(
                parse.GetValue(median0), parse.GetValue(median1), parse.GetValue(accrual), parse.GetValue(followUp),
                parse.GetValue(alpha), parse.GetValue(power), parse.GetValue(dropout),
                parse.GetValue(sides) == 1 ? Sidedness.OneSided : Sidedness.TwoSided,
                methodName == "wu" ? SingleArmSurvivalMethod.OneSampleLogRankWu2015 : SingleArmSurvivalMethod.ExponentialLogHazard,
                parse.GetValue(shape));
            LegacyProblemText.ThrowIfAny(input.Validate());
            var d = SingleArmSurvivalDesign.Compute(input);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, w => SingleArmJson(w, d, methodName));
            }
            else
            {
                SingleArmText(output, d, methodName);
            }

            return 0;
        });
        return command;
    }

    private static void SingleArmJson(Utf8JsonWriter w, SingleArmSurvivalResult d, string method)
    {
        var i = d.Input;
        w.WriteNumber("events", d.Events);
        w.WriteNumber("patients", d.Patients);
        w.WriteNumber("enrolment", d.Enrolment);
        w.WriteString("method", method);
        w.WriteNumber("hazard0", d.Hazard0);
        w.WriteNumber("hazard1", d.Hazard1);
        w.WriteNumber("hazard_ratio", d.HazardRatio);
        w.WriteNumber("log_hazard_ratio", d.LogHazardRatio);
        w.WriteNumber("z_alpha", d.ZAlpha);
        w.WriteNumber("z_beta", d.ZBeta);
        w.WriteNumber("event_probability", d.EventProbability);
        w.WriteNumber("events_unrounded", d.EventsUnrounded);
        w.WriteNumber("patients_unrounded", d.PatientsUnrounded);
        w.WriteNumber("enrolment_unrounded", d.EnrolmentUnrounded);
        if (d.Wu is { } wu)
        {
            w.WriteStartObject("wu");
            w.WriteNumber("p0", wu.P0);
            w.WriteNumber("p1", wu.P1);
            w.WriteNumber("p00", wu.P00);
            w.WriteNumber("p01", wu.P01);
            w.WriteNumber("omega", wu.Omega);
            w.WriteNumber("sigma", wu.Sigma);
            w.WriteEndObject();
        }

        w.WriteStartObject("options");
        w.WriteNumber("median0", i.Median0);
        w.WriteNumber("median1", i.Median1);
        w.WriteNumber("accrual", i.Accrual);
        w.WriteNumber("follow_up", i.FollowUp);
        w.WriteNumber("alpha", i.Alpha);
        w.WriteNumber("sides", i.Sidedness == Sidedness.OneSided ? 1 : 2);
        w.WriteNumber("power", i.Power);
        w.WriteNumber("dropout", i.Dropout);
        w.WriteNumber("shape", i.Shape);
        w.WriteEndObject();
    }

    private static void SingleArmText(TextWriter o, SingleArmSurvivalResult d, string method)
    {
        var i = d.Input;
        string sided = i.Sidedness == Sidedness.OneSided ? "one-sided" : "two-sided";
        string title = method == "wu" ? "One-sample log-rank test (Wu 2015)" : "Exponential test on the log hazard";
        o.WriteLine(Inv($"{title}: median {i.Median0} vs {i.Median1}, accrual {i.Accrual} + follow-up {i.FollowUp}, alpha {i.Alpha} {sided}, power {i.Power}, dropout {i.Dropout}, shape {i.Shape}"));
        o.WriteLine(Inv($"  hazards {d.Hazard0:G10} vs {d.Hazard1:G10}, HR {d.HazardRatio:G10}, ln HR {d.LogHazardRatio:G10}"));
        o.WriteLine(Inv($"  z_alpha {d.ZAlpha:G10}, z_beta {d.ZBeta:G10}"));
        if (d.Wu is { } wu)
        {
            o.WriteLine(Inv($"  p0 {wu.P0:G10}, p1 {wu.P1:G10}, p00 {wu.P00:G10}, p01 {wu.P01:G10}, omega {wu.Omega:G10}, sigma {wu.Sigma:G10}"));
        }

        o.WriteLine(Inv($"  P(event | H1) {d.EventProbability:G10}"));
        o.WriteLine(Inv($"Events:    {d.Events} ({d.EventsUnrounded:0.0000})"));
        o.WriteLine(Inv($"Patients:  {d.Patients} ({d.PatientsUnrounded:0.0000})"));
        o.WriteLine(Inv($"Enrolment: {d.Enrolment} ({d.EnrolmentUnrounded:0.0000})"));
    }

    private static Command Simon(TextWriter output)
    {
        var (p0, p1, alpha, power) = RateOptions();
        var criterion = new Option<string>("--criterion") { Description = "optimal, minimax or both (default).", DefaultValueFactory = _ => "both" };
        criterion.AcceptOnlyFromAmong("optimal", "minimax", "both");
        var maxN = new Option<int>("--max-n") { Description = "Largest total sample size searched.", DefaultValueFactory = _ => SimonTwoStageDesign.DefaultMaxN };
        var format = FormatOption.Create();
        var command = new Command("simon", "Simon's (1989) optimal and minimax two-stage phase II designs (stop if X1 <= r1 of n1; active if X > r of n).")
        {
            p0, p1, alpha, power, criterion, maxN, format,
        };
        command.SetAction(parse =>
        {
            string which = parse.GetValue(criterion)!;
            var criteria = which switch
            {
                "optimal" => new[] { SimonCriterion.Optimal },
                "minimax" => [SimonCriterion.Minimax],
                _ => [SimonCriterion.Optimal, SimonCriterion.Minimax],
            };
            double a = parse.GetValue(alpha);
            double pw = parse.GetValue(power);
            int limit = parse.GetValue(maxN);
            LegacyProblemText.ThrowIfAny(SimonTwoStageDesign.Validate(parse.GetValue(p0), parse.GetValue(p1), a, pw, limit));
            var designs = criteria.Select(c => (Criterion: c, Design: SimonTwoStageDesign.Find(parse.GetValue(p0), parse.GetValue(p1), a, pw, c, limit))).ToList();
            if (designs.Any(d => d.Design is null))
            {
                throw new CommandLineInputException([Inv($"--max-n: no two-stage design with n <= {limit} meets alpha {a} and power {pw}. Raise --max-n or relax the requirements.")]);
            }

            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, w =>
                {
                    foreach (var (c, d) in designs)
                    {
                        w.WriteStartObject(c == SimonCriterion.Optimal ? "optimal" : "minimax");
                        w.WriteNumber("r1", d!.R1);
                        w.WriteNumber("n1", d.N1);
                        w.WriteNumber("r", d.R);
                        w.WriteNumber("n", d.N);
                        w.WriteNumber("en0", d.ExpectedSampleSize0);
                        w.WriteNumber("pet0", d.EarlyTerminationProbability0);
                        w.WriteNumber("alpha", d.Alpha);
                        w.WriteNumber("power", d.Power);
                        w.WriteEndObject();
                    }

                    WriteRateOptions(w, designs[0].Design!.P0, designs[0].Design!.P1, a, pw);
                });
            }
            else
            {
                var first = designs[0].Design!;
                output.WriteLine(Inv($"Simon two-stage design: p0 {first.P0}, p1 {first.P1}, alpha {a}, power {pw}"));
                foreach (var (c, d) in designs)
                {
                    output.WriteLine(Inv($"  {(c == SimonCriterion.Optimal ? "Optimal" : "Minimax"),-8} r1/n1 = {d!.R1}/{d.N1}, r/n = {d.R}/{d.N}, EN0 {d.ExpectedSampleSize0:0.00}, PET0 {d.EarlyTerminationProbability0:0.000}, alpha {d.Alpha:0.0000}, power {d.Power:0.0000}"));
                }
            }

            return 0;
        });
        return command;
    }

    private static Command SingleStage(TextWriter output)
    {
        var (p0, p1, alpha, power) = RateOptions();
        var format = FormatOption.Create();
        var command = new Command("single-stage", "A'Hern's (2001) exact single-stage phase II design: smallest n, active if at least r respond.")
        {
            p0, p1, alpha, power, format,
        };
        command.SetAction(parse =>
        {
            double a = parse.GetValue(alpha);
            double pw = parse.GetValue(power);
            LegacyProblemText.ThrowIfAny(SingleStageBinomialDesign.Validate(parse.GetValue(p0), parse.GetValue(p1), a, pw));
            var d = SingleStageBinomialDesign.Find(parse.GetValue(p0), parse.GetValue(p1), a, pw)
                ?? throw new CommandLineInputException([Inv($"no single-stage design with n <= 1000 meets alpha {a} and power {pw}; p0 and p1 are too close.")]);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, w =>
                {
                    w.WriteNumber("n", d.N);
                    w.WriteNumber("r", d.MinimumResponses);
                    w.WriteNumber("alpha", d.Alpha);
                    w.WriteNumber("power", d.Power);
                    WriteRateOptions(w, d.P0, d.P1, a, pw);
                });
            }
            else
            {
                output.WriteLine(Inv($"A'Hern single-stage design: p0 {d.P0}, p1 {d.P1}, alpha {a}, power {pw}"));
                output.WriteLine(Inv($"  n = {d.N}; active if at least r = {d.MinimumResponses} respond; alpha {d.Alpha:0.0000}, power {d.Power:0.0000}"));
            }

            return 0;
        });
        return command;
    }

    private static (Option<double> P0, Option<double> P1, Option<double> Alpha, Option<double> Power) RateOptions() =>
        (new Option<double>("--p0") { Description = "Uninteresting response rate, 0 < p0 < p1.", Required = true },
         new Option<double>("--p1") { Description = "Desirable response rate, p0 < p1 < 1.", Required = true },
         new Option<double>("--alpha") { Description = "One-sided type I error, 0 < alpha < 1.", DefaultValueFactory = _ => 0.05 },
         new Option<double>("--power") { Description = "Power, 0 < power < 1.", DefaultValueFactory = _ => 0.8 });

    private static void WriteRateOptions(Utf8JsonWriter w, double p0, double p1, double alpha, double power)
    {
        w.WriteStartObject("options");
        w.WriteNumber("p0", p0);
        w.WriteNumber("p1", p1);
        w.WriteNumber("alpha", alpha);
        w.WriteNumber("power", power);
        w.WriteEndObject();
    }

    private static void WriteJson(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
