using System.Globalization;

namespace OncoTrial.Server;

/// <summary>
/// The few lines of script the server adds to a page it serves (never to report.html on disk): every second the page
/// asks <see cref="ReportServer.VersionPath"/> for the build number and reloads itself when it is not its own. A
/// failed poll (the server stopped) waits longer and says nothing.
/// </summary>
internal static class LiveReload
{
    public static string Inject(ServedPage page)
    {
        string script = "<script>/* oncotrial serve: reload when the study changes */(function(){var v=\""
            + page.Version.ToString(CultureInfo.InvariantCulture)
            + "\";function poll(d){setTimeout(function(){fetch(\"" + ReportServer.VersionPath
            + "\",{cache:\"no-store\"}).then(function(r){return r.text();}).then(function(t){if(t!==v){location.reload();}else{poll(1000);}},function(){poll(5000);});},d);}poll(1000);})();</script>";
        int body = page.Html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return body < 0 ? page.Html + script : string.Concat(page.Html.AsSpan(0, body), script, page.Html.AsSpan(body));
    }
}
