using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial recist --timepoints FILE</c>: best overall response, unconfirmed and confirmed, per subject.</summary>
internal static class RecistCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        _ = error;
        var timepoints = new Option<string>("--timepoints") { Description = "CSV with columns subject,ref_date,date,response (CR, PR, SD, NON-CR/NON-PD, PD, NE, ND); ref_date is day 0.", Required = true };
        var confirm = new Option<int>("--confirm-days") { Description = "Minimum days to confirmation (admiralonco ref_confirm).", DefaultValueFactory = _ => 28 };
        var sdMin = new Option<int>("--sd-min-days") { Description = "Minimum days from ref_date for SD (admiralonco ref_start_window).", DefaultValueFactory = _ => 42 };
        var maxNe = new Option<int>("--max-ne") { Description = "Most NE between a response and its confirmation (max_nr_ne).", DefaultValueFactory = _ => 1 };
        var acceptSd = new Option<bool>("--accept-sd") { Description = "Allow one SD between a PR and its confirmation (accept_sd)." };
        var crThenPr = new Option<string>("--cr-then-pr") { Description = "admiralonco (default) or strict (RECIST Table 3).", DefaultValueFactory = _ => "admiralonco" };
        crThenPr.AcceptOnlyFromAmong("admiralonco", "strict");
        var format = FormatOption.Create();
        var command = new Command("recist", "RECIST 1.1 best overall response (BOR and confirmed BOR) from time-point responses; the cut at the first PD always applies.")
        {
            timepoints, confirm, sdMin, maxNe, acceptSd, crThenPr, format,
        };

        command.SetAction(parse =>
        {
            var options = new RecistOptions
            {
                ConfirmationMinDays = parse.GetValue(confirm),
                SdMinDays = parse.GetValue(sdMin),
                MaxNotEvaluableBetween = parse.GetValue(maxNe),
                AcceptSd = parse.GetValue(acceptSd),
                CrThenPr = parse.GetValue(crThenPr) == "strict" ? CrThenPrPolicy.StrictRecistTable3 : CrThenPrPolicy.Admiralonco,
            };
            var problems = options.Validate().Select(p => "option " + p).ToList();
            var subjects = ReadTimePoints(parse.GetValue(timepoints)!, problems);
            if (problems.Count > 0)
            {
                throw new CommandLineInputException(problems);
            }

            var results = RecistDerivation.DeriveBestOverallResponse(subjects, options);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, subjects, results, options);
            }
            else
            {
                output.WriteLine(options.Describe());
                foreach (var r in results)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Subject}: BOR {BestOverallResponse.Code(r.Bor)} {r.BorDate:yyyy-MM-dd}, confirmed BOR {BestOverallResponse.Code(r.ConfirmedBor)} {r.ConfirmedBorDate:yyyy-MM-dd}, confirmed response {(r.IsConfirmedResponse ? "yes" : "no")}"));
                }
            }

            return 0;
        });
        return command;
    }

    private static List<SubjectResponses> ReadTimePoints(string path, List<string> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add($"--timepoints {path}: file not found.");
            return [];
        }

        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? lines[0].Split(',').Select(h => h.Trim()).ToList() : [];
        string[] needed = ["subject", "ref_date", "date", "response"];
        foreach (var n in needed.Where(n => !header.Contains(n, StringComparer.Ordinal)))
        {
            problems.Add($"{path}, row 1: expected a column {n}; the header must name subject,ref_date,date,response.");
        }

        if (problems.Count > 0)
        {
            return [];
        }

        int iSubject = header.IndexOf("subject"), iRef = header.IndexOf("ref_date"), iDate = header.IndexOf("date"), iResp = header.IndexOf("response");
        var bySubject = new Dictionary<string, (DateOnly Ref, List<DatedResponse> Responses)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var row = 1; row < lines.Length; row++)
        {
            if (string.IsNullOrWhiteSpace(lines[row]))
            {
                continue;
            }

            var cells = lines[row].Split(',').Select(c => c.Trim()).ToArray();
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}, row {row + 1}");
            if (cells.Length != header.Count)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}: expected {header.Count} cells, found {cells.Length}."));
                continue;
            }

            var ok = DateOnly.TryParseExact(cells[iRef], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var refDate);
            if (!ok)
            {
                problems.Add($"{at}, column ref_date: expected a date YYYY-MM-DD, found \"{cells[iRef]}\".");
            }

            if (!DateOnly.TryParseExact(cells[iDate], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"{at}, column date: expected a date YYYY-MM-DD, found \"{cells[iDate]}\".");
                ok = false;
            }

            if (!OverallResponseCodes.TryParse(cells[iResp], out var response))
            {
                problems.Add($"{at}, column response: expected one of CR, PR, SD, NON-CR/NON-PD, PD, NE, ND, found \"{cells[iResp]}\".");
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (!bySubject.TryGetValue(cells[iSubject], out var s))
            {
                s = (refDate, []);
                bySubject[cells[iSubject]] = s;
                order.Add(cells[iSubject]);
            }
            else if (s.Ref != refDate)
            {
                problems.Add($"{at}, column ref_date: subject {cells[iSubject]} has two reference dates; give one per subject.");
            }

            s.Responses.Add(new DatedResponse(date, response));
        }

        return order.Select(o => new SubjectResponses(o, bySubject[o].Ref, bySubject[o].Responses)).ToList();
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<SubjectResponses> subjects, IReadOnlyList<BestOverallResponse> results, RecistOptions o)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteStartObject("options");
            w.WriteNumber("confirm_days", o.ConfirmationMinDays);
            w.WriteNumber("sd_min_days", o.SdMinDays);
            w.WriteNumber("max_ne", o.MaxNotEvaluableBetween);
            w.WriteBoolean("accept_sd", o.AcceptSd);
            w.WriteString("cr_then_pr", o.CrThenPr == CrThenPrPolicy.StrictRecistTable3 ? "strict" : "admiralonco");
            w.WriteEndObject();
            w.WriteStartArray("subjects");
            foreach (var (s, r) in subjects.Zip(results))
            {
                w.WriteStartObject();
                w.WriteString("subject", r.Subject);
                w.WriteStartArray("time_points");
                foreach (var t in s.Responses.OrderBy(t => t.Date))
                {
                    w.WriteStartObject();
                    w.WriteString("date", t.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteString("overall", t.Response.ToCode());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("bor", BestOverallResponse.Code(r.Bor));
                WriteDate(w, "bor_date", r.BorDate);
                w.WriteString("cbor", BestOverallResponse.Code(r.ConfirmedBor));
                WriteDate(w, "cbor_date", r.ConfirmedBorDate);
                w.WriteBoolean("confirmed_response", r.IsConfirmedResponse);
                w.WriteStartArray("warnings");
                foreach (var x in r.Warnings)
                {
                    w.WriteStringValue(x);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? d)
    {
        if (d is { } v)
        {
            w.WriteString(name, v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
