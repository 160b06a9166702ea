using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Tests.Adam;

/// <summary>Reads ADaM rows by key for assertions.</summary>
internal static class AdamRows
{
    public static int Row(Dataset d, string subject, string paramcd, int occurrence = 0)
    {
        var matches = Enumerable.Range(0, d.RowCount)
            .Where(i => d.Find("USUBJID")!.GetString(i) == subject && d.Find("PARAMCD")!.GetString(i) == paramcd).ToList();
        Assert.True(matches.Count > occurrence, $"{d.Name} has no row {occurrence} for {subject} {paramcd}.");
        return matches[occurrence];
    }

    public static int Count(Dataset d, string subject, string paramcd) =>
        Enumerable.Range(0, d.RowCount).Count(i => d.Find("USUBJID")!.GetString(i) == subject && d.Find("PARAMCD")!.GetString(i) == paramcd);

    /// <summary>The value as text: dates yyyy-MM-dd, numbers round-trip, missing empty.</summary>
    public static string V(Dataset d, int row, string column) => d.Find(column)!.Format(row);
}
