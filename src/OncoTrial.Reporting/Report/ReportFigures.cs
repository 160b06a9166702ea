using System.Globalization;
using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Recist;
using OncoTrial.Reporting.Figures;
using OncoTrial.Reporting.Tables;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Report;

/// <summary>
/// Every figure of the report from a study's results, numbered in order: the CONSORT flow (from the disposition
/// summary), Kaplan-Meier curves of PFS and OS (one curve per arm, the hazard ratio with two arms), the waterfall,
/// swimmer and spider plots (from the response details) and one forest plot per subgroup analysis. A figure the study
/// cannot give (no ADTTE, no ADRS) is left out and the numbers close up. Every label and method word comes from the
/// results and their options; the figure layer (<see cref="KaplanMeierFigure"/>, <see cref="TumourFigures"/>,
/// <see cref="ForestFigure"/>, <see cref="ConsortFigure"/>) lays them out.
/// </summary>
public static class ReportFigures
{
    /// <summary>The ADTTE parameters drawn as Kaplan-Meier figures, in order, when the efficacy summary has them.</summary>
    public static IReadOnlyList<string> KaplanMeierEndpoints { get; } = ["PFS", "OS"];

    /// <summary>The figures, numbered: ids <c>figure-N-name</c>, titles "Figure N. ...".</summary>
    /// <param name="results">The study's results.</param>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public static IReadOnlyList<ReportFigure> Create(TrialResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var made = new List<(string Name, string Title, Func<string, (Figure Figure, IReadOnlyList<string> Notes, string Set, IReadOnlyList<FigureValue> Values)> Build, string? BesideTable)>();
        var disposition = results.Analysis.Safety.Disposition;
        made.Add(("consort", "Flow of subjects through the study", id => Consort(id, results, disposition), null));
        if (results.Efficacy is { } efficacy)
        {
            foreach (string code in KaplanMeierEndpoints)
            {
                if (efficacy.Endpoint(code) is { } endpoint && endpoint.Columns.Any(c => c.Curve is not null))
                {
                    made.Add(("km-" + code.ToLowerInvariant(), "Kaplan-Meier curve of " + Lower(endpoint.Label), id => KaplanMeier(id, results, efficacy, endpoint), null));
                }
            }
        }

        if (results.ResponseDetails is { } details)
        {
            string basis = Sentence(Vocabulary.Token(results.Options.ResponseBasis)) + " BOR";
            if (details.Waterfall.Count > 0)
            {
                made.Add(("waterfall", "Best percent change from baseline in the sum of target-lesion diameters", id => Waterfall(id, results, details, basis), null));
            }

            if (details.Swimmer.Count > 0)
            {
                made.Add(("swimmer", "Treatment, response and progression of each subject", id => Swimmer(id, results, details), null));
            }

            if (details.Spider.Any(p => p.Day is > 0))
            {
                made.Add(("spider", "Percent change from baseline in the sum of target-lesion diameters over time", id => Spider(id, results, details, basis), null));
            }
        }

        foreach (var subgroup in results.Subgroups)
        {
            made.Add(("forest-" + subgroup.ParamCode.ToLowerInvariant(), "Subgroup analysis of " + Lower(subgroup.Label), id => Forest(id, results, subgroup), SubgroupTable.IdPrefix + subgroup.ParamCode.ToLowerInvariant()));
        }

        var figures = new List<ReportFigure>();
        for (int i = 0; i < made.Count; i++)
        {
            string n = (i + 1).ToString(CultureInfo.InvariantCulture);
            string id = "figure-" + n + "-" + made[i].Name;
            var (figure, notes, set, values) = made[i].Build(id);
            figures.Add(new ReportFigure(id, "Figure " + n + ". " + made[i].Title, figure, notes, set, values) { BesideTable = made[i].BesideTable });
        }

        return figures;
    }

    private static (Figure, IReadOnlyList<string>, string, IReadOnlyList<FigureValue>) Consort(string id, TrialResults results, DispositionSummary d)
    {
        var values = new List<FigureValue>();
        void Box(DispositionBox box, string key) => values.Add(new FigureValue("box/" + key, box.Label, null, "n", box.Count, box.Subjects));
        ConsortExclusion? Side(DispositionBox box, string key, IReadOnlyList<DispositionReason> reasons)
        {
            if (box.Count == 0)
            {
                return null;
            }

            Box(box, key);
            foreach (var r in reasons)
            {
                values.Add(new FigureValue("box/" + key + "/" + r.Code, r.Label, null, "n", r.Count, r.Subjects));
            }

            return new ConsortExclusion(box.Label, box.Count, [.. reasons.Select(r => new ConsortReason(r.Label, r.Count))]);
        }

        var stages = new List<ConsortStage>();
        Box(d.Screened, "screened");
        stages.Add(new ConsortStage(d.Screened.Label, d.Screened.Count, Side(d.Excluded, "excluded", d.ExclusionReasons)));
        Box(d.Enrolled, "enrolled");
        if (d.HasTreatmentPhases)
        {
            // Subjects still in initial therapy at the cutoff leave the flow before maintenance too: they join the side box
            // of those who discontinued it, as a line of their own.
            var initial = Side(d.InitialDiscontinued, "initial-discontinued", d.InitialDiscontinuationReasons);
            if (d.InitialOngoing.Count > 0)
            {
                Box(d.InitialOngoing, "initial-ongoing");
                var ongoing = new ConsortReason(d.InitialOngoing.Label, d.InitialOngoing.Count);
                initial = initial is null
                    ? new ConsortExclusion(d.InitialOngoing.Label, d.InitialOngoing.Count, [])
                    : new ConsortExclusion(initial.Label + "; " + Lower(d.InitialOngoing.Label), initial.Count + d.InitialOngoing.Count, [.. initial.Reasons, ongoing]);
            }

            stages.Add(new ConsortStage(d.Enrolled.Label, d.Enrolled.Count, initial));

            Box(d.MaintenanceEntered, "maintenance-entered");
            stages.Add(new ConsortStage(d.MaintenanceEntered.Label, d.MaintenanceEntered.Count, Side(d.MaintenanceDiscontinued, "maintenance-discontinued", d.MaintenanceDiscontinuationReasons)));
            if (d.MaintenanceCompleted.Count > 0)
            {
                Box(d.MaintenanceCompleted, "maintenance-completed");
                stages.Add(new ConsortStage(d.MaintenanceCompleted.Label, d.MaintenanceCompleted.Count, null));
            }

            Box(d.OngoingAtCutoff, "ongoing");
            stages.Add(new ConsortStage(d.OngoingAtCutoff.Label, d.OngoingAtCutoff.Count, null));
        }
        else
        {
            stages.Add(new ConsortStage(d.Enrolled.Label, d.Enrolled.Count, d.HasStudyDisposition ? Side(d.StudyDiscontinued, "study-discontinued", d.StudyDiscontinuationReasons) : null));
            if (d.HasStudyDisposition)
            {
                Box(d.StudyCompleted, "study-completed");
                stages.Add(new ConsortStage(d.StudyCompleted.Label, d.StudyCompleted.Count, null));
            }
        }

        Box(d.SafetySet, "safety-set");
        Box(d.EfficacySet, "efficacy-set");
        var sets = new[] { new ConsortCount(d.SafetySet.Label, d.SafetySet.Count), new ConsortCount(d.EfficacySet.Label, d.EfficacySet.Count) };
        var figure = ConsortFigure.Create(id, "Flow of subjects through the study", stages, sets);
        var notes = new List<string> { "Counts from DM, DS and EX (disposition events and protocol milestones); see docs/methods/disposition.md.", TableParts.DataCutoff(results) };
        return (figure, notes, d.Screened.Label, values);
    }

    private static (Figure, IReadOnlyList<string>, string, IReadOnlyList<FigureValue>) KaplanMeier(string id, TrialResults results, EfficacySummary efficacy, EndpointSummary endpoint)
    {
        var options = results.Options;
        var population = efficacy.Population;
        var columns = TableParts.Columns(population);
        var values = new List<FigureValue>();
        var curves = new List<SurvivalCurveInput>();
        for (int i = 0; i < endpoint.Columns.Count; i++)
        {
            var column = columns[i];
            if (population.IsMultiArm && column.Column.IsTotal)
            {
                continue;
            }

            var e = endpoint.Columns[i];
            if (e.Curve is not { } curve)
            {
                continue;
            }

            var points = curve.Steps.Select(s => new SurvivalCurvePoint(s.Months, s.AtRisk, s.Events, s.Censored, s.Survival, s.Lower, s.Upper)).ToList();
            // Landmarks within the follow-up only: a rate past the last observed time says nothing the curve does not.
            double last = points.Count > 0 ? points[^1].Time : 0;
            var landmarks = e.Landmarks.Where(l => l.Survival is not null && l.Months <= last).Select(l => new SurvivalLandmarkInput(l.Months, new IntervalEstimate(l.Survival, l.Lower, l.Upper))).ToList();
            curves.Add(new SurvivalCurveInput(column.Column.Name, points, new IntervalEstimate(e.Median.Estimate, e.Median.Lower, e.Median.Upper), landmarks));
            string row = "curve/" + column.Key;
            var all = e.Events.Subjects.Concat(e.Censored.Subjects).Order(StringComparer.Ordinal).ToList();
            values.Add(new FigureValue(row, column.Column.Name, null, "n", e.N, all));
            values.Add(new FigureValue(row, column.Column.Name, null, "events", e.Events.Count, e.Events.Subjects));
            values.Add(new FigureValue(row, column.Column.Name, null, "median", e.Median.Estimate, []));
            values.Add(new FigureValue(row, column.Column.Name, null, "median.conf.low", e.Median.Lower, []));
            values.Add(new FigureValue(row, column.Column.Name, null, "median.conf.high", e.Median.Upper, []));
            foreach (var l in e.Landmarks)
            {
                string at = "month/" + TableParts.Short(l.Months);
                values.Add(new FigureValue(row, column.Column.Name, at, "surv", l.Survival, []));
                values.Add(new FigureValue(row, column.Column.Name, at, "surv.conf.low", l.Lower, []));
                values.Add(new FigureValue(row, column.Column.Name, at, "surv.conf.high", l.Upper, []));
            }

            foreach (var r in e.NumbersAtRisk)
            {
                values.Add(new FigureValue(row, column.Column.Name, "month/" + TableParts.Short(r.Months), "n.risk", r.AtRisk, []));
            }
        }

        HazardRatioInput? hazard = null;
        if (endpoint.ArmComparison is { HazardRatios.Count: 1 } comparison)
        {
            var h = comparison.HazardRatios[0];
            hazard = new HazardRatioInput(h.Group + " vs " + h.Reference, new IntervalEstimate(h.Estimate, h.Lower, h.Upper), comparison.LogRankPValue);
            string row = "hr/" + h.Group;
            values.Add(new FigureValue(row, hazard.Comparison, null, "hr", h.Estimate, []));
            values.Add(new FigureValue(row, hazard.Comparison, null, "hr.conf.low", h.Lower, []));
            values.Add(new FigureValue(row, hazard.Comparison, null, "hr.conf.high", h.Upper, []));
            values.Add(new FigureValue(row, hazard.Comparison, null, "p.value", comparison.LogRankPValue, []));
        }

        var steps = options.RiskTableMonths.Zip(options.RiskTableMonths.Skip(1), (a, b) => b - a).Distinct().ToList();
        var figureOptions = new KaplanMeierFigureOptions
        {
            SurvivalTitle = endpoint.Label + " (%)",
            IntervalLabel = TableParts.Level(options.ConfidenceLevel) + " CI",
            TimeDecimals = options.RateDecimals,
            TimeStep = steps.Count == 1 && steps[0] > 0 ? steps[0] : null,
        };
        var figure = KaplanMeierFigure.Create(id, endpoint.Label, curves, hazard, figureOptions);
        var notes = new List<string>
        {
            efficacy.Describe(),
            "Censoring: " + results.Analysis.Options.Endpoints.Describe(),
            "+: censored. Numbers at risk: subjects with time at or after the tick.",
            TableParts.DataCutoff(results),
        };
        return (figure, notes, population.Name, values);
    }

    private static (Figure, IReadOnlyList<string>, string, IReadOnlyList<FigureValue>) Waterfall(string id, TrialResults results, ResponseDetails details, string basis)
    {
        var cutoffs = results.Options.CpsCutoffs;
        bool tiles = cutoffs.Count == 2;
        PdL1CpsClass? Class(double? cps) => !tiles || cps is not { } c ? null : c < cutoffs[0] ? PdL1CpsClass.Below1 : c < cutoffs[1] ? PdL1CpsClass.From1To9 : PdL1CpsClass.AtLeast10;
        static OverallResponse? Response(string code) => OverallResponseCodes.TryParse(code, out var r) ? r : null;
        var subjects = details.Waterfall
            .Select(b => new WaterfallSubject(b.Subject, b.PercentChange, Response(b.BestResponse), b.ProgressedByNewLesion == true, Class(b.Cps)))
            .Concat(details.WithoutPostBaselineScan.Select(s => new WaterfallSubject(s, null, null, false, null)))
            .ToList();
        var values = details.Waterfall.Select(b => new FigureValue("subject/" + b.Subject, b.Subject, null, "pchg.best", b.PercentChange, [b.Subject])).ToList();
        var figure = TumourFigures.Waterfall(id, "Best percent change from baseline", subjects, new WaterfallFigureOptions { ResponseTitle = basis, ShowPdL1 = tiles });
        var notes = new List<string> { details.Describe(), $"Bars coloured by {basis} (RECIST 1.1); *: progression with a new lesion.", TableParts.DataCutoff(results) };
        if (tiles)
        {
            notes.Insert(2, $"PD-L1 CPS classes: < {TableParts.Short(cutoffs[0])}, {TableParts.Short(cutoffs[0])} to < {TableParts.Short(cutoffs[1])}, ≥ {TableParts.Short(cutoffs[1])}.");
        }

        return (figure, notes, details.Population.Name, values);
    }

    private static (Figure, IReadOnlyList<string>, string, IReadOnlyList<FigureValue>) Swimmer(string id, TrialResults results, ResponseDetails details)
    {
        var options = results.Options;
        double Months(int day) => Math.Max(0, day) / options.DaysPerMonth;
        var subjects = new List<SwimmerSubject>();
        var values = new List<FigureValue>();
        foreach (var lane in details.Swimmer)
        {
            // A phase runs from its first dose to the first dose of the next phase (the last one to its last dose), so the
            // cycle after the last induction dose does not show as a gap in treatment.
            var spans = lane.Treatment;
            var phases = spans.Select((t, k) => new SwimmerPhase(
                Sentence(t.Phase.ToLowerInvariant()),
                Months(t.StartDay - 1),
                k + 1 < spans.Count ? Math.Max(Months(t.EndDay), Months(spans[k + 1].StartDay - 1)) : Months(t.EndDay))).ToList();
            var events = new List<SwimmerEvent>();
            if (lane.FirstResponse is { Day: { } first } response)
            {
                bool complete = response.Response == OverallResponse.CompleteResponse.ToCode();
                events.Add(new SwimmerEvent(complete ? SwimmerEventKind.CompleteResponse : SwimmerEventKind.PartialResponse, Months(first)));
                if (!complete && lane.Responses.FirstOrDefault(r => r.Response == OverallResponse.CompleteResponse.ToCode() && r.Day > first) is { Day: { } cr })
                {
                    events.Add(new SwimmerEvent(SwimmerEventKind.CompleteResponse, Months(cr)));
                }
            }

            if (lane.Progression is { Day: { } pd })
            {
                events.Add(new SwimmerEvent(SwimmerEventKind.Progression, Months(pd)));
            }

            if (lane.DeathDay is { } death)
            {
                events.Add(new SwimmerEvent(SwimmerEventKind.Death, Months(death)));
            }

            subjects.Add(new SwimmerSubject(lane.Subject, phases, events, lane.IsOngoing));
            values.Add(new FigureValue("subject/" + lane.Subject, lane.Subject, null, "treatment.months", Months(lane.LastTreatmentDay), [lane.Subject]));
        }

        var figure = TumourFigures.Swimmer(id, "Treatment, response and progression", subjects);
        var notes = new List<string>
        {
            details.Describe(),
            $"Bars: treatment per phase (from its first dose to the next phase's, the last to its last dose); months = days / {TableParts.Short(options.DaysPerMonth)}; arrow: treatment ongoing at the data cutoff.",
            TableParts.DataCutoff(results),
        };
        return (figure, notes, details.Population.Name, values);
    }

    private static (Figure, IReadOnlyList<string>, string, IReadOnlyList<FigureValue>) Spider(string id, TrialResults results, ResponseDetails details, string basis)
    {
        var options = results.Options;
        var bor = details.Swimmer.ToDictionary(l => l.Subject, l => l.BestResponse, StringComparer.Ordinal);
        var subjects = details.Spider
            .Where(p => p.Day is > 0)
            .GroupBy(p => p.Subject, StringComparer.Ordinal)
            .Select(g => new SpiderSubject(
                g.Key,
                bor.TryGetValue(g.Key, out string? code) && OverallResponseCodes.TryParse(code, out var r) ? r : null,
                [.. g.OrderBy(p => p.Day).Select(p => new SpiderMeasurement(p.Day!.Value / options.DaysPerMonth, p.PercentChange))]))
            .ToList();
        var figure = TumourFigures.Spider(id, "Percent change from baseline over time", subjects, new SpiderFigureOptions { ResponseTitle = basis });
        var notes = new List<string> { details.Describe(), $"Lines coloured by {basis} (RECIST 1.1); months = days / {TableParts.Short(options.DaysPerMonth)}.", TableParts.DataCutoff(results) };
        return (figure, notes, details.Population.Name, []);
    }

    private static (Figure, IReadOnlyList<string>, string, IReadOnlyList<FigureValue>) Forest(string id, TrialResults results, SubgroupAnalysis analysis)
    {
        var options = analysis.Options;
        var population = analysis.Population;
        var rows = new List<ForestRow>();
        var values = new List<FigureValue>();
        static IntervalEstimate Interval(HazardRatio h) => new(h.Estimate, h.Lower, h.Upper);
        void Values(string key, string label, HazardRatio h, double? p, IReadOnlyList<string> subjects)
        {
            values.Add(new FigureValue(key, label, null, "hr", h.Estimate, subjects));
            values.Add(new FigureValue(key, label, null, "hr.conf.low", h.Lower, subjects));
            values.Add(new FigureValue(key, label, null, "hr.conf.high", h.Upper, subjects));
            values.Add(new FigureValue(key, label, null, "p.value", p, subjects));
        }

        string comparison;
        if (population.IsMultiArm)
        {
            var overall = results.Efficacy?.Endpoint(analysis.ParamCode);
            var first = overall?.ArmComparison is { HazardRatios.Count: > 0 } arms ? arms.HazardRatios[0] : null;
            comparison = first is null ? "arms" : first.Group + " vs " + first.Reference;
            if (overall is not null && first is not null)
            {
                rows.Add(new ForestRow(ForestRowKind.Overall, "All subjects", overall.Total.N, overall.Total.Events.Count, Interval(first), overall.ArmComparison!.LogRankPValue));
                Values("overall", "All subjects", first, overall.ArmComparison.LogRankPValue, population.Subjects);
            }

            foreach (var variable in analysis.Variables)
            {
                rows.Add(new ForestRow(ForestRowKind.Heading, variable.Label, null, null, null, null));
                foreach (var level in variable.Levels)
                {
                    var h = level.ArmComparison is { HazardRatios.Count: > 0 } within ? within.HazardRatios[0] : null;
                    rows.Add(new ForestRow(ForestRowKind.Subgroup, level.Label, level.Total.N, level.Total.Events.Count, h is null ? null : Interval(h), level.ArmComparison?.LogRankPValue));
                    if (h is not null)
                    {
                        Values(level.Key, variable.Label + ": " + level.Label, h, level.ArmComparison!.LogRankPValue, level.Subjects.Subjects);
                    }
                }
            }
        }
        else
        {
            comparison = "each level against the variable's first level";
            foreach (var variable in analysis.Variables)
            {
                if (variable.LevelComparison is not { } levels)
                {
                    continue;
                }

                var reference = variable.Levels.FirstOrDefault(l => l.Key == levels.Reference);
                rows.Add(new ForestRow(ForestRowKind.Heading, variable.Label, null, null, null, null));
                foreach (var h in levels.HazardRatios)
                {
                    var level = variable.Level(h.Group);
                    if (level is null || reference is null)
                    {
                        continue;
                    }

                    string label = level.Label + " vs " + reference.Label;
                    rows.Add(new ForestRow(ForestRowKind.Subgroup, label, level.Total.N + reference.Total.N, level.Total.Events.Count + reference.Total.Events.Count, Interval(h), levels.LogRankPValue));
                    Values(level.Key, variable.Label + ": " + label, h, levels.LogRankPValue, [.. level.Subjects.Subjects.Concat(reference.Subjects.Subjects).Order(StringComparer.Ordinal)]);
                }
            }
        }

        string confidence = TableParts.Level(options.ConfidenceLevel);
        var figure = ForestFigure.Create(id, analysis.Label, rows, new ForestFigureOptions { EstimateHeading = $"HR ({confidence} CI)" });
        var notes = new List<string>
        {
            analysis.Describe(),
            $"Hazard ratio: {comparison}; n and events: the subjects compared; p-value: {Vocabulary.Token(options.LogRank.Weighting)} test.",
            TableParts.DataCutoff(results),
        };
        return (figure, notes, population.Name, values);
    }

    private static string Lower(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];

    private static string Sentence(string token) => TableParts.Sentence(token);
}
