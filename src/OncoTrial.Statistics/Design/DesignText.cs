using System.Globalization;

namespace OncoTrial.Statistics.Design;

/// <summary>Invariant-culture formatting and the shared option checks of the design classes.</summary>
internal static class DesignText
{
    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds "--NAME: expected a number strictly between 0 and 1, found V. HINT" unless 0 &lt; value &lt; 1.</summary>
    public static void CheckProbability(List<Problem> problems, string option, double value, string hint)
    {
        if (!(value > 0 && value < 1))
        {
            problems.Add(Problem.OptionRange(option, "a number strictly between 0 and 1", value, hint));
        }
    }
}
