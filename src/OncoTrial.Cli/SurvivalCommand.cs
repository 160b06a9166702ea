using System.CommandLine;
using OncoTrial.Clinical.Data;
using OncoTrial.Reporting;
using OncoTrial.Reporting.Figures;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary><c>oncotrial survival</c>: Kaplan-Meier, quantiles, landmarks, follow-up, log-rank and Cox on a data set.</summary>
internal static class SurvivalCommand
{
    public static Command Create(CliContext cli)
    {
        var input = new Option<string>("--input") { Description = "Data set with one row per subject (and parameter): CSV, Dataset-JSON (.json, .ndjson, .dsjc) or SAS XPT (.xpt).", Required = true };
        var time = new Option<string>("--time") { Description = "Column with the time (number >= 0).", Required = true };
        var ev = new Option<string?>("--event") { Description = "Column with the event indicator (1 = event, 0 = censored); or use --censor." };
        var censor = new Option<string?>("--censor") { Description = "ADaM censoring column CNSR (0 = event, >= 1 = censored), instead of --event." };
        var where = new Option<string[]>("--where") { Description = "Row filter COLUMN=VALUE or COLUMN!=VALUE (e.g. PARAMCD=TTDE); repeat for several (all must hold)." };
        var group = new Option<string?>("--group") { Description = "Column with the group; groups are compared (log-rank, Cox; first in ordinal order is the reference)." };
        var strata = new Option<string?>("--strata") { Description = "Column with the stratum for the stratified test and Cox model." };
        var weight = new Option<string?>("--weight") { Description = "Column with integer case weights." };
        var confType = CliOptions.Choice("--conf-type", "Transform for pointwise and quantile CIs.", KaplanMeierOptions.Default.Transform);
        var confLevel = new Option<double>("--conf-level") { Description = "Two-sided confidence level, 0 < level < 1.", DefaultValueFactory = _ => 0.95 };
        var times = new Option<string?>("--times") { Description = "Landmark times, comma-separated (e.g. 180,365)." };
        var medianRule = CliOptions.Choice("--median-rule", "Quantile rule on a flat at exactly 1-p: sas (NE without a later event), r (print.survfit), r-quantile (quantile.survfit).", KaplanMeierOptions.Default.QuantileRule);
        var landmarkRule = CliOptions.Choice("--landmark-rule", "Landmarks beyond the last observed time: sas (NE) or extend (carry forward, R extend=TRUE).", KaplanMeierOptions.Default.LandmarkRule);
        var ties = CliOptions.Choice("--ties", "Cox tie handling: efron (R default) or breslow (SAS PHREG default).", CoxOptions.Default.Ties);
        var test = CliOptions.Choice("--test", "Group test weights: logrank, wilcoxon (Gehan-Breslow, SAS), tarone-ware, peto, modified-peto, fleming-harrington.", LogRankOptions.Default.Weighting);
        var rho = new Option<double>("--rho") { Description = "Fleming-Harrington rho (weight S(t-)^rho (1-S(t-))^gamma).", DefaultValueFactory = _ => 0.0 };
        var gamma = new Option<double>("--gamma") { Description = "Fleming-Harrington gamma.", DefaultValueFactory = _ => 0.0 };
        var plot = new Option<string?>("--plot") { Description = "Also draw the Kaplan-Meier figure (curves, censor marks, CI band, median, landmarks, HR with two groups, numbers at risk) to FILE.svg or FILE.png (300 dpi)." };
        var timeUnit = CliOptions.Choice("--time-unit", "Unit of the times for --plot: days (plotted as months, days / 30.4375) or months.", SurvivalTimeUnit.Days);
        var format = CliOptions.Format();
        var command = new Command("survival", "Kaplan-Meier estimates with Brookmeyer-Crowley quantile CIs, landmarks, reverse-KM follow-up, log-rank test and Cox hazard ratio.")
        {
            input, time, ev, censor, where, group, strata, weight, confType, confLevel, times, medianRule, landmarkRule, ties, test, rho, gamma, plot, timeUnit, format,
        };

        command.SetAction(parse =>
        {
            var problems = new List<Problem>(ConfidenceLevel.Validate(parse.GetValue(confLevel)));
            var landmarks = CliOptions.Numbers(parse.GetValue(times), "times", "180,365", problems);
            var filters = new List<RowFilter>();
            foreach (string text in parse.GetValue(where) ?? [])
            {
                if (RowFilter.Parse(text, new List<string>()) is { } filter)
                {
                    filters.Add(filter);
                }
                else
                {
                    problems.Add(Problem.ForOption("where", "OPTION_FORMAT", "COLUMN=VALUE or COLUMN!=VALUE (e.g. PARAMCD=TTDE)", Problem.Quote(text), "Write the filter as a column name, = or !=, and a value."));
                }
            }

            string? plotPath = parse.GetValue(plot);
            string plotExtension = Path.GetExtension(plotPath ?? string.Empty).ToLowerInvariant();
            if (plotPath is not null && plotExtension is not (".svg" or ".png"))
            {
                problems.Add(Problem.ForOption("plot", "OPTION_FORMAT", "a file name ending in .svg or .png", Problem.Quote(plotPath), "Name the figure file km.svg or km.png."));
            }

            string path = parse.GetValue(input)!;
            if (CliOptions.MissingPath("input", path, "an existing data file") is { } missing)
            {
                problems.Add(missing);
            }

            SurvivalAnalysisOptions? options = null;
            if (problems.Count == 0)
            {
                var level = ConfidenceLevel.Create(parse.GetValue(confLevel));
                options = SurvivalAnalysisOptions.Default with
                {
                    KaplanMeier = KaplanMeierOptions.Default with
                    {
                        Transform = parse.GetValue(confType),
                        ConfidenceLevel = level,
                        QuantileRule = parse.GetValue(medianRule),
                        LandmarkRule = parse.GetValue(landmarkRule),
                    },
                    LandmarkTimes = [.. landmarks],
                    GroupVariableName = parse.GetValue(group) ?? "group",
                    LogRank = new LogRankOptions(parse.GetValue(test), parse.GetValue(rho), parse.GetValue(gamma)),
                    Cox = CoxOptions.Default with { Ties = parse.GetValue(ties), ConfidenceLevel = level },
                };
                problems.AddRange(options.Validate());
            }

            ProblemException.ThrowIfAnyError(problems);
            var columns = new TimeToEventColumns(parse.GetValue(time)!, parse.GetValue(ev), parse.GetValue(censor), parse.GetValue(group), parse.GetValue(strata), parse.GetValue(weight)) { Where = filters };
            var data = TimeToEventInput.Read(path, columns);
            var result = SurvivalAnalysis.Run(data.Time, data.Status, data.Group, data.Strata, data.Weight, options!);
            var source = new SurvivalDataSource(path, columns);
            if (plotPath is not null)
            {
                var figure = SurvivalFigure.Create(source, result, parse.GetValue(timeUnit));
                if (plotExtension == ".svg")
                {
                    File.WriteAllText(plotPath, SvgWriter.Write(figure));
                }
                else
                {
                    File.WriteAllBytes(plotPath, PngRenderer.Render(figure));
                }
            }

            cli.Write(parse.GetValue(format), () => SurvivalReport.ToDocument(source, result), () => SurvivalReport.ToJson(source, result));
            return ExitCodes.Success;
        });
        return command;
    }
}
