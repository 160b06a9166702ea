using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical;

/// <summary>
/// Shared pieces of the options' <c>Validate</c> methods: the two codes, integer values and the exceptions the
/// throwing paths raise from the same problems (one per line, the same text a front end prints).
/// </summary>
internal static class OptionProblems
{
    /// <summary>A value outside its range.</summary>
    public const string Range = "OPTION_RANGE";

    /// <summary>Options that contradict each other.</summary>
    public const string Conflict = "OPTION_CONFLICT";

    /// <summary>An integer option outside its range (or, with <paramref name="code"/> <see cref="Conflict"/>, at odds with another).</summary>
    public static Problem Integer(string option, string expected, long found, string fix = "", string code = Range) =>
        Problem.ForOption(option, code, expected, found.ToString(CultureInfo.InvariantCulture), fix);

    /// <summary>A number option outside its range.</summary>
    public static Problem Number(string option, string expected, double found, string fix = "") =>
        Problem.OptionRange(option, expected, found, fix);

    /// <summary>Adds "expected one of TOKENS, found N" when <paramref name="value"/> is not a named member of its enum.</summary>
    public static void CheckDefined<T>(List<Problem> problems, string option, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add(Problem.ForOption(
                option, Range, "one of " + string.Join(", ", Vocabulary.Tokens<T>()), Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), "Use a named member."));
        }
    }

    /// <summary>The problems, one per line.</summary>
    public static string Message(IEnumerable<Problem> problems) => string.Join(Environment.NewLine, problems);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> (named <paramref name="paramName"/>) when there is a problem.</summary>
    public static void ThrowIfAny(IReadOnlyList<Problem> problems, string paramName)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(paramName, Message(problems));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> (named <paramref name="paramName"/>) when there is a problem.</summary>
    public static void ThrowArgumentIfAny(IReadOnlyList<Problem> problems, string paramName)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException(Message(problems), paramName);
        }
    }
}
