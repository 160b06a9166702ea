using Xunit.Abstractions;

namespace OncoTrial.Clinical.Tests.Data.Xpt;

/// <summary>
/// Locates the repository root (the folder with OncoTrial.slnx) and the shared real data sets in ../shared/data,
/// which are kept outside the repository. A git worktree may sit deeper (e.g. /work/wt/xpt beside /work/main), so
/// the nearest shared/data in the root's parent or any folder above it is used. xunit 2 has no dynamic skip: a test that needs them calls
/// <see cref="TryGetPilotFolder"/> and, when the folder is absent, writes why to the test output and returns
/// (it then passes without checking anything).
/// </summary>
internal static class PilotData
{
    public static readonly string[] Files =
        ["adam-adae.xpt", "adam-adsl.xpt", "adam-adtte.xpt", "sdtm-ae.xpt", "sdtm-dm.xpt", "sdtm-ds.xpt", "sdtm-ex.xpt"];

    public static string RepositoryRoot { get; } = FindRoot();

    public static bool TryGetPilotFolder(ITestOutputHelper output, out string folder)
    {
        folder = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "cdiscpilot01"));
        for (var dir = Directory.GetParent(RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "cdiscpilot01");
            if (Directory.Exists(candidate))
            {
                folder = candidate;
                return true;
            }
        }

        output.WriteLine($"SKIPPED: the CDISC pilot XPT files are not at {folder} (../shared/data/cdiscpilot01 beside the repository); nothing was checked.");
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
