namespace OncoTrial.Cli;

/// <summary>Entry point of <c>oncotrial</c>.</summary>
public static class Program
{
    /// <summary>Runs the command line against the console.</summary>
    public static int Main(string[] args) => OncoTrialCommandLine.Run(args, Console.Out, Console.Error);
}
