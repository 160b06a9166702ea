using OncoTrial.Reporting.Contracts;
using OncoTrial.Statistics;
using OncoTrial.Statistics.Design;

namespace OncoTrial.Reporting.Views;

/// <summary>Proportions and closed-form designs as documents and JSON contracts.</summary>
public static class DesignReport
{
    /// <summary>A proportion with its interval and, optionally, the exact test.</summary>
    public static ProportionJson ToJson(ProportionEstimate estimate, BinomialTestResult? test)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new ProportionJson(
            estimate.X, estimate.N, estimate.Estimate, estimate.Lower, estimate.Upper, estimate.Method, estimate.ConfidenceLevel.Value,
            test is null ? null : new BinomialTestJson(test.NullProportion, test.Alternative, test.PValue));
    }

    /// <summary>"36/50 = 72.0% (95% CI 57.5-83.8%, clopper-pearson)" and the test line.</summary>
    public static Document ToDocument(ProportionEstimate estimate, BinomialTestResult? test)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var doc = new DocumentBuilder("Proportion");
        doc.Paragraph(Formats.Invariant($"{estimate.X}/{estimate.N} = {estimate.Estimate * 100:0.0}% ({estimate.ConfidenceLevel.Value * 100:0.###}% CI {estimate.Lower * 100:0.0}-{estimate.Upper * 100:0.0}%, {Vocabulary.Token(estimate.Method)})"));
        if (test is not null)
        {
            doc.Paragraph(Formats.Invariant($"Exact binomial test against p0 = {test.NullProportion} ({Vocabulary.Token(test.Alternative)}): p = {test.PValue:G6}"));
        }

        return doc.Build();
    }

    /// <summary>A single-arm survival design.</summary>
    public static SingleArmSurvivalDesignJson ToJson(SingleArmSurvivalResult d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var i = d.Input;
        return new SingleArmSurvivalDesignJson(
            d.Events, d.Patients, d.Enrolment, i.Method, d.Hazard0, d.Hazard1, d.HazardRatio, d.LogHazardRatio, d.ZAlpha, d.ZBeta, d.EventProbability,
            d.EventsUnrounded, d.PatientsUnrounded, d.EnrolmentUnrounded,
            d.Wu is { } wu ? new WuMomentsJson(wu.P0, wu.P1, wu.P00, wu.P01, wu.Omega, wu.Sigma) : null,
            new SingleArmSurvivalOptionsJson(i.Median0, i.Median1, i.Accrual, i.FollowUp, i.Alpha, Sides(i.Sidedness), i.Power, i.Dropout, i.Shape));
    }

    /// <summary>A single-arm survival design with every intermediate value.</summary>
    public static Document ToDocument(SingleArmSurvivalResult d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var i = d.Input;
        string sided = i.Sidedness == Sidedness.OneSided ? "one-sided" : "two-sided";
        string title = i.Method == SingleArmSurvivalMethod.OneSampleLogRankWu2015 ? "One-sample log-rank test (Wu 2015)" : "Exponential test on the log hazard";
        var doc = new DocumentBuilder(title);
        doc.Paragraph(Formats.Invariant($"{title}: median {i.Median0} vs {i.Median1}, accrual {i.Accrual} + follow-up {i.FollowUp}, alpha {i.Alpha} {sided}, power {i.Power}, dropout {i.Dropout}, shape {i.Shape}"));
        doc.Paragraph(Formats.Invariant($"hazards {d.Hazard0:G10} vs {d.Hazard1:G10}, HR {d.HazardRatio:G10}, ln HR {d.LogHazardRatio:G10}"), 1);
        doc.Paragraph(Formats.Invariant($"z_alpha {d.ZAlpha:G10}, z_beta {d.ZBeta:G10}"), 1);
        if (d.Wu is { } wu)
        {
            doc.Paragraph(Formats.Invariant($"p0 {wu.P0:G10}, p1 {wu.P1:G10}, p00 {wu.P00:G10}, p01 {wu.P01:G10}, omega {wu.Omega:G10}, sigma {wu.Sigma:G10}"), 1);
        }

        doc.Paragraph(Formats.Invariant($"P(event | H1) {d.EventProbability:G10}"), 1);
        doc.Paragraph(Formats.Invariant($"Events:    {d.Events} ({d.EventsUnrounded:0.0000})"));
        doc.Paragraph(Formats.Invariant($"Patients:  {d.Patients} ({d.PatientsUnrounded:0.0000})"));
        doc.Paragraph(Formats.Invariant($"Enrolment: {d.Enrolment} ({d.EnrolmentUnrounded:0.0000})"));
        return doc.Build();
    }

    /// <summary>Simon designs (optimal, minimax or both).</summary>
    public static SimonDesignJson ToJson(IReadOnlyList<SimonTwoStageResult> designs)
    {
        ArgumentNullException.ThrowIfNull(designs);
        SimonStagesJson? Of(SimonCriterion c) => designs.FirstOrDefault(d => d.Criterion == c) is { } d
            ? new SimonStagesJson(d.R1, d.N1, d.R, d.N, d.ExpectedSampleSize0, d.EarlyTerminationProbability0, d.Alpha, d.Power)
            : null;
        var first = designs[0];
        return new SimonDesignJson(Of(SimonCriterion.Optimal), Of(SimonCriterion.Minimax), new RateDesignOptionsJson(first.P0, first.P1, first.AlphaTarget, first.PowerTarget));
    }

    /// <summary>Simon designs as a table.</summary>
    public static Document ToDocument(IReadOnlyList<SimonTwoStageResult> designs)
    {
        ArgumentNullException.ThrowIfNull(designs);
        var first = designs[0];
        var doc = new DocumentBuilder("Simon two-stage design");
        doc.Paragraph(Formats.Invariant($"Simon two-stage design: p0 {first.P0}, p1 {first.P1}, alpha {first.AlphaTarget}, power {first.PowerTarget}"));
        doc.Table(
            ReportTable.Create(
                null,
                [ColumnHeader.Text("Criterion", "criterion"), ColumnHeader.Number("r1/n1", "r1_n1"), ColumnHeader.Number("r/n", "r_n"), ColumnHeader.Number("EN0", "en0"), ColumnHeader.Number("PET0", "pet0"), ColumnHeader.Number("alpha", "alpha"), ColumnHeader.Number("power", "power")],
                designs.Select(d => new TableRow([
                    Cell.FromText(Vocabulary.Token(d.Criterion)),
                    Cell.Formatted(Formats.Invariant($"{d.R1}/{d.N1}"), d.R1, d.N1),
                    Cell.Formatted(Formats.Invariant($"{d.R}/{d.N}"), d.R, d.N),
                    Cell.FromNumber(d.ExpectedSampleSize0, CellFormat.Number("0.00")),
                    Cell.FromNumber(d.EarlyTerminationProbability0, CellFormat.Number("0.000")),
                    Cell.FromNumber(d.Alpha, CellFormat.Number("0.0000")),
                    Cell.FromNumber(d.Power, CellFormat.Number("0.0000"))]))),
            indent: 1);
        return doc.Build();
    }

    /// <summary>A single-stage design.</summary>
    public static SingleStageDesignJson ToJson(SingleStageBinomialResult d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new SingleStageDesignJson(d.N, d.MinimumResponses, d.Alpha, d.Power, new RateDesignOptionsJson(d.P0, d.P1, d.AlphaTarget, d.PowerTarget));
    }

    /// <summary>A single-stage design in two lines.</summary>
    public static Document ToDocument(SingleStageBinomialResult d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var doc = new DocumentBuilder("A'Hern single-stage design");
        doc.Paragraph(Formats.Invariant($"A'Hern single-stage design: p0 {d.P0}, p1 {d.P1}, alpha {d.AlphaTarget}, power {d.PowerTarget}"));
        doc.Paragraph(Formats.Invariant($"n = {d.N}; active if at least r = {d.MinimumResponses} respond; alpha {d.Alpha:0.0000}, power {d.Power:0.0000}"), 1);
        return doc.Build();
    }

    /// <summary>A two-arm survival design, with its group-sequential part when there is one.</summary>
    public static TwoArmSurvivalDesignJson ToJson(TwoArmSurvivalResult r, TwoArmGroupSequentialResult? gs)
    {
        ArgumentNullException.ThrowIfNull(r);
        var o = r.Options;
        GroupSequentialJson? sequential = null;
        if (gs is not null)
        {
            var b = gs.Boundaries;
            sequential = new GroupSequentialJson(
                b.Spending, b.Stages, b.InflationFactor, gs.MaxEvents, gs.MaxEventsRoundedUp, gs.MaxPatients, gs.MaxPatientsRoundedUp, gs.ExpectedEventsH0, gs.ExpectedEventsH1,
                b.InformationRates, gs.EventsPerStage, b.CriticalValues, b.CumulativeAlphaSpent, b.RejectionProbabilitiesH1, b.FutilityBounds, b.FutilityProbabilitiesH1);
        }

        return new TwoArmSurvivalDesignJson(
            o.Method, o.HazardRatio, o.ControlHazard, o.Alpha, o.Sides, o.Power, o.AllocationRatio, o.AccrualTime, o.FollowUpTime, o.DropoutRate, o.DropoutTime,
            r.ZAlpha, r.ZBeta, r.EventProbabilityTreatment, r.EventProbabilityControl, r.EventProbability, r.Events, r.EventsRoundedUp, r.Patients, r.PatientsRoundedUp, sequential);
    }

    /// <summary>A two-arm survival design with its inputs, intermediates and (group-sequential) boundary table.</summary>
    public static Document ToDocument(TwoArmSurvivalResult r, TwoArmGroupSequentialResult? gs)
    {
        ArgumentNullException.ThrowIfNull(r);
        var o = r.Options;
        var doc = new DocumentBuilder("Two-arm survival design");
        doc.Paragraph($"Two-arm survival design ({Vocabulary.Token(o.Method)} events, log-rank test, exponential hazards)");
        doc.Paragraph(Formats.Invariant($"hazard ratio {o.HazardRatio:0.####} (control hazard {o.ControlHazard:0.######}, median {Math.Log(2) / o.ControlHazard:0.##}; treatment median {Math.Log(2) / o.TreatmentHazard:0.##})"), 1);
        doc.Paragraph(Formats.Invariant($"alpha {o.Alpha:0.####} {(o.Sides == 1 ? "one-sided" : "two-sided")}, power {o.Power:0.####}, allocation {o.AllocationRatio:0.###}:1 (treatment:control)"), 1);
        doc.Paragraph(Formats.Invariant($"accrual {o.AccrualTime:0.###}, follow-up {o.FollowUpTime:0.###}, dropout {o.DropoutRate:0.####} by {o.DropoutTime:0.###} (exponential)"), 1);
        doc.Paragraph(Formats.Invariant($"z_alpha {r.ZAlpha:0.######}, z_beta {r.ZBeta:0.######}"), 1);
        doc.Paragraph(Formats.Invariant($"P(event) treatment {r.EventProbabilityTreatment:0.######}, control {r.EventProbabilityControl:0.######}, weighted {r.EventProbability:0.######}"), 1);
        doc.Paragraph(Formats.Invariant($"Fixed design: {r.EventsRoundedUp} events ({r.Events:0.###}), {r.PatientsRoundedUp} patients ({r.Patients:0.###}: {r.PatientsTreatment:0.###} treatment, {r.PatientsControl:0.###} control)"));
        if (gs is not null)
        {
            var b = gs.Boundaries;
            string futility = b.FutilityBounds.Count == 0 ? "efficacy bounds only" : "non-binding futility bounds " + string.Join(", ", b.FutilityBounds.Select(f => Formats.Number(f, "0.###")));
            doc.Paragraph($"Group-sequential: {Formats.WholeNumber(b.Stages)} analyses, Lan-DeMets {Vocabulary.Token(b.Spending)} alpha spending, {futility}");
            doc.Paragraph(Formats.Invariant($"inflation factor {b.InflationFactor:0.######}, maximum {gs.MaxEventsRoundedUp} events ({gs.MaxEvents:0.###}), {gs.MaxPatientsRoundedUp} patients ({gs.MaxPatients:0.###})"), 1);
            doc.Paragraph(Formats.Invariant($"expected events under H0 {gs.ExpectedEventsH0:0.###}, under H1 {gs.ExpectedEventsH1:0.###}"), 1);
            doc.Table(
                ReportTable.Create(
                    null,
                    [ColumnHeader.Number("look", "look"), ColumnHeader.Number("fraction", "information_rate"), ColumnHeader.Number("events", "events"), ColumnHeader.Number("z bound", "critical_value"), ColumnHeader.Number("cum. alpha", "cumulative_alpha"), ColumnHeader.Number("P(stop | H1)", "rejection_probability_h1")],
                    Enumerable.Range(0, b.Stages).Select(k => new TableRow([
                        Cell.FromCount(k + 1),
                        Cell.FromNumber(b.InformationRates[k], CellFormat.Number("0.####")),
                        Cell.FromNumber(gs.EventsPerStage[k], CellFormat.Number("0.#")),
                        Cell.FromNumber(b.CriticalValues[k], CellFormat.Number("0.####")),
                        Cell.FromNumber(b.CumulativeAlphaSpent[k], CellFormat.Number("0.######")),
                        Cell.FromNumber(b.RejectionProbabilitiesH1[k], CellFormat.Number("0.####"))]))),
                indent: 1);
        }

        return doc.Build();
    }

    private static int Sides(Sidedness s) => s == Sidedness.OneSided ? 1 : 2;
}
