using OncoTrial.Reporting.Figures;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Views;

/// <summary>The unit of the times of a survival data set, as <c>--time-unit</c> spells it.</summary>
public enum SurvivalTimeUnit
{
    /// <summary>Days (ADaM ADTTE AVAL): plotted in months, days / 30.4375 (the paper's and SAS's convention).</summary>
    Days,

    /// <summary>Months: plotted as they are.</summary>
    Months,
}

/// <summary>
/// The Kaplan-Meier figure of a <see cref="SurvivalAnalysisResult"/> (what survminer's <c>ggsurvplot</c> draws with a
/// risk table): one curve per group with censor marks, the median and the landmarks of the analysis, the hazard ratio
/// and log-rank p with two groups, and the numbers at risk under the ticks.
/// </summary>
public static class SurvivalFigure
{
    /// <summary>Days per month (365.25 / 12).</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>Builds the figure.</summary>
    /// <param name="source">The data set and columns (the title names them).</param>
    /// <param name="result">The analysis.</param>
    /// <param name="unit">The unit of the data's times; days are plotted as months.</param>
    /// <returns>The figure, id <c>km</c>.</returns>
    public static Figure Create(SurvivalDataSource source, SurvivalAnalysisResult result, SurvivalTimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(result);
        double scale = unit == SurvivalTimeUnit.Days ? 1 / DaysPerMonth : 1;
        bool single = result.Groups.Count == 1;
        var curves = result.Groups.Select(g => new SurvivalCurveInput(
            single ? "All subjects" : g.Group,
            [.. g.Curve.Steps.Select(s => new SurvivalCurvePoint(s.Time * scale, s.AtRisk, s.Events, s.Censored, s.Survival, s.Lower, s.Upper))],
            g.Quantiles.FirstOrDefault(q => q.P == 0.5) is { } m ? new IntervalEstimate(m.Estimate * scale, m.Lower * scale, m.Upper * scale) : null,
            [.. g.Landmarks.Where(l => l.Survival is not null).Select(l => new SurvivalLandmarkInput(l.Time * scale, new IntervalEstimate(l.Survival, l.Lower, l.Upper)))])).ToList();

        HazardRatioInput? hazard = null;
        if (result.Groups.Count == 2 && result.Cox is { Terms.Count: 1 } fit)
        {
            var t = fit.Terms[0];
            hazard = new HazardRatioInput($"{result.Groups[1].Group} vs {result.Groups[0].Group}", new IntervalEstimate(t.HazardRatio, t.Lower, t.Upper), result.LogRank?.Test.PValue);
        }

        var km = result.Options.KaplanMeier;
        double last = curves.SelectMany(c => c.Points).Select(p => p.Time).DefaultIfEmpty(0).Max();
        var ticks = Ticks.Nice(0, Math.Max(last, 1), 8);
        var options = new KaplanMeierFigureOptions
        {
            TimeTitle = unit == SurvivalTimeUnit.Days ? $"{source.Columns.Time} (months = days / 30.4375)" : $"{source.Columns.Time} (months)",
            SurvivalTitle = "Survival (%)",
            IntervalLabel = Tables.TableParts.Level(km.ConfidenceLevel) + " CI",
            TimeStep = ticks.Count > 1 ? ticks[1] - ticks[0] : null,
            ShowConfidenceBand = true,
        };
        string filter = source.Columns.Where.Count == 0 ? string.Empty : $" ({string.Join(", ", source.Columns.Where.Select(w => w.ToString()))})";
        return KaplanMeierFigure.Create("km", $"Kaplan-Meier: {Path.GetFileName(source.Input)}{filter}", curves, hazard, options);
    }
}
