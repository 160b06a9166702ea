using System.Reflection;

namespace OncoTrial.Reporting.Html;

/// <summary>The page's style sheet and script, embedded in the assembly (Assets/report.css, Assets/report.js) and inlined in every page.</summary>
internal static class ReportAssets
{
    /// <summary>The style sheet (screen, phone and print).</summary>
    public static string Css { get; } = Read("OncoTrial.Reporting.Html.report.css");

    /// <summary>The drill-down script: a click (or Enter, Space) on a cell with subjects shows them in a dialog.</summary>
    public static string Script { get; } = Read("OncoTrial.Reporting.Html.report.js");

    private static string Read(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is not embedded in {typeof(ReportAssets).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
