namespace OncoTrial.Cli.Tests;

/// <summary>Runs the command line in-process and normalises its output for golden files.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int rc = OncoTrialCommandLine.Run(args, output, error);
        return (rc, Normalise(output.ToString()), Normalise(error.ToString()));
    }

    public static string DataFile(string name) => Path.Combine(RepositoryRoot, "data", name);

    /// <summary>
    /// The file ../shared/data/<paramref name="relativePath"/> beside the repository (the nearest shared/data above the
    /// root, since a git worktree may sit deeper), or null when the real data kept outside the repository is absent.
    /// </summary>
    public static string? SharedDataFile(string relativePath)
    {
        for (var dir = Directory.GetParent(RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with tests/OncoTrial.Cli.Tests/Golden/NAME.verified.EXT; on a mismatch
    /// writes NAME.received.EXT beside it (git-ignored) so the difference can be inspected and accepted.
    /// </summary>
    public static void Verify(string name, string extension, string actual)
    {
        string dir = Path.Combine(RepositoryRoot, "tests", "OncoTrial.Cli.Tests", "Golden");
        string verified = Path.Combine(dir, $"{name}.verified.{extension}");
        string received = Path.Combine(dir, $"{name}.received.{extension}");
        string expected = File.Exists(verified) ? Normalise(File.ReadAllText(verified)) : string.Empty;
        if (expected == actual)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"Output differs from {verified}; the new output is in {received}. Review it and rename it to accept.");
    }

    private static string Normalise(string s) =>
        s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(RepositoryRoot + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OncoTrial.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Could not find OncoTrial.slnx above the test output folder.");
    }
}
