using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OncoTrial.Reporting.Figures;
using OncoTrial.Reporting.Html.Components;
using OncoTrial.Reporting.Report;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Html;

/// <summary>
/// The report as one self-contained web page: Razor components (<see cref="ReportPage"/>) rendered to a string by
/// <see cref="HtmlRenderer"/>, with the figures as inline SVG, the style sheet and the drill-down script inline, and no
/// reference to anything outside the file. The same report gives the same text on any machine and in any culture.
/// </summary>
public static class ReportHtml
{
    /// <summary>The page of a report, with each figure's SVG from <see cref="SvgWriter.Write(Figure)"/>.</summary>
    /// <param name="report">The report.</param>
    public static string Render(TrialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Render(report, report.Figures.ToDictionary(f => f.Id, f => SvgWriter.Write(f.Figure), StringComparer.Ordinal));
    }

    /// <summary>The page of a report with the figures' SVG already written (by id).</summary>
    /// <param name="report">The report.</param>
    /// <param name="svgs">The SVG of every figure of <paramref name="report"/>, by figure id.</param>
    public static string Render(TrialReport report, IReadOnlyDictionary<string, string> svgs)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(svgs);
        return RenderComponent<ReportPage>(new Dictionary<string, object?> { [nameof(ReportPage.Report)] = report, [nameof(ReportPage.Svgs)] = svgs });
    }

    /// <summary>A page listing the problems that stop a report (a study that does not validate), errors first.</summary>
    /// <param name="title">The page's title.</param>
    /// <param name="problems">The problems.</param>
    public static string RenderProblems(string title, IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(problems);
        IReadOnlyList<Problem> ordered = [.. problems.OrderByDescending(p => p.Severity)];
        return RenderComponent<ProblemsPage>(new Dictionary<string, object?> { [nameof(ProblemsPage.Title)] = title, [nameof(ProblemsPage.Problems)] = ordered });
    }

    private static string RenderComponent<T>(Dictionary<string, object?> parameters)
        where T : IComponent
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        string html = renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters)).ConfigureAwait(false);
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();
        return html.Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
