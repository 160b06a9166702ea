using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Recist;

/// <summary>Time-point responses read from a file, one entry per subject, with every problem found.</summary>
/// <param name="Subjects">The subjects in file order, each with its reference date and responses.</param>
/// <param name="Problems">Errors (the file cannot be used until they are fixed).</param>
public sealed record TimePointInput(IReadOnlyList<SubjectResponses> Subjects, IReadOnlyList<Problem> Problems)
{
    /// <summary>True when a problem is an error.</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>
/// Reads the time-point file of <c>oncotrial recist --timepoints</c> (docs/data-format.md): CSV with the columns
/// <c>subject</c>, <c>ref_date</c> (day 0), <c>date</c> and <c>response</c> (CR, PR, SD, NON-CR/NON-PD, PD, NE, ND),
/// in any order, through the one CSV reader (<see cref="CsvTable"/>): quoted headers and values, a value holding a
/// comma, a byte-order mark and CRLF line ends are all read as CSV defines them. Every problem is collected in one
/// pass.
/// </summary>
public static class TimePointReader
{
    /// <summary>The columns the file must have.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["subject", "ref_date", "date", "response"];

    /// <summary>Reads a time-point file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static TimePointInput Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads time points from a stream; <paramref name="source"/> names it in problems.</summary>
    public static TimePointInput Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (table, problems) = CsvTable.Read(stream, source);
        return FromTable(table, [.. problems]);
    }

    private static TimePointInput FromTable(CsvTable table, List<Problem> problems)
    {
        foreach (string column in Columns.Where(c => table.IndexOf(c) < 0))
        {
            problems.Add(new Problem(table.Source, 1, null, column, "COLUMN_MISSING", $"a column {column}", "no such column", "Name the columns subject, ref_date, date and response in the header."));
        }

        if (problems.Count > 0)
        {
            return new TimePointInput([], problems);
        }

        int iSubject = table.IndexOf("subject"), iRef = table.IndexOf("ref_date"), iDate = table.IndexOf("date"), iResponse = table.IndexOf("response");
        var bySubject = new Dictionary<string, (DateOnly Reference, List<DatedResponse> Responses)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var record in table.Records)
        {
            Problem At(string column, string expected, string found, string fix) =>
                new(table.Source, record.Line, record.Row, column, "TIMEPOINT_VALUE", expected, Problem.Quote(found), fix);
            string subject = record.Fields[iSubject].Trim();
            string refText = record.Fields[iRef].Trim(), dateText = record.Fields[iDate].Trim(), responseText = record.Fields[iResponse].Trim();
            bool ok = true;
            if (subject.Length == 0)
            {
                problems.Add(At("subject", "a subject identifier", subject, "Fill in the subject."));
                ok = false;
            }

            if (!DateOnly.TryParseExact(refText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reference))
            {
                problems.Add(At("ref_date", "a date YYYY-MM-DD", refText, "Write the reference date (day 0) as ISO 8601, e.g. 2024-01-02."));
                ok = false;
            }

            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(At("date", "a date YYYY-MM-DD", dateText, "Write the assessment date as ISO 8601, e.g. 2024-02-13."));
                ok = false;
            }

            if (!OverallResponseCodes.TryParse(responseText, out var response))
            {
                problems.Add(At("response", "one of CR, PR, SD, NON-CR/NON-PD, PD, NE, ND", responseText, "Write the RECIST 1.1 overall response code."));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (!bySubject.TryGetValue(subject, out var s))
            {
                s = (reference, []);
                bySubject[subject] = s;
                order.Add(subject);
            }
            else if (s.Reference != reference)
            {
                problems.Add(new Problem(
                    table.Source, record.Line, record.Row, "ref_date", "TIMEPOINT_REFERENCE_TWICE", string.Create(CultureInfo.InvariantCulture, $"one reference date per subject ({s.Reference:yyyy-MM-dd} for {subject})"), Problem.Quote(refText), "Give each subject one reference date."));
                continue;
            }

            s.Responses.Add(new DatedResponse(date, response));
        }

        return new TimePointInput([.. order.Select(o => new SubjectResponses(o, bySubject[o].Reference, bySubject[o].Responses))], problems);
    }
}
