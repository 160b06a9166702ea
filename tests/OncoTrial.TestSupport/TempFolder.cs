namespace OncoTrial.TestSupport;

/// <summary>A fresh folder under the system temporary folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder; <paramref name="prefix"/> starts its name.</summary>
    public TempFolder(string prefix = "oncotrial-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a text file (UTF-8, no BOM) into the folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        string path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Copies every file of <paramref name="source"/> (not its subfolders) into a new temporary folder.</summary>
    public static TempFolder CopyOf(string source, string searchPattern = "*")
    {
        var folder = new TempFolder("oncotrial-copy");
        foreach (string file in Directory.GetFiles(source, searchPattern))
        {
            System.IO.File.Copy(file, folder.File(System.IO.Path.GetFileName(file)));
        }

        return folder;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
