using System.CommandLine;
using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial survival</c>: Kaplan-Meier, quantiles, landmarks, follow-up, log-rank and Cox on a CSV file.</summary>
internal static class SurvivalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Option<string>("--input") { Description = "Data set with one row per subject (and parameter): CSV, Dataset-JSON (.json, .ndjson, .dsjc) or SAS XPT (.xpt).", Required = true };
        var time = new Option<string>("--time") { Description = "Column with the time (number >= 0).", Required = true };
        var ev = new Option<string?>("--event") { Description = "Column with the event indicator (1 = event, 0 = censored); or use --censor." };
        var censor = new Option<string?>("--censor") { Description = "ADaM censoring column CNSR (0 = event, >= 1 = censored), instead of --event." };
        var where = new Option<string[]>("--where") { Description = "Row filter COLUMN=VALUE or COLUMN!=VALUE (e.g. PARAMCD=TTDE); repeat for several (all must hold)." };
        var group = new Option<string?>("--group") { Description = "Column with the group; groups are compared (log-rank, Cox; first in ordinal order is the reference)." };
        var strata = new Option<string?>("--strata") { Description = "Column with the stratum for the stratified test and Cox model." };
        var weight = new Option<string?>("--weight") { Description = "Column with integer case weights." };
        var confType = new Option<string>("--conf-type") { Description = "Transform for pointwise and quantile CIs.", DefaultValueFactory = _ => "log-log" };
        confType.AcceptOnlyFromAmong("log-log", "log", "linear", "arcsine", "logit");
        var confLevel = new Option<double>("--conf-level") { Description = "Two-sided confidence level, 0 < level < 1.", DefaultValueFactory = _ => 0.95 };
        var times = new Option<string?>("--times") { Description = "Landmark times, comma-separated (e.g. 180,365)." };
        var medianRule = new Option<string>("--median-rule") { Description = "Quantile rule on a flat at exactly 1-p: sas (NE without a later event), r (print.survfit), r-quantile (quantile.survfit).", DefaultValueFactory = _ => "sas" };
        medianRule.AcceptOnlyFromAmong("sas", "r", "r-quantile");
        var landmarkRule = new Option<string>("--landmark-rule") { Description = "Landmarks beyond the last observed time: sas (NE) or extend (carry forward, R extend=TRUE).", DefaultValueFactory = _ => "sas" };
        landmarkRule.AcceptOnlyFromAmong("sas", "extend");
        var ties = new Option<string>("--ties") { Description = "Cox tie handling: efron (R default) or breslow (SAS PHREG default).", DefaultValueFactory = _ => "efron" };
        ties.AcceptOnlyFromAmong("efron", "breslow");
        var test = new Option<string>("--test") { Description = "Group test weights: logrank, wilcoxon (Gehan-Breslow, SAS), tarone-ware, peto, modified-peto, fleming-harrington.", DefaultValueFactory = _ => "logrank" };
        test.AcceptOnlyFromAmong("logrank", "wilcoxon", "tarone-ware", "peto", "modified-peto", "fleming-harrington");
        var rho = new Option<double>("--rho") { Description = "Fleming-Harrington rho (weight S(t-)^rho (1-S(t-))^gamma).", DefaultValueFactory = _ => 0.0 };
        var gamma = new Option<double>("--gamma") { Description = "Fleming-Harrington gamma.", DefaultValueFactory = _ => 0.0 };
        var format = FormatOption.Create();

        var command = new Command("survival", "Kaplan-Meier estimates with Brookmeyer-Crowley quantile CIs, landmarks, reverse-KM follow-up, log-rank test and Cox hazard ratio.")
        {
            input, time, ev, censor, where, group, strata, weight, confType, confLevel, times, medianRule, landmarkRule, ties, test, rho, gamma, format,
        };

        command.SetAction(parse =>
        {
            var problems = new List<string>();
            ConfidenceLevel level = default;
            double cl = parse.GetValue(confLevel);
            if (!(cl > 0 && cl < 1))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"--conf-level: expected a number strictly between 0 and 1 (e.g. 0.95), found {cl}."));
            }
            else
            {
                level = ConfidenceLevel.Create(cl);
            }

            var landmarkTimes = ParseTimes(parse.GetValue(times), problems);
            var filters = new List<RowFilter>();
            foreach (string text in parse.GetValue(where) ?? [])
            {
                if (RowFilter.Parse(text, problems) is { } filter)
                {
                    filters.Add(filter);
                }
            }

            string path = parse.GetValue(input)!;
            if (!File.Exists(path))
            {
                problems.Add($"--input: expected an existing data file, found no file at \"{path}\". Check the path.");
            }

            if (problems.Count > 0)
            {
                throw new CommandLineInputException(problems);
            }

            var columns = new TimeToEventColumns(parse.GetValue(time)!, parse.GetValue(ev), parse.GetValue(censor), parse.GetValue(group), parse.GetValue(strata), parse.GetValue(weight))
            {
                Where = filters,
            };
            var data = ReadData(path, columns);

            var kmOptions = KaplanMeierOptions.Default with
            {
                Transform = parse.GetValue(confType) switch
                {
                    "log" => SurvivalCiTransform.Log,
                    "linear" => SurvivalCiTransform.Linear,
                    "arcsine" => SurvivalCiTransform.ArcsineSqrt,
                    "logit" => SurvivalCiTransform.Logit,
                    _ => SurvivalCiTransform.LogLog,
                },
                ConfidenceLevel = level,
                QuantileRule = parse.GetValue(medianRule) switch
                {
                    "r" => QuantileRule.RPrint,
                    "r-quantile" => QuantileRule.RQuantile,
                    _ => QuantileRule.Sas,
                },
                LandmarkRule = parse.GetValue(landmarkRule) == "extend" ? LandmarkRule.CarryForward : LandmarkRule.Sas,
            };
            var options = SurvivalAnalysisOptions.Default with
            {
                KaplanMeier = kmOptions,
                LandmarkTimes = landmarkTimes,
                GroupVariableName = columns.Group ?? "group",
                LogRank = new LogRankOptions(
                    parse.GetValue(test) switch
                    {
                        "wilcoxon" => LogRankWeighting.GehanBreslow,
                        "tarone-ware" => LogRankWeighting.TaroneWare,
                        "peto" => LogRankWeighting.PetoPeto,
                        "modified-peto" => LogRankWeighting.ModifiedPetoPeto,
                        "fleming-harrington" => LogRankWeighting.FlemingHarrington,
                        _ => LogRankWeighting.LogRank,
                    },
                    parse.GetValue(rho),
                    parse.GetValue(gamma)),
                Cox = CoxOptions.Default with
                {
                    Ties = parse.GetValue(ties) == "breslow" ? CoxTies.Breslow : CoxTies.Efron,
                    ConfidenceLevel = level,
                },
            };

            var result = SurvivalAnalysis.Run(data.Time, data.Status, data.Group, data.Strata, data.Weight, options);
            var invocation = new SurvivalInvocation(path, columns, parse.GetValue(confType)!, parse.GetValue(medianRule)!, parse.GetValue(landmarkRule)!, parse.GetValue(ties)!, parse.GetValue(test)!);
            if (parse.GetValue(format) == "json")
            {
                SurvivalJson.Write(output, invocation, result);
            }
            else
            {
                SurvivalText.Write(output, invocation, result);
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// CSV is read column by column so that messages give file lines; Dataset-JSON and XPT through
    /// <see cref="DatasetFiles"/> (messages give rows). Both by <see cref="TimeToEventData.Read(Stream, string, TimeToEventColumns)"/>.
    /// </summary>
    private static TimeToEventData ReadData(string path, TimeToEventColumns columns)
    {
        using var stream = File.OpenRead(path);
        var (data, problems) = TimeToEventData.Read(stream, path, columns);
        if (problems.Count > 0 || data is null)
        {
            throw new CommandLineInputException([.. problems.Select(p => p.ToString())]);
        }

        return data;
    }

    private static double[] ParseTimes(string? raw, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        var list = new List<double>();
        foreach (string part in raw.Split(',', StringSplitOptions.TrimEntries))
        {
            if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v >= 0)
            {
                list.Add(v);
            }
            else
            {
                problems.Add($"--times: expected comma-separated numbers >= 0 (e.g. 180,365), found \"{part}\". Use a dot as the decimal separator.");
            }
        }

        return [.. list];
    }
}

/// <summary>The command-line choices echoed in the output's "options".</summary>
internal sealed record SurvivalInvocation(
    string Input, TimeToEventColumns Columns, string ConfType, string MedianRule, string LandmarkRule, string Ties, string Test);

/// <summary>The shared <c>--format text|json</c> option.</summary>
internal static class FormatOption
{
    public static Option<string> Create()
    {
        var format = new Option<string>("--format") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }
}
