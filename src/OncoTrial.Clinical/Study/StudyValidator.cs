using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study.Rules;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study;

/// <summary>
/// Validates a study folder in one pass and reports every problem with file, line, data row, column, what was
/// expected, what was found and the fix. Never throws for bad content. The checks are the <see cref="Rules"/>, each
/// with a stable id that its problems carry (<see cref="Problem.RuleId"/>); docs/validation-rules.md lists them and
/// docs/data-format.md ("Validation") their codes.
/// </summary>
public static class StudyValidator
{
    /// <summary>
    /// Every rule, in id order: the file-level rules of loading (OT1001-OT1009) and the rules that check a loaded
    /// study. The RECIST rules use <see cref="Recist.RecistThresholds.Recist11"/>.
    /// </summary>
    public static IReadOnlyList<ValidationRule> Rules => RuleCatalogue.All;

    /// <summary>Validates the study folder or .zip at <paramref name="path"/>.</summary>
    /// <param name="path">The folder or .zip.</param>
    /// <param name="profile">The profile; null uses the one the study names in TS (VALPROF), else SDTM.</param>
    public static ValidationReport Validate(string path, ValidationProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Validate(StudyFolder.Load(path), profile);
    }

    /// <summary>Validates a study read from a source of named files (a folder, a .zip, files in memory).</summary>
    /// <param name="source">The files.</param>
    /// <param name="profile">The profile; null uses the one the study names in TS (VALPROF), else SDTM.</param>
    public static ValidationReport Validate(FileSource source, ValidationProfile? profile = null) => Validate(StudyFolder.Load(source), profile);

    /// <summary>
    /// Validates a loaded study against a profile: its reading problems and, when it is usable, every rule, each
    /// problem with the severity the profile gives its rule. Problems are sorted by file (folder first, then domain
    /// order), then line; problems of one line in the order found: those of loading, then those of single values
    /// (OT1010-OT1014, OT1017, OT3001, OT3002) in variable order, then the other rules in id order.
    /// </summary>
    /// <param name="study">A loaded study.</param>
    /// <param name="profile">The profile; null uses the one the study names in TS (VALPROF), else SDTM.</param>
    public static ValidationReport Validate(StudyFolder study, ValidationProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        profile ??= ValidationProfile.For(study);
        var problems = new List<Problem>(study.Problems);
        if (study.IsUsable)
        {
            var context = new RuleContext(study, profile: profile);
            problems.AddRange(ValueRule.FindAll(Rules.OfType<ValueRule>().ToList(), context));
            foreach (var rule in Rules.Where(r => r is not ValueRule))
            {
                problems.AddRange(rule.Find(context));
            }
        }

        var judged = problems.Select(p => p.RuleId is { } id && RuleCatalogue.ById.TryGetValue(id, out var rule) && profile.SeverityOf(rule) is var s && s != p.Severity ? p with { Severity = s } : p);
        return new ValidationReport(study.Name, Sort([.. judged]), study.IsUsable, profile.Name);
    }

    private static List<Problem> Sort(List<Problem> problems)
    {
        int FileOrder(string? file)
        {
            if (file is null or ".")
            {
                return -1;
            }

            for (int i = 0; i < DomainSpecs.All.Count; i++)
            {
                if (string.Equals(Path.GetFileNameWithoutExtension(file), DomainSpecs.All[i].Name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return DomainSpecs.All.Count;
        }

        return problems.Select((p, i) => (p, i))
            .OrderBy(t => FileOrder(t.p.File)).ThenBy(t => t.p.File, StringComparer.Ordinal).ThenBy(t => t.p.Line ?? 0).ThenBy(t => t.i)
            .Select(t => t.p).ToList();
    }
}
