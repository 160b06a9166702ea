using System.Diagnostics;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Study;
using OncoTrial.Reporting;
using OncoTrial.Reporting.Views;
using OncoTrial.Statistics;

namespace OncoTrial.Server;

/// <summary>
/// One build of the served page: load the study, validate it, and render its report, or the page of its problems
/// when it does not validate or cannot be read. Never throws: a bug while building is shown as an internal-error page
/// so that the server keeps serving and a later change can fix it.
/// </summary>
internal static class StudyPages
{
    public static ServedPage Build(string study, StudyAnalysisOptions options, int version)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var analysis = StudyAnalysis.Create(StudyFolder.Load(study), options);
            var validation = analysis.Validation;
            if (!validation.Passes)
            {
                return Problems(version, validation.Study, validation.Problems, watch);
            }

            string html = RenderReport(analysis);
            return new ServedPage(version, ServedPageKind.Report, html, validation.Problems, watch.Elapsed);
        }
        catch (ProblemException ex)
        {
            return Problems(version, study, ex.Problems, watch);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problem = Problem.InFile(study, "STUDY_UNREADABLE", "a study folder that can be read", Problem.Quote(ex.Message), "The page is rebuilt when the folder changes.");
            return Problems(version, study, [problem], watch);
        }
#pragma warning disable CA1031 // The server must keep serving: a bug in one build is shown on the page, not thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ServedPage(version, ServedPageKind.InternalError, ProblemsPage.InternalError(study, ex), [], watch.Elapsed);
        }
    }

    private static ServedPage Problems(int version, string study, IReadOnlyList<Problem> problems, Stopwatch watch)
    {
        var ordered = problems.OrderByDescending(p => p.Severity).ToList();
        return new ServedPage(version, ServedPageKind.Problems, ProblemsPage.Render(study, ordered), ordered, watch.Elapsed);
    }

    /// <summary>Placeholder until the report page lands: the safety summary as text.</summary>
    private static string RenderReport(StudyAnalysis analysis) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>Report</title></head><body><main id=\"report\"><pre>"
        + System.Net.WebUtility.HtmlEncode(TextRenderer.Render(SafetyReport.ToDocument(analysis.Safety)))
        + "</pre></main></body></html>\n";
}
