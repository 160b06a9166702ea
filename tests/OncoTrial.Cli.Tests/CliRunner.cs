namespace OncoTrial.Cli.Tests;

/// <summary>Runs the command line in-process and normalises its output for golden files.</summary>
internal static class CliRunner
{
    public static string RepositoryRoot => RepositoryPaths.Root;

    private static string GoldenFolder => RepositoryPaths.File("tests", "OncoTrial.Cli.Tests", "Golden");

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int rc = OncoTrialCommandLine.Run(args, output, error);
        return (rc, Golden.Normalise(output.ToString()), Golden.Normalise(error.ToString()));
    }

    public static string DataFile(string name) => RepositoryPaths.DataFile(name);

    /// <summary>The JSON text without whitespace, for assertions on a prefix of the output.</summary>
    public static string Compact(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            doc.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Compares <paramref name="actual"/> with tests/OncoTrial.Cli.Tests/Golden/NAME.verified.EXT.</summary>
    public static void Verify(string name, string extension, string actual) => Golden.Verify(GoldenFolder, name, extension, actual);
}
