using System.Diagnostics;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Study;
using OncoTrial.Reporting.Html;
using OncoTrial.Reporting.Report;
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

            string html = ReportHtml.Render(TrialReport.Create(analysis));
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
            return new ServedPage(version, ServedPageKind.InternalError, ErrorPage.Render(study, ex), [], watch.Elapsed);
        }
    }

    private static ServedPage Problems(int version, string study, IReadOnlyList<Problem> problems, Stopwatch watch)
    {
        var ordered = problems.OrderByDescending(p => p.Severity).ToList();
        string title = Path.GetFileName(Path.TrimEndingDirectorySeparator(study)) + ": the study does not validate";
        return new ServedPage(version, ServedPageKind.Problems, ReportHtml.RenderProblems(title, ordered), ordered, watch.Elapsed);
    }
}
