using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Recist;

/// <summary>
/// Which day a partial tumour-assessment date (RSDTC, TRDTC) is imputed to: admiral's <c>date_imputation</c> of
/// <c>derive_vars_dt()</c>, applied with <c>highest_imputation = "M"</c> (a missing day, or a missing month and day, is
/// imputed; a missing year is not). The default, <see cref="Last"/>, is stated in
/// docs/decisions/0010-assessment-date-imputation.md.
/// </summary>
public enum DateImputation
{
    /// <summary>
    /// The last day of the month (2014-02 → 2014-02-28), or of the year (2014 → 2014-12-31): admiral
    /// <c>date_imputation = "last"</c>, as the admiralonco ADRS template imputes RSDTC. The default.
    /// </summary>
    Last,

    /// <summary>
    /// The first day of the month (2014-02 → 2014-02-01), or of the year (2014 → 2014-01-01): admiral
    /// <c>date_imputation = "first"</c>, as the admiralonco ADTR template imputes TRDTC.
    /// </summary>
    First,
}

/// <summary>What was imputed in an analysis date: admiral's date imputation flag (<c>ADTF</c>).</summary>
public enum DateImputationLevel
{
    /// <summary>The day was imputed (ADTF "D").</summary>
    Day,

    /// <summary>The month and the day were imputed (ADTF "M").</summary>
    Month,
}

/// <summary>A calendar date read from an SDTM --DTC value, with what (if anything) was imputed to get it.</summary>
/// <param name="Date">The date (the collected date, or the imputed one).</param>
/// <param name="Flag">What was imputed; null for a complete date.</param>
public readonly record struct ImputedDate(DateOnly Date, DateImputationLevel? Flag)
{
    /// <summary>True when part of the date was imputed.</summary>
    public bool IsImputed => Flag is not null;

    /// <summary>
    /// The date a partial date stands for under <paramref name="imputation"/>: a complete date as collected (time ignored);
    /// YYYY-MM to the first or last day of the month (flag Day); YYYY to the first or last day of the year (flag Month).
    /// admiral <c>derive_vars_dt(highest_imputation = "M", date_imputation = "first" | "last")</c>.
    /// </summary>
    /// <param name="date">The SDTM date.</param>
    /// <param name="imputation">First or last day.</param>
    public static ImputedDate From(PartialDate date, DateImputation imputation)
    {
        if (date.IsCompleteDate)
        {
            return new ImputedDate(date.Earliest, null);
        }

        var day = imputation == DateImputation.First ? date.Earliest : date.Latest;
        return new ImputedDate(day, date.Month is null ? DateImputationLevel.Month : DateImputationLevel.Day);
    }
}

/// <summary>The ADaM codes of <see cref="DateImputationLevel"/>.</summary>
public static class DateImputationLevels
{
    /// <summary>ADTF: "D" (day imputed) or "M" (month and day imputed), as admiral's <c>derive_vars_dt()</c>.</summary>
    public static string ToCode(this DateImputationLevel flag) => flag switch
    {
        DateImputationLevel.Day => "D",
        DateImputationLevel.Month => "M",
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "flag: expected a DateImputationLevel member."),
    };

    /// <summary>The larger of two flags (Month over Day over none): the flag of a date built from several records.</summary>
    public static DateImputationLevel? Max(DateImputationLevel? a, DateImputationLevel? b) =>
        a == DateImputationLevel.Month || b == DateImputationLevel.Month ? DateImputationLevel.Month
        : a ?? b;

    /// <summary>A short phrase for messages: "first day" or "last day" of the month or year.</summary>
    internal static string Describe(this DateImputation imputation) => imputation == DateImputation.First ? "first day" : "last day";
}
