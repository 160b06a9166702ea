using System.Text;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Adam;

/// <summary>Column builders shared by the ADaM writers: XPT-safe lengths and the DATE9. format.</summary>
internal static class AdamColumns
{
    public static DatasetColumn Text(string name, string label, string?[] values)
    {
        int length = 1;
        foreach (var v in values)
        {
            length = Math.Max(length, Encoding.UTF8.GetByteCount(v ?? string.Empty));
        }

        return DatasetColumn.Character(name, label, values).WithLengthAndFormat(length, null);
    }

    public static DatasetColumn Date(string name, string label, double[] values) =>
        DatasetColumn.Numeric(name, label, DatasetValueType.Date, values).WithLengthAndFormat(8, "DATE9.");

    public static DatasetColumn Integer(string name, string label, double[] values) =>
        DatasetColumn.Numeric(name, label, DatasetValueType.Integer, values);

    public static DatasetColumn Double(string name, string label, double[] values) =>
        DatasetColumn.Numeric(name, label, DatasetValueType.Double, values);

    public static double SasDate(DateOnly? date) => date is { } d ? SasDates.FromDate(d) : double.NaN;

    public static double Number(double? value) => value ?? double.NaN;

    public static string? Flag(bool value) => value ? "Y" : null;
}

/// <summary>ADaM study-day arithmetic.</summary>
public static class StudyDays
{
    /// <summary>
    /// The ADaM relative day of <paramref name="date"/> from <paramref name="reference"/>: date − reference + 1 on or after
    /// the reference date, date − reference before it (there is no day 0), as admiral's <c>derive_vars_dy()</c>.
    /// </summary>
    public static int Compute(DateOnly date, DateOnly reference)
    {
        int diff = date.DayNumber - reference.DayNumber;
        return diff >= 0 ? diff + 1 : diff;
    }
}
