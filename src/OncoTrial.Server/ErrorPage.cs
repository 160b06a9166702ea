using System.Net;

namespace OncoTrial.Server;

/// <summary>The page served when building the report met a bug: what happened, to be reported. Inline style, no script.</summary>
internal static class ErrorPage
{
    public static string Render(string study, Exception error) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<link rel=\"icon\" href=\"data:,\"><title>Internal error</title><style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem}pre{white-space:pre-wrap}</style></head>"
        + "<body><main id=\"internal-error\"><h1>Internal error</h1><p>Building the report of " + WebUtility.HtmlEncode(study)
        + " failed on a bug in OncoTrial, not on a problem with the study. Please report it with the study that shows it. The page is built again when a file of the study changes.</p><pre>"
        + WebUtility.HtmlEncode(error.ToString()) + "</pre></main></body></html>\n";
}
