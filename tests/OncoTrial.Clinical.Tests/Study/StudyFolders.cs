namespace OncoTrial.Clinical.Tests.Study;

/// <summary>Where the committed study folders live.</summary>
internal static class StudyFolders
{
    public static string RepositoryRoot => RepositoryPaths.Root;

    public static string Root => Path.Combine(RepositoryRoot, "tests", "OncoTrial.Clinical.Tests", "Study", "studies");

    public static string ValidMinimal => Path.Combine(Root, "valid-minimal");

    public static string Broken(string name) => Path.Combine(Root, "broken", name);

    /// <summary>Copies a study folder into a fresh temporary folder, which the caller deletes.</summary>
    public static string CopyToTemp(string source)
    {
        string dir = Path.Combine(Path.GetTempPath(), "oncotrial-study-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (string file in Directory.GetFiles(source, "*.csv"))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        return dir;
    }
}
