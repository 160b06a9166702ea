using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT1013 VALUE_NOT_ALLOWED: a term outside a codelist that takes no other terms (units: OT1014; extensible codelists: OT1016).</summary>
internal sealed class ValueNotAllowedRule() : ValueRule("OT1013", "Controlled terms of a codelist that is not extensible are among its terms", "CDISC SDTM controlled terminology (non-extensible codelists); the profile's sponsor codelists", "VALUE_NOT_ALLOWED")
{
    private protected override Problem? Check(ValueCell cell) =>
        IsNotAllowed(cell, unit: false) && cell.Codelist is { IsExtensible: false } codelist
            ? At(cell, $"one of {AllowedList(cell)} ({codelist})", AllowedFix(cell))
            : null;
}
