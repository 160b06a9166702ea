namespace OncoTrial.TestSupport;

/// <summary>
/// The repository root (the folder with OncoTrial.slnx above the test output) and the real data sets kept outside
/// the repository in ../shared/data. A git worktree may sit deeper than the main checkout, so the nearest
/// shared/data in the root's parent or any folder above it is used.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the repository, from parts relative to its root.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The shipped sample data file <c>data/NAME</c>.</summary>
    public static string DataFile(string name) => File("data", name);

    /// <summary>
    /// The folder ../shared/data/<paramref name="sub"/> when it holds <paramref name="probeFile"/>, or null when the
    /// real data kept outside the repository are absent.
    /// </summary>
    public static string? FindSharedData(string sub, string probeFile)
    {
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", sub);
            if (System.IO.File.Exists(Path.Combine(candidate, probeFile)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The folder ../shared/data/<paramref name="sub"/>; when it (or <paramref name="probeFile"/> in it) is absent the
    /// test is reported as skipped, never as passed.
    /// </summary>
    public static string RequireSharedData(string sub, string probeFile)
    {
        string? folder = FindSharedData(sub, probeFile);
        if (folder is not null)
        {
            return folder;
        }

        Assert.Skip($"../shared/data/{sub}/{probeFile} is not beside the repository ({Root}); this test needs the real data kept outside it.");
        return string.Empty; // not reached: Assert.Skip throws

    }

    /// <summary>The file ../shared/data/<paramref name="relativePath"/>, or a skip when it is absent.</summary>
    public static string RequireSharedFile(string relativePath)
    {
        string sub = Path.GetDirectoryName(relativePath) ?? string.Empty;
        return Path.Combine(RequireSharedData(sub, Path.GetFileName(relativePath)), Path.GetFileName(relativePath));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "OncoTrial.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Could not find OncoTrial.slnx above the test output folder.");
    }
}
