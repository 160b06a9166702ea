using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Recist;

/// <summary>
/// Lesion input given as loose files (<c>oncotrial recist --lesions</c>): either the flat lesion CSV, or SDTM TU and
/// TR files (and optionally DM for RFSTDTC), each recognised by its header (TULNKID, TRLNKID, RFSTDTC, or the flat
/// file's columns). The files come from a <see cref="FileSource"/>, so they may be on disk or in memory.
/// </summary>
public static class LesionFiles
{
    /// <summary>The option the files come from, named in problems.</summary>
    public const string Option = "lesions";

    /// <summary>Reads the lesion files at <paramref name="paths"/>; a path that names no file is a problem.</summary>
    /// <param name="paths">The files.</param>
    /// <param name="evaluator">With SDTM files: keep only records of this evaluator (TREVAL/TUEVAL); null keeps all.</param>
    public static LesionInput Read(IReadOnlyList<string> paths, string? evaluator = LesionReader.DefaultEvaluator)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var missing = paths.Where(p => !File.Exists(p))
            .Select(p => Problem.ForOption(Option, "FILE_MISSING", "an existing lesion file", "no file at " + Problem.Quote(p), "Check the path.") with { File = p })
            .ToList();
        if (missing.Count > 0)
        {
            return Empty(missing);
        }

        using var source = FileSource.FromFiles("--lesions", paths);
        return Read(source, evaluator, name => paths.First(p => string.Equals(Path.GetFileName(p), name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Recognises each file of <paramref name="source"/> and reads the lesions; every problem is collected: unrecognised files and repeated kinds stop the reading, CSV and value problems of the recognised files are reported together.</summary>
    /// <param name="source">The files.</param>
    /// <param name="evaluator">With SDTM files: keep only records of this evaluator (TREVAL/TUEVAL); null keeps all.</param>
    public static LesionInput Read(FileSource source, string? evaluator = LesionReader.DefaultEvaluator) => Read(source, evaluator, name => name);

    private static LesionInput Read(FileSource source, string? evaluator, Func<string, string> displayName)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<Problem>();
        var unusable = new List<Problem>();
        var tables = new Dictionary<string, CsvTable>(StringComparer.Ordinal);
        foreach (string name in source.FileNames)
        {
            string shown = displayName(name);
            CsvTable table;
            using (var stream = source.Open(name))
            {
                var (read, csvProblems) = CsvTable.Read(stream, shown);
                table = read;
                problems.AddRange(csvProblems);
            }

            string? kind = LesionReader.Recognise(table.Columns);
            if (kind is null)
            {
                unusable.Add(new Problem(
                    shown, 1, null, null, "LESION_FILE_UNKNOWN", "the header of SDTM TU (TULNKID), TR (TRLNKID), DM (RFSTDTC) or the flat lesion file (subject, lesion, role, location, date, result)",
                    Problem.Quote(string.Join(",", table.Columns)), "See docs/data-format.md."));
            }
            else if (!tables.TryAdd(kind, table))
            {
                unusable.Add(Problem.ForOption(Option, "LESION_FILE_TWICE", $"one {kind} file", $"a second one (the first is {tables[kind].Source})", "Give one file of each kind.") with { File = shown });
            }
        }

        if (unusable.Count > 0)
        {
            return Empty(unusable);
        }

        if (tables.TryGetValue("LESIONS", out var flat))
        {
            return tables.Count > 1
                ? Empty([Problem.ForOption(Option, "LESION_FILES_MIXED", "either the flat lesion file alone or SDTM TU and TR files", "both kinds", "Give one kind of input.")])
                : LesionReader.ReadFlat(flat, problems);
        }

        if (!tables.TryGetValue("TU", out var tu) || !tables.TryGetValue("TR", out var tr))
        {
            return Empty([Problem.ForOption(
                Option, "LESION_FILES_INCOMPLETE", "SDTM TU and TR files together (and optionally DM)", string.Join(", ", tables.Keys.Order(StringComparer.Ordinal)),
                "Give both, e.g. --lesions tu.csv tr.csv dm.csv.")]);
        }

        return LesionReader.ReadSdtm(tu, tr, tables.GetValueOrDefault("DM"), evaluator, DateImputation.Last, problems);
    }

    private static LesionInput Empty(List<Problem> problems) => new([], new Dictionary<string, DateOnly>(StringComparer.Ordinal), problems);
}
