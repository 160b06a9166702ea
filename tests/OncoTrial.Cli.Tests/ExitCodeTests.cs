using System.CommandLine;
using OncoTrial.Statistics;

namespace OncoTrial.Cli.Tests;

/// <summary>The one table of exit codes: usage 2, invalid data 1, internal error 70 (a bug, never shown as bad input).</summary>
public class ExitCodeTests
{
    private static (int ExitCode, string Output, string Error) RunThrowing(Exception exception, params string[] extraArgs)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int rc = OncoTrialCommandLine.Run(
            ["boom", .. extraArgs],
            output,
            error,
            _ =>
            {
                var command = new Command("boom");
                command.SetAction((Func<ParseResult, int>)(_ => throw exception));
                return command;
            });
        return (rc, output.ToString(), error.ToString());
    }

    [Fact]
    public void An_ArgumentException_from_a_library_is_an_internal_error_not_bad_input()
    {
        var (rc, output, error) = RunThrowing(new ArgumentException("index must be >= 0", "index"));
        Assert.Equal(70, rc);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("internal error (ArgumentException): index must be >= 0", error, StringComparison.Ordinal);
        Assert.Contains("This is a bug in OncoTrial, not a problem with your input. Please report it", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stack_trace_is_printed_only_with_verbose()
    {
        var (rc, _, error) = RunThrowing(new InvalidOperationException("unexpected"), "--verbose");
        Assert.Equal(70, rc);
        Assert.Contains("System.InvalidOperationException: unexpected", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_with_an_option_is_a_usage_error_and_one_with_data_is_invalid_data()
    {
        Assert.Equal(2, RunThrowing(new ProblemException(Problem.ForOption("n", "OPTION_RANGE", "n >= 1", "0"))).ExitCode);
        Assert.Equal(1, RunThrowing(new ProblemException(Problem.InFile("dm.csv", "VALUE_MISSING", "a value", "an empty field", "Fill it in."))).ExitCode);
        Assert.Equal(2, RunThrowing(new ProblemException([Problem.InFile("dm.csv", "X", "a", "b", string.Empty), Problem.ForOption("n", "Y", "a", "b")])).ExitCode);
    }

    [Fact]
    public void Problems_are_printed_one_per_line_with_warnings_marked()
    {
        var (_, _, error) = RunThrowing(new ProblemException([
            Problem.InFile("ae.csv", "A", "x", "y", "Fix it."),
            new Problem("ae.csv", 3, 2, "AETERM", "B", "x", "y", "Look.", ProblemSeverity.Warning),
        ]));
        Assert.Equal("ae.csv: expected x, found y. Fix it.\nwarning: ae.csv, line 3 (data row 2), column AETERM: expected x, found y. Look.\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_file_the_system_cannot_read_is_invalid_data_with_the_reason()
    {
        var (rc, _, error) = RunThrowing(new UnauthorizedAccessException("Access to the path '/x' is denied."));
        Assert.Equal(1, rc);
        Assert.StartsWith("could not read or write a file: Access to the path '/x' is denied.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error() => Assert.Equal(2, CliRunner.Run("survival", "--no-such-option").ExitCode);
}
