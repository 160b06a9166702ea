using System.Collections.ObjectModel;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study;

/// <summary>The outcome of validating a study folder: every problem found, in file order.</summary>
public sealed class ValidationReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="study">The folder validated, as given.</param>
    /// <param name="problems">Every problem, in file order.</param>
    /// <param name="isUsable">False when the input cannot be analysed at all.</param>
    /// <param name="profile">The profile the study was checked against.</param>
    public ValidationReport(string study, IEnumerable<Problem> problems, bool isUsable, ValidationProfileName profile = ValidationProfileName.Sdtm)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Study = study;
        Problems = new ReadOnlyCollection<Problem>(problems.ToList());
        IsUsable = isUsable;
        Profile = profile;
    }

    /// <summary>The profile the study was checked against.</summary>
    public ValidationProfileName Profile { get; }

    /// <summary>True when no problem is an error: the study passes (warnings and notes may remain).</summary>
    public bool Passes => IsUsable && Problems.All(p => p.Severity != ProblemSeverity.Error);

    /// <summary>The folder validated, as given.</summary>
    public string Study { get; }

    /// <summary>Every problem, in the order found (folder, then each file in domain order, then cross-file checks).</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>False when the input cannot be analysed at all (folder missing, DM missing or unreadable).</summary>
    public bool IsUsable { get; }

    /// <summary>The worst severity found, or null when the study is clean.</summary>
    public ProblemSeverity? Severity => Problems.Count == 0 ? null : Problems.Max(p => p.Severity);

    /// <summary>True when no problem was found.</summary>
    public bool IsClean => Problems.Count == 0;

    /// <summary>Number of problems per code, codes in ordinal order.</summary>
    public IReadOnlyDictionary<string, int> CountsByCode =>
        Problems.GroupBy(p => p.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
