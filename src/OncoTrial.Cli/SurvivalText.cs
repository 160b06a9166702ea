using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>Renders a survival analysis as a plain-text report (invariant culture; NE for not estimable).</summary>
internal static class SurvivalText
{
    public static void Write(TextWriter o, SurvivalInvocation inv, SurvivalAnalysisResult result)
    {
        var km = result.Options.KaplanMeier;
        o.WriteLine($"Survival analysis of {inv.Input}: time = {inv.Columns.Time}, " +
                    (inv.Columns.Event is null ? $"censor = {inv.Columns.Censor} (0 = event)" : $"event = {inv.Columns.Event}") +
                    (inv.Columns.Where.Count == 0 ? string.Empty : $", where {string.Join(" and ", inv.Columns.Where)}") +
                    (inv.Columns.Group is null ? string.Empty : $", group = {inv.Columns.Group}") +
                    (inv.Columns.Strata is null ? string.Empty : $", strata = {inv.Columns.Strata}") +
                    (inv.Columns.Weight is null ? string.Empty : $", weight = {inv.Columns.Weight}"));
        o.WriteLine($"Kaplan-Meier with Greenwood SE; {km.Describe()}.");
        foreach (var g in result.Groups)
        {
            o.WriteLine();
            o.WriteLine(Inv($"Group {g.Group}: n = {g.Curve.N}, events = {g.Curve.Events}, censored = {g.Curve.N - g.Curve.Events}"));
            o.WriteLine("  Quantiles           Estimate       Lower       Upper");
            foreach (var q in g.Quantiles)
            {
                o.WriteLine(Inv($"  {Percent(q.P),-16} {Num(q.Estimate),11} {Num(q.Lower),11} {Num(q.Upper),11}"));
            }

            o.WriteLine(Inv($"  Median follow-up (reverse KM): {Num(g.FollowUp.Estimate)} ({Num(g.FollowUp.Lower)}, {Num(g.FollowUp.Upper)})"));
            if (g.Landmarks.Count > 0)
            {
                o.WriteLine("  Landmark      At risk   Survival    Std err      Lower      Upper");
                foreach (var lm in g.Landmarks)
                {
                    o.WriteLine(Inv($"  {Num(lm.Time),-12} {lm.AtRisk,8} {Prob(lm.Survival),10} {Prob(lm.StandardError),10} {Prob(lm.Lower),10} {Prob(lm.Upper),10}"));
                }
            }

            o.WriteLine("  Time          At risk   Events Censored   Survival    Std err      Lower      Upper");
            foreach (var s in g.Curve.Steps)
            {
                o.WriteLine(Inv($"  {Num(s.Time),-12} {s.AtRisk,8} {s.Events,8} {s.Censored,8} {Prob(s.Survival),10} {Prob(s.StandardError),10} {Prob(s.Lower),10} {Prob(s.Upper),10}"));
            }
        }

        if (result.LogRank is { } lr)
        {
            o.WriteLine();
            int groupWidth = Math.Max(16, result.Groups.Max(g => g.Group.Length));
            o.WriteLine($"Test of equality over groups ({lr.Options.Weighting}{(lr.StrataCount > 1 ? Inv($", stratified over {lr.StrataCount} strata") : string.Empty)}):");
            for (int i = 0; i < result.Groups.Count; i++)
            {
                o.WriteLine(Inv($"  {result.Groups[i].Group.PadRight(groupWidth)} observed {lr.Observed[i],10:0.####}  expected {lr.Expected[i],10:0.####}"));
            }

            o.WriteLine(Inv($"  Chi-square {lr.Test.ChiSquare:0.####} on {lr.Test.DegreesOfFreedom} df, p = {PValue(lr.Test.PValue)}"));
            foreach (var warning in lr.Warnings)
            {
                o.WriteLine($"  Warning: {warning.Message}");
            }
        }

        foreach (var warning in result.Warnings)
        {
            o.WriteLine();
            o.WriteLine($"Warning: {warning.Message}");
        }

        if (result.Cox is { } cox)
        {
            o.WriteLine();
            o.WriteLine(Inv($"Cox proportional hazards ({inv.Ties} ties, {cox.Options.ConfidenceLevel.Value * 100:0.###}% Wald CI), reference {result.Groups[0].Group}:"));
            int termWidth = Math.Max(16, cox.Terms.Max(t => t.Name.Length));
            o.WriteLine("  " + "Term".PadRight(termWidth) + "       Coef         SE         HR      Lower      Upper          p");
            foreach (var t in cox.Terms)
            {
                o.WriteLine(Inv($"  {t.Name.PadRight(termWidth)} {Fixed(t.Coefficient, "0.######"),10} {Fixed(t.StandardError, "0.######"),10} {Fixed(t.HazardRatio, "0.####"),10} {Fixed(t.Lower, "0.####"),10} {Fixed(t.Upper, "0.####"),10} {PValue(t.PValue),10}"));
            }

            o.WriteLine(Inv($"  Log-likelihood {cox.LogLikelihood:0.######} (null {cox.LogLikelihoodNull:0.######})"));
            o.WriteLine(Inv($"  Likelihood ratio {cox.LikelihoodRatio.ChiSquare:0.####} on {cox.LikelihoodRatio.DegreesOfFreedom} df, p = {PValue(cox.LikelihoodRatio.PValue)}"));
            o.WriteLine(Inv($"  Wald             {cox.Wald.ChiSquare:0.####} on {cox.Wald.DegreesOfFreedom} df, p = {PValue(cox.Wald.PValue)}"));
            o.WriteLine(Inv($"  Score            {cox.Score.ChiSquare:0.####} on {cox.Score.DegreesOfFreedom} df, p = {PValue(cox.Score.PValue)}"));
            foreach (var warning in cox.Warnings)
            {
                o.WriteLine($"  Warning: {warning.Message}");
            }
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Fixed(double v, string format) =>
        double.IsNaN(v) ? "NE" : double.IsPositiveInfinity(v) ? "Inf" : double.IsNegativeInfinity(v) ? "-Inf" : v.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double p) => Inv($"{p * 100:0.##}th percentile");

    private static string Num(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("0.####", CultureInfo.InvariantCulture) : "NE";

    private static string Prob(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("0.0000", CultureInfo.InvariantCulture) : "NE";

    private static string PValue(double p) =>
        double.IsNaN(p) ? "NE" : p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);
}
