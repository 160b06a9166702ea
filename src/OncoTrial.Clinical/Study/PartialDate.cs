using System.Globalization;

namespace OncoTrial.Clinical.Study;

/// <summary>How much of an ISO 8601 date a <see cref="PartialDate"/> holds.</summary>
public enum DatePrecision
{
    /// <summary>YYYY.</summary>
    Year,

    /// <summary>YYYY-MM.</summary>
    Month,

    /// <summary>YYYY-MM-DD.</summary>
    Day,

    /// <summary>YYYY-MM-DDThh:mm or YYYY-MM-DDThh:mm:ss.</summary>
    Time,
}

/// <summary>Why a text is not a <see cref="PartialDate"/>.</summary>
public enum PartialDateStatus
{
    /// <summary>The text is a valid SDTM date.</summary>
    Valid,

    /// <summary>The text is empty or not in an ISO 8601 form that SDTM allows (e.g. "01/02/2023", "N/A").</summary>
    Malformed,

    /// <summary>The form is right but the date does not exist (month 13, 2023-02-30, hour 24).</summary>
    Impossible,
}

/// <summary>
/// An SDTM --DTC value: an ISO 8601 date that may be partial (YYYY, YYYY-MM, YYYY-MM-DD) with an optional time
/// (Thh:mm or Thh:mm:ss, only after a complete date). Not a <see cref="DateOnly"/>: "2023-05" is the whole of May,
/// and two partial dates are ordered only when their spans do not overlap (<see cref="TryCompare"/>).
/// </summary>
/// <remarks>
/// SDTMIG 3.4 §4.4.7 also allows forms with a missing middle component ("2003---15") and time zones; those are
/// rejected here as <see cref="PartialDateStatus.Malformed"/> until a study needs them.
/// </remarks>
public readonly record struct PartialDate
{
    private PartialDate(int year, int? month, int? day, TimeOnly? time, bool hasSeconds)
    {
        Year = year;
        Month = month;
        Day = day;
        Time = time;
        HasSeconds = hasSeconds;
    }

    /// <summary>The year, 1..9999.</summary>
    public int Year { get; }

    /// <summary>The month 1..12, or null when only the year is known.</summary>
    public int? Month { get; }

    /// <summary>The day of the month, or null when unknown.</summary>
    public int? Day { get; }

    /// <summary>The time of day, or null when not collected.</summary>
    public TimeOnly? Time { get; }

    /// <summary>Whether the time was given with seconds (so <see cref="ToString"/> writes them back).</summary>
    public bool HasSeconds { get; }

    /// <summary>How much of the date is known.</summary>
    public DatePrecision Precision =>
        Time is not null ? DatePrecision.Time : Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>True when the day is known (the date is a calendar date).</summary>
    public bool IsCompleteDate => Day is not null;

    /// <summary>The first calendar day the value can mean (2023-05 → 2023-05-01).</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last calendar day the value can mean (2023-05 → 2023-05-31).</summary>
    public DateOnly Latest
    {
        get
        {
            int month = Month ?? 12;
            return new DateOnly(Year, month, Day ?? DateTime.DaysInMonth(Year, month));
        }
    }

    /// <summary>Creates a date; components must be given from the left (no day without a month).</summary>
    /// <param name="year">1..9999.</param>
    /// <param name="month">1..12, or null.</param>
    /// <param name="day">1..days in the month, or null (must be null when <paramref name="month"/> is).</param>
    /// <param name="time">Time of day; only with a complete date.</param>
    /// <exception cref="ArgumentOutOfRangeException">A component is out of range or the date does not exist.</exception>
    public static PartialDate Create(int year, int? month = null, int? day = null, TimeOnly? time = null)
    {
        if (!TryCreate(year, month, day, time, time is { Second: not 0 }, out var value, out string? problem))
        {
            throw new ArgumentOutOfRangeException(nameof(year), problem);
        }

        return value;
    }

    /// <summary>Parses an SDTM date.</summary>
    /// <exception cref="FormatException">The text is not an SDTM date, or the date does not exist.</exception>
    public static PartialDate Parse(string text)
    {
        if (!TryParse(text, out var value, out var status))
        {
            throw new FormatException(status == PartialDateStatus.Impossible
                ? $"Expected a date that exists, found \"{text}\"."
                : $"Expected an ISO 8601 date YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss], found \"{text}\".");
        }

        return value;
    }

    /// <summary>Parses an SDTM date; see <see cref="TryParse(string?, out PartialDate, out PartialDateStatus)"/>.</summary>
    public static bool TryParse(string? text, out PartialDate value) => TryParse(text, out value, out _);

    /// <summary>
    /// Parses YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm or YYYY-MM-DDThh:mm:ss (digits only, no surrounding
    /// blanks). <paramref name="status"/> tells a malformed text from an impossible date.
    /// </summary>
    public static bool TryParse(string? text, out PartialDate value, out PartialDateStatus status)
    {
        value = default;
        status = PartialDateStatus.Malformed;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        ReadOnlySpan<char> s = text;
        int? month = null, day = null;
        int hour = 0, minute = 0, second = 0;
        bool hasTime = false, hasSeconds = false;
        if (s.Length < 4 || !Digits(s[..4], out int year))
        {
            return false;
        }

        int pos = 4;
        if (pos < s.Length)
        {
            if (s[pos] != '-' || s.Length < pos + 3 || !Digits(s.Slice(pos + 1, 2), out int m))
            {
                return false;
            }

            month = m;
            pos += 3;
        }

        if (pos < s.Length)
        {
            if (s[pos] != '-' || s.Length < pos + 3 || !Digits(s.Slice(pos + 1, 2), out int d))
            {
                return false;
            }

            day = d;
            pos += 3;
        }

        if (pos < s.Length)
        {
            if (s[pos] != 'T' || s.Length < pos + 6 || !Digits(s.Slice(pos + 1, 2), out hour) || s[pos + 3] != ':' || !Digits(s.Slice(pos + 4, 2), out minute))
            {
                return false;
            }

            hasTime = true;
            pos += 6;
            if (pos < s.Length)
            {
                if (s[pos] != ':' || s.Length != pos + 3 || !Digits(s.Slice(pos + 1, 2), out second))
                {
                    return false;
                }

                hasSeconds = true;
                pos += 3;
            }
        }

        if (pos != s.Length)
        {
            return false;
        }

        if (hasTime && (hour > 23 || minute > 59 || second > 59))
        {
            status = PartialDateStatus.Impossible;
            return false;
        }

        TimeOnly? time = hasTime ? new TimeOnly(hour, minute, second) : null;
        if (!TryCreate(year, month, day, time, hasSeconds, out value, out _))
        {
            status = PartialDateStatus.Impossible;
            return false;
        }

        status = PartialDateStatus.Valid;
        return true;
    }

    /// <summary>
    /// Orders two dates when the data allow it: -1 when this one is certainly earlier, 1 when certainly later, 0
    /// when both fall on the same complete day (times compared only when both have one). Returns false when the
    /// spans overlap (2023-05 against 2023-05-14): the order is unknown.
    /// </summary>
    public bool TryCompare(PartialDate other, out int order)
    {
        if (Latest < other.Earliest)
        {
            order = -1;
            return true;
        }

        if (Earliest > other.Latest)
        {
            order = 1;
            return true;
        }

        if (IsCompleteDate && other.IsCompleteDate)
        {
            order = Time is { } t && other.Time is { } u ? t.CompareTo(u) : 0;
            order = Math.Sign(order);
            return true;
        }

        order = 0;
        return false;
    }

    /// <summary>True when this date is certainly before <paramref name="other"/> (a later day, or the same day at a later time).</summary>
    public bool IsCertainlyBefore(PartialDate other) => TryCompare(other, out int order) && order < 0;

    /// <summary>The ISO 8601 text, at the precision collected.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string text = Year.ToString("0000", inv);
        if (Month is { } m)
        {
            text += "-" + m.ToString("00", inv);
        }

        if (Day is { } d)
        {
            text += "-" + d.ToString("00", inv);
        }

        if (Time is { } t)
        {
            text += "T" + t.ToString(HasSeconds ? "HH:mm:ss" : "HH:mm", inv);
        }

        return text;
    }

    private static bool TryCreate(int year, int? month, int? day, TimeOnly? time, bool hasSeconds, out PartialDate value, out string? problem)
    {
        value = default;
        if (year is < 1 or > 9999)
        {
            problem = $"year: expected 1 to 9999, found {year.ToString(CultureInfo.InvariantCulture)}.";
            return false;
        }

        if (month is { } m && m is < 1 or > 12)
        {
            problem = $"month: expected 1 to 12, found {m.ToString(CultureInfo.InvariantCulture)}.";
            return false;
        }

        if (day is not null && month is null)
        {
            problem = "day: expected no day when the month is unknown.";
            return false;
        }

        if (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year, month!.Value)))
        {
            problem = $"day: expected 1 to {DateTime.DaysInMonth(year, month!.Value).ToString(CultureInfo.InvariantCulture)}, found {d.ToString(CultureInfo.InvariantCulture)}.";
            return false;
        }

        if (time is not null && day is null)
        {
            problem = "time: expected a complete date before a time.";
            return false;
        }

        value = new PartialDate(year, month, day, time, hasSeconds);
        problem = null;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
