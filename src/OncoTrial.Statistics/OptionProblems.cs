using System.Globalization;

namespace OncoTrial.Statistics;

/// <summary>
/// Shared pieces of every options type's <c>Validate</c> method (Statistics, Clinical, Simulation): the two codes,
/// integer and number values, and the exceptions the throwing paths raise from the same problems (one per line, the
/// same text a front end prints).
/// </summary>
public static class OptionProblems
{
    /// <summary>A value outside its range.</summary>
    public const string Range = "OPTION_RANGE";

    /// <summary>Options that contradict each other.</summary>
    public const string Conflict = "OPTION_CONFLICT";

    /// <summary>An integer option outside its range (or, with <paramref name="code"/> <see cref="Conflict"/>, at odds with another).</summary>
    public static Problem WholeNumber(string option, string expected, long found, string fix = "", string code = Range) =>
        Problem.ForOption(option, code, expected, found.ToString(CultureInfo.InvariantCulture), fix);

    /// <summary>A number option outside its range.</summary>
    public static Problem Number(string option, string expected, double found, string fix = "") =>
        Problem.OptionRange(option, expected, found, fix);

    /// <summary>An enum option that is not a named member: "expected one of TOKENS, found N".</summary>
    public static Problem Undefined<T>(string option, T found)
        where T : struct, Enum =>
        Problem.ForOption(option, Range, "one of " + string.Join(", ", Vocabulary.Tokens<T>()), Convert.ToInt64(found, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), "Use a named member.");

    /// <summary>Adds <see cref="Undefined"/> when <paramref name="value"/> is not a named member; returns whether it is one.</summary>
    public static bool CheckDefined<T>(List<Problem> problems, string option, T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Enum.IsDefined(value))
        {
            return true;
        }

        problems.Add(Undefined(option, value));
        return false;
    }

    /// <summary>The problems, one per line.</summary>
    public static string Message(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return string.Join(Environment.NewLine, problems);
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first problem's option, when there is a problem.</summary>
    public static void ThrowIfAny(IReadOnlyList<Problem> problems, string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(paramName ?? problems[0].Option, Message(problems));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when there is a problem.</summary>
    public static void ThrowArgumentIfAny(IReadOnlyList<Problem> problems, string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(Message(problems), paramName);
        }
    }
}
