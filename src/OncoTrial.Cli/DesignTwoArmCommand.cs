using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial design two-arm-survival</c>: events and patients of a randomised two-arm survival comparison
/// (Schoenfeld or Freedman events, event-probability patients), optionally with Lan-DeMets interim analyses.
/// </summary>
internal static class DesignTwoArmCommand
{
    private static readonly Dictionary<string, TwoArmEventsMethod> Methods = new(StringComparer.Ordinal)
    {
        ["schoenfeld"] = TwoArmEventsMethod.Schoenfeld,
        ["freedman"] = TwoArmEventsMethod.Freedman,
    };

    private static readonly Dictionary<string, LanDeMetsSpending> Spendings = new(StringComparer.Ordinal)
    {
        ["obf"] = LanDeMetsSpending.OBrienFleming,
        ["pocock"] = LanDeMetsSpending.Pocock,
    };

    internal static Command Create(TextWriter output, TextWriter error)
    {
        _ = error;
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
        var method = new Option<string>("--method") { Description = "Events formula: schoenfeld (default) or freedman.", DefaultValueFactory = _ => "schoenfeld" };
        method.AcceptOnlyFromAmong([.. Methods.Keys]);
        var stages = new Option<int>("--stages") { Description = "Number of analyses K at equally spaced event fractions k/K (1 = fixed design).", DefaultValueFactory = _ => 1 };
        var spending = new Option<string>("--spending") { Description = "Lan-DeMets alpha spending: obf (O'Brien-Fleming type, default) or pocock.", DefaultValueFactory = _ => "obf" };
        spending.AcceptOnlyFromAmong([.. Spendings.Keys]);
        var futility = new Option<string?>("--futility") { Description = "Non-binding futility z bounds, one per interim look, comma-separated (e.g. 0,0.5 with --stages 3)." };
        var format = FormatOption.Create();
        var command = new Command("two-arm-survival", "Events and patients for a two-arm survival comparison (log-rank; Schoenfeld or Freedman), with optional group-sequential interim analyses.")
        {
            hr, medianControl, medianTreatment, alpha, sides, power, allocation, accrual, followUp, dropout, dropoutTime, method, stages, spending, futility, format,
        };

        command.SetAction(parse =>
        {
            var problems = new List<string>();
            double? hrValue = parse.GetValue(hr);
            double? mc = parse.GetValue(medianControl);
            double? mt = parse.GetValue(medianTreatment);
            if (hrValue is not null && mt is not null)
            {
                problems.Add("--hr and --median-treatment: give one of them, not both (HR = median-control / median-treatment).");
            }

            if (mc is null)
            {
                problems.Add("--median-control: expected the control arm's median (needed for the event probability and patients), found none. Example: --hr 0.7 --median-control 12.");
            }

            if (hrValue is null && mt is null)
            {
                problems.Add("--hr or --median-treatment: expected the effect under H1, found neither. Example: --hr 0.7, or --median-treatment 17.");
            }

            int k = parse.GetValue(stages);
            if (k is < 1 or > 10)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"--stages: expected a whole number of analyses from 1 to 10, found {k}."));
            }

            double[]? futilityBounds = null;
            if (parse.GetValue(futility) is { } futilityText)
            {
                string[] parts = futilityText.Split(',', StringSplitOptions.TrimEntries);
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
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"--futility: expected one z value per interim look ({k - 1} for --stages {k}), found {parts.Length}."));
                }
            }

            if (problems.Count > 0)
            {
                throw new CommandLineInputException(problems);
            }

            var m = Methods[parse.GetValue(method)!];
            TwoArmSurvivalOptions options = hrValue is { } h
                ? TwoArmSurvivalOptions.Create(h, Math.Log(2) / mc!.Value, parse.GetValue(alpha), parse.GetValue(sides), parse.GetValue(power), parse.GetValue(allocation), parse.GetValue(accrual), parse.GetValue(followUp), parse.GetValue(dropout), parse.GetValue(dropoutTime), m)
                : TwoArmSurvivalOptions.FromMedians(mc!.Value, mt!.Value, parse.GetValue(alpha), parse.GetValue(sides), parse.GetValue(power), parse.GetValue(allocation), parse.GetValue(accrual), parse.GetValue(followUp), parse.GetValue(dropout), parse.GetValue(dropoutTime), m);
            bool json = parse.GetValue(format) == "json";
            if (k == 1)
            {
                var result = TwoArmSurvivalDesign.Compute(options);
                output.WriteLine(json ? Json(result, null) : Text(result, null));
            }
            else
            {
                double[] rates = [.. Enumerable.Range(1, k).Select(i => i == k ? 1.0 : (double)i / k)];
                var sequential = TwoArmSurvivalDesign.ComputeGroupSequential(options, rates, Spendings[parse.GetValue(spending)!], GroupSequentialDesign.DefaultGridPointsPerUnit, futilityBounds);
                output.Write(json ? Json(sequential.Fixed, sequential) + "\n" : Text(sequential.Fixed, sequential) + "\n");
            }

            return 0;
        });
        return command;
    }

    private static string Name(TwoArmEventsMethod m) => m == TwoArmEventsMethod.Freedman ? "freedman" : "schoenfeld";

    private static string Name(LanDeMetsSpending s) => s == LanDeMetsSpending.Pocock ? "pocock" : "obf";

    private static string Text(TwoArmSurvivalResult r, TwoArmGroupSequentialResult? gs)
    {
        var o = r.Options;
        var sb = new StringBuilder();
        void Line(FormattableString s) => sb.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"Two-arm survival design ({Name(o.Method)} events, log-rank test, exponential hazards)");
        Line($"  hazard ratio {o.HazardRatio:0.####} (control hazard {o.ControlHazard:0.######}, median {Math.Log(2) / o.ControlHazard:0.##}; treatment median {Math.Log(2) / o.TreatmentHazard:0.##})");
        Line($"  alpha {o.Alpha:0.####} {(o.Sides == 1 ? "one-sided" : "two-sided")}, power {o.Power:0.####}, allocation {o.AllocationRatio:0.###}:1 (treatment:control)");
        Line($"  accrual {o.AccrualTime:0.###}, follow-up {o.FollowUpTime:0.###}, dropout {o.DropoutRate:0.####} by {o.DropoutTime:0.###} (exponential)");
        Line($"  z_alpha {r.ZAlpha:0.######}, z_beta {r.ZBeta:0.######}");
        Line($"  P(event) treatment {r.EventProbabilityTreatment:0.######}, control {r.EventProbabilityControl:0.######}, weighted {r.EventProbability:0.######}");
        Line($"Fixed design: {r.EventsRoundedUp} events ({r.Events:0.###}), {r.PatientsRoundedUp} patients ({r.Patients:0.###}: {r.PatientsTreatment:0.###} treatment, {r.PatientsControl:0.###} control)");
        if (gs is not null)
        {
            var b = gs.Boundaries;
            Line($"Group-sequential: {b.Stages} analyses, Lan-DeMets {(b.Spending == LanDeMetsSpending.Pocock ? "Pocock" : "O'Brien-Fleming")}-type alpha spending, {(b.FutilityBounds.Count == 0 ? "efficacy bounds only" : "non-binding futility bounds " + string.Join(", ", b.FutilityBounds.Select(f => f.ToString("0.###", CultureInfo.InvariantCulture))))}");
            Line($"  inflation factor {b.InflationFactor:0.######}, maximum {gs.MaxEventsRoundedUp} events ({gs.MaxEvents:0.###}), {gs.MaxPatientsRoundedUp} patients ({gs.MaxPatients:0.###})");
            Line($"  expected events under H0 {gs.ExpectedEventsH0:0.###}, under H1 {gs.ExpectedEventsH1:0.###}");
            Line($"  look  fraction  events  z bound  cum. alpha  P(stop | H1)");
            for (int k = 0; k < b.Stages; k++)
            {
                Line($"  {k + 1,4}  {b.InformationRates[k],8:0.####}  {gs.EventsPerStage[k],6:0.#}  {b.CriticalValues[k],7:0.####}  {b.CumulativeAlphaSpent[k],10:0.######}  {b.RejectionProbabilitiesH1[k],12:0.####}");
            }
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static string Json(TwoArmSurvivalResult r, TwoArmGroupSequentialResult? gs)
    {
        var o = r.Options;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("method", Name(o.Method));
            w.WriteNumber("hazard_ratio", o.HazardRatio);
            w.WriteNumber("control_hazard", o.ControlHazard);
            w.WriteNumber("alpha", o.Alpha);
            w.WriteNumber("sides", o.Sides);
            w.WriteNumber("power", o.Power);
            w.WriteNumber("allocation_ratio", o.AllocationRatio);
            w.WriteNumber("accrual_time", o.AccrualTime);
            w.WriteNumber("follow_up_time", o.FollowUpTime);
            w.WriteNumber("dropout_rate", o.DropoutRate);
            w.WriteNumber("dropout_time", o.DropoutTime);
            w.WriteNumber("z_alpha", r.ZAlpha);
            w.WriteNumber("z_beta", r.ZBeta);
            w.WriteNumber("event_probability_treatment", r.EventProbabilityTreatment);
            w.WriteNumber("event_probability_control", r.EventProbabilityControl);
            w.WriteNumber("event_probability", r.EventProbability);
            w.WriteNumber("events_exact", r.Events);
            w.WriteNumber("events", r.EventsRoundedUp);
            w.WriteNumber("patients_exact", r.Patients);
            w.WriteNumber("patients", r.PatientsRoundedUp);
            if (gs is not null)
            {
                var b = gs.Boundaries;
                w.WriteStartObject("group_sequential");
                w.WriteString("spending", Name(b.Spending));
                w.WriteNumber("stages", b.Stages);
                w.WriteNumber("inflation_factor", b.InflationFactor);
                w.WriteNumber("max_events_exact", gs.MaxEvents);
                w.WriteNumber("max_events", gs.MaxEventsRoundedUp);
                w.WriteNumber("max_patients_exact", gs.MaxPatients);
                w.WriteNumber("max_patients", gs.MaxPatientsRoundedUp);
                w.WriteNumber("expected_events_h0", gs.ExpectedEventsH0);
                w.WriteNumber("expected_events_h1", gs.ExpectedEventsH1);
                Array(w, "information_rates", b.InformationRates);
                Array(w, "events_per_stage", gs.EventsPerStage);
                Array(w, "critical_values", b.CriticalValues);
                Array(w, "cumulative_alpha_spent", b.CumulativeAlphaSpent);
                Array(w, "rejection_probabilities_h1", b.RejectionProbabilitiesH1);
                Array(w, "futility_bounds", b.FutilityBounds);
                Array(w, "futility_probabilities_h1", b.FutilityProbabilitiesH1);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Array(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }
}
