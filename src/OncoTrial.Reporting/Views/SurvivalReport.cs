using OncoTrial.Clinical.Data;
using OncoTrial.Reporting.Contracts;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Views;

/// <summary>What a survival analysis was run on: the input as given and the columns used.</summary>
/// <param name="Input">The data file, as given.</param>
/// <param name="Columns">The columns and row filters.</param>
public sealed record SurvivalDataSource(string Input, TimeToEventColumns Columns);

/// <summary>A <see cref="SurvivalAnalysisResult"/> as a document (text) and as its JSON contract.</summary>
public static class SurvivalReport
{
    private const string FollowUpMethod = "reverse Kaplan-Meier median";
    private static readonly CellFormat Time = CellFormat.Number("0.####");
    private static readonly CellFormat Probability = CellFormat.Number("0.0000");

    /// <summary>The JSON contract; every method word is read from the result's options.</summary>
    public static SurvivalJson ToJson(SurvivalDataSource source, SurvivalAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        var km = o.KaplanMeier;
        var c = source.Columns;
        var options = new SurvivalOptionsJson(
            source.Input, c.Time, c.Event, c.Censor, [.. c.Where.Select(w => w.ToString())], c.Group, c.Strata, c.Weight,
            km.Transform, km.ConfidenceLevel.Value, [.. o.LandmarkTimes], km.QuantileRule, km.LandmarkRule, o.Cox.Ties, o.LogRank.Weighting);
        var groups = result.Groups.Select(g => new SurvivalGroupJson(
            g.Group,
            g.Curve.N,
            g.Curve.Events,
            [.. g.Quantiles.Select(q => new QuantileJson(q.P, q.Estimate, q.Lower, q.Upper))],
            [.. g.Landmarks.Select(l => new LandmarkJson(l.Time, l.AtRisk, l.Survival, l.StandardError, l.Lower, l.Upper))],
            new FollowUpJson(FollowUpMethod, g.FollowUp.Estimate, g.FollowUp.Lower, g.FollowUp.Upper),
            [.. g.Curve.Steps.Select(s => new CurveStepJson(s.Time, s.AtRisk, s.Events, s.Censored, s.Survival, s.StandardError, s.Lower, s.Upper))])).ToList();
        LogRankJson? logRank = result.LogRank is { } lr
            ? new LogRankJson(
                lr.Options.Weighting, lr.Options.Rho, lr.Options.Gamma, lr.StrataCount, lr.Test.ChiSquare, lr.Test.DegreesOfFreedom, lr.Test.PValue,
                [.. result.Groups.Select((g, i) => new LogRankGroupJson(g.Group, lr.Observed[i], lr.Expected[i]))],
                lr.Variance)
            : null;
        CoxJson? cox = result.Cox is { } fit
            ? new CoxJson(
                fit.Options.Ties, fit.Options.ConfidenceLevel.Value, fit.LogLikelihood, fit.LogLikelihoodNull,
                [.. fit.Terms.Select(t => new CoxTermJson(t.Name, t.Coefficient, t.StandardError, t.HazardRatio, t.Lower, t.Upper, t.Z, t.PValue))],
                fit.Wald.ChiSquare, fit.Wald.PValue, fit.LikelihoodRatio.ChiSquare, fit.LikelihoodRatio.PValue, fit.Score.ChiSquare, fit.Score.PValue,
                fit.Wald.DegreesOfFreedom, fit.Converged, fit.Iterations, [.. fit.Warnings.Select(w => w.Message)])
            : null;
        return new SurvivalJson(options, groups, logRank, cox, [.. result.Warnings.Concat(result.LogRank?.Warnings ?? []).Select(w => w.Message)]);
    }

    /// <summary>The text report: per-group quantiles, follow-up, landmarks and curve; the test; the Cox model.</summary>
    public static Document ToDocument(SurvivalDataSource source, SurvivalAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(result);
        var c = source.Columns;
        var km = result.Options.KaplanMeier;
        var doc = new DocumentBuilder("Survival analysis of " + source.Input);
        doc.Paragraph($"Survival analysis of {source.Input}: time = {c.Time}, " +
            (c.Event is null ? $"censor = {c.Censor} (0 = event)" : $"event = {c.Event}") +
            (c.Where.Count == 0 ? string.Empty : $", where {string.Join(" and ", c.Where)}") +
            (c.Group is null ? string.Empty : $", group = {c.Group}") +
            (c.Strata is null ? string.Empty : $", strata = {c.Strata}") +
            (c.Weight is null ? string.Empty : $", weight = {c.Weight}"));
        doc.Paragraph($"Kaplan-Meier with Greenwood SE; {km.Describe()}.");
        foreach (var g in result.Groups)
        {
            doc.BlankLine();
            doc.Paragraph(Formats.Invariant($"Group {g.Group}: n = {g.Curve.N}, events = {g.Curve.Events}, censored = {g.Curve.N - g.Curve.Events}"));
            doc.Table(
                ReportTable.Create(
                    null,
                    [ColumnHeader.Text("Quantiles", "quantile"), ColumnHeader.Number("Estimate", "estimate"), ColumnHeader.Number("Lower", "lower"), ColumnHeader.Number("Upper", "upper")],
                    g.Quantiles.Select(q => new TableRow([Cell.FromText(Formats.Invariant($"{q.P * 100:0.##}th percentile")), Cell.FromNumber(q.Estimate, Time), Cell.FromNumber(q.Lower, Time), Cell.FromNumber(q.Upper, Time)]))),
                indent: 1);
            doc.Paragraph($"Median follow-up (reverse KM): {CellFormat.EstimateWithIntervalComma("0.####").Render([g.FollowUp.Estimate, g.FollowUp.Lower, g.FollowUp.Upper], null)}", 1);
            if (g.Landmarks.Count > 0)
            {
                doc.Table(
                    ReportTable.Create(
                        null,
                        [ColumnHeader.Text("Landmark", "time"), ColumnHeader.Number("At risk", "n_risk"), ColumnHeader.Number("Survival", "survival"), ColumnHeader.Number("Std err", "std_err"), ColumnHeader.Number("Lower", "lower"), ColumnHeader.Number("Upper", "upper")],
                        g.Landmarks.Select(l => new TableRow([Cell.FromNumber(l.Time, Time), Cell.FromCount(l.AtRisk), Cell.FromNumber(l.Survival, Probability), Cell.FromNumber(l.StandardError, Probability), Cell.FromNumber(l.Lower, Probability), Cell.FromNumber(l.Upper, Probability)]))),
                    indent: 1);
            }

            doc.Table(
                ReportTable.Create(
                    null,
                    [ColumnHeader.Text("Time", "time"), ColumnHeader.Number("At risk", "n_risk"), ColumnHeader.Number("Events", "n_event"), ColumnHeader.Number("Censored", "n_censor"), ColumnHeader.Number("Survival", "survival"), ColumnHeader.Number("Std err", "std_err"), ColumnHeader.Number("Lower", "lower"), ColumnHeader.Number("Upper", "upper")],
                    g.Curve.Steps.Select(s => new TableRow([Cell.FromNumber(s.Time, Time), Cell.FromCount(s.AtRisk), Cell.FromCount(s.Events), Cell.FromCount(s.Censored), Cell.FromNumber(s.Survival, Probability), Cell.FromNumber(s.StandardError, Probability), Cell.FromNumber(s.Lower, Probability), Cell.FromNumber(s.Upper, Probability)]))),
                indent: 1);
        }

        if (result.LogRank is { } lr)
        {
            var count = CellFormat.Number("0.####");
            doc.BlankLine();
            doc.Paragraph($"Test of equality over groups ({lr.Options}{(lr.StrataCount > 1 ? Formats.Invariant($", stratified over {lr.StrataCount} strata") : string.Empty)}):");
            doc.Table(
                ReportTable.Create(
                    null,
                    [ColumnHeader.Text("Group", "group"), ColumnHeader.Number("Observed", "observed"), ColumnHeader.Number("Expected", "expected")],
                    result.Groups.Select((g, i) => new TableRow([Cell.FromText(g.Group), Cell.FromNumber(lr.Observed[i], count), Cell.FromNumber(lr.Expected[i], count)]))),
                indent: 1);
            doc.Paragraph(Formats.Invariant($"Chi-square {Formats.Number(lr.Test.ChiSquare, "0.####")} on {lr.Test.DegreesOfFreedom} df, p = {Formats.PValue(lr.Test.PValue)}"), 1);
            foreach (var warning in lr.Warnings)
            {
                doc.Paragraph($"Warning: {warning.Message}", 1);
            }
        }

        foreach (var warning in result.Warnings)
        {
            doc.BlankLine();
            doc.Paragraph($"Warning: {warning.Message}");
        }

        if (result.Cox is { } cox)
        {
            var coef = CellFormat.NumberOrInfinity("0.######");
            var ratio = CellFormat.NumberOrInfinity("0.####");
            doc.BlankLine();
            doc.Paragraph(Formats.Invariant($"Cox proportional hazards ({Vocabulary.Token(cox.Options.Ties)} ties, {cox.Options.ConfidenceLevel.Value * 100:0.###}% Wald CI), reference {result.Groups[0].Group}:"));
            doc.Table(
                ReportTable.Create(
                    null,
                    [ColumnHeader.Text("Term", "term"), ColumnHeader.Number("Coef", "coef"), ColumnHeader.Number("SE", "se"), ColumnHeader.Number("HR", "hr"), ColumnHeader.Number("Lower", "lower"), ColumnHeader.Number("Upper", "upper"), ColumnHeader.Number("p", "p")],
                    cox.Terms.Select(t => new TableRow([Cell.FromText(t.Name), Cell.FromNumber(t.Coefficient, coef), Cell.FromNumber(t.StandardError, coef), Cell.FromNumber(t.HazardRatio, ratio), Cell.FromNumber(t.Lower, ratio), Cell.FromNumber(t.Upper, ratio), Cell.FromNumber(t.PValue, CellFormat.PValue)]))),
                indent: 1);
            doc.Paragraph(Formats.Invariant($"Log-likelihood {Formats.Number(cox.LogLikelihood, "0.######")} (null {Formats.Number(cox.LogLikelihoodNull, "0.######")})"), 1);
            doc.Paragraph(Formats.Invariant($"Likelihood ratio {Formats.Number(cox.LikelihoodRatio.ChiSquare, "0.####")} on {cox.LikelihoodRatio.DegreesOfFreedom} df, p = {Formats.PValue(cox.LikelihoodRatio.PValue)}"), 1);
            doc.Paragraph(Formats.Invariant($"Wald             {Formats.Number(cox.Wald.ChiSquare, "0.####")} on {cox.Wald.DegreesOfFreedom} df, p = {Formats.PValue(cox.Wald.PValue)}"), 1);
            doc.Paragraph(Formats.Invariant($"Score            {Formats.Number(cox.Score.ChiSquare, "0.####")} on {cox.Score.DegreesOfFreedom} df, p = {Formats.PValue(cox.Score.PValue)}"), 1);
            foreach (var warning in cox.Warnings)
            {
                doc.Paragraph($"Warning: {warning.Message}", 1);
            }
        }

        return doc.Build();
    }
}
