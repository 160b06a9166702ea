using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>A time in months with its confidence interval; null values are not estimable (NE, or not reached).</summary>
/// <param name="Estimate">The estimate in months, or null.</param>
/// <param name="Lower">The lower limit in months, or null.</param>
/// <param name="Upper">The upper limit in months, or null.</param>
public sealed record TimeEstimate(double? Estimate, double? Lower, double? Upper);

/// <summary>The Kaplan-Meier survival at a landmark time, with its pointwise interval; null fields are not estimable.</summary>
/// <param name="Months">The landmark in months (t × days per month days).</param>
/// <param name="AtRisk">Subjects with time ≥ the landmark.</param>
/// <param name="Survival">Ŝ(t) as a proportion 0 to 1, or null (beyond the last observed time under the SAS landmark rule).</param>
/// <param name="StandardError">Greenwood standard error, or null.</param>
/// <param name="Lower">Lower limit (the options' transform), or null.</param>
/// <param name="Upper">Upper limit, or null.</param>
public sealed record LandmarkRate(double Months, long AtRisk, double? Survival, double? StandardError, double? Lower, double? Upper);

/// <summary>One step of a Kaplan-Meier curve in months: an observed time (event or censoring) and the curve just after it.</summary>
/// <param name="Months">The time in months.</param>
/// <param name="Survival">Ŝ after the time.</param>
/// <param name="Lower">Pointwise lower limit, or null.</param>
/// <param name="Upper">Pointwise upper limit, or null.</param>
/// <param name="AtRisk">Subjects at risk just before the time.</param>
/// <param name="Events">Events at the time.</param>
/// <param name="Censored">Censorings at the time (a censor mark when &gt; 0).</param>
public sealed record CurveStep(double Months, double Survival, double? Lower, double? Upper, long AtRisk, long Events, long Censored);

/// <summary>The number at risk at a time of the risk table under a Kaplan-Meier figure.</summary>
/// <param name="Months">The time in months.</param>
/// <param name="AtRisk">Subjects with time ≥ that time.</param>
public sealed record RiskCount(double Months, long AtRisk);

/// <summary>
/// A Kaplan-Meier curve for a figure: the fitted curve (in days, as ADTTE AVAL) and its steps, censor marks and numbers at
/// risk in months, all from the one curve so each count sits under its own time.
/// </summary>
/// <param name="Curve">The fitted curve, times in days (OncoTrial.Statistics.KaplanMeier).</param>
/// <param name="DaysPerMonth">Days per month of the month values.</param>
public sealed record SurvivalCurve(KaplanMeierCurve Curve, double DaysPerMonth)
{
    /// <summary>Every step, in months.</summary>
    public IReadOnlyList<CurveStep> Steps =>
        [.. Curve.Steps.Select(s => new CurveStep(s.Time / DaysPerMonth, s.Survival, s.Lower, s.Upper, s.AtRisk, s.Events, s.Censored))];

    /// <summary>The steps with a censoring: where the censor marks go (at Ŝ after the time).</summary>
    public IReadOnlyList<CurveStep> CensorMarks => [.. Steps.Where(s => s.Censored > 0)];

    /// <summary>The number at risk (time ≥ t) at <paramref name="months"/>.</summary>
    public long AtRisk(double months) => Curve.Landmark(months * DaysPerMonth).AtRisk;
}

/// <summary>The time-to-event estimates of one column: n, events, median and landmarks, and the curve.</summary>
/// <param name="Column">The column (arm or total) or subgroup level.</param>
/// <param name="Events">Subjects with an event (CNSR = 0) over n, the subjects with a record.</param>
/// <param name="Censored">Censored subjects (CNSR &gt; 0) over n.</param>
/// <param name="Median">The median in months with its Brookmeyer-Crowley interval (the options' transform and quantile rule).</param>
/// <param name="Landmarks">Ŝ at each landmark of the options.</param>
/// <param name="NumbersAtRisk">The number at risk at each risk-table time of the options.</param>
/// <param name="Curve">The curve, or null without any record.</param>
public sealed record EndpointEstimate(
    string Column,
    Frequency Events,
    Frequency Censored,
    TimeEstimate Median,
    IReadOnlyList<LandmarkRate> Landmarks,
    IReadOnlyList<RiskCount> NumbersAtRisk,
    SurvivalCurve? Curve)
{
    /// <summary>n: the subjects with a record.</summary>
    public int N => Events.Denominator;

    /// <summary>The landmark rate at <paramref name="months"/>, or null when not among the options' landmarks.</summary>
    public LandmarkRate? Landmark(double months) => Landmarks.FirstOrDefault(l => l.Months == months);
}

/// <summary>A hazard ratio of one group against the reference; null values are not estimable (a monotone likelihood: no events in a group).</summary>
/// <param name="Group">The group (arm or subgroup level).</param>
/// <param name="Reference">The reference group.</param>
/// <param name="Estimate">exp(β̂), or null.</param>
/// <param name="Lower">Wald lower limit, or null.</param>
/// <param name="Upper">Wald upper limit, or null.</param>
/// <param name="PValue">Wald two-sided p-value, or null.</param>
public sealed record HazardRatio(string Group, string Reference, double? Estimate, double? Lower, double? Upper, double? PValue);

/// <summary>
/// The comparison of survival between groups (arms, or the levels of a subgroup variable): hazard ratios from a Cox
/// model with the group as its one covariate (the options' ties and level), and the log-rank test. Strata, when given,
/// are the arms of a multi-arm study.
/// </summary>
/// <param name="Reference">The reference group.</param>
/// <param name="HazardRatios">One per other group, in group order.</param>
/// <param name="LogRank">The log-rank test (the options' weighting), or null when nothing can be tested (no events, one group).</param>
/// <param name="Cox">The Cox fit (with its warnings), or null when it cannot be fitted.</param>
/// <param name="IsStratified">Whether the test and the model are stratified by arm.</param>
/// <param name="Problems">Warnings: a degenerate fit (no events, no events in a group), a test with nothing to compare.</param>
public sealed record HazardComparison(string Reference, IReadOnlyList<HazardRatio> HazardRatios, LogRankResult? LogRank, CoxFit? Cox, bool IsStratified, IReadOnlyList<Problem> Problems)
{
    /// <summary>The log-rank p-value, or null when not testable.</summary>
    public double? LogRankPValue => LogRank is { Test.DegreesOfFreedom: > 0 } l ? l.Test.PValue : null;
}

/// <summary>The Kaplan-Meier summary of one ADTTE parameter over the analysis set, per column, and the comparison of the arms.</summary>
/// <param name="ParamCode">ADTTE PARAMCD (PFS, OS, DOR).</param>
/// <param name="Label">The endpoint in words.</param>
/// <param name="Columns">One estimate per column of the population.</param>
/// <param name="ArmComparison">Hazard ratios and log-rank test between arms; null in a single-arm study.</param>
/// <param name="Problems">Subjects of the set without a record (PFS, OS), and warnings of the comparison.</param>
public sealed record EndpointSummary(string ParamCode, string Label, IReadOnlyList<EndpointEstimate> Columns, HazardComparison? ArmComparison, IReadOnlyList<Problem> Problems)
{
    /// <summary>The total column's estimate.</summary>
    public EndpointEstimate Total => Columns[^1];
}

/// <summary>The median follow-up of one column by the reverse Kaplan-Meier method on OS.</summary>
/// <param name="Column">The column.</param>
/// <param name="N">Subjects with an OS record.</param>
/// <param name="Median">The median follow-up in months with its Brookmeyer-Crowley interval.</param>
/// <param name="Curve">The reverse Kaplan-Meier curve (censorings as events), or null without records.</param>
public sealed record FollowUpEstimate(string Column, int N, TimeEstimate Median, SurvivalCurve? Curve);

/// <summary>
/// The efficacy summary: PFS, OS and DoR from ADTTE (n, events, median with its interval, landmark rates; curves for the
/// figures), and the median follow-up by reverse Kaplan-Meier on OS. Times in months = days / the options' days per month.
/// Every estimate is OncoTrial.Statistics' <see cref="KaplanMeier"/> on ADTTE AVAL (days) with CNSR &gt; 0 as censored.
/// </summary>
/// <param name="Options">The options.</param>
/// <param name="Population">The analysis set and its columns.</param>
/// <param name="Endpoints">One summary per parameter of <see cref="TrialResultsOptions.Endpoints"/> present in ADTTE.</param>
/// <param name="FollowUp">Per column, the median follow-up; empty without OS.</param>
/// <param name="Problems">Notes and warnings of every endpoint.</param>
public sealed record EfficacySummary(
    TrialResultsOptions Options,
    AnalysisPopulation Population,
    IReadOnlyList<EndpointSummary> Endpoints,
    IReadOnlyList<FollowUpEstimate> FollowUp,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The summary of a parameter (PFS, OS, DOR), or null.</summary>
    public EndpointSummary? Endpoint(string paramCode) => Endpoints.FirstOrDefault(e => e.ParamCode == paramCode);

    /// <summary>The footnote of the summary, from the result.</summary>
    public string Describe() => Population.Describe() + ". " + SurvivalMethods.Describe(Options);

    internal static EfficacySummary Compute(AnalysisInputs inputs)
    {
        var options = inputs.Options;
        var population = inputs.Efficacy;
        var endpoints = new List<EndpointSummary>();
        var problems = new List<Problem>();
        foreach (string code in options.Endpoints)
        {
            var records = inputs.Adtte[code].ToList();
            if (records.Count == 0)
            {
                problems.Add(new Problem("ADTTE", null, null, "PARAMCD", "ANALYSIS_NO_ENDPOINT", $"ADTTE records of PARAMCD {code}", "none", "None needed: the endpoint is left out of the summary.", ProblemSeverity.Note));
                continue;
            }

            var summary = SurvivalMethods.Summarise(code, records, population, inputs, warnMissing: code != "DOR");
            endpoints.Add(summary);
            problems.AddRange(summary.Problems);
        }

        var os = inputs.Adtte["OS"].ToList();
        IReadOnlyList<FollowUpEstimate> followUp = os.Count == 0 ? [] : population.Map(c =>
        {
            var rows = SurvivalMethods.RecordsOf(os, c.Subjects);
            if (rows.Count == 0)
            {
                return new FollowUpEstimate(c.Name, 0, new TimeEstimate(null, null, null), null);
            }

            var (time, status) = SurvivalMethods.Arrays(rows);
            var curve = KaplanMeier.FitReverse(time, status, default, options.KaplanMeier);
            return new FollowUpEstimate(c.Name, rows.Count, SurvivalMethods.Months(curve.Median, options), new SurvivalCurve(curve, options.DaysPerMonth));
        });

        return new EfficacySummary(options, population, endpoints, followUp, problems.AsReadOnly());
    }
}

/// <summary>The Kaplan-Meier, log-rank and Cox steps shared by the efficacy summary and the subgroup analysis.</summary>
internal static class SurvivalMethods
{
    public static string Label(string paramCode) => paramCode switch
    {
        "PFS" => "Progression-free survival",
        "OS" => "Overall survival",
        "DOR" => "Duration of response",
        "TTR" => "Time to response",
        _ => paramCode,
    };

    public static string Describe(TrialResultsOptions options) => string.Create(
        CultureInfo.InvariantCulture,
        $"Kaplan-Meier estimates ({options.KaplanMeier.Describe()}); medians with Brookmeyer-Crowley CIs; months = days / {options.DaysPerMonth.ToString("0.####", CultureInfo.InvariantCulture)}; "
        + $"median follow-up by reverse Kaplan-Meier on OS; hazard ratios from a Cox model ({Vocabulary.Token(options.Ties)} ties); p-values from the {Vocabulary.Token(options.LogRank.Weighting)} test.");

    /// <summary>The records of the given subjects (one per subject: the first), in subject order.</summary>
    public static List<AdtteRecord> RecordsOf(IEnumerable<AdtteRecord> records, IEnumerable<string> subjects)
    {
        var set = subjects.ToHashSet(StringComparer.Ordinal);
        return [.. records.Where(r => set.Contains(r.Subject)).GroupBy(r => r.Subject, StringComparer.Ordinal).Select(g => g.First()).OrderBy(r => r.Subject, StringComparer.Ordinal)];
    }

    public static (double[] Time, int[] Status) Arrays(IReadOnlyList<AdtteRecord> rows) =>
        ([.. rows.Select(r => r.Days)], [.. rows.Select(r => r.IsCensored ? 0 : 1)]);

    public static TimeEstimate Months(SurvivalQuantile q, TrialResultsOptions options) =>
        new(q.Estimate / options.DaysPerMonth, q.Lower / options.DaysPerMonth, q.Upper / options.DaysPerMonth);

    /// <summary>n, events, median, landmarks, numbers at risk and the curve of the records of <paramref name="subjects"/>.</summary>
    public static EndpointEstimate Estimate(string column, IReadOnlyList<AdtteRecord> all, IEnumerable<string> subjects, TrialResultsOptions options)
    {
        var rows = RecordsOf(all, subjects);
        var events = new Frequency([.. rows.Where(r => !r.IsCensored).Select(r => r.Subject)], rows.Count);
        var censored = new Frequency([.. rows.Where(r => r.IsCensored).Select(r => r.Subject)], rows.Count);
        if (rows.Count == 0)
        {
            return new EndpointEstimate(column, events, censored, new TimeEstimate(null, null, null), [], [], null);
        }

        var (time, status) = Arrays(rows);
        var curve = KaplanMeier.Fit(time, status, default, options.KaplanMeier);
        var landmarks = options.LandmarkMonths.Select(m =>
        {
            var l = curve.Landmark(options.ToDays(m));
            return new LandmarkRate(m, l.AtRisk, l.Survival, l.StandardError, l.Lower, l.Upper);
        }).ToList();
        var km = new SurvivalCurve(curve, options.DaysPerMonth);
        return new EndpointEstimate(column, events, censored, Months(curve.Median, options), landmarks, [.. options.RiskTableMonths.Select(m => new RiskCount(m, km.AtRisk(m)))], km);
    }

    /// <summary>The summary of one parameter per column, and the arms compared in a multi-arm study.</summary>
    public static EndpointSummary Summarise(string code, IReadOnlyList<AdtteRecord> records, AnalysisPopulation population, AnalysisInputs inputs, bool warnMissing)
    {
        var options = inputs.Options;
        var problems = new List<Problem>();
        var withRecord = records.Select(r => r.Subject).ToHashSet(StringComparer.Ordinal);
        var missing = population.Subjects.Where(id => !withRecord.Contains(id)).ToList();
        if (warnMissing && missing.Count > 0)
        {
            problems.Add(new Problem(
                "ADTTE", null, null, "USUBJID", "ANALYSIS_NO_TIME_TO_EVENT", $"an ADTTE {code} record for every subject of the analysis set",
                string.Create(CultureInfo.InvariantCulture, $"none for {missing.Count} subject(s): {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", ..." : string.Empty)}"),
                "They are left out of the estimate (subjects never treated have no day 1); review the analysis set.", ProblemSeverity.Warning));
        }

        var columns = population.Map(c => Estimate(c.Name, records, c.Subjects, options));
        HazardComparison? arms = null;
        if (population.IsMultiArm)
        {
            var armOf = population.Arms.SelectMany(a => a.Subjects.Select(id => (id, a.Name))).ToDictionary(x => x.id, x => x.Name, StringComparer.Ordinal);
            var names = population.Arms.Select(a => a.Name).ToList();
            string reference = options.ReferenceArm is { } r && names.Contains(r, StringComparer.Ordinal) ? r : names[0];
            arms = Compare(RecordsOf(records, population.Subjects), armOf, names, reference, null, options, code + " by arm");
            problems.AddRange(arms.Problems);
        }

        return new EndpointSummary(code, Label(code), columns, arms, problems.AsReadOnly());
    }

    /// <summary>
    /// Hazard ratios (Cox, one categorical covariate) and the log-rank test between the groups of <paramref name="groupOf"/>
    /// among <paramref name="levels"/> (records of other groups are left out), stratified by <paramref name="strataOf"/>
    /// when given. Never throws for degenerate data: no events, a group without events or a single group are warnings.
    /// </summary>
    public static HazardComparison Compare(
        IReadOnlyList<AdtteRecord> records,
        IReadOnlyDictionary<string, string> groupOf,
        IReadOnlyList<string> levels,
        string reference,
        IReadOnlyDictionary<string, string>? strataOf,
        TrialResultsOptions options,
        string what)
    {
        var problems = new List<Problem>();
        var rows = records.Where(r => groupOf.TryGetValue(r.Subject, out string? g) && levels.Contains(g, StringComparer.Ordinal)).ToList();
        var present = levels.Where(l => rows.Any(r => groupOf[r.Subject] == l)).ToList();
        void Warn(string code, string expected, string found, string fix) =>
            problems.Add(new Problem("ADTTE", null, null, "CNSR", code, expected, $"{what}: {found.TrimEnd('.')}", fix, ProblemSeverity.Warning));

        HazardRatio NotEstimable(string level) => new(level, reference, null, null, null, null);
        var others = levels.Where(l => l != reference).ToList();
        if (present.Count < 2 || !present.Contains(reference, StringComparer.Ordinal))
        {
            Warn("ANALYSIS_NOTHING_TO_COMPARE", "subjects in the reference group and in at least one other", string.Join(", ", present.Count == 0 ? ["no subject"] : present.Select(p => "only " + p)), "None: no hazard ratio or test is computed.");
            return new HazardComparison(reference, [.. others.Select(NotEstimable)], null, null, strataOf is not null, problems.AsReadOnly());
        }

        var (time, status) = Arrays(rows);
        var labels = rows.Select(r => groupOf[r.Subject]).ToList();
        int[] strata = [];
        if (strataOf is not null)
        {
            var names = rows.Select(r => strataOf.GetValueOrDefault(r.Subject) ?? string.Empty).ToList();
            var factor = Factor.Create(names);
            strata = factor.Codes.ToArray();
        }

        if (status.All(s => s == 0))
        {
            Warn("ANALYSIS_NO_EVENTS", "at least one event", "none (every record censored)", "None: the hazard ratio and the test are not estimable.");
            return new HazardComparison(reference, [.. others.Select(NotEstimable)], null, null, strataOf is not null, problems.AsReadOnly());
        }

        var groupFactor = Factor.Create(labels, reference);
        var logRank = LogRankTest.Compute(time, status, groupFactor.Codes, groupFactor.Levels.Count, options.LogRank, strata);
        if (logRank.Test.DegreesOfFreedom == 0)
        {
            Warn("ANALYSIS_NOTHING_TO_TEST", "groups at risk at the event times", (logRank.Warnings.Count > 0 ? logRank.Warnings[^1].Message : "nothing to compare"), "None: the test has no p-value.");
        }
        else
        {
            foreach (var w in logRank.Warnings)
            {
                Warn("ANALYSIS_LOGRANK_WARNING", "a log-rank test without warnings", w.Message, "Read the test with care.");
            }
        }

        var withoutEvents = present.Where(l => !rows.Any(r => !r.IsCensored && groupOf[r.Subject] == l)).ToList();
        CoxFit? cox = null;
        if (withoutEvents.Count > 0)
        {
            Warn("ANALYSIS_HR_NOT_ESTIMABLE", "events in every group", "none in " + string.Join(", ", withoutEvents), "None: the hazard ratio is not estimable (the Cox likelihood is monotone); it is reported as NE.");
        }
        else
        {
            try
            {
                cox = CoxModel.Fit(time, status, [CoxCovariate.Categorical("group", labels, reference)], options.Cox, strata);
            }
            catch (ArgumentException e)
            {
                Warn("ANALYSIS_HR_NOT_ESTIMABLE", "a Cox model that can be fitted", e.Message, "None: the hazard ratio is reported as NE.");
            }
        }

        var ratios = new List<HazardRatio>();
        foreach (string level in others)
        {
            var term = cox?.Terms.FirstOrDefault(t => t.Name == "group=" + level);
            bool monotone = cox is not null && cox.Warnings.Any(w => w.Code == "cox.monotone_likelihood" && w.Message.Contains("group=" + level, StringComparison.Ordinal));
            if (monotone)
            {
                Warn("ANALYSIS_HR_NOT_ESTIMABLE", $"a finite hazard ratio of {level} against {reference}", "a monotone likelihood", "None: the hazard ratio is reported as NE.");
            }

            ratios.Add(term is null || monotone ? NotEstimable(level) : new HazardRatio(level, reference, term.HazardRatio, term.Lower, term.Upper, term.PValue));
        }

        foreach (var w in cox?.Warnings.Where(w => w.Code != "cox.monotone_likelihood") ?? [])
        {
            Warn("ANALYSIS_COX_WARNING", "a Cox fit without warnings", w.Message, "Read the hazard ratio with care.");
        }

        return new HazardComparison(reference, ratios, logRank, cox, strataOf is not null, problems.AsReadOnly());
    }
}
