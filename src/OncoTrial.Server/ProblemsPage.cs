using System.Globalization;
using System.Net;
using System.Text;
using OncoTrial.Statistics;

namespace OncoTrial.Server;

/// <summary>
/// The page served instead of a stale report: the study's problems (severity, rule id, the message with file, line,
/// column, expected, found and the fix), errors first; or a bug's message. Self-contained like the report: inline
/// CSS, no script of its own, no network.
/// </summary>
internal static class ProblemsPage
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#222}"
        + "h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #ddd}"
        + "td.severity{font-weight:bold;white-space:nowrap}tr.error td.severity{color:#b00020}tr.warning td.severity{color:#8a5a00}tr.note td.severity{color:#555}"
        + ".scroll{overflow-x:auto}";

    /// <summary>The problems page; <paramref name="problems"/> in the order shown.</summary>
    public static string Render(string study, IReadOnlyList<Problem> problems)
    {
        int Count(ProblemSeverity s) => problems.Count(p => p.Severity == s);
        var html = Open("Validation problems: " + Path.GetFileName(Path.TrimEndingDirectorySeparator(study)));
        html.Append("<main id=\"validation-problems\"><h1>The study does not validate</h1><p id=\"validation-summary\">")
            .Append(Encode(study)).Append(": ")
            .Append(Plural(Count(ProblemSeverity.Error), "error")).Append(", ")
            .Append(Plural(Count(ProblemSeverity.Warning), "warning")).Append(", ")
            .Append(Plural(Count(ProblemSeverity.Note), "note"))
            .Append(". The report comes back when the errors are fixed; this page follows the study folder.</p>")
            .Append("<div class=\"scroll\"><table id=\"table-validation-problems\"><thead><tr><th>severity</th><th>rule</th><th>problem</th></tr></thead><tbody>");
        foreach (var p in problems)
        {
            string severity = Vocabulary.Token(p.Severity);
            html.Append("<tr class=\"").Append(severity).Append("\"><td class=\"severity\">").Append(severity)
                .Append("</td><td class=\"rule\">").Append(Encode(p.RuleId ?? p.Code))
                .Append("</td><td class=\"message\">").Append(Encode(p.ToString())).Append("</td></tr>");
        }

        html.Append("</tbody></table></div></main>");
        return Close(html);
    }

    /// <summary>The page of a bug met while building the report.</summary>
    public static string InternalError(string study, Exception error)
    {
        var html = Open("Internal error");
        html.Append("<main id=\"internal-error\"><h1>Internal error</h1><p>Building the report of ").Append(Encode(study))
            .Append(" failed on a bug in OncoTrial, not on a problem with the study. Please report it with the study that shows it.</p><pre>")
            .Append(Encode(error.ToString())).Append("</pre></main>");
        return Close(html);
    }

    private static StringBuilder Open(string title) =>
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<link rel=\"icon\" href=\"data:,\"><title>").Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body>");

    private static string Close(StringBuilder html) => html.Append("</body></html>\n").ToString();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Plural(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? string.Empty : "s");
}
