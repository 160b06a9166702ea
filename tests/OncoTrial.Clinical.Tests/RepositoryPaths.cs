using Xunit.Abstractions;

namespace OncoTrial.Clinical.Tests;

/// <summary>
/// The repository root (the folder with OncoTrial.slnx above the test output) and the real data sets kept outside
/// the repository in ../shared/data. A git worktree may sit deeper than the main checkout, so the nearest
/// shared/data in the root's parent or any folder above it is used. xunit 2 has no dynamic skip: a test that needs
/// the shared data calls <see cref="TrySharedData"/> and, when it is absent, writes why and returns.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Finds ../shared/data/<paramref name="sub"/> holding <paramref name="probeFile"/>; writes SKIPPED when absent.</summary>
    public static bool TrySharedData(string sub, string probeFile, ITestOutputHelper output, out string folder)
    {
        folder = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", sub));
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", sub);
            if (File.Exists(Path.Combine(candidate, probeFile)))
            {
                folder = candidate;
                return true;
            }
        }

        output.WriteLine($"SKIPPED: {probeFile} is not in {folder} (../shared/data/{sub} beside the repository); nothing was checked.");
        return false;
    }

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
