using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Simulation;

/// <summary>The settings of a simulation run that are not part of its scenario: the number of trials and of threads.</summary>
public static class SimulationRun
{
    /// <summary>
    /// Every problem with the run settings (empty when valid): at least 1 trial (option <c>trials</c>) and, when given,
    /// at least 1 thread (option <c>threads</c>), e.g. "--trials: expected at least 1, found 0.".
    /// </summary>
    /// <param name="trials">Simulated trials.</param>
    /// <param name="maxThreads">Most threads, or null for every core.</param>
    public static IReadOnlyList<Problem> Validate(long trials, int? maxThreads)
    {
        var problems = new List<Problem>();
        if (trials < 1)
        {
            problems.Add(Problem.ForOption("trials", ScenarioProblems.Range, "at least 1", trials.ToString(CultureInfo.InvariantCulture)));
        }

        if (maxThreads is int threads && threads < 1)
        {
            problems.Add(Problem.ForOption("threads", ScenarioProblems.Range, "at least 1", threads.ToString(CultureInfo.InvariantCulture)));
        }

        return problems.AsReadOnly();
    }
}

/// <summary>The codes and the formatting the scenarios' problems share.</summary>
internal static class ScenarioProblems
{
    /// <summary>A value outside its range.</summary>
    public const string Range = "OPTION_RANGE";

    /// <summary>Values that contradict each other.</summary>
    public const string Conflict = "OPTION_CONFLICT";

    /// <summary>A problem whose found value is formatted invariantly.</summary>
    public static Problem Option(string option, string expected, FormattableString found, string code = Range, string fix = "") =>
        Problem.ForOption(option, code, expected, found.ToString(CultureInfo.InvariantCulture), fix);
}
