using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OncoTrial.Clinical.Protocol;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial regimen show|schedule|dose</c>: the built-in regimen or a regimen file, a schedule, a patient's doses.</summary>
internal static class RegimenCommand
{
    private static readonly Dictionary<string, BsaFormula> Formulas = new(StringComparer.Ordinal)
    {
        ["mosteller"] = BsaFormula.Mosteller,
        ["dubois"] = BsaFormula.DuBois,
        ["haycock"] = BsaFormula.Haycock,
        ["gehan-george"] = BsaFormula.GehanGeorge,
        ["boyd"] = BsaFormula.Boyd,
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        _ = error;
        var command = new Command("regimen", "The treatment regimen as data: show it, list a schedule from a first dose, or compute a patient's doses. Uses the seed trial's regimen unless --regimen names a file.");
        command.Subcommands.Add(Show(output));
        command.Subcommands.Add(Schedule(output));
        command.Subcommands.Add(Dose(output));
        return command;
    }

    private static Option<string?> RegimenOption() => new("--regimen") { Description = "A regimen JSON file (regimen.schema.json); the built-in seed regimen when omitted." };

    private static Regimen LoadRegimen(string? path)
    {
        try
        {
            return path is null ? Regimen.Seed : Regimen.Load(path);
        }
        catch (ProtocolFormatException ex)
        {
            throw new CommandLineInputException([.. ex.Problems.Select(p => p.ToString())]);
        }
        catch (FileNotFoundException)
        {
            throw new CommandLineInputException([$"--regimen: expected a regimen JSON file, found no file at {path}. Check the path."]);
        }
    }

    private static Command Show(TextWriter output)
    {
        var regimen = RegimenOption();
        var format = FormatOption.Create();
        var command = new Command("show", "Print the regimen: drugs, doses, days, phases, assessments, delay limits.") { regimen, format };
        command.SetAction(parse =>
        {
            var r = LoadRegimen(parse.GetValue(regimen));
            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, w => WriteRegimen(w, r));
                return 0;
            }

            output.WriteLine($"Regimen {r.Id} (version {r.Version}): {r.Name}");
            if (r.Source is not null)
            {
                output.WriteLine($"Source: {r.Source}");
            }

            output.WriteLine(Inv($"Cycle length: {r.CycleLengthDays} days"));
            output.WriteLine("Drugs:");
            foreach (var d in r.Drugs)
            {
                var parts = new List<string>
                {
                    DoseText(d.Dose) + (d.Distribution == DoseDistribution.Split ? " per cycle, split over days " + Days(d.Days) : (d.Days.Count == 1 ? " on day " : " on days ") + Days(d.Days)),
                    d.Route == DrugRoute.Oral ? "oral" : "intravenous",
                };
                parts.Add(!d.ReductionAllowed ? "no dose reduction" : d.DoseLevels.Count > 0 ? "dose levels " + string.Join(" -> ", d.DoseLevels.Select(Num)) + " " + d.Dose.Unit : "reduction allowed");
                if (d.MaxDelayDays is { } md)
                {
                    parts.Add(Inv($"delays up to {md} days"));
                }

                output.WriteLine($"  {d.Id,-14} {string.Join("; ", parts)}");
            }

            output.WriteLine("Phases:");
            foreach (var p in r.Phases)
            {
                string cycles = p.MaxCycles is { } max ? (p.MinCycles == max ? Inv($"{max} cycles") : Inv($"{p.MinCycles}-{max} cycles")) : p.StopRule ?? "open-ended";
                output.WriteLine(Inv($"  {p.Name,-20} {cycles}: {string.Join(", ", p.DrugIds)}; tumour assessment every {p.AssessmentEveryCycles} cycles"));
            }

            output.WriteLine("Assessments: " + (r.BaselineAssessment ? "baseline, then " : string.Empty) + "per phase as above");
            output.WriteLine(Inv($"Delays: at most {r.Delays.MaxDaysPerEpisode} days per episode, at most {r.Delays.MaxEpisodesPerCycle} episodes per cycle; a start within {r.Delays.StartToleranceDays} days of the planned date is on time"));
            output.WriteLine(Inv($"Dose tolerance for deviations: {r.DoseTolerance * 100:0.#}%"));
            return 0;
        });
        return command;
    }

    private static Command Schedule(TextWriter output)
    {
        var regimen = RegimenOption();
        var firstDose = new Option<string>("--first-dose") { Description = "Cycle 1 day 1, YYYY-MM-DD.", Required = true };
        var induction = new Option<int?>("--induction-cycles") { Description = "Cycles of the first phase (default: its maximum, 6 in the seed regimen)." };
        var maintenance = new Option<int?>("--maintenance-cycles") { Description = "Cycles of the second phase to list (default: its maximum, or none when it runs until progression)." };
        var format = FormatOption.Create();
        var command = new Command("schedule", "Planned cycle day-1 dates and tumour assessment dates from the first dose, without delays.") { regimen, firstDose, induction, maintenance, format };
        command.SetAction(parse =>
        {
            var r = LoadRegimen(parse.GetValue(regimen));
            string text = parse.GetValue(firstDose)!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                throw new CommandLineInputException([$"--first-dose: expected a date YYYY-MM-DD (e.g. 2024-01-02), found \"{text}\"."]);
            }

            var counts = new List<int>();
            int?[] given = [parse.GetValue(induction), parse.GetValue(maintenance)];
            for (int p = 0; p < r.Phases.Count; p++)
            {
                var phase = r.Phases[p];
                counts.Add(p < given.Length && given[p] is { } g ? g : phase.MaxCycles ?? phase.MinCycles);
            }

            var cycleProblems = TreatmentSchedule.Validate(r, counts);
            if (cycleProblems.Count > 0)
            {
                throw new CommandLineInputException([LegacyProblemText.Cycles(cycleProblems, p => r.Phases[p.Option == "maintenance-cycles" ? 1 : 0].Name)]);
            }

            var s = TreatmentSchedule.Create(r, first, counts);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("regimen", r.Id);
                    w.WriteString("first_dose", Date(s.FirstDose));
                    w.WriteNumber("cycle_length_days", r.CycleLengthDays);
                    w.WriteStartArray("cycles");
                    foreach (var c in s.Cycles)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("cycle", c.Cycle);
                        w.WriteString("phase", c.Phase.Name);
                        w.WriteNumber("cycle_in_phase", c.CycleInPhase);
                        w.WriteString("day1", Date(c.Day1));
                        w.WriteStartArray("drugs");
                        foreach (string d in c.DrugIds)
                        {
                            w.WriteStringValue(d);
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("assessments");
                    foreach (var a in s.Assessments)
                    {
                        w.WriteStartObject();
                        w.WriteString("label", a.Label);
                        w.WriteString("date", Date(a.Date));
                        w.WriteNumber("after_cycle", a.AfterCycle);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return 0;
            }

            output.WriteLine(Inv($"Schedule of {r.Id} from first dose {Date(first)} ({r.CycleLengthDays}-day cycles, no delays): ") + string.Join(", ", r.Phases.Select((p, i) => Inv($"{s.CyclesPerPhase[i]} {p.Name}"))) + " cycles");
            output.WriteLine("Cycle  Phase (cycle)            Day 1       Drugs");
            foreach (var c in s.Cycles)
            {
                output.WriteLine(Inv($"{c.Cycle,-6} {c.Phase.Name + " " + c.CycleInPhase.ToString(CultureInfo.InvariantCulture),-24} {Date(c.Day1)}  {string.Join(", ", c.DrugIds)}"));
            }

            output.WriteLine("Tumour assessments");
            foreach (var a in s.Assessments)
            {
                output.WriteLine($"  {a.Label,-34} {(a.AfterCycle == 0 ? "on or before " : string.Empty)}{Date(a.Date)}");
            }

            foreach (var p in r.Phases.Where(p => p.MaxCycles is null))
            {
                output.WriteLine($"{p.Name} continues {p.StopRule ?? "open-ended"}; --maintenance-cycles N lists N of its cycles.");
            }

            return 0;
        });
        return command;
    }

    private static Command Dose(TextWriter output)
    {
        var regimen = RegimenOption();
        var height = new Option<double>("--height") { Description = "Height in cm.", Required = true };
        var weight = new Option<double>("--weight") { Description = "Actual body weight in kg.", Required = true };
        var formula = new Option<string>("--formula") { Description = "BSA formula.", DefaultValueFactory = _ => "mosteller" };
        formula.AcceptOnlyFromAmong([.. Formulas.Keys]);
        var bsaDecimals = new Option<int>("--bsa-decimals") { Description = "Decimals of BSA used for dosing (0-6).", DefaultValueFactory = _ => 2 };
        var roundMg = new Option<double>("--round-mg") { Description = "Round each dose to a multiple of this many mg (0: unrounded).", DefaultValueFactory = _ => 0 };
        var format = FormatOption.Create();
        var command = new Command("dose", "Each drug's planned dose for a patient: flat doses, mg/m2 x BSA, mg/kg x weight.") { regimen, height, weight, formula, bsaDecimals, roundMg, format };
        command.SetAction(parse =>
        {
            var r = LoadRegimen(parse.GetValue(regimen));
            double h = parse.GetValue(height), wt = parse.GetValue(weight);
            int decimals = parse.GetValue(bsaDecimals);
            double step = parse.GetValue(roundMg);
            var rounding = new DoseRounding(decimals, step);
            var problems = DoseCalculator.Validate(h, wt, rounding);
            if (problems.Count > 0)
            {
                throw new CommandLineInputException([.. problems.Select(p => p.ToString())]);
            }

            string formulaName = parse.GetValue(formula)!;
            var f = Formulas[formulaName];
            double raw = BodySurfaceArea.Compute(h, wt, f);
            var doses = DoseCalculator.ComputePlannedDoses(r, h, wt, f, rounding);
            double bsa = Math.Round(raw, decimals, MidpointRounding.AwayFromZero);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("regimen", r.Id);
                    w.WriteNumber("height_cm", h);
                    w.WriteNumber("weight_kg", wt);
                    w.WriteString("bsa_formula", formulaName);
                    w.WriteNumber("bsa_m2_unrounded", raw);
                    w.WriteNumber("bsa_m2", bsa);
                    w.WriteNumber("bsa_decimals", decimals);
                    w.WriteNumber("round_mg", step);
                    w.WriteStartArray("drugs");
                    foreach (var d in doses)
                    {
                        w.WriteStartObject();
                        w.WriteString("drug", d.Drug.Id);
                        w.WriteNumber("protocol_dose", d.Drug.Dose.Amount);
                        WriteNullable(w, "protocol_dose_min", d.Drug.Dose.Minimum);
                        WriteNullable(w, "protocol_dose_max", d.Drug.Dose.Maximum);
                        w.WriteString("protocol_unit", d.Drug.Dose.Unit);
                        w.WriteString("distribution", d.Drug.Distribution == DoseDistribution.Split ? "split" : "each-day");
                        w.WriteStartArray("days");
                        foreach (int day in d.Drug.Days)
                        {
                            w.WriteNumberValue(day);
                        }

                        w.WriteEndArray();
                        WriteAmount(w, "per_administration_mg", d.PerAdministration);
                        WriteAmount(w, "per_cycle_mg", d.PerCycle);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return 0;
            }

            output.WriteLine(Inv($"Patient: height {Num(h)} cm, weight {Num(wt)} kg; BSA {bsa.ToString("0." + new string('0', Math.Max(decimals, 1)), CultureInfo.InvariantCulture)} m2 ({formulaName} {raw:0.0000}, rounded to {decimals} decimals)"));
            output.WriteLine("Drug           Protocol dose           Per administration  Days   Per cycle");
            foreach (var d in doses)
            {
                output.WriteLine($"{d.Drug.Id,-14} {DoseText(d.Drug.Dose) + (d.Drug.Distribution == DoseDistribution.Split ? " (split)" : string.Empty),-23} {Mg(d.PerAdministration),-19} {Days(d.Drug.Days),-6} {Mg(d.PerCycle)}");
            }

            if (step > 0)
            {
                output.WriteLine(Inv($"Doses rounded to the nearest {Num(step)} mg."));
            }

            return 0;
        });
        return command;
    }

    private static void WriteRegimen(Utf8JsonWriter w, Regimen r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("name", r.Name);
        w.WriteString("version", r.Version);
        w.WriteNumber("cycle_length_days", r.CycleLengthDays);
        w.WriteStartArray("drugs");
        foreach (var d in r.Drugs)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("route", d.Route == DrugRoute.Oral ? "oral" : "intravenous");
            w.WriteNumber("dose", d.Dose.Amount);
            WriteNullable(w, "dose_min", d.Dose.Minimum);
            WriteNullable(w, "dose_max", d.Dose.Maximum);
            w.WriteString("unit", d.Dose.Unit);
            w.WriteString("distribution", d.Distribution == DoseDistribution.Split ? "split" : "each-day");
            w.WriteString("days", Days(d.Days));
            w.WriteBoolean("reduction_allowed", d.ReductionAllowed);
            w.WriteStartArray("dose_levels");
            foreach (double l in d.DoseLevels)
            {
                w.WriteNumberValue(l);
            }

            w.WriteEndArray();
            WriteNullable(w, "max_delay_days", d.MaxDelayDays);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("phases");
        foreach (var p in r.Phases)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("name", p.Name);
            w.WriteNumber("min_cycles", p.MinCycles);
            WriteNullable(w, "max_cycles", p.MaxCycles);
            w.WriteNumber("assessment_every_cycles", p.AssessmentEveryCycles);
            w.WriteString("drugs", string.Join(",", p.DrugIds));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBoolean("baseline_assessment", r.BaselineAssessment);
        w.WriteNumber("max_days_per_delay", r.Delays.MaxDaysPerEpisode);
        w.WriteNumber("max_delays_per_cycle", r.Delays.MaxEpisodesPerCycle);
        w.WriteNumber("dose_tolerance", r.DoseTolerance);
        w.WriteEndObject();
    }

    private static void WriteAmount(Utf8JsonWriter w, string name, MgAmount a)
    {
        w.WriteStartObject(name);
        w.WriteNumber("nominal", Math.Round(a.Nominal, 6));
        WriteNullable(w, "min", a.Minimum);
        WriteNullable(w, "max", a.Maximum);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x)
        {
            w.WriteNumber(name, Math.Round(x, 6));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteJson(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string DoseText(DoseSpec d) => d.IsRange ? $"{Num(d.Minimum!.Value)}-{Num(d.Maximum!.Value)} {d.Unit}" : $"{Num(d.Amount)} {d.Unit}";

    private static string Mg(MgAmount a) => a.Minimum is { } lo && a.Maximum is { } hi && lo != hi ? $"{Num(lo)}-{Num(hi)} mg" : $"{Num(a.Nominal)} mg";

    private static string Days(IReadOnlyList<int> days)
    {
        var parts = new List<string>();
        for (int i = 0; i < days.Count;)
        {
            int j = i;
            while (j + 1 < days.Count && days[j + 1] == days[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? Num(days[i]) : $"{Num(days[i])}-{Num(days[j])}");
            i = j + 1;
        }

        return string.Join(",", parts);
    }

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
