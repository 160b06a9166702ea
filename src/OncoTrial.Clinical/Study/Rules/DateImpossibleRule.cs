using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT3002 DATE_IMPOSSIBLE: a date in ISO 8601 form that does not exist (2023-02-30, 2023-13, hour 24).</summary>
internal sealed class DateImpossibleRule() : ValueRule("OT3002", "Dates exist", "SDTMIG 3.4 §4.4.7 (ISO 8601)", "DATE_IMPOSSIBLE")
{
    private protected override Problem? Check(ValueCell cell) => DateFormatRule.DateStatus(cell) == PartialDateStatus.Impossible
        ? At(cell, "a date that exists", "Correct the date; when the day or month is unknown, leave it out (YYYY-MM or YYYY).")
        : null;
}
