using OncoTrial.Statistics;

namespace OncoTrial.TestSupport;

/// <summary>Assertions on the problems that the options' <c>Validate</c> methods return, and on the exceptions built from them.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts that there is no problem (and prints them when there are).</summary>
    public static void Valid(IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Assert.True(problems.Count == 0, "expected no problem, found:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    /// <summary>Asserts exactly one problem, an error about <paramref name="option"/> with the code and the value found; returns it.</summary>
    public static Problem One(IReadOnlyList<Problem> problems, string option, string code, string found)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Assert.True(problems.Count == 1, $"expected one problem about --{option}, found {problems.Count}:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        Is(problems[0], option, code, found);
        return problems[0];
    }

    /// <summary>Asserts that the problem is an error about <paramref name="option"/> (a usage problem) with the code and the value found.</summary>
    public static void Is(Problem problem, string option, string code, string found)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Assert.Equal(option, problem.Option);
        Assert.Equal(code, problem.Code);
        Assert.Equal(found, problem.Found);
        Assert.Equal(ProblemKind.Usage, problem.Kind);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.StartsWith("--" + option + ": expected ", problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Asserts that the problems are about exactly these options, in this order.</summary>
    public static void Options(IReadOnlyList<Problem> problems, params string[] options)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Assert.Equal(options, problems.Select(p => p.Option));
    }

    /// <summary>
    /// Asserts that the exception's message is the problems' text, one per line (what follows, such as an
    /// <see cref="ArgumentException"/>'s " (Parameter 'x')", aside).
    /// </summary>
    public static void HasText(Exception exception, IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(problems);
        Assert.NotEmpty(problems);
        Assert.StartsWith(string.Join(Environment.NewLine, problems), exception.Message, StringComparison.Ordinal);
    }
}
