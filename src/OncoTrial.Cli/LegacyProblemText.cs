using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>
/// The layout in which some commands printed a library's option problems before the libraries returned
/// <see cref="Problem"/>s: without the leading dashes and all on one line, joined by a space (what the library's
/// <see cref="ArgumentException"/> message was). Kept only so that the output of <c>proportion</c>, <c>design</c> and
/// <c>regimen schedule</c> stays byte-identical until the command line is rewritten to print <see cref="Problem.ToString"/>.
/// </summary>
internal static class LegacyProblemText
{
    /// <summary>"NAME: expected X, found Y. FIX NAME2: …" for problems about options.</summary>
    public static string Join(IEnumerable<Problem> problems) =>
        string.Join(" ", problems.Select(p => p.ToString() is var text && text.StartsWith("--", StringComparison.Ordinal) ? text[2..] : text));

    /// <summary>
    /// The cycle-count problems of <c>TreatmentSchedule.Validate</c> as <c>regimen schedule</c> printed them: "PHASE
    /// cycles: expected X, found Y." with the phase's name in lower case, on one line.
    /// </summary>
    public static string Cycles(IEnumerable<Problem> problems, Func<Problem, string> phaseName) =>
        string.Join(" ", problems.Select(p => $"{phaseName(p).ToLowerInvariant()} cycles: expected {p.Expected}, found {p.Found}."));

    /// <summary>Throws the problems as one <see cref="CommandLineInputException"/> line in that layout, when there are any.</summary>
    public static void ThrowIfAny(IReadOnlyList<Problem> problems)
    {
        if (problems.Count > 0)
        {
            throw new CommandLineInputException([Join(problems)]);
        }
    }
}
