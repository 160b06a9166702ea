using System.Globalization;
using System.Text.RegularExpressions;

namespace OncoTrial.Clinical.Data;

/// <summary>
/// SAS display formats as XPT stores them (name, width, decimals) and the logical type a format gives a numeric
/// variable: date formats make a <see cref="DatasetValueType.Date"/>, date-time formats a
/// <see cref="DatasetValueType.DateTime"/>, time formats a <see cref="DatasetValueType.Time"/>.
/// </summary>
internal static partial class SasFormats
{
    private static readonly HashSet<string> DateTimeNames = new(StringComparer.Ordinal)
    {
        "DATETIME", "DATEAMPM", "DTDATE", "DTMONYY", "DTWKDATX", "DTYEAR", "DTYYQC", "MDYAMPM", "NLDATM",
        "E8601DT", "B8601DT", "IS8601DT", "E8601DZ", "B8601DZ", "IS8601DZ", "E8601DN", "B8601DN", "E8601LZ", "B8601LZ",
    };

    private static readonly HashSet<string> TimeNames = new(StringComparer.Ordinal)
    {
        "TIME", "TIMEAMPM", "HHMM", "HOUR", "MMSS", "TOD", "E8601TM", "B8601TM", "IS8601TM", "E8601TZ", "B8601TZ", "IS8601TZ",
        "E8601LX", "B8601LX",
    };

    private static readonly HashSet<string> DateNames = new(StringComparer.Ordinal)
    {
        "DATE", "DAY", "YYMON", "MONYY", "MONNAME", "MONTH", "WEEKDATE", "WEEKDATX", "WEEKDAY", "WORDDATE", "WORDDATX",
        "YEAR", "JULIAN", "JULDAY", "QTR", "DOWNAME", "E8601DA", "B8601DA", "IS8601DA", "NENGO", "MINGUO", "NLDATE",
    };

    // Families with separator/width suffixes: DDMMYYD, MMDDYYS, YYMMDDN, YYQC, EURDFDE...
    private static readonly string[] DatePrefixes = ["DDMMYY", "MMDDYY", "YYMMDD", "YYMM", "MMYY", "YYQ", "EURDF", "NLDATE"];

    /// <summary>The logical type of a numeric variable with this format name (upper case, no width).</summary>
    public static DatasetValueType NumericTypeOf(string formatName)
    {
        if (formatName.Length == 0)
        {
            return DatasetValueType.Double;
        }

        if (DateTimeNames.Contains(formatName))
        {
            return DatasetValueType.DateTime;
        }

        if (TimeNames.Contains(formatName))
        {
            return DatasetValueType.Time;
        }

        if (DateNames.Contains(formatName))
        {
            return DatasetValueType.Date;
        }

        foreach (string prefix in DatePrefixes)
        {
            if (formatName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return DatasetValueType.Date;
            }
        }

        return DatasetValueType.Double;
    }

    /// <summary>The display text of a stored format: "DATE9.", "8.2", "$CHAR20.", "BEST."; null when none.</summary>
    public static string? Compose(string name, int width, int decimals)
    {
        if (name.Length == 0 && width == 0 && decimals == 0)
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{name}{(width > 0 ? width.ToString(CultureInfo.InvariantCulture) : string.Empty)}.{(decimals > 0 ? decimals.ToString(CultureInfo.InvariantCulture) : string.Empty)}");
    }

    /// <summary>Splits "DATE9." into ("DATE", 9, 0), "8.2" into ("", 8, 2), "$CHAR20." into ("$CHAR", 20, 0).</summary>
    public static bool TryParse(string format, out string name, out int width, out int decimals)
    {
        name = string.Empty;
        width = 0;
        decimals = 0;
        Match m = FormatPattern().Match(format);
        if (!m.Success)
        {
            return false;
        }

        name = m.Groups["name"].Value.ToUpperInvariant();
        return (m.Groups["w"].Length == 0 || int.TryParse(m.Groups["w"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out width))
            && (m.Groups["d"].Length == 0 || int.TryParse(m.Groups["d"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out decimals))
            && width <= short.MaxValue && decimals <= short.MaxValue;
    }

    [GeneratedRegex(@"^(?<name>\$?(?:[A-Za-z_][A-Za-z0-9_]*?)?)(?<w>[0-9]*)\.(?<d>[0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FormatPattern();
}
