using System.Globalization;
using System.Text;

namespace OncoTrial.Clinical.Safety;

/// <summary>
/// The paper's Table 3 layout from an <see cref="AeSummary"/>: one row per category, frequent term and grouped term;
/// columns all-cause any grade, all-cause grade ≥ 3, treatment-related any grade, treatment-related grade ≥ 3; cells
/// "n (%)" with N the safety set. Plain text and CSV; the reporting project renders the rest.
/// </summary>
public static class AeTable
{
    /// <summary>The table's rows: (section, label, four cells).</summary>
    public static IReadOnlyList<(string Section, string Label, string[] Cells)> Rows(AeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var o = summary.Options;
        int n = summary.N;
        var rows = new List<(string, string, string[])>();
        void Add(string section, AeCountRow all, AeCountRow rel) =>
            rows.Add((section, all.Label, [o.FormatCount(all.AnyGrade.Count, n), o.FormatCount(all.Grade3OrWorse.Count, n), o.FormatCount(rel.AnyGrade.Count, n), o.FormatCount(rel.Grade3OrWorse.Count, n)]));

        var a = summary.AllCause;
        var r = summary.Related;
        Add("Overall", a.Any, r.Any);
        Add("Overall", a.LeadingToDiscontinuation, r.LeadingToDiscontinuation);
        Add("Overall", a.LeadingToDoseReduction, r.LeadingToDoseReduction);
        Add("Overall", a.ImmuneRelated, r.ImmuneRelated);
        Add("Overall", a.Serious, r.Serious);
        Add("Overall", a.Fatal, r.Fatal);
        string frequent = "Frequent events (>=" + o.FrequencyThresholdPercent.ToString(CultureInfo.InvariantCulture) + "%)";
        foreach (string term in summary.FrequentTerms)
        {
            Add(frequent, a.Term(term), r.Term(term));
        }

        for (int i = 0; i < a.Groups.Count; i++)
        {
            Add("Grouped terms", a.Groups[i], r.Groups[i]);
        }

        return rows;
    }

    /// <summary>Plain text, fixed-width columns, "\n" line ends.</summary>
    public static string RenderText(AeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = Rows(summary);
        string nText = summary.N.ToString(CultureInfo.InvariantCulture);
        string[] header = ["", "Any grade", "Grade >=3", "Any grade", "Grade >=3"];
        int w0 = Math.Max(34, rows.Max(x => x.Label.Length + 4));
        int w = 12;
        var sb = new StringBuilder();
        sb.Append("Adverse events and treatment-related adverse events (safety set, N = ").Append(nText).Append(")\n");
        sb.Append(new string(' ', w0)).Append("Adverse events".PadRight(2 * w)).Append("Treatment-related\n");
        sb.Append(string.Concat(header.Select((h, i) => i == 0 ? h.PadRight(w0) : h.PadRight(w))).TrimEnd()).Append('\n');
        string? section = null;
        foreach (var (sec, label, cells) in rows)
        {
            if (sec != section && sec != "Overall")
            {
                sb.Append(sec).Append('\n');
            }

            section = sec;
            string indent = sec == "Overall" ? string.Empty : "  ";
            sb.Append((indent + label).PadRight(w0)).Append(string.Concat(cells.Select(c => c.PadRight(w))).TrimEnd()).Append('\n');
        }

        sb.Append("Data are n (%) of subjects, each counted once per row at the worst grade; N = subjects with at least one dose.\n");
        sb.Append(summary.Options.Describe()).Append('\n');
        return sb.ToString();
    }

    /// <summary>CSV (RFC 4180, "\n" line ends): section, term, the four cells, the counts and the denominator.</summary>
    public static string RenderCsv(AeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var sb = new StringBuilder("section,term,ae_any,ae_grade3plus,trae_any,trae_grade3plus,n\n");
        foreach (var (sec, label, cells) in Rows(summary))
        {
            sb.Append(Csv(sec)).Append(',').Append(Csv(label));
            foreach (string c in cells)
            {
                sb.Append(',').Append(Csv(c));
            }

            sb.Append(',').Append(summary.N.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
