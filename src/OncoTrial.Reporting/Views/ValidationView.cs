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
            report.Profile,
            report.IsUsable,
            report.Passes,
            [.. problems.Select(ProblemJson.From)],
            new ValidationCountsJson(
                problems.Count,
                problems.Count(p => p.Severity == ProblemSeverity.Error),
                problems.Count(p => p.Severity == ProblemSeverity.Warning),
                problems.Count(p => p.Severity == ProblemSeverity.Note),
                report.CountsByCode,
                byRule));
    }

    /// <summary>
    /// One line per problem (warnings and notes prefixed as such), then a line with the counts and the profile, or a
    /// line saying the study is clean.
    /// </summary>
    public static Document ToDocument(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var doc = new DocumentBuilder("Validation of " + report.Study);
        string profile = Vocabulary.Token(report.Profile);
        if (report.IsClean)
        {
            doc.Paragraph($"{report.Study}: no problems found (profile {profile}).");
            return doc.Build();
        }

        foreach (var p in report.Problems)
        {
            doc.Paragraph(p.Severity switch
            {
                ProblemSeverity.Warning => "warning: " + p,
                ProblemSeverity.Note => "note: " + p,
                _ => p.ToString(),
            });
        }

        int Count(ProblemSeverity s) => report.Problems.Count(p => p.Severity == s);
        string Plural(int n, string word) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + word + (n == 1 ? string.Empty : "s");
        doc.Paragraph($"{Plural(Count(ProblemSeverity.Error), "error")}, {Plural(Count(ProblemSeverity.Warning), "warning")}, {Plural(Count(ProblemSeverity.Note), "note")} (profile {profile}): {(report.Passes ? "passes, only errors fail" : "fails")}.");
        return doc.Build();
    }
}
