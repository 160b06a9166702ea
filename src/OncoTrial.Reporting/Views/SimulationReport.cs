using OncoTrial.Reporting.Contracts;
using OncoTrial.Simulation;
using OncoTrial.Statistics;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Reporting.Views;

/// <summary>Simulation results as documents and JSON contracts.</summary>
public static class SimulationReport
{
    private const string Generator = "philox4x32-10";

    /// <summary>A single-arm simulation.</summary>
    public static SingleArmSimulationJson ToJson(SingleArmSurvivalSimulationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = r.Scenario;
        var km = r.KaplanMeierMedian;
        return new SingleArmSimulationJson(
            "single-arm-survival", Generator, r.Seed, r.Trials, s.Hypothesis,
            new SingleArmScenarioJson(s.MedianH0, s.MedianH1, s.Accrual, s.FollowUp, s.Enrolment, s.Dropout, s.DropoutModel, s.DropoutTime, s.Alpha, s.EventsAtAnalysis, s.EventsAtAnalysis is null ? s.Accrual + s.FollowUp : null),
            r.PatientsPerTrial, r.MeanEvents, r.MeanExposure, r.MeanAnalysisTime, r.TrialsWithoutEvents, r.TrialsShortOfEventTarget,
            Rejection(r.ExponentialTest), Rejection(r.OneSampleLogRankTest),
            new KmMedianJson(km.Fitted, km.Reached, km.MedianOfMedians, s.TrueMedian, km.Coverage, km.CoverageStandardError, km.Options.Describe()));
    }

    /// <summary>A single-arm simulation in a few lines.</summary>
    public static Document ToDocument(SingleArmSurvivalSimulationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = r.Scenario;
        string analysis = s.EventsAtAnalysis is int d ? Formats.Invariant($"at event {d}") : Formats.Invariant($"at month {s.Accrual + s.FollowUp:0.###}");
        string dropout = s.Dropout == 0 ? "no dropout"
            : s.DropoutModel == DropoutModel.FixedFraction ? Formats.Invariant($"dropout {s.Dropout:0.###} {Vocabulary.Token(s.DropoutModel)} ({s.EvaluablePatients} of {s.Enrolment} evaluable)")
            : Formats.Invariant($"dropout {s.Dropout:0.###} {Vocabulary.Token(s.DropoutModel)} (lost by month {s.DropoutTime:0.###})");
        string label = s.Hypothesis == SimulatedHypothesis.H1 ? "power" : "type I error";
        var doc = new DocumentBuilder("Single-arm survival simulation");
        doc.Paragraph(Formats.Invariant($"Single-arm survival simulation: {r.Trials} trials under {Vocabulary.Token(s.Hypothesis)}, seed {r.Seed} ({Generator})"));
        doc.Paragraph(Formats.Invariant($"Design: median {s.MedianH0:0.###} (H0) vs {s.MedianH1:0.###} (H1) months, accrual {s.Accrual:0.###} + follow-up {s.FollowUp:0.###} months, n = {s.Enrolment}, {dropout}, alpha {s.Alpha:0.###} two-sided, analysis {analysis}"));
        doc.Paragraph(Formats.Invariant($"Per trial: {r.PatientsPerTrial} patients simulated, mean events {r.MeanEvents:0.00}, mean exposure {r.MeanExposure:0.0} patient-months, mean analysis time {r.MeanAnalysisTime:0.00} months"));
        doc.Paragraph(Test("Exponential test on log hazard", label, r.ExponentialTest));
        doc.Paragraph(Test("One-sample log-rank (Wu)     ", label, r.OneSampleLogRankTest));
        var km = r.KaplanMeierMedian;
        string mm = km.MedianOfMedians is double m ? Formats.Invariant($"{m:0.00} months") : "not reached";
        double reached = km.Fitted == 0 ? 0 : 100.0 * km.Reached / km.Fitted;
        doc.Paragraph(Formats.Invariant($"KM median ({km.Fitted} trials fitted): median of medians {mm}; reached in {reached:0.0}%; {km.Options.ConfidenceLevel.Value * 100:0.#}% CI ({Vocabulary.Token(km.Options.Transform)}) covers the true median {s.TrueMedian:0.###} in {km.Coverage * 100:0.0}% (MC SE {km.CoverageStandardError * 100:0.0}%)"));
        if (r.TrialsWithoutEvents > 0 || r.TrialsShortOfEventTarget > 0)
        {
            doc.Paragraph(Formats.Invariant($"Trials without events: {r.TrialsWithoutEvents}; short of the event target: {r.TrialsShortOfEventTarget}"));
        }

        return doc.Build();
    }

    /// <summary>A two-arm group-sequential simulation; <paramref name="seconds"/> is the wall-clock time it took.</summary>
    public static TwoArmSimulationJson ToJson(TwoArmSurvivalSimulationResult r, TwoArmGroupSequentialResult design, double seconds)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(design);
        var s = r.Scenario;
        var o = design.Fixed.Options;
        var stages = Enumerable.Range(0, s.Stages).ToList();
        return new TwoArmSimulationJson(
            "two-arm-survival-group-sequential", Generator, r.Seed, r.Trials, s.Hypothesis,
            new TwoArmScenarioJson(o.HazardRatio, o.ControlHazard, o.AllocationRatio, o.AccrualTime, s.Patients, s.DropoutHazard, o.Alpha, design.Boundaries.Power, [.. s.PlannedEvents.Select(e => (double)e)], s.CriticalValues, s.FutilityBounds),
            r.RejectionRate, r.RejectionRateStandardError,
            [.. stages.Select(r.StageRejectionRate)], [.. stages.Select(r.StageRejectionRateStandardError)],
            [.. r.FutilityStopsPerStage.Select(c => (double)c / r.Trials)], [.. r.StopsPerStage.Select(c => (double)c / r.Trials)],
            r.ExpectedEvents, r.ExpectedPatients, r.ExpectedDuration, r.TrialsShortOfEvents, seconds, r.Trials / seconds);
    }

    /// <summary>A two-arm group-sequential simulation as lines and a per-stage table.</summary>
    public static Document ToDocument(TwoArmSurvivalSimulationResult r, TwoArmGroupSequentialResult design, double seconds)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(design);
        var s = r.Scenario;
        var o = design.Fixed.Options;
        string label = s.Hypothesis == SimulatedHypothesis.H1 ? "power" : "type I error";
        double planned = s.Hypothesis == SimulatedHypothesis.H1 ? design.Boundaries.Power : design.Boundaries.CumulativeAlphaSpent[^1];
        var doc = new DocumentBuilder("Two-arm survival simulation");
        doc.Paragraph(Formats.Invariant($"Two-arm survival simulation: {r.Trials} trials under {Vocabulary.Token(s.Hypothesis)}, seed {r.Seed} ({Generator}), {r.Trials / seconds:0} trials/s"));
        doc.Paragraph(Formats.Invariant($"Design: HR {o.HazardRatio:0.###}, control median {Math.Log(2) / o.ControlHazard:0.###}, allocation {o.AllocationRatio:0.###}:1, accrual {o.AccrualTime:0.###}, n = {s.Patients}, dropout hazard {s.DropoutHazard:0.#####}, one-sided alpha {o.Alpha:0.####}, power {o.Power:0.###}"));
        string futility = s.FutilityBounds.Count == 0 ? string.Empty : "; non-binding futility z < " + string.Join(", ", s.FutilityBounds.Select(f => Formats.Number(f, "0.###")));
        doc.Paragraph($"{Formats.WholeNumber(s.Stages)} analyses at events {string.Join(", ", s.PlannedEvents.Select(e => Formats.WholeNumber(e)))}; efficacy z >= {string.Join(", ", s.CriticalValues.Select(c => Formats.Number(c, "0.0000")))}{futility}");
        doc.Paragraph(Formats.Invariant($"Overall rejection ({label}): {r.RejectionRate:0.0000} (MC SE {r.RejectionRateStandardError:0.0000}); design {planned:0.0000}"));
        var p = CellFormat.Number("0.0000");
        doc.Table(
            ReportTable.Create(
                null,
                [ColumnHeader.Number("stage", "stage"), ColumnHeader.Number("rejection", "rejection_rate"), ColumnHeader.Number("MC SE", "rejection_rate_mc_se"), ColumnHeader.Number("futility stops", "futility_stop_rate"), ColumnHeader.Number("stopped here", "stop_rate")],
                Enumerable.Range(0, s.Stages).Select(k => new TableRow([
                    Cell.FromCount(k + 1),
                    Cell.FromNumber(r.StageRejectionRate(k), p),
                    Cell.FromNumber(r.StageRejectionRateStandardError(k), p),
                    Cell.FromNumber((double)r.FutilityStopsPerStage[k] / r.Trials, p),
                    Cell.FromNumber((double)r.StopsPerStage[k] / r.Trials, p)]))),
            indent: 1);
        doc.Paragraph(Formats.Invariant($"Expected events {r.ExpectedEvents:0.0}, patients {r.ExpectedPatients:0.0}, study duration {r.ExpectedDuration:0.00}"));
        if (r.TrialsShortOfEvents > 0)
        {
            doc.Paragraph(Formats.Invariant($"Trials short of the planned events: {r.TrialsShortOfEvents}"));
        }

        return doc.Build();
    }

    private static RejectionJson Rejection(RejectionSummary t) =>
        new(t.Rejections, t.Rate, t.RateStandardError, t.RejectionsTowardH1, t.RateTowardH1, t.RateTowardH1StandardError, t.CriticalValue);

    private static string Test(string name, string label, RejectionSummary t) =>
        Formats.Invariant($"{name}: {label} {t.RateTowardH1:0.0000} (MC SE {t.RateTowardH1StandardError:0.0000}) rejecting toward H1; two-sided rejection {t.Rate:0.0000} (MC SE {t.RateStandardError:0.0000}); |z| > {t.CriticalValue:0.0000}");
}
