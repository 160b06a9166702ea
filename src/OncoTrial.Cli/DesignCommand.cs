using System.CommandLine;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial design</c>: closed-form sample sizes.</summary>
internal static class DesignCommand
{
    public static Command Create(CliContext cli)
    {
        var design = new Command("design", "Closed-form trial designs: sample size and decision rules.");
        design.Subcommands.Add(SingleArmSurvival(cli));
        design.Subcommands.Add(Simon(cli));
        design.Subcommands.Add(SingleStage(cli));
        design.Subcommands.Add(TwoArmSurvival(cli));
        return design;
    }

    private static Command SingleArmSurvival(CliContext cli)
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
        var method = CliOptions.Choice("--method", "exponential (log-hazard test) or wu (one-sample log-rank, Wu 2015).", SingleArmSurvivalMethod.ExponentialLogHazard);
        var shape = new Option<double>("--shape") { Description = "Weibull shape of both curves (1 = exponential; wu method only).", DefaultValueFactory = _ => 1.0 };
        var format = CliOptions.Format();
        var command = new Command("single-arm-survival", "Events, patients and enrolment for a single-arm time-to-event trial against a historical median.")
        {
            median0, median1, accrual, followUp, alpha, sides, power, dropout, method, shape, format,
        };
        command.SetAction(parse =>
        {
            var input = new SingleArmSurvivalInput(
                parse.GetValue(median0), parse.GetValue(median1), parse.GetValue(accrual), parse.GetValue(followUp),
                parse.GetValue(alpha), parse.GetValue(power), parse.GetValue(dropout),
                parse.GetValue(sides) == 1 ? Sidedness.OneSided : Sidedness.TwoSided,
                parse.GetValue(method),
                parse.GetValue(shape));
            ProblemException.ThrowIfAnyError(input.Validate());
            var d = SingleArmSurvivalDesign.Compute(input);
            cli.Write(parse.GetValue(format), () => DesignReport.ToDocument(d), () => DesignReport.ToJson(d));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Simon(CliContext cli)
    {
        var (p0, p1, alpha, power) = RateOptions();
        var criterion = new Option<string>("--criterion") { Description = "optimal, minimax or both (default).", DefaultValueFactory = _ => "both" };
        criterion.AcceptOnlyFromAmong([.. Vocabulary.Tokens<SimonCriterion>(), "both"]);
        var maxN = new Option<int>("--max-n") { Description = "Largest total sample size searched.", DefaultValueFactory = _ => SimonTwoStageDesign.DefaultMaxN };
        var format = CliOptions.Format();
        var command = new Command("simon", "Simon's (1989) optimal and minimax two-stage phase II designs (stop if X1 <= r1 of n1; active if X > r of n).")
        {
            p0, p1, alpha, power, criterion, maxN, format,
        };
        command.SetAction(parse =>
        {
            double a = parse.GetValue(alpha), pw = parse.GetValue(power);
            int limit = parse.GetValue(maxN);
            ProblemException.ThrowIfAnyError(SimonTwoStageDesign.Validate(parse.GetValue(p0), parse.GetValue(p1), a, pw, limit));
            string which = parse.GetValue(criterion)!;
            SimonCriterion[] criteria = Vocabulary.TryParse(which, out SimonCriterion one) ? [one] : [SimonCriterion.Optimal, SimonCriterion.Minimax];
            var designs = new List<SimonTwoStageResult>();
            foreach (var c in criteria)
            {
                designs.Add(SimonTwoStageDesign.Find(parse.GetValue(p0), parse.GetValue(p1), a, pw, c, limit)
                    ?? throw new ProblemException(Problem.ForOption("max-n", "DESIGN_NOT_FOUND", $"a two-stage design with n <= {Reporting.Formats.WholeNumber(limit)} that meets alpha and power", "none", "Raise --max-n or relax the requirements.")));
            }

            cli.Write(parse.GetValue(format), () => DesignReport.ToDocument(designs), () => DesignReport.ToJson(designs));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command SingleStage(CliContext cli)
    {
        var (p0, p1, alpha, power) = RateOptions();
        var format = CliOptions.Format();
        var command = new Command("single-stage", "A'Hern's (2001) exact single-stage phase II design: smallest n, active if at least r respond.")
        {
            p0, p1, alpha, power, format,
        };
        command.SetAction(parse =>
        {
            double a = parse.GetValue(alpha), pw = parse.GetValue(power);
            ProblemException.ThrowIfAnyError(SingleStageBinomialDesign.Validate(parse.GetValue(p0), parse.GetValue(p1), a, pw));
            var d = SingleStageBinomialDesign.Find(parse.GetValue(p0), parse.GetValue(p1), a, pw)
                ?? throw new ProblemException(Problem.ForOption("p1", "DESIGN_NOT_FOUND", "a single-stage design with n <= 1000 that meets alpha and power", "none: p0 and p1 are too close", "Widen the difference between p0 and p1 or relax alpha and power."));
            cli.Write(parse.GetValue(format), () => DesignReport.ToDocument(d), () => DesignReport.ToJson(d));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command TwoArmSurvival(CliContext cli)
    {
        var hr = new Option<double?>("--hr") { Description = "Hazard ratio treatment:control under H1 (> 0, not 1); needs --median-control for the patient numbers." };
        var medianControl = new Option<double?>("--median-control") { Description = "Exponential median of the control arm (time units of --accrual)." };
        var medianTreatment = new Option<double?>("--median-treatment") { Description = "Exponential median of the treatment arm; HR = median-control / median-treatment." };
        var alpha = new Option<double>("--alpha") { Description = "Significance level (two-sided level when --sides 2).", DefaultValueFactory = _ => 0.025 };
        var sides = new Option<int>("--sides") { Description = "1 (one-sided) or 2 (two-sided).", DefaultValueFactory = _ => 1 };
        var power = new Option<double>("--power") { Description = "Power 1 - beta.", DefaultValueFactory = _ => 0.8 };
        var allocation = new Option<double>("--allocation") { Description = "Allocation ratio treatment:control (1 for 1:1, 2 for 2:1).", DefaultValueFactory = _ => 1 };
        var accrual = new Option<double>("--accrual") { Description = "Uniform accrual duration A.", DefaultValueFactory = _ => 24 };
        var followUp = new Option<double>("--follow-up") { Description = "Follow-up F after the last patient; analysis at A + F.", DefaultValueFactory = _ => 12 };
        var dropout = new Option<double>("--dropout") { Description = "Probability of dropout by --dropout-time (exponential, both arms).", DefaultValueFactory = _ => 0 };
        var dropoutTime = new Option<double>("--dropout-time") { Description = "Time at which --dropout applies.", DefaultValueFactory = _ => 12 };
        var method = CliOptions.Choice("--method", "Events formula.", TwoArmEventsMethod.Schoenfeld);
        var stages = new Option<int>("--stages") { Description = "Number of analyses K at equally spaced event fractions k/K (1 = fixed design).", DefaultValueFactory = _ => 1 };
        var spending = CliOptions.Choice("--spending", "Lan-DeMets alpha spending: obf (O'Brien-Fleming type) or pocock.", LanDeMetsSpending.OBrienFleming);
        var futility = new Option<string?>("--futility") { Description = "Non-binding futility z bounds, one per interim look, comma-separated (e.g. 0,0.5 with --stages 3)." };
        var format = CliOptions.Format();
        var command = new Command("two-arm-survival", "Events and patients for a two-arm survival comparison (log-rank; Schoenfeld or Freedman), with optional group-sequential interim analyses.")
        {
            hr, medianControl, medianTreatment, alpha, sides, power, allocation, accrual, followUp, dropout, dropoutTime, method, stages, spending, futility, format,
        };

        command.SetAction(parse =>
        {
            var problems = new List<Problem>();
            double? hrValue = parse.GetValue(hr), mc = parse.GetValue(medianControl), mt = parse.GetValue(medianTreatment);
            if (hrValue is not null && mt is not null)
            {
                problems.Add(Problem.ForOption("hr", "OPTION_CONFLICT", "one of --hr and --median-treatment (HR = median-control / median-treatment)", "both", "Give one of them."));
            }

            if (mc is null)
            {
                problems.Add(Problem.ForOption("median-control", "OPTION_MISSING", "the control arm's median (needed for the event probability and patients)", "none", "Example: --hr 0.7 --median-control 12."));
            }

            if (hrValue is null && mt is null)
            {
                problems.Add(Problem.ForOption("hr", "OPTION_MISSING", "the effect under H1, --hr or --median-treatment", "neither", "Example: --hr 0.7, or --median-treatment 17."));
            }

            var futilityBounds = parse.GetValue(futility) is { } text ? CliOptions.Numbers(text, "futility", "0,0.5", problems) : null;
            int k = parse.GetValue(stages);
            double[] rates = InformationRates.EquallySpaced(k);
            if (k != 1 || futilityBounds is not null)
            {
                problems.AddRange(CliOptions.Looks(rates, futilityBounds));
            }

            ProblemException.ThrowIfAnyError(problems);
            double controlHazard = TwoArmSurvivalOptions.HazardFromMedian(mc!.Value);
            double hazardRatio = hrValue ?? TwoArmSurvivalOptions.HazardRatioFromMedians(mc.Value, mt!.Value);
            problems.AddRange(hrValue is null ? TwoArmSurvivalOptions.ValidateMedians(mc.Value, mt!.Value) : []);
            ProblemException.ThrowIfAnyError(problems);
            problems.AddRange(TwoArmSurvivalOptions.Validate(
                hazardRatio, controlHazard, parse.GetValue(alpha), parse.GetValue(sides), parse.GetValue(power), parse.GetValue(allocation),
                parse.GetValue(accrual), parse.GetValue(followUp), parse.GetValue(dropout), parse.GetValue(dropoutTime), parse.GetValue(method)));
            ProblemException.ThrowIfAnyError(problems);
            var options = hrValue is { } h
                ? TwoArmSurvivalOptions.Create(h, controlHazard, parse.GetValue(alpha), parse.GetValue(sides), parse.GetValue(power), parse.GetValue(allocation), parse.GetValue(accrual), parse.GetValue(followUp), parse.GetValue(dropout), parse.GetValue(dropoutTime), parse.GetValue(method))
                : TwoArmSurvivalOptions.FromMedians(mc.Value, mt!.Value, parse.GetValue(alpha), parse.GetValue(sides), parse.GetValue(power), parse.GetValue(allocation), parse.GetValue(accrual), parse.GetValue(followUp), parse.GetValue(dropout), parse.GetValue(dropoutTime), parse.GetValue(method));
            var outputFormat = parse.GetValue(format);
            if (k == 1 && futilityBounds is null)
            {
                var result = TwoArmSurvivalDesign.Compute(options);
                cli.Write(outputFormat, () => DesignReport.ToDocument(result, null), () => DesignReport.ToJson(result, null));
                return ExitCodes.Success;
            }

            ProblemException.ThrowIfAnyError(TwoArmSurvivalDesign.ValidateGroupSequential(options, rates, futilityBounds));
            var sequential = TwoArmSurvivalDesign.ComputeGroupSequential(options, rates, parse.GetValue(spending), GroupSequentialDesign.DefaultGridPointsPerUnit, futilityBounds);
            cli.Write(outputFormat, () => DesignReport.ToDocument(sequential.Fixed, sequential), () => DesignReport.ToJson(sequential.Fixed, sequential));
            return ExitCodes.Success;
        });
        return command;
    }

    private static (Option<double> P0, Option<double> P1, Option<double> Alpha, Option<double> Power) RateOptions() =>
        (new Option<double>("--p0") { Description = "Uninteresting response rate, 0 < p0 < p1.", Required = true },
         new Option<double>("--p1") { Description = "Desirable response rate, p0 < p1 < 1.", Required = true },
         new Option<double>("--alpha") { Description = "One-sided type I error, 0 < alpha < 1.", DefaultValueFactory = _ => 0.05 },
         new Option<double>("--power") { Description = "Power, 0 < power < 1.", DefaultValueFactory = _ => 0.8 });
}
