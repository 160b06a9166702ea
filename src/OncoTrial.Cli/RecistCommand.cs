using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial recist --study DIR | --lesions FILE... | --timepoints FILE</c>: time-point responses (from lesions) and
/// best overall response, unconfirmed and confirmed, per subject.
/// </summary>
internal static class RecistCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        _ = error;
        var study = new Option<string>("--study") { Description = "A study folder (docs/data-format.md): TU and TR give the lesions, DM.RFSTDTC day 0." };
        var lesions = new Option<string[]>("--lesions") { Description = "Lesion input: the flat lesion CSV (docs/data-format.md, \"Lesion file\"), or SDTM TU and TR CSV files (and optionally DM for RFSTDTC), recognised by their columns.", AllowMultipleArgumentsPerToken = true };
        var timepoints = new Option<string>("--timepoints") { Description = "CSV with columns subject,ref_date,date,response (CR, PR, SD, NON-CR/NON-PD, PD, NE, ND); ref_date is day 0." };
        var evaluator = new Option<string>("--evaluator") { Description = "With SDTM TU/TR: keep the records of this evaluator (TREVAL/TUEVAL); 'all' keeps every record.", DefaultValueFactory = _ => LesionReader.DefaultEvaluator };
        var confirm = new Option<int>("--confirm-days") { Description = "Minimum days to confirmation (admiralonco ref_confirm).", DefaultValueFactory = _ => 28 };
        var sdMin = new Option<int>("--sd-min-days") { Description = "Minimum days from ref_date for SD (admiralonco ref_start_window).", DefaultValueFactory = _ => 42 };
        var maxNe = new Option<int>("--max-ne") { Description = "Most NE between a response and its confirmation (max_nr_ne).", DefaultValueFactory = _ => 1 };
        var acceptSd = new Option<bool>("--accept-sd") { Description = "Allow one SD between a PR and its confirmation (accept_sd)." };
        var crThenPr = new Option<string>("--cr-then-pr") { Description = "admiralonco (default) or strict (RECIST Table 3).", DefaultValueFactory = _ => "admiralonco" };
        crThenPr.AcceptOnlyFromAmong("admiralonco", "strict");
        var format = FormatOption.Create();
        var command = new Command("recist", "RECIST 1.1 time-point responses from lesions, and best overall response (BOR and confirmed BOR); the cut at the first PD always applies.")
        {
            study, lesions, timepoints, evaluator, confirm, sdMin, maxNe, acceptSd, crThenPr, format,
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
            var problems = options.Validate().Select(p => p.ToString()).ToList();
            var studyDir = parse.GetValue(study);
            var lesionFiles = parse.GetValue(lesions) ?? [];
            var timepointFile = parse.GetValue(timepoints);
            var given = (studyDir is null ? 0 : 1) + (lesionFiles.Length == 0 ? 0 : 1) + (timepointFile is null ? 0 : 1);
            if (given != 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"--study, --lesions, --timepoints: expected exactly one input, found {given}. Give a study folder, lesion file(s) or a time-point file."));
                throw new CommandLineInputException(problems);
            }

            IReadOnlyList<SubjectResponses> subjects;
            IReadOnlyList<TimePointResponse> derived = [];
            var warnings = new List<string>();
            if (timepointFile is not null)
            {
                subjects = ReadTimePoints(timepointFile, problems);
            }
            else
            {
                var ev = parse.GetValue(evaluator);
                var input = studyDir is not null ? ReadStudy(studyDir, ev, problems) : ReadLesionFiles(lesionFiles, ev, problems);
                if (input is not null)
                {
                    problems.AddRange(input.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()));
                    warnings.AddRange(input.Problems.Where(p => p.Severity == ProblemSeverity.Warning).Select(p => p.ToString()));
                }

                if (problems.Count > 0 || input is null)
                {
                    throw new CommandLineInputException(problems);
                }

                derived = RecistDerivation.DeriveTimePointResponses(input.Lesions, options);
                subjects = RecistDerivation.ToSubjectResponses(derived, input.ReferenceDates);
            }

            if (problems.Count > 0)
            {
                throw new CommandLineInputException(problems);
            }

            var results = RecistDerivation.DeriveBestOverallResponse(subjects, options);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(output, subjects, derived, results, options, warnings);
            }
            else
            {
                WriteText(output, subjects, derived, results, options, warnings);
            }

            return 0;
        });
        return command;
    }

    private static LesionInput? ReadStudy(string dir, string? evaluator, List<string> problems)
    {
        var folder = StudyFolder.Load(dir);
        string[] used = ["TU", "TR", "DM"];
        var fileProblems = folder.Problems.Where(p => p.Severity == ProblemSeverity.Error && (p.File is null or "." || used.Any(u => p.File.StartsWith(u, StringComparison.OrdinalIgnoreCase)))).ToList();
        if (fileProblems.Count > 0)
        {
            problems.AddRange(fileProblems.Select(p => "--study " + dir + ": " + p));
            return null;
        }

        return LesionReader.ReadStudy(folder, NullIfAll(evaluator));
    }

    private static LesionInput? ReadLesionFiles(string[] files, string? evaluator, List<string> problems)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (!File.Exists(f))
            {
                problems.Add($"--lesions {f}: file not found.");
                continue;
            }

            var header = File.ReadLines(f).FirstOrDefault() ?? string.Empty;
            var columns = header.Split(',').Select(c => c.Trim().Trim('"')).ToList();
            var kind = LesionReader.Recognise(columns);
            if (kind is null)
            {
                problems.Add($"--lesions {f}, line 1: expected the header of SDTM TU (TULNKID), TR (TRLNKID), DM (RFSTDTC) or the flat lesion file (subject,lesion,role,location,date,result), found \"{header}\". See docs/data-format.md.");
            }
            else if (!kinds.TryAdd(kind, f))
            {
                problems.Add($"--lesions {f}: a second {kind} file (the first is {kinds[kind]}); give one of each.");
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        if (kinds.TryGetValue("LESIONS", out var flat))
        {
            if (kinds.Count > 1)
            {
                problems.Add("--lesions: expected either the flat lesion file alone or SDTM TU and TR files, found both kinds.");
                return null;
            }

            return LesionReader.ReadFlat(flat);
        }

        if (!kinds.TryGetValue("TU", out var tu) || !kinds.TryGetValue("TR", out var tr))
        {
            problems.Add("--lesions: expected SDTM TU and TR files together (and optionally DM), found " + string.Join(", ", kinds.Keys.Order(StringComparer.Ordinal)) + ". Give both, e.g. --lesions tu.csv tr.csv dm.csv.");
            return null;
        }

        return LesionReader.ReadSdtmFiles(tu, tr, kinds.GetValueOrDefault("DM"), NullIfAll(evaluator));
    }

    private static string? NullIfAll(string? evaluator) => string.Equals(evaluator, "all", StringComparison.OrdinalIgnoreCase) ? null : evaluator;

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

    private static void WriteText(TextWriter output, IReadOnlyList<SubjectResponses> subjects, IReadOnlyList<TimePointResponse> derived, IReadOnlyList<BestOverallResponse> results, RecistOptions o, List<string> warnings)
    {
        output.WriteLine(o.Describe());
        foreach (var w in warnings)
        {
            output.WriteLine("warning: " + w);
        }

        var bySubject = derived.ToLookup(t => t.Subject, StringComparer.Ordinal);
        foreach (var r in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Subject}: BOR {BestOverallResponse.Code(r.Bor)} {r.BorDate:yyyy-MM-dd}, confirmed BOR {BestOverallResponse.Code(r.ConfirmedBor)} {r.ConfirmedBorDate:yyyy-MM-dd}, confirmed response {(r.IsConfirmedResponse ? "yes" : "no")}"));
            foreach (var t in bySubject[r.Subject])
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Date:yyyy-MM-dd} sum {Mm(t.SumOfDiametersMm)}{(t.SumOfDiametersMm is not null && !t.IsSumComplete ? " (incomplete)" : string.Empty)}, {Pct(t.PercentChangeFromBaseline)} from baseline, {Pct(t.PercentChangeFromNadir)} from nadir; target {Code(t.TargetResponse)}, non-target {Code(t.NonTargetResponse)}, new lesion {(t.HasNewLesion ? "yes" : "no")}: {t.Overall.ToCode()} ({t.Rule})"));
            }
        }

        _ = subjects;
        foreach (var basis in new[] { ResponseBasis.Confirmed, ResponseBasis.Unconfirmed })
        {
            var summary = ResponseSummaries.ComputeResponseRates(results, basis: basis);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{(basis == ResponseBasis.Confirmed ? "Confirmed" : "Unconfirmed")} BOR: ORR {Rate(summary.AnalysisSet.Responders, summary.AnalysisSet.ObjectiveResponseRate)}, DCR {Rate(summary.AnalysisSet.DiseaseControlled, summary.AnalysisSet.DiseaseControlRate)} of {summary.AnalysisSet.N}; evaluable ({summary.Evaluable.N}) ORR {Rate(summary.Evaluable.Responders, summary.Evaluable.ObjectiveResponseRate)}, DCR {Rate(summary.Evaluable.DiseaseControlled, summary.Evaluable.DiseaseControlRate)} (95% Clopper-Pearson)"));
        }
    }

    private static string Rate(int count, ProportionEstimate? p) =>
        p is null ? string.Create(CultureInfo.InvariantCulture, $"{count} (NE)") : string.Create(CultureInfo.InvariantCulture, $"{count} ({p.Estimate * 100:0.0}%, {p.Lower * 100:0.0}-{p.Upper * 100:0.0})");

    private static void WriteRates(Utf8JsonWriter w, string name, ResponseRate rate)
    {
        w.WriteStartObject(name);
        w.WriteNumber("n", rate.N);
        WriteProportion(w, "orr", rate.Responders, rate.ObjectiveResponseRate);
        WriteProportion(w, "dcr", rate.DiseaseControlled, rate.DiseaseControlRate);
        w.WriteEndObject();
    }

    private static void WriteProportion(Utf8JsonWriter w, string name, int count, ProportionEstimate? p)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", count);
        if (p is null)
        {
            w.WriteNull("estimate");
            w.WriteNull("lower");
            w.WriteNull("upper");
        }
        else
        {
            // Full precision, unlike the display-rounded percentages of the time points.
            w.WriteNumber("estimate", p.Estimate);
            w.WriteNumber("lower", p.Lower);
            w.WriteNumber("upper", p.Upper);
        }
        w.WriteEndObject();
    }

    private static string Mm(double? x) => x is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + " mm" : "-";

    private static string Pct(double? x) => x is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Code(OverallResponse? r) => r?.ToCode() ?? "-";

    private static void WriteJson(TextWriter output, IReadOnlyList<SubjectResponses> subjects, IReadOnlyList<TimePointResponse> derived, IReadOnlyList<BestOverallResponse> results, RecistOptions o, List<string> warnings)
    {
        var derivedBySubject = derived.ToLookup(t => t.Subject, StringComparer.Ordinal);
        var inputBySubject = subjects.ToDictionary(s => s.Subject, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("options");
            w.WriteNumber("confirm_days", o.ConfirmationMinDays);
            w.WriteNumber("sd_min_days", o.SdMinDays);
            w.WriteNumber("max_ne", o.MaxNotEvaluableBetween);
            w.WriteBoolean("accept_sd", o.AcceptSd);
            w.WriteString("cr_then_pr", o.CrThenPr == CrThenPrPolicy.StrictRecistTable3 ? "strict" : "admiralonco");
            w.WriteEndObject();
            w.WriteStartArray("input_warnings");
            foreach (var x in warnings)
            {
                w.WriteStringValue(x);
            }

            w.WriteEndArray();
            w.WriteStartArray("subjects");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("subject", r.Subject);
                WriteDate(w, "ref_date", inputBySubject.TryGetValue(r.Subject, out var s) ? s.ReferenceDate : null);
                w.WriteStartArray("time_points");
                var fromLesions = derivedBySubject[r.Subject].ToList();
                if (fromLesions.Count > 0)
                {
                    foreach (var t in fromLesions)
                    {
                        w.WriteStartObject();
                        w.WriteString("date", t.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        WriteNumber(w, "sum_mm", t.SumOfDiametersMm);
                        w.WriteBoolean("sum_complete", t.IsSumComplete);
                        WriteNumber(w, "pct_from_baseline", t.PercentChangeFromBaseline);
                        WriteNumber(w, "pct_from_nadir", t.PercentChangeFromNadir);
                        WriteCode(w, "target", t.TargetResponse);
                        WriteCode(w, "non_target", t.NonTargetResponse);
                        w.WriteBoolean("new_lesion", t.HasNewLesion);
                        w.WriteString("overall", t.Overall.ToCode());
                        w.WriteString("rule", t.Rule);
                        w.WriteEndObject();
                    }
                }
                else if (s is not null)
                {
                    foreach (var t in s.Responses.OrderBy(t => t.Date))
                    {
                        w.WriteStartObject();
                        w.WriteString("date", t.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        w.WriteNull("sum_mm");
                        w.WriteNull("sum_complete");
                        w.WriteNull("pct_from_baseline");
                        w.WriteNull("pct_from_nadir");
                        w.WriteNull("target");
                        w.WriteNull("non_target");
                        w.WriteNull("new_lesion");
                        w.WriteString("overall", t.Response.ToCode());
                        w.WriteEndObject();
                    }
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
            w.WriteStartArray("response_rates");
            foreach (var basis in new[] { ResponseBasis.Confirmed, ResponseBasis.Unconfirmed })
            {
                var summary = ResponseSummaries.ComputeResponseRates(results, basis: basis);
                w.WriteStartObject();
                w.WriteString("basis", basis == ResponseBasis.Confirmed ? "confirmed" : "unconfirmed");
                w.WriteString("method", "clopper-pearson");
                w.WriteNumber("conf_level", 0.95);
                WriteRates(w, "all", summary.AnalysisSet);
                WriteRates(w, "evaluable", summary.Evaluable);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, 4));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteCode(Utf8JsonWriter w, string name, OverallResponse? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, v.ToCode());
        }
        else
        {
            w.WriteNull(name);
        }
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
