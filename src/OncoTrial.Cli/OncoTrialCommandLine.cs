using System.CommandLine;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>
/// Builds the <c>oncotrial</c> command tree and runs it. Every command parses its options, calls the libraries and
/// hands the result to a Reporting renderer. Bad input of every kind arrives here as <see cref="Problem"/>s and becomes
/// an exit code in one place (<see cref="ExitCodes"/>): usage 2, invalid data 1; anything else is a bug, reported as
/// an internal error (70) without a stack trace unless <c>--verbose</c>.
/// </summary>
public static class OncoTrialCommandLine
{
    /// <summary>Parses <paramref name="args"/>, runs the command, writes to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, extra: null);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with extra commands (tests).</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, Func<CliContext, Command>? extra)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var verbose = new Option<bool>("--verbose") { Description = "On an internal error, print the stack trace.", Recursive = true };
        var cli = new CliContext(output, error);
        var root = new RootCommand("OncoTrial: oncology trial statistics, from patient-level data to the paper's numbers.") { verbose };
        root.Subcommands.Add(SurvivalCommand.Create(cli));
        root.Subcommands.Add(ProportionCommand.Create(cli));
        root.Subcommands.Add(RecistCommand.Create(cli));
        root.Subcommands.Add(ConvertCommand.Create(cli));
        root.Subcommands.Add(DeriveCommand.Create(cli));
        root.Subcommands.Add(ValidateCommand.Create(cli));
        root.Subcommands.Add(SafetyCommand.Create(cli));
        root.Subcommands.Add(RegimenCommand.Create(cli));
        root.Subcommands.Add(DesignCommand.Create(cli));
        root.Subcommands.Add(SimulateCommand.Create(cli));
        root.Subcommands.Add(ReferenceCohortCommand.Create(cli));
        root.Subcommands.Add(ReproduceCommand.Create(cli));
        root.Subcommands.Add(ReportCommand.Create(cli));
        root.Subcommands.Add(ServeCommand.Create(cli));
        if (extra is not null)
        {
            root.Subcommands.Add(extra(cli));
        }

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                error.WriteLine(e.Message);
            }

            error.WriteLine("Run 'oncotrial --help' or 'oncotrial <command> --help' for the options.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ProblemException ex)
        {
            cli.WriteProblems(ex.Problems);
            return ExitCodes.For(ex.Problems) is var code && code != ExitCodes.Success ? code : ExitCodes.InvalidData;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"could not read or write a file: {ex.Message} Check the path, the permissions and the free space.");
            return ExitCodes.InvalidData;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("cancelled; no results.");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The command line must never crash: anything else is a bug, reported as one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine($"internal error ({ex.GetType().Name}): {ex.Message}");
            error.WriteLine("This is a bug in OncoTrial, not a problem with your input. Please report it with the command you ran" + (parsed.GetValue(verbose) ? " and the trace below." : " (add --verbose for the stack trace)."));
            if (parsed.GetValue(verbose))
            {
                error.WriteLine(ex.ToString());
            }

            return ExitCodes.InternalError;
        }
    }
}
