using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Recist;

/// <summary>
/// Lesion input given as loose files (<c>oncotrial recist --lesions</c>): either the flat lesion CSV, or SDTM TU and
/// TR files (and optionally DM for RFSTDTC), each recognised by its header (TULNKID, TRLNKID, RFSTDTC, or the flat
/// file's columns).
/// </summary>
public static class LesionFiles
{
    /// <summary>The option the files come from, named in problems.</summary>
    public const string Option = "lesions";

    /// <summary>Recognises each file and reads the lesions; every problem is collected (missing, unrecognised, repeated kinds).</summary>
    /// <param name="paths">The files.</param>
    /// <param name="evaluator">With SDTM files: keep only records of this evaluator (TREVAL/TUEVAL); null keeps all.</param>
    public static LesionInput Read(IReadOnlyList<string> paths, string? evaluator = LesionReader.DefaultEvaluator)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<Problem>();
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            if (!File.Exists(path))
            {
                problems.Add(Problem.ForOption(Option, "FILE_MISSING", "an existing lesion file", "no file at " + Problem.Quote(path), "Check the path.") with { File = path });
                continue;
            }

            IReadOnlyList<string> header;
            using (var stream = File.OpenRead(path))
            {
                header = CsvTable.ReadHeader(stream);
            }

            string? kind = LesionReader.Recognise(header);
            if (kind is null)
            {
                problems.Add(new Problem(
                    path, 1, null, null, "LESION_FILE_UNKNOWN", "the header of SDTM TU (TULNKID), TR (TRLNKID), DM (RFSTDTC) or the flat lesion file (subject, lesion, role, location, date, result)",
                    Problem.Quote(string.Join(",", header)), "See docs/data-format.md."));
            }
            else if (!kinds.TryAdd(kind, path))
            {
                problems.Add(Problem.ForOption(Option, "LESION_FILE_TWICE", $"one {kind} file", $"a second one (the first is {kinds[kind]})", "Give one file of each kind.") with { File = path });
            }
        }

        if (problems.Count > 0)
        {
            return Empty(problems);
        }

        if (kinds.TryGetValue("LESIONS", out string? flat))
        {
            return kinds.Count > 1
                ? Empty([Problem.ForOption(Option, "LESION_FILES_MIXED", "either the flat lesion file alone or SDTM TU and TR files", "both kinds", "Give one kind of input.")])
                : LesionReader.ReadFlat(flat);
        }

        if (!kinds.TryGetValue("TU", out string? tu) || !kinds.TryGetValue("TR", out string? tr))
        {
            return Empty([Problem.ForOption(
                Option, "LESION_FILES_INCOMPLETE", "SDTM TU and TR files together (and optionally DM)", string.Join(", ", kinds.Keys.Order(StringComparer.Ordinal)),
                "Give both, e.g. --lesions tu.csv tr.csv dm.csv.")]);
        }

        return LesionReader.ReadSdtmFiles(tu, tr, kinds.GetValueOrDefault("DM"), evaluator);
    }

    private static LesionInput Empty(List<Problem> problems) => new([], new Dictionary<string, DateOnly>(StringComparer.Ordinal), problems);
}
