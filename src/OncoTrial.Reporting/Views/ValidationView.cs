using OncoTrial.Clinical.Study;
using OncoTrial.Reporting.Contracts;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Views;

/// <summary>A <see cref="ValidationReport"/> as text and JSON.</summary>
public static class ValidationView
{
    /// <summary>The JSON contract.</summary>
    public static ValidationJson ToJson(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var problems = report.Problems;
        var byRule = problems.Where(p => p.RuleId is not null).GroupBy(p => p.RuleId!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ValidationJson(
            report.Study,
            report.IsUsable,
            [.. problems.Select(ProblemJson.From)],
            new ValidationCountsJson(
                problems.Count,
                problems.Count(p => p.Severity == ProblemSeverity.Error),
                problems.Count(p => p.Severity == ProblemSeverity.Warning),
                problems.Count(p => p.Severity == ProblemSeverity.Note),
                report.CountsByCode,
                byRule));
    }

    /// <summary>One line per problem, or a line saying the study is clean.</summary>
    public static Document ToDocument(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var doc = new DocumentBuilder("Validation of " + report.Study);
        if (report.IsClean)
        {
            doc.Paragraph($"{report.Study}: no problems found.");
        }

        foreach (var p in report.Problems)
        {
            doc.Paragraph(p.ToString());
        }

        return doc.Build();
    }
}
