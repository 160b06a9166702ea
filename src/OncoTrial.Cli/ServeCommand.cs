using System.CommandLine;
using System.Runtime.InteropServices;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Safety;
using OncoTrial.ReferenceCohort;
using OncoTrial.Server;
using OncoTrial.Statistics;

namespace OncoTrial.Cli;

/// <summary>
/// <c>oncotrial serve [--study DIR] [--port N] [--ae-threshold 20]</c>: the study's report page on http://127.0.0.1:PORT/, rebuilt when a
/// file of the study changes (the study's problems instead of the report while it does not validate), until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var study = new Option<string?>("--study") { Description = StudyArgument.Description + " Its files are watched: a change re-runs the analysis. Default: the built-in reference cohort, written to a folder under the temporary directory (edit its files to see the report change), with the paper's analysis options." };
        var port = new Option<int>("--port") { Description = $"TCP port on 127.0.0.1 (0: any free port; the URL is printed). Default {ReportServerOptions.DefaultPort}.", DefaultValueFactory = _ => ReportServerOptions.DefaultPort };
        var threshold = new Option<decimal>("--ae-threshold") { Description = "AE terms listed in Table 3 when their any-grade frequency is at least this percentage (the paper: 20), as in report.", DefaultValueFactory = _ => SafetyOptions.Default.FrequencyThresholdPercent };
        var command = new Command("serve", "Serves the study's report on 127.0.0.1 only and re-runs the analysis when a file of the study folder changes; a study that stops validating shows its validation problems instead of a stale report. Ctrl+C stops it.")
        {
            study, port, threshold,
        };

        command.SetAction(parse =>
        {
            string? path = parse.GetValue(study);
            var analysis = StudyArgument.OptionsFor(path, parse.GetValue(threshold));
            ProblemException.ThrowIfAnyError(analysis.Safety.Validate());
            if (path is null)
            {
                path = Path.Combine(Path.GetTempPath(), "oncotrial-" + SyntheticCohort.BuiltInName);
                SyntheticCohort.BuiltIn.WriteTo(path, ".csv");
                cli.Error.WriteLine($"The built-in reference cohort is in {path}.");
            }

            return Run(cli, new ReportServerOptions { Study = path, Port = parse.GetValue(port), Analysis = analysis }).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> Run(CliContext cli, ReportServerOptions options)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await using var server = await ReportServer.StartAsync(options, stop.Token).ConfigureAwait(false);
            server.PageBuilt += (_, e) => cli.Error.WriteLine(e.Page.Describe());
            cli.Error.WriteLine(server.Page.Describe());
            cli.Output.WriteLine($"Serving the report of {options.Study} at {server.Address} (127.0.0.1 only); Ctrl+C stops.");
            cli.Output.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await server.StopAsync().ConfigureAwait(false);
            cli.Output.WriteLine("stopped.");
            return ExitCodes.Success;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
