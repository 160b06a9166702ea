using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Recist;

/// <summary>
/// Who assessed a TU, TR or RS record: --EVAL (INVESTIGATOR, INDEPENDENT ASSESSOR) and, for one of several assessors of
/// the same kind, --EVALID (RADIOLOGIST 1, RADIOLOGIST 2). An evaluator option selects the records whose --EVAL or
/// --EVALID equals it (case-insensitive); a record with neither column filled in belongs to every evaluator.
/// </summary>
internal static class Evaluators
{
    /// <summary>True when the record is kept for <paramref name="wanted"/> (null keeps every record).</summary>
    public static bool Matches(string eval, string evalId, string? wanted) =>
        wanted is null
        || (eval.Length == 0 && evalId.Length == 0)
        || string.Equals(eval, wanted, StringComparison.OrdinalIgnoreCase)
        || string.Equals(evalId, wanted, StringComparison.OrdinalIgnoreCase);

    /// <summary>The evaluator's name in messages: "INVESTIGATOR", or "INDEPENDENT ASSESSOR / RADIOLOGIST 1".</summary>
    public static string Label(string eval, string evalId) =>
        evalId.Length == 0 ? (eval.Length == 0 ? "(none)" : eval) : (eval.Length == 0 ? evalId : eval + " / " + evalId);

    /// <summary>
    /// An error when the kept records of a table belong to more than one evaluator (EVAL, EVALID): their results would be
    /// mixed (two readers' T01 are two lesions). Null when they belong to one.
    /// </summary>
    public static Problem? CheckSingle(CsvTable table, IEnumerable<CsvRecord> kept, string prefix, string? wanted)
    {
        int eval = table.IndexOf(prefix + "EVAL");
        int evalId = table.IndexOf(prefix + "EVALID");
        var seen = new SortedDictionary<string, CsvRecord>(StringComparer.Ordinal);
        foreach (var r in kept)
        {
            string e = eval >= 0 ? r.Fields[eval].Trim() : string.Empty;
            string id = evalId >= 0 ? r.Fields[evalId].Trim() : string.Empty;
            if (e.Length > 0 || id.Length > 0)
            {
                seen.TryAdd(Label(e.ToUpperInvariant(), id.ToUpperInvariant()), r);
            }
        }

        if (seen.Count <= 1)
        {
            return null;
        }

        var first = seen.Values.First();
        string example = seen.Keys.Select(k => k.Split(" / ")[^1]).First();
        return new Problem(
            table.Source, first.Line, first.Row, prefix + (evalId >= 0 ? "EVALID" : "EVAL"), "EVALUATOR_AMBIGUOUS",
            wanted is null ? "the records of one evaluator" : $"the records of one evaluator for {Problem.Quote(wanted)}",
            string.Create(CultureInfo.InvariantCulture, $"{seen.Count} evaluators: {string.Join(", ", seen.Keys)}"),
            $"Choose one with --evaluator (its {prefix}EVAL or {prefix}EVALID), e.g. --evaluator \"{example}\".");
    }
}
