using System.Globalization;

namespace OncoTrial.Statistics.Design;

/// <summary>Invariant-culture formatting for the messages of the design classes.</summary>
internal static class DesignText
{
    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Throws one <see cref="ArgumentOutOfRangeException"/> listing every problem; named after the first.</summary>
    public static void ThrowIfAny(List<(string Name, string Message)> problems)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(problems[0].Name, string.Join(" ", problems.Select(p => p.Message)));
        }
    }

    public static void CheckProbability(List<(string Name, string Message)> problems, string name, double value, string hint)
    {
        if (!(value > 0 && value < 1))
        {
            problems.Add((name, Invariant($"{name}: expected a number strictly between 0 and 1, found {value}. {hint}")));
        }
    }
}
