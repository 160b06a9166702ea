using System.CommandLine;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Cli;

/// <summary>
/// Builds the <c>oncotrial</c> command tree and runs it. Exit codes: 0 success, 1 problems found in valid input
/// (<c>validate</c>), 2 unusable input (each problem on its own line of standard error, never a stack trace),
/// 3 an unexpected internal error.
/// </summary>
public static class OncoTrialCommandLine
{
    /// <summary>Exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for an unexpected internal error.</summary>
    public const int InternalError = 3;

    /// <summary>Parses <paramref name="args"/>, runs the command, writes to the given writers.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand("OncoTrial: oncology trial statistics, from patient-level data to the paper's numbers.");
        root.Subcommands.Add(SurvivalCommand.Create(output, error));
        root.Subcommands.Add(ProportionCommand.Create(output, error));
        root.Subcommands.Add(RecistCommand.Create(output, error));
        root.Subcommands.Add(ConvertCommand.Create(output, error));
        root.Subcommands.Add(DeriveCommand.Create(output, error));
        root.Subcommands.Add(ValidateCommand.Create(output));
        root.Subcommands.Add(SafetyCommand.Create(output, error));
        root.Subcommands.Add(RegimenCommand.Create(output, error));
        root.Subcommands.Add(DesignCommand.Create(output, error));
        root.Subcommands.Add(SimulateCommand.Create(output, error));

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                error.WriteLine(e.Message);
            }

            error.WriteLine("Run 'oncotrial --help' or 'oncotrial <command> --help' for the options.");
            return BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CommandLineInputException ex)
        {
            foreach (var p in ex.Problems)
            {
                error.WriteLine(p);
            }

            return BadInput;
        }
        catch (DatasetFormatException ex)
        {
            error.WriteLine(ex.Message);
            return BadInput;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(StripParameterSuffix(ex.Message));
            return BadInput;
        }
        catch (IOException ex)
        {
            error.WriteLine(ex.Message);
            return BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine(ex.Message);
            return BadInput;
        }
#pragma warning disable CA1031 // The command line must never print a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine($"internal error ({ex.GetType().Name}): {ex.Message}. Please report it with the command you ran.");
            return InternalError;
        }
    }

    /// <summary>ArgumentException appends " (Parameter 'x')"; the message already names the argument.</summary>
    private static string StripParameterSuffix(string message)
    {
        int at = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}

/// <summary>Bad input found by a command: one message per problem.</summary>
internal sealed class CommandLineInputException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
