using OncoTrial.Clinical.Analyses;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Tables;

/// <summary>
/// Every table of the report (issue 13's Tables section) from a study's results, numbered in order: Table 1 baseline
/// characteristics, Table 2 tumour response, Table 3 adverse events, then deaths, exposure and compliance, the efficacy
/// summary and one subgroup table per endpoint. A table the study cannot give (no response data, no ADTTE) is left out
/// and the numbers close up. Each table's <see cref="ReportTable.Id"/> becomes <c>table-N-name</c> and its title
/// "Table N. ...".
/// </summary>
public static class TrialTables
{
    /// <summary>The tables, numbered.</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public static IReadOnlyList<ReportTable> Create(TrialResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var tables = new List<ReportTable?>
        {
            BaselineTable.Create(results),
            ResponseTable.Create(results),
            AdverseEventTable.Create(results),
            DeathTable.Create(results),
            ExposureTable.Create(results),
            EfficacyTable.Create(results),
        };
        tables.AddRange(results.Subgroups.Select(s => SubgroupTable.Create(results, s)));
        return [.. tables.OfType<ReportTable>().Select((t, i) => Number(t, i + 1))];
    }

    /// <summary>The tables as one document, a page each (for DOCX and RTF), titled <paramref name="title"/>.</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public static Document ToDocument(TrialResults results, string title = "Tables")
    {
        var tables = Create(results);
        var doc = new DocumentBuilder(title);
        for (int i = 0; i < tables.Count; i++)
        {
            if (i > 0)
            {
                doc.PageBreak();
            }

            doc.Table(tables[i]);
        }

        return doc.Build();
    }

    /// <summary>A table with its number: id <c>table-N-id</c>, title "Table N. title".</summary>
    public static ReportTable Number(ReportTable table, int number)
    {
        ArgumentNullException.ThrowIfNull(table);
        string n = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return table with
        {
            Id = "table-" + n + (table.Id is { } id ? "-" + id : string.Empty),
            Title = "Table " + n + "." + (table.Title is { } t ? " " + t : string.Empty),
        };
    }
}
