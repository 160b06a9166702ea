using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT3001 DATE_FORMAT: a date that is not ISO 8601 as SDTM allows it (docs/data-format.md, Dates).</summary>
internal sealed class DateFormatRule() : ValueRule("OT3001", "Dates are ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm)", "SDTMIG 3.4 §4.4.7 (ISO 8601)", "DATE_FORMAT")
{
    private protected override Problem? Check(ValueCell cell) => DateStatus(cell) is { } status && status != PartialDateStatus.Impossible
        ? At(cell, "an ISO 8601 date YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm", "Write the date as ISO 8601, e.g. 2021-09-03; leave unknown parts out rather than writing UN or 00.")
        : null;

    /// <summary>Why a date value does not parse, or null when it parses or is not a date.</summary>
    internal static PartialDateStatus? DateStatus(ValueCell cell) =>
        cell.Variable.Type == VariableType.Date && cell.HasValue && !PartialDate.TryParse(cell.Value, out _, out var status) ? status : null;
}
