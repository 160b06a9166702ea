using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Adam;

/// <summary>
/// The loading problems (<see cref="StudyFolder.Problems"/>) that concern a derivation: those of the folder itself and
/// of the files of the domains it reads. A missing file (FILE_MISSING) or column (COLUMN_MISSING) is left to the
/// derivation, which knows whether it needs it: a study need not have the domains or the Expected and Permissible
/// variables another output reads.
/// </summary>
internal static class LoadProblems
{
    public static IReadOnlyList<Problem> Of(StudyFolder study, IEnumerable<string> domains)
    {
        var files = domains.Select(study.FileNameOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. study.Problems.Where(p => p.Code is not ("FILE_MISSING" or "COLUMN_MISSING") && (p.File is null or "." || files.Contains(p.File)))];
    }
}
