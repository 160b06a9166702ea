using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT1013 VALUE_NOT_ALLOWED: a controlled term outside the allowed values (units: OT1014).</summary>
internal sealed class ValueNotAllowedRule() : ValueRule("OT1013", "Controlled terms are among the allowed values", "SDTMIG 3.4 and CDISC controlled terminology (docs/data-format.md)", "VALUE_NOT_ALLOWED")
{
    private protected override Problem? Check(ValueCell cell) =>
        IsNotAllowed(cell, unit: false) ? At(cell, "one of " + AllowedList(cell), AllowedFix(cell)) : null;
}
