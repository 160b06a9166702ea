namespace OncoTrial.TestSupport;

/// <summary>
/// Golden files: rendered output compared with a committed <c>NAME.verified.EXT</c>. On a mismatch the new output
/// is written to <c>NAME.received.EXT</c> beside it (git-ignored) so the difference can be reviewed and accepted by
/// renaming. Line endings are normalised to LF; the repository root is replaced by nothing so paths are relative.
/// </summary>
public static class Golden
{
    /// <summary>Compares <paramref name="actual"/> with <paramref name="verifiedPath"/> (a path ending in .verified.EXT).</summary>
    public static void Verify(string verifiedPath, string actual)
    {
        ArgumentNullException.ThrowIfNull(verifiedPath);
        ArgumentNullException.ThrowIfNull(actual);
        string received = ReceivedPath(verifiedPath);
        string normalised = Normalise(actual);
        string expected = File.Exists(verifiedPath) ? Normalise(File.ReadAllText(verifiedPath)) : string.Empty;
        if (expected == normalised)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, normalised);
        Assert.Fail(File.Exists(verifiedPath)
            ? $"Output differs from {verifiedPath}; the new output is in {received}. Review it and rename it to accept."
            : $"{verifiedPath} does not exist; the new output is in {received}. Review it and rename it to accept.");
    }

    /// <summary>Compares with <c>FOLDER/NAME.verified.EXT</c>.</summary>
    public static void Verify(string folder, string name, string extension, string actual) =>
        Verify(Path.Combine(folder, $"{name}.verified.{extension}"), actual);

    /// <summary>LF line endings and paths relative to the repository root.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace(RepositoryPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
    }

    private static string ReceivedPath(string verifiedPath)
    {
        const string Marker = ".verified.";
        int at = verifiedPath.LastIndexOf(Marker, StringComparison.Ordinal);
        return at >= 0
            ? string.Concat(verifiedPath.AsSpan(0, at), ".received.", verifiedPath.AsSpan(at + Marker.Length))
            : Path.ChangeExtension(verifiedPath, ".received" + Path.GetExtension(verifiedPath));
    }
}
